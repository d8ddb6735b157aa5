"""「與中心伺服器同步」: a laptop's file and its center's PostgreSQL server exchange changes without a workbook.

The laptop is a SQLite file, the server a real PostgreSQL database (tests/pg_server.py); both go
through the same merge rules and conflict store as the interchange workbook.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from counsel_desk import models as m
from counsel_desk.errors import UserError
from counsel_desk.store import open_database
from counsel_desk.sync import conflicts, history
from counsel_desk.sync.conflicts import Choice
from counsel_desk.sync.server_sync import open_server, sync_with_server
from tests.integration.sync_helpers import fresh_db, raw, small_world, snapshot, update


@pytest.fixture
def center(tmp_path, tmp_path_factory, pg_url):
    """A center server with records, and a laptop that has synced with it once."""
    server = open_database(pg_url)
    ids = small_world(server)
    laptop = fresh_db(tmp_path, "laptop.db", tmp_path_factory.getbasetemp(), file=True)
    first = sync_with_server(laptop, server, actor="王小明")
    yield laptop, server, ids, first
    laptop.close()
    server.close()


def open_conflict_rows(db) -> list[tuple]:
    with raw(db) as con:
        return con.execute("SELECT entity, record_id FROM sync_conflict WHERE status = 'open'").fetchall()


def purpose(db, visit: str) -> str:
    with raw(db) as con:
        return con.execute("SELECT purpose FROM site_visit WHERE id = ?", (visit,)).fetchone()[0]


def test_first_sync_brings_the_servers_records_to_the_laptop(center):
    laptop, server, ids, first = center
    assert first.pulled.totals["added"] > 0 and first.pulled.totals["conflicts"] == 0
    assert first.pushed.totals["added"] == first.pushed.totals["updated"] == 0  # what it just got is not sent back
    assert snapshot(laptop) == snapshot(server)


def test_same_visit_edited_on_laptop_and_server_is_one_stored_conflict_with_both_values(center):
    laptop, server, ids, _ = center
    visit = ids["visits"][0]
    update(laptop, m.SiteVisit, visit, {"purpose": "離線時在筆電上改的"})
    update(server, m.SiteVisit, visit, {"purpose": "同事在伺服器上改的"}, actor="李同事")

    report = sync_with_server(laptop, server, actor="王小明")

    assert report.conflicts == 1
    assert open_conflict_rows(laptop) == [("site_visit", visit)]
    assert open_conflict_rows(server) == []  # stored once: where it was found, decided there
    (c,) = conflicts.list_conflicts(laptop)
    fields = {f.key: f for f in conflicts.conflict_detail(laptop, c.id).fields}
    assert {fields["purpose"].mine, *fields["purpose"].theirs} == {"離線時在筆電上改的", "同事在伺服器上改的"}
    assert purpose(server, visit) == "同事在伺服器上改的"  # the server's value is not overwritten

    # decided on the laptop: the decision travels and replaces the server's version, no new conflict
    conflicts.resolve(laptop, c.id, {"purpose": Choice("mine" if fields["purpose"].mine == "離線時在筆電上改的"
                                                       else "theirs")}, actor="王小明")
    after = sync_with_server(laptop, server, actor="王小明")
    assert after.conflicts == 0 and after.pushed.totals["updated"] == 1
    assert purpose(server, visit) == purpose(laptop, visit) == "離線時在筆電上改的"
    assert open_conflict_rows(laptop) == open_conflict_rows(server) == []


def test_edits_on_different_records_merge_without_a_conflict(center):
    laptop, server, ids, _ = center
    first, second = ids["visits"][:2]
    update(laptop, m.SiteVisit, first, {"purpose": "筆電改第一筆"})
    update(server, m.SiteVisit, second, {"findings": "伺服器改第二筆"}, actor="李同事")
    report = sync_with_server(laptop, server, actor="王小明")
    assert report.conflicts == 0
    assert report.pulled.totals["updated"] == 1 and report.pushed.totals["updated"] == 1
    assert snapshot(laptop) == snapshot(server)
    assert open_conflict_rows(laptop) == open_conflict_rows(server) == []


def test_a_second_sync_with_nothing_new_changes_nothing(center):
    laptop, server, ids, _ = center
    update(laptop, m.SiteVisit, ids["visits"][0], {"notes": "一次"})
    sync_with_server(laptop, server, actor="王小明")
    before = (snapshot(laptop), snapshot(server))
    again = sync_with_server(laptop, server, actor="王小明")
    for direction in (again.pulled, again.pushed):
        t = direction.totals
        assert t["added"] == t["updated"] == t["conflicts"] == t["rejected"] == 0
    assert (snapshot(laptop), snapshot(server)) == before


def test_the_history_names_the_server_and_when_it_was_last_synced(center):
    laptop, server, _ids, _ = center
    (entry,) = history.server_syncs(laptop)
    assert entry.server == server.where
    sync_with_server(laptop, server, actor="王小明")
    (later,) = history.server_syncs(laptop)
    assert later.at >= entry.at
    assert any(e.file_name.startswith("中心伺服器") for e in history.imports(laptop))


def test_an_unreachable_server_is_said_in_chinese_and_nothing_changes(tmp_path, tmp_path_factory):
    laptop = fresh_db(tmp_path, "laptop.db", tmp_path_factory.getbasetemp(), file=True)
    small_world(laptop)
    before = snapshot(laptop)
    with pytest.raises(UserError) as caught:
        open_server(f"postgresql://nobody@/nothing?host={tmp_path}/no-such-socket")
    assert "無法連線到中心伺服器" in caught.value.message and "沒有任何變更" in caught.value.message
    assert snapshot(laptop) == before
    laptop.close()


def test_command_line_sync_server(center, tmp_path):
    laptop, server, ids, _ = center
    update(laptop, m.SiteVisit, ids["visits"][1], {"notes": "命令列送出"})
    done = subprocess.run([sys.executable, "-m", "counsel_desk", "sync-server", "--db", str(laptop.path),
                           "--server", server.url, "--json"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["pushed"]["updated"] == 1 and result["pulled"]["conflicts"] == 0

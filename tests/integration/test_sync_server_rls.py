"""「與中心伺服器同步」 as a counselor's own login: the server's row-level security decides what the push may write.

The other sync tests connect as the server's superuser, whom no policy binds. Here the server is
initialised (`counsel-desk server init`: roles, policies) and the laptop syncs as ``wang``, a north
counselor: her center's changes go both ways; a record of another center in her push is refused by
the server, the message names that center, and nothing of the push is written.
"""

from __future__ import annotations

from datetime import date

import pytest

from counsel_desk import models as m
from counsel_desk.errors import UserError
from counsel_desk.store import open_database, server_roles
from counsel_desk.sync.server_sync import sync_with_server
from tests.integration.sync_helpers import (
    COUNTY, TOWNSHIP, create, fresh_db, raw, small_world, snapshot, update,
)


def server_state(db) -> tuple:
    """Records, links, audit log and sync bookkeeping — all but the export log, where the pull (done before the
    push) notes what the server sent."""
    with raw(db) as con:
        kept = [sorted(map(repr, con.execute(f"SELECT * FROM {t}").fetchall()))
                for t in ("audit_log", "sync_base", "sync_conflict", "import_log")]
    return snapshot(db), kept


def purpose(db, visit: str) -> str:
    with raw(db) as con:
        return con.execute("SELECT purpose FROM site_visit WHERE id = ?", (visit,)).fetchone()[0]


@pytest.fixture
def secured(tmp_path, tmp_path_factory, pg_url):
    """A center server initialised with roles and policies, north records and one of the south center; a
    laptop that synced once as ``wang`` (north)."""
    owner = open_database(pg_url)
    with owner.engine.begin() as conn:
        server_roles.apply(conn, server_roles.init_sql())
        server_roles.apply(conn, server_roles.person_sql("wang", center="north"))
    ids = small_world(owner)
    south = create(owner, m.SiteVisit(center_code="south", visit_date=date(2026, 11, 5), county_code=COUNTY,
                                      township_code=TOWNSHIP, mode="onsite", purpose="南區的訪視"), actor="南區")
    wang = open_database(pg_url.replace("postgresql://postgres@", "postgresql://wang@", 1))
    laptop = fresh_db(tmp_path, "laptop.db", tmp_path_factory.getbasetemp(), file=True)
    first = sync_with_server(laptop, wang, actor="王小明")
    yield laptop, owner, wang, ids, south.id, first
    laptop.close()
    wang.close()
    owner.close()


def test_a_counselors_own_center_changes_are_pushed_and_pulled_under_her_login(secured):
    laptop, owner, wang, ids, south, first = secured
    assert first.pulled.totals["added"] > 0 and snapshot(laptop) == snapshot(owner)  # she reads every center
    one, two = ids["visits"][:2]
    update(laptop, m.SiteVisit, one, {"purpose": "筆電上改的北區訪視"})
    new = create(laptop, m.SiteVisit(center_code="north", visit_date=date(2026, 11, 20), county_code=COUNTY,
                                     township_code=TOWNSHIP, mode="phone", purpose="筆電新增"))
    create(laptop, m.FollowUp(visit_id=new.id, description="寄送資料"))
    update(owner, m.SiteVisit, two, {"findings": "同事在伺服器上改的"}, actor="李同事")

    report = sync_with_server(laptop, wang, actor="王小明")

    assert report.conflicts == 0
    assert report.pulled.totals["updated"] == 1
    assert report.pushed.totals["updated"] == 1 and report.pushed.totals["added"] == 2
    assert purpose(owner, one) == "筆電上改的北區訪視" and purpose(owner, new.id) == "筆電新增"
    assert snapshot(laptop) == snapshot(owner)
    with raw(owner) as con:  # the server's audit log names her login
        (actor,) = con.execute("SELECT actor FROM audit_log WHERE action = 'import' ORDER BY seq DESC LIMIT 1").fetchone()
    assert actor == "王小明 [wang]"


@pytest.mark.parametrize("how", ["edited", "added"])
def test_another_centers_record_in_her_push_is_refused_by_the_server_naming_the_center(secured, how):
    laptop, owner, wang, ids, south, _ = secured
    update(laptop, m.SiteVisit, ids["visits"][0], {"purpose": "北區的修改（同一次送出）"})
    if how == "edited":
        update(laptop, m.SiteVisit, south, {"purpose": "越區修改"})
    else:
        create(laptop, m.SiteVisit(center_code="south", visit_date=date(2026, 11, 21), county_code=COUNTY,
                                   township_code=TOWNSHIP, mode="onsite", purpose="越區新增"))
    before = server_state(owner)
    mine = snapshot(laptop)

    with pytest.raises(UserError) as refused:
        sync_with_server(laptop, wang, actor="王小明")

    message = refused.value.zh
    assert "南區（實地訪視）" in message and "wang" in message and "沒有寫入" in message, message
    assert "row-level security" not in message and "violates" not in message  # words, not the server's error
    assert server_state(owner) == before  # nothing of the push, not even her own center's edit
    assert snapshot(laptop) == mine  # and nothing of hers is lost: it is sent once the other center's is undone
    assert purpose(owner, ids["visits"][0]) != "北區的修改（同一次送出）"


def test_a_text_too_long_for_the_servers_column_is_named_and_nothing_of_the_push_is_written(secured):
    laptop, owner, wang, ids, _south, _ = secured
    with raw(laptop) as con:  # kept by a laptop before the services checked lengths (SQLite stores any length)
        con.execute("UPDATE contact SET phone = ?, version = version + 1, updated_at = ? WHERE id = ?",
                    ("0" * 33, "2099-01-01 00:00:00.000000", ids["contacts"][0]))
    update(laptop, m.SiteVisit, ids["visits"][0], {"purpose": "同一次送出的修改"})
    before = server_state(owner)
    with pytest.raises(UserError) as refused:
        sync_with_server(laptop, wang, actor="王小明")
    assert "電話最多 32 字，這一格有 33 字" in refused.value.zh and "未做任何變更" in refused.value.zh
    assert server_state(owner) == before


def test_a_workbook_with_another_centers_records_imported_under_her_login_is_refused_naming_the_center(
        secured, tmp_path, tmp_path_factory):
    from counsel_desk.sync import export_workbook, import_workbooks

    _laptop, owner, wang, _ids, _south, _ = secured
    other = fresh_db(tmp_path, "hq.db", tmp_path_factory.getbasetemp(), file=True)
    try:
        create(other, m.SiteVisit(center_code="east", visit_date=date(2026, 11, 22), county_code=COUNTY,
                                  township_code=TOWNSHIP, mode="onsite", purpose="東區的訪視"))
        book = tmp_path / "東區.xlsx"
        export_workbook(other, book, mask=False)
    finally:
        other.close()
    before = server_state(owner)
    with pytest.raises(UserError) as refused:
        import_workbooks(wang, [book], actor="王小明")
    assert "東區（實地訪視）" in refused.value.zh and "東區.xlsx" in refused.value.zh, refused.value.zh
    assert server_state(owner) == before

"""A headquarters import's bulk adds on the server: foreign keys checked once, set-based (sync/bulk_keys.py).

Where the login may set ``session_replication_role`` (the superuser the other tests connect as; headquarters
after ``server init``), each bulk add looks its references up once, locks them as the server's per-row check
would, and inserts with the per-row triggers off. What must hold whichever way the rows go in: a reference
that is gone refuses the batch by name with nothing written, a colleague cannot delete a record the new rows
point to while the import runs, colleagues' lists are told, and a counselor's login is still refused another
center's rows by row-level security. A real server (tests/pg_server.py).
"""

from __future__ import annotations

import threading
from datetime import date

import psycopg
import pytest
from sqlalchemy import text

from counsel_desk import models as m
from counsel_desk.errors import UserError
from counsel_desk.store import open_database, search, server_roles
from counsel_desk.sync import bulk_keys, importer
from counsel_desk.sync import format as fmt
from counsel_desk.sync.export import export_workbook
from counsel_desk.sync.importer import import_workbooks
from tests.integration.sync_helpers import COUNTY, TOWNSHIP, create, fresh_db, raw, set_links, small_world

AFTER_VISITS = len(fmt.SHEETS) + [s.key for s in fmt.SHEETS].index("visits") + 1  # progress tick: one file's visits merged


def _laptop(tmp_path, tmp_path_factory, visits: int = 3):
    laptop = fresh_db(tmp_path, "north.db", tmp_path_factory.getbasetemp(), file=True)
    return laptop, small_world(laptop, visits=visits)


def _book(laptop, tmp_path, name: str):
    book = tmp_path / name
    export_workbook(laptop, book, actor="王小明", center="north")
    return book


@pytest.fixture
def replica_paths(monkeypatch):
    """Each bulk add's table, and whether it went in with its keys checked here (True) or by the server's triggers."""
    seen: list[tuple[str, bool]] = []
    original = bulk_keys.BulkKeys.insert

    def insert(self, table, *args, **kwargs):
        seen.append((table, self.allowed() and self.plan(table) is not None))
        return original(self, table, *args, **kwargs)

    monkeypatch.setattr(bulk_keys.BulkKeys, "insert", insert)
    return seen


def _count(db, table: str) -> int:
    with raw(db) as con:
        return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


@pytest.mark.parametrize("gone", ["organization", "counselor"])  # a record's own column; a link's list of ids
def test_a_reference_gone_by_the_merge_refuses_the_import_by_name_and_nothing_is_written(
        tmp_path, tmp_path_factory, pg_url, monkeypatch, replica_paths, gone):
    laptop, _ids = _laptop(tmp_path, tmp_path_factory)
    book = _book(laptop, tmp_path, "north.xlsx")
    laptop.close()
    checks = importer.check_batch

    def checked_then_gone(link, files, problems):  # the record vanishes between the checks and the merge
        extra = checks(link, files, problems)
        link.execute(f"DELETE FROM sync_stage_{gone}")
        link.commit()
        return extra

    monkeypatch.setattr(importer, "check_batch", checked_then_gone)
    hq = open_database(pg_url)
    tables = ("site_visit", "contact", "counselor", "visit_counselor", "import_log", "audit_log", "sync_base")
    before = {t: _count(hq, t) for t in tables}
    try:
        with pytest.raises(UserError) as refused:
            import_workbooks(hq, [book], actor="總部")
        message = refused.value.zh
        assert fmt.BY_TABLE[gone].title in message and "已不在伺服器上" in message, message
        assert "資料庫未做任何變更" in message and "violates" not in message
        assert any(checked for _t, checked in replica_paths)  # refused by the set-based check, not by a trigger
        assert {t: _count(hq, t) for t in tables} == before
        assert before["site_visit"] == 0
    finally:
        hq.close()


def test_a_colleague_cannot_delete_a_record_the_imported_visits_point_to_while_the_import_runs(
        tmp_path, tmp_path_factory, pg_url, replica_paths):
    laptop, ids = _laptop(tmp_path, tmp_path_factory)
    first = _book(laptop, tmp_path, "north-1.xlsx")
    hq, colleague = open_database(pg_url), open_database(pg_url)
    try:
        import_workbooks(hq, [first], actor="總部")
        new = create(laptop, m.SiteVisit(center_code="north", visit_date=date(2026, 11, 24), county_code=COUNTY,
                                         township_code=TOWNSHIP, organization_id=ids["organizations"][0], mode="onsite",
                                         purpose="筆電上新增的訪視"))
        set_links(laptop, m.SiteVisit, new.id, "visit_counselor", "visit_id", "counselor_id", ids["counselors"])
        second = _book(laptop, tmp_path, "north-2.xlsx")
        refused: list[str] = []

        def delete_organisation() -> None:
            with colleague.engine.connect() as conn:
                conn.execute(text("SET lock_timeout = '300ms'"))
                try:
                    conn.execute(text("DELETE FROM organization WHERE id = :o"), {"o": ids["organizations"][0]})
                except Exception as exc:  # noqa: BLE001 — which refusal is what the test looks at
                    refused.append(getattr(getattr(exc, "orig", None), "sqlstate", "") or "")
                conn.rollback()

        def progress(done: int, total: int) -> bool:
            if done == AFTER_VISITS:
                worker = threading.Thread(target=delete_organisation)  # another program's connection
                worker.start()
                worker.join(timeout=30)
            return True

        report = import_workbooks(hq, [second], actor="總部", progress=progress)
        assert report.applied and report.totals["added"] == 1  # the visit (with its counselor link)
        assert ("site_visit", True) in replica_paths
        # her delete waited for the import's lock on the organisation (lock_not_available), it was not refused
        # only by the visits committed before (foreign_key_violation): the new visit's reference was held
        assert refused == ["55P03"]
        with raw(hq) as con:
            assert con.execute("SELECT organization_id FROM site_visit WHERE id = ?", (new.id,)).fetchone()[0] == \
                ids["organizations"][0]
    finally:
        laptop.close()
        hq.close()
        colleague.close()


def _notices(con: psycopg.Connection) -> set[str]:
    return {n.payload.split(" ")[0] for n in con.notifies(timeout=1.0)}


@pytest.mark.parametrize("granted", [True, False], ids=["granted", "not-granted"])
def test_a_headquarters_login_takes_the_set_based_path_when_granted_and_colleagues_are_told_either_way(
        tmp_path, tmp_path_factory, pg_url, replica_paths, granted):
    laptop, ids = _laptop(tmp_path, tmp_path_factory)
    book = _book(laptop, tmp_path, "north.xlsx")
    laptop.close()
    owner = open_database(pg_url)
    with owner.engine.begin() as conn:
        server_roles.apply(conn, server_roles.init_sql())  # as a superuser: headquarters get the parameter
        server_roles.apply(conn, server_roles.person_sql("chen.hq", hq=True))
        if not granted:
            conn.execute(text(f"REVOKE SET ON PARAMETER session_replication_role FROM {server_roles.HQ}"))
        assert server_roles.bulk_grant_missing(conn) == (not granted)  # what `server init` tells the owner
    chen = open_database(pg_url.replace("postgresql://postgres@", "postgresql://chen.hq@", 1))
    url = chen.engine.url
    listener = psycopg.connect(host=url.query["host"], user="postgres", dbname=url.database, autocommit=True)
    try:
        listener.execute("LISTEN counsel_desk_changed")
        report = import_workbooks(chen, [book], actor="陳總部")
        assert report.applied and report.totals["added"] > 0 and not report.problems
        assert replica_paths and all(checked == granted for _t, checked in replica_paths)
        assert {"visits", "followups", "counselors", "workstations"} <= _notices(listener)
        with raw(owner) as con:
            assert con.execute("SELECT count(*) FROM visit_counselor").fetchone()[0] == len(ids["visits"])
        with chen.engine.connect() as conn:  # the import's own pooled connection: found the moment it committed
            assert conn.execute(text("SELECT current_setting('session_replication_role')")).scalar() == "origin"
            assert sorted(search.matching_ids(conn, "site_visit", "DNA 盤點")) == sorted(ids["visits"])
    finally:
        listener.close()
        chen.close()
        with owner.engine.begin() as conn:
            server_roles.apply(conn, server_roles.init_sql())  # the grant back, for the other tests
        owner.close()


def test_a_counselor_granted_the_parameter_is_still_refused_another_centers_rows(tmp_path, tmp_path_factory, pg_url,
                                                                               replica_paths):
    owner = open_database(pg_url)
    with owner.engine.begin() as conn:
        server_roles.apply(conn, server_roles.init_sql())
        server_roles.apply(conn, server_roles.person_sql("wang", center="north"))
        conn.execute(text("GRANT SET ON PARAMETER session_replication_role TO wang"))
    other = fresh_db(tmp_path, "east.db", tmp_path_factory.getbasetemp(), file=True)
    wang = open_database(pg_url.replace("postgresql://postgres@", "postgresql://wang@", 1))
    try:
        create(other, m.SiteVisit(center_code="east", visit_date=date(2026, 11, 22), county_code=COUNTY,
                                  township_code=TOWNSHIP, mode="onsite", purpose="東區的訪視"))
        book = tmp_path / "東區.xlsx"
        export_workbook(other, book, mask=False)
        with pytest.raises(UserError) as refused:
            import_workbooks(wang, [book], actor="王小明")
        assert "東區（實地訪視）" in refused.value.zh and "東區.xlsx" in refused.value.zh, refused.value.zh
        assert ("site_visit", True) in replica_paths  # the rows went in with the triggers off: the policy still held
        assert _count(owner, "site_visit") == 0 and _count(owner, "import_log") == 0
    finally:
        other.close()
        wang.close()
        with owner.engine.begin() as conn:
            conn.execute(text("REVOKE SET ON PARAMETER session_replication_role FROM wang"))
        owner.close()

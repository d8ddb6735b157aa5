"""Headquarters imports a center's workbook into the PostgreSQL server while colleagues keep working on it.

The import merges in one transaction; the audit chain's lock (which every save takes at COMMIT) is taken
only by the import's last statement, so a colleague's save in the middle of the merge goes through at
once, and the chain holds both afterwards. A real server (tests/pg_server.py), two connections.
"""

from __future__ import annotations

import threading

import pytest

from sqlalchemy import text

from counsel_desk import models as m
from counsel_desk.store import audit, open_database
from counsel_desk.sync.export import export_workbook
from counsel_desk.sync.importer import import_workbooks
from tests.integration.sync_helpers import fresh_db, raw, small_world, update


def _chain_lock_holders(db) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = :k "
                                     "AND granted"), {"k": audit.AUDIT_LOCK}).scalar_one())


def test_a_colleague_saves_while_headquarters_imports_and_the_audit_chain_holds_both(tmp_path, tmp_path_factory,
                                                                                     pg_url):
    laptop = fresh_db(tmp_path, "north.db", tmp_path_factory.getbasetemp(), file=True)
    small_world(laptop, visits=3)
    book = tmp_path / "north.xlsx"
    export_workbook(laptop, book, actor="王小明", center="north")
    laptop.close()
    hq, colleague = open_database(pg_url), open_database(pg_url)
    try:
        own = small_world(colleague, visits=1)["visits"][0]
        seen: list[tuple[int, bool]] = []

        def save() -> None:
            update(colleague, m.SiteVisit, own, {"purpose": "總部同仁在匯入時修改"}, actor="總部同仁")

        def progress(done: int, total: int) -> bool:
            if done == total // 2 + 1:  # the first sheet merged: the import's transaction is open
                saver = threading.Thread(target=save)
                saver.start()
                saver.join(timeout=30)
                seen.append((_chain_lock_holders(colleague), not saver.is_alive()))
            return True

        report = import_workbooks(hq, [book], actor="總部", progress=progress)
        assert report.applied and not report.problems and report.totals["added"] > 0
        assert seen == [(0, True)]  # nobody held the chain, and her save did not wait for the import
        with raw(hq) as con:
            assert con.execute("SELECT purpose FROM site_visit WHERE id = ?", (own,)).fetchone()[0] == "總部同仁在匯入時修改"
            actions = [r[0] for r in con.execute("SELECT action FROM audit_log ORDER BY seq")]
        assert actions.index("update") < actions.index("import")  # hers committed first, the import's after
        with hq.engine.connect() as conn:
            check = audit.verify(conn)
        assert check.ok, check
    finally:
        hq.close()
        colleague.close()


def _north_book(tmp_path, tmp_path_factory):
    """A north laptop's workbook of three visits (with the words 「地方 DNA 盤點」), and the visits' ids."""
    laptop = fresh_db(tmp_path, "north.db", tmp_path_factory.getbasetemp(), file=True)
    visits = small_world(laptop, visits=3)["visits"]
    book = tmp_path / "north.xlsx"
    export_workbook(laptop, book, actor="王小明", center="north")
    laptop.close()
    return book, visits


def _has_trigram_index(db, table: str) -> bool:
    with db.engine.connect() as conn:
        return conn.execute(text("SELECT to_regclass(:i) IS NOT NULL"), {"i": f"ix_{table}_trgm"}).scalar_one()


def test_a_large_load_builds_the_search_index_once_and_a_cancelled_one_leaves_it_as_it_was(
        tmp_path, tmp_path_factory, pg_url, monkeypatch):
    """A load that at least doubles a search table rebuilds its trigram index at the end (here every load is
    "large"); the visits are found by a word of their text through it. Cancelled midway: nothing is written
    and the index is still there."""
    from counsel_desk.errors import UserError
    from counsel_desk.store import dialects, search

    monkeypatch.setattr(dialects, "TRIGRAM_REBUILD_ROWS", 1)
    book, visits = _north_book(tmp_path, tmp_path_factory)
    hq = open_database(pg_url)
    try:
        with pytest.raises(UserError):
            import_workbooks(hq, [book], actor="總部", progress=lambda done, total: done <= total // 2)
        assert _has_trigram_index(hq, "search_index_site_visit")
        with raw(hq) as con:
            assert con.execute("SELECT count(*) FROM site_visit").fetchone()[0] == 0
        import_workbooks(hq, [book], actor="總部")
        assert _has_trigram_index(hq, "search_index_site_visit")
        with hq.engine.connect() as conn:
            assert sorted(search.matching_ids(conn, "site_visit", "DNA 盤點")) == sorted(visits)
    finally:
        hq.close()


def _build_tables(db) -> list[str]:
    with db.engine.connect() as conn:
        return list(conn.execute(text("SELECT relname FROM pg_class WHERE relname LIKE 'cd_build%'")).scalars())


def test_a_large_loads_search_table_is_built_beside_the_merge_keeping_colleagues_saves_and_the_staffs_rights(
        tmp_path, tmp_path_factory, pg_url, monkeypatch):
    """The search table a large load fills is built by a second connection and put in place at the end of the
    merge: a colleague's search text saved meanwhile (one visit re-worded, one removed) is what the table holds
    afterwards, the imported visits are found by their words, the staff keep their rights on the table, and
    no helper table is left behind — nor by a cancelled import."""
    from counsel_desk.errors import UserError
    from counsel_desk.store import dialects, search, server_roles
    from counsel_desk.sync import format as fmt

    monkeypatch.setattr(dialects, "TRIGRAM_REBUILD_ROWS", 1)
    book, visits = _north_book(tmp_path, tmp_path_factory)
    hq, colleague = open_database(pg_url), open_database(pg_url)
    try:
        with hq.engine.begin() as conn:
            server_roles.apply(conn, server_roles.init_sql())
        mine, gone = small_world(colleague, visits=2)["visits"]
        with colleague.engine.begin() as conn:
            search.index(conn, "site_visit", mine, "舊的說法")
        after_visits = len(fmt.SHEETS) + [s.key for s in fmt.SHEETS].index("visits") + 1

        with hq.engine.connect() as conn:  # an import killed after its helper committed a copy
            conn.execute(text("SELECT cd_search_build_start('search_index_site_visit', 'cd_build_00000000ab_0')"))
            conn.commit()
        assert _build_tables(hq) == ["cd_build_00000000ab_0"]
        with pytest.raises(UserError):  # the next large import drops that orphan; cancelled, it leaves none of its own
            import_workbooks(hq, [book], actor="總部", progress=lambda done, total: done <= after_visits)
        assert _build_tables(hq) == [] and _has_trigram_index(hq, "search_index_site_visit")

        def progress(done: int, total: int) -> bool:
            if done == after_visits:  # the visits merged, their search table being built beside
                with colleague.engine.begin() as conn:
                    search.index(conn, "site_visit", mine, "匯入時改寫的說法")
                    search.remove(conn, gone)
            return True

        report = import_workbooks(hq, [book], actor="總部", progress=progress)
        assert report.applied and report.totals["added"] > 0
        assert _build_tables(hq) == [] and _has_trigram_index(hq, "search_index_site_visit")
        with hq.engine.connect() as conn:
            # her two visits had the imported ones' words too: one re-worded, one removed meanwhile
            assert sorted(search.matching_ids(conn, "site_visit", "DNA 盤點")) == sorted(visits)
            assert search.matching_ids(conn, "site_visit", "匯入時改寫") == [mine]
            assert search.matching_ids(conn, "site_visit", "舊的說法") == []
            rights = set(conn.execute(text("SELECT privilege_type FROM information_schema.role_table_grants "
                                           "WHERE table_name = 'search_index_site_visit' AND grantee = 'cd_staff'"))
                         .scalars())
            conn.execute(text("SET LOCAL enable_seqscan = off"))  # a table of five rows: found through the index
            plan = "\n".join(conn.execute(text("EXPLAIN SELECT rowid FROM search_index_site_visit "
                                               "WHERE body_lower LIKE '%dna 盤點%'")).scalars())
        assert rights == {"SELECT", "INSERT", "UPDATE", "DELETE"}
        assert "ix_search_index_site_visit_trgm" in plan
    finally:
        hq.close()
        colleague.close()


def test_a_headquarters_login_has_the_search_table_rebuilt_with_the_owners_rights_and_a_counselor_cannot(
        tmp_path, tmp_path_factory, pg_url, monkeypatch):
    """Headquarters' staff log in as themselves, not as the tables' owner: the rebuild runs in the owner's
    functions, and the table keeps its owner and rights; a counselor's login may not have a table rebuilt."""
    from sqlalchemy.exc import DBAPIError

    from counsel_desk.store import dialects, search, server_roles

    monkeypatch.setattr(dialects, "TRIGRAM_REBUILD_ROWS", 1)
    book, visits = _north_book(tmp_path, tmp_path_factory)
    owner = open_database(pg_url)
    with owner.engine.begin() as conn:
        server_roles.apply(conn, server_roles.init_sql())
        server_roles.apply(conn, server_roles.person_sql("chen.hq", hq=True))
        server_roles.apply(conn, server_roles.person_sql("wang", center="north"))
    chen = open_database(pg_url.replace("postgresql://postgres@", "postgresql://chen.hq@", 1))
    wang = open_database(pg_url.replace("postgresql://postgres@", "postgresql://wang@", 1))
    try:
        with wang.engine.connect() as conn:
            assert dialects.bulk_load_candidates(conn, {"search_index_site_visit": 5}) == []
            with pytest.raises(DBAPIError, match="may not rebuild"):
                conn.execute(text("SELECT cd_search_build_start('search_index_site_visit', 'cd_build_0123456789_0')"))
        with chen.engine.connect() as conn:
            assert dialects.bulk_load_candidates(conn, {"search_index_site_visit": 5}) == ["search_index_site_visit"]
            with pytest.raises(DBAPIError, match="not a search table"):
                conn.execute(text("SELECT cd_search_build_drop('site_visit', 'cd_build_0123456789_0')"))
        report = import_workbooks(chen, [book], actor="陳總部")
        assert report.applied and report.totals["added"] > 0
        assert _build_tables(owner) == [] and _has_trigram_index(owner, "search_index_site_visit")
        with chen.engine.connect() as conn:
            assert sorted(search.matching_ids(conn, "site_visit", "DNA 盤點")) == sorted(visits)
        with owner.engine.connect() as conn:
            table_owner = conn.execute(text("SELECT tableowner FROM pg_tables "
                                            "WHERE tablename = 'search_index_site_visit'")).scalar_one()
            grantees = set(conn.execute(text("SELECT grantee FROM information_schema.role_table_grants "
                                             "WHERE table_name = 'search_index_site_visit'")).scalars())
        assert table_owner == "postgres" and grantees == {"postgres", "cd_staff"}
    finally:
        chen.close()
        wang.close()
        owner.close()


@pytest.mark.parametrize("second", ["another laptop", "the same workbook again"])
def test_the_search_index_built_once_the_last_files_rows_are_in_finds_every_files_visits(
        tmp_path, tmp_path_factory, pg_url, monkeypatch, second):
    """The index of a side-built table is begun right after the last file's rows are handed over (the rest of that
    file's merge runs meanwhile); when the last file adds none, once the sheet is merged. Either way every file's
    visits are found."""
    from counsel_desk.store import dialects, search

    monkeypatch.setattr(dialects, "TRIGRAM_REBUILD_ROWS", 1)
    first, visits = _north_book(tmp_path, tmp_path_factory)
    if second == "another laptop":
        other = fresh_db(tmp_path / "b", "other.db", tmp_path_factory.getbasetemp(), file=True)
        visits = visits + small_world(other, visits=2)["visits"]
        book = tmp_path / "other.xlsx"
        export_workbook(other, book, actor="李小華", center="north")
        other.close()
    else:
        book = first
    hq = open_database(pg_url)
    try:
        report = import_workbooks(hq, [first, book], actor="總部")
        assert report.applied and report.counts["visits"]["added"] == len(visits)
        assert _build_tables(hq) == [] and _has_trigram_index(hq, "search_index_site_visit")
        with hq.engine.connect() as conn:
            assert sorted(search.matching_ids(conn, "site_visit", "DNA 盤點")) == sorted(visits)
    finally:
        hq.close()

"""Migrations build the whole schema from empty, and the models match them exactly."""

from __future__ import annotations


import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

import counsel_desk.models  # noqa: F401 — registers every table on SQLModel.metadata
from counsel_desk.store import driver
from counsel_desk.store import migrate, open_database
from counsel_desk.store.migrate import include_name


def test_migrations_build_every_model_table(db):
    tables = set(inspect(db.engine).get_table_names())
    assert set(SQLModel.metadata.tables) <= tables
    assert "search_index_site_visit" in tables and "search_index_doc" in tables and "alembic_version" in tables
    assert migrate.current(db.engine) == migrate.head()


def test_models_match_migrations_autogenerate_diff_is_empty(db):
    with db.engine.connect() as conn:
        mc = MigrationContext.configure(conn, opts={"include_name": include_name, "compare_type": True})
        diff = compare_metadata(mc, SQLModel.metadata)
    assert diff == []


def test_upgrade_is_idempotent(tmp_path):
    path = tmp_path / "twice.db"
    open_database(path).close()
    before = driver.connect(path).execute("SELECT version_num FROM alembic_version").fetchall()
    open_database(path).close()
    after = driver.connect(path).execute("SELECT version_num FROM alembic_version").fetchall()
    assert before == after


def test_every_synced_table_has_sync_columns_and_indexes(db):
    from counsel_desk.models import SYNC_COLUMNS, SYNCED_MODELS

    insp = inspect(db.engine)
    for model in SYNCED_MODELS:
        cols = {c["name"] for c in insp.get_columns(model.__tablename__)}
        assert set(SYNC_COLUMNS) <= cols, model.__tablename__
        pk = insp.get_pk_constraint(model.__tablename__)["constrained_columns"]
        assert pk == ["id"]
    indexed = {(ix["name"]) for ix in insp.get_indexes("site_visit")}
    assert {"ix_site_visit_visit_date", "ix_site_visit_county_code", "ix_site_visit_township_code"} <= indexed
    assert "ix_proposal_stage" in {ix["name"] for ix in insp.get_indexes("proposal")}
    assert "ix_followup_status" in {ix["name"] for ix in insp.get_indexes("followup")}


def test_schema_head_constant_matches_the_scripts():
    """open_database skips Alembic for files at SCHEMA_HEAD; it must name the real newest revision."""
    assert migrate.SCHEMA_HEAD == migrate.head()


def test_a_crash_in_the_first_migration_leaves_a_file_that_opens(tmp_path, monkeypatch):
    """The whole upgrade is one transaction: a failure midway leaves no half schema behind."""
    from counsel_desk.store import database as dbmod

    path = tmp_path / "half.db"
    real_upgrade = migrate.upgrade

    def failing_upgrade(engine):
        from alembic import op  # noqa: F401  (the migration context is real)
        from sqlalchemy import event

        def boom(conn, cursor, statement, *args):
            if "CREATE TABLE site_visit" in statement:
                raise RuntimeError("power cut")

        event.listen(engine, "before_cursor_execute", boom)
        try:
            real_upgrade(engine)
        finally:
            event.remove(engine, "before_cursor_execute", boom)

    monkeypatch.setattr(dbmod.migrate, "upgrade", failing_upgrade)
    import pytest

    with pytest.raises(RuntimeError):
        open_database(path)
    monkeypatch.setattr(dbmod.migrate, "upgrade", real_upgrade)
    database = open_database(path)
    with database.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM township").scalar() == 368
    database.close()


def test_a_folder_with_odd_characters_works(tmp_path):
    folder = tmp_path / "資料 #1 ?%"
    folder.mkdir()
    open_database(folder / "x.db").close()
    from counsel_desk.store.check import check_database

    assert check_database(folder / "x.db").ok
    ro = open_database(folder / "x.db", read_only=True)
    with ro.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM county").scalar() == 22
    ro.close()


# ---- upgrading a database that holds data (every later migration, foreign keys and all) ----

OLD_REVISION = "0002_sync"  # the oldest revision centers are known to run with data


def _database_at(path, revision):
    """A new database built only up to ``revision``, through the project's own engine (keyed when encrypted)."""
    from alembic import command

    from counsel_desk.store import keys
    from counsel_desk.store.database import _create_private_file, make_engine

    _create_private_file(path)
    engine = make_engine(path, key=keys.new_key() if keys.encryption_wanted() else None)
    command.upgrade(migrate.config(engine), revision)
    return engine


def _fill_like_a_center(source, engine) -> dict[str, int]:
    """Copy a small demo center (made at head) into an old-schema database: every table and column
    the old schema has, rows and links as a center would hold them. Returns the rows per table."""
    from sqlalchemy import MetaData, insert, literal, select, text

    old = MetaData()
    old.reflect(engine)
    counts = {}
    with source.engine.connect() as src, engine.connect() as dst:
        dst.exec_driver_sql("PRAGMA foreign_keys=OFF")  # copy order does not matter; checked just below
        # what the old schema can't hold stays out: support given directly to a youth team has no workstation
        later = {r[0] for r in src.exec_driver_sql("SELECT id FROM support_record WHERE workstation_id IS NULL")}
        owner = {"support_record": "id", "support_counselor": "support_id", "youth_team_support": "support_id"}
        for name, table in old.tables.items():
            if name == "alembic_version" or name.startswith("search_index") or name not in SQLModel.metadata.tables:
                continue
            cols = [c.name for c in table.columns]
            now = SQLModel.metadata.tables[name]
            # a column a later migration dropped (workstation.youth_stayed, …) is filled with zero
            rows = [dict(m) for m in src.execute(select(*[now.c[c] if c in now.c else literal(0).label(c)
                                                          for c in cols])).mappings()]
            if name in owner:
                rows = [r for r in rows if r[owner[name]] not in later]
            if rows:
                dst.execute(insert(table), rows)
            counts[name] = len(rows)
        # the one search table of the old schema, fed from the per-entity tables of today's
        docs = [d for d in src.exec_driver_sql("SELECT rowid, entity, record_id FROM search_index_doc")
                if d[1] in old.tables and d[2] not in later]  # records the old schema has (outcomes came later)
        dst.exec_driver_sql("DELETE FROM search_index_doc")
        for rowid, entity, record_id in docs:
            body = src.exec_driver_sql(f"SELECT body FROM search_index_{entity} WHERE rowid = ?", (rowid,)).scalar()
            dst.execute(text("INSERT INTO search_index_doc (rowid, entity, record_id) VALUES (:r, :e, :i)"),
                        {"r": rowid, "e": entity, "i": record_id})
            dst.execute(text("INSERT INTO search_index (rowid, entity, body) VALUES (:r, :e, :b)"),
                        {"r": rowid, "e": entity, "b": body})
        counts["search_index_doc"] = len(docs)
        dst.commit()
        assert dst.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
        dst.exec_driver_sql("PRAGMA foreign_keys=ON")
    return counts


def _counts(engine, tables) -> dict[str, int]:
    with engine.connect() as conn:
        return {t: conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar() for t in tables}


@pytest.fixture(scope="module")
def demo_center(tmp_path_factory):
    """A small demo center at head: visits with follow-ups and counselors, workstations with
    budgets, proposals with funding lines and stage changes, support records…"""
    from datetime import date

    from counsel_desk.services.demo import generate

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    database = open_database(path)
    generate(database, visits=40, seed=7, today=date(2026, 11, 30))
    with database.engine.begin() as conn:  # and one attachment of a visit (the demo makes none)
        visit_id = conn.exec_driver_sql("SELECT id FROM site_visit ORDER BY id LIMIT 1").scalar()
        conn.exec_driver_sql(
            "INSERT INTO attachment (id, created_at, updated_at, updated_by, version, owner_type, owner_id, "
            "filename, sha256, size_bytes, media_type) VALUES ('att-1', '2026-11-30 08:00:00', "
            "'2026-11-30 08:00:00', 'test', 1, 'site_visit', ?, '訪視照片.jpg', ?, 1234, 'image/jpeg')",
            (visit_id, "ab" * 32))
    yield database
    database.close()


def test_upgrading_a_database_with_data_keeps_every_row_and_link(demo_center, tmp_path):
    """A center's database at 0002 goes through every later migration (tables rebuilt while rows of
    other tables point at them) and comes out with all its rows and no dangling reference."""
    path = tmp_path / "center.db"
    engine = _database_at(path, OLD_REVISION)
    before = _fill_like_a_center(demo_center, engine)
    engine.dispose()
    for table in ("site_visit", "followup", "visit_counselor", "attachment", "workstation", "workstation_budget",
                  "budget_line", "proposal", "funding_line", "stage_change", "support_record"):
        assert before[table] > 0, f"the fixture should hold {table} rows"

    database = open_database(path)  # the start-up path: copy aside, migrate, reference data
    try:
        assert database.upgraded_from == OLD_REVISION
        assert database.pre_upgrade_copy is not None and database.pre_upgrade_copy.exists()
        assert migrate.current(database.engine) == migrate.head()
        # the merge bookkeeping may grow: a file with records and no sync device id gets one at its first
        # open, its records pinned under an id every copy of it derives alike (store/identity.py)
        bookkeeping = ("sync_base", "app_meta")
        after = _counts(database.engine, before)
        assert {t: n for t, n in after.items() if t not in bookkeeping} == \
            {t: n for t, n in before.items() if t not in bookkeeping}
        with database.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1  # enforced again afterwards
            assert conn.exec_driver_sql("SELECT count(*) FROM site_visit WHERE key_visit").scalar() == 0
            orphans = conn.exec_driver_sql(
                "SELECT count(*) FROM followup f LEFT JOIN site_visit v ON v.id = f.visit_id WHERE v.id IS NULL")
            assert orphans.scalar() == 0
            indexed = sum(conn.exec_driver_sql(f"SELECT count(*) FROM search_index_{e}").scalar()
                          for e in ("site_visit", "followup", "organization", "workstation", "support_record",
                                    "public_space", "center_event", "proposal", "plan"))
            assert indexed == before["search_index_doc"]
        with database.engine.connect() as conn:  # the rebuilt tables still enforce their references
            with pytest.raises(Exception, match="FOREIGN KEY"):
                conn.exec_driver_sql("UPDATE followup SET visit_id = 'no-such-visit'")
    finally:
        database.close()


def test_an_upgrade_that_would_leave_dangling_references_is_refused_and_rolled_back(demo_center, tmp_path):
    """Rows pointing nowhere (written by some other tool with foreign keys off) are not carried into
    the new schema silently: the upgrade is refused in Chinese and the file stays at its old revision."""
    from counsel_desk.errors import DatabaseError
    from counsel_desk.store.database import inspect_revision, make_engine

    path = tmp_path / "dangling.db"
    engine = _database_at(path, OLD_REVISION)
    before = _fill_like_a_center(demo_center, engine)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        conn.exec_driver_sql("UPDATE followup SET visit_id = 'gone' WHERE rowid = (SELECT min(rowid) FROM followup)")
        conn.commit()
        conn.exec_driver_sql("PRAGMA foreign_keys=ON")
    engine.dispose()

    with pytest.raises(DatabaseError) as refused:
        open_database(path)
    assert "followup" in refused.value.zh and "升級" in refused.value.zh and "未變更" in refused.value.zh
    assert inspect_revision(path) == OLD_REVISION
    again = make_engine(path)
    try:
        assert _counts(again, before) == before
        with again.connect() as conn:
            tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
            assert "report_narrative" not in tables and "search_index" in tables
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        again.dispose()



def test_workstation_counters_become_dated_outcomes_and_the_columns_go(tmp_path):
    """0008: youth_stayed / youth_returned become outcome records dated the day the counter last changed
    (not after the term end), with ids every laptop derives alike; the columns are gone."""
    import importlib

    from sqlalchemy import inspect as sa_inspect

    step = importlib.import_module("counsel_desk.store.migrations.versions.0008_i17_outcomes")
    path = tmp_path / "counters.db"
    from alembic import command

    db = open_database(path)  # reference data (counties, townships) in place, then back to 0007
    engine = db.engine
    command.downgrade(migrate.config(engine), "0007_i14_audit_head")
    with engine.begin() as conn:
        town, county = conn.exec_driver_sql("SELECT code, county_code FROM township LIMIT 1").one()
        for wid, term_end, updated, stayed, returned in (
                ("w-1", "2026-06-30", "2026-11-02 20:00:00.000000", 4, 3),  # term ended before the last change
                ("w-2", None, "2026-11-02 20:00:00.000000", 0, 2),  # 04:00 on 3 Nov in Taiwan
                ("w-3", None, "2026-11-02 20:00:00.000000", 0, 0)):
            conn.exec_driver_sql(
                "INSERT INTO workstation (id, created_at, updated_at, updated_by, version, center_code, name, "
                "operator_name, operator_kind, host_name, team_size, fulltime_staff, county_code, township_code, "
                "year_approved, term_end, status, youth_stayed, youth_returned, notes) VALUES "
                "(?, ?, ?, '王', 1, 'north', ?, '', 'association', '', 0, 0, ?, ?, 115, ?, 'active', ?, ?, '')",
                (wid, updated, updated, wid, county, town, term_end, stayed, returned))
    db.close()
    db = open_database(path)
    try:
        with db.engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT id, workstation_id, kind, people, outcome_date, township_code "
                                        "FROM outcome ORDER BY workstation_id, kind").fetchall()
            cols = {c["name"] for c in sa_inspect(conn).get_columns("workstation")}
        assert [(r[1], r[2], r[3], str(r[4])) for r in rows] == [
            ("w-1", "youth_returned", 3, "2026-06-30"), ("w-1", "youth_stayed", 4, "2026-06-30"),
            ("w-2", "youth_returned", 2, "2026-11-03")]
        assert rows[0][0] == step.counter_outcome_id("w-1", "youth_returned") and rows[0][5] == town
        assert not {"youth_stayed", "youth_returned"} & cols
    finally:
        db.close()

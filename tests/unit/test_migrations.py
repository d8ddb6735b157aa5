"""Migrations build the whole schema from empty, and the models match them exactly."""

from __future__ import annotations


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

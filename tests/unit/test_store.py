"""Opening databases: settings, reference data, refusal of newer and foreign files (left untouched)."""

from __future__ import annotations

import hashlib
import os
import stat

import pytest
from sqlalchemy import text

from counsel_desk.errors import DatabaseError
from counsel_desk.store import driver
from counsel_desk.store import open_database
from counsel_desk.store.check import check_database


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.sqlite_only
def test_sqlite_settings(db):
    with db.engine.connect() as c:
        assert c.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert c.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert c.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert c.execute(text("PRAGMA busy_timeout")).scalar() >= 1000
        assert c.execute(text("PRAGMA secure_delete")).scalar() == 1


@pytest.mark.sqlite_only
def test_database_file_is_private(db):
    assert stat.S_IMODE(os.stat(db.path).st_mode) == 0o600


def test_reference_data_counts(db):
    with db.engine.connect() as c:
        def count(t: str) -> int:
            return c.execute(text(f"SELECT count(*) FROM {t}")).scalar()

        assert count("county") == 22
        assert count("township") == 368
        assert count("work_item") == 11
        assert count("center") == 4
        assert c.execute(text("SELECT count(*) FROM township WHERE indigenous_area IS NOT NULL")).scalar() == 55
        assert c.execute(text("SELECT name FROM county WHERE code='10014'")).scalar() == "臺東縣"
        # 表 1: NT$1.2 billion a year in total from ROC 111 on
        assert c.execute(text("SELECT sum(amount_ntd) FROM work_item_allocation WHERE roc_year=111")).scalar() \
            == 1_200_000_000


def test_reference_data_loads_once(tmp_path):
    from counsel_desk.store.reference import ensure_reference_data

    database = open_database(tmp_path / "r.db")
    assert ensure_reference_data(database.engine) is False
    database.close()


def test_newer_schema_is_refused_and_file_untouched(tmp_path):
    path = tmp_path / "future.db"
    open_database(path).close()
    con = driver.connect(path)
    con.execute("PRAGMA journal_mode=DELETE")
    con.execute("UPDATE alembic_version SET version_num='9999_from_the_future'")
    con.commit()
    con.close()
    before = _sha(path)
    with pytest.raises(DatabaseError) as err:
        open_database(path)
    assert "較新版本" in str(err.value) and "9999_from_the_future" in str(err.value)
    assert _sha(path) == before
    assert not (tmp_path / "future.db-wal").exists()


def test_foreign_file_is_refused(tmp_path):
    path = tmp_path / "other.db"
    con = driver.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    before = _sha(path)
    with pytest.raises(DatabaseError, match="不是 counsel_desk"):
        open_database(path)
    assert _sha(path) == before


def test_garbage_file_is_refused(tmp_path):
    path = tmp_path / "garbage.db"
    path.write_bytes(os.urandom(8192))
    with pytest.raises(DatabaseError, match="損毀"):
        open_database(path)


def test_missing_file_without_create(tmp_path):
    with pytest.raises(DatabaseError, match="找不到"):
        open_database(tmp_path / "nope.db", create=False)


def test_old_schema_is_copied_aside_before_upgrade(tmp_path, monkeypatch):
    from counsel_desk.store import database as dbmod

    path = tmp_path / "old.db"
    open_database(path).close()
    con = driver.connect(path)
    con.execute("UPDATE alembic_version SET version_num='0001_initial'")
    con.commit()
    con.close()
    monkeypatch.setattr(dbmod.migrate, "head", lambda: "0002_pretend_newer")
    monkeypatch.setattr(dbmod.migrate, "upgrade", lambda engine: None)
    database = open_database(path)
    database.close()
    assert database.pre_upgrade_copy is not None and database.pre_upgrade_copy.exists()
    copy = driver.connect(database.pre_upgrade_copy)
    assert copy.execute("SELECT count(*) FROM township").fetchone()[0] == 368


@pytest.mark.sqlite_only
def test_check_reports_healthy(db):
    result = check_database(db.path)
    assert result.ok and result.integrity == ["ok"] and result.foreign_key_violations == 0


def test_writer_busy_says_whether_another_program_writes_without_waiting_or_writing(db):
    """The save's question before it writes (ui/writer_wait.py): free → no; an import's write lock held by another
    connection → yes, answered at once; asking writes nothing, and a save afterwards still waits for a lock."""
    import time

    if db.is_server:
        assert db.writer_busy() is False  # a server locks rows, never the whole database
        return
    before = _sha(db.path)
    assert db.writer_busy() is False
    holder = driver.connect(db.path, check_same_thread=False)
    holder.isolation_level = None
    holder.execute("BEGIN IMMEDIATE")  # what a long import holds while it merges
    try:
        started = time.perf_counter()
        assert db.writer_busy() is True
        assert time.perf_counter() - started < 1.0, "asked, not waited for"
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert db.writer_busy() is False
    assert _sha(db.path) == before
    with db.engine.connect() as conn:  # the pooled connection asked with got its usual wait back
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000

"""Damaged, odd and read-only database files at start: no crash, quarantine, restore offered."""

from __future__ import annotations

import hashlib
import os
from datetime import datetime
from pathlib import Path

import pytest

from counsel_desk.errors import DatabaseError
from counsel_desk.services.safety import backup
from counsel_desk.store import driver
from counsel_desk.store import open_database, recovery
from counsel_desk.store.recovery import check_at_start, quarantine


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def filled(tmp_path):
    """A closed database with a little data and one good backup (what a real laptop has)."""
    path = tmp_path / "field.db"
    db = open_database(path)
    with db.engine.begin() as c:
        c.exec_driver_sql("INSERT INTO organization (id, created_at, updated_at, updated_by, version, name, kind, "
                          "address, phone, email, notes) VALUES ('o1', '2026-11-01 00:00:00', '2026-11-01 00:00:00', "
                          "'', 1, '臺東縣池上鄉公所', 'township_office', '', '', '', '')")
    made = backup.make_backup(path, "auto", now=datetime(2026, 11, 25, 18, 0))
    db.close()
    return path, made


def truncate(path):
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def zero_header(path):
    data = bytearray(path.read_bytes())
    data[:100] = bytes(100)
    path.write_bytes(bytes(data))


def garbage(path):
    path.write_bytes(os.urandom(len(path.read_bytes()) or 8192))


@pytest.mark.parametrize("damage", [truncate, zero_header, garbage], ids=["truncated", "zeroed-header", "garbage"])
def test_damaged_file_is_quarantined_and_the_backup_restored(filled, damage):
    path, made = filled
    damage(path)
    damaged_bytes = _sha(path)
    check = check_at_start(path)
    if damage is garbage:  # random bytes in whole pages can't be told from an encrypted file without its key
        assert check.state in (recovery.DAMAGED, recovery.LOCKED, recovery.WRONG_KEY)
    else:
        assert check.state == recovery.DAMAGED and check.damaged
    assert "損毀" in check.message
    folder = quarantine(path, now=datetime(2026, 11, 26, 8, 30))
    assert not path.exists()
    assert folder.parent == recovery.quarantine_dir(path)
    assert _sha(folder / path.name) == damaged_bytes  # moved, byte for byte, never deleted
    offer = backup.newest_good_backup(path)
    assert offer is not None and offer.path == made
    db = backup.recover(path, offer.path, actor="測試", quarantined=folder)
    try:
        with db.engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert c.exec_driver_sql("SELECT name FROM organization WHERE id='o1'").scalar() == "臺東縣池上鄉公所"
            assert c.exec_driver_sql("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1").scalar() == "restore"
    finally:
        db.close()
    assert check_at_start(path).state == recovery.OK


def test_companion_files_go_to_quarantine_with_the_database(filled):
    path, _made = filled
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").write_bytes(b"left over")
    now = datetime(2026, 11, 26, 8, 30)
    folder = quarantine(path, now=now)
    assert sorted(p.name for p in folder.iterdir()) == sorted([path.name, f"{path.name}-wal", f"{path.name}-shm"])
    assert not any(os.path.exists(f"{path}{s}") for s in ("", "-wal", "-shm"))
    path.write_bytes(b"damaged again in the same second")
    second = quarantine(path, now=now)
    assert second != folder and (folder / path.name).exists() and (second / path.name).exists()


def test_a_damaged_backup_is_skipped_when_offering(filled):
    path, older = filled
    newer = backup.make_backup(path, "manual", now=datetime(2026, 11, 26, 7, 0))
    garbage(newer)
    assert backup.newest_good_backup(path).path == older


def test_no_good_backup_means_nothing_is_offered(tmp_path):
    path = tmp_path / "lonely.db"
    path.write_bytes(b"not a database at all" * 400)
    assert check_at_start(path).damaged
    quarantine(path)
    assert backup.newest_good_backup(path) is None


def test_newer_and_foreign_files_are_left_exactly_as_they_are(tmp_path):
    newer = tmp_path / "newer.db"
    open_database(newer).close()
    con = driver.connect(newer)
    con.execute("UPDATE alembic_version SET version_num='9999_future'")
    con.commit()
    con.close()
    foreign = tmp_path / "foreign.db"
    con = driver.connect(foreign)
    con.execute("CREATE TABLE recipes (name TEXT)")
    con.commit()
    con.close()
    for path, state in ((newer, recovery.NEWER), (foreign, recovery.FOREIGN)):
        before = _sha(path)
        check = check_at_start(path)
        assert check.state == state and not check.damaged
        with pytest.raises(DatabaseError):
            open_database(path)
        assert _sha(path) == before


def test_missing_and_empty_files_are_simply_new(tmp_path):
    assert check_at_start(tmp_path / "nothing.db").state == recovery.MISSING
    (tmp_path / "empty.db").write_bytes(b"")
    assert check_at_start(tmp_path / "empty.db").state == recovery.MISSING


def test_read_only_database_opens_read_only(filled, monkeypatch):
    path, _made = filled
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, m: False if m == os.W_OK else real_access(p, m))
    check = check_at_start(path)
    assert check.state == recovery.READ_ONLY
    assert "唯讀" in check.message
    from counsel_desk.ui.startup import open_db

    db = open_db(path)
    try:
        assert db.read_only
        with db.engine.connect() as c:
            assert c.exec_driver_sql("SELECT count(*) FROM organization").scalar() == 1
    finally:
        db.close()


def test_restore_into_place_refuses_to_overwrite(filled):
    path, made = filled
    with pytest.raises(Exception, match="不會覆蓋"):
        backup.restore_to_new_file(made, path)

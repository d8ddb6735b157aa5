"""Backups through the online backup API: settings, content, privacy, automatic timing, restore, full disk."""

from __future__ import annotations

import os
import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from counsel_desk.errors import DatabaseError, UserError
from counsel_desk.models import Contact, Organization
from counsel_desk.services.safety import backup
from counsel_desk.services.safety.atomic import DiskFullError
from counsel_desk.services.base import ServiceContext, create, update
from counsel_desk.store import audit, open_database
from counsel_desk.store import driver

T0 = datetime(2026, 11, 26, 9, 0, 0)


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every table's rows, in a stable order: what "the same content" means."""
    con = driver.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                            "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
    finally:
        con.close()


def add_org(services: ServiceContext, name: str) -> str:
    with services.session_factory() as s:
        org = create(s, Organization(name=name, kind="association"), services.actor, "organization")
        s.commit()
        return org.id


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_sqlite_settings_hold_after_backup_and_restore(db, services):
    add_org(services, "臺東縣池上鄉好米協會")
    made = backup.make_backup(db.path, "manual", now=T0)
    backup.restore(db, made, actor="測試輔導員", now=T0 + timedelta(minutes=1))
    with db.engine.connect() as c:
        assert c.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert c.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert c.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert c.execute(text("PRAGMA busy_timeout")).scalar() >= 1000
        assert c.execute(text("PRAGMA secure_delete")).scalar() == 1


def test_backup_is_a_checked_private_single_file(db, services):
    add_org(services, "花蓮縣光復鄉青年會")
    made = backup.make_backup(db.path, "manual", now=T0)
    assert made.parent == db.backups_dir
    assert made.name == "test-20261126-090000-manual.db"
    assert mode(made) == 0o600 and mode(made.parent) == 0o700
    con = driver.connect(made)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # no -wal needed beside it
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    assert dump(made) == dump(db.path)
    assert not [p for p in made.parent.iterdir() if p.name.endswith((".part", "-wal", "-journal"))]


def test_same_second_backups_do_not_overwrite_each_other(db):
    a = backup.make_backup(db.path, "manual", now=T0)
    b = backup.make_backup(db.path, "manual", now=T0)
    c = backup.backup_before(db, "import", now=T0)
    assert len({a, b, c}) == 3 and a.exists() and b.exists() and c.exists()
    assert b.name == "test-20261126-090000.1-manual.db"
    assert c.name == "test-20261126-090000-before-import.db"
    listed = backup.list_backups(db.path)
    assert sorted(x.reason for x in listed) == ["before-import", "manual", "manual"]
    assert all(x.managed and x.taken_at == T0 for x in listed)


def test_backup_is_a_consistent_snapshot_while_someone_writes(db, services):
    add_org(services, "committed")
    writer = driver.connect(db.path)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE organization SET name='uncommitted'")
    try:
        made = backup.make_backup(db.path, "manual", now=T0)
    finally:
        writer.rollback()
        writer.close()
    con = driver.connect(made)
    assert [r[0] for r in con.execute("SELECT name FROM organization")] == ["committed"]
    con.close()


def test_restore_brings_back_the_content_at_backup_time(db, services):
    org_id = add_org(services, "臺東縣鹿野鄉")
    at_backup = dump(db.path)
    made = backup.make_backup(db.path, "manual", now=T0)
    add_org(services, "後來新增的單位")
    with services.session_factory() as s:
        update(s, s.get(Organization, org_id), services.actor, "organization", {"name": "改過的名字"})
        s.commit()
    result = backup.restore(db, made, actor="測試輔導員", now=T0 + timedelta(hours=1))
    after = dump(db.path)
    restore_entries = after["audit_log"][len(at_backup["audit_log"]):]
    assert [row[3] for row in restore_entries] == ["restore"]  # (seq, at, actor, action, …)
    after["audit_log"] = after["audit_log"][:len(at_backup["audit_log"])]
    for state in (after, at_backup):  # the log's head moved with the restore entry, as it should
        state["app_meta"] = [kv for kv in state["app_meta"] if kv[0] != "audit_head"]
    assert after == at_backup
    assert mode(db.path) == 0o600
    # the data from before the restore is kept in the safety backup
    assert result.safety_backup.name.endswith("-before-restore.db")
    names = [r[0] for r in driver.connect(result.safety_backup).execute("SELECT name FROM organization")]
    assert sorted(names) == ["後來新增的單位", "改過的名字"]
    # the open database keeps working through the app's engine, and its audit chain holds
    with db.session() as s:
        assert s.get(Organization, org_id).name == "臺東縣鹿野鄉"
        assert audit.verify(s).ok


def test_restore_refuses_damaged_newer_and_foreign_files(db, tmp_path):
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(os.urandom(8192))
    with pytest.raises(DatabaseError):
        backup.restore(db, garbage)
    newer = tmp_path / "newer.db"
    backup.copy_database(db.path, newer)
    con = driver.connect(newer)
    con.execute("UPDATE alembic_version SET version_num='9999_from_the_future'")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError, match="較新版本"):
        backup.restore(db, newer)
    foreign = tmp_path / "foreign.db"
    con = driver.connect(foreign)
    con.execute("CREATE TABLE notes (x)")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError):
        backup.restore(db, foreign)
    assert backup.list_backups(db.path) == []  # nothing was touched, not even a safety copy


def test_restore_reapplies_erasures_the_backup_predates(db, services):
    from counsel_desk.services.safety import privacy

    with services.session_factory() as s:
        c = create(s, Contact(name="陳美玲", phone="0912-000-111"), services.actor, "contact")
        s.commit()
    made = backup.make_backup(db.path, "manual", now=T0)
    privacy.erase_contact(services, c.id)
    result = backup.restore(db, made, now=T0 + timedelta(minutes=5))
    assert result.reapplied_erasures == 1
    with db.session() as s:
        again = s.get(Contact, c.id)
        assert again.erased_at is not None and again.phone == "" and again.name == privacy.ERASED_NAME


# --- automatic backups ------------------------------------------------------------------------------
def test_automatic_backup_timing_with_a_fake_clock(db, services):
    assert backup.backup_due(db, T0) == "first"
    first = backup.maybe_backup(db, now=T0)
    assert first is not None and "-auto" in first.name
    assert backup.maybe_backup(db, now=T0 + timedelta(minutes=10)) is None
    assert backup.maybe_backup(db, now=T0 + timedelta(minutes=45)) is None  # nothing changed
    add_org(services, "新的單位")
    assert backup.maybe_backup(db, now=T0 + timedelta(minutes=20)) is None  # changed, but too soon
    second = backup.maybe_backup(db, now=T0 + timedelta(minutes=31))
    assert second is not None and second != first
    assert backup.backup_due(db, T0 + timedelta(hours=23)) is None  # quiet day
    assert backup.backup_due(db, T0 + timedelta(days=1, minutes=31)) == "stale"


def test_read_only_database_is_not_backed_up_automatically(db):
    db.close()
    ro = open_database(db.path, read_only=True)
    try:
        assert backup.maybe_backup(ro, now=T0) is None
        with pytest.raises(UserError):
            backup.restore(ro, db.path)
    finally:
        ro.close()


# --- a full disk ----------------------------------------------------------------------------------------
def test_disk_full_during_backup_leaves_nothing_and_the_database_intact(db, services, monkeypatch):
    add_org(services, "滿的磁碟")
    before = dump(db.path)
    real_open = backup._open_target  # noqa: SLF001 — the one place a disk-full error can be injected

    def tiny_disk(path, **kw):
        con = real_open(path, **kw)
        con.execute("PRAGMA max_page_count=3")  # SQLite reports SQLITE_FULL, as on a full disk
        return con

    monkeypatch.setattr(backup, "_open_target", tiny_disk)
    with pytest.raises(DiskFullError, match="磁碟空間不足"):
        backup.make_backup(db.path, "manual", now=T0)
    assert not db.backups_dir.exists() or list(db.backups_dir.iterdir()) == []
    assert dump(db.path) == before
    with db.engine.connect() as c:
        assert c.execute(text("PRAGMA integrity_check")).scalar() == "ok"


def test_disk_full_at_fsync_of_backup(db, monkeypatch, tmp_path):
    import errno

    from counsel_desk.services.safety import atomic

    def full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    out = tmp_path / "elsewhere" / "copy.db"
    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(DiskFullError):
        backup.make_backup(db.path, out=out)
    assert list(out.parent.iterdir()) == []


def test_a_backup_that_would_fill_the_disk_is_refused_before_it_starts(db, monkeypatch):
    from collections import namedtuple

    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(backup.shutil, "disk_usage", lambda _p: usage(10**9, 10**9 - 10**6, 10**6))
    with pytest.raises(DiskFullError, match="磁碟空間不足"):
        backup.make_backup(db.path, "manual", now=T0)
    assert backup.list_backups(db.path) == []


def test_backup_ahead_is_the_data_before_the_operation(db, services):
    add_org(services, "臺南市後壁區稻米產銷班")
    before = dump(db.path)
    ahead = backup.BackupAhead(db, "import")
    made = ahead.take()
    ahead.discard()  # taken: it stays
    assert made.exists() and made.name.endswith("-before-import.db")
    assert dump(made) == before
    assert [b.path for b in backup.list_backups(db.path)] == [made]


def test_backup_ahead_made_stale_by_a_save_is_made_again(db, services):
    ahead = backup.BackupAhead(db, "import")
    ahead._future.result()  # noqa: SLF001 — the early copy is done before the save below
    add_org(services, "宜蘭縣三星鄉青蔥合作社")  # someone saves while the operation still reads its input
    made = ahead.take()
    assert dump(made) == dump(db.path)  # the save is in the backup taken before the change
    assert [b.path for b in backup.list_backups(db.path)] == [made]  # the stale copy is gone


def test_backup_ahead_of_a_refused_operation_is_not_kept(db, services):
    add_org(services, "屏東縣霧臺鄉部落廚房")
    backup.BackupAhead(db, "import").discard()
    assert backup.list_backups(db.path) == []

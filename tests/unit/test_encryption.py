"""Encryption at rest: new databases encrypted, where the key comes from, wrong keys, encrypt/decrypt."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from counsel_desk.cli import main
from counsel_desk.services.safety import backup
from counsel_desk.services.visits.drafts import DraftStore
from counsel_desk.store import driver, keys, open_database

NAME = "臺東縣池上鄉公所"
PHONE = "0912-345-678"
PASSPHRASE = "池上的稻田 rice fields"


class MemoryKeyring:
    """An OS keyring stand-in: tests never touch the real one."""

    priority = 1

    def __init__(self):
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service, user):
        return self.items.get((service, user))

    def set_password(self, service, user, password):
        self.items[(service, user)] = password


@pytest.fixture
def encrypted_env(monkeypatch):
    monkeypatch.setenv(keys.ENV_ENCRYPTION, "on")
    monkeypatch.setenv(keys.ENV_PASSPHRASE, PASSPHRASE)
    keys.forget_all()
    yield
    keys.forget_all()


def add_org(db, name: str = NAME, phone: str = PHONE) -> None:
    with db.engine.begin() as c:
        c.exec_driver_sql(
            "INSERT INTO organization (id, created_at, updated_at, updated_by, version, name, kind, address, phone, "
            "email, notes) VALUES ('o1', '2026-11-01 00:00:00', '2026-11-01 00:00:00', '', 1, ?, 'township_office', "
            "'', ?, '', '')", (name, phone))


def org_name(path: Path) -> str:
    con = driver.connect(path, read_only=True)
    try:
        return con.execute("SELECT name FROM organization WHERE id = 'o1'").fetchone()[0]
    finally:
        con.close()


def contains(path: Path, *texts: str) -> bool:
    data = path.read_bytes() if path.exists() else b""
    return any(t.encode("utf-8") in data for t in texts)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.usefixtures("encrypted_env")
def test_a_new_database_is_encrypted_and_opens_only_with_its_passphrase(tmp_path, monkeypatch):
    path = tmp_path / "field.db"
    db = open_database(path)
    assert db.key is not None and db.key.source == keys.PASSPHRASE and db.created
    add_org(db)
    wal = Path(f"{path}-wal")
    assert wal.exists() and not contains(path, NAME, PHONE) and not contains(wal, NAME, PHONE)
    db.close()
    assert not path.read_bytes().startswith(b"SQLite format 3")
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):  # the standard sqlite3 can't read it
        sqlite3.connect(path).execute("SELECT count(*) FROM sqlite_master").fetchone()
    keys.forget_all()
    assert org_name(path) == NAME  # the passphrase (from the environment) opens it again


@pytest.mark.usefixtures("encrypted_env")
def test_wrong_passphrase_is_one_line_exit_3_and_nothing_is_touched(tmp_path, monkeypatch, capsys):
    path = tmp_path / "field.db"
    db = open_database(path)
    add_org(db)
    db.close()
    before = {p.name: sha(p) for p in tmp_path.iterdir() if p.is_file()}
    keys.forget_all()
    monkeypatch.setenv(keys.ENV_PASSPHRASE, "not the passphrase")
    for command in (["check", "--db", str(path)], ["stats", "--db", str(path)], ["backup", "--db", str(path)]):
        assert main(command) == 3
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and "密碼或復原金鑰不正確" in err and "檔案未變更" in err
    assert {p.name: sha(p) for p in tmp_path.iterdir() if p.is_file()} == before
    assert not (tmp_path / "field-backups").exists()

    monkeypatch.delenv(keys.ENV_PASSPHRASE)
    assert main(["check", "--db", str(path)]) == 3
    assert "找不到它的金鑰" in capsys.readouterr().err
    assert {p.name: sha(p) for p in tmp_path.iterdir() if p.is_file()} == before


@pytest.mark.usefixtures("encrypted_env")
def test_the_recovery_key_opens_the_database_and_its_backups(tmp_path, monkeypatch):
    path = tmp_path / "field.db"
    db = open_database(path)
    add_org(db)
    recovery_key = db.key.recovery_key
    made = backup.make_backup(path, "manual")
    db.close()
    assert keys.parse_recovery_key(recovery_key) == db.key.key and len(recovery_key.split("-")) == 8
    assert driver.file_salt(made) == driver.file_salt(path) and not contains(made, NAME, PHONE)
    keys.forget_all()
    monkeypatch.setenv(keys.ENV_PASSPHRASE, recovery_key.lower().replace("-", " "))
    assert org_name(path) == NAME and org_name(made) == NAME


def test_the_key_lives_in_the_os_keyring_when_there_is_one(tmp_path, monkeypatch):
    monkeypatch.setenv(keys.ENV_ENCRYPTION, "on")
    monkeypatch.delenv(keys.ENV_PASSPHRASE, raising=False)
    ring = MemoryKeyring()
    keys.use_keyring(ring)
    try:
        path = tmp_path / "field.db"
        db = open_database(path)
        assert db.key.source == keys.KEYRING and not db.key.typed
        add_org(db)
        db.close()
        assert list(ring.items) == [(keys.SERVICE, f"database-{driver.file_salt(path).hex()}")]
        assert not contains(path, NAME) and db.key.key.hex() not in path.read_bytes().hex()
        keys.forget_all()
        assert org_name(path) == NAME
        assert {p.name for p in tmp_path.iterdir()} <= {"field.db", "field.db-wal", "field.db-shm"}  # no key file
    finally:
        keys.use_keyring(None)
        keys.forget_all()


def test_no_keyring_and_no_passphrase_refuses_to_create_rather_than_keep_a_plain_key(tmp_path, monkeypatch):
    monkeypatch.setenv(keys.ENV_ENCRYPTION, "on")
    monkeypatch.delenv(keys.ENV_PASSPHRASE, raising=False)
    assert main(["demo", "--db", str(tmp_path / "new.db"), "--visits", "5"]) == 3
    assert list(tmp_path.iterdir()) == []


NOTE = f"{NAME} {PHONE}"
NOTE_SHA = hashlib.sha256(NOTE.encode("utf-8")).hexdigest()


def _plain_world(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv(keys.ENV_ENCRYPTION, "off")
    path = tmp_path / "field.db"
    db = open_database(path)
    add_org(db)
    backup.make_backup(path, "manual")
    db.close()
    attachments = tmp_path / "field-attachments"
    attachments.mkdir()
    (attachments / (NOTE_SHA + ".txt")).write_text(NOTE, encoding="utf-8")  # named by its content, as stored
    DraftStore.for_database(path).save("visit", "new-1", {"notes": f"{NAME} {PHONE}"})
    return path


def test_encrypt_then_decrypt_converts_database_backups_attachments_and_drafts(tmp_path, monkeypatch, capsys):
    path = _plain_world(tmp_path, monkeypatch)
    folders = [tmp_path / "field-backups", tmp_path / "field-attachments", tmp_path / "field-drafts"]
    every = lambda: [path, *(p for f in folders for p in f.iterdir())]  # noqa: E731
    assert all(contains(p, NAME) for p in every())
    monkeypatch.setenv(keys.ENV_PASSPHRASE, PASSPHRASE)
    keys.forget_all()

    assert main(["encrypt", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    recovery_key = out.strip().splitlines()[-1]
    assert keys.parse_recovery_key(recovery_key) is not None and "只顯示這一次" in out
    assert not any(contains(p, NAME, PHONE) for p in every())
    # nor does a name give the content away: an attachment is named by a keyed hash once encrypted
    assert not any(NOTE_SHA in p.name for p in tmp_path.rglob("*")) and len(list(folders[1].iterdir())) == 1
    assert not any(p.name.endswith(".converting") or p.name.endswith(".part") for p in tmp_path.rglob("*"))
    assert main(["encrypt", "--db", str(path)]) == 2  # already encrypted: said, not done twice
    assert "已經加密" in capsys.readouterr().err

    keys.forget_all()
    monkeypatch.setenv(keys.ENV_PASSPHRASE, recovery_key)
    assert org_name(path) == NAME
    assert main(["check", "--db", str(path)]) == 0
    assert main(["decrypt", "--db", str(path)]) == 0
    assert path.read_bytes().startswith(b"SQLite format 3")
    assert sqlite3.connect(path).execute("SELECT name FROM organization").fetchone()[0] == NAME
    assert all(contains(p, NAME) for p in every())
    assert [p.name for p in folders[1].iterdir()] == [NOTE_SHA + ".txt"]  # its plain name again
    assert DraftStore.for_database(path).all()[0].data["notes"].startswith(NAME)


def test_encrypt_refuses_a_damaged_database_and_leaves_it(tmp_path, monkeypatch, capsys):
    path = _plain_world(tmp_path, monkeypatch)
    data = bytearray(path.read_bytes())
    data[4096 * 2: 4096 * 12] = bytes(4096 * 10)  # damaged pages, header intact
    path.write_bytes(bytes(data))
    before = sha(path)
    monkeypatch.setenv(keys.ENV_PASSPHRASE, PASSPHRASE)
    assert main(["encrypt", "--db", str(path)]) == 3
    assert sha(path) == before and not list(tmp_path.glob(".*converting"))


def test_recovery_key_and_passphrase_forms():
    key = bytes(range(32))
    text = keys.format_recovery_key(key)
    assert text == "00010203-04050607-08090A0B-0C0D0E0F-10111213-14151617-18191A1B-1C1D1E1F"
    assert keys.parse_recovery_key(text.lower()) == key and keys.parse_recovery_key("12345") is None
    salt = b"s" * 16
    assert keys.derive("臺東", salt) == keys.derive("臺東", salt) != keys.derive("台東", salt)
    assert keys.from_secret(text, salt).source == keys.RECOVERY
    assert keys.from_secret("a passphrase", salt).source == keys.PASSPHRASE
    assert "key=" not in repr(keys.from_secret("a passphrase", salt))  # never printed into a log


def test_a_sealed_file_is_unreadable_and_any_change_to_it_is_detected():
    import os

    from counsel_desk.errors import UserError
    from counsel_desk.services.safety import sealed

    key = keys.DatabaseKey(os.urandom(32), os.urandom(16), keys.KEYRING)
    content = f"{NAME} {PHONE}".encode() * 50
    blob = sealed.seal(content, key, "attachment")
    assert sealed.is_sealed(blob) and NAME.encode() not in blob and PHONE.encode() not in blob
    assert sealed.seal(content, key, "attachment") != blob  # a fresh nonce every time
    assert sealed.unseal(blob, key, "attachment") == content
    for i in (len(sealed.MAGIC) + 3, len(sealed.MAGIC) + sealed.NONCE + 5, len(blob) - 1):
        changed = bytearray(blob)
        changed[i] ^= 1
        with pytest.raises(UserError, match="已被更動"):
            sealed.unseal(bytes(changed), key, "attachment")
    other = keys.DatabaseKey(os.urandom(32), key.salt, keys.KEYRING)
    for wrong_key, purpose in ((other, "attachment"), (key, "draft")):
        with pytest.raises(UserError):
            sealed.unseal(blob, wrong_key, purpose)
    with pytest.raises(UserError):
        sealed.unseal(blob[:-40], key, "attachment")


def test_the_passphrase_key_is_the_same_with_or_without_openssl():
    salt = bytes(range(16))
    assert keys.pbkdf2_sha256("臺東 rice".encode(), salt, 1000) == \
        hashlib.pbkdf2_hmac("sha256", "臺東 rice".encode(), salt, 1000)
    long_pw = ("長密碼" * 30).encode()
    assert keys.pbkdf2_sha256(long_pw, salt, 3) == hashlib.pbkdf2_hmac("sha256", long_pw, salt, 3)


def test_a_backup_of_the_other_kind_is_refused_before_anything_changes(tmp_path, monkeypatch, capsys):
    import shutil

    path = _plain_world(tmp_path, monkeypatch)
    outside = tmp_path / "old-plain.db"
    shutil.copy(next((tmp_path / "field-backups").iterdir()), outside)  # a plain backup kept elsewhere
    monkeypatch.setenv(keys.ENV_PASSPHRASE, PASSPHRASE)
    keys.forget_all()
    assert main(["encrypt", "--db", str(path)]) == 0
    backups_before = sorted(p.name for p in (tmp_path / "field-backups").iterdir())

    def audit_entries() -> int:
        con = driver.connect(path, read_only=True)
        try:
            return con.execute("SELECT count(*) FROM audit_log").fetchone()[0]
        finally:
            con.close()

    entries = audit_entries()
    capsys.readouterr()
    assert main(["restore", "--db", str(path), str(outside)]) == 2
    assert "一個有加密" in capsys.readouterr().err
    assert driver.is_encrypted(path) and org_name(path) == NAME and audit_entries() == entries
    assert sorted(p.name for p in (tmp_path / "field-backups").iterdir()) == backups_before  # no safety copy made


def test_a_database_of_a_newer_version_is_neither_encrypted_nor_decrypted(tmp_path, monkeypatch, capsys):
    """Every other command refuses a file a newer counsel_desk wrote (exit 3); encrypt and decrypt converted it."""
    path = _plain_world(tmp_path, monkeypatch)
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '0099_future'")
    con.commit()
    con.close()
    before = sha(path)
    monkeypatch.setenv(keys.ENV_PASSPHRASE, PASSPHRASE)
    capsys.readouterr()
    assert main(["encrypt", "--db", str(path)]) == 3
    assert "較新版本" in capsys.readouterr().err
    assert sha(path) == before and not driver.is_encrypted(path) and not list(tmp_path.glob(".*converting"))

    other = tmp_path / "enc" / "center.db"
    other.parent.mkdir()
    open_database(other, key=keys.new_key(PASSPHRASE)).close()
    con = driver.connect(other)
    con.execute("UPDATE alembic_version SET version_num = '0099_future'")
    con.commit()
    con.close()
    before = sha(other)
    assert main(["decrypt", "--db", str(other)]) == 3
    assert "較新版本" in capsys.readouterr().err
    assert sha(other) == before and driver.is_encrypted(other)

"""An encrypted demo database leaks no personal data: not from the file, its WAL, its backups,
its attachments or its autosaved drafts — while the same search finds them all in a plain one."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from counsel_desk.services.safety import backup
from counsel_desk.services.attachments import AttachmentService
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.demo import generate
from counsel_desk.services.visits.drafts import DraftStore
from counsel_desk.store import driver, keys, open_database

PASSPHRASE = "示範資料的密碼 demo passphrase"


def _secrets(path: Path) -> list[str]:
    """Every organisation name, contact name and phone number of the database (read with its key)."""
    con = driver.connect(path, read_only=True)
    try:
        found = [r[0] for r in con.execute("SELECT name FROM organization UNION SELECT name FROM contact")]
        phones = [r[0] for r in con.execute("SELECT phone FROM organization UNION SELECT phone FROM contact")]
    finally:
        con.close()
    digits = [re.sub(r"\D", "", p) for p in phones]
    return sorted({s for s in found + phones + digits if len(s) >= 2})


def _world(tmp_path: Path) -> tuple[object, list[Path]]:
    """A demo database left open with a WAL full of recent changes, a backup, an attachment and a draft."""
    path = tmp_path / "demo.db"
    db = open_database(path)
    generate(db, visits=300, seed=11, center="north", today=date(2026, 11, 26))
    backup.make_backup(path, "manual")
    con = driver.connect(path, read_only=True)
    try:
        name, phone = con.execute("SELECT name, phone FROM contact WHERE phone != '' LIMIT 1").fetchone()
        org, visit = con.execute("SELECT o.name, v.id FROM site_visit v JOIN organization o "
                                 "ON o.id = v.organization_id LIMIT 1").fetchone()
    finally:
        con.close()
    note = tmp_path / "訪談紀錄.txt"
    note.write_text(f"{org}：{name} {phone}", encoding="utf-8")
    AttachmentService(ServiceContext(db.session_factory, "測試"), db.attachments_dir).attach("site_visit", visit, note)
    note.unlink()
    DraftStore.for_database(path).save("visit", "new-1", {"notes": f"{org} {name} {phone}"})
    with db.engine.connect() as c:  # the data in the file itself…
        c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    with db.engine.begin() as c:  # …and recent writes in the WAL, as until the next checkpoint
        c.exec_driver_sql("UPDATE contact SET personal_notes = name || ' ' || phone")
    folders = [db.backups_dir, db.attachments_dir, tmp_path / "demo-drafts"]
    files = [path, Path(f"{path}-wal"), *(p for f in folders for p in f.iterdir() if p.is_file())]
    return db, files


def _leaks(files: list[Path], secrets: list[str]) -> dict[str, list[str]]:
    leaks: dict[str, list[str]] = {}
    for f in files:
        data = f.read_bytes()
        hits = [s for s in secrets if s.encode("utf-8") in data]
        if hits:
            leaks[f.name] = hits[:3]
    return leaks


@pytest.mark.slow
def test_an_encrypted_demo_database_holds_no_name_or_phone_in_any_of_its_files(tmp_path, monkeypatch):
    monkeypatch.setenv(keys.ENV_ENCRYPTION, "on")
    monkeypatch.setenv(keys.ENV_PASSPHRASE, PASSPHRASE)
    keys.forget_all()
    db, files = _world(tmp_path)
    try:
        assert Path(f"{db.path}-wal").stat().st_size > 0
        assert {f.parent.name for f in files} >= {"demo-backups", "demo-attachments", "demo-drafts"}
        secrets = _secrets(db.path)
        assert len(secrets) > 100
        assert _leaks(files, secrets) == {}
        assert not any(f.read_bytes().startswith(b"SQLite format 3") for f in files if f.suffix == ".db")
        # the attachment's name is no SHA-256 of its content (which would confirm a known file is there)
        with driver.connect(db.path, read_only=True) as con:
            digests = {r[0] for r in con.execute("SELECT sha256 FROM attachment")}
        named = {f.stem for f in db.attachments_dir.iterdir()}
        assert digests and named and not digests & named
    finally:
        db.close()
        keys.forget_all()


@pytest.mark.slow
def test_the_same_search_finds_them_in_a_plain_demo_database(tmp_path, monkeypatch):
    """The control: without encryption the very same files give the names away."""
    monkeypatch.setenv(keys.ENV_ENCRYPTION, "off")
    db, files = _world(tmp_path)
    try:
        leaks = _leaks(files, _secrets(db.path))
        assert {"demo.db", "demo.db-wal"} <= set(leaks)
        assert any(name.endswith("-manual.db") for name in leaks)  # the backup
        assert any(name.endswith(".txt") for name in leaks) and any(name.endswith(".json") for name in leaks)
    finally:
        db.close()

"""The database file's health at start, and moving a damaged file aside (Firefox's quarantine).

:func:`check_at_start` looks at the file without writing to it and says what it is: fine,
missing, damaged (truncated, zeroed header, garbage, failed ``quick_check``), from a newer
version, someone else's SQLite file, read-only or unreadable. Only a *damaged* file is moved —
with its ``-wal``/``-shm``/``-journal`` companions — into ``<name>-quarantine/<name>-<time>/``
by :func:`quarantine`; nothing is ever deleted, so a specialist can still rescue what the last
backup lacks. A newer or foreign file is left exactly as it is and refused by ``open_database``.
An encrypted file is checked with its key; without one (LOCKED) or with a wrong one (WRONG_KEY) it
is left as it is — the two can't be told from damage, so only the person decides to restore.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from counsel_desk.i18n import pick
from counsel_desk.store import driver, keys, migrate

SQLITE_MAGIC = driver.SQLITE_MAGIC
COMPANIONS = ("-wal", "-shm", "-journal")
_CORRUPT_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB

OK = "ok"
MISSING = "missing"
DAMAGED = "damaged"
NEWER = "newer"
FOREIGN = "foreign"
READ_ONLY = "read_only"
UNREADABLE = "unreadable"
LOCKED = "locked"  # encrypted, and no key for it here
WRONG_KEY = "wrong_key"  # encrypted, and the key given does not open it (or it is damaged)


@dataclass(frozen=True)
class StartupCheck:
    path: Path
    state: str  # one of the constants above
    detail: str = ""  # SQLite's or the file system's own words
    revision: str | None = None

    @property
    def damaged(self) -> bool:
        return self.state == DAMAGED

    @property
    def message(self) -> str:
        p, d = self.path, self.detail
        texts = {
            OK: ("資料庫正常。", "The database is healthy."),
            MISSING: (f"找不到資料庫檔案 {p}。", f"The database file {p} does not exist."),
            DAMAGED: (f"資料庫檔案 {p} 已損毀（{d}）。", f"The database file {p} is damaged ({d})."),
            NEWER: (f"資料庫 {p} 由較新版本的 counsel_desk 建立（結構版本 {self.revision}），本版無法開啟；檔案保持原狀。",
                    f"The database {p} was written by a newer counsel_desk (schema {self.revision}); "
                    f"this version can't open it and left it untouched."),
            FOREIGN: (f"{p} 不是 counsel_desk 的資料庫，已保持原狀未變更。",
                      f"{p} is not a counsel_desk database; it was left untouched."),
            READ_ONLY: (f"資料庫 {p} 是唯讀的：可以檢視，但無法修改。",
                        f"The database {p} is read-only: you can look but not change anything."),
            UNREADABLE: (f"無法讀取資料庫檔案 {p}（{d}）。", f"The database file {p} can't be read ({d})."),
            LOCKED: (d, d),  # keys' own message, already in the chosen language
            WRONG_KEY: (d, d),
        }
        zh, en = texts[self.state]
        return pick(zh, en)


def _is_corrupt(exc: driver.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in _CORRUPT_CODES
    text = str(exc)
    return "not a database" in text or "malformed" in text


def _writable(path: Path) -> bool:
    # WAL needs to create -wal/-shm beside the file: the folder must be writable too.
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def check_at_start(path: Path | str) -> StartupCheck:
    """What the file at ``path`` is, judged read-only (``PRAGMA quick_check``, never a repair)."""
    path = Path(path).expanduser()
    try:
        if not path.exists() or path.stat().st_size == 0:
            return StartupCheck(path, MISSING)
        with open(path, "rb") as f:
            header = f.read(100)
    except OSError as exc:
        return StartupCheck(path, UNREADABLE, exc.strerror or str(exc))
    if len(header) < 100:
        return StartupCheck(path, DAMAGED, pick("檔頭不是 SQLite 資料庫", "the header is not an SQLite database"))
    key = None
    if not header.startswith(SQLITE_MAGIC):
        if not driver.is_encrypted(path):  # neither plain nor whole encrypted pages
            return StartupCheck(path, DAMAGED, pick("檔頭不是 SQLite 資料庫", "the header is not an SQLite database"))
        try:
            key = keys.key_for(path)
        except keys.WrongKey as exc:
            return StartupCheck(path, WRONG_KEY, exc.message)
        except keys.KeyMissing as exc:
            return StartupCheck(path, LOCKED, exc.message)
    try:
        con = driver.connect(path, read_only=True, key=key, timeout=5)
    except driver.Error as exc:
        return StartupCheck(path, UNREADABLE, str(exc))
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        rev = None
        if "alembic_version" in tables:
            rows = sorted(r[0] for r in con.execute("SELECT version_num FROM alembic_version"))
            rev = ",".join(rows) if rows else None
        elif tables:
            return StartupCheck(path, FOREIGN)
        if rev is not None and not migrate.is_known(rev):
            return StartupCheck(path, NEWER, revision=rev)
        problems = [r[0] for r in con.execute("PRAGMA quick_check")]
    except driver.Error as exc:
        if _is_corrupt(exc):
            return StartupCheck(path, DAMAGED, str(exc))
        return StartupCheck(path, UNREADABLE, str(exc))
    finally:
        con.close()
    if problems != ["ok"]:
        return StartupCheck(path, DAMAGED, "; ".join(problems[:3]), rev)
    if not _writable(path):
        return StartupCheck(path, READ_ONLY, revision=rev)
    return StartupCheck(path, OK, revision=rev)


def quarantine_dir(db_path: Path) -> Path:
    """Where damaged copies of this database are kept (beside its backups, never among them)."""
    return db_path.parent / f"{db_path.stem}-quarantine"


def quarantine(path: Path | str, now: datetime | None = None) -> Path:
    """Move a damaged database and its companion files aside; returns the folder they went to."""
    path = Path(path).expanduser()
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    base = quarantine_dir(path)
    folder = base / f"{path.stem}-{stamp}"
    n = 1
    while folder.exists():
        n += 1
        folder = base / f"{path.stem}-{stamp}.{n}"
    folder.mkdir(parents=True)
    for p in (base, folder):
        try:
            os.chmod(p, 0o700)  # a damaged database still holds personal data
        except OSError:
            pass
    for suffix in ("", *COMPANIONS):
        src = Path(f"{path}{suffix}")
        if src.exists():
            os.replace(src, folder / src.name)
    return folder

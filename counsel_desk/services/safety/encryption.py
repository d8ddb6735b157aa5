"""Turning encryption on or off for an existing database (``counsel-desk encrypt`` / ``decrypt``).

A conversion never edits the database in place. SQLCipher's ``sqlcipher_export`` writes a
complete converted copy to a hidden file beside it; the copy must pass ``integrity_check`` and hold
the same number of rows in every table as the original; only then is it fsynced and renamed over
the original (one atomic step). The database's backups are converted the same way, and its
attachments and autosaved drafts are sealed (or opened) with the key, so no readable copy of the
data stays behind in the folders the app manages. A failure at any point leaves the original as it was.

The application must be closed while converting: a database in use by another program is refused.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from counsel_desk import paths
from counsel_desk.errors import DatabaseError, UserError
from counsel_desk.services.safety.atomic import disk_full, fsync_dir, fsync_path, is_disk_full
from counsel_desk.store import audit, driver, keys
from counsel_desk.store.keys import DatabaseKey

Progress = Callable[[int, int], bool]


@dataclass
class ConversionResult:
    path: Path
    key: DatabaseKey | None  # the new key (None after decrypting)
    backups: list[Path] = field(default_factory=list)
    files: int = 0  # attachments and drafts sealed or opened


def _literal(key: DatabaseKey | None) -> str:
    return f"x'{key.key.hex()}{key.salt.hex()}'" if key is not None else ""


def _counts(con: driver.Connection, schema: str = "main") -> dict[str, int]:
    names = [r[0] for r in con.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    return {n: con.execute(f'SELECT count(*) FROM {schema}."{n}"').fetchone()[0] for n in sorted(names)}


def _head_key(key: DatabaseKey | None) -> bytes | None:
    return key.subkey(audit.HEAD_MAC_PURPOSE) if key is not None else None


def _in_use(path: Path) -> UserError:
    return UserError(f"資料庫 {path} 正在被其他程式使用：請先關閉 counsel_desk 再轉換。檔案未變更。",
                     f"The database {path} is in use by another program: close counsel_desk first. "
                     f"The file was not changed.")


def convert_file(path: Path, source_key: DatabaseKey | None, target_key: DatabaseKey | None) -> None:
    """Rewrite one database file with ``target_key`` (None: plain); the original stays on any failure."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.converting")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    src = driver.connect(path, key=source_key, timeout=1)
    try:
        problems = [r[0] for r in src.execute("PRAGMA integrity_check")]
        if problems != ["ok"]:
            raise DatabaseError(f"{path} 的完整性檢查未通過（{'; '.join(problems[:3])}），不轉換。檔案未變更。",
                                f"{path} failed its integrity check ({'; '.join(problems[:3])}); not converted.")
        try:  # nobody else may write while the copy is made: their change would be lost in the rename
            src.execute("BEGIN EXCLUSIVE")
            src.execute("COMMIT")
        except driver.OperationalError as exc:
            raise _in_use(path) from exc
        if src.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
            busy = src.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            if busy:
                raise _in_use(path)
        before = _counts(src)
        version = src.execute("PRAGMA user_version").fetchone()[0]
        src.execute("ATTACH DATABASE ? AS converted KEY ?", (str(tmp), _literal(target_key)))
        src.execute("SELECT sqlcipher_export('converted')")
        src.execute(f"PRAGMA converted.user_version = {int(version)}")
        src.execute("DETACH DATABASE converted")
    except (driver.Error, OSError) as exc:
        src.close()
        tmp.unlink(missing_ok=True)
        if is_disk_full(exc):
            raise disk_full(tmp) from exc
        raise DatabaseError(f"無法轉換 {path}：{exc}。檔案未變更。", f"Could not convert {path}: {exc}. "
                            f"The file was not changed.") from exc
    except BaseException:
        src.close()
        tmp.unlink(missing_ok=True)
        raise
    src.close()
    try:
        out = driver.connect(tmp, key=target_key)
        try:
            audit.restamp(out, _head_key(source_key), _head_key(target_key))
            problems = [r[0] for r in out.execute("PRAGMA integrity_check")]
            after = _counts(out)
        finally:
            out.close()
        if problems != ["ok"] or after != before:
            raise DatabaseError(f"{path} 轉換後的副本檢查未通過，已捨棄副本。檔案未變更。",
                                f"The converted copy of {path} failed its check and was discarded; "
                                f"the file was not changed.")
        fsync_path(tmp)
        for suffix in ("-wal", "-shm"):  # empty after the checkpoint; stale ones must not meet the new file
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        os.replace(tmp, path)
        os.chmod(path, 0o600)
        fsync_dir(path.parent)
    finally:
        tmp.unlink(missing_ok=True)


def _backup_files(path: Path) -> list[Path]:
    folder = paths.backups_dir(path)
    return sorted(p for p in folder.glob("*.db") if p.is_file()) if folder.is_dir() else []


def encrypt(path: Path | str, key: DatabaseKey | None = None, progress: Progress | None = None) -> ConversionResult:
    """Encrypt a plain database, its backups, attachments and drafts with ``key`` (default: a new one)."""
    from counsel_desk.services.safety import sealed

    path = Path(path).expanduser()
    _must_exist(path)
    if driver.is_encrypted(path):
        raise UserError(f"{path} 已經加密了，不需要再轉換。", f"{path} is already encrypted.")
    _refuse_newer(path)
    key = key or keys.new_key()
    backups = _convert_all(path, None, key, [b for b in _backup_files(path) if not driver.is_encrypted(b)], progress)
    return ConversionResult(path, key, backups, sealed.seal_folders(path, key))


def decrypt(path: Path | str, progress: Progress | None = None) -> ConversionResult:
    """Write a plain copy over an encrypted database (and its backups, attachments, drafts)."""
    from counsel_desk.services.safety import sealed

    path = Path(path).expanduser()
    _must_exist(path)
    if not driver.is_encrypted(path):
        raise UserError(f"{path} 沒有加密，不需要解密。", f"{path} is not encrypted.")
    key = keys.key_for(path)  # KeyMissing / WrongKey: one line, nothing touched
    assert key is not None
    _refuse_newer(path)
    backups = _convert_all(path, key, None, [b for b in _backup_files(path) if driver.file_salt(b) == key.salt],
                           progress)
    return ConversionResult(path, None, backups, sealed.open_folders(path, key))


def _convert_all(path: Path, source_key: DatabaseKey | None, target_key: DatabaseKey | None,
                 backups: list[Path], progress: Progress | None) -> list[Path]:
    """The database first (a failure there leaves everything as it was), then its backups one by one."""
    steps = 1 + len(backups)
    for i, file in enumerate([path, *backups]):
        if progress is not None:
            progress(i, steps)
        convert_file(file, source_key, target_key)
    if progress is not None:
        progress(steps, steps)
    return backups


def _refuse_newer(path: Path) -> None:
    """A database a newer counsel_desk wrote is converted by that version, not this one (which would carry tables
    it does not know into a file it then signs): refused as every other command refuses it, nothing touched."""
    from counsel_desk.store import migrate
    from counsel_desk.store.database import inspect_revision

    migrate.refuse_newer(inspect_revision(path))


def _must_exist(path: Path) -> None:
    if not path.is_file() or path.stat().st_size == 0:
        raise DatabaseError(f"找不到資料庫檔案：{path}", f"Database file not found: {path}")

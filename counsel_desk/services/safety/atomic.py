"""Writing files so that a crash or a full disk never leaves half a file behind.

Every file the app writes (exports, reports, backups, the audit-log CSV) goes to a temporary
file beside its destination, is flushed and fsynced, and only then renamed over the destination
(``os.replace`` is atomic on one file system). A crash leaves the old file or the new one, never
a mixture; a full disk leaves the old file untouched and raises :class:`DiskFullError` with a
clear zh_TW message.

Use :func:`atomic_write` when you write through a Python file object, :func:`atomic_path` when a
library insists on a file name (``openpyxl.Workbook.save``, reportlab's ``SimpleDocTemplate``).
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Iterator

from counsel_desk import errors
from counsel_desk.errors import DiskFullError, UserError

__all__ = ["DiskFullError", "atomic_path", "atomic_write", "disk_full", "is_disk_full", "save_workbook", "write_bytes", "write_text"]

PRIVATE = 0o600  # 個資法: files the app writes are readable by their owner only unless asked otherwise


def disk_full(path: Path | str) -> DiskFullError:
    return errors.disk_full(path)


def is_disk_full(exc: BaseException) -> bool:
    """True for a full disk or quota, however wrapped (OSError errno, SQLite's SQLITE_FULL)."""
    return errors.kind_of(exc) == errors.DISK_FULL


def fsync_path(path: Path | str) -> None:
    """Flush a closed file's bytes to the disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(directory: Path | str) -> None:
    """Make a rename in ``directory`` durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _is_text(head: bytes) -> bool:
    """The first bytes read as UTF-8 text (a character cut at the end allowed)."""
    for cut in range(4):
        try:
            text = head[:len(head) - cut].decode("utf-8")
        except UnicodeDecodeError:
            continue
        return bool(text) and all(ch.isprintable() or ch in "\t\r\n\ufeff" for ch in text)
    return False


def refuse_replacing_a_database(path: Path) -> None:
    """Writing over an existing database file (this one or another, plain or SQLCipher-encrypted, a backup) is
    refused with a message naming it: `report --xlsx center.db` once turned a center's database into a workbook."""
    if not path.is_file():
        return
    from counsel_desk.store import driver  # sqlcipher3 loads with the store, not with every file written

    if errors.document_kind(path) is not None or _is_text(driver.header(path, 64)):
        return  # a workbook, PDF or CSV may be replaced (an encrypted database's first bytes are random: never text)
    if driver.header(path, len(driver.SQLITE_MAGIC)) == driver.SQLITE_MAGIC or driver.is_encrypted(path) or any(
            Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm", "-journal")):
        raise UserError(f"「{path}」是資料庫檔案，不會被覆寫；請為要寫出的檔案另取一個名稱。資料庫未做任何變更。",
                        f"'{path}' is a database file and will not be overwritten; give the file to write another "
                        f"name. The database was not changed.")


def temp_path_for(path: Path) -> Path:
    """A new, empty, owner-only temporary file beside ``path`` (hidden, never ending in .db); ``errors.user_file``
    reads this name back to the file she asked for."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(fd)
    return Path(name)


@contextmanager
def atomic_path(path: Path | str, *, file_mode: int = PRIVATE) -> Iterator[Path]:
    """Yield a temporary path to write; on success it is fsynced and renamed onto ``path``.

    On any error the temporary file is removed and ``path`` is left as it was; a full disk
    becomes :class:`DiskFullError`.
    """
    path = Path(path)
    refuse_replacing_a_database(path)
    tmp = temp_path_for(path)
    try:
        yield tmp
        fsync_path(tmp)
        os.chmod(tmp, file_mode)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if is_disk_full(exc):
            raise disk_full(path) from exc
        raise


@contextmanager
def atomic_write(path: Path | str, mode: str = "wb", *, encoding: str | None = "utf-8", newline: str | None = None,
                 file_mode: int = PRIVATE) -> Iterator[IO]:
    """Open a file object for writing ``path`` atomically (``mode`` "wb" for bytes, "w" for text)."""
    if mode not in ("w", "wb"):
        raise ValueError("atomic_write writes a whole new file: mode must be 'w' or 'wb'")
    with atomic_path(path, file_mode=file_mode) as tmp:
        kwargs = {} if mode == "wb" else {"encoding": encoding, "newline": newline}
        with open(tmp, mode, **kwargs) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())


def write_bytes(path: Path | str, data: bytes, *, file_mode: int = PRIVATE) -> None:
    with atomic_write(path, "wb", file_mode=file_mode) as f:
        f.write(data)


def write_text(path: Path | str, text: str, *, encoding: str = "utf-8", file_mode: int = PRIVATE) -> None:
    with atomic_write(path, "w", encoding=encoding, file_mode=file_mode) as f:
        f.write(text)


def save_workbook(wb: Any, path: Path | str, *, file_mode: int = PRIVATE) -> None:
    """Save an openpyxl workbook atomically; a full disk is :class:`DiskFullError`, with no traceback.

    ``Workbook.save`` leaves its zip archive open when a write fails; the archive's finaliser then
    tries to write again at exit and prints a traceback after the message. The archive is closed
    here whatever happens.
    """
    import zipfile

    from openpyxl.writer.excel import ExcelWriter

    if wb.write_only and not wb.worksheets:
        wb.create_sheet()
    with atomic_path(path, file_mode=file_mode) as tmp:
        archive = zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        try:
            ExcelWriter(wb, archive).save()  # writes every part and closes the archive
        except BaseException:
            fp, archive.fp = archive.fp, None  # the finaliser has nothing left to write
            if fp is not None:
                try:
                    fp.close()
                except OSError:
                    pass  # the same full disk; the temporary file is removed by atomic_path
            raise

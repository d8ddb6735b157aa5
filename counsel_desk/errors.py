"""Errors a person can act on, each with a zh_TW and an English message.

The CLI prints ``str(error)`` as one line on stderr and exits non-zero; the UI shows it in a
message box. Programming errors are not wrapped: they stay tracebacks.

Low-level errors (sqlite3, SQLAlchemy-wrapped sqlite3, OSError) are sorted here once, by SQLite's
result code and the OS errno — never by message text — into what a person can act on: a full disk
(exit 4), a database busy with another import, a read-only database, a damaged file (naming the
next step), no permission. :func:`known` is used by the CLI and the UI alike.
"""

from __future__ import annotations

import errno
from os import PathLike
from pathlib import Path
from typing import Any, Callable, Iterator

from counsel_desk.i18n import pick

Where = str | PathLike[str] | None  # the file a message names, when there is one


class UserError(Exception):
    """Something the user can fix: a missing file, a bad month, a database from a newer version…"""

    exit_code = 2

    def __init__(self, zh: str, en: str | None = None, *, field: str | None = None):
        self.zh = zh
        self.en = en or zh
        self.field = field  # the form field the message belongs next to, when there is one
        super().__init__(zh)

    @property
    def message(self) -> str:
        return pick(self.zh, self.en)

    def __str__(self) -> str:
        return self.message


class ValidationError(UserError):
    """Input that breaks a rule of the domain (a cap, a required field, an impossible date)."""

    def __init__(self, zh: str, en: str | None = None, *, field: str | None = None,
                 problems: list["UserError"] | None = None):
        super().__init__(zh, en, field=field)
        self.problems = problems or []


class DatabaseError(UserError):
    """The database file can't be used as it is (newer version, corrupt, unreadable)."""

    exit_code = 3


class DiskFullError(UserError):
    """The disk (or the user's quota) is full; nothing was written. The database is intact."""

    exit_code = 4


class DatabaseBusyError(DatabaseError):
    """Another connection (an import in another window or process) holds the write lock."""


class DamagedDatabaseError(DatabaseError):
    """The file fails SQLite's own checks (SQLITE_CORRUPT, SQLITE_NOTADB)."""


# --- sorting low-level errors, once, by code -------------------------------------------------------------
# SQLite's primary result codes (https://sqlite.org/rescode.html). Extended codes carry the primary
# one in their low byte, so ``code & 0xFF`` is compared. SQLAlchemy wraps the driver's exception: the
# sqlite3 error is its ``orig``. Message text is looked at only when no code came with it (_ERRSTR): it changes between SQLite versions
# and is translated by nobody.
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

DISK_FULL = "disk_full"
BUSY = "busy"
READ_ONLY = "read_only"
DAMAGED = "damaged"
NO_ACCESS = "no_access"

_ENOSPC, _EROFS, _EACCES, _EPERM = errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EPERM
_EDQUOT = getattr(errno, "EDQUOT", errno.ENOSPC)  # a full quota reaches a person as a full disk


def _chain(exc: BaseException | None) -> Iterator[BaseException]:
    """``exc``, what it wraps (SQLAlchemy's ``orig``) and what caused it, each once."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        e = todo.pop(0)
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        yield e
        todo += [getattr(e, "orig", None), e.__cause__, e.__context__]


# SQLite's own fixed wording of a primary code (sqlite3_errstr). SQLCipher's driver raises some errors
# (those of Connection.backup) without ``sqlite_errorcode``: for those alone, the exact wording tells.
_ERRSTR = {"database or disk is full": SQLITE_FULL, "database is locked": SQLITE_BUSY,
           "database table is locked": SQLITE_LOCKED, "attempt to write a readonly database": SQLITE_READONLY,
           "database disk image is malformed": SQLITE_CORRUPT, "file is not a database": SQLITE_NOTADB,
           "unable to open database file": SQLITE_CANTOPEN, "disk I/O error": SQLITE_IOERR}


def sqlite_code(exc: BaseException) -> int | None:
    """SQLite's primary result code behind ``exc`` (unwrapping SQLAlchemy), or None."""
    chain = list(_chain(exc))
    for e in chain:
        code = getattr(e, "sqlite_errorcode", None)
        if isinstance(code, int):
            return code & 0xFF
    for e in chain:
        if not isinstance(e, OSError) and not hasattr(e, "sqlite_errorcode") and str(e) in _ERRSTR:
            return _ERRSTR[str(e)]
    return None


def os_errno(exc: BaseException) -> int | None:
    for e in _chain(exc):
        if isinstance(e, OSError) and e.errno is not None:
            return e.errno
    return None


def _no_room(path: str | PathLike[str]) -> bool:
    """Whether the disk holding ``path`` has (next to) no free space left."""
    import shutil

    folder = Path(path).expanduser().resolve().parent
    try:
        return shutil.disk_usage(folder).free < 256 * 1024
    except OSError:
        return False


def kind_of(exc: BaseException, path: Where = None) -> str | None:
    """What a person should be told about ``exc``: one of the kinds above, or None (a bug).

    SQLite reports some writes that fail for want of space (growing the ``-shm`` file) as a plain
    I/O error (SQLITE_IOERR); given the database's ``path``, such an error on a disk with no free
    space left is a full disk.
    """
    if isinstance(exc, DiskFullError):
        return DISK_FULL
    if isinstance(exc, DatabaseBusyError):
        return BUSY
    if isinstance(exc, DamagedDatabaseError):
        return DAMAGED
    code, err = sqlite_code(exc), os_errno(exc)
    if code == SQLITE_FULL or err in (_ENOSPC, _EDQUOT):
        return DISK_FULL
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return BUSY
    if code == SQLITE_READONLY or err == _EROFS:
        return READ_ONLY
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return DAMAGED
    if code in (SQLITE_PERM, SQLITE_CANTOPEN) or err in (_EACCES, _EPERM):
        return NO_ACCESS
    if code == SQLITE_IOERR and path is not None and _no_room(path):
        return DISK_FULL
    return None


def disk_full(path: Where = None) -> DiskFullError:
    where = f" {path}" if path else ""
    return DiskFullError(
        f"磁碟空間不足，無法寫入{where}：這次沒有寫入任何東西，原有的檔案與資料庫都完好未變。請清出磁碟空間後再試一次。",
        f"The disk is full, so{where or ' nothing'} could{' not' if path else ''} be written: nothing was written and "
        f"any existing file and the database are intact and unchanged. Free some space and try again.")


def busy(doing_import: bool = False) -> DatabaseBusyError:
    if doing_import:
        return DatabaseBusyError("另一個匯入正在寫入這個資料庫，請等它完成後再匯入；這次沒有做任何變更。",
                                 "Another import is running on this database; try again when it has finished. "
                                 "Nothing was changed.")
    return DatabaseBusyError("資料庫正由另一個匯入或程式寫入中，請等它完成後再試一次；這次沒有做任何變更。",
                             "Another import or program is writing to the database; try again when it has "
                             "finished. Nothing was changed.")


def read_only(path: Where = None) -> DatabaseError:
    where = f" {path} " if path else ""
    return DatabaseError(f"資料庫{where}是唯讀的（資料夾或檔案不能寫入），這次沒有做任何變更。",
                         f"The database{where} is read-only (its folder or file can't be written); nothing was changed.")


def no_access(exc: BaseException, path: Where = None) -> DatabaseError:
    where = path or next((e.filename for e in _chain(exc) if isinstance(e, OSError) and e.filename), "")
    return DatabaseError(f"沒有權限讀寫 {where}，這次沒有做任何變更。",
                         f"No permission to read or write {where}; nothing was changed.")


# Who names the next step for a damaged database (the newest good backup): store.recovery, which
# knows where backups are, registers it here so that this module stays at the bottom of the layers.
damaged_message: Callable[[Any, str], tuple[str, str]] | None = None


def damaged(path: Where = None, detail: str = "") -> DamagedDatabaseError:
    if damaged_message is not None and path is not None:
        zh, en = damaged_message(path, detail)
        return DamagedDatabaseError(zh, en)
    what = f"（{detail}）" if detail else ""
    return DamagedDatabaseError(f"資料庫{f' {path} ' if path else ''}已損毀{what}。請用 counsel-desk restore 從最新的備份還原。",
                                f"The database{f' {path}' if path else ''} is damaged{f' ({detail})' if detail else ''}. "
                                f"Restore the newest backup with counsel-desk restore.")


# Files people give where a database belongs: said as what they are, not as a damaged database to rescue
_OTHER_KINDS = ((b"PK\x03\x04", "Excel 活頁簿或其他 ZIP 壓縮檔", "an Excel workbook or another ZIP archive"),
                (b"%PDF-", "PDF 文件", "a PDF document"))


def document_kind(path: Where) -> tuple[str, str] | None:
    """(zh, en) of what a workbook or PDF file is, by its first bytes; None for anything else (a database)."""
    if path is None:
        return None
    try:
        with open(path, "rb") as f:
            head = f.read(8)
    except OSError:
        return None
    return next(((zh, en) for magic, zh, en in _OTHER_KINDS if head.startswith(magic)), None)


def not_a_database(path: Where) -> DatabaseError | None:
    """A workbook or PDF given as the database (``--db 月報.xlsx``): named as such, untouched, exit 3."""
    if (kind := document_kind(path)) is None:
        return None
    zh, en = kind
    return DatabaseError(f"「{path}」是{zh}，不是 counsel_desk 的資料庫（資料庫檔案通常以 .db 結尾）；檔案未做任何變更。",
                         f"'{path}' is {en}, not a counsel_desk database (database files usually end in .db); "
                         f"the file was not changed.")


_FILE_REASONS = {
    errno.EROFS: ("資料夾是唯讀的", "its folder is read-only"),
    errno.EACCES: ("沒有權限寫入", "there is no permission to write it"),
    errno.EPERM: ("沒有權限寫入", "there is no permission to write it"),
    errno.EISDIR: ("那是一個資料夾", "it is a folder"),
    errno.ENOENT: ("它的資料夾不存在", "its folder does not exist"),
    errno.ENOTDIR: ("路徑中有一段不是資料夾", "part of its path is not a folder"),
}


def user_file(name: str | PathLike[str]) -> str:
    """The file a person asked for, for the hidden temporary file written beside it (``.月報.xlsx.x1y2.part``)."""
    text = str(name)
    cut = max(text.rfind("/"), text.rfind("\\")) + 1
    base = text[cut:]
    if base.startswith(".") and base.endswith(".part") and base.count(".") >= 3:
        return text[:cut] + base[1:].rsplit(".", 2)[0]
    return text


def file_error(path: Where, exc: OSError) -> UserError | None:
    """A file the program writes (not the database) could not be written: which, why, in words (exit 4)."""
    if exc.errno in (_ENOSPC, _EDQUOT):
        return disk_full(path)
    reason = _FILE_REASONS.get(exc.errno or 0)
    if reason is None:
        return None
    out = UserError(f"無法寫入「{path}」：{reason[0]}；這次沒有寫入任何東西。",
                    f"Cannot write '{path}': {reason[1]}; nothing was written.")
    out.exit_code = 4
    return out


def _output_file_problem(exc: BaseException, database: Where) -> UserError | None:
    """An operating-system error about a file other than the database (an export, a report, stdout): named as that
    file's, not the database's (a read-only output folder was called a read-only database)."""
    for e in _chain(exc):
        if isinstance(e, OSError) and e.errno is not None:
            if e.filename is None:  # standard output, a pipe: no file to name
                return disk_full(None) if e.errno in (_ENOSPC, _EDQUOT) else None
            if e.errno not in (_EROFS, _ENOSPC, _EDQUOT) and user_file(e.filename) == str(e.filename):
                return None  # perhaps a file being read (a missing workbook): only a write's own errors are said so
            if database is not None:
                db, written = Path(database).resolve(), Path(e.filename).resolve()
                backups = db.parent / f"{db.stem}-backups"
                if str(written).startswith(str(db)) or backups in (written, written.parent):
                    return None  # the database, its -wal/-shm/-journal or its backups: said as the database's
            return file_error(user_file(e.filename), e)
    return None


def known(exc: BaseException, path: Where = None, *, doing_import: bool = False) -> UserError | None:
    """``exc`` as the error a person can act on, or None when it is a bug (keep the traceback)."""
    if isinstance(exc, UserError):
        return exc
    if (output := _output_file_problem(exc, path)) is not None:
        return output
    if any(type(e).__name__ == "StaleDataError" for e in _chain(exc)):  # models.base: version compare-and-set
        return UserError("這筆資料在您編輯時已被其他人儲存；您的修改沒有存入，也沒有覆蓋對方的內容。"
                         "請重新開啟這筆資料，再做一次修改。",
                         "Someone else saved this record while you were editing it; your change was not saved "
                         "and did not overwrite theirs. Open the record again and make the change once more.")
    k = kind_of(exc, path)
    if k == DISK_FULL:
        return disk_full(path)
    if k == BUSY:
        return busy(doing_import)
    if k == READ_ONLY:
        return read_only(path)
    if k == DAMAGED and (other := not_a_database(path)) is not None:
        return other
    if k == DAMAGED:
        return damaged(path, str(next((e for e in _chain(exc) if getattr(e, "sqlite_errorcode", None)), exc)))
    if k == NO_ACCESS:
        return no_access(exc, path)
    return None

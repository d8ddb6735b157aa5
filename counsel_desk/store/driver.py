"""The SQLite driver: SQLCipher's build of the ``sqlite3`` module, for plain and encrypted files alike.

Every connection to a database file goes through :func:`connect`, which gives the file's key
(``PRAGMA key``) before anything else runs. The key is found by :mod:`counsel_desk.store.keys`
from the file's salt (its first 16 bytes, which SQLCipher keeps in the clear); a plain SQLite
file (``SQLite format 3`` header) needs none. The standard ``sqlite3`` module cannot read an
encrypted file, and its exceptions are different classes: code below ``ui/`` catches
:data:`Error` / :data:`DatabaseError` / :data:`OperationalError` from here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable
from urllib.parse import unquote, urlsplit

from sqlcipher3 import dbapi2 as dbapi

__all__ = ["AUTO", "Connection", "DatabaseError", "Error", "OperationalError", "connect", "dbapi", "file_salt",
           "file_uri", "is_encrypted"]

if TYPE_CHECKING:  # sqlcipher3 has no type information; its API is the standard sqlite3 module's
    import sqlite3 as stdlib_types  # for mypy only: never imported when the program runs

    from counsel_desk.store.keys import DatabaseKey

    Connection = stdlib_types.Connection
    Error = stdlib_types.Error
    DatabaseError = stdlib_types.DatabaseError
    OperationalError = stdlib_types.OperationalError
else:
    Connection = dbapi.Connection
    Error = dbapi.Error
    DatabaseError = dbapi.DatabaseError
    OperationalError = dbapi.OperationalError

SQLITE_MAGIC = b"SQLite format 3\x00"
SALT_BYTES = 16
AUTO = "auto"  # connect(): look the key up from the file's salt
# keys.key_for, set by counsel_desk.store.keys when it loads (the store package always loads it):
# the driver stays below the keys and imports nothing of theirs.
key_resolver: "Callable[[Path], DatabaseKey | None] | None" = None

# SQLCipher writes its own error log to stderr ("hmac check failed…"): a wrong key must be one line of ours.
dbapi.connect(":memory:").execute("PRAGMA cipher_log_level = NONE").close()


def header(path: Path | str, size: int = 100) -> bytes:
    """The first ``size`` bytes of the file (b"" when it is missing or empty)."""
    try:
        with open(path, "rb") as f:
            return f.read(size)
    except FileNotFoundError:
        return b""


def is_encrypted(path: Path | str) -> bool:
    """A file of whole pages without SQLite's plain header: SQLCipher's (or damaged — only a key can tell)."""
    head = header(path, SALT_BYTES)
    if len(head) != SALT_BYTES or head == SQLITE_MAGIC or head == bytes(SALT_BYTES):
        return False  # SQLCipher's salt is random: never all zeros
    return Path(path).stat().st_size % 512 == 0  # pages are 512 bytes or a power of two above


def file_salt(path: Path | str) -> bytes | None:
    """The SQLCipher salt of an encrypted file, None for a plain, empty or missing one."""
    return header(path, SALT_BYTES) if is_encrypted(path) else None


def file_uri(path: Path | str, *, read_only: bool = False) -> str:
    """A quoted ``file:`` URI, so a folder named "資料 #1 ?%" is not read as a URL query."""
    text = Path(path).resolve().as_uri()
    return f"{text}?mode=ro" if read_only else text


def _path_of(target: str | Path, is_uri: bool) -> tuple[Path, bool]:
    if not is_uri:
        return Path(target), False
    parts = urlsplit(str(target))
    return Path(unquote(parts.path)), "mode=ro" in parts.query


def connect(target: Path | str, *, uri: bool = False, read_only: bool = False,
            key: "DatabaseKey | None | str" = AUTO, timeout: float = 5.0,
            check_same_thread: bool = True) -> Connection:
    """Open ``target`` (a path, or a ``file:`` URI with ``uri=True``) and key it when it is encrypted.

    ``key=AUTO`` finds the key from the file (a :class:`~counsel_desk.errors.DatabaseError` when it
    is encrypted and no key is known, or the key does not open it); ``key=None`` opens it as plain;
    a :class:`DatabaseKey` is used as given (a new file is created encrypted with it).
    """
    path, ro = _path_of(target, uri)
    read_only = read_only or ro
    if key == AUTO:
        assert key_resolver is not None, "counsel_desk.store.keys sets driver.key_resolver"
        key = key_resolver(path)
    con: Connection = dbapi.connect(file_uri(path, read_only=read_only), uri=True, timeout=timeout,
                                    check_same_thread=check_same_thread)
    if key is not None and not isinstance(key, str):
        con.execute(key.pragma())
    return con



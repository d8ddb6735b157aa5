"""Opening a database: refuse what we can't read, copy aside before upgrading, migrate, seed.

The order matters for safety. A file that exists is first inspected through a read-only
connection; a schema revision we don't know (written by a newer counsel_desk) is refused before
anything — not even the WAL switch — touches its bytes.

Every connection is SQLCipher's (:mod:`counsel_desk.store.driver`) and is keyed before anything
else runs; a new database is encrypted by default with a key from :mod:`counsel_desk.store.keys`.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from sqlalchemy import create_engine, event
from sqlalchemy.pool import QueuePool
from sqlalchemy.engine import Engine
from sqlmodel import Session

from counsel_desk import paths
from counsel_desk import errors
from counsel_desk.errors import DatabaseError, UserError
from counsel_desk.store import audit, driver, keys, migrate
from counsel_desk.store.keys import DatabaseKey

BUSY_TIMEOUT_MS = 5000


@dataclass
class Database:
    """An open database: its path, engine and a session factory for the services."""

    path: Path
    engine: Engine
    read_only: bool = False
    upgraded_from: str | None = None
    pre_upgrade_copy: Path | None = None
    key: DatabaseKey | None = None  # None: a plain (unencrypted) file
    created: bool = False  # made by this open (a new key's recovery key is shown once)
    recovery_key_shown: bool = False  # the window has shown a created database's recovery key (never twice)
    url: str | None = None  # a server database (store/server.py); ``path`` is then its local place
    session_factory: Callable[[], Session] = field(init=False)
    entry_at_open: int | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.session_factory = lambda: Session(self.engine, expire_on_commit=False)

    def last_entry(self) -> int | None:
        """The audit log's newest entry: every change writes one, so an unchanged number means no change."""
        try:
            with self.engine.connect() as conn:
                return conn.exec_driver_sql("SELECT max(seq) FROM audit_log").scalar()
        except Exception:  # noqa: BLE001 — a file that can't say is treated as changed
            return -1

    @property
    def is_server(self) -> bool:
        return self.url is not None

    @property
    def where(self) -> str:
        """The file's path, or the server database's address (without a password)."""
        if self.url is not None:
            from counsel_desk.store.server import display_name

            return display_name(self.url)
        return str(self.path)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self.session_factory() as s:
            yield s

    @property
    def attachments_dir(self) -> Path:
        return paths.attachments_dir(self.path)

    @property
    def backups_dir(self) -> Path:
        return paths.backups_dir(self.path)

    def writer_busy(self) -> bool:
        """True while another connection holds this file's write lock (an import in another window or the
        command line, a backup being restored); asked without waiting. A server locks per row, never the
        whole database, and a read-only file is never written: both are never busy in this sense."""
        if self.read_only or self.is_server:
            return False
        with self.engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            previous = raw.isolation_level
            raw.isolation_level = None  # BEGIN as written, not the driver's own
            raw.execute("PRAGMA busy_timeout=0")
            try:
                raw.execute("BEGIN IMMEDIATE")  # takes the write lock when free, at once; nothing is written
            except driver.OperationalError as exc:
                if errors.kind_of(exc) == errors.BUSY:
                    return True
                raise
            else:
                raw.execute("ROLLBACK")
                return False
            finally:
                raw.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
                raw.isolation_level = previous

    def close(self) -> None:
        # Keep the planner's statistics fresh as the data grows — only when this session changed
        # something: PRAGMA optimize may write sqlite_stat1, and a file nobody changed (a refused
        # import, a report) must keep every byte.
        if not self.read_only and not self.is_server and self.last_entry() != self.entry_at_open:
            try:
                with self.engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA optimize")
            except Exception:  # noqa: BLE001 — closing must not fail over statistics
                pass
        self.engine.dispose()


def _set_pragmas(dbapi_conn, record, read_only: bool, key: DatabaseKey | None) -> None:
    if key is not None:  # the audit log's head is signed with a key derived from the database's
        record.info[audit.HEAD_MAC_INFO] = key.subkey(audit.HEAD_MAC_PURPOSE)
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys=ON")
    if not read_only:
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA secure_delete=ON")
    cur.close()


def make_engine(path: Path, *, read_only: bool = False, key: DatabaseKey | None | str = driver.AUTO) -> Engine:
    """An engine whose every connection is keyed (``PRAGMA key`` first) when the file is encrypted."""
    resolved = keys.key_for(path) if key == driver.AUTO else key

    def connect() -> driver.Connection:
        return driver.connect(path, read_only=read_only, key=resolved, check_same_thread=False,
                              timeout=BUSY_TIMEOUT_MS / 1000)

    # "sqlite://" would default to the in-memory SingletonThreadPool; a file wants a normal pool.
    # module=: SQLAlchemy wraps SQLCipher's exceptions (``exc.orig``) as it does sqlite3's.
    engine = create_engine("sqlite://", creator=connect, poolclass=QueuePool, module=driver.dbapi)
    signing = resolved if isinstance(resolved, DatabaseKey) else None
    event.listen(engine, "connect", lambda c, r: _set_pragmas(c, r, read_only, signing))
    event.listen(engine, "handle_error", lambda context: _in_words(context, path))
    return engine


_SAID_AT_ONCE = (errors.BUSY, errors.DISK_FULL, errors.READ_ONLY, errors.DAMAGED)


def _in_words(context, path: Path) -> None:
    """A write that waited BUSY_TIMEOUT_MS for another program's lock (an import in another window or
    process), or met a full disk or a read-only file, reaches every caller as the UserError that says so
    in words — a window's save shows it instead of "Something went wrong … OperationalError". A file
    that went bad while open is said with its next step: the newest good backup, by name (errors.damaged)."""
    original = context.original_exception
    if errors.kind_of(original, path) in _SAID_AT_ONCE:
        said = errors.known(original, path)
        if said is not None:
            raise said from original


def folder_writable(path: Path) -> bool:
    """Whether SQLite can write ``path``: the file, and its folder for the ``-wal``/``-shm`` files."""
    path = Path(path)
    target = path if path.exists() else path.parent
    return os.access(target, os.W_OK) and os.access(path.parent, os.W_OK)


def _create_private_file(path: Path) -> None:
    """Create the database file readable by its owner only (個資法: protect against leakage)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
    except FileExistsError:
        os.chmod(path, 0o600)  # an empty file left by a crash at first start (or made by hand): reuse it


def inspect_revision(path: Path) -> str | None:
    """The Alembic revision stamped in an existing file, read without writing to it."""
    try:
        con = driver.connect(path, read_only=True)  # a keys.KeyMissing/WrongKey (DatabaseError) passes up
    except driver.Error as exc:
        raise _cannot_open(path, exc) from exc
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            if tables:
                raise DatabaseError(
                    f"{path} 不是 counsel_desk 的資料庫（缺少版本資訊），已保持原狀未變更。",
                    f"{path} is not a counsel_desk database (no schema version); it was left untouched.")
            return None
        rows = [r[0] for r in con.execute("SELECT version_num FROM alembic_version")]
        return rows[0] if len(rows) == 1 else (",".join(sorted(rows)) if rows else None)
    except driver.Error as exc:
        raise _cannot_open(path, exc) from exc
    finally:
        con.close()


def _cannot_open(path: Path, exc: BaseException) -> UserError:
    """Why ``path`` can't be opened, sorted by SQLite's code: full disk, busy, damaged, no access…"""
    known = errors.known(exc, path)
    if known is not None:
        return known
    return DatabaseError(f"無法開啟資料庫檔案 {path}（{exc}），已保持原狀未變更。",
                         f"Cannot open the database file {path} ({exc}); it was left untouched.")


def open_database(path: Path | str, *, create: bool = True, read_only: bool = False,
                  backup_before_upgrade: bool = True, key: DatabaseKey | None | str = driver.AUTO) -> Database:
    """Open (creating if asked) and migrate a database; refuse a newer or foreign one untouched.

    ``path`` may be a ``postgresql://`` address: the server database is opened by :mod:`store.server`.
    ``key``: AUTO finds an existing file's key (:func:`keys.key_for`) and gives a new file a new
    one (:func:`keys.new_key`, unless ``COUNSEL_DESK_ENCRYPTION=off``); None creates a plain file.
    A wrong or missing key is a :class:`~counsel_desk.errors.DatabaseError` and the file is untouched.
    """
    from counsel_desk.store.reference import ensure_reference_data
    from counsel_desk.store.server import is_server_target, local_place, open_server

    if is_server_target(path):  # "postgresql://…": a center's or headquarters' shared database
        opened = open_server(str(path), create=create)
        db = Database(path=local_place(str(path)), engine=opened.engine, upgraded_from=opened.upgraded_from,
                      url=str(path), created=opened.created)
        db.entry_at_open = db.last_entry()
        return db
    path = Path(path).expanduser()
    exists = path.exists() and path.stat().st_size > 0
    if not exists and not create and path.is_file():
        raise DatabaseError(f"資料庫檔案「{path}」是空的（0 位元組），沒有任何資料可以讀取；檔案未做任何變更。",
                            f"The database file '{path}' is empty (0 bytes): there is nothing to read; it was not changed.")
    if not exists and not create:
        raise DatabaseError(f"找不到資料庫檔案：{path}", f"Database file not found: {path}")
    if not exists and read_only:
        raise DatabaseError(f"找不到資料庫檔案：{path}", f"Database file not found: {path}")

    upgraded_from = None
    pre_copy = None
    if exists:
        if key == driver.AUTO:
            key = keys.key_for(path)
        rev = inspect_revision(path)
        migrate.refuse_newer(rev)
        up_to_date = rev == migrate.SCHEMA_HEAD
        if not up_to_date and rev != migrate.head() and not read_only:
            upgraded_from = rev or "empty"
            if backup_before_upgrade and rev is not None:
                pre_copy = _copy_aside(path, rev)
        if read_only and not up_to_date and rev != migrate.head():
            raise DatabaseError(
                f"資料庫 {path} 需要升級，但它是唯讀的；請複製到可寫入的位置再開啟。",
                f"The database {path} needs an upgrade but is read-only; copy it somewhere writable first.")
    else:
        up_to_date = False
        if key == driver.AUTO:
            key = keys.new_key() if keys.encryption_wanted() else None
        _create_private_file(path)

    engine = make_engine(path, read_only=read_only, key=key)
    db = Database(path=path, engine=engine, read_only=read_only, upgraded_from=upgraded_from,
                  pre_upgrade_copy=pre_copy, key=key if isinstance(key, DatabaseKey) else None,
                  created=not exists)
    keys.register_folders(path, db.key)  # its attachments and drafts are sealed with the same key
    try:
        if not read_only:
            if not up_to_date:  # an up-to-date file (every ordinary start) needs no Alembic at all
                migrate.upgrade(engine)
                with engine.begin() as conn:  # the migrations stamp the audit head unsigned
                    audit.sign_head(conn)
            ensure_reference_data(engine)
        else:
            with engine.connect() as conn:  # fail now, in words, rather than at the first query
                conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").fetchall()
    except Exception as exc:
        engine.dispose()
        known = errors.known(exc, path)
        if known is None:
            raise
        raise known from exc
    if not read_only:
        _recognise_copy(db)
        db.entry_at_open = db.last_entry()
    return db


def _recognise_copy(db: Database) -> None:
    """A file first opened on this computer after a copy gets its own sync device id now (sync/db.py)."""
    from counsel_desk.store.identity import recognise_copy

    raw = db.engine.raw_connection()
    try:
        con = raw.driver_connection
        assert con is not None  # a pooled sqlite3 connection
        previous = con.isolation_level
        con.isolation_level = None  # recognise_copy says BEGIN/COMMIT itself
        try:
            recognise_copy(con)
        finally:
            con.isolation_level = previous
    finally:
        raw.close()


def _copy_aside(path: Path, rev: str) -> Path:
    """Copy the database (consistently, through SQLite's backup API) before a schema upgrade."""
    dest_dir = paths.backups_dir(path)
    dest_dir.mkdir(parents=True, exist_ok=True)
    dest = dest_dir / f"{path.stem}-before-upgrade-{rev}.db"
    tmp = dest.with_suffix(".db.tmp")
    key = keys.key_for(path)
    src = driver.connect(path, read_only=True, key=key)
    try:
        out = driver.connect(tmp, key=key)  # the copy is encrypted with the database's own key
        with out:
            src.backup(out)
        out.close()
    finally:
        src.close()
    os.chmod(tmp, 0o600)
    os.replace(tmp, dest)
    return dest

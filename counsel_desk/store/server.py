"""Opening a database on a PostgreSQL server (a center office's or headquarters' shared database).

``--db postgresql://user@host/dbname`` (or a connection profile, :mod:`counsel_desk.store.profiles`)
opens a server database the way :func:`counsel_desk.store.database.open_database` opens a file:
a schema revision written by a newer counsel_desk is refused before anything is written, an older
one is upgraded by the same Alembic history (dialect steps in :mod:`counsel_desk.store.dialects`),
and the reference data is loaded. Each person connects as their own login; the server's row-level
security (:mod:`counsel_desk.store.server_roles`) decides what that login may change.
"""

from __future__ import annotations

import re
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.pool import ConnectionPoolEntry

from counsel_desk import paths
from counsel_desk.paths import is_server_target
from counsel_desk.errors import DatabaseError
from counsel_desk.store import migrate
from counsel_desk.store.dialects import UNPREPARED_OPTION


_SCHEME = re.compile(r"^postgres(?:ql)?(?:\+psycopg)?://", re.IGNORECASE)
LOCK_MIGRATE = 7_180_001  # advisory lock: one client upgrades the schema at a time
# this program's name on the server: the change notices it causes name it, and its own listener leaves them out
APPLICATION_NAME = f"counsel_desk {uuid.uuid4().hex[:12]}"
__all__ = ["display_name", "is_server_target", "local_place", "make_server_engine", "open_server", "server_url"]


def server_url(target: str, password: str | None = None) -> URL:
    """The SQLAlchemy URL for psycopg 3; ``password`` (from the keyring) when the text has none."""
    url = make_url(_SCHEME.sub("postgresql+psycopg://", target.strip(), count=1))
    if password and not url.password:
        url = url.set(password=password)
    return url


def display_name(target: str) -> str:
    """The URL without its password, for titles and messages."""
    return make_url(_SCHEME.sub("postgresql://", target.strip(), count=1)).render_as_string(hide_password=True)


def local_place(target: str) -> Path:
    """Where this computer keeps what belongs to a server database locally (drafts, attachments cache)."""
    url = make_url(_SCHEME.sub("postgresql://", target.strip(), count=1))
    host = url.host or str(url.query.get("host", "local"))
    name = re.sub(r"[^0-9A-Za-z._-]+", "_", f"{host}-{url.port or 5432}-{url.database or 'postgres'}")
    return paths.data_dir() / "servers" / f"{name}.server"


def _account(target: str) -> str:
    """The keyring's account of a login: the address without any password (pasted with one or not)."""
    url = make_url(_SCHEME.sub("postgresql://", target.strip(), count=1))
    return "server-" + url._replace(password=None).render_as_string(hide_password=False)


_typed: dict[str, str] = {}  # passwords typed in this run (no keyring on this computer): kept in memory only


def use_password(target: str, password: str) -> None:
    """Connect to ``target`` with ``password`` for the rest of this run, without keeping it anywhere."""
    _typed[_account(target)] = password


def forget_typed_passwords() -> None:
    _typed.clear()


def remembered_password(target: str) -> str | None:
    """The login's password typed in this run, else kept in the OS keyring (never in the settings file);
    None when there is none."""
    from counsel_desk.store import keys

    if _account(target) in _typed:
        return _typed[_account(target)]
    backend = keys.keyring_backend()
    if backend is None:
        return None
    try:
        return backend.get_password(keys.SERVICE, _account(target)) or None
    except Exception:  # noqa: BLE001 — a locked or absent keyring: libpq's own sources (.pgpass) still apply
        return None


def remember_password(target: str, password: str) -> bool:
    """Keep the login's password in the OS keyring; True only when it was read back intact."""
    from counsel_desk.store import keys

    backend = keys.keyring_backend()
    if backend is None:
        return False
    try:
        backend.set_password(keys.SERVICE, _account(target), password)
        return bool(backend.get_password(keys.SERVICE, _account(target)) == password)
    except Exception:  # noqa: BLE001
        return False


# psycopg prepares a statement the (n+1)th time a connection runs it (its default: the sixth) and forgets every
# prepared statement at a ROLLBACK — which each save refused by a conflict ends with. Under 20 people saving the
# same visits, half the saves' reads were planned again so (0.8–1.5 ms of the server's CPU each): from the second
# run on, a statement is planned once. A search is never prepared (dialects.UNPREPARED).
PREPARE_AFTER = 1


def make_server_engine(target: str, password: str | None = None, *, pool_size: int = 5) -> Engine:
    """An engine whose connections speak UTC (timestamps are stored as ``timestamptz``); the password is the
    one given, else the keyring's (:func:`remembered_password`), else libpq's own (``.pgpass``, PGPASSWORD)."""
    password = password or remembered_password(target)
    try:
        engine = create_engine(server_url(target, password), pool_size=pool_size,
                               connect_args={"options": "-c timezone=UTC", "connect_timeout": 10,
                                             "application_name": APPLICATION_NAME,
                                             "prepare_threshold": PREPARE_AFTER})
    except ImportError as exc:  # an install without the driver (the laptop bundle carries it since issue 18)
        raise DatabaseError("這個版本的程式沒有連線到中心伺服器所需的元件（psycopg）；請用安裝了伺服器元件的版本"
                            "（見 docs/server.md）。",
                            "This build has no PostgreSQL driver (psycopg) for a server database; use the build "
                            "with the server components (see docs/server.md).") from exc
    event.listen(engine, "connect", _sums_of_whole_numbers_as_int)
    event.listen(engine, "checkout", lambda dbapi_conn, record, _proxy: _ping_if_idle(engine, dbapi_conn, record))
    event.listen(engine, "checkin", _note_use)
    event.listen(engine, "do_execute", _unprepared_when_asked)
    return engine


def _unprepared_when_asked(cursor: Any, statement: str, parameters: Any, context: Any) -> bool | None:
    """A statement run with the execution option :data:`dialects.UNPREPARED` is never prepared by psycopg (which
    otherwise prepares a statement from a connection's second run of it, :data:`PREPARE_AFTER`): see there."""
    if context is not None and context.execution_options.get(UNPREPARED_OPTION):
        cursor.execute(statement, parameters, prepare=False)
        return True
    return None


def _sums_of_whole_numbers_as_int(dbapi_conn: Any, _record: ConnectionPoolEntry) -> None:
    """A server's SUM of a bigint column is ``numeric`` (psycopg: Decimal); SQLite's SUM of integers is an int.
    No column is ``numeric`` (amounts and counts are bigint, migration 0022_i18_bigint), so a numeric without a
    decimal point is such a sum and reads back as int, as on SQLite; one with a point (AVG, a share) stays Decimal."""
    from psycopg.types.numeric import NumericLoader

    class WholeNumberLoader(NumericLoader):
        def load(self, data: Any) -> Any:
            text_ = bytes(data)
            return int(text_) if text_.lstrip(b"-").isdigit() else super().load(data)

    dbapi_conn.adapters.register_loader("numeric", WholeNumberLoader)


PING_AFTER_IDLE_S = 20.0  # a connection unused this long is tried before use (the server may have restarted)


def _note_use(_dbapi_conn: Any, record: ConnectionPoolEntry | None) -> None:
    if record is not None:
        record.info["cd_used_at"] = time.monotonic()


def _ping_if_idle(engine: Engine, dbapi_conn: Any, record: ConnectionPoolEntry) -> None:
    """SQLAlchemy's ``pool_pre_ping`` tries every connection at every checkout: one more round trip for each
    save, read and search. A connection used moments ago is taken as alive; one idle for a while is tried,
    and a dead one replaced (the pool retries with a new connection)."""
    if time.monotonic() - record.info.get("cd_used_at", 0.0) < PING_AFTER_IDLE_S:
        return
    try:
        engine.dialect.do_ping(dbapi_conn)
    except Exception as exc:  # whatever failed, this connection is not fit to hand out
        raise DisconnectionError(str(exc)) from exc


def _cannot_connect(target: str, exc: BaseException) -> DatabaseError:
    orig = getattr(exc, "orig", None) or exc
    return DatabaseError(f"無法連線到中心伺服器的資料庫 {display_name(target)}（{orig}）。請確認網路、伺服器位址、"
                         f"帳號與密碼。",
                         f"Cannot connect to the server database {display_name(target)} ({orig}). Check the "
                         f"network, the server's address, the login and the password.")


def inspect_revision(engine: Engine, target: str) -> str | None:
    """The schema revision stamped in the server database; a foreign database is refused."""
    from sqlalchemy.exc import OperationalError

    try:
        with engine.connect() as conn:
            has_version = conn.execute(text("SELECT to_regclass('alembic_version')")).scalar() is not None
            if not has_version:
                others = conn.execute(text(
                    "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()")).scalar()
                if others:
                    raise DatabaseError(
                        f"{display_name(target)} 不是 counsel_desk 的資料庫（缺少版本資訊），已保持原狀未變更。",
                        f"{display_name(target)} is not a counsel_desk database (no schema version); "
                        f"it was left untouched.")
                return None
            rows = [r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))]
    except OperationalError as exc:
        raise _cannot_connect(target, exc) from exc
    return ",".join(sorted(rows)) if rows else None


@dataclass
class Opened:
    """A server database made ready by :func:`open_server` (``store.database`` wraps it in a Database)."""

    engine: Engine
    upgraded_from: str | None
    created: bool


def open_server(target: str, *, password: str | None = None, create: bool = True, pool_size: int = 5) -> Opened:
    """Connect, refuse a newer or foreign schema, create or upgrade it (one client at a time), load reference data."""
    from counsel_desk.store.reference import ensure_reference_data

    engine = make_server_engine(target, password, pool_size=pool_size)
    try:
        rev = inspect_revision(engine, target)
        migrate.refuse_newer(rev, display_name(target))
        if rev is None and not create:
            raise DatabaseError(f"伺服器上的資料庫 {display_name(target)} 還沒有建立 counsel_desk 的資料表。",
                                f"The server database {display_name(target)} has no counsel_desk tables yet.")
        upgraded_from = None
        if rev != migrate.SCHEMA_HEAD and rev != migrate.head():
            with engine.connect() as lock:  # two clients starting at once: one upgrades, the other waits
                lock.execute(text("SELECT pg_advisory_lock(:k)"), {"k": LOCK_MIGRATE})
                try:
                    rev = inspect_revision(engine, target)
                    migrate.refuse_newer(rev, display_name(target))
                    if rev != migrate.head():
                        upgraded_from = rev or "empty"
                        migrate.upgrade(engine)
                finally:
                    lock.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": LOCK_MIGRATE})
                    lock.commit()
        ensure_reference_data(engine)
    except Exception:
        engine.dispose()
        raise
    return Opened(engine, upgraded_from, rev is None)

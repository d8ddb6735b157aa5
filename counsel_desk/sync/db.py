"""Database access shared by export and import, on a file (SQLite) or a server (PostgreSQL) alike.

Export and import move hundreds of thousands of rows, so they talk to the database through
SQLAlchemy Core (``text()`` with named parameters, ``insert(table)`` with many rows: an executemany,
which psycopg 3 pipelines on a server) on one connection, values in storage form, no ORM. The same
connection serves the audit log and the search index, so everything lands in one transaction.

:class:`SyncConnection` is that connection. What differs between the engines is kept in it:

* transactions: on a file the import says ``BEGIN IMMEDIATE`` itself (it takes the write lock before
  it reads what it will change); on a server the first statement opens the transaction;
* staging tables (``temp`` on both; on a server with an explicit ``rowid`` and the live table's
  column types, so ``INSERT … SELECT`` from staging needs no casts);
* values read back: a server's dates, moments and booleans come back as SQLite stores them (ISO
  text, naive UTC text, 0/1), so content hashes and clocks compare alike on both engines.
"""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Mapping, Sequence

from sqlalchemy import column, insert, table, text
from sqlalchemy.engine import Connection

from counsel_desk.store import identity
from counsel_desk.store.dialects import SERVER
from counsel_desk.sync.clock import DEVICE_RE, new_device_id

_PLAIN = (str, int, float, type(None))
STATISTICS_SAMPLE = 10  # refresh_statistics: ANALYZE's statistics target (3,000 rows sampled; the server's default 100)


def storage_value(value: Any) -> Any:
    """A server's value as SQLite stores it: dates as ISO text, UTC moments as naive text, booleans as 0/1."""
    if type(value) in _PLAIN:
        return value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return value.isoformat(sep=" ", timespec="microseconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class Rows:
    """A statement's result with its values in storage form (iterate, fetchone, fetchall, fetchmany)."""

    def __init__(self, result: Any, convert: bool) -> None:
        self._result = result
        self._convert = convert
        self.rowcount = result.rowcount

    def _row(self, row: Any) -> Any:
        return tuple(storage_value(v) for v in row) if self._convert else row

    def __iter__(self) -> Iterator[Any]:
        for row in self._result:
            yield self._row(row)

    def fetchone(self) -> Any:
        row = self._result.fetchone()
        return None if row is None else self._row(row)

    def fetchall(self) -> list[Any]:
        return [self._row(r) for r in self._result.fetchall()]

    def fetchmany(self, size: int) -> list[Any]:
        return [self._row(r) for r in self._result.fetchmany(size)]

    def scalar(self) -> Any:
        row = self.fetchone()
        return None if row is None else row[0]


class SyncConnection:
    """One SQLAlchemy connection for a sync operation, on either engine (see the module docstring)."""

    def __init__(self, conn: Connection):
        self.conn = conn
        self.server = conn.dialect.name == SERVER
        self._bools: dict[str, frozenset[str]] = {}  # staging table → its boolean columns (server only)
        self.file: Any = None if self.server else conn.connection.driver_connection  # a file's sqlite3 connection
        self.discard = False  # closed after use instead of going back to the pool (sync/index_ahead.py)
        self._bulk_keys: Any = None  # a server's BulkKeys, made at the first bulk add

    # --- statements ------------------------------------------------------------------------
    def execute(self, sql: str, params: Mapping[str, Any] | None = None) -> Rows:
        result = self.conn.execute(text(sql), dict(params or {}))
        return Rows(result, self.server and result.returns_rows)

    def insert_rows(self, name: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """Many rows into ``name`` in one executemany (``insert(t)`` with a list, never one big VALUES).

        On a file the rows go to sqlite3's own ``executemany`` as they are: no dict per row, and the
        binding runs in C, off the Python work of the thread that reads the next rows meanwhile.
        """
        if not self.server:
            self.file.executemany(f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                                  rows)
            return
        data = [dict(zip(columns, row)) for row in self._server_values(name, columns, rows)]
        if data:
            self.conn.execute(insert(table(name, *(column(c) for c in columns))), data)

    def bulk_add(self, name: str, columns: Sequence[str], select_sql: str, params: Mapping[str, Any] | None = None, *,
                 sheet: str, trusted: Sequence[str] = (), distinct: Mapping[str, str] | None = None) -> None:
        """``INSERT INTO name (columns) select_sql`` of many staged rows; on a server with their foreign keys
        checked once, set-based, where the login may (:mod:`counsel_desk.sync.bulk_keys`)."""
        if not self.server:
            self.execute(f"INSERT INTO {name} ({', '.join(columns)}) {select_sql}", params)
            return
        if self._bulk_keys is None:
            from counsel_desk.sync.bulk_keys import BulkKeys

            self._bulk_keys = BulkKeys(self)
        self._bulk_keys.insert(name, columns, select_sql, params, sheet=sheet, trusted=trusted, distinct=distinct)

    def copy_rows(self, name: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """Many rows into a staging table: on a server one COPY stream (no statement, no round trip per row;
        COPY refuses tables under row-level security, which staging tables never are); a file inserts them."""
        if not self.server:
            self.insert_rows(name, columns, rows)
            return
        raw = self.conn.connection.driver_connection
        assert raw is not None  # a checked-out connection has its driver's
        with raw.cursor() as cursor, cursor.copy(f"COPY {name} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in self._server_values(name, columns, rows):
                copy.write_row(row)

    def _server_values(self, name: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
                       ) -> Iterator[Sequence[Any]]:
        """``rows`` as a server takes them: the 0/1 a file holds in a boolean column as a boolean."""
        bools = [n for n, c in enumerate(columns) if c in self._bools.get(name, frozenset())]
        for row in rows:
            if bools:
                row = list(row)
                for n in bools:
                    if row[n] is not None:
                        row[n] = bool(row[n])
            yield row

    # --- transactions ----------------------------------------------------------------------
    def begin(self, *, write: bool = False, snapshot: bool = False) -> None:
        """Open a transaction; ``write``: a file takes its write lock now (``BEGIN IMMEDIATE``);
        ``snapshot``: every statement of it reads the same state (a server's REPEATABLE READ)."""
        if self.server:
            if self.conn.in_transaction():
                self.conn.commit()
            self.conn.begin()
            if snapshot:
                self.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        else:
            self.file.execute("BEGIN IMMEDIATE" if write else "BEGIN")

    def commit(self) -> None:
        if self.server:
            self.conn.commit()
        elif self.file.in_transaction:
            self.file.execute("COMMIT")

    def rollback(self) -> None:
        if self.server:
            self.conn.rollback()
        elif self.file.in_transaction:
            self.file.execute("ROLLBACK")

    @property
    def in_transaction(self) -> bool:
        return self.conn.in_transaction() if self.server else bool(self.file.in_transaction)

    # --- what differs ----------------------------------------------------------------------
    def cache_pages(self, kib: int) -> None:
        """A bigger page cache for bulk work on a file (a server sizes its own)."""
        if not self.server:
            self.file.execute(f"PRAGMA cache_size = -{int(kib)}")

    def moment(self, param: str) -> str:
        """SQL for a moment given as storage text (``param`` like ``:now``) where its type can't be inferred."""
        return f"CAST({param} AS TIMESTAMP WITH TIME ZONE)" if self.server else param

    def refresh_statistics(self, tables: Sequence[str]) -> None:
        """On a server, after many rows went into ``tables`` inside this transaction: the planner's row counts
        and value statistics of them (ANALYZE samples the transaction's own new rows). Without this the next
        file's statements are planned for the tables as they were before the import, and a look-up per row
        becomes a scan of a table that has grown by 100,000 rows. A login that does not own the tables gets
        a warning from the server instead, never an error; a file (SQLite) plans from its indexes."""
        if self.server and tables:
            # a small sample: the row counts and the ids' spread are what the import's joins need;
            # autovacuum analyses the tables fully once the import has committed
            self.execute(f"SET LOCAL default_statistics_target = {STATISTICS_SAMPLE}")
            self.execute(f"ANALYZE {', '.join(dict.fromkeys(tables))}")
            self.execute("SET LOCAL default_statistics_target = DEFAULT")

    def defer_foreign_keys(self) -> None:
        """Inside this transaction, check foreign keys at commit (a parent and its children renamed in turn)."""
        if self.server:
            self.execute("SET CONSTRAINTS ALL DEFERRED")
        else:
            self.file.execute("PRAGMA defer_foreign_keys = ON")

    def create_temp_table(self, name: str, columns: Sequence[str], *, like: str | None = None,
                          types: Mapping[str, str] | None = None) -> None:
        """A temporary table of ``columns``; on a server typed like ``like``'s columns of the same name
        (else as ``types`` says, else text) and given a ``rowid`` as SQLite's tables have."""
        self.execute(f"DROP TABLE IF EXISTS {name}")
        if not self.server:
            self.execute(f"CREATE TEMP TABLE {name} ({', '.join(columns)})")
            return
        known = dict(types or {})
        if like is not None:
            known.update(self._column_types(like))
        parts = ["rowid BIGSERIAL"] + [f"{c} {known.get(c, 'TEXT')}" for c in columns]
        self.execute(f"CREATE TEMP TABLE {name} ({', '.join(parts)})")
        self._bools[name] = frozenset(c for c in columns if known.get(c) == "BOOLEAN")

    def _column_types(self, table_name: str) -> dict[str, str]:
        rows = self.execute(
            "SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
            "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relname = :t AND n.nspname = current_schema() AND a.attnum > 0 AND NOT a.attisdropped",
            {"t": table_name})
        # a text of any length: what a file holds is staged as it is, and checked against the limit after
        # (sync/checks.py names the cell); varchar(n) here would fail the whole read with a database error
        return {name: ("BOOLEAN" if kind == "boolean" else "TEXT" if kind.startswith("character varying")
                       else kind.upper()) for name, kind in rows}

    def drop_table(self, name: str) -> None:
        self.execute(f"DROP TABLE IF EXISTS {name}")
        self._bools.pop(name, None)


@contextmanager
def connection(db) -> Iterator[tuple[Connection, SyncConnection]]:
    """An SQLAlchemy connection and its :class:`SyncConnection` (a file's in autocommit mode: we say BEGIN)."""
    with db.engine.connect() as conn:
        link = SyncConnection(conn)
        if link.server:
            # Bulk statements have high plan costs, which trigger JIT compilation: seconds of compiling
            # per statement, for statements that run a second or two. The session gets it back after.
            conn.exec_driver_sql("SET jit = off")
            conn.commit()  # a SET rolled back with its transaction would be undone
            try:
                yield conn, link
            finally:
                if conn.in_transaction():
                    conn.rollback()
                conn.exec_driver_sql("RESET jit")
                conn.commit()
            return
        raw = link.file
        previous = raw.isolation_level
        caches = (raw.execute("PRAGMA cache_size").fetchone()[0], raw.execute("PRAGMA temp.cache_size").fetchone()[0])
        raw.isolation_level = None
        try:
            yield conn, link
        finally:
            if raw.in_transaction:
                raw.execute("ROLLBACK")
            if link.discard:
                conn.invalidate()  # closed: its FTS5 maps of indexes copied in are stale
            else:
                # bulk work may enlarge the page caches; the pooled connection goes back as it came
                raw.execute(f"PRAGMA cache_size = {int(caches[0])}")
                raw.execute(f"PRAGMA temp.cache_size = {int(caches[1])}")
                raw.isolation_level = previous


def meta_value(link: SyncConnection, key: str) -> str | None:
    value = link.execute("SELECT value FROM app_meta WHERE key = :k", {"k": key}).scalar()
    return None if value is None else str(value)


def set_meta(link: SyncConnection, key: str, value: str) -> None:
    link.execute("INSERT INTO app_meta (key, value) VALUES (:k, :v) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                 {"k": key, "v": value})


def device_id(link: SyncConnection) -> str:
    """This database's device id for version vectors.

    A file keeps it with the file and gives a copy on another computer its own (store/identity.py);
    a server database is one place whoever connects, so its id is made once and kept.
    """
    if not link.server:
        return identity.device_id(link.file)
    current = meta_value(link, "device_id")
    if current and DEVICE_RE.fullmatch(current):
        return current
    new = new_device_id()
    own = not link.in_transaction
    link.execute("INSERT INTO app_meta (key, value) VALUES ('device_id', :v) ON CONFLICT (key) DO NOTHING", {"v": new})
    current = meta_value(link, "device_id") or new  # another client may have made it first
    if own:
        link.commit()
    return current


def home_center(link: SyncConnection) -> str:
    """The center this database belongs to: ``app_meta.center`` if set, else its counselors' center."""
    stored = meta_value(link, "center")
    if stored:
        return stored
    row = link.execute("SELECT center_code FROM counselor WHERE deleted_at IS NULL GROUP BY center_code "
                       "ORDER BY count(*) DESC, center_code LIMIT 1").fetchone()
    return str(row[0]) if row else ""


@dataclass(frozen=True)
class Reference:
    """The shipped reference data a workbook's codes are checked against."""

    centers: dict[str, str]  # code → 北區…
    counties: dict[str, str]  # code → 臺北市…
    townships: dict[str, tuple[str, str]]  # code → (county code, 大安區…)
    work_items: frozenset[str]

    @classmethod
    def load(cls, link: SyncConnection) -> "Reference":
        return cls(
            centers=dict(link.execute("SELECT code, name FROM center")),
            counties=dict(link.execute("SELECT code, name FROM county")),
            townships={c: (k, n) for c, k, n in link.execute("SELECT code, county_code, name FROM township")},
            work_items=frozenset(r[0] for r in link.execute("SELECT code FROM work_item")),
        )

    def county_name(self, code: str | None) -> str:
        return self.counties.get(code or "", "")

    def township_name(self, code: str | None) -> str:
        t = self.townships.get(code or "")
        return t[1] if t else ""

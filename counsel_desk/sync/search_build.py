"""A large import's search tables built beside the merge, on the server's second core (PostgreSQL only).

PostgreSQL runs one transaction on one core. The biggest part of a large headquarters import used to be
the search text inside it: each new record's text composed from joins, then the trigram index built over
all of it (~180 trigrams of Chinese text a visit) — a third of the merge's server time, on the one core.

For each search table the load at least doubles (``dialects.TRIGRAM_REBUILD_ROWS``; for the tables' owner and
headquarters' logins), a second connection builds a complete copy instead, while the merge goes on (each step
on the server is a function of store/search_rebuild.py, run with the owner's rights):

1. it copies the table's committed rows into a new table (``cd_build_…``, no index yet);
2. the merge hands it each added record's text, composed here from the staged values and the names
   already merged (:meth:`SearchText.body`), under the record's number in ``search_index_doc`` — which the
   merge writes in its own transaction, as before; the helper streams them in with COPY;
3. once the sheet is merged for every file, it builds the primary key and the trigram index over all
   rows and commits that table (nobody reads it: it has no name anyone searches);
4. at the end of the merge, inside its transaction, :meth:`SideBuild.finish` has the server lock the live table, bring
   the copy up to date with whatever changed there meanwhile (colleagues' saves, this import's own
   updates: compared row by row, normally none), and put the copy in the live table's place (rights,
   owner, names). Searches find the new records the moment the import commits; a failed or cancelled
   import rolls the swap back, and the copies are dropped.

Others' searches and saves of those entities wait only for that last step (the swap locks the table),
not for the whole import.
"""

from __future__ import annotations

import queue
import threading
import uuid
from typing import Any, Iterable, Iterator

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from counsel_desk.store import dialects
from counsel_desk.store.search_rebuild import COPY_PATTERN
from counsel_desk.store.search import END_OF_TEXT, fts_table
from counsel_desk.sync.db import SyncConnection
from counsel_desk.sync.format import Sheet
from counsel_desk.sync.search_text import SearchText, named_columns

BUILD_LOCK = 7_180_003  # advisory lock class of the copies' tags (store.audit.AUDIT_LOCK is 7_180_002)
_DONE = object()
_INDEX = object()
HANDOVER_ROWS = 20_000  # staged rows handed to the helper at a time (a few batches in its queue: memory stays flat)


class SideBuild:
    """The search tables rebuilt beside one import's merge (see the module docstring)."""

    def __init__(self, engine: Engine, link: SyncConnection, tables: list[str], files: int = 0):
        self.engine = engine
        self.files = files  # how many files the merge hands rows from (the last one's rows start the index build)
        self.indexing: set[str] = set()  # tables whose helper was told to build the index: no more rows for them
        tag = uuid.uuid4().hex[:10]
        self.copies = {t: f"cd_build_{tag}_{n}" for n, t in enumerate(tables)}
        # held by the merge's session while its copies exist: a copy whose lock is free is an orphan
        self.key = {"ns": BUILD_LOCK, "k": _lock_key(tag)}
        link.execute("SELECT pg_advisory_lock(:ns, :k)", self.key)
        # one connection and thread per table: one table's index is built while the next one's rows stream in
        self.helpers = {t: _Helper(engine, t, c) for t, c in self.copies.items()}

    @classmethod
    def start(cls, engine: Engine, link: SyncConnection, incoming: dict[str, int], files: int = 0) -> "SideBuild | None":
        """A side build of the search tables (``fts_table`` names) this load at least doubles, or None
        (a file, a small load, or a login that does not own the tables); ``files``: how many files are merged."""
        if not link.server:
            return None
        tables = dialects.bulk_load_candidates(link.conn, incoming)
        if not tables:
            return None
        _drop_orphans(engine, tables[0])
        return cls(engine, link, tables, files)

    def takes(self, table: str) -> bool:
        return table in self.copies

    # --- the merge's side (its own thread and transaction) -------------------------------------------------
    def add(self, link: SyncConnection, sheet: Sheet, search_text: SearchText, stage: str, file: int = 0) -> None:
        """The staged rows picked in ``sync_pick`` (records just added): numbered in ``search_index_doc`` in the
        merge's transaction (as ``store.search.index_query`` does), their text composed here and handed over.
        After the last file's rows (``file``: its number) the helper builds the index at once: the rest of that
        file's merge (links, merge records) runs meanwhile — what it changes in the live table reaches the copy
        at the swap."""
        table = fts_table(sheet.table)
        if table in self.indexing:
            raise RuntimeError(f"{table}: rows handed over after its index was begun")
        picked = f"FROM {stage} s JOIN sync_pick p ON p.rid = s.rowid"
        live = "s.deleted_at IS NULL" if "deleted_at" in sheet.by_key else "true"
        link.execute(f"INSERT INTO search_index_doc (entity, record_id) SELECT CAST(:e AS TEXT), s.id {picked} "
                     f"WHERE {live} AND NOT EXISTS (SELECT 1 FROM search_index_doc d WHERE d.record_id = s.id)",
                     {"e": sheet.table})
        keys = list(dict.fromkeys([*sheet.search, *(k for k in ("county_code", "township_code") if k in sheet.by_key),
                                   *(c.key for c in named_columns(sheet))]))
        for c in named_columns(sheet):
            search_text.names(str(c.ref))  # loaded here: the helper's thread must not use this connection
        raw: Any = link.conn.connection.driver_connection  # plain text values: no conversion of each one
        with raw.cursor() as cursor:
            cursor.execute(f"SELECT d.rowid, {', '.join(f's.{k}' for k in keys)} {picked} "
                           f"JOIN search_index_doc d ON d.record_id = s.id WHERE {live}")
            while rows := cursor.fetchmany(HANDOVER_ROWS):  # composed by the helper, beside this transaction
                self.helpers[table].put((sheet, keys, search_text, rows))
        if self.files and file == self.files:
            self.sheet_done(table)

    def sheet_done(self, table: str) -> None:
        """No more rows for ``table``: its helper builds the keys and index now, beside the rest of the merge
        (said once: after the last file's rows, or when the sheet is merged)."""
        if self.takes(table) and table not in self.indexing:
            self.indexing.add(table)
            self.helpers[table].put(_INDEX)

    def finish(self, link: SyncConnection) -> None:
        """Inside the merge's transaction: wait for the copies, bring them up to date, swap them in."""
        for helper in self.helpers.values():
            helper.join()
            if helper.error is not None:
                raise helper.error
            if not helper.indexed:
                raise RuntimeError(f"{helper.copy}: finished before its index was built")
        for table, copy in self.copies.items():
            link.execute("SELECT cd_search_build_swap(:t, :c)", {"t": table, "c": copy})

    def abandon(self) -> None:
        """After a failed or cancelled merge (its transaction rolled back): stop the helpers, drop the copies."""
        for helper in self.helpers.values():
            helper.error = helper.error or RuntimeError("abandoned")
            helper.join()
        with self.engine.connect() as conn:
            for table, copy in self.copies.items():
                conn.execute(text("SELECT cd_search_build_drop(:t, :c)"), {"t": table, "c": copy})
            conn.commit()

    def release(self, link: SyncConnection) -> None:
        """After the merge's transaction ended (committed or rolled back): its copies are no one's any more."""
        link.execute("SELECT pg_advisory_unlock(:ns, :k)", self.key)


def _lock_key(tag: str) -> int:
    return int(tag[:7], 16)  # a 32-bit key from the copies' tag


def _drop_orphans(engine: Engine, table: str) -> None:
    """Copies left by an import whose program ended without cleaning up (killed, power cut): their session's
    lock is gone. Dropped at once, on a connection of their own (``table``: a search table, for the checks)."""
    with engine.connect() as conn:
        orphans = conn.execute(text("SELECT relname FROM pg_class WHERE relkind = 'r' AND relname ~ :p"),
                               {"p": COPY_PATTERN}).scalars().all()
        for name in orphans:
            key = {"ns": BUILD_LOCK, "k": _lock_key(name.removeprefix("cd_build_"))}
            if conn.execute(text("SELECT pg_try_advisory_lock(:ns, :k)"), key).scalar():
                conn.execute(text("SELECT cd_search_build_drop(:t, :c)"), {"t": table, "c": name})
                conn.execute(text("SELECT pg_advisory_unlock(:ns, :k)"), key)
        conn.commit()


class _Helper:
    """One search table's copy: made, filled and indexed by a connection and thread of its own, committed
    as soon as its index is built (store/search_rebuild.py's functions)."""

    def __init__(self, engine: Engine, table: str, copy: str):
        self.engine, self.table, self.copy = engine, table, copy
        self.queue: queue.Queue[Any] = queue.Queue(maxsize=4)
        self.error: BaseException | None = None
        self.indexed = False
        self.thread = threading.Thread(target=self._run, name=f"sync-search-{table}", daemon=True)
        self.thread.start()

    def put(self, item: Any) -> None:
        if self.error is not None:
            raise self.error
        self.queue.put(item)

    def join(self) -> None:
        if self.thread.is_alive():
            self.queue.put(_DONE)
            self.thread.join()

    def _run(self) -> None:
        names = {"t": self.table, "c": self.copy}
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SET LOCAL jit = off"))
                conn.execute(text("SELECT cd_search_build_start(:t, :c)"), names)
                while (item := self.queue.get()) is not _DONE:
                    if self.error is not None:
                        continue  # drained until the merge says it is done
                    if item is _INDEX:
                        conn.execute(text("SELECT cd_search_build_index(:t, :c)"), names)
                        conn.commit()
                        self.indexed = True
                    else:
                        _copy_rows(conn, self.copy, _bodies(*item))
        except BaseException as exc:  # noqa: BLE001 — raised in the merge's thread
            self.error = exc
            while self.queue.get() is not _DONE:  # the merge may still be handing over rows
                pass


def _bodies(sheet: Sheet, keys: list[str], search_text: SearchText, rows: list[tuple[Any, ...]]) -> Iterator[tuple[int, str]]:
    """``(rowid, search text)`` of staged rows ``(rowid, *keys)`` (``SearchText.body``, names loaded already)."""
    body = search_text.body
    for row in rows:
        text_ = body(sheet, dict(zip(keys, row[1:])))
        yield row[0], text_ if text_.endswith(END_OF_TEXT) else text_ + END_OF_TEXT


def _copy_rows(conn: Connection, copy: str, rows: Iterable[tuple[int, str]]) -> None:
    raw: Any = conn.connection.driver_connection
    with raw.cursor() as cursor, cursor.copy(f"COPY {copy} (rowid, body) FROM STDIN") as stream:
        for row in rows:
            stream.write_row(row)

"""A first import's search index, built on the other core while the merge writes the records (a file).

Indexing was the merge's biggest single cost when a large workbook goes into a file: for 100,000 visits
its one core spent ~5 s on it — each text composed from joins in SQL, then ~18 million characters cut
into trigrams. When an entity's index is still empty — a center loading its first workbook, where every
record is new — that work leaves the merge's core:

* the reader composes each record's text as it converts the row (:class:`counsel_desk.sync.search_text.Composer`,
  part for part as SQL would: its own words, its place, the names it links to — from the workbook's own
  sheets, over the database's), while its thread would otherwise wait for the parser; a thread of this
  module keeps the texts in a side database file (encrypted with a key that lives only in this process,
  deleted afterwards), off the memory the import is allowed;
* when the merge starts (:meth:`IndexAhead.reserve`) the records are numbered in ``search_index_doc`` as
  the texts were, and the thread builds each entity's FTS5 index in the side file — the entity's own
  definition — on the other core, while the merge writes the records on its own;
* at the merge's end (:meth:`IndexAhead.land`) every name a text used is checked to be the name that record
  ended with, and the finished index's tables are copied into the entity's empty FTS table, one
  ``INSERT … SELECT`` each.

Anything that breaks the premise — a second file, a row that is not an addition, a name the merge changed
or that was unknown while reading, someone indexing meanwhile, an error in the thread — and that entity is
indexed by the merge as before (``store.search.index_query``). A server builds its search tables beside
the merge instead (``sync/search_build.py``).

FTS5 keeps an index's segment map in memory, per connection, and refreshes it only when *another*
connection has written. The connection that copied the tables is therefore closed after the import
(``SyncConnection.discard``), and no FTS5 statement touches a landed index in the transaction after the copy.
"""

from __future__ import annotations

import os
import queue
import secrets
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Sequence

from sqlalchemy.engine import Connection

from counsel_desk.store import search
from counsel_desk.store.driver import dbapi
from counsel_desk.sync import format as fmt
from counsel_desk.sync.db import Reference, SyncConnection
from counsel_desk.sync.format import Sheet
from counsel_desk.sync.reader import give_back_memory, stage_table
from counsel_desk.sync.search_text import Composer, load_names, named_columns, rows_sql

MIN_ROWS = 5_000  # an entity with fewer rows in the workbook is indexed by the merge (not worth the copy)
BATCH = 2_000  # texts handed to the thread at a time
QUEUED = 8  # batches waiting for the thread: the reader rarely waits for it
SIDE = "cd_index_ahead"  # the side file's schema name while attached to the import's connection
SIDE_PREFIX = "counsel_desk-index-"  # the side files' names in the temporary folder
LEFT_BEHIND = 24 * 3600  # seconds untouched after which a side file is one a killed import left


def sweep_left_behind() -> None:
    """Side files of imports killed before they could remove theirs (power cut, task manager): an import
    writes to its file throughout, so one untouched for a day is nobody's. Unreadable without the key that
    died with that process, they only take space. A file still open somewhere (Windows) is left."""
    folder = Path(tempfile.gettempdir())
    cutoff = time.time() - LEFT_BEHIND
    for path in folder.glob(f"{SIDE_PREFIX}*.db*"):
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
        except OSError:
            pass
SHADOWS = ("data", "idx", "content", "docsize")  # an FTS5 index's own tables ("_config" stays the entity's)
HASHSIZE = 2 * 1024 * 1024  # the thread's FTS5 buffer: it has time (the merge is longer), the import little memory
BUILD = object()  # tells the thread the texts are complete: build the indexes


@dataclass
class _Entity:
    sheet: Sheet
    fts: str
    base: int  # a record's row in search_index_doc: base + its row number in the staging table
    staged: int = 0  # rows of the sheet the reader staged (the staging table's row numbers 1…staged)
    texts: int = 0  # of them, live records whose text went to the thread
    ok: bool = True
    reserved: bool = False  # its rows in search_index_doc are in


class IndexAhead:
    """The side index of one import (see the module docstring); :meth:`start` gives None when it doesn't apply."""

    def __init__(self, link: SyncConnection, empty: set[str], top: int, definitions: dict[str, str]):
        self.link = link
        self.empty = empty  # sheet keys whose entity's index is empty
        self.definitions = definitions  # FTS table → its CREATE VIRTUAL TABLE as the database has it
        self.top = top  # search_index_doc's highest row number when reading began
        self.next = top  # the first row number of the next entity's block, less one
        self.entities: dict[str, _Entity] = {}  # table → entity
        self._names: dict[str, dict[str, str]] = {}  # NAMED sheet key → id → name (database, then workbook)
        self.used: dict[str, dict[str, str | None]] = {}  # NAMED sheet key → id → the name a text took
        self.uses: dict[str, set[str]] = {}  # table → the NAMED sheets its texts took names from
        self.path = ""  # the side file, made with the thread when the first sheet qualifies
        self.key = secrets.token_hex(32)
        self.queue: queue.Queue[Any] = queue.Queue(maxsize=QUEUED)
        self.error: BaseException | None = None
        self.stopping = False
        self.attached = False
        self._side: Any = None
        self.thread = threading.Thread(target=self._run, name="sync-index-ahead", daemon=True)

    def _begin(self) -> None:
        if not self.path:
            sweep_left_behind()
            fd, self.path = tempfile.mkstemp(prefix=SIDE_PREFIX, suffix=".db")
            os.close(fd)
            self.thread.start()

    @classmethod
    @contextmanager
    def opened(cls, link: SyncConnection, files: Sequence[Any], dry_run: bool) -> Iterator["IndexAhead | None"]:
        """:meth:`start`, and :meth:`close` when the import is over, whatever happened."""
        ahead = cls.start(link, files, dry_run)
        try:
            yield ahead
        finally:
            if ahead is not None:
                ahead.close(link)

    @classmethod
    def start(cls, link: SyncConnection, files: Sequence[Any], dry_run: bool) -> "IndexAhead | None":
        """A side index for a single workbook going into a file, when some entity's index is empty."""
        if link.server or dry_run or len(files) != 1:
            return None
        empty = {s.key for s in fmt.SHEETS if s.search
                 and link.execute(f"SELECT rowid FROM {search.fts_table(s.table)} LIMIT 1").fetchone() is None}
        if not empty:
            return None
        top = link.execute("SELECT coalesce(max(rowid), 0) FROM search_index_doc").scalar()
        definitions = dict(link.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE "
                                        "'CREATE VIRTUAL TABLE%' AND name LIKE 'search_index_%'").fetchall())
        return cls(link, empty, int(top), definitions)

    # --- while reading (the reader's thread) ---------------------------------------------------
    def names(self, key: str) -> dict[str, str]:
        """id → name of a NAMED sheet's records: the database's, overwritten by the workbook's as it is read."""
        names = self._names.get(key)
        if names is None:
            names = self._names[key] = load_names(self.link, key)
        return names

    def texts(self, sheet: Sheet, pos: dict[str, int], expected: int, ref: Reference) -> "Texts | None":
        """The composer of a sheet's texts, when its entity is indexed ahead (``expected``: its declared rows)."""
        if sheet.key not in self.empty or expected < MIN_ROWS or self.error is not None:
            return None
        self._begin()
        entity = self.entities[sheet.table] = _Entity(sheet, search.fts_table(sheet.table), base=self.next)
        self.uses[sheet.table] = {str(c.ref) for c in named_columns(sheet)}
        return Texts(self, entity, Composer(sheet, pos, ref, self.names, self.used), pos.get("deleted_at"))

    def put(self, item: Any) -> None:
        """Hand work to the thread (dropped once it has failed: the merge indexes then)."""
        while self.error is None and self.thread.is_alive():
            try:
                self.queue.put(item, timeout=0.5)
                return
            except queue.Full:
                continue

    def _run(self) -> None:
        """The thread: the texts into the side file as they come, then (:data:`BUILD`) every index from them."""
        side = None
        try:
            side = self._side = dbapi.connect(self.path, isolation_level=None, check_same_thread=False)
            side.execute(f"PRAGMA key = \"x'{self.key}'\"")
            for pragma in ("journal_mode = OFF", "synchronous = OFF", "cache_size = -2048", "temp_store = MEMORY"):
                side.execute(f"PRAGMA {pragma}")
            side.execute("BEGIN")
            made: list[str] = []
            while (item := self.queue.get()) is not None:
                if self.error is not None or self.stopping:
                    continue
                try:
                    if item is BUILD:
                        self._build(side, made)
                        continue
                    fts, rows = item
                    if fts not in made:
                        side.execute(f"CREATE TABLE text_{fts} (rowid INTEGER PRIMARY KEY, body TEXT)")
                        made.append(fts)
                    side.executemany(f"INSERT INTO text_{fts} (rowid, body) VALUES (?, ?)", rows)
                except BaseException as exc:  # noqa: BLE001 — the merge indexes as before
                    self.error = exc
        except BaseException as exc:  # noqa: BLE001 — as above
            self.error = exc
        finally:
            self._side = None
            if side is not None:
                side.close()

    def _build(self, side: Any, made: list[str]) -> None:
        for fts in made:
            if self.stopping:
                return
            side.execute(self.definitions[fts])
            side.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('hashsize', {HASHSIZE})")
            side.execute(f"INSERT INTO {fts} (rowid, body) SELECT rowid, body FROM text_{fts} ORDER BY rowid")
            side.execute(f"DROP TABLE text_{fts}")
            give_back_memory()
        side.execute("COMMIT")

    def _stop_thread(self) -> None:
        if self.thread.is_alive():
            self.queue.put(None)
            self.thread.join()

    # --- in the merge's transaction ------------------------------------------------------------
    def takes(self, table: str) -> bool:
        """The merge leaves this table's new records to the side index."""
        e = self.entities.get(table)
        return e is not None and e.ok and e.reserved

    def spoil(self, table: str) -> None:
        """Not all of this table's rows are additions: the merge indexes the entity after all."""
        e = self.entities.get(table)
        if e is not None:
            e.ok = False

    def reserve(self, link: SyncConnection) -> None:
        """First in the merge's transaction: each entity's records numbered in ``search_index_doc`` as their texts
        were, and the thread set to build the indexes."""
        top = link.execute("SELECT coalesce(max(rowid), 0) FROM search_index_doc").scalar()
        for e in self.entities.values():
            if top > self.top:  # someone indexed a record meanwhile: those numbers may be taken
                e.ok = False
            if not e.ok:
                continue
            stage, live = stage_table(e.sheet), _live(e.sheet, "s")
            rows, last, texts = link.execute(
                f"SELECT count(*), coalesce(max(rowid), 0), coalesce(sum({live}), 0) FROM {stage} s").fetchone()
            if (rows, last, texts) != (e.staged, e.staged, e.texts):
                e.ok = False  # rows staged that the reader did not see (or the other way round)
                continue
            link.execute(f"INSERT INTO search_index_doc (rowid, entity, record_id) "
                         f"SELECT :base + s.rowid, :e, s.id FROM {stage} s WHERE {live} ORDER BY s.rowid",
                         {"base": e.base, "e": e.sheet.table})
            e.reserved = True
        give_back_memory()  # what reading freed, before the merge's page cache grows
        if any(e.reserved for e in self.entities.values()):
            self.put(BUILD)

    def land(self, conn: Connection, link: SyncConnection) -> None:
        """Last in the merge's transaction: each side index copied into its entity's FTS table, or rebuilt."""
        self._stop_thread()
        changed = self._renamed(link)
        for e in self.entities.values():
            if not e.reserved:
                continue
            if not (e.ok and self.error is None and not (self.uses[e.sheet.table] & changed)
                    and link.execute(f"SELECT rowid FROM {e.fts} LIMIT 1").fetchone() is None):
                _index_again(conn, link, e)
                continue
            if not self.attached:
                link.file.execute(f"ATTACH DATABASE ? AS {SIDE} KEY ?", (self.path, f"x'{self.key}'"))
                self.attached = True
            if not self._same_tables(link, e):
                _index_again(conn, link, e)
                continue
            for shadow in SHADOWS:
                link.execute(f"DELETE FROM main.{e.fts}_{shadow}")
                link.execute(f"INSERT INTO main.{e.fts}_{shadow} SELECT * FROM {SIDE}.{e.fts}_{shadow}")
            link.discard = True  # its FTS5 maps of these indexes are stale: closed after the import

    def _renamed(self, link: SyncConnection) -> set[str]:
        """NAMED sheets one of whose used names is not the name that record has now (merged otherwise)."""
        out = set()
        for key, used in self.used.items():
            if used:
                live = load_names(link, key)
                if any(live.get(i) != name for i, name in used.items()):
                    out.add(key)
        return out

    def _same_tables(self, link: SyncConnection, e: _Entity) -> bool:
        """The side file's tables of this index are the entity's own (the same definition made them)."""
        def tables(schema: str) -> list[Any]:
            return link.execute(f"SELECT name, sql FROM {schema}.sqlite_master WHERE name LIKE :n ORDER BY name",
                                {"n": f"{e.fts}_%"}).fetchall()
        return tables("main") == tables(SIDE)

    def close(self, link: SyncConnection) -> None:
        """After the import, whatever happened: the thread stopped, the side file detached and gone."""
        self.stopping = True
        side = self._side
        if side is not None:
            try:
                side.interrupt()  # a refused or cancelled import does not wait for the indexing
            except dbapi.ProgrammingError:
                pass  # closed meanwhile
        self._stop_thread()
        if self.attached:
            link.rollback()  # a no-op after COMMIT; DETACH is refused inside a transaction
            link.file.execute(f"DETACH DATABASE {SIDE}")
            self.attached = False
        for suffix in ("", "-journal", "-wal", "-shm") if self.path else ():
            try:
                os.unlink(self.path + suffix)
            except FileNotFoundError:
                pass


class Texts:
    """One sheet's texts as the reader converts its rows, handed to the thread a batch at a time."""

    def __init__(self, ahead: IndexAhead, entity: _Entity, composer: Composer, deleted_at: int | None):
        self.ahead, self.entity, self.composer, self.deleted_at = ahead, entity, composer, deleted_at
        self.batch: list[tuple[int, str]] = []

    def add(self, values: list[Any]) -> None:
        """One staged row (the reader's values, in its column order)."""
        e = self.entity
        e.staged += 1
        if self.deleted_at is not None and values[self.deleted_at] is not None:
            return  # a deleted record is found by no search
        self.batch.append((e.base + e.staged, self.composer(values)))
        e.texts += 1
        if len(self.batch) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if self.batch:
            self.ahead.put((self.entity.fts, self.batch))
            self.batch = []

    def done(self) -> None:
        self.flush()
        self.ahead.next = self.entity.base + self.entity.staged


def _live(sheet: Sheet, alias: str) -> str:
    return f"({alias}.deleted_at IS NULL)" if "deleted_at" in sheet.by_key else "1"


def _index_again(conn: Connection, link: SyncConnection, e: _Entity) -> None:
    """The entity indexed by the merge after all: its numbered rows out, every live record in, set-based."""
    link.execute("DELETE FROM search_index_doc WHERE entity = :e", {"e": e.sheet.table})
    link.execute(f"DELETE FROM {e.fts}")
    with search.bulk_indexing(conn, [e.sheet.table]):
        search.index_query(conn, e.sheet.table, f"SELECT {rows_sql(e.sheet, 's')} FROM {e.sheet.table} s", fresh=True)

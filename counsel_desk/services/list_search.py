"""Fast search-as-you-type for the big lists (visits, follow-ups): matching records and cached orders.

Two things make a keystroke cheap at 100,000 visits:

* **Short words through the trigram index.** ``store.search`` answers words of 3+ characters
  from the FTS5 trigram index but scans every text for shorter ones (``咖啡``) — 150–600 ms at
  100,000 visits. A word of 1–2 characters occurs in a text exactly when some trigram *starting*
  with it does (unless it is the text's last characters), and the index's vocabulary lists those
  trigrams in order, so ``咖啡`` becomes ``"咖啡館" OR "咖啡豆" OR …`` — an index lookup. Texts
  in the index end with a newline, so nothing is at the very end; if a word
  would expand to too many trigrams, the exact scan of ``store.search.match_clause`` is used.
* **The list order is kept in memory** (:class:`OrderedIds`), with each record's row number in
  the search index. A search asks the index only for the row numbers that match and keeps the
  cached order: no table rows are read, no strings compared.
"""

from __future__ import annotations

import threading
from array import array
from collections import OrderedDict
from dataclasses import dataclass
from typing import Callable, Hashable

from sqlalchemy import text
from sqlalchemy.engine import Connection

from counsel_desk.store import search

MAX_EXPANSION = 400  # trigrams per short word before falling back to the exact scan
END_OF_TEXT = search.END_OF_TEXT  # every indexed text ends with it (see the module docstring)


def words(query: str) -> list[str]:
    return [w for w in (query or "").replace("\u3000", " ").split() if w]


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _expansion(conn: Connection, entity: str, word: str) -> list[str] | None:
    """Trigrams of ``entity``'s texts starting with ``word`` (1–2 characters); None when there are too
    many to OR."""
    table = search.fts_table(entity)
    vocab = f"temp.{table}_vocab"
    conn.execute(text(f"CREATE VIRTUAL TABLE IF NOT EXISTS {vocab} USING fts5vocab(main, '{table}', 'row')"))
    low = word.lower()
    high = low[:-1] + chr(ord(low[-1]) + 1)
    terms = [r[0] for r in conn.execute(text(f"SELECT term FROM {vocab} WHERE term >= :lo AND term < :hi LIMIT :n"),
                                        {"lo": low, "hi": high, "n": MAX_EXPANSION + 1})]
    return None if len(terms) > MAX_EXPANSION else terms


@dataclass(frozen=True)
class Match:
    """What matched a search: row numbers of the search index, or (exact scan) record ids."""

    rowids: list[int] | None = None
    ids: set[str] | None = None


def match(conn: Connection, entity: str, query: str) -> Match | None:
    """The records of ``entity`` matching every word of ``query``; None for an empty query."""
    ws = words(query)
    if not ws:
        return None
    if conn.dialect.name != "sqlite":  # a server's trigram index answers every word (store/search.py)
        return Match(ids=set(search.matching_ids(conn, entity, query)))
    table = search.fts_table(entity)
    parts: list[str] = []
    exact: list[str] = []  # words left to store.search's exact scan
    for w in ws:
        if len(w) >= 3:
            parts.append(_quote(w))
            continue
        terms = _expansion(conn, entity, w)
        if terms is None:
            exact.append(w)
        elif not terms:
            return Match(rowids=[])
        else:
            parts.append("(" + " OR ".join(_quote(t) for t in terms) + ")")
    if exact:
        ids = set(search.matching_ids(conn, entity, " ".join(exact)))
        if parts:
            sql = (f"SELECT d.record_id FROM {table} JOIN search_index_doc d ON d.rowid = {table}.rowid "
                   f"WHERE {table} MATCH :m")
            ids &= set(first_column(conn, sql, {"m": " AND ".join(parts)}))
        return Match(ids=ids)
    return Match(rowids=first_column(conn, f"SELECT rowid FROM {table} WHERE {table} MATCH :m",
                                     {"m": " AND ".join(parts)}))


def first_column(conn: Connection, sql: str, params: dict) -> list:
    """The first column of every row, through the DB-API cursor: SQLAlchemy's row objects cost
    a third of the time on 100,000 rows. ``sql`` uses ``:name`` parameters (sqlite3 takes them)."""
    if conn.dialect.name != "sqlite":
        return list(conn.execute(text(sql), params).scalars())
    return [r[0] for r in conn.connection.driver_connection.execute(sql, params)]


class OrderedIds:
    """Record ids in display order, and where each one's search-index row number sits in it."""

    def __init__(self, rows: list[tuple[str, int | None]]):
        self.ids = [r[0] for r in rows]
        top = max((r[1] for r in rows if r[1] is not None), default=0)
        pos = array("l", [-1]) * (top + 1)  # row number → position; 4–8 bytes per indexed record
        for n, (_rid, rowid) in enumerate(rows):
            if rowid is not None:
                pos[rowid] = n
        self._pos = pos

    @classmethod
    def load(cls, conn: Connection, sql: str, params: dict) -> "OrderedIds":
        """``sql`` selects the record id and its ``search_index_doc`` rowid (LEFT JOIN), in order."""
        if conn.dialect.name != "sqlite":
            return cls([tuple(r) for r in conn.execute(text(sql), params)])
        return cls(list(conn.connection.driver_connection.execute(sql, params)))

    def restrict(self, found: Match | None) -> list[str]:
        """The ids that matched, in display order (all of them without a search)."""
        if found is None:
            return self.ids
        if found.ids is not None:
            return [i for i in self.ids if i in found.ids]
        pos, size, ids = self._pos, len(self._pos), self.ids
        hits = sorted(p for r in found.rowids if r < size and (p := pos[r]) >= 0)
        return [ids[p] for p in hits]


def search_join(id_column: str) -> str:
    """The LEFT JOIN that gives each listed record its search-index row number (``d.rowid``)."""
    return f"LEFT JOIN search_index_doc d ON d.record_id = {id_column}"


class IdListCache:
    """The last few orders by (filters, sort) key, valid while the tables' fingerprint holds."""

    def __init__(self, fingerprint_sql: str, size: int = 2):
        self._sql = fingerprint_sql
        self._size = size
        self._lists: OrderedDict[Hashable, tuple[tuple, OrderedIds]] = OrderedDict()
        self._lock = threading.Lock()  # the rest of a long list loads in a worker thread

    def fingerprint(self, conn: Connection) -> tuple:
        return tuple(conn.execute(text(self._sql)).one())

    def get_or_load(self, conn: Connection, key: Hashable, load: Callable[[], OrderedIds]) -> OrderedIds:
        fp = self.fingerprint(conn)
        with self._lock:
            hit = self._lists.get(key)
            if hit is not None and hit[0] == fp:
                self._lists.move_to_end(key)
                return hit[1]
        ordered = load()
        with self._lock:
            self._lists[key] = (fp, ordered)
            self._lists.move_to_end(key)
            while len(self._lists) > self._size:
                self._lists.popitem(last=False)
        return ordered

    def cached(self, key: Hashable) -> bool:
        with self._lock:
            return key in self._lists

    def clear(self) -> None:
        with self._lock:
            self._lists.clear()


def freeze(filters: dict) -> tuple:
    """A hashable key for a filters dict (dates and strings)."""
    return tuple(sorted((k, str(v)) for k, v in filters.items() if v not in (None, "")))

"""Full-text search over any record's text (SQLite FTS5, trigram tokenizer: Chinese substrings match).

Services call :func:`index` after saving a record with the text a person would search for, and
:func:`matching_ids` to turn a search box's text into the ids of matching records. Every word of
the query must match (AND). Words of three characters or more use the FTS index; shorter ones
(``咖啡``) fall back to a substring scan of the indexed text, which trigram tokens can't answer.

Each entity has its own FTS table (:func:`fts_table`, ``search_index_<entity>``), so a phrase found
in 100,000 visits costs nothing to a search of the support records. ``search_index_doc`` numbers
every indexed record once across entities (its rowid is the row in the entity's table) and maps
it to the record's id.

A bulk import indexes its records set-based (:func:`index_query`: a few ``INSERT … SELECT`` that
build every body in SQL), with a larger FTS5 buffer while it runs (:func:`bulk_indexing`).

On a PostgreSQL server the same tables are plain tables with a pg_trgm GIN index
(:func:`counsel_desk.store.dialects.create_search_table`) on a lower-case copy of the text; every word
becomes a ``LIKE`` that the index answers for words of three characters or more, and that scans the
entity's texts for shorter ones, as on SQLite.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterable, Iterator

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlmodel import Session

from counsel_desk.store.dialects import SERVER, UNPREPARED, is_server


# The entities with searchable text; each has its FTS table (created by the migrations).
ENTITIES = ("site_visit", "followup", "organization", "workstation", "support_record", "public_space",
            "center_event", "proposal", "plan", "outcome", "youth_team")
# Passed last to :func:`index`: an indexed text ends with a newline, so every word in it is followed by
# a character and some trigram starts with it (services/list_search.py answers short words that way).
END_OF_TEXT = "\n"
# FTS5 pending-terms buffer while loading in bulk: 8 MiB takes most of the gain and keeps a 100,000-visit
# import under its 500 MB (32 MiB took it to 510 MB); the demo, which holds no staging tables, uses more.
FTS_BULK_HASHSIZE = 8 * 1024 * 1024
FTS_DEFAULT_HASHSIZE = 1024 * 1024  # SQLite's own


def _ended(body: str) -> str:
    return body if body.endswith(END_OF_TEXT) else body + END_OF_TEXT


def fts_table(entity: str) -> str:
    """The FTS5 table of ``entity``'s search text."""
    if entity not in ENTITIES:
        raise ValueError(f"no search index for {entity!r}")
    return f"search_index_{entity}"


def _conn(session_or_conn) -> Connection:
    return session_or_conn.connection() if isinstance(session_or_conn, Session) else session_or_conn


def body_of(*texts: str | None) -> str:
    """The indexed text of a record from its texts (what :func:`index` stores)."""
    return _ended("\n".join(t for t in texts if t))


def index(session_or_conn, entity: str, record_id: str, *texts: str | None, rowid: int | None = None) -> None:
    """(Re)index one record; a deleted record is removed with :func:`remove`. ``rowid``: the record's
    row in ``search_index_doc`` when the caller read it already (one statement then, not three)."""
    conn = _conn(session_or_conn)
    table = fts_table(entity)
    body = body_of(*texts)
    if rowid is not None and conn.execute(text(f"UPDATE {table} SET body = :b WHERE rowid = :i"),
                                          {"i": rowid, "b": body}).rowcount == 1:
        return
    row = conn.execute(text("SELECT rowid FROM search_index_doc WHERE record_id=:r"), {"r": record_id}).first()
    if row is None:
        rowid = conn.execute(text("INSERT INTO search_index_doc (entity, record_id) VALUES (:e, :r) RETURNING rowid"),
                             {"e": entity, "r": record_id}).scalar_one()
    else:
        rowid = row[0]
        conn.execute(text(f"DELETE FROM {table} WHERE rowid=:i"), {"i": rowid})
    conn.execute(text(f"INSERT INTO {table} (rowid, body) VALUES (:i, :b)"), {"i": rowid, "b": body})


def index_many(conn: Connection, entity: str, docs: Iterable[tuple[str, str]]) -> None:
    """Bulk-index new records ``(record_id, body)`` (demo generation, import); ids must be new."""
    docs = list(docs)
    if not docs:
        return
    if is_server(conn):  # numbers from the shared sequence: other people index at the same time
        numbers = conn.execute(text("SELECT nextval(pg_get_serial_sequence('search_index_doc', 'rowid')) "
                                    "FROM generate_series(1, :n)"), {"n": len(docs)}).scalars().all()
    else:
        start = conn.execute(text("SELECT COALESCE(MAX(rowid), 0) FROM search_index_doc")).scalar_one() + 1
        numbers = list(range(start, start + len(docs)))
    rows = [{"i": i, "e": entity, "r": rid, "b": _ended(body)} for i, (rid, body) in zip(numbers, docs)]
    conn.execute(text("INSERT INTO search_index_doc (rowid, entity, record_id) VALUES (:i, :e, :r)"), rows)
    conn.execute(text(f"INSERT INTO {fts_table(entity)} (rowid, body) VALUES (:i, :b)"), rows)


def index_query(conn: Connection, entity: str, rows_sql: str, params: dict | None = None, *,
                fresh: bool = False) -> None:
    """Index, set-based, the records ``rows_sql`` selects as ``(record_id, body, live)``.

    ``live`` false: the record is deleted and leaves the index. ``fresh``: none of them is indexed
    yet (records just added), so nothing needs taking out first. A few statements whatever the
    number of records, on SQLite and PostgreSQL alike; with :func:`bulk_indexing` around them FTS5
    writes its index in fewer, larger segments. ``record_id`` must be an indexed column (a staging
    table's ``id``): on SQLite a fresh load looks each new record up by it.
    """
    table = fts_table(entity)
    q = f"({rows_sql}) q"
    args = {**(params or {}), "_e": entity}
    if not fresh:
        conn.execute(text(f"DELETE FROM {table} WHERE rowid IN (SELECT d.rowid FROM {q} "
                          f"JOIN search_index_doc d ON d.record_id = q.record_id)"), args)
        conn.execute(text(f"DELETE FROM search_index_doc WHERE record_id IN (SELECT q.record_id FROM {q} "
                          f"WHERE NOT q.live)"), args)
    numbered = fresh and not is_server(conn)  # the new records' numbers are those above the highest before
    if numbered:
        args["_before"] = conn.execute(text("SELECT coalesce(max(rowid), 0) FROM search_index_doc")).scalar_one()
    conn.execute(text(f"INSERT INTO search_index_doc (entity, record_id) SELECT :_e, q.record_id FROM {q} "
                      f"WHERE q.live AND NOT EXISTS (SELECT 1 FROM search_index_doc d WHERE d.record_id = q.record_id)"),
                 args)
    # in row-number order: FTS5 writes out its pending terms whenever a row number is lower than the last
    if numbered:  # SQLite walks the new numbers in order and looks each record up: no sort of 100,000 texts
        conn.execute(text(f"INSERT INTO {table} (rowid, body) SELECT d.rowid, q.body FROM search_index_doc d "
                          f"CROSS JOIN {q} WHERE d.rowid > :_before AND q.record_id = d.record_id AND q.live "
                          f"ORDER BY d.rowid"), args)
        return
    conn.execute(text(f"INSERT INTO {table} (rowid, body) SELECT d.rowid, q.body FROM {q} "
                      f"JOIN search_index_doc d ON d.record_id = q.record_id WHERE q.live ORDER BY d.rowid"), args)


@contextmanager
def bulk_indexing(conn: Connection, entities: Iterable[str] = ENTITIES,
                  hashsize: int = FTS_BULK_HASHSIZE) -> Iterator[None]:
    """A larger FTS5 buffer (``hashsize``) while many records are indexed in one transaction.

    FTS5 keeps pending index terms in memory up to ``hashsize`` before it writes a segment; a bigger
    buffer means fewer segments to write and merge (about 40 % less indexing time at 100,000 visits).
    The setting is stored in each index's config table, so it is set back before the transaction
    ends (or rolls back with it). A server has no such buffer (a large import builds its search tables
    beside the merge: ``sync/search_build.py``).
    """
    if is_server(conn):
        yield
        return
    tables = [fts_table(e) for e in entities]
    for t in tables:
        conn.execute(text(f"INSERT INTO {t}({t}, rank) VALUES ('hashsize', :n)"), {"n": hashsize})
    yield
    for t in tables:
        conn.execute(text(f"INSERT INTO {t}({t}, rank) VALUES ('hashsize', :n)"), {"n": FTS_DEFAULT_HASHSIZE})


def remove(session_or_conn, record_id: str) -> None:
    conn = _conn(session_or_conn)
    row = conn.execute(text("SELECT rowid, entity FROM search_index_doc WHERE record_id=:r"), {"r": record_id}).first()
    if row is not None:
        conn.execute(text(f"DELETE FROM {fts_table(row[1])} WHERE rowid=:i"), {"i": row[0]})
        conn.execute(text("DELETE FROM search_index_doc WHERE rowid=:i"), {"i": row[0]})


def _words(query: str) -> list[str]:
    return [w for w in query.replace("\u3000", " ").split() if w]


def like_pattern(word: str) -> str:
    """``%word%`` for (I)LIKE with the wildcards in ``word`` taken literally."""
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def server_conditions(table: str, words: list[str], params: dict, prefix: str = "_sw") -> list[str]:
    """One LIKE per word on the server's lower-case copy of the text (``body_lower``, trigram-indexed:
    the index answers words of three characters or more; shorter ones are a scan of the entity's texts)."""
    conds = []
    for n, w in enumerate(words):
        params[f"{prefix}{n}"] = like_pattern(w)
        conds.append(f"{table}.body_lower LIKE lower(CAST(:{prefix}{n} AS text))")
    return conds


def match_clause(entity: str, query: str, id_column: str, dialect: str = "sqlite") -> tuple[str, dict]:
    """An SQL condition ``<id_column> IN (…)`` for the records of ``entity`` matching ``query``.

    Returns ``("1=1", {})`` for an empty query, so callers can always AND it into their WHERE.
    """
    words = _words(query)
    if not words:
        return "1=1", {}
    t = fts_table(entity)
    params: dict = {}
    if dialect == SERVER:
        conds = server_conditions(t, words, params)
        sub = f"SELECT d.record_id FROM {t} JOIN search_index_doc d ON d.rowid = {t}.rowid WHERE {' AND '.join(conds)}"
        return f"{id_column} IN ({sub})", params
    long_words = [w for w in words if len(w) >= 3]
    short = []
    for n, w in enumerate(w for w in words if len(w) < 3):
        params[f"_ss{n}"] = w.lower()
        short.append(f"instr(lower({t}.body), :_ss{n}) > 0")
    if long_words:
        # The entity's FTS index finds the candidates; short words then filter those few rows.
        params["_sm"] = " AND ".join('"' + w.replace('"', '""') + '"' for w in long_words)
        conds = [f"{t} MATCH :_sm", *short]
    else:
        conds = short  # only short words: a scan of this entity's texts alone
    sub = f"SELECT d.record_id FROM {t} JOIN search_index_doc d ON d.rowid = {t}.rowid WHERE {' AND '.join(conds)}"
    return f"{id_column} IN ({sub})", params


def matching_ids(session_or_conn, entity: str, query: str) -> list[str]:
    conn = _conn(session_or_conn)
    cond, params = match_clause(entity, query, "d2.record_id", conn.dialect.name)
    sql = f"SELECT d2.record_id FROM search_index_doc d2 WHERE d2.entity = :_e2 AND {cond}"
    return [r[0] for r in conn.execute(text(sql).execution_options(**UNPREPARED), {**params, "_e2": entity})]

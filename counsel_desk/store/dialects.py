"""What differs between SQLite and PostgreSQL, kept here for the migrations and the store.

The application's SQL is written once. Where SQLite has something PostgreSQL lacks, the server gets
a stand-in created by :func:`server_compat` after every upgrade (idempotent):

- ``rowid``: every SQLite table has one; on the server each table gets a ``rowid bigserial`` column,
  so "newest rows" fingerprints and search-index row numbers read the same on both.
- ``instr(text, text)`` and ``group_concat(text, text)``: SQL functions of the same name.
- ``max``/``min`` of several values, ``sum`` of a condition, ``date(timestamp, '+8 hours')``, ``substr``
  of a date or timestamp (as SQLite's text of it).
- a unary ``+`` on timestamps, text and dates (SQLite's way of keeping a column's index out of a plan).
- the audit chain's append (``cd_audit_append``, :mod:`counsel_desk.store.audit`), run by the server at COMMIT
  (``cd_audit_seal``).
- search: SQLite keeps each entity's text in an FTS5 trigram table; the server keeps it in a plain
  table whose lower-case copy has a pg_trgm GIN index (:func:`create_search_table`), searched with LIKE
  (:mod:`counsel_desk.store.search`).

Migrations call :func:`create_search_table` instead of writing ``CREATE VIRTUAL TABLE``.
"""

from __future__ import annotations

import weakref
from typing import Any, Callable

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session

SERVER = "postgresql"


def is_server(conn_or_engine: Connection | Engine) -> bool:
    return bool(conn_or_engine.dialect.name == SERVER)


# Execution options of a statement whose best plan depends on its values (a search word: the trigram index for a
# long word, a scan of the texts for a short one): psycopg prepares a statement from a connection's second run
# of it (store/server.PREPARE_AFTER), and the server then soon runs a prepared statement by one generic plan
# for every value — a visit search measured 5.2 ms a run so, against 1–2 ms planned for its word. The server
# engine (store/server.py) sends such a statement unprepared, planned for its values each time. SQLite: no effect.
UNPREPARED_OPTION = "cd_unprepared"
UNPREPARED = {UNPREPARED_OPTION: True}


# On a server the text is searched in lower case with LIKE, in a copy the server keeps itself
# (``body_lower``, a generated column): ILIKE lowers every text it reads, ~10 times the cost of LIKE.
LOWER_COLUMN = "body_lower TEXT GENERATED ALWAYS AS (lower(body)) STORED"


def _trigram_index_sql(table: str) -> str:
    return f"CREATE INDEX ix_{table}_trgm ON {table} USING gin (body_lower gin_trgm_ops)"


def create_trigram_index(op: Any, table: str) -> None:
    """On a server: the trigram index of one search table's lower-case text."""
    op.execute(_trigram_index_sql(table))


# A bulk load into a search table at least this big, and bigger than what the table holds, builds the table
# anew beside the merge (sync/search_build.py) instead of growing its trigram index row by row.
TRIGRAM_REBUILD_ROWS = 20_000


def bulk_load_candidates(conn: Connection, incoming: dict[str, int]) -> list[str]:
    """PostgreSQL bulk step: the search tables of ``incoming`` (table → rows about to be added) that the load
    will at least double, when this login may have them rebuilt (it owns them, or is one of headquarters:
    store/search_rebuild.py). Building a GIN index once from all rows costs a fraction of keeping it up row
    by row (each row's trigrams inserted into a growing index)."""
    if not is_server(conn):
        return []
    hq = conn.execute(text("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cd_hq' "
                           "AND pg_has_role(session_user, oid, 'MEMBER'))")).scalar_one()
    out = []
    for table, n in incoming.items():
        if n < TRIGRAM_REBUILD_ROWS:
            continue
        row = conn.execute(text("SELECT c.reltuples, pg_has_role(session_user, c.relowner, 'USAGE') FROM pg_class c "
                                "WHERE c.oid = to_regclass(:t)"), {"t": table}).first()
        if row is not None and (row[1] or hq) and max(row[0], 0) <= n:
            out.append(table)
    return out


def create_search_table(op: Any, table: str, *, with_entity: bool = False) -> None:
    """The text of one entity's records, searchable by any substring (Chinese included)."""
    if op.get_bind().dialect.name == SERVER:
        entity = "entity TEXT NOT NULL DEFAULT '', " if with_entity else ""
        op.execute(f"CREATE TABLE {table} (rowid BIGINT PRIMARY KEY, {entity}body TEXT NOT NULL DEFAULT '', "
                   f"{LOWER_COLUMN})")
        create_trigram_index(op, table)
    else:
        entity = "entity UNINDEXED, " if with_entity else ""
        op.execute(f"CREATE VIRTUAL TABLE {table} USING fts5({entity}body, tokenize='trigram')")


def create_search_documents(op: Any) -> None:
    """``search_index_doc``: every indexed record numbered once across entities."""
    key = "BIGSERIAL" if op.get_bind().dialect.name == SERVER else "INTEGER"
    op.execute(f"CREATE TABLE search_index_doc (rowid {key} PRIMARY KEY, entity TEXT NOT NULL, "
               f"record_id TEXT NOT NULL UNIQUE)")
    op.execute("CREATE INDEX ix_search_index_doc_entity ON search_index_doc (entity)")


def prepare_server(conn: Connection) -> None:
    """Before the first migration on a server: the trigram extension the search tables need."""
    conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))


_FUNCTIONS = (
    "CREATE OR REPLACE FUNCTION instr(haystack text, needle text) RETURNS integer "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT strpos(haystack, needle)'",
    "CREATE OR REPLACE FUNCTION cd_concat_step(acc text, item text, sep text) RETURNS text "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS "
    "'SELECT CASE WHEN item IS NULL THEN acc WHEN acc IS NULL THEN item ELSE acc || sep || item END'",
    # string_agg's own C steps (a SQL-language step costs several µs a row: ~0.5 s of a national year report)
    "CREATE OR REPLACE AGGREGATE group_concat(text, text) (SFUNC = string_agg_transfn, STYPE = internal, "
    "FINALFUNC = string_agg_finalfn)",
    # SQLite's scalar max/min of several values, sum over a condition, date with a modifier, substr of a date
    "CREATE OR REPLACE FUNCTION max(a anycompatible, b anycompatible) RETURNS anycompatible "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT CASE WHEN a IS NULL OR b IS NULL THEN NULL ELSE GREATEST(a, b) END'",
    "CREATE OR REPLACE FUNCTION max(a anycompatible, b anycompatible, c anycompatible) RETURNS anycompatible "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS "
    "'SELECT CASE WHEN a IS NULL OR b IS NULL OR c IS NULL THEN NULL ELSE GREATEST(a, b, c) END'",
    "CREATE OR REPLACE FUNCTION min(a anycompatible, b anycompatible) RETURNS anycompatible "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT CASE WHEN a IS NULL OR b IS NULL THEN NULL ELSE LEAST(a, b) END'",
    "CREATE OR REPLACE FUNCTION min(a anycompatible, b anycompatible, c anycompatible) RETURNS anycompatible "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS "
    "'SELECT CASE WHEN a IS NULL OR b IS NULL OR c IS NULL THEN NULL ELSE LEAST(a, b, c) END'",
    "CREATE OR REPLACE FUNCTION cd_count_true(acc bigint, x boolean) RETURNS bigint LANGUAGE sql IMMUTABLE "
    "PARALLEL SAFE AS 'SELECT coalesce(acc, 0) + CASE WHEN x THEN 1 ELSE 0 END'",
    "CREATE OR REPLACE AGGREGATE sum(boolean) (SFUNC = cd_count_true, STYPE = bigint)",
    "CREATE OR REPLACE FUNCTION date(x timestamptz, modifier text) RETURNS date LANGUAGE sql IMMUTABLE "
    "PARALLEL SAFE AS 'SELECT CAST((x AT TIME ZONE ''UTC'') + CAST(modifier AS interval) AS date)'",
    "CREATE OR REPLACE FUNCTION substr(x date, start integer, len integer) RETURNS text LANGUAGE sql IMMUTABLE "
    "PARALLEL SAFE AS 'SELECT substr(to_char(x, ''YYYY-MM-DD''), start, len)'",
    "CREATE OR REPLACE FUNCTION substr(x timestamptz, start integer, len integer) RETURNS text LANGUAGE sql "
    "IMMUTABLE PARALLEL SAFE AS 'SELECT substr(to_char(x AT TIME ZONE ''UTC'', ''YYYY-MM-DD HH24:MI:SS.US''), start, len)'",
    # SQLite reads a unary "+" on a column as "don't use this column's index" ("+v.deleted_at IS NULL");
    # on the server it is the value itself.
    "CREATE OR REPLACE FUNCTION cd_same(x timestamptz) RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE "
    "AS 'SELECT x'",
    "CREATE OR REPLACE FUNCTION cd_same(x text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT x'",
    "CREATE OR REPLACE FUNCTION cd_same(x date) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT x'",
)
_OPERATORS = ("timestamptz", "text", "date")


def server_compat(conn: Connection) -> None:
    """After every upgrade on a server: the stand-ins listed in the module docstring (idempotent)."""
    from counsel_desk.store.audit import APPEND_SQL, SEAL_SQL

    for sql in (*_FUNCTIONS, APPEND_SQL, SEAL_SQL):
        conn.execute(text(sql))
    for type_ in _OPERATORS:
        exists = conn.execute(text("SELECT 1 FROM pg_operator WHERE oprname = '+' AND oprleft = 0 "
                                   "AND oprright = CAST(:t AS regtype)"), {"t": type_}).first()
        if exists is None:
            conn.execute(text(f"CREATE OPERATOR + (RIGHTARG = {type_}, FUNCTION = cd_same)"))
    missing = conn.execute(text(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind = 'r' AND n.nspname = current_schema() AND c.relname <> 'alembic_version' "
        "AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'rowid' "
        "AND NOT a.attisdropped)")).scalars().all()
    for table in missing:
        conn.execute(text(f'ALTER TABLE "{table}" ADD COLUMN rowid BIGSERIAL'))
        conn.execute(text(f'CREATE UNIQUE INDEX "ix_{table}_rowid" ON "{table}" (rowid)'))


def refresh_statistics(engine: Engine) -> None:
    """After a bulk load on a server: the planner's statistics of the new rows (autovacuum would take its
    time; until then it plans for empty tables and walks whole tables where an index would answer)."""
    if is_server(engine):
        with engine.begin() as conn:
            conn.execute(text("ANALYZE"))


# A report's reads on a server sort and group a whole year of four centers' visits (400,000 at
# headquarters): with the default 4 MB of work memory those sorts and hash tables spill to disk.
ANALYTIC_WORK_MEM = "64MB"


def analytic_reads(conn: Connection) -> None:
    """On a server, for the rest of the current transaction: the work memory of a report's big reads
    (:data:`ANALYTIC_WORK_MEM`). SQLite: nothing."""
    if is_server(conn):
        conn.execute(text(f"SET LOCAL work_mem = '{ANALYTIC_WORK_MEM}'"))


_BINDS: "weakref.WeakKeyDictionary[Callable[[], Session], Any]" = weakref.WeakKeyDictionary()


def bind_of(session_factory: Callable[[], Session]) -> Any:
    """The engine behind a service's session factory (asked once per factory: a session made only to ask it cost
    each search and open a little)."""
    bind = _BINDS.get(session_factory)
    if bind is None:
        with session_factory() as s:
            bind = _BINDS[session_factory] = s.get_bind()
    return bind


def dialect_of(session_factory: Callable[[], Session]) -> str:
    """``sqlite`` or ``postgresql``: the engine behind a service's session factory (no connection made)."""
    return str(bind_of(session_factory).dialect.name)


# --- what others changed: LISTEN/NOTIFY (a server only) ---------------------------------------------------------
CHANGES_CHANNEL = "counsel_desk_changed"
# table → the kind of record named in the notice (the app's AppContext "<kind>_changed" signal)
CHANGE_KINDS = {
    "site_visit": "visits", "visit_counselor": "visits", "visit_contact": "visits", "visit_issue_topic": "visits",
    "attachment": "visits", "organization": "visits", "contact": "visits",
    "followup": "followups",
    "counselor": "counselors",
    "workstation": "workstations", "workstation_contact": "workstations", "workstation_budget": "workstations",
    "budget_line": "workstations",
    "support_record": "support_records", "support_counselor": "support_records",
    "public_space": "public_spaces",
    "center_event": "events",
    "outcome": "outcomes",
    "youth_team": "youth_teams", "youth_team_member": "youth_teams", "youth_team_visit": "youth_teams",
    "youth_team_support": "youth_teams",
    "plan": "proposals", "proposal": "proposals", "proposal_contact": "proposals", "proposal_section": "proposals",
    "funding_line": "proposals", "proposal_score": "proposals", "stage_change": "proposals",
    "county_check": "proposals", "approved_amount": "proposals", "proposal_comment": "proposals",
    "yearly_target": "reports", "report_snapshot": "reports", "report_narrative": "reports",
    "issue_topic": "reports", "township_issue": "reports", "township_status_note": "reports",
}


def create_change_notices(op: Any, tables: dict[str, str] | None = None) -> None:
    """On a server: after each statement changing one of ``tables``, NOTIFY :data:`CHANGES_CHANNEL` with
    ``"<kind> <application_name>"`` (the listener leaves out its own program's notices). SQLite: nothing."""
    if op.get_bind().dialect.name != SERVER:
        return
    op.execute(
        "CREATE OR REPLACE FUNCTION cd_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"PERFORM pg_notify('{CHANGES_CHANNEL}', TG_ARGV[0] || ' ' || "
        "coalesce(current_setting('application_name', true), '')); RETURN NULL; END $$")
    for table, kind in (tables or CHANGE_KINDS).items():
        op.execute(f'CREATE OR REPLACE TRIGGER cd_notify_change AFTER INSERT OR UPDATE OR DELETE ON "{table}" '
                   f"FOR EACH STATEMENT EXECUTE FUNCTION cd_notify_change('{kind}')")

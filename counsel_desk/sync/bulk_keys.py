"""On a server: a bulk add's foreign keys checked once, set-based, instead of one query per row (PostgreSQL only).

PostgreSQL checks every inserted row's foreign keys with a query of its own (a trigger per row and key). For a
headquarters import of four centers' 400,000 visits and their 1.2 million links that was more than half of those
rows' cost on the one core a transaction runs on. When the login may set ``session_replication_role``
(a superuser, or a login given ``GRANT SET ON PARAMETER session_replication_role`` — ``counsel-desk server init``
grants it to headquarters, docs/server.md), an import's bulk ``INSERT … SELECT`` from staging instead:

1. checks each foreign key of the rows it adds in one statement: the distinct values are looked up in the
   referenced table and locked there ``FOR KEY SHARE`` — the lock the per-row check takes — so a colleague's
   delete of a referenced record waits for the import, which then never holds a reference to nothing; a value
   missing there (deleted between the import's checks and its merge) refuses the whole batch with its name;
2. inserts with ``session_replication_role = replica`` for that statement only, set back at once: the server
   fires no ordinary trigger then — neither the per-row key checks nor the statement's NOTIFY to the others'
   open lists, which is sent here instead (the audit chain's seal at COMMIT is a trigger too: it runs as ever).
   Row-level security is no trigger: a counselor's login is refused another center's rows as before.

A table with any other trigger that fires on INSERT, or a foreign key over several columns, keeps the server's
own per-row checks (so does every statement of a login without the grant): nothing is skipped that is not
done here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from counsel_desk.errors import UserError
from counsel_desk.store.dialects import CHANGES_CHANNEL

_INSERT_TRIGGER = 1 << 2  # pg_trigger.tgtype: fires on INSERT
_NOTIFY_TRIGGER = "cd_notify_change"


@dataclass(frozen=True)
class ForeignKey:
    column: str
    table: str  # the referenced table
    key: str  # its column


@dataclass(frozen=True)
class _Plan:
    keys: tuple[ForeignKey, ...]
    notices: tuple[str, ...]  # the kinds its statement-level NOTIFY trigger sends (dialects.CHANGE_KINDS)


class BulkKeys:
    """The checks and the replica inserts of one import's connection (see the module docstring)."""

    def __init__(self, link: Any):
        self.link = link
        self._plans: dict[str, _Plan | None] = {}
        self._allowed: bool | None = None
        self._role = "origin"

    def allowed(self) -> bool:
        """May this login set ``session_replication_role`` (PostgreSQL 15's parameter privileges)?"""
        if self._allowed is None:
            version = self.link.conn.dialect.server_version_info or (0,)
            self._allowed = bool(version >= (15,) and self.link.execute(
                "SELECT has_parameter_privilege('session_replication_role', 'SET')").scalar())
            if self._allowed:
                self._role = str(self.link.execute("SELECT current_setting('session_replication_role')").scalar())
        return self._allowed

    def plan(self, table: str) -> _Plan | None:
        """``table``'s foreign keys and notices, or None when its inserts must keep the server's own checks."""
        if table not in self._plans:
            self._plans[table] = self._read_plan(table)
        return self._plans[table]

    def _read_plan(self, table: str) -> _Plan | None:
        notices = []
        for name, internal, key_check, args in self.link.execute(
                "SELECT tgname, tgisinternal, tgfoid = CAST('\"RI_FKey_check_ins\"' AS regproc), encode(tgargs, 'escape') "
                "FROM pg_trigger "
                "WHERE tgrelid = to_regclass(:t) AND tgenabled <> 'D' AND (tgtype & :ins) <> 0",
                {"t": table, "ins": _INSERT_TRIGGER}):
            if internal and key_check:
                continue  # a foreign key's per-row check: done here, set-based
            if not internal and name == _NOTIFY_TRIGGER and args:
                notices.append(args.split("\\000")[0])
                continue
            return None  # a trigger of another kind: the server runs it, per row
        keys = []
        for columns, ref, ref_columns in self.link.execute(
                "SELECT ARRAY(SELECT attname FROM pg_attribute WHERE attrelid = c.conrelid AND attnum = ANY(c.conkey)), "
                "c.confrelid::regclass::text, "
                "ARRAY(SELECT attname FROM pg_attribute WHERE attrelid = c.confrelid AND attnum = ANY(c.confkey)) "
                "FROM pg_constraint c WHERE c.conrelid = to_regclass(:t) AND c.contype = 'f' ORDER BY c.conname",
                {"t": table}):
            if len(columns) != 1 or len(ref_columns) != 1:
                return None
            keys.append(ForeignKey(columns[0], ref.strip('"'), ref_columns[0]))
        return _Plan(tuple(keys), tuple(dict.fromkeys(notices)))

    def insert(self, table: str, columns: Sequence[str], select_sql: str, params: Mapping[str, Any] | None = None, *,
               sheet: str, trusted: Sequence[str] = (), distinct: Mapping[str, str] | None = None) -> None:
        """``INSERT INTO table (columns) select_sql``, its keys checked here when it may be (else as the server
        does). ``trusted``: columns whose values are records this transaction has just written from the same
        staged rows (a link's owner), not looked up again; ``distinct``: column → a query of the values it will
        hold (each at least once), cheaper than the rows themselves; ``sheet`` names the rows in a refusal."""
        insert = f"INSERT INTO {table} ({', '.join(columns)}) {select_sql}"
        plan = self.plan(table) if self.allowed() else None
        if plan is None or any(k.column not in columns for k in plan.keys):  # a key left to its default: the server's
            self.link.execute(insert, params)
            return
        checked = [k for k in plan.keys if k.column not in trusted]
        if checked:
            self._check(columns, select_sql, params, checked, sheet, distinct or {})
        # SET LOCAL: a failed insert aborts the transaction, and its rollback undoes the setting with the rest
        self.link.execute("SELECT set_config('session_replication_role', 'replica', true)")
        self.link.execute(insert, params)
        self.link.execute("SELECT set_config('session_replication_role', :r, true)", {"r": self._role})
        for kind in plan.notices:  # what the silenced statement trigger would have sent (delivered at COMMIT)
            self.link.execute("SELECT pg_notify(:ch, :kind || ' ' || coalesce(current_setting('application_name', "
                              "true), ''))", {"ch": CHANGES_CHANNEL, "kind": kind})

    def _check(self, columns: Sequence[str], select_sql: str, params: Mapping[str, Any] | None,
               keys: list[ForeignKey], sheet: str, distinct: Mapping[str, str]) -> None:
        """One statement: per key the distinct values, those found (locked FOR KEY SHARE unless this transaction
        wrote them), up to three missing. The count of the locked rows makes the server lock all of them,
        whatever plan it picks; a row deleted before its lock is taken is not among them, so it counts as missing."""
        at = {c: n for n, c in enumerate(columns)}
        names = ", ".join(f"c{n}" for n in range(len(columns)))
        wanted = ", ".join(f"q.c{at[k.column]} AS k{n}" for n, k in enumerate(keys) if k.column not in distinct)
        parts = [f"src AS MATERIALIZED (SELECT {wanted} FROM ({select_sql}) AS q ({names}))"] if wanted else []
        rows = []
        for n, k in enumerate(keys):
            if k.column in distinct:
                parts.append(f"w{n} AS (SELECT DISTINCT x.v FROM ({distinct[k.column]}) AS x (v) WHERE x.v IS NOT NULL)")
            else:
                parts.append(f"w{n} AS (SELECT DISTINCT k{n} AS v FROM src WHERE k{n} IS NOT NULL)")
            # rows this transaction wrote (the visits a follow-up of the same import points to) need no lock: nobody
            # else sees them yet, or they wait for this transaction's own row lock to delete them
            parts.append(f"f{n} AS MATERIALIZED (SELECT r.{k.key} AS v, r.xmin = CAST(pg_current_xact_id() AS xid) AS own "
                         f"FROM {k.table} r WHERE r.{k.key} IN (SELECT v FROM w{n}))")
            parts.append(f"l{n} AS (SELECT r.{k.key} AS v FROM {k.table} r WHERE r.{k.key} IN "
                         f"(SELECT v FROM f{n} WHERE NOT own) FOR KEY SHARE OF r)")
            rows.append(f"SELECT {n}, (SELECT count(*) FROM l{n}), ARRAY(SELECT CAST(v AS TEXT) FROM w{n} EXCEPT "
                        f"(SELECT CAST(v AS TEXT) FROM f{n} WHERE own UNION ALL SELECT CAST(v AS TEXT) FROM l{n}) "
                        f"ORDER BY 1 LIMIT 3)")
        sql = "WITH " + ", ".join(parts) + " " + " UNION ALL ".join(rows)
        for n, _locked, missing in self.link.execute(sql, params):
            if missing:
                raise _missing(sheet, keys[n], list(missing))


def _missing(sheet: str, key: ForeignKey, values: list[str]) -> UserError:
    from counsel_desk.sync import format as fmt

    target = fmt.BY_TABLE.get(key.table)
    title = target.title if target is not None else key.table
    shown = "、".join(values)
    return UserError(
        f"無法匯入：「{sheet}」的資料所指的「{title}」（識別碼 {shown}）已不在伺服器上——可能在檢查之後剛被刪除。"
        f"資料庫未做任何變更；請確認該筆資料後再匯入一次。",
        f"Cannot import: rows of '{sheet}' point to {key.table} record(s) {shown} that are no longer on the server "
        f"(deleted after the checks, perhaps). The database was not changed; check those records and import again.")

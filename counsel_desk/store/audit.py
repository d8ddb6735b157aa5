"""The audit log: who did what, when — hash-chained so that an edit by hand is detectable.

Every service that creates, updates or deletes a record calls :func:`record` in the same
transaction. Each entry's ``hash`` is SHA-256 over the previous entry's hash and this entry's
fields; :func:`verify` walks the chain and names the first row that doesn't fit.

A chain alone can't tell that its newest entries were cut off: what is left is still a valid
chain. So the chain's *head* — how many entries, the last one's number and hash — is written with
every entry into ``app_meta`` (:data:`HEAD_KEY`); it also travels in every backup (a copy of the
file) and in every exported workbook's meta sheet. :func:`verify` compares the chain with the head
and names what is missing. With encryption at rest the head is keyed (HMAC-SHA256 with a key derived
from the database key, which every keyed connection carries in its ``info`` as :data:`HEAD_MAC_INFO`),
so that a chain *and* head rewritten by anything that lacks the key is detected too. Converting a
database (``encrypt``/``decrypt``) stamps its head again with the new key (:func:`restamp`).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from sqlalchemy import event, text
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session

from counsel_desk.models import AuditEntry, utcnow


def _canonical_time(at: datetime | str) -> str:
    """The stored text form of a UTC time, whether given aware, naive (UTC) or as stored text. Stored text that
    is no time at all (2026-02-30, edited outside the program) is hashed as it is: the chain then names the entry."""
    if isinstance(at, str):
        text_form = at
        try:
            at = datetime.fromisoformat(text_form)
        except ValueError:
            return text_form
    if at.tzinfo is not None:
        at = at.astimezone(timezone.utc).replace(tzinfo=None)
    return at.isoformat(timespec="microseconds")


def _digest(prev_hash: str, at: datetime | str, actor: str, action: str, entity: str, entity_id: str,
            detail: str) -> str:
    payload = "\x1f".join([prev_hash, _canonical_time(at), actor, action, entity, entity_id, detail])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


HEAD_KEY = "audit_head"
HEAD_MAC_INFO = "audit_head_mac_key"  # in a keyed connection's info (store.database): the head's HMAC key
HEAD_MAC_PURPOSE = "audit-head"  # DatabaseKey.subkey(HEAD_MAC_PURPOSE): never the database key itself


@dataclass(frozen=True)
class Head:
    """The chain's end as last written by the program: entries, the newest one's number and hash."""

    count: int
    seq: int
    hash: str
    mac: str = ""  # HMAC-SHA256 of the three with the database's key, when encryption is on

    def to_text(self) -> str:
        d = {"count": self.count, "seq": self.seq, "hash": self.hash}
        if self.mac:
            d["mac"] = self.mac
        return json.dumps(d, sort_keys=True)

    @classmethod
    def from_text(cls, text: str | None) -> "Head | None":
        try:
            d = json.loads(text or "")
            return cls(int(d["count"]), int(d["seq"]), str(d["hash"]), str(d.get("mac", "")))
        except (ValueError, KeyError, TypeError):
            return None


def head_mac(key: bytes, count: int, seq: int, h: str) -> str:
    return hmac.new(key, f"{count}:{seq}:{h}".encode(), hashlib.sha256).hexdigest()


def _key(conn) -> bytes | None:
    """The HMAC key of the head for this (SQLAlchemy) connection; None for a plain database."""
    info = getattr(conn, "info", None)
    return info.get(HEAD_MAC_INFO) if info is not None else None


def sign_head(conn) -> None:
    """A head written before this database had a key to sign it with (a new encrypted database's
    migrations stamp it plain) gets its HMAC now; a signed head is left as it is."""
    head = read_head(conn)
    if head is not None and not head.mac and _key(conn) is not None:
        write_head(conn, head)


def restamp(con, old_key: bytes | None, new_key: bytes | None) -> None:
    """The head of a converted copy (``con``: DB-API connection) signed with ``new_key`` (None: unsigned).

    Only a head that fits ``old_key`` (or any head, from a plain file) is signed again: a head forged
    in the encrypted file must not come out of ``decrypt``/``encrypt`` looking genuine."""
    if con.execute("SELECT count(*) FROM sqlite_master WHERE name = 'app_meta'").fetchone()[0] == 0:
        return  # an old backup from before the table
    row = con.execute("SELECT value FROM app_meta WHERE key = ?", (HEAD_KEY,)).fetchone()
    head = Head.from_text(row[0] if row else None)
    if head is None:
        return
    if old_key is not None and (not head.mac or not hmac.compare_digest(
            head.mac, head_mac(old_key, head.count, head.seq, head.hash))):
        return
    mac = head_mac(new_key, head.count, head.seq, head.hash) if new_key is not None else ""
    con.execute("UPDATE app_meta SET value = ? WHERE key = ?",
                (Head(head.count, head.seq, head.hash, mac).to_text(), HEAD_KEY))
    con.commit()


def read_head(conn) -> Head | None:
    """The head stored in this database (``conn``: SQLAlchemy connection), None when there is none."""
    text_ = conn.execute(text("SELECT value FROM app_meta WHERE key = :k"), {"k": HEAD_KEY}).scalar()
    return Head.from_text(text_)


def chain_end(conn) -> Head:
    """The head as the rows themselves stand (used to stamp a database that has none yet)."""
    count, seq = conn.execute(text("SELECT count(*), coalesce(max(seq), 0) FROM audit_log")).one()
    h = conn.execute(text("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1")).scalar() or ""
    return Head(int(count), int(seq), h)


def write_head(conn, head: Head) -> Head:
    key = _key(conn)
    if key is not None:
        head = Head(head.count, head.seq, head.hash, head_mac(key, head.count, head.seq, head.hash))
    conn.execute(text("INSERT INTO app_meta (key, value) VALUES (:k, :v) "
                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value"), {"k": HEAD_KEY, "v": head.to_text()})
    return head


AUDIT_LOCK = 7_180_002  # on a server: one writer at a time extends the chain (held until COMMIT)
APPEND_FUNCTION = "cd_audit_append(jsonb)"  # store/dialects.py: the chain extended in one statement
_PENDING = "cd_audit_pending"  # session.info: a server transaction's entries, appended at COMMIT


def _lock_chain(conn) -> None:
    """Many people save at once on a server: each entry must follow the one committed before it."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": AUDIT_LOCK})


def _who(conn, actor: str) -> str:
    """On a server, a person's entry names their own login too (``王小明 [wang]``): the server checks it
    (store/server_roles.py). The login is asked once per connection."""
    if conn.dialect.name != "postgresql":
        return actor
    login = conn.info.get("cd_staff_login")
    if login is None:
        # a superuser "has" every role: it is not one of the staff (the roles are the whole cluster's)
        staff = conn.execute(text("SELECT session_user, coalesce(pg_has_role(session_user, oid, 'MEMBER'), false) "
                                  "AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) "
                                  "FROM pg_roles WHERE rolname = 'cd_staff' UNION ALL SELECT session_user, false "
                                  "LIMIT 1")).one()
        login = conn.info["cd_staff_login"] = staff[0] if staff[1] else ""
    tag = f" [{login}]"
    return actor if not login or actor.endswith(tag) else f"{actor[:120 - len(tag)]}{tag}"


def _detail_text(detail: dict | str | None) -> str:
    return detail if isinstance(detail, str) else json.dumps(detail or {}, ensure_ascii=False, sort_keys=True,
                                                             default=str)


def record(session: Session, actor: str, action: str, entity: str = "", entity_id: str = "",
           detail: dict | str | None = None, *, at: datetime | None = None) -> None:
    """Append an entry; the caller commits it with the change it describes.

    On a server the entry is kept with the session and appended when it commits (:func:`_append_pending`):
    the chain's lock — every saver waits for it — is then held for one statement and the COMMIT, not for
    the whole save. SQLite locks the whole file at the first write anyway: there it is written at once."""
    conn = session.connection()
    at = at or utcnow()
    entry = {"at": _canonical_time(at), "actor": _who(conn, actor), "action": action, "entity": entity,
             "entity_id": entity_id, "detail": _detail_text(detail)}
    if conn.dialect.name == "postgresql":
        session.info.setdefault(_PENDING, []).append(entry)
        return
    _append(conn, [{**entry, "at": at}])


def chains_at_commit(conn) -> bool:
    """Whether a transaction's entries are handed to the server and chained by it at COMMIT (:data:`PENDING_TABLE`)."""
    return bool(conn.dialect.name == "postgresql" and _key(conn) is None
                and _server_chaining(conn).startswith("INSERT"))


def handed_with_change(session: Session, actor: str, action: str, entity: str, entity_id: str,
                       detail: dict | str | None) -> str | None:
    """On a server that chains at COMMIT (:data:`PENDING_TABLE`): the entry :func:`record` would keep, as the JSON
    that a caller's own statement inserts into that table together with the change it describes (base.update's
    compare-and-set: one round trip less a save, and no entry without its change). None where the entry goes
    through :func:`record` (SQLite, a keyed head, a server not upgraded yet)."""
    conn = session.connection()
    if not chains_at_commit(conn):
        return None
    return json.dumps([{"at": _canonical_time(utcnow()), "actor": _who(conn, actor), "action": action,
                        "entity": entity, "entity_id": entity_id, "detail": _detail_text(detail)}],
                      ensure_ascii=False)


def _append(conn, entries: list[dict]) -> None:
    """Extend the chain by ``entries`` and move the head past them: three statements, whatever their number
    (the caller holds the chain: SQLite's write lock, or the server's lock)."""
    prev, head_text = conn.execute(text("SELECT (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), "
                                        "(SELECT value FROM app_meta WHERE key = :k)"), {"k": HEAD_KEY}).one()
    prev = prev or ""
    rows = []
    for e in entries:
        h = _digest(prev, e["at"], e["actor"], e["action"], e["entity"], e["entity_id"], e["detail"])
        at = e["at"] if isinstance(e["at"], datetime) else datetime.fromisoformat(e["at"]).replace(tzinfo=timezone.utc)
        rows.append({**e, "at": at, "prev_hash": prev, "hash": h})
        prev = h
    table = AuditEntry.__table__
    seq = max(conn.execute(table.insert().returning(table.c.seq), rows).scalars())
    old = Head.from_text(head_text)
    write_head(conn, Head(old.count + len(rows) if old is not None else chain_end(conn).count, int(seq), prev))


def _append_pending(session: Session) -> None:
    """Before a server transaction commits: its entries handed to the server, which chains them at COMMIT.

    The chain's lock is then taken by the server inside COMMIT (:data:`SEAL_SQL`) and let go when the COMMIT
    ends: no step of the program's own falls between. Twenty people on two cores measured why: when the
    program itself appended and then sent COMMIT, the lock stayed held while that program waited for the CPU
    to send it, and every other save queued behind (57 ms a save waiting for the lock, 0.4 ms alone)."""
    entries = session.info.pop(_PENDING, None)
    if not entries:
        return
    conn = session.connection()
    if _key(conn) is None:
        how = _server_chaining(conn)
        if how:
            conn.execute(text(how), {"e": json.dumps(entries, ensure_ascii=False)})
            return
    _lock_chain(conn)  # a database whose upgrade has not created the functions yet
    _append(conn, entries)


def _server_chaining(conn) -> str:
    """The statement that hands a transaction's entries to the server: into ``audit_pending``, chained at
    COMMIT (:data:`SEAL_SQL`); without that table (a database not upgraded yet) the append itself; "" when
    the server has neither (the program extends the chain itself). Asked once per connection."""
    known = conn.info.get("cd_audit_chaining")
    if known is None:
        append, seal = conn.execute(text("SELECT to_regprocedure(:f) IS NOT NULL, to_regclass(:t) IS NOT NULL "
                                         "AND to_regprocedure(:s) IS NOT NULL"),
                                    {"f": APPEND_FUNCTION, "t": PENDING_TABLE, "s": SEAL_FUNCTION}).one()
        known = conn.info["cd_audit_chaining"] = (
            "" if not append else
            f"INSERT INTO {PENDING_TABLE} (entries) VALUES (CAST(:e AS jsonb))" if seal else
            "SELECT cd_audit_append(CAST(:e AS jsonb))")
    return str(known)


def _forget_pending(session: Session, _previous_transaction=None) -> None:
    session.info.pop(_PENDING, None)


event.listen(OrmSession, "before_commit", _append_pending)  # every Session (sqlmodel's too)
event.listen(OrmSession, "after_soft_rollback", _forget_pending)


# The same chain step as _append, on the server in one statement: the lock, the newest
# hash, the entries and the head (its count read from the head, or counted when the head is unreadable).
APPEND_SQL = f"""CREATE OR REPLACE FUNCTION cd_audit_append(entries jsonb) RETURNS void LANGUAGE plpgsql AS $$
DECLARE prev text; e jsonb; h text; last_seq bigint; n bigint := 0; total bigint;
BEGIN
  PERFORM pg_advisory_xact_lock({AUDIT_LOCK});
  SELECT a.hash INTO prev FROM audit_log a ORDER BY a.seq DESC LIMIT 1;
  prev := coalesce(prev, '');
  FOR e IN SELECT x FROM jsonb_array_elements(entries) AS x LOOP
    h := encode(sha256(convert_to(concat_ws(chr(31), prev, e->>'at', e->>'actor', e->>'action', e->>'entity',
                                            e->>'entity_id', e->>'detail'), 'UTF8')), 'hex');
    INSERT INTO audit_log (at, actor, action, entity, entity_id, detail, prev_hash, hash)
    VALUES (CAST(e->>'at' AS timestamp) AT TIME ZONE 'UTC', e->>'actor', e->>'action', e->>'entity',
            e->>'entity_id', e->>'detail', prev, h) RETURNING seq INTO last_seq;
    prev := h;
    n := n + 1;
  END LOOP;
  SELECT CAST(substring(m.value FROM '"count":[[:space:]]*([0-9]+)') AS bigint) + n INTO total
  FROM app_meta m WHERE m.key = '{HEAD_KEY}';
  IF total IS NULL THEN
    SELECT count(*) INTO total FROM audit_log;
  END IF;
  INSERT INTO app_meta (key, value)
  VALUES ('{HEAD_KEY}', '{{"count": ' || total || ', "hash": "' || prev || '", "seq": ' || last_seq || '}}')
  ON CONFLICT (key) DO UPDATE SET value = excluded.value;
END $$"""


# The server chains a transaction's entries as it commits: the program inserts them into PENDING_TABLE (an
# unlogged table whose rows never outlive their transaction); a deferred trigger appends them to the chain at
# COMMIT and takes the row out again. Created by migration 0021_i18_speed_audit_seal; the function kept current by
# store/dialects.server_compat.
PENDING_TABLE = "audit_pending"
SEAL_FUNCTION = "cd_audit_seal()"
SEAL_SQL = f"""CREATE OR REPLACE FUNCTION cd_audit_seal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM cd_audit_append(NEW.entries);
  DELETE FROM {PENDING_TABLE};
  RETURN NULL;
END $$"""
PENDING_TABLE_SQL = (f"CREATE UNLOGGED TABLE IF NOT EXISTS {PENDING_TABLE} (rowid BIGINT, entries jsonb NOT NULL)",
                     f"DROP TRIGGER IF EXISTS cd_audit_seal ON {PENDING_TABLE}",
                     f"CREATE CONSTRAINT TRIGGER cd_audit_seal AFTER INSERT ON {PENDING_TABLE} "
                     "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cd_audit_seal()")


def record_many(conn, actor: str, action: str, entity: str, entries: list[tuple[str, dict | str]]) -> None:
    """Append many entries of one action through Core (bulk work: demo generation, export); see :func:`append_entries`."""
    append_entries(conn, actor, [(action, entity, entity_id, detail) for entity_id, detail in entries])


def append_entries(conn, actor: str, entries: list[tuple[str, str, str, dict | str]]) -> None:
    """Append ``(action, entity, entity_id, detail)`` entries through Core in one set-based step.

    On a server every person's save takes the chain's lock at COMMIT, so bulk work (an import) gathers its
    entries and hands them over in one statement at its end: the server chains them at COMMIT like a save's
    (:data:`SEAL_SQL`), or — a database not upgraded that far — appends them at once (the lock then held from
    that last statement to COMMIT, never while the batch merged). With a keyed head, or no server function:
    the lock and :func:`_append`'s three statements."""
    if not entries:
        return
    actor = _who(conn, actor)
    at = utcnow()
    rows = [{"at": at, "actor": actor, "action": action, "entity": entity, "entity_id": entity_id,
             "detail": _detail_text(detail)} for action, entity, entity_id, detail in entries]
    if conn.dialect.name == "postgresql" and _key(conn) is None and (how := _server_chaining(conn)):
        conn.execute(text(how), {"e": json.dumps([{**r, "at": _canonical_time(at)} for r in rows], ensure_ascii=False)})
        return
    _lock_chain(conn)
    _append(conn, rows)


# What verify found wrong at the chain's end (ChainCheck.end_problem)
HEAD_MISSING = "head_missing"  # the head itself was deleted
TAIL_MISSING = "tail_missing"  # fewer entries than the head counts: the newest were deleted
TAIL_REPLACED = "tail_replaced"  # as many entries, but the last is not the one the head names
UNANCHORED = "unanchored"  # more entries than the head counts: written outside the program
HEAD_FORGED = "head_forged"  # the head's HMAC doesn't fit: the head (and the chain) were rewritten


@dataclass
class ChainCheck:
    ok: bool
    entries: int
    first_bad_seq: int | None = None
    end_problem: str | None = None
    head: Head | None = None
    last_seq: int = 0  # the newest entry present


def verify(session_or_conn) -> ChainCheck:
    conn = session_or_conn.connection() if isinstance(session_or_conn, Session) else session_or_conn
    prev = ""
    n = 0
    last_seq = 0
    for seq, at, actor, action, entity, entity_id, detail, prev_hash, h in conn.execute(text(
            "SELECT seq, at, actor, action, entity, entity_id, detail, prev_hash, hash FROM audit_log ORDER BY seq")):
        n += 1
        if prev_hash != prev or _digest(prev, at, actor, action, entity, entity_id, detail) != h:
            return ChainCheck(False, n, seq)
        prev = h
        last_seq = seq
    head = read_head(conn)
    problem = end_problem(head, n, last_seq, prev, _key(conn))
    return ChainCheck(problem is None, n, None, problem, head, last_seq)


def end_problem(head: Head | None, count: int, last_seq: int, last_hash: str, key: bytes | None) -> str | None:
    """How a valid chain of ``count`` entries ending at ``last_seq``/``last_hash`` fails its head."""
    if head is None:
        return HEAD_MISSING
    if key is not None and (not head.mac or not hmac.compare_digest(head.mac, head_mac(key, head.count, head.seq,
                                                                                         head.hash))):
        return HEAD_FORGED
    if count < head.count:
        return TAIL_MISSING
    if count > head.count:
        return UNANCHORED
    if (last_seq, last_hash) != (head.seq, head.hash):
        return TAIL_REPLACED
    return None

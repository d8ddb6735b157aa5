"""The audit log: who did what, when — hash-chained so that an edit by hand is detectable.

Every service that creates, updates or deletes a record calls :func:`record` in the same
transaction. Each entry's ``hash`` is SHA-256 over the previous entry's hash and this entry's
fields; :func:`verify` walks the chain and names the first row that doesn't fit.

A chain alone can't tell that its newest entries were cut off: what is left is still a valid
chain. So the chain's *head* — how many entries, the last one's number and hash — is written with
every entry into ``app_meta`` (:data:`HEAD_KEY`); it also travels in every backup (a copy of the
file) and in every exported workbook's meta sheet. :func:`verify` compares the chain with the head
and names what is missing. With encryption at rest the head is keyed (HMAC): :data:`head_key` is
the hook that supplies the key, so that rewriting the whole chain *and* the head is detected too.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable

from sqlalchemy import text
from sqlmodel import Session

from counsel_desk.models import AuditEntry, utcnow


def _canonical_time(at: datetime | str) -> str:
    """The stored text form of a UTC time, whether given aware, naive (UTC) or as stored text."""
    if isinstance(at, str):
        at = datetime.fromisoformat(at)
    if at.tzinfo is not None:
        at = at.astimezone(timezone.utc).replace(tzinfo=None)
    return at.isoformat(timespec="microseconds")


def _digest(prev_hash: str, at: datetime | str, actor: str, action: str, entity: str, entity_id: str,
            detail: str) -> str:
    payload = "\x1f".join([prev_hash, _canonical_time(at), actor, action, entity, entity_id, detail])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


HEAD_KEY = "audit_head"
# Encryption at rest sets this: given the connection, the secret that keys the head (None: unkeyed).
head_key: Callable[[object], bytes | None] | None = None


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
    return head_key(conn) if head_key is not None else None


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


def _advance_head(conn, added: int) -> None:
    """Move the head past the ``added`` entries just written (same transaction)."""
    seq, h = conn.execute(text("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")).one()
    old = read_head(conn)
    count = old.count + added if old is not None else chain_end(conn).count
    write_head(conn, Head(count, int(seq), h))


AUDIT_LOCK = 7_180_002  # on a server: one writer at a time extends the chain (held until COMMIT)


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
        staff = conn.execute(text("SELECT session_user, coalesce(pg_has_role(session_user, oid, 'MEMBER'), false) "
                                  "FROM pg_roles WHERE rolname = 'cd_staff' UNION ALL SELECT session_user, false "
                                  "LIMIT 1")).one()
        login = conn.info["cd_staff_login"] = staff[0] if staff[1] else ""
    tag = f" [{login}]"
    return actor if not login or actor.endswith(tag) else f"{actor[:120 - len(tag)]}{tag}"


def record(session: Session, actor: str, action: str, entity: str = "", entity_id: str = "",
           detail: dict | str | None = None, *, at: datetime | None = None) -> AuditEntry:
    """Append an entry; the caller commits it with the change it describes."""
    conn = session.connection()
    _lock_chain(conn)
    actor = _who(conn, actor)
    prev = conn.execute(text("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1")).scalar() or ""
    detail_s = detail if isinstance(detail, str) else json.dumps(detail or {}, ensure_ascii=False, sort_keys=True,
                                                                 default=str)
    at = at or utcnow()
    entry = AuditEntry(at=at, actor=actor, action=action, entity=entity, entity_id=entity_id, detail=detail_s,
                       prev_hash=prev, hash=_digest(prev, at, actor, action, entity, entity_id, detail_s))
    session.add(entry)
    session.flush()
    _advance_head(conn, 1)
    return entry


def record_many(conn, actor: str, action: str, entity: str, entries: list[tuple[str, dict | str]]) -> None:
    """Append many entries through Core (bulk work: demo generation, import)."""
    _lock_chain(conn)
    actor = _who(conn, actor)
    prev = conn.execute(text("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1")).scalar() or ""
    rows = []
    at = utcnow()
    for entity_id, detail in entries:
        d = detail if isinstance(detail, str) else json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str)
        h = _digest(prev, at, actor, action, entity, entity_id, d)
        rows.append({"at": at, "actor": actor, "action": action, "entity": entity, "entity_id": entity_id,
                     "detail": d, "prev_hash": prev, "hash": h})
        prev = h
    if rows:
        conn.execute(AuditEntry.__table__.insert(), rows)
        _advance_head(conn, len(rows))


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

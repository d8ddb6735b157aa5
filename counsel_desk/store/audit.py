"""The audit log: who did what, when — hash-chained so that an edit by hand is detectable.

Every service that creates, updates or deletes a record calls :func:`record` in the same
transaction. Each entry's ``hash`` is SHA-256 over the previous entry's hash and this entry's
fields; :func:`verify` walks the chain and names the first row that doesn't fit.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timezone

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


def record(session: Session, actor: str, action: str, entity: str = "", entity_id: str = "",
           detail: dict | str | None = None, *, at: datetime | None = None) -> AuditEntry:
    """Append an entry; the caller commits it with the change it describes."""
    conn = session.connection()
    prev = conn.execute(text("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1")).scalar() or ""
    detail_s = detail if isinstance(detail, str) else json.dumps(detail or {}, ensure_ascii=False, sort_keys=True,
                                                                 default=str)
    at = at or utcnow()
    entry = AuditEntry(at=at, actor=actor, action=action, entity=entity, entity_id=entity_id, detail=detail_s,
                       prev_hash=prev, hash=_digest(prev, at, actor, action, entity, entity_id, detail_s))
    session.add(entry)
    session.flush()
    return entry


def record_many(conn, actor: str, action: str, entity: str, entries: list[tuple[str, dict | str]]) -> None:
    """Append many entries through Core (bulk work: demo generation, import)."""
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


@dataclass
class ChainCheck:
    ok: bool
    entries: int
    first_bad_seq: int | None = None


def verify(session_or_conn) -> ChainCheck:
    conn = session_or_conn.connection() if isinstance(session_or_conn, Session) else session_or_conn
    prev = ""
    n = 0
    for seq, at, actor, action, entity, entity_id, detail, prev_hash, h in conn.execute(text(
            "SELECT seq, at, actor, action, entity, entity_id, detail, prev_hash, hash FROM audit_log ORDER BY seq")):
        n += 1
        if prev_hash != prev or _digest(prev, at, actor, action, entity, entity_id, detail) != h:
            return ChainCheck(False, n, seq)
        prev = h
    return ChainCheck(True, n)

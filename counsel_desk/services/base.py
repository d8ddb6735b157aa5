"""What every service shares: who is acting, stamping synced records, soft delete, audit.

A service is built from a :class:`ServiceContext` (session factory, actor, center) and returns
plain dataclasses or model objects detached from their session. Every create, update and delete
stamps the record's sync columns and writes the audit log in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Callable

from sqlmodel import Session, SQLModel

from counsel_desk.models import Synced, utcnow
from counsel_desk.store import audit


@dataclass(frozen=True)
class ServiceContext:
    session_factory: Callable[[], Session]
    actor: str = ""
    center_code: str = "north"

    @classmethod
    def for_database(cls, db, actor: str = "", center_code: str = "north") -> "ServiceContext":
        return cls(db.session_factory, actor, center_code)


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def snapshot(obj: SQLModel, exclude: tuple[str, ...] = ("created_at", "updated_at", "version", "updated_by")) -> dict:
    return {k: _plain(v) for k, v in obj.model_dump().items() if k not in exclude}


def diff(before: dict, after: dict) -> dict:
    """Field → [old, new] for what changed (the audit log's ``detail``)."""
    return {k: [before.get(k), after.get(k)] for k in after if before.get(k) != after.get(k)}


def stamp_new(obj: Synced, actor: str) -> None:
    now = utcnow()
    obj.created_at = now
    obj.updated_at = now
    obj.updated_by = actor
    obj.version = 1


def stamp_change(obj: Synced, actor: str) -> None:
    obj.updated_at = utcnow()
    obj.updated_by = actor
    obj.version = (obj.version or 0) + 1


def create(session: Session, obj: Synced, actor: str, entity: str) -> Synced:
    stamp_new(obj, actor)
    session.add(obj)
    session.flush()
    audit.record(session, actor, "create", entity, obj.id, snapshot(obj))
    return obj


def update(session: Session, obj: Synced, actor: str, entity: str, changes: dict) -> dict:
    """Apply ``changes`` (field → value); stamps and audits only when something really changed."""
    before = snapshot(obj)
    for k, v in changes.items():
        setattr(obj, k, v)
    changed = diff(before, snapshot(obj))
    if changed:
        stamp_change(obj, actor)
        session.add(obj)
        session.flush()
        audit.record(session, actor, "update", entity, obj.id, changed)
    return changed


def soft_delete(session: Session, obj: Synced, actor: str, entity: str) -> None:
    if obj.deleted_at is None:
        obj.deleted_at = utcnow()
        stamp_change(obj, actor)
        session.add(obj)
        session.flush()
        audit.record(session, actor, "delete", entity, obj.id, {})


def undelete(session: Session, obj: Synced, actor: str, entity: str) -> None:
    if obj.deleted_at is not None:
        obj.deleted_at = None
        stamp_change(obj, actor)
        session.add(obj)
        session.flush()
        audit.record(session, actor, "undelete", entity, obj.id, {})

"""Common columns of every record that travels between laptops.

Sync (the interchange workbook) depends on these: a UUID primary key, UTC ``created_at`` and
``updated_at``, who changed it last, a version counter bumped on every change and a deletion
tombstone (``deleted_at``) instead of a hard delete. The version also guards every save against a
lost update (see ``Synced.__mapper_args__``).
"""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from typing import Any, Optional

from sqlalchemy.orm import declared_attr
from sqlmodel import Field, SQLModel


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    """Aware UTC timestamp. SQLModel's datetime columns require time zone information; they store
    UTC and give back aware UTC datetimes, so compare only aware values."""
    return datetime.now(timezone.utc)


class Synced(SQLModel):
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow, index=True)
    updated_by: str = Field(default="", max_length=120)
    version: int = Field(default=1)
    # No index: with "deleted_at IS NULL" true for nearly every row, SQLite would pick such an index
    # over the date or county index and scan the whole table (measured: 90 ms → 1.5 ms per month).
    deleted_at: Optional[datetime] = Field(default=None)

    @declared_attr  # type: ignore[arg-type]
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 — SQLAlchemy calls it with the mapped class
        # Every ORM save is a compare-and-set on ``version``: "UPDATE … WHERE id = :id AND version = :read".
        # When someone else saved the row in between (another person on a shared server, a sync import),
        # no row matches and SQLAlchemy raises StaleDataError instead of overwriting their change.
        # The services bump the version themselves (services.base.stamp_change): no generator.
        return {"version_id_col": cls.__table__.c.version, "version_id_generator": False}  # type: ignore[attr-defined]


SYNC_COLUMNS = ("id", "created_at", "updated_at", "updated_by", "version", "deleted_at")

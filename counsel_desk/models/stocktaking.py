"""Township stocktaking (盤點地方推動現況): coded 推動課題, their tags on visits and townships, and a
counselor's dated overrides of a township's derived status (history kept: one row per note)."""

from __future__ import annotations

import uuid
from datetime import date
from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from counsel_desk.models.base import Synced

# The seeded 推動課題 (the plan's own examples first, then the common ones a center meets) are inserted by
# migration 0010_i17_places with fixed ids — uuid5 of their code — so every laptop's database holds the
# same records and sync sees no change.
TOPIC_NAMESPACE = uuid.UUID("6f1d2f0e-4b7a-4c1e-9a55-17a0c0de1700")


def seeded_topic_id(code: str) -> str:
    return str(uuid.uuid5(TOPIC_NAMESPACE, code))


class IssueTopic(Synced, table=True):
    """推動課題 — a coded recurring issue; a managed list a center may extend (retire rather than delete)."""

    __tablename__ = "issue_topic"
    code: str = Field(max_length=16, unique=True)
    name: str = Field(max_length=64)
    name_en: str = Field(default="", max_length=128)
    active: bool = True
    sort_order: int = 0


class VisitIssueTopic(SQLModel, table=True):
    """The 推動課題 a visit met; travels inside the visit's row."""

    __tablename__ = "visit_issue_topic"
    visit_id: str = Field(foreign_key="site_visit.id", primary_key=True, max_length=36)
    topic_id: str = Field(foreign_key="issue_topic.id", primary_key=True, index=True, max_length=36)


class TownshipIssue(Synced, table=True):
    """A 推動課題 a center has noted for a whole township (besides the ones its visits carry)."""

    __tablename__ = "township_issue"
    __table_args__ = (UniqueConstraint("center_code", "township_code", "topic_id", name="uq_township_issue"),)
    center_code: str = Field(foreign_key="center.code", index=True, max_length=16)
    county_code: str = Field(foreign_key="county.code", max_length=8)
    township_code: str = Field(foreign_key="township.code", index=True, max_length=12)
    topic_id: str = Field(foreign_key="issue_topic.id", index=True, max_length=36)
    noted_on: date
    note: str = ""


class TownshipStatusNote(Synced, table=True):
    """A counselor's dated word on a township's status. An empty ``status`` hands the township back to the status
    derived from its plans and proposals; the newest note (by ``noted_on``) is the one that counts."""

    __tablename__ = "township_status_note"
    center_code: str = Field(foreign_key="center.code", index=True, max_length=16)
    county_code: str = Field(foreign_key="county.code", max_length=8)
    township_code: str = Field(foreign_key="township.code", index=True, max_length=12)
    status: str = Field(default="", max_length=16)  # TownshipStatus; "" = back to the derived status
    noted_on: date = Field(index=True)
    note: str = ""

"""Yearly targets (績效指標), sent report snapshots (月報) and the hash-chained audit log."""

from __future__ import annotations

from datetime import date, datetime
from typing import Optional

from sqlalchemy import Column, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel

from counsel_desk.models.base import Synced, new_id, utcnow


class YearlyTarget(Synced, table=True):
    """What the project office expects of a center in a (Western) year, per metric (TargetMetric)."""

    __tablename__ = "yearly_target"
    __table_args__ = (UniqueConstraint("center_code", "year", "metric", name="uq_target_center_year_metric"),)
    center_code: str = Field(foreign_key="center.code", index=True, max_length=16)
    year: int
    metric: str = Field(max_length=32)
    target: float = 0


class ReportSnapshot(SQLModel, table=True):
    """A monthly (or other period's) report as sent: figures and the exact files, frozen."""

    __tablename__ = "report_snapshot"
    __table_args__ = (UniqueConstraint("center_code", "period_start", "period_end", "revision",
                                       name="uq_snapshot_period_revision"),)
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    center_code: str = Field(foreign_key="center.code", index=True, max_length=16)
    period_start: date
    period_end: date
    revision: int = 1
    sent_at: datetime = Field(default_factory=utcnow)
    sent_by: str = Field(default="", max_length=120)
    figures_json: str = ""
    xlsx_sha256: str = Field(default="", max_length=64)
    pdf_sha256: str = Field(default="", max_length=64)
    xlsx_bytes: Optional[bytes] = Field(default=None, sa_column=Column(LargeBinary))
    pdf_bytes: Optional[bytes] = Field(default=None, sa_column=Column(LargeBinary))


class ReportNarrative(Synced, table=True):
    """The manager's own words for a report (本月工作重點, 下月工作重點, 待協助事項), written on the
    report page before sending; the sent snapshot freezes them with the figures. They travel in the
    interchange workbook (format v12) like every record, so the computer that makes the report has them.
    ``version`` is raised by every save; the editor saves against the one it loaded."""

    __tablename__ = "report_narrative"
    __table_args__ = (UniqueConstraint("center_code", "period_start", "period_end", name="uq_narrative_period"),)
    center_code: str = Field(foreign_key="center.code", index=True, max_length=16)
    period_start: date
    period_end: date
    this_month: str = ""
    next_month: str = ""
    help_needed: str = ""


class AuditEntry(SQLModel, table=True):
    """Who did what, when; each row carries the hash of the previous one so edits by hand show."""

    __tablename__ = "audit_log"
    seq: Optional[int] = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    actor: str = Field(default="", max_length=120)
    action: str = Field(max_length=32)  # create, update, delete, restore, export, import, erase, …
    entity: str = Field(default="", max_length=32, index=True)
    entity_id: str = Field(default="", max_length=36, index=True)
    detail: str = ""  # JSON
    prev_hash: str = Field(default="", max_length=64)
    hash: str = Field(default="", max_length=64)

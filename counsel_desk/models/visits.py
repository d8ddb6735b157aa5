"""Site visits (實地訪視), their counselors and contacts, follow-ups (追蹤事項) and attachments."""

from __future__ import annotations

from datetime import date
from typing import Optional

from sqlmodel import Field, SQLModel

from counsel_desk.models.base import Synced


class SiteVisit(Synced, table=True):
    """實地訪視 — a visit (or call, video call, meeting) by a center's counselors."""

    __tablename__ = "site_visit"
    center_code: str = Field(foreign_key="center.code", index=True, max_length=16)
    visit_date: date = Field(index=True)
    county_code: str = Field(foreign_key="county.code", index=True, max_length=8)
    township_code: str = Field(foreign_key="township.code", index=True, max_length=12)
    organization_id: Optional[str] = Field(default=None, foreign_key="organization.id", index=True, max_length=36)
    workstation_id: Optional[str] = Field(default=None, foreign_key="workstation.id", index=True, max_length=36)
    public_space_id: Optional[str] = Field(default=None, foreign_key="public_space.id", index=True, max_length=36)
    visited_name: str = Field(default="", max_length=128)  # who was visited, as written on the form
    mode: str = Field(max_length=16, index=True)  # VisitMode
    purpose: str = ""
    findings: str = ""
    issues: str = ""  # 課題
    advice: str = ""  # 輔導建議
    notes: str = ""
    key_visit: bool = False  # 重點: the counselor flags it for the monthly report's key visits


class VisitCounselor(SQLModel, table=True):
    """Counselors present at a visit; travels inside the visit's row."""

    __tablename__ = "visit_counselor"
    visit_id: str = Field(foreign_key="site_visit.id", primary_key=True, max_length=36)
    counselor_id: str = Field(foreign_key="counselor.id", primary_key=True, index=True, max_length=36)


class VisitContact(SQLModel, table=True):
    """Contact people met at a visit; travels inside the visit's row."""

    __tablename__ = "visit_contact"
    visit_id: str = Field(foreign_key="site_visit.id", primary_key=True, max_length=36)
    contact_id: str = Field(foreign_key="contact.id", primary_key=True, index=True, max_length=36)


class FollowUp(Synced, table=True):
    """追蹤事項 — an action from a visit. Closing needs ``followup_date`` and ``result``."""

    __tablename__ = "followup"
    visit_id: str = Field(foreign_key="site_visit.id", index=True, max_length=36)
    description: str
    owner: str = Field(default="", max_length=64)
    due_date: Optional[date] = Field(default=None, index=True)
    status: str = Field(default="open", max_length=16, index=True)  # FollowUpStatus
    followup_date: Optional[date] = Field(default=None, index=True)
    result: str = ""


class Attachment(Synced, table=True):
    """A photo or document of a visit, event, proposal…; the file lives in the data folder by SHA-256."""

    __tablename__ = "attachment"
    owner_type: str = Field(max_length=32, index=True)  # site_visit, center_event, proposal, …
    owner_id: str = Field(max_length=36, index=True)
    filename: str = Field(max_length=255)
    sha256: str = Field(max_length=64, index=True)
    size_bytes: int = 0
    media_type: str = Field(default="", max_length=128)

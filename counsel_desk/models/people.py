"""Counselors, organizations and their contact people (contacts hold personal data)."""

from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlmodel import Field

from counsel_desk.models.base import Synced


class Counselor(Synced, table=True):
    """輔導員 of a regional center."""

    __tablename__ = "counselor"
    center_code: str = Field(foreign_key="center.code", index=True, max_length=16)
    name: str = Field(max_length=64)
    email: str = Field(default="", max_length=128)
    phone: str = Field(default="", max_length=32)
    active: bool = True


class Organization(Synced, table=True):
    """A township office, county government, local team, company, social enterprise, operator…"""

    __tablename__ = "organization"
    name: str = Field(max_length=128, index=True)
    kind: str = Field(max_length=32)  # OrgKind
    county_code: Optional[str] = Field(default=None, foreign_key="county.code", max_length=8)
    township_code: Optional[str] = Field(default=None, foreign_key="township.code", max_length=12)
    address: str = Field(default="", max_length=256)
    phone: str = Field(default="", max_length=32)
    email: str = Field(default="", max_length=128)
    notes: str = ""


class Contact(Synced, table=True):
    """A contact person — personal data (個人資料): phone, e-mail and personal notes are masked on export."""

    __tablename__ = "contact"
    organization_id: Optional[str] = Field(default=None, foreign_key="organization.id", index=True, max_length=36)
    name: str = Field(max_length=64)
    title: str = Field(default="", max_length=64)
    phone: str = Field(default="", max_length=32)
    email: str = Field(default="", max_length=128)
    personal_notes: str = ""
    erased_at: Optional[datetime] = None  # right to deletion: personal fields blanked, row kept as tombstone

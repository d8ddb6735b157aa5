"""What the centers achieve, as dated records: outcomes (成果紀錄) and the award programmes' youth teams (青年團隊).

An :class:`Outcome` is one dated result tied to a workstation, a proposal, a youth team or a township:
young people who stayed or came back (青年留鄉／返鄉, with 設籍 or not), jobs (就業機會), visitors (觀光人次),
revenue (營收), resources matched from other agencies (跨部會資源媒合: agency, programme, amount) and company
investment or CSR (企業投資／企業社會責任: company, amount). Reports and the dashboard add up a period's
records by their date (services/outcomes/outcomes.py).

A :class:`YouthTeam` is a team of an award programme (獎勵青年投入地方創生行動計畫, 地方創生利他行動168)
that a center counsels; its members' birth years give the eligibility warnings (e.g. 22–45 years old),
its award is capped by the programme definition (resources/programmes/), and the visits and support
records about it are linked to it (youth_team_visit, youth_team_support: they travel inside the team's row).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Optional

from sqlmodel import Field, SQLModel

from counsel_desk.models.base import Synced


class Outcome(Synced, table=True):
    """成果紀錄 — one dated outcome (kind OutcomeKind)."""

    __tablename__ = "outcome"
    center_code: str = Field(foreign_key="center.code", index=True, max_length=16)
    outcome_date: date = Field(index=True)
    kind: str = Field(max_length=24)  # OutcomeKind
    people: int = 0  # 人數／人次／就業機會 (youth, jobs, visitors)
    amount: int = 0  # NT$ (revenue, matched resources, investment or CSR)
    registered: Optional[bool] = None  # youth: 設籍 (True), not (False), unknown (None)
    agency: str = Field(default="", max_length=128)  # 跨部會資源媒合: the agency
    programme: str = Field(default="", max_length=200)  # 跨部會資源媒合: its programme
    company: str = Field(default="", max_length=128)  # 企業投資／企業社會責任
    workstation_id: Optional[str] = Field(default=None, foreign_key="workstation.id", index=True, max_length=36)
    proposal_id: Optional[str] = Field(default=None, foreign_key="proposal.id", index=True, max_length=36)
    youth_team_id: Optional[str] = Field(default=None, foreign_key="youth_team.id", index=True, max_length=36)
    county_code: Optional[str] = Field(default=None, foreign_key="county.code", max_length=8)
    township_code: Optional[str] = Field(default=None, foreign_key="township.code", index=True, max_length=12)
    note: str = ""


class YouthTeam(Synced, table=True):
    """青年團隊 of an award programme (獎勵青年投入地方創生行動計畫, 地方創生利他行動168)."""

    __tablename__ = "youth_team"
    center_code: str = Field(foreign_key="center.code", index=True, max_length=16)
    name: str = Field(max_length=128, index=True)
    programme: str = Field(max_length=200)  # the award programme's name, as in the programme file
    roc_year: int = 0
    award: int = 0  # NT$ awarded (capped by the programme's cap_per_team)
    themes: str = ""  # 主題 (e.g. 地方創生特色廊道), separated by 、
    county_code: Optional[str] = Field(default=None, foreign_key="county.code", max_length=8)
    township_code: Optional[str] = Field(default=None, foreign_key="township.code", index=True, max_length=12)
    workstation_id: Optional[str] = Field(default=None, foreign_key="workstation.id", max_length=36)
    notes: str = ""


class YouthTeamMember(Synced, table=True):
    """A member of a youth team; the birth year gives the age checked against the programme's age range.

    Personal data (個人資料): the name and birth year are masked on export and erased on request
    (services/safety/privacy.py), like a contact's phone and e-mail.
    """

    __tablename__ = "youth_team_member"
    team_id: str = Field(foreign_key="youth_team.id", index=True, max_length=36)
    name: str = Field(max_length=64)
    birth_year: Optional[int] = None  # Western year
    role: str = Field(default="", max_length=64)  # 隊長、隊員…
    erased_at: Optional[datetime] = None  # right to deletion: name and birth year blanked, as a contact's


class YouthTeamVisit(SQLModel, table=True):
    __tablename__ = "youth_team_visit"
    team_id: str = Field(foreign_key="youth_team.id", primary_key=True, max_length=36)
    visit_id: str = Field(foreign_key="site_visit.id", primary_key=True, max_length=36)


class YouthTeamSupport(SQLModel, table=True):
    __tablename__ = "youth_team_support"
    team_id: str = Field(foreign_key="youth_team.id", primary_key=True, max_length=36)
    support_id: str = Field(foreign_key="support_record.id", primary_key=True, max_length=36)

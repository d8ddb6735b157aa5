"""Youth workstations (青年培力工作站), budgets, support records (輔導紀錄), public spaces, center events."""

from __future__ import annotations

from datetime import date
from typing import Optional

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from counsel_desk.models.base import Synced

# Caps and rules (NT$3,000,000 a year, 50 % / 60 % personnel, 12-month terms…) are not constants
# here: each comes from the plan in force in its ROC year (services/workstations/workstation_rules.py,
# resources/programmes/, docs/programme.md).


class Workstation(Synced, table=True):
    """地方創生青年培力工作站."""

    __tablename__ = "workstation"
    center_code: str = Field(foreign_key="center.code", index=True, max_length=16)
    name: str = Field(max_length=128, index=True)
    operator_name: str = Field(default="", max_length=128)
    operator_kind: str = Field(default="association", max_length=16)  # OperatorKind
    organization_id: Optional[str] = Field(default=None, foreign_key="organization.id", max_length=36)
    host_name: str = Field(default="", max_length=64)  # 駐點負責人
    team_size: int = 0  # 團隊夥伴人數
    fulltime_staff: int = 0  # now (eligibility; a new budget year starts from it) — each year keeps its own
    host_age: Optional[int] = None  # 駐點負責人年齡 (None = not recorded)
    host_years_on_site: Optional[int] = None  # 在地蹲點年數
    young_partners: Optional[int] = None  # 夥伴中 20–45 歲人數
    county_code: str = Field(foreign_key="county.code", index=True, max_length=8)
    township_code: str = Field(foreign_key="township.code", index=True, max_length=12)
    year_approved: int = 0  # ROC year
    term_start: Optional[date] = None
    term_end: Optional[date] = None
    status: str = Field(default="applying", max_length=16, index=True)  # WorkstationStatus
    # 留鄉／返鄉 are dated outcome records (models/outcomes.py) since migration 0008_i17_outcomes
    notes: str = ""


class WorkstationContact(SQLModel, table=True):
    __tablename__ = "workstation_contact"
    workstation_id: str = Field(foreign_key="workstation.id", primary_key=True, max_length=36)
    contact_id: str = Field(foreign_key="contact.id", primary_key=True, max_length=36)


class WorkstationBudget(Synced, table=True):
    """A workstation's subsidy for one ROC year (the cap of the plan in force that year) and that year's facts:
    full-time staff (the personnel rule is judged on them), 延續補助 and the 評鑑 result."""

    __tablename__ = "workstation_budget"
    __table_args__ = (UniqueConstraint("workstation_id", "roc_year", name="uq_budget_station_year"),)
    workstation_id: str = Field(foreign_key="workstation.id", index=True, max_length=36)
    roc_year: int
    approved_subsidy: int = 0
    approved_on: Optional[date] = None  # 核定日; reports count the subsidy from this day on
    fulltime_staff: Optional[int] = None  # 專職人員 in this budget year (None: not recorded → the station's)
    extension: bool = False  # 延續補助: the extra year granted after a good evaluation
    evaluation: str = Field(default="", max_length=16)  # Evaluation ('' = not evaluated yet)
    evaluated_on: Optional[date] = None  # 評鑑日期
    evaluation_note: str = ""


class BudgetLine(Synced, table=True):
    """Spending of a budget by category: planned, disbursed (撥款) and reimbursed (核銷)."""

    __tablename__ = "budget_line"
    budget_id: str = Field(foreign_key="workstation_budget.id", index=True, max_length=36)
    category: str = Field(max_length=16)  # BudgetCategory
    planned: int = 0
    disbursed: int = 0
    reimbursed: int = 0
    # 撥款日 / 核銷日: a report counts an amount from its day on. A line is one dated step: a later
    # disbursement or reimbursement is a further line of the same category (see workstation_budgets).
    disbursed_on: Optional[date] = None
    reimbursed_on: Optional[date] = None


class SupportRecord(Synced, table=True):
    """輔導紀錄 — support a center gave a workstation, or a youth team directly.

    Support given to a youth team that has no workstation has no ``workstation_id``; the team is
    linked through ``youth_team_support`` (the link that also ties a station's support to a team).
    """

    __tablename__ = "support_record"
    center_code: str = Field(foreign_key="center.code", index=True, max_length=16)
    workstation_id: Optional[str] = Field(default=None, foreign_key="workstation.id", index=True, max_length=36)
    support_date: date = Field(index=True)
    kind: str = Field(max_length=16)  # SupportKind
    hours: float = 0.0
    participants: int = 0
    topics: str = ""
    outcome: str = ""
    visit_id: Optional[str] = Field(default=None, foreign_key="site_visit.id", index=True, max_length=36)
    proposal_id: Optional[str] = Field(default=None, foreign_key="proposal.id", index=True, max_length=36)


class SupportCounselor(SQLModel, table=True):
    __tablename__ = "support_counselor"
    support_id: str = Field(foreign_key="support_record.id", primary_key=True, max_length=36)
    counselor_id: str = Field(foreign_key="counselor.id", primary_key=True, max_length=36)


class PublicSpace(Synced, table=True):
    """活化公有空間 — a public building refitted for local teams (cap: the plan in force in ``year_approved``)."""

    __tablename__ = "public_space"
    center_code: str = Field(foreign_key="center.code", index=True, max_length=16)
    name: str = Field(max_length=128)
    address: str = Field(default="", max_length=256)
    owning_agency: str = Field(default="", max_length=128)
    county_code: str = Field(foreign_key="county.code", index=True, max_length=8)
    township_code: str = Field(foreign_key="township.code", index=True, max_length=12)
    subsidy: int = 0
    year_approved: Optional[int] = None  # ROC year the subsidy was approved
    status: str = Field(default="planning", max_length=16, index=True)  # PublicSpaceStatus
    # 整修開始日 / 營運開始日: a report reads the status as of its period's end from these (set the day the
    # status changes; services/workstations/spaces.py). Unknown (before they were kept): from the day the space was recorded.
    renovating_since: Optional[date] = None
    operating_since: Optional[date] = None
    operating_team: str = Field(default="", max_length=128)
    notes: str = ""


class CenterEvent(Synced, table=True):
    """交流、學習與推廣活動 run by the center itself."""

    __tablename__ = "center_event"
    center_code: str = Field(foreign_key="center.code", index=True, max_length=16)
    event_date: date = Field(index=True)
    title: str = Field(max_length=128)
    place: str = Field(default="", max_length=128)
    county_code: Optional[str] = Field(default=None, foreign_key="county.code", max_length=8)
    # where it was held: the 原住民族地區 filter and the report's indigenous breakdown read the township
    township_code: Optional[str] = Field(default=None, foreign_key="township.code", index=True, max_length=12)
    kind: str = Field(max_length=16)  # EventKind
    partners: str = ""
    participants: int = 0
    record: str = ""
    # 培力課程 (training): course hours, trainees enrolled and trainees who completed it (結訓)
    hours: float = 0.0
    trainees: int = 0
    completed: int = 0

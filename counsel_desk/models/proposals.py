"""Township plans (地方創生計畫) and business proposals (事業提案) with sections, funding, scores, history."""

from __future__ import annotations

from datetime import date, datetime
from typing import Optional

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from counsel_desk.models.base import Synced, utcnow


class Plan(Synced, table=True):
    """地方創生計畫 of a township office; groups proposals and moves through the stages as a whole."""

    __tablename__ = "plan"
    center_code: str = Field(foreign_key="center.code", index=True, max_length=16)
    title: str = Field(max_length=200)
    organization_id: Optional[str] = Field(default=None, foreign_key="organization.id", max_length=36)
    county_code: str = Field(foreign_key="county.code", index=True, max_length=8)
    township_code: str = Field(foreign_key="township.code", index=True, max_length=12)
    counselor_id: Optional[str] = Field(default=None, foreign_key="counselor.id", max_length=36)
    stage: str = Field(default="idea", max_length=16, index=True)  # Stage (the existing route's flow)
    notes: str = ""
    council_meeting: Optional[int] = None  # 行政院地方創生會報第 N 次工作會議 that passed it
    council_date: Optional[date] = None


class Proposal(Synced, table=True):
    """事業提案."""

    __tablename__ = "proposal"
    center_code: str = Field(foreign_key="center.code", index=True, max_length=16)
    plan_id: Optional[str] = Field(default=None, foreign_key="plan.id", index=True, max_length=36)
    title: str = Field(max_length=200)
    applicant_type: str = Field(max_length=32)  # OrgKind
    organization_id: Optional[str] = Field(default=None, foreign_key="organization.id", index=True, max_length=36)
    county_code: str = Field(foreign_key="county.code", index=True, max_length=8)
    township_code: str = Field(foreign_key="township.code", index=True, max_length=12)
    route: str = Field(max_length=16, index=True)  # Route
    workstation_id: Optional[str] = Field(default=None, foreign_key="workstation.id", index=True, max_length=36)
    counselor_id: Optional[str] = Field(default=None, foreign_key="counselor.id", index=True, max_length=36)
    public_space_id: Optional[str] = Field(default=None, foreign_key="public_space.id", index=True, max_length=36)
    stage: str = Field(default="idea", max_length=16, index=True)  # Stage
    stage_changed_at: datetime = Field(default_factory=utcnow)
    self_funding: int = 0  # 自籌
    matching_funds: int = 0  # 配合款
    council_meeting: Optional[int] = None  # 行政院地方創生會報第 N 次工作會議 that passed it
    council_date: Optional[date] = None


class ProposalContact(SQLModel, table=True):
    __tablename__ = "proposal_contact"
    proposal_id: str = Field(foreign_key="proposal.id", primary_key=True, max_length=36)
    contact_id: str = Field(foreign_key="contact.id", primary_key=True, max_length=36)


class ProposalSection(Synced, table=True):
    __tablename__ = "proposal_section"
    __table_args__ = (UniqueConstraint("proposal_id", "section_key", name="uq_section_proposal_key"),)
    proposal_id: str = Field(foreign_key="proposal.id", index=True, max_length=36)
    section_key: str = Field(max_length=32)  # SectionKey
    body: str = ""


class FundingLine(Synced, table=True):
    """Money a proposal requests from a work item of 表 1 in one ROC year, NT$."""

    __tablename__ = "funding_line"
    proposal_id: str = Field(foreign_key="proposal.id", index=True, max_length=36)
    work_item_code: str = Field(foreign_key="work_item.code", index=True, max_length=16)
    roc_year: int
    amount: int = 0


class ProposalScore(Synced, table=True):
    """Score 1–5 with a comment on 在地性, 公共性 or 商業模式."""

    __tablename__ = "proposal_score"
    __table_args__ = (UniqueConstraint("proposal_id", "criterion", name="uq_score_proposal_criterion"),)
    proposal_id: str = Field(foreign_key="proposal.id", index=True, max_length=36)
    criterion: str = Field(max_length=16)  # Criterion
    score: int
    comment: str = ""


class StageChange(Synced, table=True):
    """A move of a proposal (or a plan) between stages, who and when, with the draft's snapshot."""

    __tablename__ = "stage_change"
    proposal_id: Optional[str] = Field(default=None, foreign_key="proposal.id", index=True, max_length=36)
    plan_id: Optional[str] = Field(default=None, foreign_key="plan.id", index=True, max_length=36)
    from_stage: str = Field(default="", max_length=16)
    to_stage: str = Field(max_length=16, index=True)
    comment: str = ""
    changed_at: datetime = Field(default_factory=utcnow, index=True)
    snapshot_json: str = ""  # the draft as it stood: sections, funding, scores


class CountyCheck(Synced, table=True):
    """One item of the county government's checklist on an existing-route proposal or a township's plan
    (縣府審查, 圖 3): 土地使用、環保、補助款核撥、配合款編列、公有空間提供 — each with its status, date and note.
    Exactly one of ``proposal_id`` and ``plan_id`` is set."""

    __tablename__ = "county_check"
    __table_args__ = (UniqueConstraint("proposal_id", "item", name="uq_county_check_proposal_item"),
                      UniqueConstraint("plan_id", "item", name="uq_county_check_plan_item"))
    proposal_id: Optional[str] = Field(default=None, foreign_key="proposal.id", index=True, max_length=36)
    plan_id: Optional[str] = Field(default=None, foreign_key="plan.id", index=True, max_length=36)
    item: str = Field(max_length=32)  # CountyCheckItem
    status: str = Field(default="pending", max_length=16)  # CheckStatus
    checked_on: Optional[date] = None
    note: str = ""


class ApprovedAmount(Synced, table=True):
    """What a ministry approved for a passed proposal or plan at the council's working meeting, NT$."""

    __tablename__ = "approved_amount"
    proposal_id: Optional[str] = Field(default=None, foreign_key="proposal.id", index=True, max_length=36)
    plan_id: Optional[str] = Field(default=None, foreign_key="plan.id", index=True, max_length=36)
    agency: str = Field(max_length=64)
    amount: int = 0


class ProposalComment(Synced, table=True):
    """Coaching comment on a proposal (the timeline)."""

    __tablename__ = "proposal_comment"
    proposal_id: str = Field(foreign_key="proposal.id", index=True, max_length=36)
    author: str = Field(default="", max_length=64)
    body: str = ""

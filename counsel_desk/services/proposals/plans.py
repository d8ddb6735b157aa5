"""Township plans (地方創生計畫): a township office's plan grouping several business proposals.

The council's working meeting approves plans, so a plan moves through the stages as a whole
(:func:`~counsel_desk.services.proposals.workflow.move_plan`); its money is rolled up from its
proposals. A proposal that joins a plan takes the plan's stage, recorded as a move like any other.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime

from sqlalchemy import text
from sqlmodel import Session, select

from counsel_desk.errors import UserError
from counsel_desk.models import Counselor, County, Organization, Plan, Proposal, StageChange, Township
from counsel_desk.models.enums import OrgKind, Stage
from counsel_desk.services import base
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.proposals import funding as funding_mod
from counsel_desk.services.proposals.drafts import check_proposal_place, check_title, live, name_of, resolve_organization
from counsel_desk.services.proposals.listing import PLAN_TOTALS
from counsel_desk.services.proposals.workflow import plan_proposals, record_move, to_json
from counsel_desk.services.changes import Kind, changes
from counsel_desk.store import search
from counsel_desk.store.dialects import dialect_of

ENTITY = "plan"


@dataclass
class PlanFields:
    title: str
    county_code: str
    township_code: str
    organization_name: str = ""  # the township office (公所) that files the plan
    counselor_id: str | None = None
    notes: str = ""


@dataclass(frozen=True)
class PlanProposal:
    id: str
    title: str
    applicant: str
    stage: str
    requested: int
    self_funding: int
    matching_funds: int


@dataclass
class PlanDetail:
    id: str
    title: str
    county_code: str
    county_name: str
    township_code: str
    township_name: str
    organization_name: str
    counselor_id: str | None
    counselor_name: str
    stage: str
    stage_changed_at: datetime | None
    notes: str
    proposals: list[PlanProposal] = field(default_factory=list)
    funding: funding_mod.FundingSummary | None = None  # rolled up from the proposals
    version: int = 0  # the plan's, as loaded: a save names it (update_plan)

    @property
    def place(self) -> str:
        return f"{self.county_name}{self.township_name}"

    def fields(self) -> PlanFields:
        return PlanFields(self.title, self.county_code, self.township_code, self.organization_name,
                          self.counselor_id, self.notes)


def _check(session: Session, f: PlanFields) -> PlanFields:
    title = check_title(f.title, "計畫", "plan")
    check_proposal_place(session, f.county_code, f.township_code)
    if f.counselor_id:
        live(session, Counselor, f.counselor_id, "輔導員", "counselor")
    return PlanFields(title, f.county_code, f.township_code, (f.organization_name or "").strip(),
                      f.counselor_id or None, f.notes or "")


def _reindex(session: Session, plan: Plan) -> None:
    if plan.deleted_at is not None:
        search.remove(session, plan.id)
    else:
        search.index(session, ENTITY, plan.id, plan.title, name_of(session, Organization, plan.organization_id), plan.notes)


def _apply(session: Session, ctx: ServiceContext, plan: Plan, f: PlanFields) -> None:
    org_id = resolve_organization(session, ctx, f.organization_name, OrgKind.TOWNSHIP_OFFICE.value,
                                  f.county_code, f.township_code)
    base.update(session, plan, ctx.actor, ENTITY, {
        "title": f.title, "county_code": f.county_code, "township_code": f.township_code,
        "organization_id": org_id, "counselor_id": f.counselor_id, "notes": f.notes})
    _reindex(session, plan)


@changes(Kind.PROPOSALS)
def create_plan(ctx: ServiceContext, fields: PlanFields) -> PlanDetail:
    with ctx.session_factory() as s:
        f = _check(s, fields)
        plan = Plan(center_code=ctx.center_code, title=f.title, county_code=f.county_code,
                    township_code=f.township_code, stage=Stage.IDEA.value)
        base.create(s, plan, ctx.actor, ENTITY)
        _apply(s, ctx, plan, f)
        base.create(s, StageChange(plan_id=plan.id, from_stage="", to_stage=plan.stage, comment="建立計畫",
                                   changed_at=plan.created_at, snapshot_json=to_json({"title": plan.title})),
                    ctx.actor, "stage_change")
        s.commit()
        return _detail(s, plan)


@changes(Kind.PROPOSALS)
def update_plan(ctx: ServiceContext, plan_id: str, fields: PlanFields, version: int | None = None) -> PlanDetail:
    """``version``: the one the editor loaded — a plan someone saved since is refused with a SaveConflict."""
    with ctx.session_factory() as s:
        if version is not None:
            base.load_for_update(s, Plan, plan_id)  # the row held until COMMIT on a server
        plan = live(s, Plan, plan_id, "地方創生計畫", "plan")
        f = _check(s, fields)
        base.refuse_if_saved_meanwhile(ENTITY, plan, version, asdict(f), asdict(_detail(s, plan).fields()))
        _apply(s, ctx, plan, f)
        s.commit()
        return _detail(s, plan)


@changes(Kind.PROPOSALS)
def delete_plan(ctx: ServiceContext, plan_id: str) -> None:
    """Tombstone the plan; its proposals stay, standing alone again."""
    with ctx.session_factory() as s:
        plan = live(s, Plan, plan_id, "地方創生計畫", "plan")
        for p in plan_proposals(s, plan.id):
            base.update(s, p, ctx.actor, "proposal", {"plan_id": None})
        base.soft_delete(s, plan, ctx.actor, ENTITY)
        search.remove(s, plan.id)
        s.commit()


def _last_move(session: Session, plan_id: str) -> datetime | None:
    return session.exec(select(StageChange.changed_at).where(StageChange.plan_id == plan_id,
                                                             StageChange.proposal_id.is_(None))  # type: ignore[union-attr]
                        .order_by(StageChange.changed_at.desc())).first()  # type: ignore[attr-defined]


def _detail(session: Session, plan: Plan) -> PlanDetail:
    proposals = plan_proposals(session, plan.id)
    summary = funding_mod.summary_for(session, [p.id for p in proposals],
                                      self_funding=sum(p.self_funding for p in proposals),
                                      matching_funds=sum(p.matching_funds for p in proposals))
    requested = {p.id: 0 for p in proposals}
    for line in funding_mod.live_lines(session, [p.id for p in proposals]):
        requested[line.proposal_id] += line.amount
    return PlanDetail(
        plan.id, plan.title, plan.county_code, name_of(session, County, plan.county_code), plan.township_code,
        name_of(session, Township, plan.township_code), name_of(session, Organization, plan.organization_id),
        plan.counselor_id, name_of(session, Counselor, plan.counselor_id), plan.stage, _last_move(session, plan.id), plan.notes,
        [PlanProposal(p.id, p.title, name_of(session, Organization, p.organization_id), p.stage, requested[p.id],
                      p.self_funding, p.matching_funds) for p in proposals], summary, plan.version)


def get_plan(ctx: ServiceContext, plan_id: str) -> PlanDetail:
    with ctx.session_factory() as s:
        plan = s.get(Plan, plan_id)
        if plan is None:
            raise UserError("找不到這個計畫。", "Plan not found.")
        return _detail(s, plan)


@dataclass(frozen=True)
class PlanRow:
    id: str
    title: str
    place: str
    organization: str
    stage: str
    proposals: int
    requested: int


def list_plans(ctx: ServiceContext, *, search_text: str = "", center_code: str | None = None) -> list[PlanRow]:
    """Live plans with their proposal count and requested total (one query), newest first."""
    cond, params = search.match_clause(ENTITY, search_text, "pl.id", dialect_of(ctx.session_factory))
    center_sql = "AND pl.center_code = :center" if center_code else ""
    sql = text(
        "SELECT pl.id, pl.title, c.name || t.name, COALESCE(o.name, ''), pl.stage, COALESCE(pc.n, 0), "
        " COALESCE(pf.amount, 0) "
        "FROM plan pl JOIN county c ON c.code = pl.county_code JOIN township t ON t.code = pl.township_code "
        f"LEFT JOIN organization o ON o.id = pl.organization_id {PLAN_TOTALS}"
        f"WHERE pl.deleted_at IS NULL AND {cond} {center_sql} ORDER BY pl.created_at DESC")
    with ctx.session_factory() as s:
        rows = s.connection().execute(sql, {**params, "center": center_code})
        return [PlanRow(r[0], r[1], r[2], r[3], r[4], int(r[5]), int(r[6])) for r in rows]


def assign(session: Session, ctx: ServiceContext, p: Proposal, plan_id: str | None) -> None:
    """Put ``p`` in a plan (or take it out); joining aligns its stage with the plan's, as a recorded move."""
    if plan_id == p.plan_id:
        return
    if plan_id is None:
        base.update(session, p, ctx.actor, "proposal", {"plan_id": None})
        return
    plan = live(session, Plan, plan_id, "地方創生計畫", "plan")
    base.update(session, p, ctx.actor, "proposal", {"plan_id": plan.id})
    if p.stage != plan.stage:
        record_move(session, ctx, p, plan.stage,
                    f"加入地方創生計畫「{plan.title}」，隨計畫階段調整", plan_id=plan.id)


@changes(Kind.PROPOSALS)
def set_plan(ctx: ServiceContext, proposal_id: str, plan_id: str | None) -> None:
    with ctx.session_factory() as s:
        p = live(s, Proposal, proposal_id, "提案", "proposal")
        assign(s, ctx, p, plan_id)
        s.commit()

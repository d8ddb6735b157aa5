"""Moving proposals and plans between stages: the rules, who and when, and the draft's snapshot.

Every move needs a comment (why it moved) and keeps a snapshot of the draft — applicant, sections,
funding and scores — in ``StageChange.snapshot_json``; those snapshots are the versions a person
compares later. A plan (地方創生計畫) moves as a whole: moving it moves every proposal in it, each
with its own record and snapshot, and a proposal that belongs to a plan is moved through its plan.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session, select

from counsel_desk.errors import UserError, ValidationError
from counsel_desk.models import Plan, Proposal, StageChange, utcnow
from counsel_desk.models.enums import CountyCheckItem, Criterion, Route, SectionKey, Stage
from counsel_desk.services import base
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.proposals import funding as funding_mod
from counsel_desk.services.programme.programme import Notice, Source
from counsel_desk.services.proposals.county import CheckRow, Decision, checks_in, save_decision
from counsel_desk.services.proposals import rules
from counsel_desk.services.proposals.drafts import detail_in, get_proposal, live
from counsel_desk.services.proposals.stages import NEEDS_COMPLETE, check_transition, missing_items
from counsel_desk.services.changes import Kind, changes

SNAPSHOT_SCHEMA = 1


@dataclass
class StageMove:
    """What a move did: the stage before and after, when, and every record it moved."""

    from_stage: str
    to_stage: str
    at: datetime
    proposal_ids: list[str] = field(default_factory=list)
    plan_id: str | None = None
    notices: list[Notice] = field(default_factory=list)  # rules that spoke up about this move


def snapshot_of(session: Session, p: Proposal, stage: str | None = None) -> dict:
    """The draft as it stands, in words a person reads later (names, not ids) — survives renames."""
    d = detail_in(session, p)
    return {
        "schema": SNAPSHOT_SCHEMA,
        "title": d.title,
        "stage": stage or d.stage,
        "applicant": {
            "applicant_type": d.applicant_type, "organization": d.organization_name, "county": d.county_name,
            "township": d.township_name, "route": d.route, "workstation": d.workstation_name,
            "counselor": d.counselor_name, "plan": d.plan_title, "contacts": [c.name for c in d.contacts],
        },
        "sections": {k.value: d.sections.get(k.value, "") for k in SectionKey},
        "funding": {
            "lines": [{"work_item": l.work_item_code, "roc_year": l.roc_year, "amount": l.amount} for l in d.funding],
            "self_funding": d.self_funding, "matching_funds": d.matching_funds,
        },
        "scores": {c.value: {"score": d.scores[c.value].score, "comment": d.scores[c.value].comment}
                   for c in Criterion if c.value in d.scores},
    }


def _plan_snapshot(session: Session, plan: Plan, proposals: list[Proposal], stage: str) -> dict:
    summary = funding_mod.summary_for(session, [p.id for p in proposals],
                                      self_funding=sum(p.self_funding for p in proposals),
                                      matching_funds=sum(p.matching_funds for p in proposals))
    return {"schema": SNAPSHOT_SCHEMA, "title": plan.title, "stage": stage,
            "proposals": [{"id": p.id, "title": p.title, "stage": p.stage} for p in proposals],
            "requested_total": summary.requested_total, "self_funding": summary.self_funding,
            "matching_funds": summary.matching_funds}


def to_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def record_move(session: Session, ctx: ServiceContext, p: Proposal, to_stage: str, comment: str, *,
                at: datetime | None = None, plan_id: str | None = None) -> StageChange:
    """Move ``p`` (no rule checks: callers check) and keep who, when, why and the snapshot."""
    at = at or utcnow()
    change = StageChange(proposal_id=p.id, plan_id=plan_id, from_stage=p.stage, to_stage=to_stage,
                         comment=comment, changed_at=at, snapshot_json=to_json(snapshot_of(session, p, to_stage)))
    base.create(session, change, ctx.actor, "stage_change")
    base.update(session, p, ctx.actor, "proposal", {"stage": to_stage, "stage_changed_at": at})
    return change


def record_created(session: Session, ctx: ServiceContext, p: Proposal) -> StageChange:
    """The first version: the draft as it was created (so the first move can be compared with it)."""
    change = StageChange(proposal_id=p.id, from_stage="", to_stage=p.stage, comment="建立提案",
                         changed_at=p.created_at, snapshot_json=to_json(snapshot_of(session, p)))
    base.create(session, change, ctx.actor, "stage_change")
    return change


def _require_comment(comment: str) -> str:
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError("移動階段需要一段說明：請寫下為什麼移動。",
                              "A stage move needs a comment: say why it moves.", field="comment")
    return comment


def incomplete_error(problems: list[UserError], title: str = "") -> ValidationError:
    what = f"「{title}」" if title else "此提案"
    lines = "\n".join(f"・{p.zh}" for p in problems)
    lines_en = "\n".join(f"- {p.en}" for p in problems)
    return ValidationError(f"{what}尚未完整，不能送專案辦公室。請補齊：\n{lines}",
                           f"Not complete yet, so it cannot go to the project office. Missing:\n{lines_en}",
                           field="completeness", problems=problems)


def check_completeness(ctx: ServiceContext, proposal_id: str) -> list[UserError]:
    """What the draft still lacks before 送專案辦公室 (empty when it is complete)."""
    return missing_items(get_proposal(ctx, proposal_id))


SEED = "加速推動地方創生計畫"


def _flow_notices(session: Session, to_stage: str, proposals: list[Proposal], decision: Decision | None,
                  plan: Plan | None = None) -> list[Notice]:
    """What the flow's rules say about a move (warnings: the move still happens)."""
    notices: list[Notice] = []
    if to_stage == Stage.COUNCIL:
        reviewed: list[tuple[str, list[CheckRow]]] = [(p.title, checks_in(session, p.id)) for p in proposals
                                                      if p.stage == Stage.COUNTY_REVIEW]
        if plan is not None and plan.stage == Stage.COUNTY_REVIEW:
            reviewed.insert(0, (plan.title, checks_in(session, plan.id, "plan")))
        for title, rows in reviewed:
            open_items = [CountyCheckItem(c.item).zh for c in rows if c.open]
            if open_items:
                notices.append(Notice(
                    "county_checklist_open",
                    f"「{title}」縣府審查尚有 {len(open_items)} 項未確認：{'、'.join(open_items)}。",
                    f"'{title}': {len(open_items)} county checklist items are not settled.",
                    Source(SEED, "圖 3 提案流程 2.0：縣（市）政府確認及協助處理土地使用、環保、補助款核撥、配合款編列、公有空間提供等事宜")))
    if to_stage == Stage.APPROVED and decision is None:
        notices.append(Notice("council_decision_missing",
                              "尚未記錄通過的會報工作會議（第幾次）與各部會核定金額，請補記。",
                              "The working meeting and the amounts approved per ministry are not recorded yet.",
                              Source(SEED, "肆、推動期程、經費及工作項目：經由「行政院地方創生會報」工作會議通過後動支")))
    return notices


@changes(Kind.PROPOSALS)
def move_proposal(ctx: ServiceContext, proposal_id: str, to_stage: str, comment: str, *,
                  decision: Decision | None = None) -> StageMove:
    """Move one standalone proposal along its route's flow; blocked (ValidationError listing the gaps)
    when sending it incomplete. Moving to 通過 may carry the council's decision (meeting, amounts)."""
    comment = _require_comment(comment)
    with ctx.session_factory() as s:
        p = live(s, Proposal, proposal_id, "提案", "proposal")
        if p.plan_id:
            plan = s.get(Plan, p.plan_id)
            raise UserError(f"此提案屬於地方創生計畫「{plan.title if plan else ''}」，會隨計畫一起移動：請移動整個計畫。",
                            "This proposal belongs to a plan and moves with it: move the plan.")
        check_transition(p.stage, to_stage, p.route)
        notices = _flow_notices(s, to_stage, [p], decision)
        if Stage(to_stage) in NEEDS_COMPLETE:
            detail = detail_in(s, p)
            problems = missing_items(detail)
            if problems:
                raise incomplete_error(problems)
            notices = rules.notices(detail, rules.facts(s, p.center_code)) + notices
        from_stage = p.stage
        change = record_move(s, ctx, p, to_stage, comment)
        if decision is not None and to_stage == Stage.APPROVED:
            save_decision(s, ctx, p, decision)
        s.commit()
        return StageMove(from_stage, to_stage, change.changed_at, [p.id], notices=notices)


def plan_proposals(session: Session, plan_id: str) -> list[Proposal]:
    return list(session.exec(select(Proposal).where(Proposal.plan_id == plan_id, Proposal.deleted_at.is_(None))  # type: ignore[union-attr]
                              .order_by(Proposal.created_at)))


@changes(Kind.PROPOSALS)
def move_plan(ctx: ServiceContext, plan_id: str, to_stage: str, comment: str, *,
              decision: Decision | None = None) -> StageMove:
    """Move a plan (existing route) and every proposal in it; filing it needs every proposal complete."""
    comment = _require_comment(comment)
    with ctx.session_factory() as s:
        plan = live(s, Plan, plan_id, "地方創生計畫", "plan")
        check_transition(plan.stage, to_stage, Route.EXISTING.value)
        proposals = plan_proposals(s, plan.id)
        if Stage(to_stage) in NEEDS_COMPLETE:
            problems: list[UserError] = []
            if not proposals:
                problems.append(UserError("計畫內還沒有任何事業提案", "The plan has no proposals yet", field="proposals"))
            for p in proposals:
                problems += [UserError(f"「{p.title}」：{m.zh}", f"'{p.title}': {m.en}", field=m.field)
                             for m in missing_items(detail_in(s, p))]
            if problems:
                raise incomplete_error(problems, plan.title)
        at = utcnow()
        from_stage = plan.stage
        notices = _flow_notices(s, to_stage, proposals, decision, plan)
        change = StageChange(plan_id=plan.id, from_stage=plan.stage, to_stage=to_stage, comment=comment,
                             changed_at=at, snapshot_json=to_json(_plan_snapshot(s, plan, proposals, to_stage)))
        base.create(s, change, ctx.actor, "stage_change")
        base.update(s, plan, ctx.actor, "plan", {"stage": to_stage})
        moved = []
        for p in proposals:
            if p.stage != to_stage:
                record_move(s, ctx, p, to_stage, comment, at=at, plan_id=plan.id)
                moved.append(p.id)
        if decision is not None and to_stage == Stage.APPROVED:
            save_decision(s, ctx, plan, decision)
        s.commit()
        return StageMove(from_stage, to_stage, at, moved, plan.id, notices)

"""Creating and saving a proposal's draft: the editor's all-or-nothing save over every part.

Above drafts (fields, sections, contacts), funding, coaching (scores), plans (assigning to a plan)
and workflow (the first version's snapshot), so none of those needs to import back up.
"""

from __future__ import annotations

from counsel_desk.models import Proposal
from counsel_desk.models.enums import Stage
from counsel_desk.services import base
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.proposals import funding as funding_mod
from counsel_desk.services.proposals import plans, workflow
from counsel_desk.services.proposals.coaching import save_scores
from counsel_desk.services.proposals.conflicts import parts_of, refuse_if_saved_meanwhile
from counsel_desk.services.proposals.drafts import (
    ENTITY, ProposalDetail, ProposalFields, apply_fields, check_fields, detail_in, live, reindex, save_sections,
)
from counsel_desk.services.changes import Kind, changes


@changes(Kind.PROPOSALS)
def create_proposal(ctx: ServiceContext, fields: ProposalFields, *, sections: dict[str, str] | None = None,
                    funding: dict[tuple[str, int], int] | None = None,
                    scores: dict[str, tuple[int | None, str]] | None = None) -> ProposalDetail:
    """A new proposal at 構想; its first version (a snapshot) is kept as the start of its history."""
    with ctx.session_factory() as s:
        f = check_fields(s, fields)
        p = Proposal(center_code=ctx.center_code, title=f.title, applicant_type=f.applicant_type,
                     county_code=f.county_code, township_code=f.township_code, route=f.route,
                     stage=Stage.IDEA.value, self_funding=f.self_funding, matching_funds=f.matching_funds)
        base.create(s, p, ctx.actor, ENTITY)
        apply_fields(s, ctx, p, f)
        if sections:
            save_sections(s, ctx, p.id, sections)
        if funding:
            funding_mod.save_lines(s, ctx, p.id, funding)
        if scores:
            save_scores(s, ctx, p.id, scores)
        workflow.record_created(s, ctx, p)
        if f.plan_id:
            plans.assign(s, ctx, p, f.plan_id)
        reindex(s, p)
        s.commit()
        return detail_in(s, p)


@changes(Kind.PROPOSALS)
def save_draft(ctx: ServiceContext, proposal_id: str, *, fields: ProposalFields | None = None,
               sections: dict[str, str] | None = None, funding: dict[tuple[str, int], int] | None = None,
               scores: dict[str, tuple[int | None, str]] | None = None,
               version: int | None = None) -> ProposalDetail:
    """Save what the editor shows, all or nothing. ``None`` leaves that part as it is.

    ``funding`` is the whole grid ((work item code, ROC year) → NT$); a cell left at 0 removes its line.
    ``scores`` maps a Criterion to (score 1–5 or None to clear, comment). ``version``: the one the editor
    loaded — a proposal someone saved since is refused with a SaveConflict (services/proposals/conflicts.py).
    """
    with ctx.session_factory() as s:
        if version is not None:
            base.load_for_update(s, Proposal, proposal_id)  # the row held until COMMIT on a server
        p = live(s, Proposal, proposal_id, "提案", "proposal")
        refuse_if_saved_meanwhile(s, p, version, fields, sections, funding, scores)
        before, version_before = parts_of(s, p.id), p.version
        if fields is not None:
            f = check_fields(s, fields)
            apply_fields(s, ctx, p, f)
            if f.plan_id != p.plan_id:
                plans.assign(s, ctx, p, f.plan_id)
        if sections is not None:
            save_sections(s, ctx, p.id, sections)
        if funding is not None:
            funding_mod.save_lines(s, ctx, p.id, funding)
        if scores is not None:
            save_scores(s, ctx, p.id, scores)
        if p.version == version_before and parts_of(s, p.id) != before:  # a colleague's editor must see it
            base.stamp_change(p, ctx.actor)
            s.add(p)
        reindex(s, p)
        s.commit()
        return detail_in(s, p)

"""Coaching a proposal: scores on the three criteria and the comments timeline.

The plan asks a proposal to balance 在地性 (locality), 公共性 (public benefit) and 適當商業模式 (a
sound business model); the counselor scores each 1–5 with a comment. Coaching comments and stage
moves together form the proposal's timeline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from counsel_desk.errors import UserError, ValidationError
from counsel_desk.models import Proposal, ProposalComment, ProposalScore, StageChange
from counsel_desk.models.enums import Criterion
from counsel_desk.services import base
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.changes import Kind, changes

SCORE_MIN, SCORE_MAX = 1, 5


@dataclass(frozen=True)
class ScoreEntry:
    score: int
    comment: str = ""


def live_scores(session: Session, proposal_id: str) -> dict[str, ScoreEntry]:
    rows = session.exec(select(ProposalScore).where(ProposalScore.proposal_id == proposal_id,
                                                    ProposalScore.deleted_at.is_(None)))  # type: ignore[union-attr]
    return {r.criterion: ScoreEntry(r.score, r.comment) for r in rows}


def check_score(criterion: str, score: int | None) -> None:
    try:
        crit = Criterion(criterion)
    except ValueError:
        raise ValidationError(f"不明的評分項目「{criterion}」。", f"Unknown criterion '{criterion}'.") from None
    if score is None:
        return
    if isinstance(score, bool) or not isinstance(score, int) or not SCORE_MIN <= score <= SCORE_MAX:
        raise ValidationError(f"「{crit.zh}」的分數須為 {SCORE_MIN} 到 {SCORE_MAX} 的整數（收到 {score}）。",
                              f"The score for '{crit.en}' must be a whole number from {SCORE_MIN} to {SCORE_MAX}.",
                              field=f"score:{crit.value}")


def save_scores(session: Session, ctx: ServiceContext, proposal_id: str,
                scores: dict[str, tuple[int | None, str]]) -> None:
    """Set (score, comment) per criterion; a None score clears that criterion (its row is tombstoned)."""
    for crit, (score, _comment) in scores.items():
        check_score(crit, score)
    rows = {r.criterion: r for r in session.exec(select(ProposalScore).where(ProposalScore.proposal_id == proposal_id))}
    for crit, (score, comment) in scores.items():
        comment = (comment or "").strip()
        row = rows.get(crit)
        if score is None:
            if row is not None:
                base.soft_delete(session, row, ctx.actor, "proposal_score")
            continue
        if row is None:
            base.create(session, ProposalScore(proposal_id=proposal_id, criterion=crit, score=score, comment=comment),
                        ctx.actor, "proposal_score")
        else:
            if row.deleted_at is not None:
                base.undelete(session, row, ctx.actor, "proposal_score")
            base.update(session, row, ctx.actor, "proposal_score", {"score": score, "comment": comment})


@changes(Kind.PROPOSALS)
def set_score(ctx: ServiceContext, proposal_id: str, criterion: str, score: int | None, comment: str = "") -> None:
    with ctx.session_factory() as s:
        _live_proposal(s, proposal_id)
        save_scores(s, ctx, proposal_id, {criterion: (score, comment)})
        s.commit()


def _live_proposal(session: Session, proposal_id: str) -> Proposal:
    p = session.get(Proposal, proposal_id)
    if p is None or p.deleted_at is not None:
        raise UserError("找不到這件提案（可能已刪除）。", "Proposal not found (deleted?).")
    return p


# --- comments and the timeline -------------------------------------------------------------------
@dataclass(frozen=True)
class TimelineEntry:
    kind: str  # "comment" or "stage"
    id: str
    at: datetime  # UTC
    who: str
    text: str
    from_stage: str = ""
    to_stage: str = ""


@changes(Kind.PROPOSALS)
def add_comment(ctx: ServiceContext, proposal_id: str, body: str) -> TimelineEntry:
    body = (body or "").strip()
    if not body:
        raise ValidationError("請先寫下輔導意見。", "Please write the comment first.", field="comment")
    with ctx.session_factory() as s:
        _live_proposal(s, proposal_id)
        c = ProposalComment(proposal_id=proposal_id, author=ctx.actor[:64], body=body)
        base.create(s, c, ctx.actor, "proposal_comment")
        s.commit()
        return TimelineEntry("comment", c.id, c.created_at, c.author, c.body)


@changes(Kind.PROPOSALS)
def delete_comment(ctx: ServiceContext, comment_id: str) -> None:
    with ctx.session_factory() as s:
        c = s.get(ProposalComment, comment_id)
        if c is not None:
            base.soft_delete(s, c, ctx.actor, "proposal_comment")
            s.commit()


def timeline(ctx: ServiceContext, proposal_id: str) -> list[TimelineEntry]:
    """Coaching comments and stage moves, newest first."""
    with ctx.session_factory() as s:
        entries = [TimelineEntry("comment", c.id, c.created_at, c.author, c.body) for c in s.exec(
            select(ProposalComment).where(ProposalComment.proposal_id == proposal_id,
                                          ProposalComment.deleted_at.is_(None)))]  # type: ignore[union-attr]
        entries += [TimelineEntry("stage", c.id, c.changed_at, c.updated_by, c.comment, c.from_stage, c.to_stage)
                    for c in s.exec(select(StageChange).where(StageChange.proposal_id == proposal_id,
                                                              StageChange.deleted_at.is_(None)))]  # type: ignore[union-attr]
    return sorted(entries, key=lambda e: e.at, reverse=True)

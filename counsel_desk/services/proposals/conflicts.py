"""A proposal saved by someone else while she edited it: both values of each differing part, for her to decide.

The editor saves the whole draft with the proposal's version it loaded (``save_draft(…, version=)``). When the
stored proposal has a newer version (a colleague on the shared server, a sync import), nothing is written:
:func:`refuse_if_saved_meanwhile` raises :class:`~counsel_desk.services.base.SaveConflict` naming each field
(``title``, ``county_code``…), each section (``section:<key>``), ``funding`` and ``scores`` whose values differ
— funding and scores each as one field, their lines as text. A save that changes only sections, funding or
scores still raises the proposal's version (:func:`parts_of` before and after), so such a change is seen too.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any, Mapping

from sqlmodel import Session

from counsel_desk.models import Proposal
from counsel_desk.services import base
from counsel_desk.services.proposals import funding as funding_mod
from counsel_desk.services.proposals.coaching import live_scores
from counsel_desk.services.proposals.drafts import ENTITY, ProposalFields, detail_in, sections_of


def _funding_lines(grid: dict[tuple[str, int], int]) -> list[str]:
    return sorted(f"{code} {year}: {amount:,}" for (code, year), amount in grid.items() if amount)


def _score_lines(scores: Mapping[str, tuple[int | None, str]]) -> list[str]:
    return sorted(f"{crit}: {score if score is not None else '—'} {comment}".strip()
                  for crit, (score, comment) in scores.items() if score is not None or comment)


def parts_of(session: Session, proposal_id: str) -> tuple[dict[str, str], list[str], list[str]]:
    """Sections, funding and scores as stored (to see whether a save changed any of them)."""
    grid: dict[tuple[str, int], int] = {}
    for line in funding_mod.live_lines(session, [proposal_id]):
        grid[(line.work_item_code, line.roc_year)] = grid.get((line.work_item_code, line.roc_year), 0) + line.amount
    scores = {c: (e.score, e.comment) for c, e in live_scores(session, proposal_id).items()}
    return sections_of(session, proposal_id), _funding_lines(grid), _score_lines(scores)


def refuse_if_saved_meanwhile(session: Session, p: Proposal, version: int | None, fields: ProposalFields | None,
                              sections: dict[str, str] | None, funding: dict[tuple[str, int], int] | None,
                              scores: dict[str, tuple[int | None, str]] | None) -> None:
    if version is None or p.version == version:
        return
    stored_sections, stored_funding, stored_scores = parts_of(session, p.id)
    mine: dict[str, Any] = {}
    theirs: dict[str, Any] = {}
    if fields is not None:
        mine.update(asdict(fields))
        theirs.update(asdict(detail_in(session, p).fields()))
    for key, body in (sections or {}).items():
        mine[f"section:{key}"] = (body or "").rstrip()
        theirs[f"section:{key}"] = stored_sections.get(key, "")
    if funding is not None:
        mine["funding"], theirs["funding"] = _funding_lines(funding), stored_funding
    if scores is not None:
        mine["scores"], theirs["scores"] = _score_lines(scores), stored_scores
    base.refuse_if_saved_meanwhile(ENTITY, p, version, mine, theirs)

"""Public spaces (活化公有空間): public buildings refitted as meeting and working space for local teams.

A space has its site, owning agency, place, subsidy and the ROC year it was approved — capped by the
plan in force that year (NT$5,000,000 in the seed's years; a year whose plan does not publish a cap
is not refused), status (規劃/整修中/營運中)
and the team operating it. Entering 整修中 or 營運中 dates the status (``renovating_since``,
``operating_since``: today unless given), so reports count a space's status as of a period's end. Proposals are linked to a space by setting ``Proposal.public_space_id``
(through ``services.base.update`` so the proposal's history shows it); site visits name the space
they were made to in ``SiteVisit.public_space_id``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import text

from counsel_desk.errors import ValidationError
from counsel_desk.models import Proposal, PublicSpace, utcnow
from counsel_desk.models.enums import PublicSpaceStatus, Stage
from counsel_desk.services import base
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.formatting import roc_year
from counsel_desk.services.period import taiwan_day
from counsel_desk.services.places.places import check_place
from counsel_desk.services.programme.program_base import RecordKind, live, one_of, required_text
from counsel_desk.services.workstations.workstation_budgets import check_roc_year
from counsel_desk.services.workstations.workstation_rules import PUBLIC_SPACE_CAP, check_cap
from counsel_desk.store import programmes as programmes_store
from counsel_desk.store import search
from counsel_desk.services.changes import Kind, changes

ENTITY = "public_space"
FIELDS = ("name", "address", "owning_agency", "county_code", "township_code", "subsidy", "year_approved", "status",
          "operating_team", "notes", "renovating_since", "operating_since")
# The day a space entered each status, so reports read its status as of a period's end (docs/reports.md).
SINCE = {PublicSpaceStatus.RENOVATING.value: "renovating_since", PublicSpaceStatus.OPERATING.value: "operating_since"}


@dataclass(frozen=True)
class ProposalRef:
    """A proposal as a space shows it: title, place and stage."""

    id: str
    title: str
    place: str
    stage: str  # label
    space_id: str | None = None


def _validate(session, space: PublicSpace) -> None:
    space.name = required_text(space.name, "name", "空間名稱", "Space name", 128)
    space.address = (space.address or "").strip()
    space.owning_agency = (space.owning_agency or "").strip()
    space.operating_team = (space.operating_team or "").strip()
    space.status = one_of(space.status, PublicSpaceStatus, "status", "狀態", "status")
    space.year_approved = check_roc_year(space.year_approved, "year_approved") if space.year_approved else None
    # the cap of the plan in force in the year approved (else the year the record was made)
    year = space.year_approved or roc_year(space.created_at.date() if space.created_at else date.today())
    space.subsidy, _notices = check_cap(programmes_store.loaded(session.connection()), PUBLIC_SPACE_CAP, year,
                                        space.subsidy, "subsidy", "公有空間補助款", "The public space's subsidy")
    check_place(session, space.county_code, space.township_code)
    _date_status(session, space)


def _date_status(session, space: PublicSpace) -> None:
    """A status entered now is dated today, unless its day was given with it (營運開始日 in the form or file)."""
    stored = session.get(PublicSpace, space.id) if space.id else None
    field = SINCE.get(space.status)
    if field is None or (stored is not None and stored.status == space.status):
        return
    given = getattr(space, field)
    if given is None or (stored is not None and given == getattr(stored, field)):
        setattr(space, field, taiwan_day(utcnow()))
    if getattr(space, field) > taiwan_day(utcnow()):
        raise ValidationError("狀態開始日不可晚於今天。", "A status cannot start after today.", field=field)


def _index(session, space: PublicSpace) -> None:
    search.index(session, ENTITY, space.id, space.name, space.address, space.owning_agency, space.operating_team,
                 space.notes)


KIND = RecordKind(PublicSpace, ENTITY, FIELDS, "公有空間", "public space", _validate, _index)


def get_space(ctx: ServiceContext, space_id: str) -> PublicSpace:
    return KIND.get(ctx, space_id)


@changes(Kind.PUBLIC_SPACES)
def create_space(ctx: ServiceContext, fields: dict[str, Any]) -> PublicSpace:
    return KIND.create(ctx, fields, center_code=ctx.center_code)


@changes(Kind.PUBLIC_SPACES)
def update_space(ctx: ServiceContext, space_id: str, changes: dict[str, Any], version: int | None = None) -> PublicSpace:
    """``version``: the one the editor loaded — a record saved by someone since is refused (SaveConflict)."""
    return KIND.update(ctx, space_id, changes, version)


@changes(Kind.PUBLIC_SPACES)
def delete_space(ctx: ServiceContext, space_id: str) -> None:
    """Tombstone the space; its proposals keep the link so an undelete restores everything."""
    KIND.delete(ctx, space_id)


# --- proposals ------------------------------------------------------------------------------------
def _refs(conn, where: str, params: dict, limit: int) -> list[ProposalRef]:
    rows = conn.execute(text(
        "SELECT p.id, p.title, p.stage, p.public_space_id, c.name, tw.name FROM proposal p "
        "LEFT JOIN county c ON c.code = p.county_code LEFT JOIN township tw ON tw.code = p.township_code "
        f"WHERE p.deleted_at IS NULL AND {where} ORDER BY p.title LIMIT :lim"), {**params, "lim": limit})
    out = []
    for pid, title, stage, space_id, county, town in rows:
        out.append(ProposalRef(pid, title, " ".join(x for x in (county, town) if x), Stage.label_of(stage),
                               space_id))
    return out


def linked_proposals(ctx: ServiceContext, space_id: str) -> list[ProposalRef]:
    with ctx.session_factory() as s:
        return _refs(s.connection(), "p.public_space_id = :s", {"s": space_id}, 1000)


def proposal_candidates(ctx: ServiceContext, query: str = "", limit: int = 200) -> list[ProposalRef]:
    """Proposals not yet linked to any space, whose title or place contains ``query``."""
    words = [w for w in (query or "").split() if w]
    conds = ["p.public_space_id IS NULL"]
    params: dict[str, Any] = {}
    for n, w in enumerate(words):
        params[f"w{n}"] = w.lower()
        conds.append(f"(instr(lower(p.title), :w{n}) > 0 OR instr(COALESCE(c.name, '') || COALESCE(tw.name, ''), "
                     f":w{n}) > 0)")
    with ctx.session_factory() as s:
        return _refs(s.connection(), " AND ".join(conds), params, limit)


@changes(Kind.PUBLIC_SPACES, Kind.PROPOSALS)
def link_proposal(ctx: ServiceContext, space_id: str, proposal_id: str) -> None:
    with ctx.session_factory() as s:
        space = live(s, PublicSpace, space_id, "公有空間", "public space")
        proposal = live(s, Proposal, proposal_id, "事業提案", "proposal")
        if proposal.public_space_id and proposal.public_space_id != space.id:
            other = s.get(PublicSpace, proposal.public_space_id)
            if other is not None and other.deleted_at is None:
                raise ValidationError(f"提案「{proposal.title}」已連結到公有空間「{other.name}」，請先取消該連結。",
                                      f"The proposal is already linked to '{other.name}'.", field="proposal_id")
        base.update(s, proposal, ctx.actor, "proposal", {"public_space_id": space.id})
        s.commit()


@changes(Kind.PUBLIC_SPACES, Kind.PROPOSALS)
def unlink_proposal(ctx: ServiceContext, proposal_id: str) -> None:
    with ctx.session_factory() as s:
        proposal = live(s, Proposal, proposal_id, "事業提案", "proposal")
        base.update(s, proposal, ctx.actor, "proposal", {"public_space_id": None})
        s.commit()


def visit_count(ctx: ServiceContext, space_id: str) -> int:
    """Site visits made to the space."""
    with ctx.session_factory() as s:
        return s.connection().execute(text(
            "SELECT COUNT(*) FROM site_visit WHERE public_space_id=:s AND deleted_at IS NULL"), {"s": space_id}
        ).scalar_one()

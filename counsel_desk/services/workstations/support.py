"""Support records (輔導紀錄): what a center did for a workstation or a youth team, by whom, and for how long.

Support given directly to a youth team that has no workstation has no workstation: the record is
linked to the team (``youth_team_support``, written here in the same transaction). A record has a
date, the workstation (or the team), a type (諮詢, 培訓課程, 資源媒合, 提案輔導, 活動, 訪視), hours,
participants (人次), topics, outcome and the counselors who gave it; it may belong to a site visit
(the support given on that visit) or to a proposal the station is coached on. The counselors are
a link table, so their changes are audited on the record itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlmodel import select

from counsel_desk.errors import ValidationError
from counsel_desk.models import Counselor, Proposal, SiteVisit, SupportCounselor, SupportRecord, Workstation, YouthTeam
from counsel_desk.models.enums import SupportKind
from counsel_desk.services import base
from counsel_desk.services.outcomes import youth_teams
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.formatting import shown_date
from counsel_desk.services.people.people import PeopleService
from counsel_desk.services.programme.program_base import RecordKind, live, non_negative, one_of
from counsel_desk.store import audit, search
from counsel_desk.services.changes import Kind, changes
from counsel_desk.services.days import check_day

ENTITY = "support_record"
FIELDS = ("workstation_id", "support_date", "kind", "hours", "participants", "topics", "outcome", "visit_id",
          "proposal_id")
MAX_HOURS = 24.0 * 7  # a week-long course is the longest support one record describes


@dataclass(frozen=True)
class SupportRecordView:
    record: SupportRecord
    counselor_ids: list[str]
    workstation_name: str
    visit_label: str
    proposal_title: str
    team_ids: tuple[str, ...] = ()  # youth teams it is linked to; with no workstation, whom it was given to


def counselors(ctx: ServiceContext, include_ids: list[str] | None = None) -> list[tuple[str, str]]:
    """(id, name) of the center's active counselors, plus any ``include_ids`` already on a record."""
    return [(p.id, p.name) for p in PeopleService(ctx).counselors(include=list(include_ids or []))]


def station_choices(ctx: ServiceContext, include_id: str | None = None) -> list[tuple[str, str]]:
    """(id, name) of live stations, with ``include_id`` even when it was deleted since."""
    with ctx.session_factory() as s:
        rows = s.exec(select(Workstation.id, Workstation.name, Workstation.deleted_at)
                      .order_by(Workstation.name)).all()
    return [(i, n) for i, n, deleted in rows if deleted is None or i == include_id]


def proposal_choices(ctx: ServiceContext, workstation_id: str | None) -> list[tuple[str, str]]:
    """(id, title) of the proposals a station assisted, for linking a record to one."""
    if not workstation_id:
        return []
    with ctx.session_factory() as s:
        return [tuple(r) for r in s.exec(select(Proposal.id, Proposal.title).where(
            Proposal.workstation_id == workstation_id, Proposal.deleted_at.is_(None)).order_by(Proposal.title)).all()]


def visit_label(session, visit_id: str | None) -> str:
    if not visit_id:
        return ""
    visit = session.get(SiteVisit, visit_id)
    if visit is None:
        return ""
    who = visit.visited_name or visit.purpose
    return f"{shown_date(visit.visit_date)} {who}".strip()


def defaults_from_visit(ctx: ServiceContext, visit_id: str) -> dict[str, Any]:
    """What a support record made on a visit starts with: its date, station and counselors."""
    with ctx.session_factory() as s:
        visit = live(s, SiteVisit, visit_id, "實地訪視", "site visit")
        ids = [r[0] for r in s.connection().execute(
            text("SELECT counselor_id FROM visit_counselor WHERE visit_id=:v"), {"v": visit_id})]
        return {"support_date": visit.visit_date, "workstation_id": visit.workstation_id,
                "kind": SupportKind.VISIT.value, "topics": visit.purpose, "outcome": visit.advice,
                "visit_id": visit.id, "counselor_ids": ids}


def _validate(session, rec: SupportRecord, team_id: str | None = None) -> None:
    """``team_id``: the youth team the record is being given to (needed when it has no workstation)."""
    if not isinstance(rec.support_date, date):
        raise ValidationError("請填寫輔導日期。", "The support date is required.", field="support_date")
    check_day(rec.support_date, "support_date", "輔導日期", "support date")
    if rec.workstation_id:
        live(session, Workstation, rec.workstation_id, "工作站", "workstation")
    else:
        rec.workstation_id = None
        if team_id:
            live(session, YouthTeam, team_id, "青年團隊", "youth team")
        elif not (rec.id and youth_teams.direct_teams(session, rec.id)):
            raise ValidationError("請選擇工作站或青年團隊。", "Choose a workstation or a youth team.",
                                  field="workstation_id")
    rec.kind = one_of(rec.kind, SupportKind, "kind", "輔導類型", "support type")
    try:
        hours = float(rec.hours or 0)
    except (TypeError, ValueError):
        raise ValidationError("輔導時數必須是數字。", "Hours must be a number.", field="hours") from None
    if hours <= 0 or hours > MAX_HOURS:
        raise ValidationError(f"輔導時數 {hours:g} 不合理：請填大於 0、至多 {MAX_HOURS:g} 小時。",
                              f"Hours {hours:g} must be above 0 and at most {MAX_HOURS:g}.", field="hours")
    rec.hours = hours
    rec.participants = non_negative(rec.participants, "participants", "參與人次", "Participants")
    rec.topics = (rec.topics or "").strip()
    rec.outcome = (rec.outcome or "").strip()
    if not rec.topics:
        raise ValidationError("請填寫輔導主題。", "Topics are required.", field="topics")
    if rec.visit_id:
        live(session, SiteVisit, rec.visit_id, "實地訪視", "site visit")
    else:
        rec.visit_id = None
    if rec.proposal_id:
        live(session, Proposal, rec.proposal_id, "事業提案", "proposal")
    else:
        rec.proposal_id = None


def _counselor_names(session, ids: list[str]) -> list[str]:
    if not ids:
        return []
    return list(session.exec(select(Counselor.name).where(Counselor.id.in_(ids)).order_by(Counselor.name)).all())


def _counselor_ids(session, record_id: str) -> list[str]:
    return [r[0] for r in session.connection().execute(
        text("SELECT counselor_id FROM support_counselor WHERE support_id=:r"), {"r": record_id})]


def _recipient_name(session, rec: SupportRecord) -> str:
    """The workstation's name, or the names of the youth teams the record was given to directly."""
    if rec.workstation_id:
        station = session.get(Workstation, rec.workstation_id)
        return station.name if station else ""
    return "、".join(t.name for t in (session.get(YouthTeam, i) for i in youth_teams.direct_teams(session, rec.id)) if t)


def _index(session, rec: SupportRecord) -> None:
    kind = SupportKind(rec.kind)
    search.index(session, ENTITY, rec.id, _recipient_name(session, rec), kind.zh, rec.topics, rec.outcome,
                 " ".join(_counselor_names(session, _counselor_ids(session, rec.id))))


KIND = RecordKind(SupportRecord, ENTITY, FIELDS, "輔導紀錄", "support record", _validate, _index)


def _set_counselors(session, rec: SupportRecord, counselor_ids: list[str], actor: str, *, is_new: bool) -> None:
    wanted = list(dict.fromkeys(counselor_ids))
    known = set(session.exec(select(Counselor.id).where(Counselor.id.in_(wanted))).all()) if wanted else set()
    missing = [c for c in wanted if c not in known]
    if missing:
        raise ValidationError("找不到所選的輔導員。", "A chosen counselor does not exist.", field="counselor_ids")
    current = [ln.counselor_id for ln in session.exec(select(SupportCounselor).where(
        SupportCounselor.support_id == rec.id)).all()]
    if sorted(current) == sorted(wanted):
        return
    for link in session.exec(select(SupportCounselor).where(SupportCounselor.support_id == rec.id)).all():
        if link.counselor_id not in wanted:
            session.delete(link)
    for cid in wanted:
        if cid not in current:
            session.add(SupportCounselor(support_id=rec.id, counselor_id=cid))
    if not is_new:
        # the links travel inside the record's row, so a change of counselors is a change of the record
        base.stamp_change(rec, actor)
        session.add(rec)
    session.flush()
    audit.record(session, actor, "update", ENTITY, rec.id, {"counselor_ids": [sorted(current), sorted(wanted)]})


@changes(Kind.SUPPORT_RECORDS, Kind.YOUTH_TEAMS)  # given to a team: linked in the team's row
def create_support_record(ctx: ServiceContext, fields: dict[str, Any], counselor_ids: list[str] | None = None,
                          *, youth_team_id: str | None = None) -> SupportRecord:
    """A new record; ``youth_team_id``: support given directly to that team (then no workstation is needed)."""
    KIND.check_fields(fields)
    ids = list(counselor_ids or [])
    with ctx.session_factory() as s:
        rec = SupportRecord(center_code=ctx.center_code, **fields)
        _validate(s, rec, youth_team_id)
        if not ids:
            raise ValidationError("請至少選一位輔導員。", "Choose at least one counselor.", field="counselor_ids")
        base.create(s, rec, ctx.actor, ENTITY)
        _set_counselors(s, rec, ids, ctx.actor, is_new=True)
        if youth_team_id:
            youth_teams.link_in(s, ctx.actor, youth_team_id, "support", rec.id)
        _index(s, rec)
        s.commit()
        return rec


@changes(Kind.SUPPORT_RECORDS, Kind.YOUTH_TEAMS)  # given to another team: linked in the teams' rows
def update_support_record(ctx: ServiceContext, record_id: str, changes: dict[str, Any],
                          counselor_ids: list[str] | None = None, version: int | None = None, *,
                          youth_team_id: str | None = None) -> SupportRecord:
    """Save ``changes`` (and the counselors); with the ``version`` the editor loaded, a record someone saved since
    is refused with a SaveConflict instead of being overwritten. ``youth_team_id`` (with no workstation): the team
    it is given to, linked if it was not."""
    KIND.check_fields(changes)
    with ctx.session_factory() as s:
        rec = live(s, SupportRecord, record_id, "輔導紀錄", "support record", for_update=version is not None)
        probe = SupportRecord(**{**rec.model_dump(), **changes})
        _validate(s, probe, youth_team_id)
        if counselor_ids is not None and not counselor_ids:
            raise ValidationError("請至少選一位輔導員。", "Choose at least one counselor.", field="counselor_ids")
        mine = {k: getattr(probe, k) for k in changes}
        theirs = {k: getattr(rec, k) for k in changes}
        if counselor_ids is not None:
            mine["counselor_ids"], theirs["counselor_ids"] = sorted(counselor_ids), sorted(_counselor_ids(s, rec.id))
        base.refuse_if_saved_meanwhile(ENTITY, rec, version, mine, theirs)
        base.update(s, rec, ctx.actor, ENTITY, {k: getattr(probe, k) for k in FIELDS})
        if counselor_ids is not None:
            _set_counselors(s, rec, counselor_ids, ctx.actor, is_new=False)
        if youth_team_id and not rec.workstation_id:
            # given to another team now: linked to it first, then the team it was given to lets it go
            youth_teams.link_in(s, ctx.actor, youth_team_id, "support", rec.id)
            for other in youth_teams.direct_teams(s, rec.id):
                if other != youth_team_id:
                    youth_teams.link_in(s, ctx.actor, other, "support", rec.id, linked=False)
        _index(s, rec)
        s.commit()
        return rec


@changes(Kind.SUPPORT_RECORDS)
def delete_support_record(ctx: ServiceContext, record_id: str) -> None:
    KIND.delete(ctx, record_id)


def get_support_record(ctx: ServiceContext, record_id: str) -> SupportRecordView:
    with ctx.session_factory() as s:
        rec = live(s, SupportRecord, record_id, "輔導紀錄", "support record")
        ids = _counselor_ids(s, rec.id)
        station = s.get(Workstation, rec.workstation_id) if rec.workstation_id else None
        proposal = s.get(Proposal, rec.proposal_id) if rec.proposal_id else None
        return SupportRecordView(rec, ids, station.name if station else "", visit_label(s, rec.visit_id),
                                 proposal.title if proposal else "", tuple(youth_teams.direct_teams(s, rec.id)))


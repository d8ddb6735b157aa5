"""Youth workstations (地方創生青年培力工作站): the registry, contact people, figures and timeline.

A workstation is registered with its operator, host, team, place, year approved, 12-month term and
its eligibility facts (host's age and years on site, partners aged 20–45, full-time staff), which
:func:`station_notices` checks as warnings against the plan in force, with the station's county
against its center's counties; after a good 評鑑 the term is extended by a year (延續補助,
:func:`extend_term`); the budgets per ROC year and the personnel-cost rule live in
:mod:`counsel_desk.services.workstations.workstation_budgets` (re-exported here). The station's figures
(support sessions and hours, participants, proposals assisted, young people who stayed or came
back) and its timeline of visits, support records and proposals are read for the workstation page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import text
from sqlmodel import select

from counsel_desk.errors import ValidationError
from counsel_desk.i18n import pick
from counsel_desk.models import Contact, Workstation, WorkstationContact
from counsel_desk.models import WorkstationBudget
from counsel_desk.models.enums import OperatorKind, Stage, SupportKind, VisitMode, WorkstationStatus
from counsel_desk.services import base
from counsel_desk.services.programme import center_split
from counsel_desk.services.workstations import workstation_rules
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.formatting import hours_text
from counsel_desk.services.period import add_months
from counsel_desk.services.formatting import roc_year as roc_year_of
from counsel_desk.services.programme.programme import Notice
from counsel_desk.services.places.places import check_place, place_label
from counsel_desk.services.programme.program_base import (
    RecordKind, live, non_negative, one_of, required_text,
)
from counsel_desk.services.workstations.workstation_budgets import (  # noqa: F401 — one import place for the UI
    BudgetCheck, BudgetLineFigures, BudgetProgress, BudgetView, budget_for_year, budgets, check_personnel,
    check_roc_year, delete_budget, record_evaluation, save_budget,
)
from counsel_desk.store import audit, search
from counsel_desk.store import programmes as programmes_store
from counsel_desk.services.changes import Kind, changes

ENTITY = "workstation"
FIELDS = ("name", "operator_name", "operator_kind", "organization_id", "host_name", "team_size", "fulltime_staff",
          "county_code", "township_code", "year_approved", "term_start", "term_end", "status", "notes",
          "host_age", "host_years_on_site", "young_partners")
TERM_MONTHS = 12


def term_end_for(start: date) -> date:
    """A 12-month term starting on ``start`` ends the day before the same date a year later."""
    return add_months(start, TERM_MONTHS) - timedelta(days=1)


# --- registry -------------------------------------------------------------------------------------
def _validate(session, ws: Workstation) -> None:
    ws.name = required_text(ws.name, "name", "工作站名稱", "Workstation name", 128)
    ws.operator_name = (ws.operator_name or "").strip()
    ws.host_name = (ws.host_name or "").strip()
    ws.operator_kind = one_of(ws.operator_kind, OperatorKind, "operator_kind", "營運單位類型", "operator kind")
    ws.status = one_of(ws.status, WorkstationStatus, "status", "狀態", "status")
    ws.team_size = non_negative(ws.team_size, "team_size", "團隊人數", "Team size")
    ws.fulltime_staff = non_negative(ws.fulltime_staff, "fulltime_staff", "專職人員數", "Full-time staff")
    if ws.team_size and ws.fulltime_staff > ws.team_size:
        raise ValidationError(f"專職人員 {ws.fulltime_staff} 人多於團隊人數 {ws.team_size} 人。",
                              "Full-time staff cannot outnumber the team.", field="fulltime_staff")
    for key, zh, en in (("host_age", "駐點負責人年齡", "Host's age"),
                        ("host_years_on_site", "在地蹲點年數", "Years on site"),
                        ("young_partners", "20–45 歲夥伴人數", "Partners aged 20–45")):
        value = getattr(ws, key)
        setattr(ws, key, None if value in (None, "") else non_negative(value, key, zh, en))
    if ws.young_partners and ws.team_size and ws.young_partners > ws.team_size:
        raise ValidationError(f"20–45 歲夥伴 {ws.young_partners} 人多於團隊人數 {ws.team_size} 人。",
                              "Partners aged 20–45 cannot outnumber the team.", field="young_partners")
    ws.year_approved = check_roc_year(ws.year_approved, "year_approved") if ws.year_approved else 0
    check_place(session, ws.county_code, ws.township_code)
    if ws.term_start and not ws.term_end:
        ws.term_end = term_end_for(ws.term_start)
    if ws.term_start and ws.term_end and ws.term_end < ws.term_start:
        raise ValidationError("期程結束日早於開始日。", "The term ends before it starts.", field="term_end")
    clash = session.exec(select(Workstation.id).where(Workstation.name == ws.name, Workstation.id != ws.id,
                                                      Workstation.deleted_at.is_(None))).first()
    if clash:
        raise ValidationError(f"已有名為「{ws.name}」的工作站。", f"A workstation named '{ws.name}' exists.",
                              field="name")


def _index(session, ws: Workstation) -> None:
    search.index(session, ENTITY, ws.id, ws.name, ws.operator_name, ws.host_name,
                 place_label(session, ws.county_code, ws.township_code), ws.notes)


KIND = RecordKind(Workstation, ENTITY, FIELDS, "工作站", "workstation", _validate, _index)


def get_workstation(ctx: ServiceContext, workstation_id: str) -> Workstation:
    return KIND.get(ctx, workstation_id)


@changes(Kind.WORKSTATIONS)
def create_workstation(ctx: ServiceContext, fields: dict[str, Any]) -> Workstation:
    return KIND.create(ctx, fields, center_code=ctx.center_code)


@changes(Kind.WORKSTATIONS)
def update_workstation(ctx: ServiceContext, workstation_id: str, changes: dict[str, Any], version: int | None = None) -> Workstation:
    """``version``: the one the editor loaded — a record saved by someone since is refused (SaveConflict)."""
    return KIND.update(ctx, workstation_id, changes, version)


def station_notices(ctx: ServiceContext, ws: Workstation) -> list[Notice]:
    """What the rules have to say about a station as recorded (warnings with their source, never refusals):
    its county outside its center's counties, a term longer than the plan's, an eligibility fact not met."""
    with ctx.session_factory() as s:
        conn = s.connection()
        plans = programmes_store.loaded(conn)
        out: list[Notice] = []
        outside = center_split.outside_center_notice(conn, ws.center_code, ws.county_code, "工作站所在的", "The station's county")
        if outside is not None:
            out.append(outside)
    year = ws.year_approved or roc_year_of(ws.term_start or date.today())
    out += workstation_rules.term_notices(plans, ws.term_start, ws.term_end)
    facts = workstation_rules.StationFacts(year, ws.host_age, ws.host_years_on_site, ws.team_size, ws.young_partners,
                                           ws.fulltime_staff)
    unjudged = workstation_rules.eligibility_unjudged(plans, facts)
    return out + ([unjudged] if unjudged is not None else workstation_rules.eligibility_notices(plans, facts))


@changes(Kind.WORKSTATIONS)
def extend_term(ctx: ServiceContext, workstation_id: str) -> Workstation:
    """延續補助: one more 12-month term from the day after the current one ends — only after the last
    budget year of the term was evaluated (評鑑) good; otherwise refused with the reason."""
    ws = get_workstation(ctx, workstation_id)
    if ws.term_end is None:
        raise ValidationError("尚未設定期程，無法延續補助：請先填寫期程開始日。",
                              "Set the term first; there is nothing to extend.", field="term_start")
    last_year = roc_year_of(ws.term_end)
    with ctx.session_factory() as s:
        row = s.exec(select(WorkstationBudget.roc_year, WorkstationBudget.evaluation)
                     .where(WorkstationBudget.workstation_id == ws.id, WorkstationBudget.roc_year <= last_year,
                            WorkstationBudget.deleted_at.is_(None))
                     .order_by(WorkstationBudget.roc_year.desc())).first()  # type: ignore[attr-defined]
        plans = programmes_store.loaded(s.connection())
    refusal = (workstation_rules.extension_refusal(row[1] if row else "", row[0] if row else None)
               or workstation_rules.extension_limit_refusal(plans, ws.year_approved or last_year,
                                                            ws.status == WorkstationStatus.EXTENDED.value))
    if refusal is not None:
        raise refusal
    start = ws.term_end + timedelta(days=1)
    return update_workstation(ctx, workstation_id, {"term_start": start, "term_end": term_end_for(start),
                                                   "status": WorkstationStatus.EXTENDED.value})


@changes(Kind.WORKSTATIONS)
def delete_workstation(ctx: ServiceContext, workstation_id: str) -> None:
    KIND.delete(ctx, workstation_id)


# --- contact people -------------------------------------------------------------------------------
def contacts(ctx: ServiceContext, workstation_id: str) -> list[Contact]:
    with ctx.session_factory() as s:
        return list(s.exec(select(Contact).join(WorkstationContact, WorkstationContact.contact_id == Contact.id)
                           .where(WorkstationContact.workstation_id == workstation_id, Contact.deleted_at.is_(None))
                           .order_by(Contact.name)))


@changes(Kind.WORKSTATIONS)
def add_contact(ctx: ServiceContext, workstation_id: str, name: str, title: str = "", phone: str = "",
                email: str = "") -> Contact:
    """A new contact person of the station (personal data: 個資)."""
    with ctx.session_factory() as s:
        ws = live(s, Workstation, workstation_id, "工作站", "workstation")
        contact = Contact(name=required_text(name, "contact_name", "聯絡人姓名", "Contact name", 64),
                          title=title.strip(), phone=phone.strip(), email=email.strip(),
                          organization_id=ws.organization_id)
        base.create(s, contact, ctx.actor, "contact")
        s.add(WorkstationContact(workstation_id=ws.id, contact_id=contact.id))
        audit.record(s, ctx.actor, "link", ENTITY, ws.id, {"contact_id": contact.id})
        s.commit()
        return contact


@changes(Kind.WORKSTATIONS)
def remove_contact(ctx: ServiceContext, workstation_id: str, contact_id: str) -> None:
    """Unlink a contact from the station (the person stays in the address book)."""
    with ctx.session_factory() as s:
        link = s.get(WorkstationContact, (workstation_id, contact_id))
        if link is not None:
            s.delete(link)
            audit.record(s, ctx.actor, "unlink", ENTITY, workstation_id, {"contact_id": contact_id})
            s.commit()


# --- figures and timeline -------------------------------------------------------------------------
@dataclass(frozen=True)
class StationFigures:
    """What a station received and achieved, as recorded (the project office's questions)."""

    support_sessions: int
    support_hours: float
    participants: int
    proposals_assisted: int
    visits: int
    youth_stayed: int
    youth_returned: int


def figures(ctx: ServiceContext, workstation_id: str) -> StationFigures:
    with ctx.session_factory() as s:
        conn = s.connection()
        p = {"w": workstation_id}
        sessions, hours, people = conn.execute(text(
            "SELECT COUNT(*), COALESCE(SUM(hours), 0), COALESCE(SUM(participants), 0) FROM support_record "
            "WHERE workstation_id=:w AND deleted_at IS NULL"), p).one()
        proposals = conn.execute(text(
            "SELECT COUNT(*) FROM proposal WHERE workstation_id=:w AND deleted_at IS NULL"), p).scalar_one()
        visits = conn.execute(text(
            "SELECT COUNT(*) FROM site_visit WHERE workstation_id=:w AND deleted_at IS NULL"), p).scalar_one()
        # 留鄉／返鄉: the station's dated outcome records, all of them (models/outcomes.py)
        stayed, returned = conn.execute(text(
            "SELECT COALESCE(SUM(CASE WHEN kind='youth_stayed' THEN people END), 0), "
            "COALESCE(SUM(CASE WHEN kind='youth_returned' THEN people END), 0) FROM outcome "
            "WHERE workstation_id=:w AND deleted_at IS NULL"), p).one()
    return StationFigures(int(sessions), float(hours), int(people), int(proposals), int(visits),
                          int(stayed), int(returned))


@dataclass(frozen=True)
class TimelineEntry:
    """One dated thing that happened with a station: a visit, a support record or a proposal."""

    day: date
    kind: str  # "visit", "support", "proposal"
    record_id: str
    title: str
    detail: str


def _day(value) -> date:
    if isinstance(value, datetime):  # a server gives timestamps as datetimes (UTC), SQLite as text
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def timeline(ctx: ServiceContext, workstation_id: str, limit: int = 500) -> list[TimelineEntry]:
    """Newest first: the station's visits, support records and the proposals it assisted."""
    p = {"w": workstation_id, "n": limit}
    out: list[TimelineEntry] = []
    with ctx.session_factory() as s:
        conn = s.connection()
        for rid, day, mode, who, purpose in conn.execute(text(
                "SELECT id, visit_date, mode, visited_name, purpose FROM site_visit "
                "WHERE workstation_id=:w AND deleted_at IS NULL ORDER BY visit_date DESC LIMIT :n"), p):
            label = VisitMode.label_of(mode)
            out.append(TimelineEntry(_day(day), "visit", rid, pick(f"{label}訪視", f"{label} visit"),
                                     " — ".join(x for x in (who, purpose) if x)))
        for rid, day, kind, hours, people, topics in conn.execute(text(
                "SELECT id, support_date, kind, hours, participants, topics FROM support_record "
                "WHERE workstation_id=:w AND deleted_at IS NULL ORDER BY support_date DESC LIMIT :n"), p):
            out.append(TimelineEntry(_day(day), "support", rid, SupportKind.label_of(kind),
                                     pick(f"{hours_text(hours)} 小時，{people} 人次。{topics}",
                                          f"{hours_text(hours)} h, {people} participants. {topics}")))
        for rid, created, title, stage in conn.execute(text(
                "SELECT id, created_at, title, stage FROM proposal "
                "WHERE workstation_id=:w AND deleted_at IS NULL ORDER BY created_at DESC LIMIT :n"), p):
            out.append(TimelineEntry(_day(created), "proposal", rid, pick("協助提案", "Proposal assisted"),
                                     f"{title}（{Stage.label_of(stage)}）"))
    out.sort(key=lambda e: (e.day, e.kind), reverse=True)
    return out[:limit]


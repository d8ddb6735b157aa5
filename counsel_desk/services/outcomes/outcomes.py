"""Outcomes as dated records (成果紀錄): recording them and adding up a period's.

An outcome is tied to a workstation, a proposal, a youth team or a township, and to a date. The
figures add up the records dated inside a period (both ends included), for one center or all; a
record whose workstation, proposal or youth team was deleted leaves the figures with it (as a
deleted workstation takes its support sessions). Headquarters compares the four centers' totals
with the national figures NDC published (``resources/outcomes/national.json``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import Connection, text
from sqlmodel import Session

from counsel_desk import paths
from counsel_desk.errors import ValidationError
from counsel_desk.models import Outcome, Proposal, Workstation, YouthTeam
from counsel_desk.models.enums import PEOPLE_OUTCOMES, CenterCode, OutcomeKind
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.period import Period
from counsel_desk.services.places.places import check_place
from counsel_desk.services.programme.program_base import RecordKind, index_with_place, live, non_negative, one_of
from counsel_desk.services.changes import Kind, changes
from counsel_desk.services.days import check_day

ENTITY = "outcome"
FIELDS = ("outcome_date", "kind", "people", "amount", "registered", "agency", "programme", "company",
          "workstation_id", "proposal_id", "youth_team_id", "county_code", "township_code", "note")

# The live outcomes: the record itself and whatever it is tied to (LEFT JOINs: an empty link is no test).
LIVE_OUTCOMES_SQL = (
    "FROM outcome o LEFT JOIN workstation ow ON ow.id = o.workstation_id "
    "LEFT JOIN proposal op ON op.id = o.proposal_id LEFT JOIN youth_team ot ON ot.id = o.youth_team_id "
    "WHERE +o.deleted_at IS NULL AND ow.deleted_at IS NULL AND op.deleted_at IS NULL AND ot.deleted_at IS NULL")


def _center(center: str | None) -> str:
    return "" if center is None else " AND +o.center_code = :center"


# --- recording --------------------------------------------------------------------------------------
def _validate(session: Session, o: Outcome) -> None:
    o.kind = one_of(o.kind, OutcomeKind, "kind", "成果類別", "outcome kind")
    kind = OutcomeKind(o.kind)
    if not isinstance(o.outcome_date, date):
        raise ValidationError("請填寫成果日期。", "The outcome's date is required.", field="outcome_date")
    check_day(o.outcome_date, "outcome_date", "成果日期", "outcome date")
    o.people = non_negative(o.people, "people", "人數", "Number of people")
    o.amount = non_negative(o.amount, "amount", "金額", "Amount")
    for name in ("agency", "programme", "company", "note"):
        setattr(o, name, (getattr(o, name) or "").strip())
    if kind in PEOPLE_OUTCOMES:
        if o.people <= 0:
            unit = {"visitors": "人次", "jobs": "個就業機會"}.get(kind.value, "人數")
            raise ValidationError(f"{kind.zh}須填寫{unit}（大於 0）。", f"{kind.en} needs a number above 0.",
                                  field="people")
        o.amount = 0
    else:
        if o.amount <= 0:
            raise ValidationError(f"{kind.zh}須填寫金額（新臺幣，大於 0）。", f"{kind.en} needs an amount above 0.",
                                  field="amount")
        o.people = 0
    if not kind.is_youth:
        o.registered = None
    if kind is OutcomeKind.RESOURCE_MATCHING and not o.agency:
        raise ValidationError("跨部會資源媒合須填寫部會。", "Resource matching needs the agency.", field="agency")
    if kind in (OutcomeKind.CORPORATE_INVESTMENT, OutcomeKind.CORPORATE_CSR) and not o.company:
        raise ValidationError(f"{kind.zh}須填寫企業名稱。", f"{kind.en} needs the company.", field="company")
    if kind is not OutcomeKind.RESOURCE_MATCHING:
        o.agency = o.programme = ""
    if kind not in (OutcomeKind.CORPORATE_INVESTMENT, OutcomeKind.CORPORATE_CSR):
        o.company = ""
    for attr in ("workstation_id", "proposal_id", "youth_team_id", "county_code", "township_code"):
        setattr(o, attr, getattr(o, attr) or None)
    # what it is tied to gives the place when none is chosen
    for attr, model, zh, en in (("workstation_id", Workstation, "工作站", "workstation"),
                                ("proposal_id", Proposal, "提案", "proposal"),
                                ("youth_team_id", YouthTeam, "青年團隊", "youth team")):
        if getattr(o, attr):
            owner = live(session, model, getattr(o, attr), zh, en)
            if not o.township_code and getattr(owner, "township_code", None):
                o.county_code, o.township_code = owner.county_code, owner.township_code
    if not (o.workstation_id or o.proposal_id or o.youth_team_id or o.township_code):
        raise ValidationError("成果須連結工作站、提案、青年團隊或鄉鎮市區其中之一。",
                              "Tie the outcome to a workstation, a proposal, a youth team or a township.",
                              field="workstation_id")
    if o.township_code:
        if not o.county_code:
            o.county_code = session.connection().execute(
                text("SELECT county_code FROM township WHERE code=:t"), {"t": o.township_code}).scalar()
        check_place(session, o.county_code, o.township_code)


def _index(session: Session, o: Outcome) -> None:
    index_with_place(session, ENTITY, o, o.note, o.agency, o.programme, o.company)


KIND = RecordKind(Outcome, ENTITY, FIELDS, "成果紀錄", "outcome", _validate, _index)


@changes(Kind.OUTCOMES)
def record_outcome(ctx: ServiceContext, fields: dict[str, Any]) -> Outcome:
    """A new dated outcome of the acting center."""
    return cast(Outcome, KIND.create(ctx, fields, center_code=ctx.center_code))


@changes(Kind.OUTCOMES)
def update_outcome(ctx: ServiceContext, outcome_id: str, changes: dict[str, Any], version: int | None = None) -> Outcome:
    """``version``: the one the editor loaded — a record saved by someone since is refused (SaveConflict)."""
    return cast(Outcome, KIND.update(ctx, outcome_id, changes, version))


@changes(Kind.OUTCOMES)
def delete_outcome(ctx: ServiceContext, outcome_id: str) -> None:
    KIND.delete(ctx, outcome_id)


def get_outcome(ctx: ServiceContext, outcome_id: str) -> Outcome:
    return cast(Outcome, KIND.get(ctx, outcome_id))


# --- reading ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class OutcomeRow:
    """One outcome as lists and the report show it."""

    id: str
    day: date
    kind: str
    people: int
    amount: int
    registered: bool | None
    tied_to: str  # 工作站／提案／青年團隊 name
    place: str  # 縣市 鄉鎮市區
    detail: str  # agency and programme, or company
    note: str
    center_code: str = ""


@dataclass
class OutcomeTotals:
    """The period's outcomes added up by kind (people for people kinds, NT$ for the others)."""

    by_kind: dict[str, int] = field(default_factory=lambda: {k.value: 0 for k in OutcomeKind})
    youth_registered: int = 0  # of the youth who stayed or returned, those who registered (設籍)
    records: int = 0

    @property
    def youth(self) -> int:
        return self.by_kind["youth_stayed"] + self.by_kind["youth_returned"]

    def of(self, kind: str) -> int:
        return self.by_kind.get(kind, 0)

    def as_json(self) -> dict[str, int]:
        return {**self.by_kind, "youth_total": self.youth, "youth_registered": self.youth_registered,
                "records": self.records}


def totals(conn: Connection, center: str | None, period: Period) -> OutcomeTotals:
    """The outcomes dated inside ``period`` (both ends included), added up by kind."""
    out = OutcomeTotals()
    for kind, people, amount, registered, n in conn.execute(text(
            "SELECT o.kind, coalesce(sum(o.people), 0), coalesce(sum(o.amount), 0), "
            "coalesce(sum(CASE WHEN o.registered THEN o.people END), 0), count(*) "
            f"{LIVE_OUTCOMES_SQL}{_center(center)} AND o.outcome_date BETWEEN :start AND :end GROUP BY o.kind"),
            {"center": center, "start": period.start.isoformat(), "end": period.end.isoformat()}):
        value = int(people) if kind in {k.value for k in PEOPLE_OUTCOMES} else int(amount)
        out.by_kind[kind] = out.by_kind.get(kind, 0) + value
        out.records += int(n)
        if kind in ("youth_stayed", "youth_returned"):
            out.youth_registered += int(registered)
    return out


def youth_total(conn: Connection, center: str | None, period: Period) -> int:
    """Young people who stayed or came back (留鄉／返鄉) in the period: the yearly target's actual."""
    return totals(conn, center, period).youth


def rows(conn: Connection, center: str | None, period: Period | None = None, *, kind: str | None = None,
         owner: tuple[str, str] | None = None) -> list[OutcomeRow]:
    """The outcomes (of a period, a kind, or one workstation/proposal/youth team), oldest first."""
    cond, params = "", {"center": center}
    if period is not None:
        cond += " AND o.outcome_date BETWEEN :start AND :end"
        params.update(start=period.start.isoformat(), end=period.end.isoformat())
    if kind:
        cond += " AND o.kind = :kind"
        params["kind"] = kind
    if owner is not None:
        column = {"workstation": "workstation_id", "proposal": "proposal_id", "youth_team": "youth_team_id"}[owner[0]]
        cond += f" AND o.{column} = :owner"
        params["owner"] = owner[1]
    result = conn.execute(text(
        "SELECT o.id, o.outcome_date, o.kind, o.people, o.amount, o.registered, "
        "  coalesce(ow.name, op.title, ot.name, ''), trim(coalesce(c.name, '') || ' ' || coalesce(t.name, '')), "
        "  o.agency, o.programme, o.company, o.note, o.center_code "
        f"{LIVE_OUTCOMES_SQL.replace('WHERE', 'LEFT JOIN county c ON c.code = o.county_code LEFT JOIN township t ON t.code = o.township_code WHERE', 1)}"
        f"{'' if center is None else ' AND o.center_code = :center'}{cond} ORDER BY o.outcome_date, o.kind, o.id"),
        params)
    out = []
    for r in result:
        detail = "／".join(p for p in (r[8], r[9]) if p) or r[10] or ""
        day = r[1] if isinstance(r[1], date) else date.fromisoformat(str(r[1])[:10])
        out.append(OutcomeRow(r[0], day, r[2], int(r[3] or 0), int(r[4] or 0),
                              None if r[5] is None else bool(r[5]), r[6] or "", r[7] or "", detail, r[11] or "",
                              r[12] or ""))
    return out


def list_outcomes(ctx: ServiceContext, period: Period | None = None, *, kind: str | None = None,
                  all_centers: bool = False) -> list[OutcomeRow]:
    with ctx.session_factory() as s:
        return rows(s.connection(), None if all_centers else ctx.center_code, period, kind=kind)


def period_totals(ctx: ServiceContext, period: Period, *, all_centers: bool = False) -> OutcomeTotals:
    with ctx.session_factory() as s:
        return totals(s.connection(), None if all_centers else ctx.center_code, period)


def owner_choices(ctx: ServiceContext) -> dict[str, list[tuple[str, str]]]:
    """(id, name) of the live workstations, proposals and youth teams an outcome can be tied to."""
    with ctx.session_factory() as s:
        conn = s.connection()
        return {
            "workstation": [tuple(r) for r in conn.execute(text(
                "SELECT id, name FROM workstation WHERE deleted_at IS NULL ORDER BY name"))],
            "proposal": [tuple(r) for r in conn.execute(text(
                "SELECT id, title FROM proposal WHERE deleted_at IS NULL ORDER BY title"))],
            "youth_team": [tuple(r) for r in conn.execute(text(
                "SELECT id, name FROM youth_team WHERE deleted_at IS NULL ORDER BY name"))],
        }


# --- the national comparison (headquarters) ---------------------------------------------------------
@dataclass(frozen=True)
class NationalFigures:
    """Outcomes NDC published for the whole country (約數), with where they come from."""

    label: str  # e.g. 全國（國發會 2025 年公布，約數）
    source: str
    figures: dict[str, int | None]  # youth, jobs, visitors, revenue (NT$); None = not published

    def of(self, key: str) -> int | None:
        value = self.figures.get(key)
        return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


@lru_cache(maxsize=1)
def national() -> NationalFigures | None:
    path = paths.resources_dir() / "outcomes" / "national.json"
    try:
        d = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return NationalFigures(str(d.get("label") or ""), str(d.get("source") or ""), dict(d.get("figures") or {}))


# the four figures NDC reports nationally, each as the centers' outcome kinds that make it up
NATIONAL_KEYS: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("youth", "青年留鄉／返鄉", ("youth_stayed", "youth_returned"), "人"),
    ("jobs", "就業機會", ("jobs",), "個"),
    ("visitors", "觀光人次", ("visitors",), "人次"),
    ("revenue", "營收", ("revenue",), "元"),
)


@dataclass(frozen=True)
class NationalLine:
    key: str
    label: str
    unit: str
    by_center: dict[str, int]  # center code → the center's recorded total up to the period's end
    national: int | None

    @property
    def centers_total(self) -> int:
        return sum(self.by_center.values())

    @property
    def share(self) -> float | None:
        return round(self.centers_total / self.national, 4) if self.national else None

    def as_json(self) -> dict[str, Any]:
        return {"by_center": dict(self.by_center), "centers_total": self.centers_total, "national": self.national}


def national_comparison(conn: Connection, upto: date) -> list[NationalLine]:
    """Each center's recorded outcomes up to ``upto`` (all of them: NDC's figures are cumulative),
    added up, beside the national figure."""
    nat = national()
    everything = Period(date(1900, 1, 1), upto, "custom")
    per_center = {c.value: totals(conn, c.value, everything) for c in CenterCode}
    return [NationalLine(key, label, unit, {c: sum(t.of(k) for k in kinds) for c, t in per_center.items()},
                         nat.of(key) if nat else None) for key, label, kinds, unit in NATIONAL_KEYS]

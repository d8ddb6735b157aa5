"""The report's outcomes, youth teams and training (issue 17): what the period achieved.

- outcomes (成果紀錄) dated inside the period, added up by kind, with the list of records; for
  headquarters (all centers) each center's totals and the four centers' recorded totals to date
  beside the national figures NDC published;
- the youth teams of the award programmes the center counsels, with their members' eligibility
  warnings and the support sessions, visits and outcomes of the period linked to them;
- the training courses (培力課程: hours, trainees, completion) and showcases, matchmaking fairs and
  workshops (成果展, 媒合會, 工作坊) held in the period.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, text

from counsel_desk.models.enums import CenterCode
from counsel_desk.services.outcomes import outcomes as oc
from counsel_desk.services.figures.figures import center_sql, sql_params
from counsel_desk.services.period import Period
from counsel_desk.services.outcomes.youth_teams import MemberView, eligibility, programmes_in
from counsel_desk.store import programmes
from counsel_desk.services.formatting import ROC_OFFSET


@dataclass(frozen=True)
class TeamLine:
    """A youth team in the report: who, which programme, and what the period brought it."""

    name: str
    programme: str
    roc_year: int
    award: int
    place: str
    themes: str
    members: int
    warnings: tuple[str, ...]  # zh_TW
    supports: int  # linked support sessions dated in the period
    visits: int  # linked visits dated in the period
    youth: int  # youth stayed or returned recorded for the team in the period


@dataclass(frozen=True)
class TrainingLine:
    day: date
    title: str
    kind: str  # EventKind code
    hours: float
    trainees: int
    completed: int
    participants: int

    @property
    def completion(self) -> float | None:
        return self.completed / self.trainees if self.trainees else None


@dataclass
class TrainingTotals:
    courses: int = 0
    hours: float = 0.0
    trainees: int = 0
    completed: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)  # training, showcase, matchmaking, workshop → events

    @property
    def completion(self) -> float | None:
        return round(self.completed / self.trainees, 4) if self.trainees else None

    def as_json(self) -> dict[str, Any]:
        return {"courses": self.courses, "hours": self.hours, "trainees": self.trainees, "completed": self.completed,
                "showcases": self.by_kind.get("showcase", 0), "matchmaking": self.by_kind.get("matchmaking", 0),
                "workshops": self.by_kind.get("workshop", 0)}


@dataclass
class OutcomeFigures:
    totals: oc.OutcomeTotals
    records: list[oc.OutcomeRow]
    teams: list[TeamLine]
    training: TrainingTotals
    training_list: list[TrainingLine]
    by_center: dict[str, oc.OutcomeTotals] | None = None  # all centers only
    national: list[oc.NationalLine] | None = None  # all centers only
    national_label: str = ""
    national_source: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"outcomes": self.totals.as_json(), "training": self.training.as_json(),
                "youth_teams": len(self.teams),
                "youth_team_warnings": sum(len(t.warnings) for t in self.teams)}


SHOWN_KINDS = ("training", "showcase", "matchmaking", "workshop")


def training(conn: Connection, center: str | None, period: Period) -> tuple[TrainingTotals, list[TrainingLine]]:
    rows = conn.execute(text(
        "SELECT e.event_date, e.title, e.kind, e.hours, e.trainees, e.completed, e.participants FROM center_event e "
        f"WHERE +e.deleted_at IS NULL{center_sql('e', center)} AND e.event_date BETWEEN :start AND :end "
        "AND e.kind IN ('training', 'showcase', 'matchmaking', 'workshop') ORDER BY e.event_date, e.title"),
        sql_params(center, period))
    lines = [TrainingLine(r[0] if isinstance(r[0], date) else date.fromisoformat(str(r[0])[:10]), r[1], r[2],
                          float(r[3] or 0), int(r[4] or 0), int(r[5] or 0), int(r[6] or 0)) for r in rows]
    totals = TrainingTotals(by_kind={k: 0 for k in SHOWN_KINDS})
    for line in lines:
        totals.by_kind[line.kind] = totals.by_kind.get(line.kind, 0) + 1
        if line.kind == "training":
            totals.courses += 1
            totals.hours = round(totals.hours + line.hours, 2)
            totals.trainees += line.trainees
            totals.completed += line.completed
    return totals, lines


def _teams(conn: Connection, center: str | None, period: Period) -> list[TeamLine]:
    awards = programmes_in(programmes.loaded(conn))
    p = sql_params(center, period)
    out = []
    for r in conn.execute(text(
            "SELECT y.id, y.name, y.programme, y.roc_year, y.award, "
            "  trim(coalesce(c.name, '') || ' ' || coalesce(t.name, '')), y.themes, "
            "  (SELECT count(*) FROM youth_team_support l JOIN support_record s ON s.id = l.support_id "
            "     AND +s.deleted_at IS NULL WHERE l.team_id = y.id AND s.support_date BETWEEN :start AND :end), "
            "  (SELECT count(*) FROM youth_team_visit l JOIN site_visit v ON v.id = l.visit_id "
            "     AND +v.deleted_at IS NULL WHERE l.team_id = y.id AND v.visit_date BETWEEN :start AND :end), "
            "  (SELECT coalesce(sum(o.people), 0) FROM outcome o WHERE o.youth_team_id = y.id AND +o.deleted_at IS NULL "
            "     AND o.kind IN ('youth_stayed', 'youth_returned') AND o.outcome_date BETWEEN :start AND :end) "
            "FROM youth_team y LEFT JOIN county c ON c.code = y.county_code "
            "LEFT JOIN township t ON t.code = y.township_code "
            f"WHERE +y.deleted_at IS NULL{center_sql('y', center)} AND y.created_at < :utc_hi "
            "ORDER BY y.roc_year DESC, y.name"), p):
        team_id, name, programme, year, award = r[0], r[1], r[2], int(r[3]), int(r[4])
        members = [MemberView(m[0], m[1], m[2], m[3] or "", (year + ROC_OFFSET - m[2]) if m[2] else None)
                   for m in conn.execute(text(
                       "SELECT id, name, birth_year, role FROM youth_team_member WHERE team_id = :t "
                       "AND deleted_at IS NULL ORDER BY created_at, id"), {"t": team_id})]
        award_programme = next((a for a in awards if a.name == programme), None)
        warnings = tuple(n.zh for n in eligibility(programme, year, members, award_programme))
        out.append(TeamLine(name, programme, year, award, r[5] or "", r[6] or "", len(members), warnings,
                            int(r[7]), int(r[8]), int(r[9])))
    return out


def compute(conn: Connection, center: str | None, period: Period) -> OutcomeFigures:
    training_totals, training_list = training(conn, center, period)
    figures = OutcomeFigures(oc.totals(conn, center, period), oc.rows(conn, center, period),
                             _teams(conn, center, period), training_totals, training_list)
    if center is None:
        figures.by_center = {c.value: oc.totals(conn, c.value, period) for c in CenterCode}
        figures.national = oc.national_comparison(conn, period.end)
        nat = oc.national()
        if nat is not None:
            figures.national_label, figures.national_source = nat.label, nat.source
    return figures

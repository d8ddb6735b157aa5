"""The report's rule warnings (規則提醒): what the rules say about the center's records at the period's end.

The same rules that speak up where the user acts (services/proposals/rules.py on a proposal's 完整性
page, services/workstations/workstation_rules.py on the workstation page) are listed here for the project office,
each with its reason and source:

- proposals still being worked on at the period's end (not 通過／未通過): an applicant type that does
  not fit the route, a criterion scored 2 or lower before sending, a county outside the center's
  counties, funding asked for a year outside every loaded plan;
- workstations live at the period's end: a county outside the center's counties, a term longer than
  the plan's, an eligibility fact not met, and a budget of the period's year whose personnel cost
  breaks the rule of the plan in force (judged on that year's staff).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from counsel_desk.models.enums import Criterion, OrgKind, Route
from counsel_desk.services.programme import center_split, programme
from counsel_desk.services.workstations import workstation_rules
from counsel_desk.services.figures.figures import as_date, center_sql, sql_params, stage_at_end_sql
from counsel_desk.services.period import Period
from counsel_desk.services.proposals.rules import APPLICANTS, BEFORE_SENDING, CRITERIA_SOURCE, LOW_SCORE, ROUTE_SOURCE
from counsel_desk.store import programmes as programmes_store
from counsel_desk.store.programmes import Programme

Counties = dict[str, tuple[str, str]]  # county code → (name, its center)


@dataclass(frozen=True)
class RuleWarning:
    kind: str  # "proposal" or "workstation"
    subject: str  # the proposal's title or the station's name
    code: str  # the rule (applicant_route, low_score, outside_center, year_outside_plans, host_age, …)
    message: str  # zh_TW
    source: str  # the rule's document and article

    def as_json(self) -> dict[str, str]:
        return {"kind": self.kind, "subject": self.subject, "rule": self.code, "message": self.message,
                "source": self.source}


def _zh(cls: Any, code: str | None) -> str:
    try:
        return str(cls(code).zh)
    except ValueError:
        return code or ""


def _notice(kind: str, subject: str, n: programme.Notice) -> RuleWarning:
    return RuleWarning(kind, subject, n.code, n.zh, n.source_text)


def _county_owner(conn: Connection) -> Counties:
    return {code: (name, center) for code, name, center in conn.execute(
        text("SELECT code, name, default_center FROM county"))}


def _outside(kind: str, subject: str, center_code: str, county_code: str | None,
             counties: Counties) -> RuleWarning | None:
    name, owner = counties.get(county_code or "", ("", center_code))
    if not county_code or owner == center_code:
        return None
    return RuleWarning(kind, subject, "outside_center",
                       f"「{name}」不在{center_split.center_name(center_code)}的縣市內（{name}屬{center_split.center_name(owner)}）。",
                       center_split.SOURCE.text)


def _proposals(conn: Connection, center: str | None, period: Period, plans: list[Programme],
               counties: Counties) -> list[RuleWarning]:
    params = sql_params(center, period)
    rows = conn.execute(text(
        stage_at_end_sql(center) + "SELECT p.id, p.title, p.route, p.applicant_type, p.county_code, p.center_code, "
        "e.stage FROM at_end e JOIN proposal p ON p.id = e.id "
        "WHERE e.stage NOT IN ('approved', 'rejected') ORDER BY p.title, p.id"), params).all()
    if not rows:
        return []
    scores: dict[str, list[str]] = {}
    for pid, criterion in conn.execute(text(
            "SELECT s.proposal_id, s.criterion FROM proposal_score s JOIN proposal p ON p.id = s.proposal_id "
            f"WHERE +s.deleted_at IS NULL AND +p.deleted_at IS NULL{center_sql('p', center)} "
            "AND s.score IS NOT NULL AND s.score <= :low ORDER BY s.criterion"), {**params, "low": LOW_SCORE}).all():
        scores.setdefault(pid, []).append(criterion)
    years: dict[str, set[int]] = {}
    for pid, year in conn.execute(text(
            "SELECT DISTINCT f.proposal_id, f.roc_year FROM funding_line f JOIN proposal p ON p.id = f.proposal_id "
            f"WHERE +f.deleted_at IS NULL AND +p.deleted_at IS NULL{center_sql('p', center)} AND f.amount > 0"),
            params).all():
        years.setdefault(pid, set()).add(int(year))
    out: list[RuleWarning] = []
    for pid, title, route, applicant, county, center_code, stage in rows:
        allowed = APPLICANTS.get(route)
        if applicant and allowed is not None and applicant not in allowed:
            out.append(RuleWarning("proposal", title, "applicant_route",
                                   f"申請單位類型「{_zh(OrgKind, applicant)}」不符{_zh(Route, route)}。",
                                   ROUTE_SOURCE.text))
        if stage in BEFORE_SENDING and scores.get(pid):
            low = "、".join(_zh(Criterion, c) for c in scores[pid])
            out.append(RuleWarning("proposal", title, "low_score", f"{low}評分在 {LOW_SCORE} 分以下，尚未送出。",
                                   CRITERIA_SOURCE.text))
        outside = _outside("proposal", title, center_code, county, counties)
        if outside is not None:
            out.append(outside)
        for year in sorted(years.get(pid, ())):
            n = programme.year_notice(plans, year)
            if n is not None:
                out.append(_notice("proposal", title, n))
    return out


def _stations(conn: Connection, center: str | None, period: Period, plans: list[Programme], counties: Counties,
              budgets: list[Any]) -> list[RuleWarning]:
    out: list[RuleWarning] = []
    rows = conn.execute(text(
        "SELECT w.id, w.name, w.center_code, w.county_code, w.year_approved, w.term_start, w.term_end, w.host_age, "
        "w.host_years_on_site, w.team_size, w.young_partners, w.fulltime_staff FROM workstation w "
        f"WHERE +w.deleted_at IS NULL{center_sql('w', center)} AND w.created_at < :utc_hi "
        "AND w.status NOT IN ('closed', 'terminated') ORDER BY w.name, w.id"), sql_params(center, period)).all()
    for (_wid, name, center_code, county, year, start, end, age, years_on_site, team, young, staff) in rows:
        outside = _outside("workstation", name, center_code, county, counties)
        if outside is not None:
            out.append(outside)
        start, end = as_date(start), as_date(end)
        for n in workstation_rules.term_notices(plans, start, end):
            out.append(_notice("workstation", name, n))
        facts = workstation_rules.StationFacts(int(year or period.roc_year), age, years_on_site, int(team or 0),
                                               young, int(staff or 0))
        for n in workstation_rules.eligibility_notices(plans, facts):
            out.append(_notice("workstation", name, n))
    for b in budgets:
        if not b.rule_ok:
            out.append(RuleWarning("workstation", b.name, "personnel_share", b.rule_message,
                                   _personnel_source(plans, b.roc_year)))
    return out


def _personnel_source(plans: list[Programme], roc_year: int) -> str:
    rule = workstation_rules.personnel_rule(plans, roc_year)
    return rule.source.text if rule.source else ""


def rule_warnings(conn: Connection, center: str | None, period: Period, budgets: list[Any]) -> list[RuleWarning]:
    """Every rule warning about the center's records at the period's end (proposals first, then stations)."""
    plans = programmes_store.loaded(conn)
    counties = _county_owner(conn)
    return _proposals(conn, center, period, plans, counties) + _stations(conn, center, period, plans, counties,
                                                                          budgets)

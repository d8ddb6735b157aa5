"""The plain result of :func:`counsel_desk.reports.figures.compute` and its JSON form.

``ReportFigures.as_json()`` is what the command line prints, what a sent snapshot stores and what
is compared with the current data to find what changed since sending. Keys: counties and
townships by their official zh_TW names (臺東縣); visit modes, proposal stages and routes, work
items and target metrics by their stable ASCII codes (see docs/reports.md).

Besides the period's own figures a report carries (names as in the JSON): ``compare`` — the
headline figures (:data:`HEADLINE_KEYS`) of the previous period, the same period a year before and
the year to date; ``by_center`` for all centers; ``sent_proposals`` (the proposals sent to the
project office, with amounts; the count stays ``proposals_sent``); ``budget_execution`` (撥款率／執行率
per station and per center); ``plans`` (地方創生計畫 filed and passed); ``public_spaces``;
``key_visits`` (visits flagged 重點); ``narrative`` (the manager's 本月工作重點, 下月工作重點,
待協助事項); ``provisional`` (the period has not ended: 期中暫定); ``plan`` (the programme in force);
``revision`` and ``revision_notes`` (修正說明: the reason and each change, sent → new, found by
``figure_changes.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from counsel_desk.models.enums import CenterCode, Route
from counsel_desk.services.period import Period
from counsel_desk.services.figures.figures import HEADLINE_KEYS
from counsel_desk.services.programme.targets import TargetProgress

if TYPE_CHECKING:
    from counsel_desk.reports.figures_outcomes import OutcomeFigures
    from counsel_desk.reports.figures_places import PlacesFigures

JSON_VERSION = 3  # 3: the list of proposals sent is `sent_proposals` (was `proposals_sent_list`)



@dataclass
class CountyCount:
    county_code: str
    county: str
    count: int


@dataclass
class TownshipCount:
    township_code: str
    county: str
    township: str
    total: int
    by_mode: dict[str, int]


@dataclass
class VisitRow:
    visit_date: date
    county: str
    township: str
    visited: str
    mode: str
    counselors: str
    purpose: str
    findings: str
    issues: str
    advice: str


@dataclass
class OverdueFollowUp:
    visit_date: date
    county: str
    township: str
    description: str
    owner: str
    due_date: date
    status: str


@dataclass
class StationSupport:
    workstation_id: str
    name: str
    county: str
    township: str
    sessions: int
    hours: float
    participants: int


class _Rates:
    """撥款率 and 執行率 of what has ``approved``, ``disbursed`` and ``reimbursed`` amounts."""

    approved: int
    disbursed: int
    reimbursed: int

    @property
    def disbursement_rate(self) -> float | None:
        """撥款率: disbursed (撥款) over the approved subsidy."""
        return self.disbursed / self.approved if self.approved else None

    @property
    def execution(self) -> float | None:
        """執行率: reimbursed (核銷) over the approved subsidy."""
        return self.reimbursed / self.approved if self.approved else None


@dataclass
class StationBudget(_Rates):
    """A workstation's budget of the period's ROC year, each amount counted as of the period's end."""

    workstation_id: str
    name: str
    roc_year: int
    approved: int
    planned: int
    disbursed: int
    reimbursed: int
    personnel: int
    fulltime_staff: int
    personnel_share: float
    personnel_limit: float | None  # None: the plan in force that year does not publish the rule (not judged)
    rule_ok: bool
    rule_message: str
    center_code: str = ""


@dataclass
class CenterBudget(_Rates):
    """The stations' budgets of one center added up: 撥款率 and 執行率 of the center."""

    center_code: str
    center_name: str
    stations: int
    approved: int
    disbursed: int
    reimbursed: int


def _rates(approved: int, disbursed: int, reimbursed: int, disbursement_rate, execution) -> dict:
    return {"approved": approved, "disbursed": disbursed, "reimbursed": reimbursed,
            "disbursement_rate": None if disbursement_rate is None else round(disbursement_rate, 4),
            "execution_rate": None if execution is None else round(execution, 4)}


@dataclass
class SentProposal:
    """A proposal sent to the project office (送專案辦公室) in the period, with the money it requests."""

    day: date  # its (last) move to sent in the period, Taiwan day
    title: str
    route: str
    county: str
    township: str
    applicant: str
    amount_requested: int  # NT$, every live funding line
    resubmission: bool  # it had been sent before (re-submitted after 退回修正)

    def as_json(self) -> dict:
        return {"date": self.day.isoformat(), "title": self.title, "route": self.route, "county": self.county,
                "township": self.township, "applicant": self.applicant, "amount_requested": self.amount_requested,
                "resubmission": self.resubmission}


@dataclass
class PlanCounts:
    """地方創生計畫: filed (sent to the project office) and passed (approved) in the period and by its end."""

    filed: int = 0
    passed: int = 0
    filed_to_date: int = 0
    passed_to_date: int = 0
    in_progress: int = 0  # filed by the end, neither passed nor rejected by then

    def as_json(self) -> dict:
        return {"filed": self.filed, "passed": self.passed, "filed_to_date": self.filed_to_date,
                "passed_to_date": self.passed_to_date, "in_progress": self.in_progress}


@dataclass
class PublicSpaceRow:
    """A public space (活化公有空間) of the center known by the period's end, and its visits in the period."""

    name: str
    county: str
    township: str
    status: str  # PublicSpaceStatus code on the period's last day (from the days it entered its status)
    subsidy: int
    visits: int

    def as_json(self) -> dict:
        return {"name": self.name, "county": self.county, "township": self.township, "status": self.status,
                "subsidy": self.subsidy, "visits": self.visits}


@dataclass
class Narrative:
    """The manager's own words, written on the report page and frozen with the sent snapshot."""

    this_month: str = ""  # 本月工作重點
    next_month: str = ""  # 下月工作重點
    help_needed: str = ""  # 待協助事項

    def as_json(self) -> dict:
        return {"this_month": self.this_month, "next_month": self.next_month, "help_needed": self.help_needed}

    @property
    def empty(self) -> bool:
        return not (self.this_month.strip() or self.next_month.strip() or self.help_needed.strip())


@dataclass
class PlanInForce:
    """The plan in force in the report's ROC year (store/programmes.py, docs/programme.md)."""

    name: str
    agency: str  # the issuing agency (國家發展委員會)
    roc_from: int | None
    roc_to: int | None
    in_force: bool  # the period's ROC year lies within it (always, for a plan found by its year)
    code: str = ""
    version: int = 0
    provisional: bool = False  # the year's allocations are 暫列
    split_known: bool = True  # the plan's yearly split per work item is published

    def as_json(self) -> dict:
        return {"name": self.name, "agency": self.agency, "roc_from": self.roc_from, "roc_to": self.roc_to,
                "in_force": self.in_force, "code": self.code, "version": self.version,
                "allocation_provisional": self.provisional, "allocation_known": self.split_known}


@dataclass
class PeriodHeadline:
    """The headline figures of one period (HEADLINE_KEYS → value)."""

    period: Period
    figures: dict[str, float]

    def as_json(self) -> dict:
        return {"from": self.period.start.isoformat(), "to": self.period.end.isoformat(), **self.figures}


@dataclass
class Comparisons:
    previous_period: PeriodHeadline
    same_period_last_year: PeriodHeadline
    year_to_date: PeriodHeadline

    def as_json(self) -> dict:
        return {"previous_period": self.previous_period.as_json(),
                "same_period_last_year": self.same_period_last_year.as_json(),
                "year_to_date": self.year_to_date.as_json()}


@dataclass
class FigureChange:
    """One changed figure of a revision: its JSON path, its Chinese name, the sent and the new value."""

    figure: str  # the JSON path joined by "."
    label: str
    sent: object
    new: object

    def as_json(self) -> dict:
        return {"figure": self.figure, "label": self.label, "sent": self.sent, "new": self.new}


@dataclass
class RevisionNotes:
    """修正說明 of revision 2 on: why it was issued and what changed since the revision before."""

    reason: str
    changes: list[FigureChange]
    previous_revision: int

    def as_json(self) -> dict:
        return {"reason": self.reason, "previous_revision": self.previous_revision,
                "changes": [c.as_json() for c in self.changes]}


@dataclass
class StageMove:
    day: date
    title: str
    from_stage: str
    to_stage: str
    route: str


@dataclass
class WorkItemFunding:
    code: str
    agency: str
    name: str
    requested: int
    allocation: int | None

    @property
    def share(self) -> float | None:
        return self.requested / self.allocation if self.allocation else None


def plan_title(f: "ReportFigures") -> str:
    """The cover's line naming the plan in force in the report's year."""
    if f.plan is None:
        return f"民國 {f.funding_roc_year} 年不在任何已載入計畫的期程內"
    return f"{f.plan.agency}　{f.plan.name}"


def allocation_title(f: "ReportFigures") -> str:
    return f"核定額度（{f.funding_roc_year}年）" if f.plan is not None else "核定額度"


def funding_note(f: "ReportFigures") -> str:
    """Unit, and what the allocation column compares with (or why it is empty)."""
    note = "金額單位：新臺幣元；申請金額含期末尚未退件或未通過之提案。"
    if f.plan is None:
        return note + f"民國 {f.funding_roc_year} 年不在任何已載入計畫的期程內，無核定額度可對照。"
    plan = f"「{f.plan.name}」（民國 {f.plan.roc_from}–{f.plan.roc_to} 年）"
    if not f.plan.split_known:
        return note + f"額度對照{plan}：該計畫分年、分工作項目經費未公布，額度未知。"
    if any(w.requested and w.allocation is None for w in f.funding):
        note += "標示「—」者為該計畫未列或未知之額度。"
    if f.plan.provisional:
        return note + f"額度對照{plan}表列經費，本年度為暫列，依會報工作會議滾動調整。"
    return note + f"額度對照{plan}表列經費。"


@dataclass
class EventRow:
    event_date: date
    title: str
    place: str
    kind: str
    participants: int
    partners: str


@dataclass
class ReportFigures:
    center: str | None
    center_name: str
    period: Period
    visits_total: int
    visits_by_county: list[CountyCount]
    visits_by_township: list[TownshipCount]
    visits_by_mode: dict[str, int]
    followups_opened: int
    followups_closed: int
    followups_overdue: int
    overdue_followups: list[OverdueFollowUp]
    support_sessions: int
    support_hours: float
    support_participants: int
    support_by_station: list[StationSupport]
    support_by_kind: dict[str, tuple[int, float]]
    budgets: list[StationBudget]
    proposals_by_stage_route: dict[tuple[str, str], int]
    proposals_by_stage: dict[str, int]
    proposals_new: int
    stage_moves: list[StageMove]
    proposals_sent: int
    proposals_approved: int
    funding: list[WorkItemFunding]
    funding_roc_year: int
    allocation_roc_year: int | None
    events: int
    event_participants: int
    event_list: list[EventRow]
    targets: list[TargetProgress]
    visits: list[VisitRow] = field(default_factory=list)
    proposals_resubmitted: int = 0
    provisional: bool = False  # the period has not ended (期中暫定); it cannot be marked as sent
    overdue_counted_to: date | None = None  # the day 逾期 is counted at: the period's end, or the day made (期中暫定)
    plan: PlanInForce | None = None
    revision: int | None = None  # the revision the report becomes when sent (None: all centers)
    revision_notes: RevisionNotes | None = None
    compare: Comparisons | None = None
    by_center: dict[str, dict[str, float]] | None = None  # all centers: center code → headline figures
    sent_proposals: list[SentProposal] = field(default_factory=list)
    center_budgets: list[CenterBudget] = field(default_factory=list)
    plans: PlanCounts = field(default_factory=PlanCounts)
    public_spaces: list[PublicSpaceRow] = field(default_factory=list)
    key_visits: list[VisitRow] = field(default_factory=list)
    narrative: Narrative = field(default_factory=Narrative)
    rule_warnings: list = field(default_factory=list)  # reports.rule_warnings.RuleWarning: what the rules say
    outcomes: "OutcomeFigures | None" = None  # issue 17: outcomes, youth teams, training (reports/figures_outcomes.py)
    places: "PlacesFigures | None" = None  # issue 17: 原住民族地區 and township stocktaking (reports/figures_places.py)

    @property
    def overdue_as_of(self) -> date:
        """The day 期末逾期 is counted at, as its headings say: the period's end, or a provisional report's day made."""
        return self.overdue_counted_to or self.period.end

    @property
    def overdue_by_age(self) -> list[tuple[str, int]]:
        """Overdue follow-ups by days past due at the period end (a provisional report's day made): (label, count)."""
        buckets = [("逾期 30 日內", 30), ("逾期 31–90 日", 90), ("逾期 91–180 日", 180), ("逾期超過 180 日", None)]
        counts = [0] * len(buckets)
        counted_to = self.overdue_as_of
        for o in self.overdue_followups:
            days = (counted_to - o.due_date).days
            for i, (_, limit) in enumerate(buckets):
                if limit is None or days <= limit:
                    counts[i] += 1
                    break
        return [(label, n) for (label, _), n in zip(buckets, counts)]

    @property
    def proposals_by_route(self) -> dict[str, int]:
        return {r.value: sum(n for (_, route), n in self.proposals_by_stage_route.items() if route == r.value)
                for r in Route}

    @property
    def proposals_total(self) -> int:
        return sum(self.proposals_by_stage.values())

    @property
    def funding_requested_total(self) -> int:
        return sum(f.requested for f in self.funding)

    @property
    def budgets_flagged(self) -> int:
        return sum(1 for b in self.budgets if not b.rule_ok)

    @property
    def headline(self) -> dict[str, float]:
        """This period's headline figures, as the comparisons hold them for the other periods."""
        return {k: getattr(self, k) for k in HEADLINE_KEYS}

    def budget_execution_json(self) -> dict:
        return {"stations": {b.name: _rates(b.approved, b.disbursed, b.reimbursed, b.disbursement_rate, b.execution)
                             for b in self.budgets},
                "centers": {c.center_code: _rates(c.approved, c.disbursed, c.reimbursed, c.disbursement_rate,
                                                  c.execution) for c in self.center_budgets}}

    def public_spaces_json(self) -> dict:
        by_status: dict[str, int] = {}
        for sp in self.public_spaces:
            by_status[sp.status] = by_status.get(sp.status, 0) + 1
        return {"total": len(self.public_spaces), "by_status": by_status,
                "visits": sum(sp.visits for sp in self.public_spaces), "list": [sp.as_json() for sp in self.public_spaces]}

    def as_json(self) -> dict:
        """The report's figures as plain JSON (issue 6 item 7 keys first)."""
        return {
            "center": self.center,
            "center_name": self.center_name,
            "month": self.period.month_key,
            "period": {**self.period.as_dict(), "from": self.period.start.isoformat(),
                       "to": self.period.end.isoformat()},
            "visits_total": self.visits_total,
            "visits_by_county": {c.county: c.count for c in self.visits_by_county},
            "visits_by_township": _nested_townships(self.visits_by_township),
            "visits_by_mode": dict(self.visits_by_mode),
            "followups_opened": self.followups_opened,
            "followups_closed": self.followups_closed,
            "followups_overdue": self.followups_overdue,
            "support_sessions": self.support_sessions,
            "support_hours": self.support_hours,
            "support_participants": self.support_participants,
            "support_by_workstation": {s.name: {"sessions": s.sessions, "hours": s.hours,
                                                "participants": s.participants} for s in self.support_by_station},
            "budgets": {b.name: {"roc_year": b.roc_year, "approved": b.approved, "disbursed": b.disbursed,
                                 "reimbursed": b.reimbursed, "personnel": b.personnel,
                                 "personnel_share": round(b.personnel_share, 4), "personnel_ok": b.rule_ok}
                        for b in self.budgets},
            "proposals_by_stage": dict(self.proposals_by_stage),
            "proposals_by_route": self.proposals_by_route,
            "proposals_new": self.proposals_new,
            "proposals_stage_moves": len(self.stage_moves),
            "proposals_sent": self.proposals_sent,
            "proposals_approved": self.proposals_approved,
            "funding_roc_year": self.funding_roc_year,
            "funding_requested_by_work_item": {f.code: f.requested for f in self.funding},
            "funding_allocation_by_work_item": {f.code: f.allocation for f in self.funding},
            "funding_allocation_roc_year": self.allocation_roc_year,
            "events": self.events,
            "event_participants": self.event_participants,
            "targets": {t.metric: {"target": t.target, "actual": t.actual, "share": t.share} for t in self.targets},
            "json_version": JSON_VERSION,
            "provisional": self.provisional,
            "plan": None if self.plan is None else self.plan.as_json(),
            "revision": self.revision,
            "revision_notes": None if self.revision_notes is None else self.revision_notes.as_json(),
            "compare": None if self.compare is None else self.compare.as_json(),
            "by_center": self.by_center,
            "proposals_resubmitted": self.proposals_resubmitted,
            "sent_proposals": [p.as_json() for p in self.sent_proposals],
            "budget_execution": self.budget_execution_json(),
            "plans": self.plans.as_json(),
            "public_spaces": self.public_spaces_json(),
            "key_visits": [_visit_json(v) for v in self.key_visits],
            "narrative": self.narrative.as_json(),
            "rule_warnings": [w.as_json() for w in self.rule_warnings],
            **(self.outcomes.as_json() if self.outcomes is not None else {}),
            **(self.places.as_json() if self.places is not None else {}),
        }


def center_title(f: ReportFigures) -> str:
    """地方創生北區輔導中心, or the four centers together for headquarters."""
    return "地方創生分區輔導中心（全部分區）" if f.center is None else CenterCode(f.center).full_name_zh


def _visit_json(v: VisitRow) -> dict:
    return {"date": v.visit_date.isoformat(), "county": v.county, "township": v.township, "visited": v.visited,
            "mode": v.mode, "counselors": v.counselors, "purpose": v.purpose, "findings": v.findings,
            "issues": v.issues, "advice": v.advice}


def _nested_townships(rows: list[TownshipCount]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for r in rows:
        out.setdefault(r.county, {})[r.township] = r.total
    return out

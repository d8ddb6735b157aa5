"""The plain result of :func:`counsel_desk.reports.figures.compute` and its JSON form.

``ReportFigures.as_json()`` is what the command line prints, what a sent snapshot stores and what
is compared with the current data to find what changed since sending. Keys: counties and
townships by their official zh_TW names (臺東縣); visit modes, proposal stages and routes, work
items and target metrics by their stable ASCII codes (see docs/reports.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from counsel_desk.models.enums import Route, Stage, TargetMetric, VisitMode
from counsel_desk.reports.period import Period
from counsel_desk.services.targets import TargetProgress

JSON_VERSION = 1


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


@dataclass
class StationBudget:
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
    personnel_limit: float
    rule_ok: bool
    rule_message: str

    @property
    def execution(self) -> float | None:
        """執行率: reimbursed (核銷) over the approved subsidy."""
        return self.reimbursed / self.approved if self.approved else None


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


@dataclass(frozen=True)
class PlanRef:
    """The plan in force in the report's year (計畫), as the cover names it."""

    code: str
    name: str
    version: int
    first_year: int
    last_year: int
    issuer: str
    provisional: bool  # the year's allocations are 暫列
    split_known: bool  # the plan's yearly split per work item is published

    def as_json(self) -> dict:
        return {"code": self.code, "name": self.name, "version": self.version,
                "period_roc": [self.first_year, self.last_year], "issuer": self.issuer,
                "allocation_provisional": self.provisional, "allocation_known": self.split_known}


def plan_title(f: "ReportFigures") -> str:
    """The cover's line naming the plan in force in the report's year."""
    if f.plan is None:
        return f"民國 {f.funding_roc_year} 年不在任何已載入計畫的期程內"
    return f"{f.plan.issuer}　{f.plan.name}"


def allocation_title(f: "ReportFigures") -> str:
    return f"核定額度（{f.funding_roc_year}年）" if f.plan is not None else "核定額度"


def funding_note(f: "ReportFigures") -> str:
    """Unit, and what the allocation column compares with (or why it is empty)."""
    note = "金額單位：新臺幣元；申請金額含期末尚未退件或未通過之提案。"
    if f.plan is None:
        return note + f"民國 {f.funding_roc_year} 年不在任何已載入計畫的期程內，無核定額度可對照。"
    plan = f"「{f.plan.name}」（民國 {f.plan.first_year}–{f.plan.last_year} 年）"
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
    plan: PlanRef | None = None  # the plan in force in funding_roc_year; None = no loaded plan covers it

    @property
    def overdue_by_age(self) -> list[tuple[str, int]]:
        """Overdue follow-ups by days past due at the period end: (label, count)."""
        buckets = [("逾期 30 日內", 30), ("逾期 31–90 日", 90), ("逾期 91–180 日", 180), ("逾期超過 180 日", None)]
        counts = [0] * len(buckets)
        for o in self.overdue_followups:
            days = (self.period.end - o.due_date).days
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

    def as_json(self) -> dict:
        """The report's figures as plain JSON (issue 6 item 7 keys first)."""
        return {
            "center": self.center,
            "center_name": self.center_name,
            "month": self.period.month_key,
            "period": self.period.as_dict(),
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
            "plan": self.plan.as_json() if self.plan else None,
            "funding_roc_year": self.funding_roc_year,
            "funding_requested_by_work_item": {f.code: f.requested for f in self.funding},
            "funding_allocation_by_work_item": {f.code: f.allocation for f in self.funding},
            "funding_allocation_roc_year": self.allocation_roc_year,
            "events": self.events,
            "event_participants": self.event_participants,
            "targets": {t.metric: {"target": t.target, "actual": t.actual, "share": t.share} for t in self.targets},
            "json_version": JSON_VERSION,
        }


def center_title(f: ReportFigures) -> str:
    """地方創生北區輔導中心, or the four centers together for headquarters."""
    return "地方創生分區輔導中心（全部分區）" if f.center is None else f"地方創生{f.center_name}輔導中心"


def _nested_townships(rows: list[TownshipCount]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for r in rows:
        out.setdefault(r.county, {})[r.township] = r.total
    return out


# -- naming figures in Chinese (the "differs from sent" banner) ---------------------------------

_TOP_LABELS = {
    "visits_total": "訪視總次數", "followups_opened": "新增追蹤事項", "followups_closed": "結案追蹤事項",
    "followups_overdue": "逾期未結追蹤事項", "support_sessions": "工作站輔導場次", "support_hours": "工作站輔導時數",
    "support_participants": "工作站輔導參與人次", "proposals_new": "本期新增提案",
    "proposals_stage_moves": "提案階段異動", "proposals_sent": "送專案辦公室提案", "proposals_approved": "核定提案",
    "events": "交流活動場次", "event_participants": "活動參與人次",
}
_GROUP_LABELS = {
    "visits_by_county": "縣市訪視次數", "visits_by_township": "鄉鎮市區訪視次數", "visits_by_mode": "訪視方式",
    "support_by_workstation": "工作站輔導", "budgets": "工作站經費", "proposals_by_stage": "提案階段",
    "proposals_by_route": "提案途徑", "funding_requested_by_work_item": "申請經費", "targets": "績效指標",
}
_LEAF_LABELS = {
    "sessions": "場次", "hours": "時數", "participants": "人次", "approved": "核定補助", "disbursed": "已撥款",
    "reimbursed": "已核銷", "personnel": "人事費", "personnel_share": "人事費比例", "personnel_ok": "人事費規定",
    "roc_year": "年度", "target": "目標值", "actual": "實績值", "share": "達成率",
}
_IGNORED = {"center", "center_name", "month", "period", "json_version", "plan", "funding_allocation_by_work_item",
            "funding_allocation_roc_year", "funding_roc_year"}


def _code_label(group: str, code: str) -> str:
    enum = {"visits_by_mode": VisitMode, "proposals_by_stage": Stage, "proposals_by_route": Route,
            "targets": TargetMetric}.get(group)
    if enum is not None:
        try:
            return enum(code).zh
        except ValueError:
            return code
    return code


def _flatten(data: dict) -> dict[tuple[str, ...], object]:
    out: dict[tuple[str, ...], object] = {}

    def walk(prefix: tuple[str, ...], value) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(prefix + (str(k),), v)
        else:
            out[prefix] = value

    for key, value in data.items():
        if key not in _IGNORED:
            walk((key,), value)
    return out


def figure_label(path: tuple[str, ...]) -> str:
    """A figure's name in Chinese: ('visits_by_county', '臺東縣') → 縣市訪視次數：臺東縣."""
    head = path[0]
    if head in _TOP_LABELS:
        return _TOP_LABELS[head]
    parts = [_GROUP_LABELS.get(head, head)]
    rest = list(path[1:])
    if rest:
        parts.append(_code_label(head, rest[0]) if head != "visits_by_township" else " ".join(rest[:2]))
        leaf = rest[-1] if head != "visits_by_township" and len(rest) > 1 else None
        if leaf:
            parts.append(_LEAF_LABELS.get(leaf, leaf))
    return parts[0] + "：" + "／".join(parts[1:]) if len(parts) > 1 else parts[0]


@dataclass(frozen=True)
class FigureDifference:
    name: str  # in Chinese
    sent: object
    current: object
    path: tuple[str, ...] = ()


def differences(sent: dict, current: dict) -> list[FigureDifference]:
    """Figures whose value differs between a sent report's JSON and the current one, named in Chinese.

    Target shares are left out: a share follows from its target and actual, which are compared.
    """
    a, b = _flatten(sent), _flatten(current)
    out = []
    for path in list(dict.fromkeys([*a, *b])):
        if path[0] == "targets" and path[-1] == "share":
            continue
        va, vb = a.get(path), b.get(path)
        if _same(va, vb):
            continue
        out.append(FigureDifference(figure_label(path), va, vb, path))
    return out


def _same(a, b) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return abs(float(a) - float(b)) < 1e-6
    # a missing county or township is a zero
    if a is None and b == 0 or b is None and a == 0:
        return True
    return a == b

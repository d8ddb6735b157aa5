"""A workstation's budget per ROC year: the subsidy cap, spending by category, the personnel rule, 評鑑.

Caps and rules are those of the plan in force in the budget's year (services/workstations/workstation_rules.py):
in the seed's years the subsidy is capped at NT$3,000,000 (refused above it) and personnel costs
(人事費) at 50% of the subsidy, or 60% with at least three full-time staff — the staff of **that
budget year** (``WorkstationBudget.fulltime_staff``), so changing today's staff never re-judges a past
year. A year whose plan does not publish a cap or the rule is saved with a warning and not judged.
A broken personnel rule is not refused — the money may already be spent — but flagged by
:func:`check_personnel` with the figures, so the center can act and the reports can count it. A
budget year also records its evaluation (評鑑); a year marked 延續補助 needs a good evaluation of the
year before. Lines carry planned, disbursed (撥款) and reimbursed (核銷) amounts; reimbursed can never
exceed disbursed.

Money is dated so reports count it as of a period's end: the budget keeps its 核定日 (``approved_on``)
and each line its 撥款日 and 核銷日. The form edits one total per category; a rise of a category's
disbursed or reimbursed total is written as a further line dated the day it is recorded, and so is a
fall (a negative adjustment line): earlier lines are never rewritten, so a period that has ended keeps
the execution it had on its last day, and a report sent for it does not change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import select

from counsel_desk.errors import ValidationError
from counsel_desk.i18n import pick
from counsel_desk.models import BudgetLine, Workstation, WorkstationBudget
from counsel_desk.models.enums import BudgetCategory, Evaluation
from counsel_desk.services import base
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.period import taiwan_day
from counsel_desk.services.programme.program_base import live, non_negative, one_of
from counsel_desk.services.programme.programme import Notice, check_roc_year

from counsel_desk.services.workstations.workstation_rules import (
    WORKSTATION_CAP, PersonnelRule, check_cap, extension_refusal, personnel_rule,
)
from counsel_desk.store import programmes as programmes_store
from counsel_desk.services.changes import Kind, changes

__all__ = ["BudgetCheck", "BudgetLineFigures", "BudgetProgress", "BudgetView", "budget_for_year", "budget_staff",
           "budgets", "check_personnel", "check_roc_year", "delete_budget", "previous_evaluation",
           "record_evaluation", "save_budget"]

CATEGORY_ORDER = [c.value for c in BudgetCategory]


@dataclass(frozen=True)
class BudgetCheck:
    """The personnel-cost rule applied to one budget: figures, share, limit and the verdict."""

    subsidy: int
    personnel: int
    share: float  # personnel / subsidy (0 when there is no subsidy)
    limit: float | None  # 0.50 or 0.60 in the seed's years; None: the plan in force does not publish the rule
    fulltime_staff: int  # of the budget year
    status: str  # "ok", "flagged" or "unknown" (rule not published: not judged)
    message_zh: str
    message_en: str
    plan_name: str = ""
    source: str = ""

    @property
    def ok(self) -> bool:
        """Not flagged (an unknown rule flags nothing)."""
        return self.status != "flagged"

    @property
    def message(self) -> str:
        return pick(self.message_zh, self.message_en)


@dataclass(frozen=True)
class BudgetProgress:
    """How far the money has moved: planned, disbursed (撥款) and reimbursed (核銷) against the subsidy."""

    subsidy: int
    planned: int
    disbursed: int
    reimbursed: int

    @property
    def disbursed_share(self) -> float:
        return self.disbursed / self.subsidy if self.subsidy else 0.0

    @property
    def reimbursed_share(self) -> float:
        return self.reimbursed / self.subsidy if self.subsidy else 0.0


@dataclass(frozen=True)
class BudgetLineFigures:
    category: str
    planned: int = 0
    disbursed: int = 0
    reimbursed: int = 0
    id: str | None = None


@dataclass(frozen=True)
class BudgetView:
    id: str
    workstation_id: str
    roc_year: int
    approved_subsidy: int
    lines: list[BudgetLineFigures] = field(default_factory=list)
    check: BudgetCheck | None = None
    progress: BudgetProgress | None = None
    fulltime_staff: int = 0  # of this budget year
    extension: bool = False  # 延續補助
    evaluation: str = ""  # Evaluation code, '' = not evaluated
    evaluated_on: date | None = None
    evaluation_note: str = ""
    notices: list[Notice] = field(default_factory=list)  # what the plan in force has to say (warnings)
    version: int = 0  # the budget year's, as loaded: a save names it (save_budget)

    def line(self, category: str) -> BudgetLineFigures:
        return next((ln for ln in self.lines if ln.category == category), BudgetLineFigures(category))


def check_personnel(subsidy: int, personnel: int, fulltime_staff: int, rule: PersonnelRule) -> BudgetCheck:
    """Personnel within the share the plan in force allows for the budget year's full-time staff
    (seed's years: ≤ 50%, ≤ 60% with at least three); not judged when the plan does not publish it."""
    limit = rule.limit(fulltime_staff)
    share = personnel / subsidy if subsidy else 0.0
    source = rule.source.text if rule.source else ""
    if limit is None:
        zh = (f"民國 {rule.roc_year} 年適用「{rule.plan_name}」，未公布工作站人事費比例上限（未知），未判斷；"
              f"人事費占補助款 {share:.1%}。") if rule.plan else f"民國 {rule.roc_year} 年不在任何已載入計畫的期程內，未判斷人事費比例。"
        en = f"The plan in force in ROC {rule.roc_year} does not publish a personnel-cost limit: not judged."
        return BudgetCheck(subsidy, personnel, share, None, fulltime_staff, "unknown", zh, en, rule.plan_name, source)
    staffed_from = rule.staffed_from if rule.share_staffed is not None else None
    if staffed_from is not None and fulltime_staff >= staffed_from:
        staff_zh = f"該年度專職人員 {fulltime_staff} 人，達 {rule.staffed_from} 人適用上限 {limit:.0%}"
    elif staffed_from is not None:
        staff_zh = f"該年度專職人員 {fulltime_staff} 人，未達 {rule.staffed_from} 人適用上限 {limit:.0%}"
    else:
        staff_zh = f"上限 {limit:.0%}"
    staff_en = f"{fulltime_staff} full-time staff that year, limit {limit:.0%}"
    if subsidy <= 0:
        flagged = personnel > 0
        zh = (f"尚未核定補助款，卻編列人事費 NT${personnel:,}。" if flagged else "尚未核定補助款。")
        en = (f"No subsidy approved but NT${personnel:,} of personnel costs." if flagged else "No subsidy approved yet.")
    elif share > limit + 1e-9:
        flagged = True
        zh = (f"人事費 NT${personnel:,} 占補助款 NT${subsidy:,} 的 {share:.1%}，超過上限 {limit:.0%}"
              f"（{staff_zh}）；最多 NT${int(subsidy * limit):,}。")
        en = (f"Personnel NT${personnel:,} is {share:.1%} of the NT${subsidy:,} subsidy, above the {limit:.0%} "
              f"limit ({staff_en}); at most NT${int(subsidy * limit):,}.")
    else:
        flagged = False
        zh = f"人事費占補助款 {share:.1%}，未超過上限 {limit:.0%}（{staff_zh}）。"
        en = f"Personnel is {share:.1%} of the subsidy, within the {limit:.0%} limit ({staff_en})."
    return BudgetCheck(subsidy, personnel, share, limit, fulltime_staff, "flagged" if flagged else "ok", zh, en,
                       rule.plan_name, source)


def budget_staff(budget: WorkstationBudget, station: Workstation) -> int:
    """The budget year's full-time staff (the station's count when the year has none recorded)."""
    return budget.fulltime_staff if budget.fulltime_staff is not None else station.fulltime_staff


def _by_category(lines: list[BudgetLine]) -> dict[str, list[BudgetLine]]:
    out: dict[str, list[BudgetLine]] = {}
    for ln in lines:
        out.setdefault(ln.category, []).append(ln)
    return out


def _totals(lines: list[BudgetLine]) -> tuple[int, int, int]:
    return (sum(ln.planned for ln in lines), sum(ln.disbursed for ln in lines), sum(ln.reimbursed for ln in lines))


def _view(budget: WorkstationBudget, lines: list[BudgetLine], fulltime_staff: int, plans,
          notices: list[Notice] | None = None) -> BudgetView:
    """A category's dated lines are shown as one line with their totals."""
    figs = sorted((BudgetLineFigures(cat, *_totals(group), group[0].id) for cat, group in _by_category(lines).items()
                   if any(_totals(group))),  # a category taken back to zero (its history kept) is not shown
                  key=lambda f: CATEGORY_ORDER.index(f.category) if f.category in CATEGORY_ORDER else 99)
    personnel_line = next((f for f in figs if f.category == BudgetCategory.PERSONNEL), None)
    # the larger of what was planned and what was paid out, so overspending is flagged too
    personnel = max(personnel_line.planned, personnel_line.disbursed, personnel_line.reimbursed) if personnel_line else 0
    progress = BudgetProgress(budget.approved_subsidy, sum(f.planned for f in figs), sum(f.disbursed for f in figs),
                              sum(f.reimbursed for f in figs))
    rule = personnel_rule(plans, budget.roc_year)
    return BudgetView(budget.id, budget.workstation_id, budget.roc_year, budget.approved_subsidy, figs,
                      check_personnel(budget.approved_subsidy, personnel, fulltime_staff, rule), progress,
                      fulltime_staff, bool(budget.extension), budget.evaluation or "", budget.evaluated_on,
                      budget.evaluation_note or "", list(notices or ()), budget.version)


def _live_lines(session, budget_id: str) -> list[BudgetLine]:
    return list(session.exec(select(BudgetLine).where(BudgetLine.budget_id == budget_id,
                                                      BudgetLine.deleted_at.is_(None))
                             .order_by(BudgetLine.created_at, BudgetLine.id)))


def _record_amounts(s, ctx: ServiceContext, budget: WorkstationBudget, category: str, group: list[BudgetLine],
                    wanted: tuple[int, int, int], today: date) -> None:
    """Bring a category's dated lines to the wanted totals (see the module's note)."""
    planned, disbursed, reimbursed = wanted
    _, had_disbursed, had_reimbursed = _totals(group)
    if not (planned or disbursed or reimbursed or had_disbursed or had_reimbursed):
        for line in group:  # only planned money, never paid out: the category is simply taken away
            base.soft_delete(s, line, ctx.actor, "budget_line")
        return
    if not group:
        base.create(s, BudgetLine(budget_id=budget.id, category=category, planned=planned, disbursed=disbursed,
                                  reimbursed=reimbursed, disbursed_on=today if disbursed else None,
                                  reimbursed_on=today if reimbursed else None), ctx.actor, "budget_line")
        return
    for line in group:  # undated amounts (before lines were dated) keep the day they were last changed
        fixed = {k: taiwan_day(line.updated_at) for k, amount in (("disbursed_on", line.disbursed),
                                                                     ("reimbursed_on", line.reimbursed))
                 if amount and getattr(line, k) is None}
        if fixed:
            base.update(s, line, ctx.actor, "budget_line", fixed)
    first = group[0]
    base.update(s, first, ctx.actor, "budget_line", {"planned": planned - sum(ln.planned for ln in group[1:])})
    # a rise or a fall of what was paid out is a further line dated today (a fall: a negative adjustment),
    # so a period that has ended keeps the amounts it had on its last day
    step = {"disbursed": disbursed - had_disbursed, "reimbursed": reimbursed - had_reimbursed}
    if step["disbursed"] or step["reimbursed"]:
        base.create(s, BudgetLine(budget_id=budget.id, category=category, disbursed=step["disbursed"],
                                  reimbursed=step["reimbursed"], disbursed_on=today if step["disbursed"] else None,
                                  reimbursed_on=today if step["reimbursed"] else None), ctx.actor, "budget_line")


def budgets(ctx: ServiceContext, workstation_id: str) -> list[BudgetView]:
    """Every live budget of the station, newest year first, each with its lines, check and progress."""
    with ctx.session_factory() as s:
        ws = live(s, Workstation, workstation_id, "工作站", "workstation")
        rows = s.exec(select(WorkstationBudget).where(WorkstationBudget.workstation_id == workstation_id,
                                                      WorkstationBudget.deleted_at.is_(None))
                      .order_by(WorkstationBudget.roc_year.desc())).all()
        plans = programmes_store.loaded(s.connection())
        return [_view(b, _live_lines(s, b.id), budget_staff(b, ws), plans) for b in rows]


def budget_for_year(ctx: ServiceContext, workstation_id: str, roc_year: int) -> BudgetView | None:
    return next((b for b in budgets(ctx, workstation_id) if b.roc_year == roc_year), None)


def _validate_lines(subsidy: int, lines: dict[str, tuple[int, int, int]]) -> dict[str, tuple[int, int, int]]:
    clean: dict[str, tuple[int, int, int]] = {}
    for category, amounts in lines.items():
        try:
            cat = BudgetCategory.from_label(category)
        except ValueError:
            raise ValidationError(f"未知的經費科目「{category}」。", f"Unknown budget category '{category}'.",
                                  field="category") from None
        planned, disbursed, reimbursed = (non_negative(v, f"{cat.value}.{k}", f"{cat.zh}{zh}", f"{cat.en} {k}")
                                          for v, k, zh in zip(amounts, ("planned", "disbursed", "reimbursed"),
                                                              ("編列數", "撥款數", "核銷數")))
        if reimbursed > disbursed:
            raise ValidationError(
                f"{cat.zh}：核銷 NT${reimbursed:,} 多於撥款 NT${disbursed:,}；核銷金額不可超過已撥款金額。",
                f"{cat.en}: reimbursed NT${reimbursed:,} exceeds disbursed NT${disbursed:,}.",
                field=f"{cat.value}.reimbursed")
        clean[cat.value] = (planned, disbursed, reimbursed)
    planned_total = sum(v[0] for v in clean.values())
    if planned_total > subsidy:
        raise ValidationError(f"各科目編列合計 NT${planned_total:,} 超過核定補助款 NT${subsidy:,}。",
                              f"Planned spending NT${planned_total:,} exceeds the subsidy NT${subsidy:,}.",
                              field="planned")
    disbursed_total = sum(v[1] for v in clean.values())
    if disbursed_total > subsidy:
        raise ValidationError(f"撥款合計 NT${disbursed_total:,} 超過核定補助款 NT${subsidy:,}。",
                              f"Disbursed NT${disbursed_total:,} exceeds the subsidy NT${subsidy:,}.",
                              field="disbursed")
    return clean


def previous_evaluation(session, workstation_id: str, roc_year: int) -> tuple[int | None, str]:
    """(year, Evaluation code) of the latest evaluated budget year before ``roc_year`` ('' when none)."""
    row = session.exec(select(WorkstationBudget.roc_year, WorkstationBudget.evaluation)
                       .where(WorkstationBudget.workstation_id == workstation_id,
                              WorkstationBudget.roc_year < roc_year, WorkstationBudget.deleted_at.is_(None))
                       .order_by(WorkstationBudget.roc_year.desc())).first()
    return (row[0], row[1] or "") if row else (None, "")


@changes(Kind.WORKSTATIONS)
def save_budget(ctx: ServiceContext, workstation_id: str, roc_year: int, approved_subsidy: int,
                lines: dict[str, tuple[int, int, int]] | None = None, *, today: date | None = None,
                fulltime_staff: int | None = None, extension: bool | None = None,
                version: int | None = None) -> BudgetView:
    """Create or update the station's budget for ``roc_year``; ``lines`` maps a category to its totals
    (planned, disbursed, reimbursed). Categories left out keep their lines; all zeros removes them.
    New money is dated ``today`` (default: the computer's date). ``fulltime_staff`` is the year's own
    count (None keeps what the year has; a new year starts from the station's count). ``extension``
    marks the year as 延續補助, refused unless the year before was evaluated good. The view's
    ``notices`` carry what the plan in force warns about (a cap it does not publish, a year outside
    every plan). ``version``: the budget year's as the panel loaded it — a year someone saved since is
    refused with a SaveConflict (subsidy, staff, extension and each category's line) instead of overwritten."""
    today = today or date.today()
    year = check_roc_year(roc_year)
    with ctx.session_factory() as s:
        plans = programmes_store.loaded(s.connection())
        subsidy, notices = check_cap(plans, WORKSTATION_CAP, year, approved_subsidy, "approved_subsidy",
                                     "工作站每年核定補助款", "The workstation's yearly subsidy")
        ws = live(s, Workstation, workstation_id, "工作站", "workstation")
        budget = s.exec(select(WorkstationBudget).where(WorkstationBudget.workstation_id == ws.id,
                                                        WorkstationBudget.roc_year == year)).first()
        staff = (non_negative(fulltime_staff, "fulltime_staff", "該年度專職人員數", "Full-time staff of the year")
                 if fulltime_staff is not None else
                 (budget.fulltime_staff if budget is not None and budget.fulltime_staff is not None
                  else ws.fulltime_staff))
        wants_extension = bool(budget.extension) if extension is None and budget is not None else bool(extension)
        if wants_extension and not (budget is not None and budget.extension):
            evaluated_year, result = previous_evaluation(s, ws.id, year)
            refusal = extension_refusal(result, evaluated_year)
            if refusal is not None:
                raise refusal
        existing = _by_category(_live_lines(s, budget.id)) if budget else {}
        before = {c: _totals(group) for c, group in existing.items()}
        if budget is not None:
            base.refuse_if_saved_meanwhile(
                "workstation_budget", budget, version,
                {"approved_subsidy": subsidy, "fulltime_staff": staff, "extension": wants_extension,
                 **{f"line:{c}": list(v) for c, v in (lines or {}).items()}},
                {"approved_subsidy": budget.approved_subsidy,
                 "fulltime_staff": budget.fulltime_staff if budget.fulltime_staff is not None else ws.fulltime_staff,
                 "extension": bool(budget.extension),
                 **{f"line:{c}": list(before.get(c, (0, 0, 0))) for c in (lines or {})}})
        version_before = budget.version if budget is not None else None
        merged = {**before, **(lines or {})}
        clean = _validate_lines(subsidy, merged)
        if budget is None:
            budget = base.create(s, WorkstationBudget(workstation_id=ws.id, roc_year=year, approved_subsidy=subsidy,
                                                      approved_on=today if subsidy else None, fulltime_staff=staff,
                                                      extension=wants_extension),
                                 ctx.actor, "workstation_budget")
        else:
            if budget.deleted_at is not None:
                base.undelete(s, budget, ctx.actor, "workstation_budget")
            values: dict = {"approved_subsidy": subsidy, "fulltime_staff": staff, "extension": wants_extension}
            if budget.approved_on is None and (budget.approved_subsidy or subsidy):
                values["approved_on"] = taiwan_day(budget.created_at) if budget.approved_subsidy else today
            base.update(s, budget, ctx.actor, "workstation_budget", values)
        lines_changed = False
        for category, wanted in clean.items():
            if wanted != before.get(category, (0, 0, 0)):
                _record_amounts(s, ctx, budget, category, existing.get(category, []), wanted, today)
                lines_changed = True
        if lines_changed and budget.version == version_before:  # a colleague's panel must see new amounts too
            base.stamp_change(budget, ctx.actor)
            s.add(budget)
        s.commit()
        return _view(budget, _live_lines(s, budget.id), staff, plans, notices)


@changes(Kind.WORKSTATIONS)
def record_evaluation(ctx: ServiceContext, budget_id: str, evaluation: str, evaluated_on: date | None = None,
                      note: str = "", version: int | None = None) -> BudgetView:
    """評鑑: the result of a budget year (good / fair / poor; '' clears it), its date and a note; audited.
    ``version``: the budget year's as the panel loaded it — one saved since is refused (SaveConflict)."""
    code = one_of(evaluation, Evaluation, "evaluation", "評鑑結果", "evaluation") if evaluation else ""
    if code and evaluated_on is None:
        raise ValidationError("請填寫評鑑日期。", "Enter the evaluation date.", field="evaluated_on")
    with ctx.session_factory() as s:
        budget = live(s, WorkstationBudget, budget_id, "年度經費", "budget", for_update=version is not None)
        ws = live(s, Workstation, budget.workstation_id, "工作站", "workstation")
        values = {"evaluation": code, "evaluated_on": evaluated_on if code else None,
                  "evaluation_note": (note or "").strip()}
        base.refuse_if_saved_meanwhile("workstation_budget", budget, version, values)
        base.update(s, budget, ctx.actor, "workstation_budget", values)
        s.commit()
        return _view(budget, _live_lines(s, budget.id), budget_staff(budget, ws),
                     programmes_store.loaded(s.connection()))


@changes(Kind.WORKSTATIONS)
def delete_budget(ctx: ServiceContext, budget_id: str) -> None:
    with ctx.session_factory() as s:
        budget = live(s, WorkstationBudget, budget_id, "年度經費", "budget")
        for line in _live_lines(s, budget.id):
            base.soft_delete(s, line, ctx.actor, "budget_line")
        base.soft_delete(s, budget, ctx.actor, "workstation_budget")
        s.commit()

"""Money a proposal asks for: lines per work item of 表 1 and ROC year, self-funding, matching funds.

Totals and shares are always computed from the lines (never typed): :func:`summarise` is pure so
the editor's grid shows the same figures while typing as the PDF and the plan roll-up show later.
:func:`requested_by_work_item` is the center's view: what all its proposals request from each work
item, optionally beside the work item's yearly allocation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from sqlalchemy import text
from sqlmodel import Session, select

from counsel_desk.errors import ValidationError
from counsel_desk.models import FundingLine, Proposal, WorkItem, WorkItemAllocation
from counsel_desk.models.enums import Stage
from counsel_desk.services import base
from counsel_desk.services.programme import programme
from counsel_desk.store import programmes as programmes_store
from counsel_desk.services.base import ServiceContext

MAX_AMOUNT = 10_000_000_000  # NT$100 億: beyond any single proposal; catches a slipped key


@dataclass(frozen=True)
class WorkItemInfo:
    code: str
    agency: str
    name: str
    sort_order: int = 0

    @property
    def label(self) -> str:
        return f"{self.agency}｜{self.name}"


@dataclass
class WorkItemFunding:
    """One work item's row of a funding table: amounts per ROC year, total and share of the request."""

    code: str
    agency: str
    name: str
    by_year: dict[int, int] = field(default_factory=dict)
    total: int = 0
    share: float = 0.0  # of the requested total


@dataclass
class FundingSummary:
    years: list[int]
    items: list[WorkItemFunding]
    year_totals: dict[int, int]
    year_shares: dict[int, float]
    requested_total: int
    self_funding: int
    matching_funds: int

    @property
    def project_total(self) -> int:
        """Requested + 自籌 + 配合款: the whole cost of the proposal."""
        return self.requested_total + self.self_funding + self.matching_funds

    def share_of_project(self, amount: int) -> float:
        return amount / self.project_total if self.project_total else 0.0


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def summarise(lines: Iterable[tuple[str, int, int]], work_items: Iterable[WorkItemInfo], *,
              self_funding: int = 0, matching_funds: int = 0, years: Iterable[int] = (),
              all_items: bool = False) -> FundingSummary:
    """Totals per work item, per year, grand total and shares from ``(work_item_code, roc_year, amount)``.

    ``years`` adds columns even when empty (the editor shows the years being planned); ``all_items``
    keeps work items that request nothing (the editor's grid has a row for each).
    """
    amounts: dict[tuple[str, int], int] = {}
    for code, year, amount in lines:
        amounts[(code, int(year))] = amounts.get((code, int(year)), 0) + int(amount or 0)
    year_set = set(years) | {y for (_c, y), a in amounts.items() if a}
    year_list = sorted(year_set)
    rows: list[WorkItemFunding] = []
    for wi in sorted(work_items, key=lambda w: w.sort_order):
        by_year = {y: amounts.get((wi.code, y), 0) for y in year_list}
        total = sum(by_year.values())
        if total or all_items:
            rows.append(WorkItemFunding(wi.code, wi.agency, wi.name, by_year, total))
    year_totals = {y: sum(r.by_year[y] for r in rows) for y in year_list}
    requested = sum(year_totals.values())
    for r in rows:
        r.share = _share(r.total, requested)
    return FundingSummary(year_list, rows, year_totals, {y: _share(v, requested) for y, v in year_totals.items()},
                          requested, int(self_funding or 0), int(matching_funds or 0))


def work_items(session: Session) -> list[WorkItemInfo]:
    return [WorkItemInfo(w.code, w.agency, w.name, w.sort_order)
            for w in session.exec(select(WorkItem).order_by(WorkItem.sort_order))]


def list_work_items(ctx: ServiceContext) -> list[WorkItemInfo]:
    with ctx.session_factory() as s:
        return work_items(s)


def allocations(ctx: ServiceContext) -> dict[tuple[str, int], int]:
    """Known yearly allocation per work item under the plan in force each year, NT$ ((code, ROC year) → amount)."""
    with ctx.session_factory() as s:
        return {(a.work_item_code, a.roc_year): a.amount_ntd for a in s.exec(select(WorkItemAllocation))}


def live_lines(session: Session, proposal_ids: list[str]) -> list[FundingLine]:
    if not proposal_ids:
        return []
    return list(session.exec(select(FundingLine).where(FundingLine.proposal_id.in_(proposal_ids),  # type: ignore[attr-defined]
                                                         FundingLine.deleted_at.is_(None))))  # type: ignore[union-attr]


def validate_amount(amount: int, what_zh: str, what_en: str, field_name: str) -> int:
    try:
        value = int(amount)
    except (TypeError, ValueError):
        raise ValidationError(f"{what_zh}須為整數金額（新臺幣元）。", f"{what_en} must be a whole NT$ amount.",
                              field=field_name) from None
    if value < 0:
        raise ValidationError(f"{what_zh}不能是負數。", f"{what_en} cannot be negative.", field=field_name)
    if value > MAX_AMOUNT:
        raise ValidationError(f"{what_zh}超過新臺幣 100 億元，請確認金額。", f"{what_en} is over NT$10 billion.",
                              field=field_name)
    return value


def check_caps(grid: dict[tuple[str, int], int], plans: list[programmes_store.Programme]) -> None:
    """Refuse a request above a work item's known yearly allocation: more than the whole programme has.

    The cap is the plan in force's own figure (表 1 for the seed's plan); an unknown allocation can't refuse,
    but the lines under one plan asking more than that plan's whole known total (總經費) are refused too.
    """
    under: dict[str, int] = {}
    for (_code, year), amount in grid.items():
        plan = programmes_store.in_force(plans, int(year))
        if plan is not None:
            under[plan.code] = under.get(plan.code, 0) + amount
    for plan in plans:
        asked = under.get(plan.code, 0)
        if plan.total is not None and asked > plan.total:
            source = plan.sources.get("total_100m")
            raise ValidationError(
                f"此提案在「{plan.name}」期程內（民國 {plan.first_year}–{plan.last_year} 年）共申請新臺幣 {asked:,} 元，"
                f"超過「{plan.name}」總經費 {plan.total:,} 元" + (f"（依據：{source.text}）" if source else "") + "。",
                f"NT${asked:,} asked under '{plan.name_en or plan.name}' is above the plan's whole total "
                f"NT${plan.total:,}.", field="funding")
    for (code, year), amount in grid.items():
        a = programme.allocation(plans, code, int(year))
        if a.amount is not None and a.plan is not None and amount > a.amount:
            source = a.plan.sources.get("work_items")
            raise ValidationError(
                f"{code} {year} 年申請新臺幣 {amount:,} 元，超過「{a.plan.name}」此工作項目全年度額度 {a.amount:,} 元"
                + (f"（依據：{source.text}）" if source else "") + "。",
                f"{code} in ROC {year}: NT${amount:,} is above the work item's whole yearly allocation NT${a.amount:,}.",
                field="funding")


def save_lines(session: Session, ctx: ServiceContext, proposal_id: str, grid: dict[tuple[str, int], int]) -> None:
    """Make the proposal's live lines equal ``grid`` ((work item, ROC year) → NT$); zero removes a line."""
    known = {w.code: w for w in work_items(session)}
    wanted: dict[tuple[str, int], int] = {}
    for (code, year), amount in grid.items():
        if code not in known:
            raise ValidationError(f"表 1 沒有工作項目「{code}」。", f"Table 1 has no work item '{code}'.",
                                  field="funding")
        # a Western year is refused; a year outside every loaded plan is saved and warned about
        # (rules.funding_notices), never bounded by a fixed range
        programme.check_roc_year(year, "funding")
        value = validate_amount(amount, f"{known[code].name} {year} 年的經費", f"Funding for {code} in {year}",
                                "funding")
        if value:
            wanted[(code, int(year))] = value
    check_caps(wanted, programmes_store.loaded(session.connection()))
    existing: dict[tuple[str, int], FundingLine] = {}
    for line in live_lines(session, [proposal_id]):
        key = (line.work_item_code, line.roc_year)
        if key in existing or key not in wanted:  # a duplicate (e.g. after a merge) or no longer asked for
            base.soft_delete(session, line, ctx.actor, "funding_line")
        else:
            existing[key] = line
    for key, amount in wanted.items():
        line = existing.get(key)
        if line is None:
            base.create(session, FundingLine(proposal_id=proposal_id, work_item_code=key[0], roc_year=key[1],
                                             amount=amount), ctx.actor, "funding_line")
        else:
            base.update(session, line, ctx.actor, "funding_line", {"amount": amount})


def summary_for(session: Session, proposal_ids: list[str], *, self_funding: int = 0, matching_funds: int = 0,
                all_items: bool = False) -> FundingSummary:
    lines = [(l.work_item_code, l.roc_year, l.amount) for l in live_lines(session, proposal_ids)]
    return summarise(lines, work_items(session), self_funding=self_funding, matching_funds=matching_funds,
                     all_items=all_items)


def proposal_summary(ctx: ServiceContext, proposal_id: str) -> FundingSummary:
    with ctx.session_factory() as s:
        p = s.get(Proposal, proposal_id)
        if p is None:
            raise ValidationError("找不到這件提案。", "Proposal not found.")
        return summary_for(s, [proposal_id], self_funding=p.self_funding, matching_funds=p.matching_funds)


@dataclass
class WorkItemDemand:
    """The center's view of one work item: requested per year beside the item's yearly allocation."""

    code: str
    agency: str
    name: str
    requested: dict[int, int]
    allocation: dict[int, int | None]
    proposals: int  # how many proposals ask this item for money
    total: int = 0
    share: float = 0.0  # of everything requested
    allocation_status: dict[int, str] = field(default_factory=dict)  # see programme.Allocation.status


@dataclass
class CenterFunding:
    years: list[int]
    rows: list[WorkItemDemand]
    year_totals: dict[int, int]
    total: int
    proposals: int
    plans: dict[int, str | None] = field(default_factory=dict)  # ROC year → name of the plan in force
    notices: list[programme.Notice] = field(default_factory=list)  # years outside every loaded plan


ACTIVE_STAGES = tuple(s.value for s in Stage if s != Stage.REJECTED)


def requested_by_work_item(ctx: ServiceContext, *, center_code: str | None = None,
                           stages: Iterable[str] = ACTIVE_STAGES, years: Iterable[int] = ()) -> CenterFunding:
    """What the center's live proposals in ``stages`` request from each work item of 表 1, per ROC year."""
    stage_list = list(stages)
    center = center_code or ctx.center_code
    params: dict = {"center": center}
    stage_sql = ", ".join(f":st{n}" for n in range(len(stage_list))) or "''"
    params.update({f"st{n}": s for n, s in enumerate(stage_list)})
    # One pass over the lines (a query per figure scanned them three times).
    sql = text(
        "SELECT f.work_item_code, f.roc_year, f.proposal_id, f.amount "
        "FROM funding_line f JOIN proposal p ON p.id = f.proposal_id "
        "WHERE f.deleted_at IS NULL AND p.deleted_at IS NULL AND p.center_code = :center AND f.amount > 0 "
        f"AND p.stage IN ({stage_sql})")
    sums: dict[tuple[str, int], int] = {}
    asking: dict[str, set[str]] = {}
    with ctx.session_factory() as s:
        for code, year, proposal_id, amount in s.connection().execute(sql, params):
            sums[(code, int(year))] = sums.get((code, int(year)), 0) + int(amount)
            asking.setdefault(code, set()).add(proposal_id)
        loaded = programmes_store.loaded(s.connection())
        items = work_items(s)
    per_item = {code: len(ids) for code, ids in asking.items()}
    n_props = len(set().union(*asking.values())) if asking else 0
    year_list = sorted(set(years) | {y for (_c, y), a in sums.items() if a})
    rows = []
    for wi in items:
        requested = {y: sums.get((wi.code, y), 0) for y in year_list}
        alloc = {y: programme.allocation(loaded, wi.code, y) for y in year_list}
        rows.append(WorkItemDemand(wi.code, wi.agency, wi.name, requested,
                                   {y: a.amount for y, a in alloc.items()}, per_item.get(wi.code, 0),
                                   total=sum(requested.values()),
                                   allocation_status={y: a.status for y, a in alloc.items()}))
    total = sum(r.total for r in rows)
    for r in rows:
        r.share = _share(r.total, total)
    year_totals = {y: sum(r.requested[y] for r in rows) for y in year_list}
    plans = {y: (p.name if (p := programmes_store.in_force(loaded, y)) else None) for y in year_list}
    notices = [n for y in year_list if (n := programme.year_notice(loaded, y)) is not None]
    return CenterFunding(year_list, rows, year_totals, total, n_props, plans, notices)

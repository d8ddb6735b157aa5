"""Rules that speak up about a proposal: warnings with their reason and source, never silent.

:func:`notices` is pure (a :class:`ProposalDetail` and the facts it is judged against), so the editor
lists them while the counselor types, on the same 完整性 area as what is still missing. Only the
programme's absolute caps refuse (funding.check_caps, when funding is saved): a request above a
work item's known yearly allocation cannot be right. Everything else warns:

- a funding year outside every loaded plan, or a work item the plan in force does not list; a year whose
  plan publishes no split (the request cannot be compared: said so; above the plan's whole total: refused);
- an applicant type that does not fit the route (現行: 公所／縣府; 多元徵案: 商號、公司、社會企業…);
- a criterion (在地性、公共性、商業模式) scored 2 or lower while the draft is still to be sent;
- a proposal in a county outside the center's counties.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from sqlalchemy import text
from sqlmodel import Session

from counsel_desk.models.enums import Criterion, OrgKind, Route, Stage
from counsel_desk.services.programme import center_split, programme
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.programme.programme import Notice, Programme, Source
from counsel_desk.services.proposals.drafts import ProposalDetail
from counsel_desk.store import programmes as programmes_store

SEED = "加速推動地方創生計畫"
CENTER_SOURCE = center_split.SOURCE
ROUTE_SOURCE = Source(SEED, "圖 3 提案流程 2.0；叁、五、多元徵案（「以商號、公司、社會企業等名義」提出申請）")
CRITERIA_SOURCE = Source(SEED, "叁、五、多元徵案：「在兼顧在地性、公共性、適當商業模式等前提下」")

APPLICANTS: dict[str, frozenset[str]] = {
    Route.EXISTING.value: frozenset({OrgKind.TOWNSHIP_OFFICE.value, OrgKind.COUNTY_GOVERNMENT.value}),
    Route.MULTI.value: frozenset({OrgKind.SHOP.value, OrgKind.COMPANY.value, OrgKind.SOCIAL_ENTERPRISE.value,
                                  OrgKind.ASSOCIATION.value, OrgKind.LOCAL_GROUP.value, OrgKind.OTHER.value}),
}
LOW_SCORE = 2
BEFORE_SENDING = frozenset({Stage.IDEA.value, Stage.DRAFTING.value, Stage.CENTER_REVIEW.value,
                            Stage.RETURNED.value})


@dataclass(frozen=True)
class Facts:
    """What a proposal is judged against: the loaded plans and the counties of its center."""

    programmes: list[Programme]
    center_counties: frozenset[str] = field(default_factory=frozenset)
    center_code: str = ""
    county_centers: dict[str, str] = field(default_factory=dict)  # county code → its center (the split)
    county_names_en: dict[str, str] = field(default_factory=dict)  # county code → English name


def facts(session: Session, center_code: str) -> Facts:
    conn = session.connection()
    rows = conn.execute(text("SELECT code, default_center, name_en FROM county")).all()
    split = {code: center for code, center, _en in rows}
    counties = frozenset(code for code, center in split.items() if center == center_code)
    return Facts(programmes_store.loaded(conn), counties, center_code, split,
                 {code: name_en or "" for code, _c, name_en in rows})


def load_facts(ctx: ServiceContext) -> Facts:
    with ctx.session_factory() as s:
        return facts(s, ctx.center_code)


def _source(plan: Programme, key: str) -> Source:
    return plan.sources.get(key) or Source(plan.name, key)


def funding_notices(lines: Iterable[tuple[str, int, int]], plans: list[Programme]) -> list[Notice]:
    out: list[Notice] = []
    years = sorted({int(y) for _c, y, a in lines if a})
    for y in years:
        n = programme.year_notice(plans, y)
        if n is not None:
            out.append(n)
    unknown: dict[str, tuple[Programme, set[int]]] = {}  # plan code → (plan, years whose split is unknown)
    for code, year, amount in lines:
        if not amount:
            continue
        a = programme.allocation(plans, code, int(year))
        if a.status == "unknown" and a.plan is not None:
            unknown.setdefault(a.plan.code, (a.plan, set()))[1].add(int(year))
        if a.status == "not_listed" and a.plan is not None:
            out.append(Notice("work_item_not_in_plan",
                              f"民國 {year} 年適用「{a.plan.name}」，其工作項目未列「{code}」。",
                              f"In ROC {year} '{a.plan.name}' does not list the work item '{code}'.",
                              _source(a.plan, "work_items")))
    for plan, in_years in unknown.values():
        listed = "、".join(str(y) for y in sorted(in_years))
        out.append(Notice("allocation_unknown",
                          f"民國 {listed} 年適用「{plan.name}」，其分年、分工作項目經費未公布（未知）："
                          "申請金額無法對照額度，本程式未檢查。",
                          f"ROC {listed} falls under '{plan.name_en or plan.name}', whose yearly split per work item "
                          "is not published (unknown): the request cannot be compared with an allocation.",
                          _source(plan, "work_items")))
    return out


def notices(d: ProposalDetail, f: Facts) -> list[Notice]:
    """Every rule that has something to say about the draft as it stands (warnings only)."""
    out = funding_notices([(x.work_item_code, x.roc_year, x.amount) for x in d.funding], f.programmes)
    allowed = APPLICANTS.get(d.route)
    if d.applicant_type and allowed is not None and d.applicant_type not in allowed:
        kind = OrgKind(d.applicant_type)
        route = Route(d.route)
        fits = "、".join(OrgKind(k).zh for k in sorted(allowed, key=lambda k: list(OrgKind).index(OrgKind(k))))
        out.append(Notice("applicant_route",
                          f"申請單位類型「{kind.zh}」不符{route.zh}：此途徑由{fits}提出。",
                          f"A {kind.en.lower()} does not fit the {route.en.lower()}.", ROUTE_SOURCE))
    if d.stage in BEFORE_SENDING:
        low = [Criterion(c) for c, s in d.scores.items() if s.score is not None and s.score <= LOW_SCORE]
        if low:
            out.append(Notice("low_score",
                              f"{'、'.join(c.zh for c in low)}評分在 {LOW_SCORE} 分以下：送出前請再輔導補強。",
                              f"{', '.join(c.en for c in low)} scored {LOW_SCORE} or lower: strengthen before sending.",
                              CRITERIA_SOURCE))
    if d.county_code and f.center_counties and d.county_code not in f.center_counties:
        county = d.county_name or d.county_code
        ours = center_split.center_name(f.center_code) if f.center_code else "本分區輔導中心"
        owner = f.county_centers.get(d.county_code)
        belongs = f"（{county}屬{center_split.center_name(owner)}）" if owner else ""
        out.append(Notice("outside_center", f"「{county}」不在{ours}的縣市內{belongs}。",
                          f"{f.county_names_en.get(d.county_code) or d.county_code} is outside this center's counties.",
                          CENTER_SOURCE))
    return out

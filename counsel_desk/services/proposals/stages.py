"""Where a proposal (事業提案) or a plan (地方創生計畫) may move next, and what makes it ready to send.

The two flows of the seed's 圖 3 (提案流程 2.0), after the center's own 構想 → 撰寫中:

- 現行提案流程 (route ``existing``): 公所提報 → 縣府審查 (the county settles 土地使用、環保、補助款核撥、
  配合款編列、公有空間提供: the checklist, services/proposals/county.py) → 國發會／會報工作會議.
- 多元徵案 (route ``multi``): the team or workstation → 分區輔導中心 (consults, integrates) → 專案辦公室
  → 會報工作會議.

Both end 通過 / 退回修正 / 未通過. A returned draft (退回修正) goes back to 撰寫中 and comes round
again. Stepping back one stage is allowed where a person may have moved too early, and a decision
(通過 / 未通過) can be taken back to 會報審議 to correct a mistaken entry. A plan (地方創生計畫) is a
township office's: it follows the existing route.

The completeness check is pure (it reads a :class:`~counsel_desk.services.proposals.drafts.ProposalDetail`)
so the editor can show what is missing while the counselor types, not only when the move fails.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from counsel_desk.errors import UserError
from counsel_desk.models.enums import STAGE_ORDER, Criterion, Route, SectionKey, Stage

if TYPE_CHECKING:
    from counsel_desk.services.proposals.drafts import ProposalDetail

_END = {
    Stage.APPROVED: (Stage.COUNCIL,),
    Stage.RETURNED: (Stage.DRAFTING,),
    Stage.REJECTED: (Stage.DRAFTING, Stage.COUNCIL),
}
FLOWS: dict[Route, dict[Stage, tuple[Stage, ...]]] = {
    Route.EXISTING: {
        Stage.IDEA: (Stage.DRAFTING,),
        Stage.DRAFTING: (Stage.TOWNSHIP_FILED, Stage.IDEA),
        Stage.TOWNSHIP_FILED: (Stage.COUNTY_REVIEW, Stage.DRAFTING),
        Stage.COUNTY_REVIEW: (Stage.COUNCIL, Stage.RETURNED, Stage.TOWNSHIP_FILED),
        Stage.COUNCIL: (Stage.APPROVED, Stage.RETURNED, Stage.REJECTED, Stage.COUNTY_REVIEW),
        **_END,
    },
    Route.MULTI: {
        Stage.IDEA: (Stage.DRAFTING,),
        Stage.DRAFTING: (Stage.CENTER_REVIEW, Stage.IDEA),
        Stage.CENTER_REVIEW: (Stage.SENT, Stage.DRAFTING),
        Stage.SENT: (Stage.COUNCIL, Stage.RETURNED, Stage.CENTER_REVIEW),
        Stage.COUNCIL: (Stage.APPROVED, Stage.RETURNED, Stage.REJECTED, Stage.SENT),
        **_END,
    },
}
TRANSITIONS = FLOWS[Route.MULTI]  # kept for callers that know only the multi-channel flow

# The existing route's stage where the multi-channel route has another: a record that arrives in
# the other flow's stage (an older workbook, a changed route) is read as its counterpart here.
COUNTERPART: dict[Route, dict[Stage, Stage]] = {
    Route.EXISTING: {Stage.CENTER_REVIEW: Stage.TOWNSHIP_FILED, Stage.SENT: Stage.COUNTY_REVIEW},
    Route.MULTI: {Stage.TOWNSHIP_FILED: Stage.CENTER_REVIEW, Stage.COUNTY_REVIEW: Stage.SENT},
}

# Moving into these stages means the draft leaves the center (to the county, or to the project
# office): it must be complete.
NEEDS_COMPLETE = frozenset({Stage.SENT, Stage.TOWNSHIP_FILED})


def _route(route: str | None) -> Route:
    try:
        return Route(route or Route.MULTI.value)
    except ValueError:
        return Route.MULTI


def in_flow(stage: str, route: str | None) -> Stage:
    """``stage`` as the route's flow names it (see COUNTERPART)."""
    r = _route(route)
    st = Stage(stage)
    return COUNTERPART[r].get(st, st)


def flow_stages(route: str | None) -> list[Stage]:
    """The stages of a route's flow, in board order."""
    flow = FLOWS[_route(route)]
    return [s for s in STAGE_ORDER if s in flow]


def allowed_moves(stage: str, route: str | None = Route.MULTI.value) -> list[Stage]:
    """Stages reachable from ``stage`` on ``route`` (a plan: the existing route), in board order."""
    targets = FLOWS[_route(route)].get(in_flow(stage, route), ())
    return [s for s in STAGE_ORDER if s in targets]


def check_transition(from_stage: str, to_stage: str, route: str | None = Route.MULTI.value) -> None:
    """Raise UserError (in Chinese, naming both stages and the route) when the move is not allowed."""
    try:
        src, dst = Stage(from_stage), Stage(to_stage)
    except ValueError:
        raise UserError(f"不明的階段「{to_stage}」。", f"Unknown stage '{to_stage}'.") from None
    if src == dst:
        raise UserError(f"已在「{dst.zh}」階段。", f"Already at '{dst.en}'.")
    r = _route(route)
    options = allowed_moves(from_stage, r.value)
    if dst not in options:
        raise UserError(f"{r.zh}不能從「{src.zh}」直接移到「{dst.zh}」；可移到：{'、'.join(s.zh for s in options)}。",
                        f"On the {r.en.lower()} a proposal cannot move from '{src.en}' to '{dst.en}'; allowed: "
                        + ", ".join(s.en for s in options) + ".")


def missing_items(detail: "ProposalDetail") -> list[UserError]:
    """What a draft still lacks before it may go to the project office, one entry per gap.

    Each entry is a UserError whose ``field`` names the place in the editor to fix it.
    """
    problems: list[UserError] = []
    if not detail.applicant_type:
        problems.append(UserError("申請單位類型未填", "Applicant type is missing", field="applicant_type"))
    if not (detail.organization_name or "").strip():
        problems.append(UserError("申請單位（組織名稱）未填", "Applicant organisation is missing",
                                  field="organization"))
    if not detail.county_code:
        problems.append(UserError("縣市未填", "County is missing", field="county"))
    if not detail.township_code:
        problems.append(UserError("鄉鎮市區未填", "Township is missing", field="township"))
    elif detail.county_code and not detail.township_code.startswith(detail.county_code):
        problems.append(UserError("鄉鎮市區不屬於所選縣市", "The township is not in the chosen county",
                                  field="township"))
    for key in SectionKey:
        if not (detail.sections.get(key.value) or "").strip():
            problems.append(UserError(f"章節「{key.zh}」尚未填寫", f"Section '{key.en}' is empty",
                                      field=f"section:{key.value}"))
    if not any(line.amount > 0 for line in detail.funding):
        problems.append(UserError("至少需要一筆經費需求（表 1 工作項目與年度）",
                                  "At least one funding line (work item of table 1 and year) is needed",
                                  field="funding"))
    for crit in Criterion:
        if crit.value not in detail.scores:
            problems.append(UserError(f"「{crit.zh}」尚未評分", f"'{crit.en}' has no score",
                                      field=f"score:{crit.value}"))
    return problems

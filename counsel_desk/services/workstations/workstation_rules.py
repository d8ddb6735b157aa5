"""The workstation and public-space rules of the plan in force in a year, as numbers and as warnings.

Every cap and rule here comes from the programme file of the plan in force in the record's ROC year
(``caps`` in resources/programmes/*.json, docs/programme.md), never from a constant:

- the subsidy caps (workstation a year, public space a site) refuse an amount above them — the only
  absolute rules; a cap the plan in force does not publish (unknown) or a year no loaded plan covers
  is warned about instead (:func:`check_cap`);
- the personnel-cost share (50 %, 60 % with three full-time staff in the seed's years), judged on the
  budget year's own staff (:func:`personnel_rule`);
- the 12-month term and 延續補助 only after a good 評鑑 (:func:`term_notices`, :func:`can_extend`);
- the eligibility facts (host's age and years on site, partners, partners aged 20–45, full-time
  staff) and the center's counties, each a :class:`~counsel_desk.services.programme.programme.Notice` with
  its reason and source (:func:`station_notices`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from datetime import date, timedelta

from counsel_desk.errors import ValidationError
from counsel_desk.i18n import pick
from counsel_desk.services.programme import programme
from counsel_desk.services.formatting import roc_year as roc_year_of
from counsel_desk.services.programme.programme import Notice, Programme, Source
from counsel_desk.services.programme.program_base import non_negative
from counsel_desk.store import programmes as store

WORKSTATION_CAP = "workstation_per_year"
PUBLIC_SPACE_CAP = "public_space_per_site"
PERSONNEL = "personnel_share"
TERM = "workstation_term"
ELIGIBILITY = "workstation_eligibility"


@dataclass(frozen=True)
class PlanCap:
    """A cap of the plan in force in a year: its figures, or why there are none."""

    key: str
    roc_year: int
    plan: Programme | None  # None: no loaded plan covers the year
    cap: store.Cap | None  # None: the plan does not name this cap at all

    @property
    def amount(self) -> int | None:
        return self.cap.amount if self.cap else None

    def number(self, name: str) -> float | int | None:
        return self.cap.number(name) if self.cap else None

    @property
    def source(self) -> Source | None:
        return self.cap.source if self.cap else None

    @property
    def plan_name(self) -> str:
        return self.plan.name if self.plan else ""

    @property
    def plan_name_en(self) -> str:
        return (self.plan.name_en or self.plan.name) if self.plan else ""


def plan_cap(plans: list[Programme], key: str, roc_year: int) -> PlanCap:
    plan = store.in_force(plans, int(roc_year))
    return PlanCap(key, int(roc_year), plan, plan.cap(key) if plan else None)


def _unknown(pc: PlanCap, what_zh: str, what_en: str) -> Notice:
    return Notice(f"{pc.key}_unknown",
                  f"民國 {pc.roc_year} 年適用「{pc.plan_name}」，未公布{what_zh}（未知），本程式未檢查；"
                  "專案辦公室可發布新版計畫定義檔補上。",
                  f"ROC {pc.roc_year} falls under '{pc.plan_name_en}', which does not publish {what_en} (unknown): "
                  "not checked.", pc.source)


def check_cap(plans: list[Programme], key: str, roc_year: int, amount: Any, field: str, what_zh: str,
              what_en: str) -> tuple[int, list[Notice]]:
    """``amount`` checked against the cap ``key`` of the plan in force in ``roc_year``.

    Above a known cap: refused (ValidationError naming the cap, the plan and its source). An unknown
    cap or a year outside every loaded plan: accepted with a warning.
    """
    value = non_negative(amount, field, what_zh, what_en)
    pc = plan_cap(plans, key, roc_year)
    if pc.plan is None:
        notice = programme.year_notice(plans, int(roc_year))
        return value, [notice] if notice else []
    if pc.amount is None:
        return value, [_unknown(pc, f"{what_zh}上限", f"the cap on {what_en.lower()}")] if value else []
    if value > pc.amount:
        source = f"（依據：{pc.source.text}）" if pc.source else ""
        raise ValidationError(
            f"{what_zh} NT${value:,} 超過民國 {pc.roc_year} 年適用之「{pc.plan_name}」上限 NT${pc.amount:,}{source}，"
            f"未儲存；請改為 NT${pc.amount:,} 以下。",
            f"{what_en} NT${value:,} exceeds the cap of NT${pc.amount:,} under '{pc.plan_name_en}' "
            f"(ROC {pc.roc_year}); not saved.", field=field)
    return value, []


def cap_label(plans: list[Programme], key: str, roc_year: int) -> tuple[int | None, str]:
    """(amount, plan name) of the cap in force, for a form's caption; amount None = unknown or no plan."""
    pc = plan_cap(plans, key, roc_year)
    return pc.amount, pick(pc.plan_name, pc.plan_name_en)


# --- the personnel-cost rule --------------------------------------------------------------------------
@dataclass(frozen=True)
class PersonnelRule:
    """人事費比例 of the plan in force in a budget year (share None = the plan does not publish it)."""

    roc_year: int
    share: float | None
    share_staffed: float | None
    staffed_from: int | None
    plan: Programme | None
    source: Source | None

    @property
    def known(self) -> bool:
        return self.share is not None

    def limit(self, fulltime_staff: int) -> float | None:
        if self.share is None:
            return None
        if self.share_staffed is not None and self.staffed_from and fulltime_staff >= self.staffed_from:
            return float(self.share_staffed)
        return float(self.share)

    @property
    def plan_name(self) -> str:
        return self.plan.name if self.plan else ""


def personnel_rule(plans: list[Programme], roc_year: int) -> PersonnelRule:
    pc = plan_cap(plans, PERSONNEL, roc_year)
    staffed_from = pc.number("staffed_from")
    return PersonnelRule(int(roc_year), pc.number("share"), pc.number("share_staffed"),
                         int(staffed_from) if staffed_from is not None else None, pc.plan, pc.source)


# --- term and 延續補助 ------------------------------------------------------------------------------------
def _months_between(start: date, end: date) -> float:
    return (end - start + timedelta(days=1)).days / 30.4375


def term_notices(plans: list[Programme], term_start: date | None, term_end: date | None) -> list[Notice]:
    """A term longer than the plan's subsidy period (12 months in the seed's years) is warned about."""
    if not term_start or not term_end:
        return []
    pc = plan_cap(plans, TERM, roc_year_of(term_start))
    months = pc.number("months")
    if months is None or _months_between(term_start, term_end) <= months + 0.5:
        return []
    return [Notice("term_too_long",
                   f"期程 {term_start.isoformat()}–{term_end.isoformat()} 超過「{pc.plan_name}」的補助期間 {months:g} 個月；"
                   "期滿後經評鑑績效良好者，請以「延續補助」另起一年。",
                   f"The term is longer than the {months:g}-month subsidy period of '{pc.plan_name_en}'; after a good "
                   "evaluation record an extension year instead.", pc.source)]


def extension_refusal(evaluation: str | None, evaluated_year: int | None) -> ValidationError | None:
    """延續補助 is granted only after a good 評鑑 (None when it may be granted)."""
    from counsel_desk.models.enums import Evaluation

    if evaluation == Evaluation.GOOD.value:
        return None
    if not evaluation:
        zh = "尚未記錄評鑑結果" if evaluated_year is None else f"民國 {evaluated_year} 年度尚未記錄評鑑結果"
        en = "no evaluation is recorded"
    else:
        label = Evaluation(evaluation).zh
        zh = f"民國 {evaluated_year} 年度評鑑結果為「{label}」"
        en = f"the evaluation was '{Evaluation(evaluation).en}'"
    return ValidationError(f"無法延續補助：{zh}；延續補助須經評鑑績效良好（依工作站申請須知：補助期間 12 個月，"
                           "經評鑑績效良好者得延續補助一年）。",
                           f"No extension: {en}; an extension needs a good evaluation.", field="evaluation")


def extension_limit_refusal(plans: list[Programme], roc_year: int, extended_already: bool) -> ValidationError | None:
    """A station already extended asks for another year: the plan of the year it was approved gives one extension
    year (``extension_years``), so a second is refused with that source; a plan that says nothing refuses nothing."""
    pc = plan_cap(plans, TERM, roc_year)
    years = pc.number("extension_years")
    if not extended_already or years is None or years > 1:
        return None
    source = f"（{pc.source.text}）" if pc.source else ""
    return ValidationError(f"無法延續補助：本站已延續補助過；「{pc.plan_name}」規定經評鑑績效良好者得延續補助一年{source}。",
                           f"No extension: the station was extended already; '{pc.plan_name_en}' gives one extension "
                           "year after a good evaluation.", field="evaluation")


# --- eligibility and place ------------------------------------------------------------------------------
@dataclass(frozen=True)
class StationFacts:
    """What a station's eligibility is judged on (None = not recorded)."""

    year: int  # ROC year whose plan judges it (year approved, else the current year)
    host_age: int | None
    host_years_on_site: int | None
    partners: int
    young_partners: int | None
    fulltime_staff: int


def eligibility_unjudged(plans: list[Programme], f: StationFacts) -> Notice | None:
    """Why a station's eligibility cannot be judged, if it cannot: its year lies outside every loaded plan, or
    the plan in force publishes no eligibility rules (unknown) — said, never silently skipped."""
    pc = plan_cap(plans, ELIGIBILITY, f.year)
    if pc.plan is None:
        return programme.year_notice(plans, f.year)
    if pc.cap is None or not pc.cap.known:
        return _unknown(pc, "工作站申請資格", "workstation eligibility rules")
    return None


def eligibility_notices(plans: list[Programme], f: StationFacts) -> list[Notice]:
    """Each eligibility fact the plan in force names and the station does not meet (warnings only)."""
    pc = plan_cap(plans, ELIGIBILITY, f.year)
    if pc.cap is None:
        return []
    out: list[Notice] = []

    def warn(code: str, zh: str, en: str) -> None:
        out.append(Notice(code, zh, en, pc.source))

    max_age, min_years, partners = pc.number("host_max_age"), pc.number("host_min_years"), pc.number("partners")
    young, young_lo, young_hi = pc.number("young_partners"), pc.number("young_min_age"), pc.number("young_max_age")
    fulltime_min = pc.number("fulltime_min")
    if max_age is not None and f.host_age is not None and f.host_age > max_age:
        warn("host_age", f"駐點負責人 {f.host_age} 歲，超過申請資格的 {max_age:g} 歲。",
             f"The host is {f.host_age}, above the age limit of {max_age:g}.")
    if min_years is not None and f.host_years_on_site is not None and f.host_years_on_site < min_years:
        warn("host_years", f"駐點負責人在地蹲點 {f.host_years_on_site} 年，未達 {min_years:g} 年。",
             f"The host has {f.host_years_on_site} years on site, fewer than {min_years:g}.")
    if partners is not None and f.partners and f.partners < partners:
        warn("partners", f"團隊夥伴 {f.partners} 人，未達 {partners:g} 人。", f"{f.partners} partners, fewer than {partners:g}.")
    if young is not None and f.young_partners is not None and f.young_partners < young:
        ages = f"{young_lo:g}–{young_hi:g} 歲" if young_lo is not None and young_hi is not None else ""
        warn("young_partners", f"夥伴中 {ages} 者 {f.young_partners} 人，未達 {young:g} 人。",
             f"{f.young_partners} partners in the age band, fewer than {young:g}.")
    if fulltime_min is not None and f.fulltime_staff < fulltime_min:
        warn("fulltime_min", f"專職人員 {f.fulltime_staff} 人，未達至少 {fulltime_min:g} 人。",
             f"{f.fulltime_staff} full-time staff, fewer than {fulltime_min:g}.")
    return out

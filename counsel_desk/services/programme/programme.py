"""The programme (計畫) as data: which plan is in force in a year, its allocations, loading a newer file.

Every figure that depends on a plan — a work item's yearly allocation, shares, caps, the report's
cover — asks :func:`plan_in_force` for its ROC year. A year no loaded plan covers is answered with
``None`` and :func:`year_notice` says so (with the plans that are loaded), never with the nearest
plan's figures. The project office issues an updated programme file; :func:`load_file` (or the
interchange import) keeps it only when its version is newer than the one loaded, audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from pathlib import Path

from counsel_desk.errors import UserError, ValidationError
from counsel_desk.i18n import pick
from counsel_desk.services.base import ServiceContext
from counsel_desk.store import programmes as store
from counsel_desk.store.programmes import LoadOutcome, Programme, Source
from counsel_desk.services.formatting import ROC_OFFSET

__all__ = ["Allocation", "LoadOutcome", "Notice", "Programme", "Source", "allocation", "check_roc_year", "describe_outcome",
           "load_file", "load_text", "loaded", "plan_in_force", "year_notice"]

MAX_FILE_BYTES = 1_000_000  # a programme file is a few KB; anything this big is not one


@dataclass(frozen=True)
class Notice:
    """A rule speaking up: what it says, why, and where the rule comes from."""

    code: str
    zh: str
    en: str
    source: Source | None = None
    refuse: bool = False  # only the programme's absolute caps refuse; everything else warns

    @property
    def message(self) -> str:
        return pick(self.zh, self.en)

    @property
    def source_text(self) -> str:
        return self.source.text if self.source else ""

    @property
    def line(self) -> str:
        """⚠ the message （its source）: one line where the user acts (the sources are Chinese documents:
        cited in the Chinese interface)."""
        return f"⚠ {self.message}" + (pick(f"（{self.source_text}）", "") if self.source_text else "")


def check_roc_year(value: Any, field: str = "roc_year") -> int:
    """A ROC year (e.g. 115). A Western year is refused; a year outside every loaded plan is not bounded
    here but warned about (:func:`year_notice`) where the plans are known."""
    try:
        year = int(value or 0)
    except (TypeError, ValueError):
        year = 0
    if not 1 <= year < ROC_OFFSET:
        raise ValidationError(f"年度「{value}」不是民國年：請填民國年，例如 115（西元 2026 年為民國 115 年）。",
                              f"'{value}' is not a ROC year (2026 is ROC 115).", field=field)
    return year


def loaded(ctx: ServiceContext) -> list[Programme]:
    """Every programme loaded in this database, by first year."""
    with ctx.session_factory() as s:
        return store.loaded(s.connection())


def plan_in_force(ctx: ServiceContext, roc_year: int, programmes: list[Programme] | None = None) -> Programme | None:
    """The plan in force in ``roc_year`` (ROC), or ``None`` when no loaded plan covers it."""
    return store.in_force(loaded(ctx) if programmes is None else programmes, int(roc_year))


def year_notice(programmes: list[Programme], roc_year: int) -> Notice | None:
    """A warning when ``roc_year`` lies outside every loaded plan."""
    if store.in_force(programmes, roc_year) is not None:
        return None
    spans = "、".join(f"「{p.name}」（{p.first_year}–{p.last_year}）" for p in programmes) or "（無）"
    spans_en = ", ".join(f"{p.name_en or p.name} ({p.first_year}–{p.last_year})" for p in programmes) or "(none)"
    periods = "；".join(p.sources["period"].text for p in programmes if "period" in p.sources)
    return Notice("year_outside_plans",
                  f"民國 {roc_year} 年不在任何已載入計畫的期程內；已載入：{spans}。",
                  f"ROC {roc_year} lies outside every loaded plan; loaded: {spans_en}.",
                  Source("各計畫期程", periods) if periods else None)


@dataclass(frozen=True)
class Allocation:
    """A work item's allocation in a year under the plan in force: the amount or why there is none."""

    amount: int | None  # NT$
    status: str  # "known", "provisional" (暫列), "unknown", "not_listed", "no_plan"
    plan: Programme | None

    @property
    def label_zh(self) -> str:
        return {"provisional": "暫列", "unknown": "未知（計畫未公布分年分項經費）",
                "not_listed": "非此計畫工作項目", "no_plan": "無計畫涵蓋此年度"}.get(self.status, "")


def allocation(programmes: list[Programme], code: str, roc_year: int) -> Allocation:
    plan = store.in_force(programmes, roc_year)
    if plan is None:
        return Allocation(None, "no_plan", None)
    if plan.work_items is None:
        return Allocation(None, "unknown", plan)
    item = plan.work_item(code)
    if item is None:
        return Allocation(None, "not_listed", plan)
    amount = item.allocations.get(roc_year)
    if amount is None:
        return Allocation(None, "unknown", plan)
    return Allocation(amount, "provisional" if plan.is_provisional(roc_year) else "known", plan)


def load_text(ctx: ServiceContext, text: str, origin: str) -> LoadOutcome:
    """Parse and keep a programme file's text (a newer version only); the load is audited either way."""
    programme = store.parse(text, origin)
    with ctx.session_factory() as s:
        outcome = store.store(s.connection(), programme, origin=origin, actor=ctx.actor)
        s.commit()
    return outcome


def load_file(ctx: ServiceContext, path: Path | str) -> LoadOutcome:
    path = Path(path).expanduser()
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise UserError(f"「{path.name}」太大，不是計畫定義檔。", f"'{path.name}' is too big to be a programme file.")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"找不到檔案：{path}", f"File not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"無法讀取「{path.name}」（{exc}）。", f"Cannot read '{path.name}' ({exc}).") from None
    return load_text(ctx, text, str(path))


def describe_outcome(o: LoadOutcome) -> str:
    """One line for the user: what happened to the file they loaded."""
    return o.describe()

"""The manager's own words for a report: 本月工作重點, 下月工作重點, 待協助事項.

Written on the reports page, kept per center and period (``report_narrative``, a synced record: it
travels in the interchange workbook from format v12), read into the figures by :func:`counsel_desk.reports.figures.compute` and so frozen with the
figures when the report is marked as sent.
"""

from __future__ import annotations

from sqlmodel import select

from counsel_desk.errors import UserError, ValidationError
from counsel_desk.models import ReportNarrative, utcnow
from counsel_desk.reports.figures_types import Narrative
from counsel_desk.services.period import Period
from counsel_desk.services.base import ServiceContext, refuse_if_saved_meanwhile

MAX_CHARS = 4000  # each section; a page of text
SECTIONS = (("this_month", "本月工作重點"), ("next_month", "下月工作重點"), ("help_needed", "待協助事項"))


def read(ctx: ServiceContext, center: str | None, period: Period) -> Narrative:
    return loaded(ctx, center, period)[0]


def loaded(ctx: ServiceContext, center: str | None, period: Period) -> tuple[Narrative, int]:
    """The words and their version (0: none written yet), which the editor saves against."""
    if center is None:
        return Narrative(), 0
    with ctx.session_factory() as s:
        row = _row(s, center, period)
        return (Narrative(row.this_month, row.next_month, row.help_needed), row.version) if row else (Narrative(), 0)


def save(ctx: ServiceContext, center: str | None, period: Period, narrative: Narrative,
         version: int | None = None) -> bool:
    """Store the words (trimmed); True when something changed. All centers' report has none. ``version``: the
    one the editor loaded (:func:`loaded`) — words someone saved since are refused with a SaveConflict (both
    values of each section that differs), never overwritten."""
    if center is None:
        raise UserError("全部分區的彙整報表沒有工作重點；請選擇一個分區中心。",
                        "The report of all centers has no manager's notes; choose one center.")
    clean = {}
    for key, zh in SECTIONS:
        value = (getattr(narrative, key) or "").strip()
        if len(value) > MAX_CHARS:
            raise ValidationError(f"{zh}最多 {MAX_CHARS:,} 字，目前 {len(value):,} 字。",
                                  f"At most {MAX_CHARS:,} characters ({len(value):,} now).", field=key)
        clean[key] = value
    with ctx.session_factory() as s:
        row = _row(s, center, period, lock=version is not None)
        if row is not None:
            refuse_if_saved_meanwhile("report_narrative", row, version, clean)
        if row is None:
            if not any(clean.values()):
                return False
            row = ReportNarrative(center_code=center, period_start=period.start, period_end=period.end, version=0)
        elif all(getattr(row, k) == v for k, v in clean.items()):
            return False
        for key, value in clean.items():
            setattr(row, key, value)
        row.updated_at, row.updated_by, row.version = utcnow(), ctx.actor, row.version + 1
        s.add(row)
        s.commit()
    return True


def _row(s, center: str, period: Period, *, lock: bool = False) -> ReportNarrative | None:
    """The period's words; ``lock``: held until COMMIT on a server, as services.base.load_for_update does."""
    query = select(ReportNarrative).where(ReportNarrative.center_code == center,
                                          ReportNarrative.period_start == period.start,
                                          ReportNarrative.period_end == period.end)
    return s.exec(query.with_for_update() if lock and s.get_bind().dialect.name != "sqlite" else query).first()

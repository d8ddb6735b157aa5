"""Small table models of the reports page: the report's figures and the sent revisions."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QModelIndex, QPersistentModelIndex

from counsel_desk.i18n import pick
from counsel_desk.models.enums import TargetMetric
from counsel_desk.reports.figures_types import ReportFigures
from counsel_desk.reports.summary import HOURS, summary_rows
from counsel_desk.services.period import TAIWAN_UTC_OFFSET
from counsel_desk.reports.snapshots import SentReport
from counsel_desk.services.formatting import shown_date
from counsel_desk.ui.widgets.rows import RowsModel
from counsel_desk.ui.widgets.text import fmt

Index = QModelIndex | QPersistentModelIndex


def _number(value: int | float | None, decimals: int = 0) -> str:
    """1,234 — or 1,234.5 with ``decimals=1`` (hours: 6.0 beside 194.5, never 6)."""
    if value is None:
        return "—"
    if decimals:
        return f"{value:,.{decimals}f}"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.1f}"
    return f"{round(value):,}"


def _local(at: datetime) -> str:
    """A stored UTC moment as Taiwan time, 民國 date."""
    local = at.replace(tzinfo=None) + TAIWAN_UTC_OFFSET
    return f"{shown_date(local.date())} {local:%H:%M}"


class FiguresModel(RowsModel):
    """Item | figure | unit — the summary of the report, then the targets year to date."""

    COL_ITEM, COL_VALUE, COL_UNIT = range(3)

    def __init__(self, parent=None):
        super().__init__(parent=parent, right=(self.COL_VALUE,))
        self.set_titles([self.tr("Item"), self.tr("Figure"), self.tr("Unit")])

    def set_figures(self, f: ReportFigures | None) -> None:
        if f is None:
            self.set_values([])
            return
        rows = [[r.shown_label(), _number(r.value, 1 if r.unit == HOURS else 0), r.shown_unit()]
                for r in summary_rows(f)]
        for t in f.targets:
            decimals = 1 if t.metric == TargetMetric.SUPPORT_HOURS.value else 0
            target = _number(t.target, decimals) if t.target else "—"
            label = fmt(self.tr("%1 (yearly target %2)"), pick(t.label_zh, t.label_en), target)
            share = "" if t.share is None else fmt(self.tr("(%1 of target)"), f"{t.share:.1%}")
            rows.append([label, _number(t.actual, decimals), share])
        self.set_values(rows)


class RevisionsModel(RowsModel):
    """The sent revisions of the chosen center and period, newest first."""

    COL_REVISION, COL_SENT, COL_BY, COL_XLSX, COL_PDF = range(5)

    def __init__(self, parent=None):
        super().__init__(parent=parent, right=(self.COL_REVISION,))
        self.set_titles([self.tr("Revision"), self.tr("Sent on"), self.tr("Sent by"), self.tr("Excel SHA-256"),
                         self.tr("PDF SHA-256")])
        self.reports: list[SentReport] = []

    def set_reports(self, reports: list[SentReport]) -> None:
        self.reports = reports
        self.set_values([[str(r.revision), _local(r.sent_at), r.sent_by or "—",
                        r.xlsx_sha256[:16] + "…", r.pdf_sha256[:16] + "…"] for r in reports])

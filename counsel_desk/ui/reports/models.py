"""Small table models of the reports page: the report's figures and the sent revisions."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QModelIndex, QPersistentModelIndex

from counsel_desk.i18n import current_language, pick
from counsel_desk.models.enums import TargetMetric
from counsel_desk.reports.figures_types import ReportFigures
from counsel_desk.reports.monthly_xlsx import summary_rows
from counsel_desk.services.period import TAIWAN_UTC_OFFSET
from counsel_desk.reports.snapshots import SentReport
from counsel_desk.services.formatting import ROC_OFFSET, shown_date
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


# The summary's items and units (reports/monthly_xlsx.summary_rows writes them in Chinese for the report
# itself) as the screen shows them in English; an item missing here keeps its Chinese label.
SUMMARY_EN = {
    "實地訪視": "Site visits", "新增追蹤事項": "Follow-ups opened", "結案追蹤事項": "Follow-ups closed",
    "期末逾期未結追蹤事項": "Follow-ups overdue at period end", "工作站輔導場次": "Workstation support sessions",
    "工作站輔導時數": "Workstation support hours", "工作站輔導參與人次": "Workstation support participants",
    "期末提案數": "Proposals at period end", "本期新增提案": "New proposals",
    "本期提案階段異動": "Proposal stage changes", "本期送專案辦公室提案": "Proposals sent to the project office",
    "其中再送件（退回修正後）": "of which resubmitted after revision", "本期核定提案": "Proposals approved",
    "交流、學習與推廣活動": "Exchange, learning and promotion events", "活動參與人次": "Event participants",
    "人事費超過上限之工作站": "Workstations over the personnel cost cap",
    "青年留鄉／返鄉（成果紀錄）": "Young people who stayed or returned (outcome records)",
    "就業機會（成果紀錄）": "Jobs (outcome records)", "培力課程": "Training courses", "培力課程時數": "Training hours",
    "培力課程學員": "Trainees",
}
UNIT_EN = {"次": "times", "件": "items", "場": "sessions", "小時": "hours", "人次": "people", "元": "NT$",
           "站": "stations", "人": "people", "個": "jobs"}


def summary_label(label: str) -> str:
    """An item of the summary in the app's language (申請經費合計（115年） → Funding requested (2026))."""
    if current_language() != "en":
        return label
    if label.startswith("申請經費合計（") and label.endswith("年）"):
        roc = label[len("申請經費合計（"):-2]
        return f"Funding requested ({int(roc) + ROC_OFFSET})" if roc.isdigit() else "Funding requested"
    return SUMMARY_EN.get(label, label)


def unit_label(unit: str) -> str:
    return UNIT_EN.get(unit, unit) if current_language() == "en" else unit


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
        rows = [[summary_label(label), _number(value, 1 if unit == "小時" else 0), unit_label(unit)]
                for label, value, unit in summary_rows(f)]
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

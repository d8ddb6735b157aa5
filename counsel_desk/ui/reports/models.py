"""Small table models of the reports page: the report's figures and the sent revisions."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from counsel_desk.reports.figures_types import ReportFigures
from counsel_desk.reports.monthly_xlsx import summary_rows
from counsel_desk.services.period import TAIWAN_UTC_OFFSET
from counsel_desk.reports.snapshots import SentReport
from counsel_desk.services.formatting import roc_date

Index = QModelIndex | QPersistentModelIndex


def _number(value: int | float | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.1f}"
    return f"{round(value):,}"


def _local(at: datetime) -> str:
    """A stored UTC moment as Taiwan time, 民國 date."""
    local = at.replace(tzinfo=None) + TAIWAN_UTC_OFFSET
    return f"{roc_date(local.date())} {local:%H:%M}"


class _RowsModel(QAbstractTableModel):
    """Rows of display strings; columns right-aligned where numbers are."""

    HEADERS: tuple[str, ...] = ()
    RIGHT: tuple[int, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[list[str]] = []

    def set_rows(self, rows: list[list[str]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.RIGHT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.HEADERS):
            return self.translated_headers()[section]
        return None

    def translated_headers(self) -> list[str]:
        return list(self.HEADERS)


class FiguresModel(_RowsModel):
    """Item | figure | unit — the summary of the report, then the targets year to date."""

    COL_ITEM, COL_VALUE, COL_UNIT = range(3)
    HEADERS = ("Item", "Figure", "Unit")
    RIGHT = (1,)

    def translated_headers(self) -> list[str]:
        return [self.tr("Item"), self.tr("Figure"), self.tr("Unit")]

    def set_figures(self, f: ReportFigures | None) -> None:
        if f is None:
            self.set_rows([])
            return
        rows = [[label, _number(value), unit] for label, value, unit in summary_rows(f)]
        for t in f.targets:
            share = "" if t.share is None else f"（{t.share:.1%}）"
            target = _number(t.target) if t.target else "—"
            rows.append([f"{t.label_zh}（年度目標 {target}）", _number(t.actual), share])
        self.set_rows(rows)


class RevisionsModel(_RowsModel):
    """The sent revisions of the chosen center and period, newest first."""

    COL_REVISION, COL_SENT, COL_BY, COL_XLSX, COL_PDF = range(5)
    HEADERS = ("Revision", "Sent on", "Sent by", "Excel SHA-256", "PDF SHA-256")
    RIGHT = (0,)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.reports: list[SentReport] = []

    def translated_headers(self) -> list[str]:
        return [self.tr("Revision"), self.tr("Sent on"), self.tr("Sent by"), self.tr("Excel SHA-256"),
                self.tr("PDF SHA-256")]

    def set_reports(self, reports: list[SentReport]) -> None:
        self.reports = reports
        self.set_rows([[str(r.revision), _local(r.sent_at), r.sent_by or "—",
                        r.xlsx_sha256[:16] + "…", r.pdf_sha256[:16] + "…"] for r in reports])

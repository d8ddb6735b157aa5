"""The funding grid: work items of 表 1 × ROC years, amounts typed in NT$, totals and shares computed.

Only the amount cells are editable; the totals row, the total and share columns and the project
summary are computed from the cells with the service's pure ``summarise`` — the same arithmetic
as the PDF and the plan roll-up. The same model shows a plan's rolled-up money read-only.
"""

from __future__ import annotations


from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox,
    QStyledItemDelegate, QTableView, QVBoxLayout, QWidget,
)

from counsel_desk.services.formatting import ntd, spaced
from counsel_desk.services.proposals.display import percent
from counsel_desk.services.proposals.funding import FundingSummary, WorkItemInfo, summarise
from counsel_desk.ui.widgets.fields import AMOUNT_PATTERN, MoneyEdit, parse_amount
from counsel_desk.ui.widgets.rows import table_view
from counsel_desk.ui.widgets.text import fmt

# Any ROC year can be entered (a year outside every loaded plan is warned about on the 完整性 page,
# never refused); the spin box only keeps out Western years.
FIRST_ROC_YEAR, LAST_ROC_YEAR = 1, 1910

COMPUTED_BG = QColor("#f1f4f7")
class FundingGridModel(QAbstractTableModel):
    """Rows: work items, then the totals row. Columns: work item, one per ROC year, total, share."""

    amounts_changed = Signal()

    def __init__(self, work_items: list[WorkItemInfo], *, editable: bool = True,
                 allocations: dict[tuple[str, int], int] | None = None, parent=None):
        super().__init__(parent)
        self.work_items = work_items
        self.editable = editable
        self.allocations = allocations or {}
        self.years: list[int] = []
        self.amounts: dict[tuple[str, int], int] = {}
        self.self_funding = 0
        self.matching_funds = 0
        self.summary = summarise([], work_items)
        self._rows: list[WorkItemInfo] = list(work_items)

    # --- state ----------------------------------------------------------------------------------
    def set_amounts(self, amounts: dict[tuple[str, int], int], years: list[int]) -> None:
        self.beginResetModel()
        self.amounts = {k: int(v) for k, v in amounts.items() if v}
        self.years = sorted(set(years) | {y for (_c, y) in self.amounts})
        self._recompute()
        if not self.editable:  # a read-only roll-up shows only the items that ask for money
            asked = {item.code for item in self.summary.items if item.total}
            self._rows = [w for w in self.work_items if w.code in asked]
        self.endResetModel()

    def set_summary(self, summary: FundingSummary) -> None:
        self.set_amounts({(i.code, y): a for i in summary.items for y, a in i.by_year.items()}, summary.years)
        self.self_funding, self.matching_funds = summary.self_funding, summary.matching_funds
        self._recompute()

    def add_year(self, year: int) -> None:
        if year in self.years or not FIRST_ROC_YEAR <= year <= LAST_ROC_YEAR:
            return
        self.set_amounts(self.amounts, self.years + [year])
        self.amounts_changed.emit()

    def remove_year(self, year: int) -> bool:
        """Drop an empty year column; a year with money stays (clear its cells first)."""
        if year not in self.years or any(a for (c, y), a in self.amounts.items() if y == year):
            return False
        self.set_amounts(self.amounts, [y for y in self.years if y != year])
        self.amounts_changed.emit()
        return True

    def set_extra(self, self_funding: int, matching_funds: int) -> None:
        self.self_funding, self.matching_funds = self_funding, matching_funds
        self._recompute()

    def grid(self) -> dict[tuple[str, int], int]:
        """Every cell of the grid (zeros included, so a cleared cell removes its line)."""
        return {(w.code, y): self.amounts.get((w.code, y), 0) for w in self.work_items for y in self.years}

    def _recompute(self) -> None:
        lines = [(c, y, a) for (c, y), a in self.amounts.items()]
        self.summary = summarise(lines, self.work_items, self_funding=self.self_funding,
                                 matching_funds=self.matching_funds, years=self.years, all_items=True)

    # --- Qt model API ---------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows) + 1

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.years) + 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return self.tr("Work item (agency)")
        if 1 <= section <= len(self.years):
            return fmt(self.tr("ROC %1"), str(self.years[section - 1]))
        if section == len(self.years) + 1:
            return self.tr("Total")
        if section == len(self.years) + 2:
            return self.tr("Share")
        return None

    def _is_total_row(self, row: int) -> bool:
        return row == len(self._rows)

    def _item_row(self, code: str):
        return next((r for r in self.summary.items if r.code == code), None)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        n_years = len(self.years)
        total_row = self._is_total_row(row)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == 0:
                return self.tr("Requested total") if total_row else f"{self._rows[row].agency}｜{self._rows[row].name}"
            if total_row:
                if col <= n_years:
                    return ntd(self.summary.year_totals.get(self.years[col - 1], 0))
                if col == n_years + 1:
                    return ntd(self.summary.requested_total)
                return percent(1.0) if self.summary.requested_total else ""
            item = self._item_row(self._rows[row].code)
            if col <= n_years:
                amount = self.amounts.get((self._rows[row].code, self.years[col - 1]), 0)
                if role == Qt.ItemDataRole.EditRole:
                    return str(amount) if amount else ""
                return ntd(amount) if amount else ""
            if col == n_years + 1:
                return ntd(item.total) if item and item.total else ""
            return percent(item.share) if item and item.total else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and (total_row or col > n_years or not self.editable):
            return QBrush(COMPUTED_BG)
        if role == Qt.ItemDataRole.FontRole and total_row:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and not total_row:
            if col == 0:
                return self._rows[row].name
            if 1 <= col <= n_years:
                alloc = self.allocations.get((self._rows[row].code, self.years[col - 1]))
                if alloc:
                    return fmt(self.tr("The plan in force allocates %1 to this work item in ROC %2 (whole programme)"),
                               f"NT${ntd(alloc)}", str(self.years[col - 1]))
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and not self._is_total_row(index.row()) and 1 <= index.column() <= len(self.years):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        amount = parse_amount(value)
        if amount is None:
            return False
        key = (self._rows[index.row()].code, self.years[index.column() - 1])
        if amount:
            self.amounts[key] = amount
        else:
            self.amounts.pop(key, None)
        self._recompute()
        self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
        self.amounts_changed.emit()
        return True


class AmountDelegate(QStyledItemDelegate):
    """Cells take whole NT$ amounts; thousands separators may be typed or pasted."""

    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        editor.setValidator(QRegularExpressionValidator(AMOUNT_PATTERN, editor))
        editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        return editor


def make_grid_view(model: FundingGridModel, name: str) -> QTableView:
    """The amounts grid: a cell at a time, typed into; the work items' column takes the room left."""
    view = table_view(model, name, stretch=0, wrap=False,
                      editing=QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                      | QAbstractItemView.EditTrigger.AnyKeyPressed)
    view.setItemDelegate(AmountDelegate(view))
    header = view.horizontalHeader()
    header.setMinimumSectionSize(96)
    header.setDefaultSectionSize(110)
    return view


class FundingPanel(QWidget):
    """The editor's funding tab: grid, years, self-funding and matching funds, and the summary."""

    changed = Signal()

    def __init__(self, work_items: list[WorkItemInfo], allocations: dict[tuple[str, int], int],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.model = FundingGridModel(work_items, allocations=allocations, parent=self)
        self.view = make_grid_view(self.model, "fundingGrid")
        self.year = QSpinBox()
        self.year.setObjectName("fundingYear")
        self.year.setRange(FIRST_ROC_YEAR, LAST_ROC_YEAR)
        self.year.setPrefix(self.tr("ROC "))
        self.add_year_button = QPushButton(self.tr("Add year"))
        self.add_year_button.setObjectName("addYear")
        self.remove_year_button = QPushButton(self.tr("Remove empty year"))
        self.self_funding = MoneyEdit()
        self.self_funding.setMaximumWidth(160)
        self.self_funding.setObjectName("selfFunding")
        self.matching_funds = MoneyEdit()
        self.matching_funds.setMaximumWidth(160)
        self.matching_funds.setObjectName("matchingFunds")
        self.summary_label = QLabel()
        self.summary_label.setObjectName("fundingSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)

        years = QHBoxLayout()
        years.addWidget(QLabel(self.tr("Amounts in NT$ per work item of table 1 and ROC year; totals are computed.")))
        years.addStretch(1)
        years.addWidget(self.year)
        years.addWidget(self.add_year_button)
        years.addWidget(self.remove_year_button)
        extra = QGridLayout()
        extra.addWidget(QLabel(self.tr("Self-funding:")), 0, 0)
        extra.addWidget(self.self_funding, 0, 1)
        extra.addWidget(QLabel(self.tr("Matching funds:")), 0, 2)
        extra.addWidget(self.matching_funds, 0, 3)
        extra.setColumnStretch(4, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(years)
        layout.addWidget(self.view, 1)
        layout.addLayout(extra)
        layout.addWidget(self.summary_label)

        self.add_year_button.clicked.connect(lambda: self.model.add_year(self.year.value()))
        self.remove_year_button.clicked.connect(self._remove_year)
        self.model.amounts_changed.connect(self._changed)
        self.self_funding.value_changed.connect(lambda _a: self._changed())
        self.matching_funds.value_changed.connect(lambda _a: self._changed())

    def load(self, lines: dict[tuple[str, int], int], self_funding: int, matching_funds: int,
             default_years: list[int]) -> None:
        years = sorted({y for (_c, y) in lines}) or default_years
        self.model.set_amounts(lines, years)
        for edit, value in ((self.self_funding, self_funding), (self.matching_funds, matching_funds)):
            edit.blockSignals(True)
            edit.set_value(value)
            edit.blockSignals(False)
        self.model.set_extra(self_funding, matching_funds)
        self.year.setValue(max(self.model.years) + 1 if self.model.years else default_years[0])
        self._show_summary()

    def _remove_year(self) -> None:
        year = self.year.value() if self.year.value() in self.model.years else (self.model.years or [0])[-1]
        self.model.remove_year(year)

    def _changed(self) -> None:
        self.model.set_extra(self.self_funding.value(), self.matching_funds.value())
        self._show_summary()
        self.changed.emit()

    def _show_summary(self) -> None:
        s = self.model.summary
        parts = [(self.tr("Requested"), s.requested_total), (self.tr("Self-funding"), s.self_funding),
                 (self.tr("Matching funds"), s.matching_funds)]
        text = spaced(f"{name} <b>NT${ntd(v)}</b> ({percent(s.share_of_project(v))})" for name, v in parts)
        self.summary_label.setText(spaced([text, "=", self.tr("Total cost") + f" <b>NT${ntd(s.project_total)}</b>"]))

"""A workstation's budget per ROC year: subsidy, lines by category, the personnel rule and progress.

The years table lists every budget with its personnel share (flagged ones in red); below it the
chosen year's subsidy and, per category, planned / disbursed (撥款) / reimbursed (核銷) amounts are
edited and saved in one go. The personnel-cost rule (≤ 50% of the subsidy, ≤ 60% with three or more
full-time staff) is shown with its figures, a bar and, when broken, a red message; execution
progress (disbursed and reimbursed against the subsidy) as figures and bars.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QProgressBar, QPushButton, QSpinBox,
    QTableView, QVBoxLayout, QWidget,
)

from counsel_desk.errors import UserError
from counsel_desk.models.enums import BudgetCategory
from counsel_desk.services import workstations as ws_service
from counsel_desk.services.formatting import ntd, roc_year
from counsel_desk.services.workstation_budgets import BudgetCheck, BudgetView
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.messages import confirm, show_error
from counsel_desk.ui.visits.widgets import FieldError
from counsel_desk.ui.workstations.widgets import ALERT, MoneyEdit, RowsModel, bold_label

GOOD = "#2e7d32"
AMOUNTS = ("planned", "disbursed", "reimbursed")


def _bar_style(colour: str) -> str:
    return f"QProgressBar {{ text-align: center; }} QProgressBar::chunk {{ background: {colour}; }}"


class BudgetPanel(QWidget):
    budget_saved = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.station_id: str | None = None
        self.views: list[BudgetView] = []

        self.years_model = RowsModel([self.tr("Year"), self.tr("Subsidy"), self.tr("Personnel share"),
                                      self.tr("Disbursed"), self.tr("Reimbursed")], self, align_right=(1, 2, 3, 4))
        self.years_view = QTableView()
        self.years_view.setModel(self.years_model)
        self.years_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.years_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.years_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.years_view.verticalHeader().setVisible(False)
        self.years_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.years_view.setMaximumHeight(140)

        self.year = QSpinBox()
        self.year.setRange(100, 200)
        self.year.setPrefix(self.tr("ROC "))
        self.subsidy = MoneyEdit()
        self.cap_note = QLabel(self.tr("cap NT$3,000,000 a year"))
        self.cap_note.setProperty("role", "figureCaption")
        self.year_note = QLabel()
        self.year_note.setProperty("role", "figureCaption")

        self.lines: dict[str, dict[str, MoneyEdit]] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        for col, title in enumerate((self.tr("Planned"), self.tr("Disbursed"), self.tr("Reimbursed")), 1):
            grid.addWidget(bold_label(title), 0, col)
        for row, cat in enumerate(BudgetCategory, 1):
            grid.addWidget(QLabel(cat.label), row, 0)
            self.lines[cat.value] = {}
            for col, key in enumerate(AMOUNTS, 1):
                edit = MoneyEdit()
                edit.setObjectName(f"{cat.value}_{key}")
                self.lines[cat.value][key] = edit
                grid.addWidget(edit, row, col)
        total_row = len(BudgetCategory) + 1
        grid.addWidget(bold_label(self.tr("Total")), total_row, 0)
        self.totals = {key: QLabel() for key in AMOUNTS}
        for col, key in enumerate(AMOUNTS, 1):
            grid.addWidget(self.totals[key], total_row, col)

        self.error = FieldError()
        self.save_button = QPushButton(self.tr("Save budget"))
        self.delete_button = QPushButton(self.tr("Delete this year"))

        self.check_title = QLabel(self.tr("Personnel-cost rule"))
        self.check_title.setStyleSheet("font-weight: bold;")
        self.check_figures = QLabel()
        self.check_bar = QProgressBar()
        self.check_bar.setRange(0, 1000)
        self.check_message = QLabel()
        self.check_message.setWordWrap(True)
        self.progress_title = QLabel(self.tr("Execution"))
        self.progress_title.setStyleSheet("font-weight: bold;")
        self.disbursed_bar = QProgressBar()
        self.disbursed_bar.setRange(0, 1000)
        self.reimbursed_bar = QProgressBar()
        self.reimbursed_bar.setRange(0, 1000)
        self.disbursed_label = QLabel()
        self.reimbursed_label = QLabel()

        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("Year")))
        head.addWidget(self.year)
        head.addSpacing(12)
        head.addWidget(QLabel(self.tr("Approved subsidy NT$")))
        head.addWidget(self.subsidy, 1)
        head.addWidget(self.cap_note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.year_note, 1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.save_button)
        progress = QGridLayout()
        progress.addWidget(QLabel(self.tr("Disbursed")), 0, 0)
        progress.addWidget(self.disbursed_bar, 0, 1)
        progress.addWidget(self.disbursed_label, 0, 2)
        progress.addWidget(QLabel(self.tr("Reimbursed")), 1, 0)
        progress.addWidget(self.reimbursed_bar, 1, 1)
        progress.addWidget(self.reimbursed_label, 1, 2)
        progress.setColumnStretch(1, 1)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.years_view)
        lay.addLayout(head)
        lay.addLayout(grid)
        lay.addWidget(self.error)
        lay.addLayout(buttons)
        lay.addWidget(self.check_title)
        lay.addWidget(self.check_figures)
        lay.addWidget(self.check_bar)
        lay.addWidget(self.check_message)
        lay.addWidget(self.progress_title)
        lay.addLayout(progress)

        self.year.valueChanged.connect(self._show_year)
        self.years_view.selectionModel().currentRowChanged.connect(self._year_row_chosen)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete_year)
        for edits in self.lines.values():
            for edit in edits.values():
                edit.textChanged.connect(self._update_totals)

    # --- loading --------------------------------------------------------------------------------
    def load(self, station_id: str | None, year: int | None = None) -> None:
        self.station_id = station_id
        self.setEnabled(station_id is not None)
        self.views = ws_service.budgets(self.ctx.services(), station_id) if station_id else []
        self.years_model.set_rows([
            (str(v.roc_year), [str(v.roc_year), v.approved_subsidy, f"{v.check.share:.1%}" if v.approved_subsidy else "—",
                               v.progress.disbursed, v.progress.reimbursed], None if v.check.ok else ALERT)
            for v in self.views])
        chosen = year or (self.views[0].roc_year if self.views else roc_year(date.today()))
        self.year.blockSignals(True)
        self.year.setValue(chosen)
        self.year.blockSignals(False)
        self._show_year(chosen)

    def _year_row_chosen(self, current, _previous) -> None:
        if current.isValid():
            self.year.setValue(int(self.years_model.values_at(current.row())[0]))

    def current_view(self) -> BudgetView | None:
        return next((v for v in self.views if v.roc_year == self.year.value()), None)

    def _show_year(self, year: int) -> None:
        view = self.current_view()
        self.error.clear_message()
        self.subsidy.set_value(view.approved_subsidy if view else 0)
        for cat, edits in self.lines.items():
            line = view.line(cat) if view else None
            for key, edit in edits.items():
                edit.set_value(getattr(line, key) if line else 0)
        self.delete_button.setEnabled(view is not None)
        self.year_note.setText("" if view else self.tr("No budget for ROC %1 yet: enter it and save.")
                               .replace("%1", str(year)))
        for row in range(self.years_model.rowCount()):
            if self.years_model.values_at(row)[0] == str(year):
                self.years_view.selectRow(row)
                break
        else:
            self.years_view.clearSelection()
        self._show_check(view)

    def _update_totals(self) -> None:
        for key in AMOUNTS:
            self.totals[key].setText(ntd(sum(edits[key].value() for edits in self.lines.values())))

    def _show_check(self, view: BudgetView | None) -> None:
        self._update_totals()
        check: BudgetCheck | None = view.check if view else None
        if check is None:
            self.check_figures.setText(self.tr("No budget saved for this year."))
            self.check_bar.setValue(0)
            self.check_bar.setFormat("")
            self.check_message.setText("")
            for bar, label in ((self.disbursed_bar, self.disbursed_label), (self.reimbursed_bar, self.reimbursed_label)):
                bar.setValue(0)
                bar.setFormat("")
                label.setText("")
            return
        self.check_figures.setText(
            self.tr("Personnel NT$%1 of subsidy NT$%2 — %3 (limit %4, %5 full-time staff)")
            .replace("%1", ntd(check.personnel)).replace("%2", ntd(check.subsidy))
            .replace("%3", f"{check.share:.1%}").replace("%4", f"{check.limit:.0%}")
            .replace("%5", str(check.fulltime_staff)))
        self.check_bar.setValue(min(1000, round(check.share / check.limit * 1000)) if check.limit else 0)
        self.check_bar.setFormat(self.tr("%1 of the %2 limit").replace("%1", f"{check.share:.1%}")
                                 .replace("%2", f"{check.limit:.0%}"))
        colour = GOOD if check.ok else ALERT
        self.check_bar.setStyleSheet(_bar_style(colour))
        self.check_message.setText(check.message)
        self.check_message.setStyleSheet(f"color: {colour};" + ("" if check.ok else " font-weight: bold;"))
        self.check_message.setProperty("flagged", not check.ok)
        p = view.progress
        for bar, label, amount, share in ((self.disbursed_bar, self.disbursed_label, p.disbursed, p.disbursed_share),
                                          (self.reimbursed_bar, self.reimbursed_label, p.reimbursed,
                                           p.reimbursed_share)):
            bar.setValue(min(1000, round(share * 1000)))
            bar.setFormat(f"{share:.1%}")
            bar.setStyleSheet(_bar_style("#2171b5"))
            label.setText(f"NT${ntd(amount)} / NT${ntd(p.subsidy)}")

    # --- saving ---------------------------------------------------------------------------------
    def line_values(self) -> dict[str, tuple[int, int, int]]:
        return {cat: tuple(edits[k].value() for k in AMOUNTS) for cat, edits in self.lines.items()}

    def save(self) -> bool:
        if self.station_id is None:
            return False
        year = self.year.value()
        try:
            ws_service.save_budget(self.ctx.services(), self.station_id, year, self.subsidy.value(),
                                   self.line_values())
        except UserError as exc:
            self.error.show_message(exc.message)
            return False
        except Exception as exc:  # noqa: BLE001 — any failure is shown to the user, nothing half-saved
            show_error(self, exc)
            return False
        self.load(self.station_id, year)
        self.ctx.workstations_changed.emit()
        self.budget_saved.emit()
        return True

    def delete_year(self) -> None:
        view = self.current_view()
        if view is None or not confirm(self, self.tr("Delete the budget of ROC %1 and its lines?")
                                       .replace("%1", str(view.roc_year)), do=self.tr("Delete")):
            return
        try:
            ws_service.delete_budget(self.ctx.services(), view.id)
        except Exception as exc:  # noqa: BLE001 — any failure is shown to the user, nothing half-saved
            show_error(self, exc)
            return
        self.load(self.station_id)
        self.ctx.workstations_changed.emit()

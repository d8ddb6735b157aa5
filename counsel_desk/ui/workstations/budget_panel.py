"""A workstation's budget per ROC year: subsidy, the year's staff, lines by category, the personnel rule,
progress and the year's evaluation (評鑑).

The years table lists every budget with its personnel share (flagged ones in red); below it the
chosen year's subsidy, full-time staff of that year, 延續補助 and, per category, planned / disbursed
(撥款) / reimbursed (核銷) amounts are edited and saved in one go. The cap and the personnel-cost rule
are those of the plan in force in the year (seed's years: NT$3,000,000; ≤ 50%, ≤ 60% with three or
more full-time staff that year); a year whose plan publishes neither says so. The rule is shown with
its figures, a bar and, when broken, a red message; what the plan warns about when saving in amber;
execution progress as figures and bars; the evaluation (result, date, note) under it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QProgressBar,
    QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from counsel_desk.models.enums import BudgetCategory, Evaluation
from counsel_desk.services.programme import programme
from counsel_desk.services.workstations import workstations as ws_service
from counsel_desk.services.workstations.workstation_rules import WORKSTATION_CAP, cap_label
from counsel_desk.services.formatting import ntd, roc_year
from counsel_desk.services.workstations.workstation_budgets import BudgetCheck, BudgetView
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.messages import confirm, guarded
from counsel_desk.ui.widgets.conflict_dialog import save_resolving
from counsel_desk.ui.widgets.text import fmt
from counsel_desk.ui.theme import ALERT, GOOD, WARN
from counsel_desk.ui.widgets.rows import RowsModel, table_view
from counsel_desk.ui.widgets.choices import EnumCombo
from counsel_desk.ui.widgets.date_edit import DateEdit
from counsel_desk.ui.widgets.fields import FieldError, MoneyEdit, heading


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

        self.years_model = RowsModel([self.tr("Year"), self.tr("Subsidy"), self.tr("Personnel %"),
                                      self.tr("Disbursed"), self.tr("Reimbursed"), self.tr("Review")],
                                     self, right=(1, 2, 3, 4))
        self.years_view = table_view(self.years_model, even=True, stretch=None, max_height=140)

        self.year = QSpinBox()
        self.year.setRange(1, 1910)  # any ROC year; one outside every plan is warned about when saved
        self.year.setPrefix(self.tr("ROC "))
        self.subsidy = MoneyEdit()
        self.cap_note = QLabel()
        self.cap_note.setProperty("role", "figureCaption")
        self.cap_note.setWordWrap(True)
        self.staff = QSpinBox()
        self.staff.setRange(0, 999)
        self.staff.setToolTip(self.tr("Full-time staff in this budget year: the personnel-cost rule is judged on them."))
        self.extension = QCheckBox(self.tr("Extension year"))
        self.extension.setToolTip(self.tr("Only after the year before was evaluated good."))
        self.notices = QLabel()
        self.notices.setWordWrap(True)
        self.notices.setStyleSheet(f"color: {WARN};")
        self.evaluation = EnumCombo(Evaluation, any_text=self.tr("Not evaluated"))
        self.evaluated_on = DateEdit()
        self.evaluation_note = QLineEdit()
        self.evaluation_note.setPlaceholderText(self.tr("Evaluation note"))
        self.evaluation_button = QPushButton(self.tr("Save evaluation"))
        self.year_note = QLabel()
        self.year_note.setProperty("role", "figureCaption")

        self.lines: dict[str, dict[str, MoneyEdit]] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        for col, title in enumerate((self.tr("Planned"), self.tr("Disbursed"), self.tr("Reimbursed")), 1):
            grid.addWidget(heading(title), 0, col)
        for row, cat in enumerate(BudgetCategory, 1):
            grid.addWidget(QLabel(cat.label), row, 0)
            self.lines[cat.value] = {}
            for col, key in enumerate(AMOUNTS, 1):
                edit = MoneyEdit()
                edit.setObjectName(f"{cat.value}_{key}")
                self.lines[cat.value][key] = edit
                grid.addWidget(edit, row, col)
        total_row = len(BudgetCategory) + 1
        grid.addWidget(heading(self.tr("Total")), total_row, 0)
        self.totals = {key: QLabel() for key in AMOUNTS}
        for col, key in enumerate(AMOUNTS, 1):
            grid.addWidget(self.totals[key], total_row, col)

        self.error = FieldError()
        self.save_button = QPushButton(self.tr("Save budget"))
        self.delete_button = QPushButton(self.tr("Delete this year"))

        self.check_title = heading(self.tr("Personnel-cost rule"))
        self.check_figures = QLabel()
        self.check_bar = QProgressBar()
        self.check_bar.setRange(0, 1000)
        self.check_message = QLabel()
        self.check_message.setWordWrap(True)
        self.progress_title = heading(self.tr("Execution"))
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
        staff_row = QHBoxLayout()
        staff_row.addWidget(QLabel(self.tr("Full-time staff this year")))
        staff_row.addWidget(self.staff)
        staff_row.addSpacing(12)
        staff_row.addWidget(self.extension)
        staff_row.addStretch(1)
        evaluation = QHBoxLayout()
        evaluation.addWidget(heading(self.tr("Evaluation")))
        evaluation.addWidget(self.evaluation)
        evaluation.addWidget(self.evaluated_on)
        evaluation.addWidget(self.evaluation_note, 1)
        evaluation.addWidget(self.evaluation_button)
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
        lay.addWidget(self.cap_note)
        lay.addLayout(staff_row)
        lay.addLayout(grid)
        lay.addWidget(self.error)
        lay.addWidget(self.notices)
        lay.addLayout(buttons)
        lay.addWidget(self.check_title)
        lay.addWidget(self.check_figures)
        lay.addWidget(self.check_bar)
        lay.addWidget(self.check_message)
        lay.addWidget(self.progress_title)
        lay.addLayout(progress)
        lay.addLayout(evaluation)

        self.year.valueChanged.connect(self._show_year)
        self.years_view.selectionModel().currentRowChanged.connect(self._year_row_chosen)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete_year)
        self.evaluation_button.clicked.connect(self.save_evaluation)
        for edits in self.lines.values():
            for edit in edits.values():
                edit.textChanged.connect(self._update_totals)

    # --- loading --------------------------------------------------------------------------------
    def load(self, station_id: str | None, year: int | None = None) -> None:
        self.station_id = station_id
        self.setEnabled(station_id is not None)
        self.views = ws_service.budgets(self.ctx.services(), station_id) if station_id else []
        self.plans = programme.loaded(self.ctx.services())
        self.station_staff = ws_service.get_workstation(self.ctx.services(), station_id).fulltime_staff \
            if station_id else 0
        self.years_model.set_rows([
            (str(v.roc_year), [str(v.roc_year), v.approved_subsidy, f"{v.check.share:.1%}" if v.approved_subsidy else "—",
                               v.progress.disbursed, v.progress.reimbursed, self._year_marks(v)],
             None if v.check.ok else ALERT)
            for v in self.views])
        chosen = year or (self.views[0].roc_year if self.views else roc_year(date.today()))
        self.year.blockSignals(True)
        self.year.setValue(chosen)
        self.year.blockSignals(False)
        self._show_year(chosen)

    def _year_marks(self, v: BudgetView) -> str:
        """The year's 評鑑 result and whether it is a 延續補助 year, for the years table ("—" for neither)."""
        marks = ([self.tr("Ext.", "an extension year (延續補助)")] if v.extension else []) + (
            [Evaluation.label_of(v.evaluation)] if v.evaluation else [])
        return "・".join(marks) or "—"

    def _year_row_chosen(self, current, _previous) -> None:
        if current.isValid():
            self.year.setValue(int(self.years_model.values_at(current.row())[0]))

    def current_view(self) -> BudgetView | None:
        return next((v for v in self.views if v.roc_year == self.year.value()), None)

    def _show_year(self, year: int) -> None:
        view = self.current_view()
        self.error.clear_message()
        self.notices.setText("")
        self.subsidy.set_value(view.approved_subsidy if view else 0)
        self.staff.setValue(view.fulltime_staff if view else self.station_staff)
        self.extension.setChecked(bool(view and view.extension))
        self.evaluation.set_code(view.evaluation if view else "")
        self.evaluated_on.set_date(view.evaluated_on if view else None)
        self.evaluation_note.setText(view.evaluation_note if view else "")
        for w in (self.evaluation, self.evaluated_on, self.evaluation_note, self.evaluation_button):
            w.setEnabled(view is not None)
        self._show_cap(year)
        for cat, edits in self.lines.items():
            line = view.line(cat) if view else None
            for key, edit in edits.items():
                edit.set_value(getattr(line, key) if line else 0)
        self.delete_button.setEnabled(view is not None)
        self.year_note.setText("" if view else fmt(self.tr("No budget for ROC %1 yet: enter it and save."), str(year)))
        for row in range(self.years_model.rowCount()):
            if self.years_model.values_at(row)[0] == str(year):
                self.years_view.selectRow(row)
                break
        else:
            self.years_view.clearSelection()
        self._show_check(view)

    def _show_cap(self, year: int) -> None:
        amount, plan = cap_label(self.plans, WORKSTATION_CAP, year)
        if not plan:
            self.cap_note.setText(fmt(self.tr("ROC %1 lies outside every loaded plan: no cap to check."), str(year)))
        elif amount is None:
            self.cap_note.setText(fmt(self.tr("%1 (in force in ROC %2) publishes no cap: not checked."), plan,
                                      str(year)))
        else:
            self.cap_note.setText(fmt(self.tr("Cap NT$%1 a year (%2, in force in ROC %3)"), ntd(amount), plan,
                                      str(year)))

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
        limit = f"{check.limit:.0%}" if check.limit is not None else self.tr("unknown")
        self.check_figures.setText(
            fmt(self.tr("Personnel NT$%1 of subsidy NT$%2 — %3 (limit %4, %5 full-time staff)"), ntd(check.personnel),
                ntd(check.subsidy), f"{check.share:.1%}", limit, str(check.fulltime_staff)))
        self.check_bar.setValue(min(1000, round(check.share / check.limit * 1000)) if check.limit else 0)
        self.check_bar.setFormat(fmt(self.tr("%1 of the %2 limit"), f"{check.share:.1%}", limit))
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
        station_id, loaded = self.station_id, self.current_view()
        lines = self.line_values()
        values: dict = {"approved_subsidy": self.subsidy.value(), "fulltime_staff": self.staff.value(),
                        "extension": self.extension.isChecked(), **{f"line:{c}": v for c, v in lines.items()}}

        def save(taken: dict, version: int | None) -> ws_service.BudgetView:
            v = {**taken}
            return self.ctx.run(
                ws_service.save_budget, self.ctx.services(), station_id, year, v["approved_subsidy"],
                {c[5:]: tuple(amounts) for c, amounts in v.items() if c.startswith("line:")},
                fulltime_staff=v["fulltime_staff"], extension=v["extension"], version=version)

        with guarded(self, into=self.error) as done:  # saved by someone else meanwhile: she decides field by field
            found = save_resolving(self, save, values, loaded.version if loaded else None, self._labels(),
                                   {c.value: c.label for c in BudgetCategory})
            if found is None:
                return False
            view = found
        if not done:
            return False
        self.load(self.station_id, year)
        self.budget_saved.emit()
        self.show_notices(view.notices)  # after the page's refresh, which reloads the panel
        return True

    def _labels(self) -> dict[str, str]:
        """What the conflict dialog names each field (a category's line: planned / disbursed / reimbursed)."""
        amounts = " / ".join((self.tr("Planned"), self.tr("Disbursed"), self.tr("Reimbursed")))
        return {"approved_subsidy": self.tr("Approved subsidy NT$"), "fulltime_staff": self.tr("Full-time staff this year"),
                "extension": self.extension.text(),
                **{f"line:{c.value}": f"{c.label} ({amounts})" for c in BudgetCategory}}

    def show_notices(self, notices) -> None:
        """What the plan in force warns about, with its source (saved anyway: only caps refuse)."""
        self.notices.setText("\n".join(n.line for n in notices))

    def save_evaluation(self) -> bool:
        view = self.current_view()
        if view is None:
            return False
        with guarded(self, into=self.error) as done:
            values = {"evaluation": self.evaluation.code(), "evaluated_on": self.evaluated_on.date(),
                      "evaluation_note": self.evaluation_note.text().strip()}
            saved = save_resolving(self, lambda v, version: self.ctx.run(
                ws_service.record_evaluation, self.ctx.services(), view.id, v["evaluation"], v["evaluated_on"],
                v["evaluation_note"], version), values, view.version, {
                "evaluation": self.tr("Evaluation"), "evaluated_on": self.tr("Evaluation date"),
                "evaluation_note": self.tr("Evaluation note")}, {e.value: e.label for e in Evaluation})
        if not done:
            return False
        if saved is None:  # she closed the comparison: nothing saved, her evaluation stays in the fields
            self.error.show_message(self.tr("Not saved: someone else changed this year meanwhile."))
            return False
        self.load(self.station_id, view.roc_year)
        return True

    def delete_year(self) -> None:
        view = self.current_view()
        if view is None or not confirm(self, fmt(self.tr("Delete the budget of ROC %1 and its lines?"),
                                                 str(view.roc_year)), do=self.tr("Delete")):
            return
        with guarded(self) as done:
            self.ctx.run(ws_service.delete_budget, self.ctx.services(), view.id)
        if not done:
            return
        self.load(self.station_id)

"""Choosing a report's period and center: month, quarter, year or any from/to, one center or all.

Years show in the ROC calendar (民國115年); the chosen period comes out as a
:class:`counsel_desk.services.period.Period` through ``period_changed``.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from counsel_desk.errors import UserError
from counsel_desk.models.enums import CenterCode
from counsel_desk.services.period import Period
from counsel_desk.ui.widgets.year_box import YearBox
from counsel_desk.ui.widgets.text import fmt

ALL_CENTERS = ""  # the centre combo's data for headquarters' view of all four centers


def default_month(today: date) -> tuple[int, int]:
    """The month a manager most likely reports on: this month from the 25th, else the one before."""
    if today.day >= 25:
        return today.year, today.month
    return (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)


class PeriodPicker(QWidget):
    period_changed = Signal()

    def __init__(self, center: str, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = QComboBox()
        for key, text in (("month", self.tr("Month")), ("quarter", self.tr("Quarter")), ("year", self.tr("Year")),
                          ("custom", self.tr("From – to"))):
            self.kind.addItem(text, key)
        self.year = YearBox()
        self.month = QComboBox()
        for m, name in enumerate(self._month_names(), start=1):
            self.month.addItem(name, m)
        self.quarter = QComboBox()
        for q in range(1, 5):
            self.quarter.addItem(fmt(self.tr("Q%1"), str(q)), q)
        self.start = QDateEdit()
        self.end = QDateEdit()
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.center = QComboBox()
        for c in CenterCode:
            self.center.addItem(c.full_name, c.value)  # one form of a center's name everywhere
        self.center.addItem(self.tr("All centers"), ALL_CENTERS)
        self.center.setCurrentIndex(max(0, self.center.findData(center)))
        year, month = default_month(today)
        self.year.set_year(year)
        self.month.setCurrentIndex(month - 1)
        self.quarter.setCurrentIndex((month - 1) // 3)
        self.start.setDate(QDate(year, month, 1))
        self.end.setDate(QDate(today.year, today.month, today.day))
        self.to_label = QLabel(self.tr("to"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for w in (QLabel(self.tr("Center")), self.center, QLabel(self.tr("Period")), self.kind, self.year, self.month,
                  self.quarter, self.start, self.to_label, self.end):
            row.addWidget(w)
        row.addStretch(1)
        self._show_fields()
        self.kind.currentIndexChanged.connect(self._show_fields)
        for signal in (self.kind.currentIndexChanged, self.year.valueChanged, self.month.currentIndexChanged,
                       self.quarter.currentIndexChanged, self.start.dateChanged, self.end.dateChanged,
                       self.center.currentIndexChanged):
            signal.connect(self.period_changed)

    def _month_names(self) -> list[str]:
        """January … December in English, 1 月 … 12 月 in Chinese (one source each: lupdate reads literals)."""
        return [self.tr("January"), self.tr("February"), self.tr("March"), self.tr("April"), self.tr("May"),
                self.tr("June"), self.tr("July"), self.tr("August"), self.tr("September"), self.tr("October"),
                self.tr("November"), self.tr("December")]

    def _show_fields(self) -> None:
        kind = self.kind.currentData()
        self.year.setVisible(kind != "custom")
        self.month.setVisible(kind == "month")
        self.quarter.setVisible(kind == "quarter")
        for w in (self.start, self.to_label, self.end):
            w.setVisible(kind == "custom")

    def center_code(self) -> str | None:
        code = self.center.currentData()
        return None if code == ALL_CENTERS else code

    def period(self) -> Period:
        """The chosen period; UserError for a from/to range that ends before it starts."""
        kind = self.kind.currentData()
        year = self.year.year()
        if kind == "month":
            return Period.month(year, self.month.currentData())
        if kind == "quarter":
            return Period.quarter(year, self.quarter.currentData())
        if kind == "year":
            return Period.year(year)
        start, end = self.start.date().toPython(), self.end.date().toPython()
        if end < start:
            raise UserError("報告期間的結束日早於開始日。", "The period ends before it starts.")
        return Period.custom(start, end)

    def set_month(self, year: int, month: int) -> None:
        self.kind.setCurrentIndex(self.kind.findData("month"))
        self.year.set_year(year)
        self.month.setCurrentIndex(month - 1)

"""The filters bar shared by the visit list and the follow-up list: period, county, township,
counselor, mode and follow-up status. It only produces a filters dict for the list sources."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from counsel_desk.models.enums import VisitMode
from counsel_desk.services.people.people import PeopleService
from counsel_desk.services.visits.visit_list import date_or_none
from counsel_desk.services.places import places
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.widgets.indigenous_combo import IndigenousCombo
from counsel_desk.ui.widgets.fit import shrinkable
from counsel_desk.ui.widgets.choices import fill, select
from counsel_desk.ui.widgets.date_edit import DateEdit


def period_bounds(key: str, today: date) -> tuple[date | None, date | None]:
    """From/to dates of a period preset (``this_month``, ``last_month``, ``this_year``, ``last_12``)."""
    first = today.replace(day=1)
    if key == "this_month":
        return first, today
    if key == "last_month":
        end = first - timedelta(days=1)
        return end.replace(day=1), end
    if key == "this_year":
        return today.replace(month=1, day=1), today
    if key == "last_12":
        year, month = (first.year - 1, first.month + 1) if first.month < 12 else (first.year, 1)
        return date(year, month, 1), today
    return None, None


class VisitFilterBar(QWidget):
    """Emits ``changed`` whenever a filter changes; ``filters()`` gives the dict for the list source.

    ``followups=True`` turns the last combo into the follow-up list's status filter and the
    period into the due-date range.
    """

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, followups: bool = False):
        super().__init__(parent)
        self.ctx = ctx
        self._followups = followups
        self._services = ctx.services()
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        self._first_row = QHBoxLayout()
        self._second_row = QHBoxLayout()
        rows.addLayout(self._first_row)
        rows.addLayout(self._second_row)
        layout = self._first_row

        self.period = QComboBox()
        self.period.setObjectName("periodFilter")
        for label, key in ((self.tr("Any time"), ""), (self.tr("This month"), "this_month"),
                           (self.tr("Last month"), "last_month"), (self.tr("This year"), "this_year"),
                           (self.tr("Last 12 months"), "last_12"), (self.tr("Custom"), "custom")):
            self.period.addItem(label, key)
        self.date_from = DateEdit()
        self.date_from.setObjectName("dateFrom")
        self.date_to = DateEdit()
        self.date_to.setObjectName("dateTo")
        for edit in (self.date_from, self.date_to):
            edit.setMaximumWidth(100)
            edit.setPlaceholderText(self.tr("from") if edit is self.date_from else self.tr("to"))
        self.county = QComboBox()
        self.county.setObjectName("countyFilter")
        self.township = QComboBox()
        self.township.setObjectName("townshipFilter")
        self.counselor = QComboBox()
        self.counselor.setObjectName("counselorFilter")
        self.mode = QComboBox()
        self.mode.setObjectName("modeFilter")
        self.status = QComboBox()
        self.status.setObjectName("statusFilter")
        self.indigenous = IndigenousCombo()
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setObjectName("clearFilters")

        # when and where on the first row; who, how and follow-ups beside them while the bar is wide enough
        # for every filter at its full width, else on a second row (a 1280-px screen in English)
        self._first = [QLabel(self.tr("Due:") if followups else self.tr("Period:")), self.period, self.date_from,
                       QLabel("–"), self.date_to, self.county, self.township, self.indigenous]
        for widget in self._first:
            layout.addWidget(widget)
        shrinkable(self.period, self.county, self.township, self.counselor, self.mode, self.status, whole=True)
        shrinkable(self.indigenous, chars=4, whole=True)
        self._more = QWidget()
        more = QHBoxLayout(self._more)
        more.setContentsMargins(0, 0, 0, 0)
        for widget in (self.counselor, self.mode, self.status, self.clear_button):
            more.addWidget(widget)
        layout.addWidget(self._more)
        layout.addStretch(1)
        self._second_row.addStretch(1)
        self._wrapped = False

        self._fill()
        self._defaults = self.filters()  # the follow-up list shows the open ones unless told otherwise
        self.period.currentIndexChanged.connect(self._period_chosen)
        self.date_from.editingFinished.connect(self._dates_typed)
        self.date_to.editingFinished.connect(self._dates_typed)
        self.county.currentIndexChanged.connect(self._county_chosen)
        for combo in (self.township, self.indigenous, self.counselor, self.mode, self.status):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.clear_button.clicked.connect(self.clear)

    # --- one row or two --------------------------------------------------------------------------
    def _one_row_width(self) -> int:
        """The width every filter needs at its full size on one row (the dates whole, each choice whole)."""
        parts = [*self._first, self._more]
        widths = [w.sizeHint().expandedTo(w.minimumSize()).expandedTo(w.minimumSizeHint()).width() for w in parts]
        return sum(widths) + self._first_row.spacing() * (len(parts) - 1)

    def _arrange(self, width: int) -> None:
        wrap = width < self._one_row_width()
        if wrap == self._wrapped:
            return
        self._wrapped = wrap
        source, target = (self._first_row, self._second_row) if wrap else (self._second_row, self._first_row)
        source.removeWidget(self._more)
        target.insertWidget(0 if wrap else target.count() - 1, self._more)  # before the row's stretch

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(event.size().width())
        super().resizeEvent(event)

    def minimumSizeHint(self) -> QSize:
        # as narrow as the two rows allow, whatever the arrangement now: the window may always be made that narrow
        hint = super().minimumSizeHint()
        first = sum(w.minimumSizeHint().expandedTo(w.minimumSize()).width() for w in self._first)
        first += self._first_row.spacing() * (len(self._first) - 1)
        return QSize(max(first, self._more.minimumSizeHint().width()), hint.height())

    # --- contents --------------------------------------------------------------------------------
    def _fill(self) -> None:
        fill(self.county, [(self.tr("All counties"), None)]
                   + [(c.name, c.id) for c in places.counties_center_first(self._services)], keep=None)
        fill(self.township, [(self.tr("All townships"), None)], keep=None)
        self.township.setEnabled(False)
        self.reload_counselors()
        fill(self.mode, VisitMode, blank=self.tr("All modes"), keep=None)
        if self._followups:
            items = [(self.tr("Not closed"), "open"), (self.tr("Overdue"), "overdue"),
                     (self.tr("Due this week"), "due_week"), (self.tr("Closed"), "closed"),
                     (self.tr("Cancelled"), "cancelled"), (self.tr("All statuses"), None)]
        else:
            items = [(self.tr("Any follow-ups"), None), (self.tr("Has open follow-ups"), "open"),
                     (self.tr("Has overdue follow-ups"), "overdue"), (self.tr("No open follow-ups"), "no_open")]
        fill(self.status, items, keep=None)

    def reload_counselors(self) -> None:
        keep = self.counselor.currentData()
        people = PeopleService(self._services).counselors(include_inactive=True)
        fill(self.counselor, [(self.tr("All counselors"), None)] + [(p.name, p.id) for p in people], keep=keep)

    # --- reactions -------------------------------------------------------------------------------
    def _period_chosen(self) -> None:
        key = self.period.currentData()
        if key != "custom":
            lo, hi = period_bounds(key or "", date.today())
            self.date_from.set_date(lo)
            self.date_to.set_date(hi)
        self.changed.emit()

    def _dates_typed(self) -> None:
        select(self.period, "custom" if (self.date_from.text() or self.date_to.text()) else "", signals=False)
        self.changed.emit()

    def _county_chosen(self) -> None:
        code = self.county.currentData()
        towns = places.townships(self._services.session_factory, code) if code else []
        fill(self.township, [(self.tr("All townships"), None)] + [(t.name, t.id) for t in towns], keep=None)
        self.township.setEnabled(bool(code))
        self.changed.emit()

    # --- the filters dict --------------------------------------------------------------------------
    def filters(self) -> dict:
        out = {"date_from": self.date_from.date_or_none(), "date_to": self.date_to.date_or_none(),
               "county_code": self.county.currentData(), "township_code": self.township.currentData(),
               "counselor_id": self.counselor.currentData(), "mode": self.mode.currentData(),
               "indigenous": self.indigenous.code()}
        out["status" if self._followups else "followups"] = self.status.currentData()
        return {k: v for k, v in out.items() if v}

    def narrows(self) -> bool:
        """Whether a filter leaves records out that the list shows by default."""
        return self.filters() != self._defaults

    def set_filters(self, filters: dict) -> None:
        """Show ``filters`` (e.g. ``{"township_code": …}`` from the dashboard map); emits ``changed`` once."""
        self.blockSignals(True)
        try:
            town = filters.get("township_code")
            county = filters.get("county_code") or (places.county_of(self._services.session_factory, town) if town else None)
            if "county_code" in filters or town:
                select(self.county, county, signals=False)
                self._county_chosen()
            if town:
                select(self.township, town, signals=False)
            if "date_from" in filters or "date_to" in filters:
                self.date_from.set_date(date_or_none(filters.get("date_from")))
                self.date_to.set_date(date_or_none(filters.get("date_to")))
                select(self.period, "custom" if (self.date_from.text() or self.date_to.text()) else "",
                            signals=False)
            if "indigenous" in filters:
                self.indigenous.set_code(filters["indigenous"])
            for key, combo in (("counselor_id", self.counselor), ("mode", self.mode),
                               ("status" if self._followups else "followups", self.status)):
                if key in filters:
                    select(combo, filters[key])
        finally:
            self.blockSignals(False)
        self.changed.emit()

    def clear(self, *, emit: bool = True) -> None:
        self.blockSignals(True)
        try:
            select(self.period, "", signals=False)
            self.date_from.set_date(None)
            self.date_to.set_date(None)
            self.county.setCurrentIndex(0)
            self._county_chosen()
            for combo in (self.counselor, self.mode, self.indigenous):
                combo.setCurrentIndex(0)
            self.status.setCurrentIndex(0)
        finally:
            self.blockSignals(False)
        if emit:
            self.changed.emit()

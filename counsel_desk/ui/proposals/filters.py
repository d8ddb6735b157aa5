"""The filter bar shared by the stage board and the list: stage, route, county, applicant type,
counselor, workstation and a search box over titles, applicants and section texts."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QWidget

from counsel_desk.models.enums import STAGE_ORDER, OrgKind, Route
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.listing import ListQuery
from counsel_desk.services.proposals import choices
from counsel_desk.ui.widgets.indigenous_combo import IndigenousCombo
from counsel_desk.ui.widgets.fit import shrinkable
from counsel_desk.ui.widgets.choices import fill, select


class ProposalFilterBar(QWidget):
    changed = Signal()

    FILTER_KEYS = ("stage", "route", "county_code", "indigenous", "applicant_type", "counselor_id", "workstation_id")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("proposalSearch")
        self.search.setPlaceholderText(self.tr("Search title, applicant, sections…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(160)
        self.stage = QComboBox()
        self.route = QComboBox()
        self.county = QComboBox()
        self.applicant_type = QComboBox()
        self.counselor = QComboBox()
        self.workstation = QComboBox()
        self.indigenous = IndigenousCombo()
        fill(self.stage, STAGE_ORDER, blank=self.tr("All stages"))
        fill(self.route, Route, blank=self.tr("Both routes"))
        fill(self.applicant_type, OrgKind, blank=self.tr("All applicant types"))
        self.county.addItem(self.tr("All counties"), None)
        self.counselor.addItem(self.tr("All counselors"), None)
        self.workstation.addItem(self.tr("All workstations"), None)
        self.workstation.setMaximumWidth(220)
        shrinkable(*self._combos(), whole=True)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # the search box goes in the page's title row (``search``): seven combos take this row's width whole
        for combo in self._combos():
            layout.addWidget(combo, 1)
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        layout.addWidget(self.clear_button)
        # Search as the user types, but not a query per keystroke.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.changed.emit)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._search_now)

    def _combos(self) -> list[QComboBox]:
        return [self.stage, self.route, self.county, self.indigenous, self.applicant_type, self.counselor,
                self.workstation]

    def _search_now(self) -> None:
        self._timer.stop()
        self.changed.emit()

    def load_choices(self, svc: ServiceContext) -> None:
        fill(self.county, choices.counties(svc), blank=self.tr("All counties"))
        fill(self.counselor, choices.counselors(svc, include_inactive=True), blank=self.tr("All counselors"))
        fill(self.workstation, choices.workstations(svc), blank=self.tr("All workstations"))

    def query(self) -> ListQuery:
        filters = {key: combo.currentData() for key, combo in zip(self.FILTER_KEYS, self._combos())
                   if combo.currentData()}
        return ListQuery(filters=filters, search=self.search.text().strip())

    def apply(self, filters: dict) -> None:
        """Set filters from a dict (the dashboard's ``apply_filter``); unknown keys are ignored."""
        for key, combo in zip(self.FILTER_KEYS, self._combos()):
            combo.blockSignals(True)
            select(combo, filters.get(key), or_first=True)
            combo.blockSignals(False)
        if "search" in filters:
            self.search.blockSignals(True)
            self.search.setText(str(filters["search"]))
            self.search.blockSignals(False)
        self.changed.emit()

    def narrowed(self) -> str | None:
        """What narrows the list (for its empty hint): the search text, "" for filters alone, None for nothing."""
        query = self.query()
        return query.search if query.search else ("" if query.filters else None)

    def clear(self) -> None:
        self.apply({"search": ""})

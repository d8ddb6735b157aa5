"""The workstations area (青年培力工作站): the list of stations and, on opening one, its page.

The list filters by county, township, status, a period (the term overlaps it) and the counselor
who supported the station, searches names, operators and hosts, and marks in red the stations
whose latest budget breaks the personnel-cost rule ("Only flagged" shows just those). Opening a
station (double-click, Enter, "New workstation") shows :class:`StationView` in its place.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from counsel_desk.models.enums import WorkstationStatus
from counsel_desk.services.workstations.program_lists import WorkstationListSource
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.empty_state import show_when_empty
from counsel_desk.ui.lazy_table import LazyIdTableModel
from counsel_desk.ui.messages import confirm
from counsel_desk.ui.page_contract import PageHooks
from counsel_desk.ui.page_titles import page_title
from counsel_desk.ui.workstations.list_panel import ListPanel, ReloadsWhenShown
from counsel_desk.ui.workstations.station_page import StationView


class WorkstationListPage(PageHooks, ReloadsWhenShown, QWidget):
    offers_new_record = True

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx

        title = QLabel(page_title("workstations"))
        title.setProperty("role", "pageTitle")
        self.new_button = QPushButton(self.tr("New workstation"))
        self.open_button = QPushButton(self.tr("Open"))
        self.flagged_only = QCheckBox(self.tr("Only flagged budgets"))
        self.flagged_only.setToolTip(self.tr("Stations whose latest budget breaks the personnel-cost rule"))
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.flagged_only)
        head.addWidget(self.open_button)
        head.addWidget(self.new_button)

        self.panel = ListPanel(ctx, WorkstationListSource(ctx.db.session_factory), enum_filter=WorkstationStatus,
                               period=True, counselor=True,
                               search_hint=self.tr("Search name, operator, host, place…"))
        list_widget = QWidget()
        list_layout = QVBoxLayout(list_widget)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(head)
        list_layout.addWidget(self.panel, 1)
        self.empty_hint = show_when_empty(self.panel.view, self.tr(
            "No workstations yet. Press “New workstation” to add the first one."),
            narrowed=self.panel.narrowed, clear=self._clear_search_and_filters)

        self._station: StationView | None = None  # built on first use: the list opens faster
        self.stack = QStackedWidget()
        self.stack.addWidget(list_widget)
        lay = QVBoxLayout(self)
        lay.addWidget(self.stack)

        self.new_button.clicked.connect(self.new_record)
        self.open_button.clicked.connect(self._open_current)
        self.flagged_only.toggled.connect(self._flagged_toggled)
        self.panel.activated.connect(self.open_station)
        for signal in (ctx.workstations_changed, ctx.support_records_changed, ctx.visits_changed,
                       ctx.proposals_changed, ctx.data_imported):
            signal.connect(self.data_changed)

    @property
    def station(self) -> StationView:
        """The workstation page shown in place of the list."""
        if self._station is None:
            self._station = StationView(self.ctx)
            self._station.back_requested.connect(self.show_list)
            self._station.station_saved.connect(lambda _sid: self.data_changed())
            self.stack.addWidget(self._station)
        return self._station

    # --- the main window's hooks ------------------------------------------------------------------
    def new_record(self) -> None:
        if not self._leave_station():
            return
        self.station.show_station(None)
        self.stack.setCurrentWidget(self.station)

    def focus_search(self) -> None:
        self.show_list()
        self.panel.focus_search()

    def current_list_model(self) -> LazyIdTableModel:
        return self.panel.model

    def apply_filter(self, filters: dict) -> None:
        self.show_list()
        self.panel.apply_filter(filters)

    def can_close(self) -> bool:
        return self._leave_station()

    # --- navigation -----------------------------------------------------------------------------
    def open_station(self, station_id: str) -> None:
        if not self._leave_station():
            return
        self.station.show_station(station_id)
        self.stack.setCurrentWidget(self.station)

    def show_list(self) -> None:
        if self.is_showing_station():
            if not self._leave_station():
                return
            if self.station.station_id:
                self.panel.select_id(self.station.station_id)
        self.stack.setCurrentIndex(0)
        self.panel.view.setFocus()

    def is_showing_station(self) -> bool:
        return self._station is not None and self.stack.currentWidget() is self._station

    def _leave_station(self) -> bool:
        """Ask before unsaved details are dropped."""
        if not self.is_showing_station() or not self.station.form.dirty:
            return True
        if confirm(self, self.tr("The workstation's details were changed but not saved. Discard the changes?"),
                   do=self.tr("Discard")):
            self.station.form.dirty = False
            return True
        return False

    def _open_current(self) -> None:
        sid = self.panel.current_id()
        if sid:
            self.open_station(sid)

    def _clear_search_and_filters(self) -> None:
        self.flagged_only.setChecked(False)
        self.panel.clear_filters()

    def _flagged_toggled(self, on: bool) -> None:
        self.panel.base_filters = {"flagged": True} if on else {}
        self.panel.apply()

    def reload_now(self) -> None:
        self.panel.reload()
        if self.is_showing_station():
            self.station.refresh()

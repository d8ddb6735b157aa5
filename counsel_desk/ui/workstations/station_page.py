"""The workstation page: everything about one station on one screen.

Its figures (support sessions and hours, participants, proposals assisted, visits, young people
who stayed or returned), the details form with contact people, the budget per year with the
personnel rule, and a timeline of visits, support records and proposals. Support records are
added from here (the dialog opens with the station filled in) and the figures follow at once.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from counsel_desk.errors import UserError
from counsel_desk.models.enums import WorkstationStatus
from counsel_desk.services.workstations import workstations as ws_service
from counsel_desk.services.formatting import bracketed, shown_date
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.dashboard.widgets import Card, FigureCard
from counsel_desk.ui.messages import confirm, guarded
from counsel_desk.ui.workstations.budget_panel import BudgetPanel
from counsel_desk.ui.workstations.station_form import ContactsPanel, StationForm
from counsel_desk.ui.workstations.support_dialog import SupportRecordDialog
from counsel_desk.ui.widgets.text import fmt
from counsel_desk.ui.theme import ACCENT
from counsel_desk.ui.widgets.rows import RowsModel, table_view

KIND_COLOURS = {"visit": ACCENT, "support": "#2b3640", "proposal": "#6a3d9a"}


class StationView(QWidget):
    back_requested = Signal()
    station_saved = Signal(str)
    station_deleted = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.station_id: str | None = None
        self.support_dialog: SupportRecordDialog | None = None

        self.back_button = QPushButton(self.tr("← Workstations"))
        self.title = QLabel()
        self.title.setProperty("role", "pageTitle")
        self.status_label = QLabel()
        self.add_support_button = QPushButton(self.tr("Add support record…"))
        self.extend_button = QPushButton(self.tr("Extend a year (after a good evaluation)"))
        self.extend_button.setToolTip(self.tr("Extension: one more 12-month term, only after the last budget year was "
                                              "evaluated good."))
        self.delete_button = QPushButton(self.tr("Delete workstation"))
        head = QHBoxLayout()
        head.addWidget(self.back_button)
        head.addSpacing(8)
        head.addWidget(self.title)
        head.addWidget(self.status_label)
        head.addStretch(1)
        head.addWidget(self.add_support_button)
        head.addWidget(self.extend_button)
        head.addWidget(self.delete_button)

        self.cards = {
            "support_sessions": FigureCard(self.tr("Support sessions")),
            "support_hours": FigureCard(self.tr("Support hours")),
            "participants": FigureCard(self.tr("Participants")),
            "proposals_assisted": FigureCard(self.tr("Proposals assisted")),
            "visits": FigureCard(self.tr("Site visits")),
            "youth": FigureCard(self.tr("Youth stayed / returned")),
        }
        figures = QHBoxLayout()
        for card in self.cards.values():
            figures.addWidget(card)

        self.form = StationForm(ctx)
        self.contacts = ContactsPanel(ctx)
        details = Card(self.tr("Details"))
        details.body.addWidget(self.form)
        contacts = Card(self.tr("Contact people"))
        contacts.body.addWidget(self.contacts)
        self.budget = BudgetPanel(ctx)
        budget = Card(self.tr("Budget per year"))
        budget.body.addWidget(self.budget)

        self.timeline_model = RowsModel([self.tr("Date"), self.tr("What"), self.tr("Title"), self.tr("Detail")], self)
        self.timeline_view = table_view(self.timeline_model, single=False, fit=True, wrap=False, min_height=220)
        timeline = Card(self.tr("Timeline: visits, support records and proposals"))
        timeline.body.addWidget(self.timeline_view)

        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 8, 0)
        grid.addLayout(figures, 0, 0, 1, 2)
        left = QVBoxLayout()
        left.addWidget(details)
        left.addWidget(contacts)
        left.addStretch(1)
        grid.addLayout(left, 1, 0)
        grid.addWidget(budget, 1, 1)
        grid.addWidget(timeline, 2, 0, 1, 2)
        grid.setColumnStretch(0, 5)
        grid.setColumnStretch(1, 5)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)

        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addWidget(scroll, 1)

        self.back_button.clicked.connect(self.back_requested.emit)
        self.add_support_button.clicked.connect(lambda: self.add_support_record())
        self.extend_button.clicked.connect(self.extend_term)
        self.delete_button.clicked.connect(self.delete_station)
        self.form.saved.connect(self._saved)
        self.timeline_view.doubleClicked.connect(self._open_timeline_row)

    # --- showing --------------------------------------------------------------------------------
    def show_station(self, station_id: str | None) -> None:
        """Load a station (None: a blank form for a new one)."""
        station = ws_service.get_workstation(self.ctx.services(), station_id) if station_id else None
        self.station_id = station.id if station else None
        self.form.load(station)
        self.refresh(reload_form=False)
        if station is None:
            self.form.name.setFocus()

    def refresh(self, reload_form: bool = True) -> None:
        """Re-read what other screens may have changed (support records, visits, budgets)."""
        sid = self.station_id
        if sid is not None:
            try:
                station = ws_service.get_workstation(self.ctx.services(), sid)
            except UserError:  # deleted elsewhere (another page, an import)
                self.back_requested.emit()
                return
            if reload_form and not self.form.dirty:
                self.form.load(station)
            self.title.setText(station.name)
            status = WorkstationStatus(station.status)
            self.status_label.setText(bracketed(status.label))
        else:
            self.title.setText(self.tr("New workstation"))
            self.status_label.setText("")
        for w in (self.add_support_button, self.extend_button, self.delete_button):
            w.setEnabled(sid is not None)
        self.contacts.load(sid)
        self.budget.load(sid, self.budget.year.value() if sid and self.budget.station_id == sid else None)
        self._show_figures()
        self._show_timeline()

    def _show_figures(self) -> None:
        if self.station_id is None:
            for card in self.cards.values():
                card.value.setText("—")
                card.unit.setText("")
            return
        f = ws_service.figures(self.ctx.services(), self.station_id)
        self.cards["support_sessions"].set_figure(f.support_sessions, self.tr("sessions"))
        hours = f.support_hours if f.support_hours % 1 else int(f.support_hours)  # 3, not 3.0
        self.cards["support_hours"].set_figure(hours, self.tr("hours"))
        self.cards["participants"].set_figure(f.participants, self.tr("people"))
        self.cards["proposals_assisted"].set_figure(f.proposals_assisted, self.tr("proposals"))
        self.cards["visits"].set_figure(f.visits, self.tr("visits"))
        youth = self.cards["youth"]
        youth.set_figure(f.youth_stayed, f"/ {f.youth_returned:,} " + self.tr("people"))

    def figure_text(self, key: str) -> str:
        """What a figure card shows (for tests and screen readers)."""
        card = self.cards[key]
        return card.value.text()

    def _show_timeline(self) -> None:
        entries = ws_service.timeline(self.ctx.services(), self.station_id) if self.station_id else []
        kinds = {"visit": self.tr("Visit"), "support": self.tr("Support"), "proposal": self.tr("Proposal")}
        self.timeline_model.set_rows([(f"{e.kind}:{e.record_id}",
                                       [shown_date(e.day), kinds[e.kind], e.title, e.detail.replace("\n", " ")],
                                       KIND_COLOURS[e.kind]) for e in entries])

    # --- actions --------------------------------------------------------------------------------
    def _saved(self, station_id: str) -> None:
        self.station_id = station_id
        self.refresh(reload_form=False)
        self.station_saved.emit(station_id)

    def add_support_record(self, visit_id: str | None = None) -> SupportRecordDialog | None:
        if self.station_id is None:
            return None
        self.support_dialog = SupportRecordDialog(self.ctx, self, workstation_id=self.station_id, visit_id=visit_id)
        self.support_dialog.open()
        return self.support_dialog

    def _open_timeline_row(self, index) -> None:
        key = self.timeline_model.id_at(index.row()) or ""
        kind, _, rid = key.partition(":")
        if kind == "support":
            self.support_dialog = SupportRecordDialog(self.ctx, self, record_id=rid)
            self.support_dialog.open()

    def extend_term(self) -> None:
        """延續補助: refused (with the reason under the form) unless the last budget year was evaluated good."""
        if self.station_id is None:
            return
        with guarded(self, into=self.form.error) as done:
            self.ctx.run(ws_service.extend_term, self.ctx.services(), self.station_id)
        if not done:
            return
        self.form.dirty = False
        self.refresh()

    def delete_station(self) -> None:
        if self.station_id is None:
            return
        if not confirm(self, fmt(self.tr("Delete the workstation %1? Its support records and budgets stay in the "
                                     "database and the deletion is recorded in the audit log."), self.title.text()), do=self.tr("Delete")):
            return
        sid = self.station_id
        with guarded(self) as done:
            self.ctx.run(ws_service.delete_workstation, self.ctx.services(), sid)
        if not done:
            return
        self.station_id = None
        self.station_deleted.emit(sid)
        self.back_requested.emit()

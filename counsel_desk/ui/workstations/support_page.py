"""The support-record list (輔導紀錄): every record of support a center gave its workstations.

Filters by county and township (of the station), type, period and counselor; searches stations,
topics, outcomes and counselor names. A record opens in :class:`SupportRecordDialog`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from counsel_desk.models.enums import SupportKind
from counsel_desk.services.workstations.program_lists import SupportListSource
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.empty_state import show_when_empty
from counsel_desk.ui.page_contract import PageHooks
from counsel_desk.ui.page_titles import page_title
from counsel_desk.ui.workstations.list_panel import ListPanel, PanelPage
from counsel_desk.ui.workstations.support_dialog import SupportRecordDialog


class SupportListPage(PanelPage, PageHooks, QWidget):
    offers_new_record = True

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: SupportRecordDialog | None = None

        title = QLabel(page_title("support"))
        title.setProperty("role", "pageTitle")
        self.new_button = QPushButton(self.tr("New support record"))
        self.open_button = QPushButton(self.tr("Open"))
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.open_button)
        head.addWidget(self.new_button)
        self.panel = ListPanel(ctx, SupportListSource(ctx.db.session_factory), enum_filter=SupportKind,
                               enum_key="kind", period=True, counselor=True,
                               search_hint=self.tr("Search station, topics, outcome, counselor…"))
        self.empty_hint = show_when_empty(self.panel.view, self.tr(
            "No support records here yet. Press “New support record”, or “Add support record…” in a visit."),
            narrowed=self.panel.narrowed, clear=self.panel.clear_filters)
        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addWidget(self.panel, 1)

        self.new_button.clicked.connect(self.new_record)
        self.open_button.clicked.connect(lambda: self.open_record(self.panel.current_id()))
        self.panel.activated.connect(self.open_record)
        for signal in (ctx.support_records_changed, ctx.workstations_changed, ctx.data_imported):
            signal.connect(self.data_changed)

    def new_record(self) -> SupportRecordDialog:
        self.dialog = SupportRecordDialog(self.ctx, self)
        self.dialog.saved.connect(self.panel.select_id)
        self.dialog.open()
        return self.dialog

    def open_record(self, record_id: str | None) -> SupportRecordDialog | None:
        if not record_id:
            return None
        self.dialog = SupportRecordDialog(self.ctx, self, record_id=record_id)
        self.dialog.open()
        return self.dialog

    def reload_now(self) -> None:
        self.panel.reload()

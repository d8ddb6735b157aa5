"""The visit list (實地訪視): every visit of the center, filtered, searched as you type, sorted in SQL.

A lazy table over visit ids (``ui/lazy_table``): opening it at 100,000 visits fetches the ids and
the rows that are painted, nothing more. Enter or a double-click opens the editor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from counsel_desk.services.listing import ListQuery
from counsel_desk.services.visits.visit_list import VisitListSource
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.empty_state import show_when_empty
from counsel_desk.ui.page_titles import page_title
from counsel_desk.ui.visits.list_base import ListPageBase
from counsel_desk.ui.visits.progressive_model import ProgressiveIdModel
from counsel_desk.ui.widgets.text import fmt, counted

if TYPE_CHECKING:  # the editor is imported when first opened, not with the list
    from counsel_desk.ui.visits.editor import VisitEditor

COLUMNS_CONTEXT = "VisitColumns"
COLUMN_WIDTHS = (90, 80, 90, 220, 60, 150, 320, 90)
PURPOSE_COLUMN = 6  # takes the room left: the longest text


class VisitListPage(ListPageBase):
    offers_new_record = True

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("visitListPage")
        source = VisitListSource(ctx.services())
        model = ProgressiveIdModel(source, self, context=COLUMNS_CONTEXT)
        model.query = ListQuery(sort_key="visit_date", descending=True)
        self.build_list(ctx, source, model, COLUMN_WIDTHS, followups=False, stretch=PURPOSE_COLUMN)

        title = QLabel(page_title("visits"))
        title.setProperty("role", "pageTitle")
        self.search.setObjectName("visitSearch")
        self.search.setPlaceholderText(self.tr("Search every field — e.g. a place, a topic, a counselor's name"))
        self.search.setMinimumWidth(360)
        self.count_label = QLabel()
        self.count_label.setObjectName("visitCount")
        self.new_button = QPushButton(self.tr("New visit"))
        self.new_button.setObjectName("newVisit")
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setObjectName("openVisit")
        self.view.setObjectName("visitTable")
        self.empty_hint = show_when_empty(self.view, self.tr(
            "No visits here yet. Press “New visit” (Ctrl+N) to record the first one."),
            narrowed=self.narrowed, clear=self.clear_search_and_filters)
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        legend = QLabel(self.tr("Visits in brown have overdue follow-ups."))
        legend.setStyleSheet(f"color: {self.model.HIGHLIGHTS['warning']};")

        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        top.addStretch(0)
        top.addWidget(self.open_button)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(legend)

        self.view.activated.connect(lambda index: self.open_visit(self.model.id_at(index.row())))
        self.open_button.clicked.connect(self.open_current)
        self.new_button.clicked.connect(self.new_record)
        self.model.reloaded.connect(self._show_count)
        self.model.loading_changed.connect(
            lambda busy: self.count_label.setText(self.tr("Loading…")) if busy else None)
        self.model.layoutChanged.connect(lambda *_: self._show_count(self.model.rowCount()))
        self.host.visit_deleted.connect(self._visit_deleted)
        self.model.reload()
        # after a crash: offer the drafts left behind, once the window is up
        QTimer.singleShot(0, lambda: self.host.offer_drafts(self))

    def new_record(self) -> "VisitEditor":
        return self.host.new_visit(self)

    def _show_count(self, n: int) -> None:
        self.count_label.setText(counted(n, self.tr("%1 visit"), self.tr("%1 visits")))

    # --- opening and deleting -----------------------------------------------------------------------------
    def open_current(self) -> None:
        vid = self.current_id()
        if vid:
            self.open_visit(vid)
        else:
            self.ctx.status_message.emit(self.tr("Choose a visit in the list first."))

    def open_visit(self, visit_id: str | None) -> "VisitEditor | None":
        if not visit_id:
            return None
        return self.host.open_visit(visit_id, self)

    def _visit_deleted(self, visit_id: str, title: str) -> None:
        self.undo_bar.show_deleted(visit_id, fmt(self.tr("The visit %1 was deleted."), title))
        self.ctx.status_message.emit(fmt(self.tr("The visit %1 was deleted."), title))

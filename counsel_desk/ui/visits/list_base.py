"""What the visit list and the follow-up list share: a search box that filters as you type, the
filters bar, the undo bar, a lazy table sorted in SQL, reloading when the data changes, and the
page API the main window calls (``page_activated``, ``focus_search``, ``apply_filter``,
``current_list_model``, ``can_close``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLineEdit, QTableView, QWidget

from counsel_desk.services.listing import ListQuery
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.lazy_table import LazyIdTableModel
from counsel_desk.ui.visits.editor_host import EditorHost
from counsel_desk.ui.visits.filters import VisitFilterBar
from counsel_desk.ui.visits.widgets import UndoBar
from counsel_desk.ui.page_contract import PageHooks
from counsel_desk.ui.widgets.rows import table_view


def setup_table(view: QTableView, widths: tuple[int, ...], stretch: int | None = None) -> None:
    """The look both lists share: whole rows, one selection, header sorting done by the model in SQL.
    Column ``stretch`` takes the room left (the last one when None)."""
    table_view(view=view, alternate=True, wrap=False, stretch=None)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setSectionsClickable(True)
    header.setSortIndicatorShown(True)
    header.setHighlightSections(False)
    model = view.model()
    for n, w in enumerate(widths):
        # never narrower than its heading (English headings are longer): text, sort arrow and margins
        title = str(model.headerData(n, Qt.Orientation.Horizontal) or "") if model is not None else ""
        view.setColumnWidth(n, max(w, header.fontMetrics().horizontalAdvance(title) + 28))
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


class ListPageBase(PageHooks, QWidget):
    """Subclasses call :meth:`build_list` in their constructor, lay the widgets out and load."""

    def build_list(self, ctx: AppContext, source, model: LazyIdTableModel, widths: tuple[int, ...], *,
                   followups: bool, stretch: int | None = None) -> None:
        self.ctx = ctx
        self.host = EditorHost.for_context(ctx)
        self.source = source
        self.model = model
        self._stale = False
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.filters = VisitFilterBar(ctx, self, followups=followups)
        self.undo_bar = UndoBar(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        setup_table(self.view, widths, stretch)
        self.search.textChanged.connect(lambda _t: self.reload())
        self.filters.changed.connect(self.reload)
        self.view.horizontalHeader().sortIndicatorChanged.connect(self.model.sort)
        self.undo_bar.undo_clicked.connect(lambda vid: self.host.undo_delete(vid, self))
        self.host.visit_restored.connect(self.undo_bar.forget)
        for signal in (ctx.visits_changed, ctx.followups_changed, ctx.data_imported):
            signal.connect(self._data_changed)

    # --- the page API -----------------------------------------------------------------------------------
    def page_activated(self) -> None:
        if self._stale:
            self.reload()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def apply_filter(self, filters: dict) -> None:
        """Show e.g. ``{"township_code": …}`` (the dashboard map) or a period; the other filters reset."""
        self.filters.clear(emit=False)
        self.filters.set_filters(filters)

    def current_list_model(self) -> LazyIdTableModel:
        return self.model

    def can_close(self) -> bool:
        return self.host.close_all()

    # --- loading ----------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Query again with the filters and the search box, keeping the selected record selected."""
        keep = self.current_id()
        query: ListQuery = self.model.query
        query.filters = {**self.filters.filters(), **self.extra_filters()}
        query.search = self.search.text().strip()
        self.model.reload()
        self._stale = False
        if keep and (row := self.model.row_of(keep)) >= 0:
            self.view.selectRow(row)
        self.reloaded()

    def reloaded(self) -> None:
        """After each reload (counts, buttons)."""

    def extra_filters(self) -> dict:
        """Filters of the page's own beyond the shared filters bar (the follow-ups' "only mine")."""
        return {}

    def clear_extra_filters(self) -> None:
        """Take the page's own filters away (without reloading)."""

    def narrowed(self) -> str | None:
        """What narrows the list (for its empty hint): the search text, "" for filters alone, None for nothing."""
        search = self.search.text().strip()
        return search if search else ("" if self.filters.narrows() or self.extra_filters() else None)

    def clear_search_and_filters(self) -> None:
        """The empty hint's link: every record again."""
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.filters.clear(emit=False)
        self.clear_extra_filters()
        self.reload()

    def _data_changed(self) -> None:
        self.source.invalidate()
        if self.isVisible():
            self.reload()
        else:  # a hidden page catches up when it is shown again
            self._stale = True

    def current_id(self) -> str | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return self.model.id_at(rows[0].row()) if rows else None

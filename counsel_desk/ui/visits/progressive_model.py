"""A lazy id table that opens at once however long the list: the first screens now, the rest next.

Opening the visit list of 100,000 visits by date, the first few hundred ids come from the date
index in a millisecond and are shown; once they are painted, all ids load in the background and
are appended as rows (no model reset: selection and scroll position stay). Any other query (a
search, another sort) is answered in one go, from the source's cached order. Display rows are
fetched in pages of 64 — a screenful or two — so the first paint waits for little.
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QModelIndex, QTimer, Signal

from counsel_desk.services.listing import ListQuery
from counsel_desk.ui.lazy_table import LazyIdTableModel
from counsel_desk.ui.tasks import run_task

log = logging.getLogger(__name__)


class ProgressiveIdModel(LazyIdTableModel):
    FIRST = 400  # ids fetched before the list is shown: a few screens
    ROWS_PAGE = 64  # display rows fetched at a time
    START_REST_MS = 150  # start loading the rest by then even if nothing was painted

    loading_changed = Signal(bool)

    def __init__(self, source, parent=None, context: str = "Columns"):
        super().__init__(source, parent, context)
        self._generation = 0
        self.loading = False
        self._pending: tuple[int, ListQuery] | None = None  # the rest to load once painted

    def _set_loading(self, value: bool) -> None:
        if value != self.loading:
            self.loading = value
            self.loading_changed.emit(value)

    def reload(self) -> None:
        self._generation += 1
        query = ListQuery(dict(self.query.filters), self.query.search, self.query.sort_key, self.query.descending)
        cheap = getattr(self.source, "prefix_is_cheap", None)
        if cheap is None or not cheap(query):
            self._set_loading(False)
            super().reload()
            return
        first = self.source.ids(query, limit=self.FIRST)
        self.beginResetModel()
        self._ids = first
        self._cache.clear()
        self.endResetModel()
        if len(first) < self.FIRST:
            self._set_loading(False)
            self.reloaded.emit(len(first))
            return
        self._set_loading(True)
        # the worker would compete with the first paint for the interpreter: start it right after
        self._pending = (self._generation, query)
        QTimer.singleShot(self.START_REST_MS, self._start_rest)

    def _start_rest(self) -> None:
        if not shiboken6.isValid(self) or self._pending is None:
            return
        generation, query = self._pending
        self._pending = None
        if generation != self._generation:
            return
        run_task(lambda _progress: self.source.ids(query),
                 on_done=lambda ids: self._rest_loaded(generation, ids),
                 on_error=lambda exc: self._failed(generation, exc))

    def _row(self, row: int):
        rid = self._ids[row]
        cached = self._cache.get(rid)
        if cached is None:
            start = (row // self.ROWS_PAGE) * self.ROWS_PAGE
            fetched = self.source.rows(self._ids[start:start + self.ROWS_PAGE])
            if len(self._cache) > 50 * self.ROWS_PAGE:
                self._cache.clear()
            self._cache.update(fetched)
            cached = self._cache.setdefault(rid, {})  # deleted meanwhile: an empty row, not a failure
            if self._pending is not None:  # being painted: the rest can load now
                QTimer.singleShot(0, self._start_rest)
        return cached

    @property
    def ids(self) -> list[str]:
        """All ids of the query (waits for the rest when it is still loading: exports need all)."""
        if self.loading:
            return list(self.source.ids(self.query))
        return list(self._ids)

    def _rest_loaded(self, generation: int, ids: list[str]) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return  # the page is gone, or a newer query was asked meanwhile
        shown = len(self._ids)
        if ids[:shown] == self._ids:
            if len(ids) > shown:
                self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)
                self._ids = ids
                self.endInsertRows()
        else:  # the data changed between the two queries
            self.beginResetModel()
            self._ids = ids
            self._cache.clear()
            self.endResetModel()
        self._set_loading(False)
        self.reloaded.emit(len(ids))

    def _failed(self, generation: int, exc: BaseException) -> None:
        log.error("loading the rest of the list failed", exc_info=exc)
        if shiboken6.isValid(self) and generation == self._generation:
            self._set_loading(False)
            self.reloaded.emit(len(self._ids))

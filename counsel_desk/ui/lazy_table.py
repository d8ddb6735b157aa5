"""A lazy ``QAbstractTableModel`` over a list of record ids (Anki's browser table, STYLE.md).

The model holds the ids the list source returned (filtered, searched and sorted in SQL) and
fetches display rows a page at a time, only for rows that are painted. Sorting asks the source
again; nothing is sorted in Python.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from counsel_desk.services.listing import ListQuery, ListSource
from counsel_desk.ui.widgets.roles import ID_ROLE, ROW_ROLE
from counsel_desk.ui.theme import ALERT, MUTED, WARN

PAGE = 200


class LazyIdTableModel(QAbstractTableModel):
    """Rows are ids; ``data()`` fetches pages of display values on demand and caches them.

    Row dicts may carry ``_highlight`` (``"overdue"``, ``"warning"``, ``"muted"``) to colour a row.
    """

    reloaded = Signal(int)  # number of rows

    HIGHLIGHTS = {"overdue": ALERT, "warning": WARN, "muted": MUTED}

    def __init__(self, source: ListSource, parent=None, context: str = "Columns"):
        super().__init__(parent)
        self.source = source
        self.query = ListQuery()
        self._ids: list[str] = []
        self._cache: dict[str, dict[str, Any]] = {}
        self._context = context
        self._titles = [QCoreApplication.translate(context, c.title) for c in source.columns]

    # --- loading ---------------------------------------------------------------------------
    def set_query(self, query: ListQuery) -> None:
        self.query = query
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._ids = self.source.ids(self.query)
        self._cache.clear()
        self.endResetModel()
        self.reloaded.emit(len(self._ids))

    def _row(self, row: int) -> dict[str, Any] | None:
        rid = self._ids[row]
        cached = self._cache.get(rid)
        if cached is None:
            start = (row // PAGE) * PAGE
            page = self._ids[start:start + PAGE]
            fetched = self.source.rows(page)
            if len(self._cache) > 20 * PAGE:
                self._cache.clear()
            self._cache.update(fetched)
            cached = self._cache.get(rid)
            if cached is None:  # deleted meanwhile: show an empty row rather than failing
                cached = {}
                self._cache[rid] = cached
        return cached

    # --- Qt model API -------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._titles)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._titles):
                return self._titles[section]
            if orientation == Qt.Orientation.Vertical:
                return section + 1
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        col = self.source.columns[index.column()]
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self._row(index.row()).get(col.key, "")
            return "" if value is None else (f"{value:,}" if isinstance(value, int) and col.align_right else value)
        if role == ROW_ROLE:
            return self._row(index.row())
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            hl = self._row(index.row()).get("_highlight")
            if hl in self.HIGHLIGHTS:
                return QBrush(QColor(self.HIGHLIGHTS[hl]))
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(self.source.columns)) or not self.source.columns[column].sortable:
            return
        self.query.sort_key = self.source.columns[column].key
        self.query.descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        self._ids = self.source.ids(self.query)
        self._cache.clear()
        self.layoutChanged.emit()

    # --- helpers ----------------------------------------------------------------------------
    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: str) -> int:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return -1

    @property
    def ids(self) -> list[str]:
        return list(self._ids)

"""Small table models (a handful of rows set at once, Vorta-style ``set_rows``) and the table view over them.

``SmallTableModel`` holds the rows and answers counting, headers and resetting; a subclass with rows
of its own kind implements ``data()``. ``RowsModel`` is the ready one for lists of display values:
each row is ``(id, [values…])`` or ``(id, [values…], colour)``; numbers are shown with thousands
separators, the ``right`` columns right-aligned, the id answered for ``ID_ROLE``. ``table_view``
sets up the read-only, whole-row table every page shows them in. Large lists use
``ui/lazy_table.LazyIdTableModel`` instead (rows fetched as they scroll into view).
"""

from __future__ import annotations

from typing import Any, Generic, Iterable, Sequence, TypeVar

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from counsel_desk.ui.widgets.roles import ID_ROLE

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex
RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class SmallTableModel(QAbstractTableModel, Generic[Row]):
    def __init__(self, titles: list[str] | None = None, parent=None):
        super().__init__(parent)
        self._titles: list[str] = list(titles or [])
        self._rows: list[Row] = []

    def set_rows(self, rows: Iterable[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_titles(self, titles: list[str]) -> None:
        """New column titles (a table whose columns depend on what it shows: one per year, …)."""
        self.beginResetModel()
        self._titles = list(titles)
        self.endResetModel()

    def row_at(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._titles)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self._titles):
            return self._titles[section]
        return None


def shown(value: Any) -> str:
    """A cell as text: 1,234 for a count, "" for nothing."""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return "" if value is None else str(value)


class RowsModel(SmallTableModel[tuple[Any, list[Any], str | None]]):
    """A small read-only table of display values, each row with an id (or any payload) and maybe a colour."""

    def __init__(self, titles: list[str] | None = None, parent=None, *, right: Iterable[int] = ()):
        super().__init__(titles, parent)
        self.right = set(right)

    def set_rows(self, rows: Iterable[tuple]) -> None:
        """``rows``: ``(id, values)`` or ``(id, values, colour)`` each; they replace what was shown."""
        super().set_rows((r[0], list(r[1]), r[2] if len(r) > 2 else None) for r in rows)

    def set_values(self, rows: Iterable[Sequence[Any]], ids: Sequence[Any] | None = None) -> None:
        """Rows of values alone, with their ids (or payloads) beside them when there are any."""
        rows = list(rows)
        self.set_rows(zip(ids if ids is not None else [None] * len(rows), rows))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        rid, values, colour = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return shown(values[index.column()] if index.column() < len(values) else None)
        if role == ID_ROLE:
            return rid
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.right:
            return RIGHT_ALIGNED
        if role == Qt.ItemDataRole.ForegroundRole and colour:
            return QBrush(QColor(colour))
        return None

    def id_at(self, row: int) -> Any:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def values_at(self, row: int) -> list[Any]:
        return list(self._rows[row][1]) if 0 <= row < len(self._rows) else []

    def row_of(self, rid: Any) -> int:
        return next((n for n, r in enumerate(self._rows) if r[0] == rid), -1)


def table_view(model: QAbstractItemModel | None = None, name: str = "", *, view: QTableView | None = None,
               single: bool = True, fit: bool = False, even: bool = False, stretch: int | None = -1,
               alternate: bool = False, editing: QAbstractItemView.EditTrigger | None = None,
               wrap: bool = True, min_height: int | None = None, max_height: int | None = None) -> QTableView:
    """A read-only table selecting whole rows, as every list of the app looks (``view``: set up that one).

    ``single``: one row at a time; ``fit``: columns as wide as their contents, ``even``: columns sharing
    the width alike; ``stretch``: the column that takes the room left (-1 the last, None none);
    ``editing``: a grid whose cells are selected one by one and edited on these triggers instead."""
    view = view if view is not None else QTableView()
    if name:
        view.setObjectName(name)
    if model is not None:
        view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems if editing is not None
                              else QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(editing if editing is not None else QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(alternate)
    view.setWordWrap(wrap)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    if fit or even:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents if fit else QHeaderView.ResizeMode.Stretch)
    if stretch == -1:
        header.setStretchLastSection(True)
    elif stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    if min_height:
        view.setMinimumHeight(min_height)
    if max_height:
        view.setMaximumHeight(max_height)
    return view

"""A small table model of ready-made rows (the sync page's previews, problems, conflicts, history).

These lists are short (one row per entity, per problem listed, per conflict, per import), so the
rows are set at once inside ``beginResetModel``/``endResetModel``, as the house style has it for
small tables (``ui.small_table.SmallTableModel``). A row may carry a payload (the conflict id, …)
returned by :meth:`payload`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView

from counsel_desk.ui.small_table import SmallTableModel


class RowsModel(SmallTableModel[list]):
    def __init__(self, titles: list[str], *, numeric: tuple[int, ...] = (), parent=None):
        super().__init__(titles, parent)
        self._numeric = set(numeric)
        self._payloads: list[Any] = []

    def set_rows(self, rows: list[list[Any]], payloads: list[Any] | None = None) -> None:
        self._payloads = list(payloads) if payloads is not None else [None] * len(rows)
        super().set_rows([list(r) for r in rows])

    def payload(self, row: int) -> Any:
        return self._payloads[row] if 0 <= row < len(self._payloads) else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) \
                or not (0 <= index.column() < len(self._titles)):
            return None
        value = self._rows[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if isinstance(value, int) and not isinstance(value, bool):
                return f"{value:,}"
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def table_view(model: RowsModel, name: str, *, single: bool = False) -> QTableView:
    """A read-only, row-selecting table over ``model`` as the sync page's lists look."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    return view

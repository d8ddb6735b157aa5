"""The item-data roles every model and item view of the app shares, each defined once.

``VALUE_ROLE`` is Qt's own UserRole, where ``QComboBox.addItem(text, value)`` keeps the value: a list
item or combo entry holds the thing it stands for there. Table models answer ``ID_ROLE`` with the
row's id and ``ROW_ROLE`` with the whole row (a dict for the lazy lists).
"""

from __future__ import annotations

from PySide6.QtCore import Qt

VALUE_ROLE = Qt.ItemDataRole.UserRole  # the value behind a list item or combo entry
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # a table row's id
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # a table row as a whole
CARD_ROLE = Qt.ItemDataRole.UserRole + 3  # the proposal card behind an item of the board

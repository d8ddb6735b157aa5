"""Form fields every area shares: the NT$ amount edit, the red message under a form and a part's bold heading.

Dates are ``ui/widgets/date_edit.DateEdit``; enum and other choices ``ui/widgets/choices``.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from counsel_desk.services.formatting import ntd

# digits with thousands separators as people type or paste them (1,200,000 or 1，200，000 or 1 200 000)
AMOUNT_PATTERN = QRegularExpression(r"[0-9,，\s]{0,16}")


def parse_amount(text: object) -> int | None:
    """'1,200,000' → 1200000; '' → 0; anything else → None."""
    if isinstance(text, int):
        return text if text >= 0 else None
    digits = re.sub(r"[,，\s]", "", str(text or ""))
    if digits == "":
        return 0
    return int(digits) if digits.isdigit() else None


class MoneyEdit(QLineEdit):
    """An NT$ amount: digits (separators allowed), shown as 3,000,000 once typed; ``value()`` is the int."""

    value_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setValidator(QRegularExpressionValidator(AMOUNT_PATTERN, self))
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText("0")
        self.textChanged.connect(lambda _t: self.value_changed.emit(self.value()))
        self.editingFinished.connect(self._tidy)

    def value(self) -> int:
        return parse_amount(self.text()) or 0

    def set_value(self, amount: int | None) -> None:
        self.setText(ntd(amount) if amount else "")

    def _tidy(self) -> None:
        value = self.value()
        if self.text() and self.text() != ntd(value):
            self.blockSignals(True)
            self.setText(ntd(value))
            self.blockSignals(False)


class FieldError(QLabel):
    """The red message under a form field; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setProperty("role", "fieldError")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.setText("")
        self.hide()


def heading(text: str = "", *, wrap: bool = False) -> QLabel:
    """A bold label over a group of fields or a list (the title of a part of a form or dialog)."""
    label = QLabel(text)
    label.setStyleSheet("font-weight: bold;")
    label.setWordWrap(wrap)
    return label

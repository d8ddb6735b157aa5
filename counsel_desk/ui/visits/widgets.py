"""Small widgets the visit screens share: a 民國/Western date field, field error labels, a form dialog,
the undo bar and combo helpers."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QVBoxLayout, QWidget,
)

from counsel_desk.errors import ValidationError
from counsel_desk.services.formatting import parse_date, roc_date


class DateEdit(QLineEdit):
    """A date typed the way people write it: 115/11/26, 民國115年11月26日, 1151126 or 2026-11-26.

    Shows the date back in the ROC form once editing finishes; ``date()`` raises the
    formatting module's ValidationError (in Chinese) for text it can't read.
    """

    date_changed = Signal()

    def __init__(self, parent: QWidget | None = None, value: date | None = None):
        super().__init__(parent)
        self.setPlaceholderText(self.tr("e.g. 115/11/26"))
        self.setMaximumWidth(150)
        self.set_date(value)
        self.editingFinished.connect(self._normalise)
        self.textChanged.connect(lambda _t: self.date_changed.emit())

    def date(self) -> date | None:
        text = self.text().strip()
        return parse_date(text) if text else None

    def date_for(self, field: str) -> date | None:
        """The date; an unreadable one raises ValidationError naming ``field`` (for its error label)."""
        try:
            return self.date()
        except ValidationError as exc:
            raise ValidationError(exc.zh, exc.en, field=field) from None

    def date_or_none(self) -> date | None:
        """The date, or None when the field is empty or unreadable (filters: ignore bad input)."""
        try:
            return self.date()
        except ValidationError:
            return None

    def set_date(self, value: date | None) -> None:
        self.setText(roc_date(value) if value else "")

    def _normalise(self) -> None:
        d = self.date_or_none()
        if d is not None and self.text() != roc_date(d):
            self.setText(roc_date(d))


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


def fill_combo(combo: QComboBox, items: list[tuple[str, str | None]], keep: str | None = None) -> None:
    """Replace a combo's items (text, data) without emitting changes; select ``keep`` if present."""
    combo.blockSignals(True)
    combo.clear()
    for label, value in items:
        combo.addItem(label, value)
    index = combo.findData(keep) if keep is not None else -1
    combo.setCurrentIndex(index if index >= 0 else 0)
    combo.blockSignals(False)


def select_data(combo: QComboBox, value, *, signals: bool = True) -> bool:
    index = combo.findData(value)
    if index < 0:
        return False
    if not signals:
        combo.blockSignals(True)
    combo.setCurrentIndex(index)
    if not signals:
        combo.blockSignals(False)
    return True


class FormDialog(QDialog):
    """A small form whose OK runs ``submit()``; a ValidationError puts each message under its field
    (matched on the field name's last part) and keeps the dialog open."""

    def __init__(self, parent: QWidget | None):
        super().__init__(parent)
        self.form = QFormLayout()
        self.errors: dict[str, FieldError] = {}
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        self.general_error = FieldError()
        layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def add_row(self, label: str, widget: QWidget, field: str) -> None:
        holder = QWidget()
        v = QVBoxLayout(holder)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        v.addWidget(widget)
        self.errors[field] = FieldError()
        v.addWidget(self.errors[field])
        self.form.addRow(label, holder)

    def submit(self) -> None:
        """Check and act on the form; raise ValidationError to keep the dialog open."""

    def _try_accept(self) -> None:
        for e in [*self.errors.values(), self.general_error]:
            e.clear_message()
        try:
            self.submit()
        except ValidationError as exc:
            for p in exc.problems or [exc]:
                label = self.errors.get((p.field or "").split(".")[-1], self.general_error)
                label.show_message((label.text() + "\n" if label.isVisible() else "") + p.message)
            return
        self.accept()


class UndoBar(QFrame):
    """"Visit … deleted. [Undo]" — shown inline above a list after a delete, until undone or dismissed."""

    undo_clicked = Signal(str)  # the record id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("undoBar")
        self.setStyleSheet("QFrame#undoBar { background: #fff4ce; border: 1px solid #e8d48a; }")
        self.label = QLabel()
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setObjectName("undoDelete")
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.setFlat(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.undo_button)
        layout.addWidget(self.dismiss_button)
        self._record_id = ""
        self.undo_button.clicked.connect(lambda: self.undo_clicked.emit(self._record_id))
        self.dismiss_button.clicked.connect(self.hide)
        self.hide()

    def show_deleted(self, record_id: str, text: str) -> None:
        self._record_id = record_id
        self.label.setText(text)
        self.show()

    def forget(self, record_id: str) -> None:
        if record_id == self._record_id:
            self.hide()

"""Small widgets the visit screens share: field error labels, a form dialog, the undo bar and combo
helpers. The date field lives in ``ui/widgets/date_edit`` (shared by every area) and is re-exported here."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QFrame, QHBoxLayout, QLabel, QPushButton,
    QVBoxLayout, QWidget,
)

from counsel_desk.errors import ValidationError
from counsel_desk.ui.widgets.date_edit import DateEdit
from counsel_desk.ui.theme import BANNER_BG, BANNER_EDGE

__all__ = ["DateEdit", "FieldError", "FormDialog", "UndoBar", "fill_combo", "select_data"]


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
        self.setStyleSheet(f"QFrame#undoBar {{ background: {BANNER_BG}; border: 1px solid {BANNER_EDGE}; }}")
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

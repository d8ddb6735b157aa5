"""Small widgets the visit screens share: a form dialog and the undo bar (the fields every area uses are in
``ui/widgets/``)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QFrame, QHBoxLayout, QLabel, QPushButton,
    QVBoxLayout, QWidget,
)

from counsel_desk.errors import ValidationError
from counsel_desk.ui import messages
from counsel_desk.ui.widgets.fields import FieldError
from counsel_desk.ui.widgets.fit import grow_to_fit
from counsel_desk.ui.theme import BANNER_BG, BANNER_EDGE



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
        with messages.guarded(self, into=self.general_error) as done:  # a busy database, a full disk: said here
            try:
                self.submit()
            except ValidationError as exc:
                for p in exc.problems or [exc]:
                    label = self.errors.get((p.field or "").split(".")[-1], self.general_error)
                    label.show_message((label.text() + "\n" if label.isVisible() else "") + p.message)
                done.error = exc
        if done:
            self.accept()
        else:
            grow_to_fit(self)  # the whole message, however many lines it wraps onto


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

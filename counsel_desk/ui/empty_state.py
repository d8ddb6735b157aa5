"""What an empty list says: what to do first, in grey in the middle of the table, gone once a row
shows. One helper for every list page (set up with :func:`show_when_empty`)."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel


class EmptyHint(QLabel):
    """A label over the view's viewport, shown while the model has no rows."""

    def __init__(self, view: QAbstractItemView, text: Callable[[], str]):
        super().__init__(view.viewport())
        self.setObjectName("emptyHint")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setStyleSheet("color: #5f6368; font-size: 11pt;")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._view = view
        self._text = text
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args) -> None:
        model = self._view.model()
        empty = model is not None and model.rowCount() == 0
        if empty:
            self.setText(self._text())
            self._place()
        self.setVisible(empty)

    def _place(self) -> None:
        area = self._view.viewport().rect().adjusted(24, 24, -24, -24)
        self.setGeometry(area)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._place()
        elif event.type() == QEvent.Type.Show:  # the page may have named its buttons since
            self.refresh()
        return False


def show_when_empty(view: QAbstractItemView, text: str | Callable[[], str]) -> EmptyHint:
    """Put ``text`` (or what ``text()`` says at the time) over ``view`` whenever its model is empty."""
    return EmptyHint(view, text if callable(text) else (lambda: text))

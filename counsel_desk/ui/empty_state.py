"""What an empty list says, in grey in the middle of the table, gone once a row shows. One helper for
every list page (set up with :func:`show_when_empty`).

Two different empties: a list with nothing in it yet says what to do first; a list a search or a filter
emptied says that nothing matches, with a link that clears them — never "nothing here yet" while her
records are only filtered out."""

from __future__ import annotations

from html import escape
from typing import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel

from counsel_desk.ui.widgets.text import fmt

CLEAR_LINK = "clear"


class EmptyHint(QLabel):
    """A label over the view's viewport, shown while the model has no rows.

    ``narrowed()`` says what narrows the list: None when nothing does, else the search text ("" for
    filters alone); ``clear()`` takes the search and the filters away (the hint's link)."""

    def __init__(self, view: QAbstractItemView, text: Callable[[], str],
                 narrowed: Callable[[], str | None] | None = None, clear: Callable[[], None] | None = None):
        super().__init__(view.viewport())
        self.setObjectName("emptyHint")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setStyleSheet("color: #5f6368; font-size: 11pt;")
        self.setTextFormat(Qt.TextFormat.RichText)
        self._view = view
        self._text = text
        self._narrowed = narrowed or (lambda: None)
        self._clear = clear
        self.linkActivated.connect(self._link)
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args) -> None:
        model = self._view.model()
        empty = model is not None and model.rowCount() == 0
        if empty:
            self.setText(self._message())
            self._place()
        self.setVisible(empty)

    def _message(self) -> str:
        search = self._narrowed()
        # only a link takes clicks: otherwise the table under the hint gets them (its context menu)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, search is None or self._clear is None)
        if search is None:
            return escape(self._text())
        said = (fmt(self.tr("Nothing matches “%1”."), search) if search
                else self.tr("Nothing matches the filters chosen."))
        if self._clear is None:
            return escape(said)
        link = self.tr("Clear the search and filters")
        return f'{escape(said)}<br><a href="{CLEAR_LINK}">{escape(link)}</a>'

    def _link(self, href: str) -> None:
        if href == CLEAR_LINK and self._clear is not None:
            self._clear()

    def _place(self) -> None:
        area = self._view.viewport().rect().adjusted(24, 24, -24, -24)
        self.setGeometry(area)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._place()
        elif event.type() == QEvent.Type.Show:  # the page may have named its buttons since
            self.refresh()
        return False


def show_when_empty(view: QAbstractItemView, text: str | Callable[[], str], *,
                    narrowed: Callable[[], str | None] | None = None,
                    clear: Callable[[], None] | None = None) -> EmptyHint:
    """Put ``text`` (or what ``text()`` says at the time) over ``view`` whenever its model is empty and
    nothing narrows it; while ``narrowed()`` names a search ("" for filters alone) say nothing matches it,
    with a link to ``clear``."""
    return EmptyHint(view, text if callable(text) else (lambda: text), narrowed, clear)

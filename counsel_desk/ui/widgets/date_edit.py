"""The one date field of the app: typed the way people write dates, or picked from a calendar.

Typing takes 115/11/26, 民國115年11月26日, 1151126 or 2026-11-26 and shows the date back in the
ROC form (Western in English) once editing ends. The calendar button (or Alt+↓, F4) opens a month calendar whose
heading also gives the ROC month (民國115年11月); a click or Enter picks the day, Esc leaves the
field as it was. ``date()`` raises the formatting module's ValidationError (in Chinese) for text it
can't read.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QFrame, QLabel, QLineEdit, QVBoxLayout, QWidget

from counsel_desk.errors import ValidationError
from counsel_desk.i18n import pick
from counsel_desk.services.formatting import parse_date, roc_month, shown_date


def calendar_icon(size: int = 16) -> QIcon:
    """A small calendar drawn here, so the button needs no image file and follows no icon theme."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    ink = QColor("#4a4a4a")
    p.setPen(QPen(ink, 1.2))
    p.drawRoundedRect(QRect(1, 2, size - 3, size - 4), 2, 2)
    p.fillRect(QRect(1, 2, size - 3, 4), ink)
    for row in range(2):
        for col in range(3):
            p.fillRect(QRect(4 + col * 4, 8 + row * 3, 2, 2), ink)
    p.end()
    return QIcon(pix)


class CalendarPopup(QFrame):
    """The month calendar under a date field; ``picked`` carries the chosen day."""

    picked = Signal(object)  # datetime.date

    def __init__(self, parent: QWidget, value: date | None):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("calendarPopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLabel()
        self.heading.setObjectName("rocMonth")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        start = value or date.today()
        self.calendar.setSelectedDate(QDate(start.year, start.month, start.day))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.calendar)
        self.calendar.currentPageChanged.connect(self._show_month)
        self.calendar.activated.connect(self._pick)
        self.calendar.clicked.connect(self._pick)
        self._show_month(start.year, start.month)

    def _show_month(self, year: int, month: int) -> None:
        text = pick(roc_month(year, month), "")  # English: the calendar's own heading says it already
        self.heading.setText(text)
        self.heading.setVisible(bool(text))

    def _pick(self, qdate: QDate) -> None:
        self.picked.emit(date(qdate.year(), qdate.month(), qdate.day()))
        self.close()


class DateEdit(QLineEdit):
    """A date typed (民國 or Western) or picked from a calendar; shown back as 115/11/26 (2026-11-26 in English)."""

    date_changed = Signal()

    def __init__(self, parent: QWidget | None = None, value: date | None = None):
        super().__init__(parent)
        self.setPlaceholderText(self.tr("e.g. 2026-11-26"))
        self.setMaximumWidth(170)
        self.popup: CalendarPopup | None = None
        self.calendar_action = self.addAction(calendar_icon(), QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.setObjectName("openCalendar")
        self.calendar_action.setToolTip(self.tr("Pick the date from a calendar (Alt+Down)"))
        self.calendar_action.triggered.connect(self.show_calendar)
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
        self.setText(shown_date(value) if value else "")

    def show_calendar(self) -> CalendarPopup:
        """The calendar under the field, on the typed date (or today)."""
        self.popup = CalendarPopup(self, self.date_or_none())
        self.popup.picked.connect(self._picked)
        self.popup.adjustSize()
        self.popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self.popup.show()
        self.popup.calendar.setFocus()
        return self.popup

    def _picked(self, value: date) -> None:
        self.set_date(value)
        self.setFocus()
        self.editingFinished.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F4 or (event.key() == Qt.Key.Key_Down
                                             and event.modifiers() & Qt.KeyboardModifier.AltModifier):
            self.show_calendar()
            return
        super().keyPressEvent(event)

    def _normalise(self) -> None:
        d = self.date_or_none()
        if d is not None and self.text() != shown_date(d):
            self.setText(shown_date(d))

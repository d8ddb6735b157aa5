"""Small building blocks of the dashboard: a titled card, a figure card and painted bar rows.

Bars are painted rather than built from progress bars: a column of labelled bars with the number
at the end reads at a glance, and one widget per list keeps the page light.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from counsel_desk.services.formatting import spaced
from counsel_desk.ui.widgets.text import elided_whole

ACCENT = "#2171b5"
MUTED = "#6b7580"
WARN = "#b26a00"


class Card(QFrame):
    """A white panel with a title (and an optional widget at the title's right)."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setProperty("role", "card")
        self.title_label = QLabel(title)
        self.title_label.setStyleSheet("font-weight: bold; font-size: 14px; color: #1d2b36;")
        self.header = QHBoxLayout()
        self.header.setContentsMargins(0, 0, 0, 0)
        self.header.addWidget(self.title_label)
        self.header.addStretch(1)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(14, 10, 14, 12)
        self.body.setSpacing(6)
        self.body.addLayout(self.header)


class FigureCard(QFrame):
    """One big number with what it counts and a line of context (上月 …)."""

    def __init__(self, caption: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setProperty("role", "card")
        self.caption = QLabel(caption)
        self.caption.setProperty("role", "figureCaption")
        self.value = QLabel("—")
        self.value.setProperty("role", "figure")
        self.unit = QLabel()
        self.unit.setProperty("role", "figureCaption")
        self.note = QLabel()
        self.note.setProperty("role", "figureCaption")
        self.note.setStyleSheet("font-size: 12px;")
        number = QHBoxLayout()
        number.setSpacing(4)
        number.addWidget(self.value, 0, Qt.AlignmentFlag.AlignBaseline)
        number.addWidget(self.unit, 0, Qt.AlignmentFlag.AlignBaseline)
        number.addStretch(1)
        number.addWidget(self.note, 0, Qt.AlignmentFlag.AlignBaseline)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 8, 14, 8)
        lay.setSpacing(0)
        lay.addWidget(self.caption)
        lay.addLayout(number)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_figure(self, value: int, unit: str, note: str = "", color: str | None = None) -> None:
        self.value.setText(f"{value:,}")
        self.value.setStyleSheet(f"color: {color};" if color else "")
        self.unit.setText(unit)
        self.note.setText(note)


class ElidedLabel(QLabel):
    """One line of text cut to the width with "…" (the whole text is the tooltip), never inside a number.

    A word-wrapped label would make the page's scroll area size everything by its preferred height
    instead of the window's, and a long unwrapped one would push the columns apart.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.full_text = ""

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self.setToolTip(text)
        self._elide()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room, metrics = max(self.width(), 40), self.fontMetrics()
        self.setText(elided_whole(self.full_text, lambda text: metrics.horizontalAdvance(text) <= room))


@dataclass(frozen=True)
class BarRow:
    label: str
    value: float
    maximum: float  # the bar's full length
    text: str  # what is written after the bar
    color: str = ACCENT
    marker: float | None = None  # a tick at this value (e.g. where the year's pace should be)


class BarRows(QWidget):
    """Rows of ``label ▇▇▇▇▇░░ text``; zero shows as an empty track so a gap is visible."""

    ROW = 21

    def __init__(self, parent: QWidget | None = None, label_width: int | None = None):
        super().__init__(parent)
        self.rows: list[BarRow] = []
        self._label_width = label_width
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_rows(self, rows: list[BarRow]) -> None:
        self.rows = list(rows)
        self.setFixedHeight(max(1, len(self.rows)) * self.ROW + 2)
        self.setToolTip("\n".join(spaced([r.label, r.text]) for r in self.rows))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(300, max(1, len(self.rows)) * self.ROW + 2)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.rows:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetricsF(self.font())
        label_w = self._label_width or (max(fm.horizontalAdvance(r.label) for r in self.rows) + 10)
        text_w = max(fm.horizontalAdvance(r.text) for r in self.rows) + 8
        bar_x = label_w
        bar_w = max(20.0, self.width() - label_w - text_w - 4)
        for n, row in enumerate(self.rows):
            top = n * self.ROW
            mid = top + self.ROW / 2
            painter.setPen(QColor("#2b3640"))
            painter.drawText(QRectF(0, top, label_w - 8, self.ROW),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, row.label)
            track = QRectF(bar_x, mid - 6, bar_w, 12)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#edf1f4"))
            painter.drawRoundedRect(track, 3, 3)
            share = 0.0 if row.maximum <= 0 else min(row.value / row.maximum, 1.0)
            if share > 0:
                painter.setBrush(QColor(row.color))
                painter.drawRoundedRect(QRectF(track.left(), track.top(), max(3.0, bar_w * share), 12), 3, 3)
            if row.marker is not None and row.maximum > 0:
                x = track.left() + bar_w * min(row.marker / row.maximum, 1.0)
                painter.setPen(QPen(QColor("#2b3640"), 1.5))
                painter.drawLine(x, track.top() - 3, x, track.bottom() + 3)
            painter.setPen(QColor("#2b3640") if row.value else QColor(MUTED))
            painter.drawText(QRectF(track.right() + 8, top, text_w, self.ROW),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, row.text)
        painter.end()

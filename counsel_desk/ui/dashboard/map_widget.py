"""The coverage map: the center's townships (鄉鎮市區) shaded by visits, hover for the count, click to filter.

It can shade by stocktaking status instead (盤點: 未啟動 … 已核定, ``set_statuses``), one colour per status.

Paints the outlines prepared by ``map_geometry`` (projected lon/lat, insets for the outlying
islands) with QPainterPath, fitted into the widget keeping the aspect ratio. Townships with no
visits stay white on a tinted sea, so thin coverage is the first thing one sees.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor, QFontMetricsF, QLinearGradient, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen, QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from counsel_desk.models.enums import TownshipStatus
from counsel_desk.services.places import geo
from counsel_desk.services.formatting import listed
from counsel_desk.ui.dashboard.map_geometry import MapGeometry, PanelGeometry, Point
from counsel_desk.ui.dashboard.map_geometry import centroid as centroid_of
from counsel_desk.ui.widgets.text import fmt, counted

MAX_INSET_ZOOM = 3.0  # an inset may enlarge its islands up to this many times the main map's scale

# ColorBrewer "Blues": calm, prints well in grey, reads as "more is darker".
RAMP = ("#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b")
SEA = QColor("#eef2f6")
BLANK = QColor("#ffffff")
TOWN_EDGE = QColor("#b9c3cc")
COUNTY_EDGE = QColor("#56636f")
HOVER_EDGE = QColor("#e8710a")
INSET_FRAME = QColor("#aab4bd")
LEGEND_TEXT = QColor("#444c55")


# One colour per stocktaking status, light to dark as a township moves on (ColorBrewer "YlGnBu").
STATUS_COLORS = {
    TownshipStatus.NOT_STARTED: "#ffffff", TownshipStatus.CONTACT: "#edf8b1", TownshipStatus.COUNSELING: "#c7e9b4",
    TownshipStatus.WRITING: "#7fcdbb", TownshipStatus.FILED: "#1d91c0", TownshipStatus.APPROVED: "#0c2c84",
}


def ramp_color(intensity: float) -> QColor:
    """Colour for an intensity 0..1 from ``geo.shade``; 0 is blank."""
    if intensity <= 0:
        return QColor(BLANK)
    pos = min(max(intensity, 0.0), 1.0) * (len(RAMP) - 1)
    i = min(int(pos), len(RAMP) - 2)
    a, b, t = QColor(RAMP[i]), QColor(RAMP[i + 1]), pos - i
    return QColor(round(a.red() + (b.red() - a.red()) * t), round(a.green() + (b.green() - a.green()) * t),
                  round(a.blue() + (b.blue() - a.blue()) * t))


# --- the widget ---------------------------------------------------------------------------------------
@dataclass
class _Panel:
    geometry: PanelGeometry
    paths: dict[str, QPainterPath]
    borders: QPainterPath
    rect: QRectF = field(default_factory=QRectF)  # where it is drawn, widget coordinates
    transform: QTransform = field(default_factory=QTransform)
    title: str = ""


class TownshipMap(QWidget):
    """Townships shaded by a count; ``township_clicked(code)`` when one is clicked."""

    township_clicked = Signal(str)
    LEGEND_HEIGHT = 34
    MARGIN = 8

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 260)
        self._panels: list[_Panel] = []
        self._counts: dict[str, int] = {}
        self._names: dict[str, str] = {}  # town code → "臺東縣 成功鎮"
        self._maximum = 0
        self.hovered_code: str | None = None
        self.hover_text = ""
        self.hint = ""  # a line of help at the legend's right
        self.statuses: dict[str, TownshipStatus] | None = None  # shading by stocktaking status when set

    def sizeHint(self) -> QSize:
        return QSize(480, 440)

    # --- data ----------------------------------------------------------------------------------
    def set_geometry(self, geometry: MapGeometry, names: dict[str, str] | None = None) -> None:
        """Outlines to draw; ``names`` maps county and town codes to what the insets are titled."""
        titles = names or {}
        self._panels = []
        for pg in geometry.panels:
            paths = {code: _path(rings) for code, rings in pg.towns.items()}
            borders = QPainterPath()
            for line in pg.borders:
                borders.moveTo(*line[0])
                for p in line[1:]:
                    borders.lineTo(*p)
            title = listed(titles.get(c, c) for c in pg.label_codes) if pg.inset else ""
            self._panels.append(_Panel(pg, paths, borders, title=title))
        self._layout()
        self.update()

    def set_counts(self, counts: dict[str, int], names: dict[str, str]) -> None:
        """Visits per town code (missing means 0) and each town's display name."""
        self._counts = dict(counts)
        self._names = dict(names)
        self._maximum = max(self._counts.values(), default=0)
        if self.hovered_code is not None:
            self.hover_text = self.text_for(self.hovered_code)
        self.update()

    def set_statuses(self, statuses: dict[str, TownshipStatus] | None) -> None:
        """Shade by stocktaking status (missing means 未啟動); None goes back to the visit counts."""
        self.statuses = None if statuses is None else dict(statuses)
        if self.hovered_code is not None:
            self.hover_text = self.text_for(self.hovered_code)
        self.update()

    def status(self, code: str) -> TownshipStatus:
        return (self.statuses or {}).get(code, TownshipStatus.NOT_STARTED)

    @property
    def town_codes(self) -> list[str]:
        return [code for p in self._panels for code in p.paths]

    def count(self, code: str) -> int:
        return self._counts.get(code, 0)

    def color_for(self, code: str) -> QColor:
        if self.statuses is not None:
            return QColor(STATUS_COLORS[self.status(code)])
        return ramp_color(geo.shade(self.count(code), self._maximum))

    def text_for(self, code: str) -> str:
        if self.statuses is not None:
            return fmt(self.tr("%1: %2"), self._names.get(code, code), self.status(code).label)
        n = self.count(code)
        return fmt(self.tr("%1: %2 visit") if n == 1 else self.tr("%1: %2 visits"), self._names.get(code, code), f"{n:,}")

    # --- geometry in widget coordinates ------------------------------------------------------------
    def township_at(self, pos: QPointF) -> str | None:
        for panel in self._panels:
            if not panel.rect.contains(pos):
                continue
            inverse, ok = panel.transform.inverted()
            if not ok:
                continue
            p = inverse.map(pos)
            for code, path in panel.paths.items():
                if path.controlPointRect().contains(p) and path.contains(p):
                    return code
        return None

    def point_inside(self, code: str) -> QPointF:
        """A point of the widget inside the township (its centroid when that lies inside) — for tests
        and for placing labels."""
        for panel in self._panels:
            path = panel.paths.get(code)
            if path is None:
                continue
            centroid = QPointF(*centroid_of(panel.geometry.towns[code]))
            if path.contains(centroid) and self._owner_at(panel, centroid) == code:
                return panel.transform.map(centroid)
            box = path.boundingRect()
            for i in range(1, 20):  # a grid search for odd shapes (a crescent, an island chain)
                for j in range(1, 20):
                    p = QPointF(box.left() + box.width() * i / 20, box.top() + box.height() * j / 20)
                    if path.contains(p) and self._owner_at(panel, p) == code:
                        return panel.transform.map(p)
            return panel.transform.map(box.center())
        raise KeyError(code)

    @staticmethod
    def _owner_at(panel: _Panel, p: QPointF) -> str | None:
        # a township may enclose another (新北市 around 臺北市): the first containing path wins the hit test
        for code, path in panel.paths.items():
            if path.controlPointRect().contains(p) and path.contains(p):
                return code
        return None

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._layout()

    def _layout(self) -> None:
        if not self._panels:
            return
        area = QRectF(self.rect()).adjusted(self.MARGIN, self.MARGIN, -self.MARGIN, -self.MARGIN - self.LEGEND_HEIGHT)
        insets = [p for p in self._panels if p.geometry.inset]
        main = self._panels[0]
        if insets:
            # insets in a column on the left, where the islands lie, each as tall as its shape needs
            col_w = area.width() * 0.2
            main.rect = QRectF(area.left() + col_w + 8, area.top(), area.width() - col_w - 8, area.height())
            main_scale = self._fit(main, main.rect)
            title_h = QFontMetricsF(self.font()).height() + 4
            wanted = []
            for panel in insets:
                x0, y0, x1, y1 = panel.geometry.bounds
                # at most a few times the main map's scale: a lone islet must not look like a county
                scale = min((col_w - 8) / max(x1 - x0, 1e-9), main_scale * MAX_INSET_ZOOM)
                wanted.append(title_h + max((y1 - y0) * scale, 24.0) + 10)
            gap = 6.0
            shrink = min(1.0, (area.height() - gap * (len(insets) - 1)) / sum(wanted))
            y = area.top()
            for panel, h in zip(insets, wanted):
                h *= shrink
                panel.rect = QRectF(area.left(), y, col_w, h)
                inner = panel.rect.adjusted(4, title_h, -4, -6)
                x0, y0, x1, y1 = panel.geometry.bounds
                zoom = min(inner.width() / max(x1 - x0, 1e-9), inner.height() / max(y1 - y0, 1e-9),
                           main_scale * MAX_INSET_ZOOM)
                self._fit(panel, inner, zoom)
                y += h + gap
        else:
            main.rect = area
            self._fit(main, main.rect)

    @staticmethod
    def _fit(panel: _Panel, rect: QRectF, scale: float | None = None) -> float:
        """Centre the panel's outlines in ``rect`` at ``scale`` (default: as large as fits); returns the scale."""
        x0, y0, x1, y1 = panel.geometry.bounds
        w, h = max(x1 - x0, 1e-9), max(y1 - y0, 1e-9)
        if scale is None:
            scale = min(rect.width() / w, rect.height() / h)
        dx = rect.left() + (rect.width() - w * scale) / 2 - x0 * scale
        dy = rect.top() + (rect.height() - h * scale) / 2 - y0 * scale
        panel.transform = QTransform(scale, 0, 0, scale, dx, dy)
        return scale

    # --- painting ---------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        town_pen = QPen(TOWN_EDGE, 0.6)
        town_pen.setCosmetic(True)
        county_pen = QPen(COUNTY_EDGE, 1.1)
        county_pen.setCosmetic(True)
        county_pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        county_pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        hover_pen = QPen(HOVER_EDGE, 2.2)
        hover_pen.setCosmetic(True)
        for panel in self._panels:
            painter.resetTransform()
            painter.fillRect(panel.rect, SEA)
            if panel.geometry.inset:
                painter.setPen(QPen(INSET_FRAME, 1))
                painter.drawRect(panel.rect)
                painter.setPen(LEGEND_TEXT)
                title_rect = panel.rect.adjusted(6, 2, -4, 0)
                painter.drawText(title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                                 painter.fontMetrics().elidedText(panel.title, Qt.TextElideMode.ElideRight,
                                                                  int(title_rect.width())))
            painter.setTransform(panel.transform)
            painter.setPen(town_pen)
            for code, path in panel.paths.items():
                painter.setBrush(self.color_for(code))
                painter.drawPath(path)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(county_pen)
            painter.drawPath(panel.borders)
            if self.hovered_code in panel.paths:
                painter.setPen(hover_pen)
                painter.drawPath(panel.paths[self.hovered_code])
        painter.resetTransform()
        self._paint_legend(painter)
        painter.end()

    def _paint_legend(self, painter: QPainter) -> None:
        fm = QFontMetricsF(self.font())
        y = self.height() - self.MARGIN - self.LEGEND_HEIGHT + 10
        if self.statuses is not None:
            x = float(self.MARGIN)
            for status, colour in STATUS_COLORS.items():
                box = QRectF(x, y, 14, 12)
                painter.setPen(QPen(TOWN_EDGE, 1))
                painter.setBrush(QColor(colour))
                painter.drawRect(box)
                painter.setPen(LEGEND_TEXT)
                painter.drawText(QPointF(box.right() + 4, box.bottom()), status.label)
                x = box.right() + 4 + fm.horizontalAdvance(status.label) + 12
            return
        box = QRectF(float(self.MARGIN), y, 16, 12)
        painter.setPen(QPen(TOWN_EDGE, 1))
        painter.setBrush(BLANK)
        painter.drawRect(box)
        painter.setPen(LEGEND_TEXT)
        blank_text = self.tr("no visits")
        painter.drawText(QPointF(box.right() + 5, box.bottom()), blank_text)
        x = box.right() + 5 + fm.horizontalAdvance(blank_text) + 18
        if self._maximum > 0:
            painter.drawText(QPointF(x, box.bottom()), "1")
            x += fm.horizontalAdvance("1") + 5
            bar = QRectF(x, y, min(120.0, max(60.0, self.width() * 0.2)), 12)
            gradient = QLinearGradient(bar.topLeft(), bar.topRight())
            for n in range(11):
                gradient.setColorAt(n / 10, ramp_color(0.15 + 0.85 * n / 10))  # geo.shade's range
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(gradient)
            painter.drawRect(bar)
            painter.setPen(LEGEND_TEXT)
            high = counted(self._maximum, self.tr("%1 visit"), self.tr("%1 visits"))
            painter.drawText(QPointF(bar.right() + 5, box.bottom()), high)
            x = bar.right() + 5 + fm.horizontalAdvance(high)
        room = self.width() - self.MARGIN - x - 16
        if self.hint and room > 60:
            painter.setPen(QColor("#7a848e"))
            painter.drawText(QRectF(x + 16, y - 4, room, 20), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             fm.elidedText(self.hint, Qt.TextElideMode.ElideRight, room))

    # --- mouse ----------------------------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        code = self.township_at(event.position())
        if code != self.hovered_code:
            self.hovered_code = code
            self.update()
        if code is None:
            self.hover_text = ""
            self.setCursor(Qt.CursorShape.ArrowCursor)
            QToolTip.hideText()
        else:
            self.hover_text = self.text_for(code)
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            QToolTip.showText(event.globalPosition().toPoint(), self.hover_text, self)
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:
        self.hovered_code = None
        self.hover_text = ""
        self.update()
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            code = self.township_at(event.position())
            if code is not None:
                self.township_clicked.emit(code)
        super().mouseReleaseEvent(event)


def _path(rings: list[list[Point]]) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)  # holes (inner rings) stay holes
    for ring in rings:
        path.moveTo(*ring[0])
        for p in ring[1:]:
            path.lineTo(*p)
        path.closeSubpath()
    return path

"""Charts and the township map of the report PDF, drawn with reportlab graphics (vector, fonts embedded).

- visits by county: horizontal bars, counties in the official order;
- proposals by stage: bars stacked by route (現行 / 多元徵案);
- the township map: the center's townships shaded by the period's visits, from the same outlines
  as the dashboard map (``services/places/geo.py``). Kinmen and Matsu lie far off the main island, so
  they get small inset frames instead of stretching the map.

Printed in greyscale they still read: the second route's bars are hatched and every bar carries its
number; county names sit on white label boxes placed so that none overlaps another (a small city
gets a leader line); the legend is a continuous ramp like the fill itself.
"""

from __future__ import annotations

import math

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, Group, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from counsel_desk.models.enums import STAGE_ORDER, Route
from counsel_desk.reports.figures_types import ReportFigures
from counsel_desk.reports.pdf_common import ACCENT, FONT, FONT_BOLD, INK, RULE, register_fonts
from counsel_desk.services.places import geo

ROUTE_COLORS = {"existing": colors.HexColor("#1f6fb2"), "multi": colors.HexColor("#f3b562")}
HATCHED = {"multi"}  # routes drawn with diagonal hatching, so greyscale print tells them apart
MUTED = colors.HexColor("#5b6b7a")
EMPTY_FILL = colors.HexColor("#f4f6f8")
INSETS = {"09020": "金門縣", "09007": "連江縣"}  # outlying islands drawn in their own frames
MAIN_BOX = (119.2, 21.7, 122.2, 25.45)  # lon/lat of Taiwan, Penghu, Green Island and Orchid Island


def _nice_max(value: int) -> int:
    if value <= 5:
        return 5
    magnitude = 10 ** int(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        top = step * magnitude
        if top >= value:
            return int(math.ceil(top))
    return value


def count_axis(axis, largest: int) -> None:
    """A value axis of counts from 0: small grey grid, thousands separators, in our font."""
    axis.valueMin = 0
    axis.valueMax = _nice_max(largest)
    axis.labels.fontName = FONT
    axis.labels.fontSize = 7.5
    axis.labelTextFormat = lambda v: f"{int(v):,}"
    axis.strokeColor = RULE
    axis.visibleGrid = True
    axis.gridStrokeColor = colors.HexColor("#e3e8ee")
    axis.gridStrokeWidth = 0.4


def county_chart(f: ReportFigures, width: float) -> Drawing:
    return count_bars([c.county for c in f.visits_by_county], [c.count for c in f.visits_by_county], width,
                      "訪視次數（次）")


def count_bars(names: list[str], values: list[int], width: float, axis_title: str, bar_h: float = 13) -> Drawing:
    """Horizontal bars, the first name at the top, each bar with its number; the axis title below the ticks."""
    register_fonts()
    height = max(88, len(names) * bar_h + 48)
    d = Drawing(width, height)
    chart = HorizontalBarChart()
    # room left of the bars for the longest name (地方創生北區輔導中心), below the tick labels for the axis title
    chart.x, chart.y = max(62, max((stringWidth(n, FONT, 8.5) for n in names), default=0) + 8), 30
    chart.width, chart.height = width - chart.x - 38, height - 42
    chart.data = [list(reversed(values))]
    chart.categoryAxis.categoryNames = list(reversed(names))
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 8.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = RULE
    count_axis(chart.valueAxis, max(values + [1]))
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    chart.barWidth = 8
    chart.groupSpacing = max(4, bar_h - 9)
    chart.barLabelFormat = lambda v: f"{int(v):,}" if v else ""
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 7.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    d.add(chart)
    d.add(String(chart.x + chart.width / 2, 3, axis_title, fontName=FONT, fontSize=7.5, fillColor=MUTED,
                 textAnchor="middle"))
    return d


def stage_chart(f: ReportFigures, width: float, height: float = 150) -> Drawing:
    register_fonts()
    d = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 34, 40  # two lines of stage names below
    chart.width, chart.height = width - 44, height - 68
    routes = [r.value for r in Route]
    chart.data = [[f.proposals_by_stage_route.get((s.value, r), 0) for s in STAGE_ORDER] for r in routes]
    chart.categoryAxis.style = "stacked"
    # a long stage name on two lines, so ten stages side by side never run into each other
    chart.categoryAxis.categoryNames = [s.zh if len(s.zh) <= 4 else s.zh[:(len(s.zh) + 1) // 2] + "\n"
                                        + s.zh[(len(s.zh) + 1) // 2:] for s in STAGE_ORDER]
    chart.categoryAxis.labels.leading = 9
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.strokeColor = RULE
    count_axis(chart.valueAxis, max(list(f.proposals_by_stage.values()) + [1]))
    for i, r in enumerate(routes):
        chart.bars[i].fillColor = ROUTE_COLORS[r]
        chart.bars[i].strokeColor = INK
        chart.bars[i].strokeWidth = 0.3
    chart.barWidth = 14
    drawn = chart.draw()
    d.add(drawn)
    for rect in _rects(drawn):
        if any(rect.fillColor == ROUTE_COLORS[r] for r in HATCHED) and rect.height > 0:
            _hatch(d, rect.x, rect.y, rect.width, rect.height)
    # each bar's total written above it (0 too): the numbers do not depend on telling the shades apart
    slot = chart.width / len(STAGE_ORDER)
    for i, stage in enumerate(STAGE_ORDER):
        total = f.proposals_by_stage.get(stage.value, 0)
        top = chart.y + chart.height * total / chart.valueAxis.valueMax
        d.add(String(chart.x + (i + 0.5) * slot, top + 2.5, f"{total:,}", fontName=FONT, fontSize=7.5, fillColor=INK,
                     textAnchor="middle"))
    x = chart.x
    for r in routes:  # legend
        d.add(Rect(x, height - 12, 10, 8, fillColor=ROUTE_COLORS[r], strokeColor=INK, strokeWidth=0.3))
        if r in HATCHED:
            _hatch(d, x, height - 12, 10, 8)
        d.add(String(x + 13, height - 11, f"{Route(r).zh}（{f.proposals_by_route[r]:,}）", fontName=FONT,
                     fontSize=8, fillColor=INK))
        x += 90
    return d


def _rects(node) -> list[Rect]:
    """The filled rectangles (bars) inside a drawn chart group."""
    out: list[Rect] = []
    for item in getattr(node, "contents", []):
        if isinstance(item, Group):
            out += _rects(item)
        elif isinstance(item, Rect) and item.fillColor is not None and item.width > 0:
            out.append(item)
    return out


def _hatch(d: Drawing, x: float, y: float, w: float, h: float, step: float = 3.2) -> None:
    """Diagonal lines (／) across a rectangle, clipped to it by computing each line's ends."""
    k = -h
    while k < w:
        # the line u = v + k, from the rectangle's bottom-left: clip to 0 ≤ u ≤ w, 0 ≤ v ≤ h
        v0, v1 = max(0.0, -k), min(h, w - k)
        if v1 > v0:
            d.add(Line(x + v0 + k, y + v0, x + v1 + k, y + v1, strokeColor=INK, strokeWidth=0.45))
        k += step


# -- the township map ------------------------------------------------------------------------------

def _shade_color(intensity: float) -> colors.Color:
    if intensity <= 0:
        return EMPTY_FILL
    lo, hi = colors.HexColor("#dbe9f6"), colors.HexColor("#0b4f8a")
    t = min(1.0, max(0.0, (intensity - 0.15) / 0.85))
    return colors.Color(lo.red + (hi.red - lo.red) * t, lo.green + (hi.green - lo.green) * t,
                        lo.blue + (hi.blue - lo.blue) * t)


def _in_box(ring, box) -> bool:
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def _area(ring) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))) / 2


class _Projection:
    """lon/lat → points inside a frame, keeping the shape (longitude scaled by cos(latitude))."""

    def __init__(self, bounds, x, y, w, h):
        lon0, lat0, lon1, lat1 = bounds
        self.k = math.cos(math.radians((lat0 + lat1) / 2))
        span_x, span_y = max((lon1 - lon0) * self.k, 1e-6), max(lat1 - lat0, 1e-6)
        self.s = min(w / span_x, h / span_y)
        self.ox = x + (w - span_x * self.s) / 2 - lon0 * self.k * self.s
        self.oy = y + (h - span_y * self.s) / 2 - lat0 * self.s

    def points(self, ring) -> list[float]:
        out: list[float] = []
        for lon, lat in ring:
            out.append(self.ox + lon * self.k * self.s)
            out.append(self.oy + lat * self.s)
        return out


def _rings(shapes: dict[str, geo.TownShape], box) -> dict[str, list]:
    """Town code → its outer rings (holes left out), keeping only rings inside ``box``."""
    out: dict[str, list] = {}
    for code, shape in shapes.items():
        rings = [poly[0] for poly in shape.polygons if poly and (box is None or _in_box(poly[0], box))]
        if rings:
            out[code] = rings
    return out


def _centre(ring) -> tuple[float, float]:
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2


def _main_cluster(rings_by_town: dict[str, list], reach: float = 0.45) -> tuple[dict[str, list], list[str]]:
    """The townships near the county's largest island, and the codes of those far from it."""
    big = max((r for rings in rings_by_town.values() for r in rings), key=_area)
    bx, by = _centre(big)
    near, far = {}, []
    for code, rings in rings_by_town.items():
        kept = [r for r in rings if abs(_centre(r)[0] - bx) <= reach and abs(_centre(r)[1] - by) <= reach]
        if kept:
            near[code] = kept
        else:
            far.append(code)
    return near, far


def _town_names() -> dict[str, str]:
    from counsel_desk.store.reference import townships

    return {t.code: t.name for t in townships()}


def _bounds(rings_by_town: dict[str, list]):
    xs = [x for rings in rings_by_town.values() for r in rings for x, _ in r]
    ys = [y for rings in rings_by_town.values() for r in rings for _, y in r]
    return min(xs), min(ys), max(xs), max(ys)


def _draw_towns(d: Drawing, rings_by_town, proj: _Projection, counts: dict[str, int], maximum: int) -> None:
    # large townships first, so a township enclosed by another (嘉義市 in 嘉義縣) stays visible
    items = sorted(((max(_area(r) for r in rings), code, rings) for code, rings in rings_by_town.items()),
                   reverse=True)
    for _, code, rings in items:
        fill = _shade_color(geo.shade(counts.get(code, 0), maximum))
        for ring in rings:
            d.add(Polygon(proj.points(ring), fillColor=fill, strokeColor=colors.white, strokeWidth=0.35))


def township_map(f: ReportFigures, county_codes: list[str], width: float, height: float) -> Drawing:
    """The center's townships shaded by the period's visits, with a legend and inset islands."""
    register_fonts()
    d = Drawing(width, height)
    counts = {t.township_code: t.total for t in f.visits_by_township}
    maximum = max(counts.values(), default=0)
    shapes = geo.shapes_for_counties(county_codes)
    main = _rings({c: s for c, s in shapes.items() if s.county_code not in INSETS}, MAIN_BOX)
    insets = [(code, name) for code, name in INSETS.items() if code in county_codes]
    legend_w = 92
    inset_w = 110 if insets else 0
    map_x, map_w = inset_w + 6, width - inset_w - legend_w - 12
    if main:
        proj = _Projection(_bounds(main), map_x, 6, map_w, height - 12)
        _draw_towns(d, main, proj, counts, maximum)
        _county_labels(d, f, main, shapes, proj)
    # inset frames for Kinmen and Matsu, stacked on the left
    box_h = (height - 8 * len(insets)) / max(len(insets), 1)
    for i, (code, name) in enumerate(insets):
        rings = _rings({c: s for c, s in shapes.items() if s.county_code == code}, None)
        if not rings:
            continue
        near, far = _main_cluster(rings)
        y = height - (i + 1) * (box_h + 8) + 8
        d.add(Rect(2, y, inset_w - 4, box_h, fillColor=None, strokeColor=RULE, strokeWidth=0.6))
        d.add(String(6, y + box_h - 11, name, fontName=FONT_BOLD, fontSize=7.5, fillColor=MUTED))
        proj = _Projection(_bounds(near), 6, y + 4 + 12 * bool(far), inset_w - 12, box_h - 18 - 12 * bool(far))
        _draw_towns(d, near, proj, counts, maximum)
        for j, town in enumerate(far):  # a township far out at sea (烏坵鄉) as a labelled swatch
            fill = _shade_color(geo.shade(counts.get(town, 0), maximum))
            d.add(Rect(6 + j * 50, y + 4, 7, 7, fillColor=fill, strokeColor=RULE, strokeWidth=0.4))
            d.add(String(16 + j * 50, y + 5, _town_names().get(town, town), fontName=FONT, fontSize=6.5,
                         fillColor=MUTED))
    _legend(d, width - legend_w + 4, height, maximum)
    return d


def _inside(x: float, y: float, ring) -> bool:
    """Point in polygon (even-odd rule)."""
    inside = False
    n = len(ring)
    for i in range(n):
        (x1, y1), (x2, y2) = ring[i], ring[i - 1]
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def _label_point(rings) -> tuple[float, float]:
    """A point inside the county's largest ring, near its middle (the bounding-box centre of 新北市 is in 臺北市)."""
    big = max(rings, key=_area)
    cx, cy = _centre(big)
    if _inside(cx, cy, big):
        return cx, cy
    xs, ys = [p[0] for p in big], [p[1] for p in big]
    best, best_d = (cx, cy), -1.0
    for i in range(1, 12):  # the inside grid point farthest from the ring's vertices
        for j in range(1, 12):
            x = min(xs) + (max(xs) - min(xs)) * i / 12
            y = min(ys) + (max(ys) - min(ys)) * j / 12
            if _inside(x, y, big):
                dist = min((x - px) ** 2 + (y - py) ** 2 for px, py in big[::max(1, len(big) // 200)])
                if dist > best_d:
                    best, best_d = (x, y), dist
    return best


def _county_labels(d: Drawing, f: ReportFigures, main, shapes, proj: _Projection) -> None:
    """County names on white boxes, none overlapping another; one pushed aside gets a leader line."""
    by_county: dict[str, list] = {}
    for code, rings in main.items():
        by_county.setdefault(shapes[code].county_code, []).extend(rings)
    names = {c.county_code: c.county for c in f.visits_by_county}
    size, pad = 7.0, 1.2
    placed: list[tuple[float, float, float, float]] = []

    def free(box) -> bool:
        x0, y0, x1, y1 = box
        return (x0 >= 0 and x1 <= d.width and y0 >= 0 and y1 <= d.height
                and all(x1 <= a0 or x0 >= a1 or y1 <= b0 or y0 >= b1 for a0, b0, a1, b1 in placed))

    # the largest counties first: they have the most room around their own middle
    order = sorted((c for c in by_county if c in names), key=lambda c: -sum(_area(r) for r in by_county[c]))
    for county in order:
        lon, lat = _label_point(by_county[county])
        ax, ay = proj.points([(lon, lat)])
        w = len(names[county]) * size + 2 * pad
        h = size + 2 * pad
        spot = None
        for radius in (0, 9, 14, 20, 28, 36, 46):
            for dx, dy in ((0, 0),) if radius == 0 else ((0, 1), (0, -1), (1, 0), (-1, 0), (1, 1), (-1, 1),
                                                          (1, -1), (-1, -1)):
                cx, cy = ax + dx * radius * 1.6, ay + dy * radius
                box = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
                if free(box):
                    spot = (cx, cy, box)
                    break
            if spot:
                break
        if spot is None:
            continue  # no room anywhere near: the table beside the map names it
        cx, cy, box = spot
        placed.append(box)
        if (cx, cy) != (ax, ay):
            d.add(Line(ax, ay, cx, cy, strokeColor=INK, strokeWidth=0.4))
            d.add(Rect(ax - 0.9, ay - 0.9, 1.8, 1.8, fillColor=INK, strokeColor=None))
        d.add(Rect(box[0], box[1], w, h, fillColor=colors.Color(1, 1, 1, alpha=0.85), strokeColor=None))
        d.add(String(cx, cy - size * 0.36, names[county], fontName=FONT_BOLD, fontSize=size, fillColor=INK,
                     textAnchor="middle"))


def _legend(d: Drawing, x: float, top: float, maximum: int) -> None:
    """A continuous ramp from 1 to the largest count, as the fill is; 0 (no visits) is its own swatch."""
    d.add(String(x, top - 12, "本期訪視次數", fontName=FONT_BOLD, fontSize=8, fillColor=INK))
    y = top - 28
    d.add(Rect(x, y, 14, 10, fillColor=EMPTY_FILL, strokeColor=RULE, strokeWidth=0.4))
    d.add(String(x + 19, y + 2, "0（未訪視）", fontName=FONT, fontSize=7.5, fillColor=INK))
    if maximum <= 0:
        return
    ramp_h, steps = 70.0, 40
    bottom = y - 10 - ramp_h
    for i in range(steps):  # bottom = 1 visit, top = the largest count
        count = 1 + (maximum - 1) * (i + 0.5) / steps
        d.add(Rect(x, bottom + ramp_h * i / steps, 14, ramp_h / steps + 0.3, strokeColor=None,
                   fillColor=_shade_color(geo.shade(count, maximum))))
    d.add(Rect(x, bottom, 14, ramp_h, fillColor=None, strokeColor=RULE, strokeWidth=0.4))
    ticks = sorted({1, maximum, *([round((1 + maximum) / 2)] if maximum > 2 else [])})
    for value in ticks:
        ty = bottom + (ramp_h * (value - 1) / (maximum - 1) if maximum > 1 else ramp_h)
        d.add(Line(x + 14, ty, x + 17, ty, strokeColor=INK, strokeWidth=0.4))
        d.add(String(x + 19, ty - 2.5, f"{value:,}", fontName=FONT, fontSize=7.5, fillColor=INK))
    d.add(String(x, bottom - 12, "顏色越深，訪視越多", fontName=FONT, fontSize=6.5, fillColor=MUTED))

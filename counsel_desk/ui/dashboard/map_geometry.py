"""The coverage map's geometry, in plain Python (no Qt) so it can be prepared off the GUI thread.

Outlines come from ``services/places/geo.py`` (the shipped TopoJSON) in lon/lat. They are projected
equirectangularly with x scaled by cos(latitude), which keeps Taiwan's shape right at this size.
The outlying counties (金門, 連江) sit a few hundred kilometres off the main island; drawn in place
they would shrink everything else to a speck, so — as on every map of Taiwan — they get their own
inset boxes, one per group of nearby islands.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from counsel_desk.services.places import geo

# Drawn as insets rather than in place: 金門縣, 連江縣.
OUTLYING_COUNTIES = ("09020", "09007")
ISLAND_GAP = 0.2  # degrees: islands closer than this share an inset

Point = tuple[float, float]


@dataclass
class PanelGeometry:
    """One drawing area: the main map or an inset, in projected units (x east, y down)."""

    label_codes: tuple[str, ...]  # what names the inset: its county, or its townships for a far islet
    towns: dict[str, list[list[Point]]] = field(default_factory=dict)  # town code → rings
    borders: list[list[Point]] = field(default_factory=list)  # county outlines as polylines
    bounds: tuple[float, float, float, float] = (0.0, 0.0, 1.0, 1.0)
    inset: bool = False


@dataclass
class MapGeometry:
    panels: list[PanelGeometry]

    @property
    def town_codes(self) -> set[str]:
        return {code for p in self.panels for code in p.towns}


def prepare_geometry(county_codes: list[str]) -> MapGeometry:
    """Project the outlines of the given counties' townships and find the county borders.

    Each outlying county gets an inset per group of nearby islands: 烏坵 lies 100 km from the rest
    of 金門縣 and 東引 50 km from 南竿, and one box for all would make every island a dot.
    """
    shapes = geo.shapes_for_counties(county_codes)
    if not shapes:
        return MapGeometry([])
    outlying = [c for c in county_codes if c in OUTLYING_COUNTIES and any(s.county_code == c for s in shapes.values())]
    main_codes = [c for c in county_codes if c not in outlying]
    if not main_codes:  # only islands: draw them together
        main_codes, outlying = list(outlying), []
    main_towns = [code for code, s in shapes.items() if s.county_code in main_codes]
    _, lat0, _, lat1 = geo.bounds([shapes[c] for c in main_towns])
    kx = math.cos(math.radians((lat0 + lat1) / 2))
    panels = [_panel(main_towns, tuple(main_codes), shapes, kx, inset=False)]
    for county in outlying:
        groups = _island_groups([code for code, s in shapes.items() if s.county_code == county], shapes)
        for n, towns in enumerate(groups):  # the largest group carries the county's name
            panels.append(_panel(towns, (county,) if n == 0 else tuple(towns), shapes, kx, inset=True))
    return MapGeometry(panels)


def _island_groups(towns: list[str], shapes: dict[str, geo.TownShape]) -> list[list[str]]:
    """Townships grouped by nearness of their bounding boxes (single linkage), largest group first."""
    boxes = {c: shapes[c].bounds() for c in towns}

    def near(a: str, b: str) -> bool:
        (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) = boxes[a], boxes[b]
        return max(bx0 - ax1, ax0 - bx1, by0 - ay1, ay0 - by1) < ISLAND_GAP

    groups: list[list[str]] = []
    for code in sorted(towns):
        touching = [g for g in groups if any(near(code, other) for other in g)]
        merged = [code] + [c for g in touching for c in g]
        groups = [g for g in groups if g not in touching] + [sorted(merged)]
    return sorted(groups, key=lambda g: (-len(g), g))


def _panel(towns: list[str], label_codes: tuple[str, ...], shapes: dict[str, geo.TownShape], kx: float,
           inset: bool) -> PanelGeometry:
    panel = PanelGeometry(label_codes, inset=inset)
    county_of: dict[str, str] = {}
    for code in towns:
        shape = shapes[code]
        county_of[code] = shape.county_code
        panel.towns[code] = [[(lon * kx, -lat) for lon, lat in ring] for poly in shape.polygons for ring in poly]
    xs = [x for rings in panel.towns.values() for ring in rings for x, _ in ring]
    ys = [y for rings in panel.towns.values() for ring in rings for _, y in ring]
    panel.bounds = (min(xs), min(ys), max(xs), max(ys))
    panel.borders = _county_borders(panel.towns, county_of)
    return panel


def _county_borders(towns: dict[str, list[list[Point]]], county_of: dict[str, str]) -> list[list[Point]]:
    """Polylines along county borders and coasts.

    Neighbouring townships share their boundary arcs in the TopoJSON, so a shared edge has exactly
    the same two points in both rings. An edge used once is a coast (or the center's outer edge);
    an edge used by townships of two counties is a county border; the rest are inner edges.
    """
    owners: dict[tuple[Point, Point], tuple[str, int]] = {}
    for code, rings in towns.items():
        county = county_of[code]
        for ring in rings:
            for a, b in zip(ring, ring[1:]):
                key = (a, b) if a <= b else (b, a)
                seen = owners.get(key)
                if seen is None:
                    owners[key] = (county, 1)
                else:
                    owners[key] = (seen[0] if seen[0] == county else "", seen[1] + 1)
    border = {k for k, (county, n) in owners.items() if n == 1 or county == ""}
    lines: list[list[Point]] = []
    for rings in towns.values():
        for ring in rings:
            run: list[Point] = []
            for a, b in zip(ring, ring[1:]):
                key = (a, b) if a <= b else (b, a)
                if key in border:
                    border.discard(key)
                    if not run:
                        run = [a]
                    run.append(b)
                elif run:
                    lines.append(run)
                    run = []
            if run:
                lines.append(run)
    return lines


def centroid(rings: list[list[Point]]) -> Point:
    """Area-weighted centroid of the largest outer ring."""
    best, best_area, cx, cy = None, 0.0, 0.0, 0.0
    for ring in rings:
        a = sx = sy = 0.0
        for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
            cross = x0 * y1 - x1 * y0
            a += cross
            sx += (x0 + x1) * cross
            sy += (y0 + y1) * cross
        if abs(a) > best_area and a != 0:
            best, best_area, cx, cy = ring, abs(a), sx / (3 * a), sy / (3 * a)
    return (cx, cy) if best is not None else (0.0, 0.0)

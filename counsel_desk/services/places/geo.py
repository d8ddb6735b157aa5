"""Township outlines from the shipped TopoJSON, decoded to plain polygons (lon/lat rings).

Shared by the dashboard map (Qt paths) and the PDF report map (reportlab shapes), so both draw the
same townships. The file's names spell 台; we join on ``TOWNCODE`` and use the official names from
the reference table. Decoding all 368 townships takes ~50 ms and is cached.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache

from counsel_desk import paths

Ring = list[tuple[float, float]]  # (lon, lat)


@dataclass(frozen=True)
class TownShape:
    town_code: str
    county_code: str
    polygons: tuple[tuple[Ring, ...], ...]  # polygons → rings (first ring outer, others holes)

    def bounds(self) -> tuple[float, float, float, float]:
        xs = [x for poly in self.polygons for ring in poly for x, _ in ring]
        ys = [y for poly in self.polygons for ring in poly for _, y in ring]
        return min(xs), min(ys), max(xs), max(ys)


@lru_cache(maxsize=1)
def _topology() -> dict:
    with (paths.resources_dir() / "data" / "taiwan_towns_topo.json").open(encoding="utf-8") as f:
        return json.load(f)


@lru_cache(maxsize=1)
def _arcs() -> list[Ring]:
    topo = _topology()
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    out: list[Ring] = []
    for arc in topo["arcs"]:
        x = y = 0
        ring: Ring = []
        for dx, dy in arc:
            x += dx
            y += dy
            ring.append((x * sx + tx, y * sy + ty))
        out.append(ring)
    return out


def _ring(indices: list[int]) -> Ring:
    arcs = _arcs()
    ring: Ring = []
    for i in indices:
        pts = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        ring.extend(pts if not ring else pts[1:])
    return ring


@lru_cache(maxsize=1)
def town_shapes() -> dict[str, TownShape]:
    """Town code → its outline, for all 368 townships."""
    shapes: dict[str, TownShape] = {}
    for g in _topology()["objects"]["towns"]["geometries"]:
        props = g["properties"]
        if g["type"] == "Polygon":
            polys = (tuple(_ring(r) for r in g["arcs"]),)
        elif g["type"] == "MultiPolygon":
            polys = tuple(tuple(_ring(r) for r in poly) for poly in g["arcs"])
        else:
            continue
        shapes[props["TOWNCODE"]] = TownShape(props["TOWNCODE"], props["COUNTYCODE"], polys)
    return shapes


def shapes_for_counties(county_codes: set[str] | list[str]) -> dict[str, TownShape]:
    wanted = set(county_codes)
    return {code: s for code, s in town_shapes().items() if s.county_code in wanted}


def bounds(shapes: dict[str, TownShape] | list[TownShape]) -> tuple[float, float, float, float]:
    items = shapes.values() if isinstance(shapes, dict) else shapes
    bs = [s.bounds() for s in items]
    return min(b[0] for b in bs), min(b[1] for b in bs), max(b[2] for b in bs), max(b[3] for b in bs)


def shade(count: float, maximum: int) -> float:
    """0..1 intensity for a count; 0 stays 0 so thin coverage shows as blank."""
    if count <= 0 or maximum <= 0:
        return 0.0
    return 0.15 + 0.85 * (count / maximum)


# --- measures (the demo's geography: distance from a center's office, size, offshore islands) ------------
_KM_PER_DEG = 111.32


def _ring_area(ring: Ring, lat0: float) -> float:
    """Shoelace area of a lon/lat ring in km² (locally flat: fine at a township's size)."""
    k = math.cos(math.radians(lat0))
    pts = [(x * _KM_PER_DEG * k, y * _KM_PER_DEG) for x, y in ring]
    return abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(pts, pts[1:] + pts[:1]))) / 2


def area_km2(shape: TownShape) -> float:
    lat0 = (shape.bounds()[1] + shape.bounds()[3]) / 2
    return sum(max(_ring_area(poly[0], lat0) - sum(_ring_area(h, lat0) for h in poly[1:]), 0.0)
               for poly in shape.polygons)


def centroid(shape: TownShape) -> tuple[float, float]:
    """(lon, lat) of the middle of the township's largest piece of land."""
    lat0 = (shape.bounds()[1] + shape.bounds()[3]) / 2
    outer = max((poly[0] for poly in shape.polygons), key=lambda r: _ring_area(r, lat0))
    return sum(x for x, _ in outer) / len(outer), sum(y for _, y in outer) / len(outer)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lon, lat) points."""
    lon1, lat1, lon2, lat2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def offshore(point: tuple[float, float]) -> bool:
    """Off Taiwan's main island: 澎湖, 金門 and 馬祖 west or north of it, 綠島 and 蘭嶼 east, 小琉球 south-west."""
    lon, lat = point
    return (lon < 120.0 or lat > 25.4 or (lon > 121.45 and lat < 22.72)
            or (120.33 < lon < 120.41 and 22.30 < lat < 22.37))

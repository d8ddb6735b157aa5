"""Gathering what the dashboard shows, off the GUI thread (no widgets here), in three parts.

The figures (:func:`load_overview`), the map (:func:`load_map`: township counts and, when the
center's counties changed, the projected outlines) and the yearly targets (:func:`load_targets`)
are independent, so the page runs them as three ``run_task`` jobs: SQLite releases the GIL while
it counts, so the parts overlap on a second core, and a new map period reloads the map alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from counsel_desk.models.enums import TargetMetric
from counsel_desk.services.figures import dashboard
from counsel_desk.services.base import ServiceContext
from counsel_desk.ui.dashboard.map_geometry import MapGeometry, prepare_geometry

PARTS = ("map", "overview", "targets")  # started in this order: the map's outlines take longest


@dataclass(frozen=True)
class TargetLine:
    """A yearly target and, when the targets service is there, its actual so far."""

    metric: str
    label_zh: str
    label_en: str
    target: float
    actual: float | None
    share: float | None


@dataclass(frozen=True)
class MapData:
    period: dashboard.Period
    townships: list[dashboard.TownshipVisits]
    county_codes: list[str]
    geometry: MapGeometry | None  # None: the counties are those already drawn


@dataclass(frozen=True)
class TargetsData:
    upto: date  # the actuals count up to here, from 1 January
    lines: list[TargetLine]
    have_actuals: bool


def load_overview(ctx: ServiceContext, today: date) -> dashboard.Overview:
    return dashboard.overview(ctx, today)


def load_map(ctx: ServiceContext, today: date, period_key: str, drawn_counties: list[str] | None) -> MapData:
    counties = dashboard.center_county_codes(ctx)
    period = dashboard.period(period_key, today)
    geometry = prepare_geometry(counties) if counties != drawn_counties else None
    return MapData(period, dashboard.township_visits(ctx, period.start, period.end), counties, geometry)


def _labels(metric: str) -> tuple[str, str]:
    try:
        m = TargetMetric(metric)
    except ValueError:
        return metric, metric
    return m.zh, m.en


def load_targets(ctx: ServiceContext, today: date) -> TargetsData:
    """This year's targets with actuals to date from ``services.programme.targets``."""
    from counsel_desk.reports.targets import year_to_date

    lines = []
    for p in year_to_date(ctx, today.year, today):
        zh, en = _labels(p.metric)
        lines.append(TargetLine(p.metric, p.label_zh or zh, p.label_en or en, p.target, p.actual,
                                p.share))
    return TargetsData(today, lines, True)

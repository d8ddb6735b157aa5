"""Yearly performance targets (績效指標) of a center: entered, read, and the shape of the progress.

The project office judges each center against targets for the year: site visits, workstation
support sessions and hours, events and their participants, proposals sent to the project office,
proposals approved, and young people who stayed or came back. A center enters its targets here;
the monthly report and the dashboard show each figure against its target.

The actual figures come from the figures' read model (``counsel_desk.services.figures.figures``), which builds
on this module (:class:`TargetProgress`, :func:`read_targets`), never the other way round;
``counsel_desk.reports.targets.year_to_date`` puts them beside these targets for the dashboard.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlmodel import select

from counsel_desk.errors import ValidationError
from counsel_desk.models import YearlyTarget
from counsel_desk.models.enums import TargetMetric
from counsel_desk.services import base
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.changes import Kind, changes

ENTITY = "yearly_target"


@dataclass(frozen=True)
class TargetProgress:
    """One metric: the year's target, the actual so far and the share reached (None without a target)."""

    metric: str  # TargetMetric code
    label_zh: str
    label_en: str
    target: float
    actual: float
    share: float | None


def _center(ctx: ServiceContext, center: str | None, all_centers: bool) -> str | None:
    return None if all_centers else (center or ctx.center_code)


def get_targets(ctx: ServiceContext, year: int, *, center: str | None = None,
                all_centers: bool = False) -> dict[str, float]:
    """Metric code → target for the (Western) ``year``; metrics without a target are absent.

    The context's center unless ``center`` is given; ``all_centers`` sums the four centers'.
    """
    with ctx.session_factory() as session:
        return read_targets(session.connection(), _center(ctx, center, all_centers), year)


def read_targets(conn: Connection, center: str | None, year: int) -> dict[str, float]:
    """Metric → target of a center's year (summed over the centers for ``None``); unset metrics absent."""
    # "+" keeps SQLite off the deleted_at and center indexes, as in reports/figures.py
    where_center = "" if center is None else " AND +t.center_code = :center"
    rows = conn.execute(text(
        f"SELECT t.metric, sum(t.target) FROM yearly_target t WHERE +t.deleted_at IS NULL{where_center} "
        "AND t.year = :year GROUP BY t.metric"), {"center": center, "year": year})
    return {metric: float(value) for metric, value in rows}


def _validated(values: dict[str, float]) -> dict[str, float]:
    out: dict[str, float] = {}
    for key, raw in values.items():
        try:
            metric = TargetMetric.from_label(str(key))
        except ValueError:
            raise ValidationError(f"不認得的績效指標「{key}」。", f"Unknown target metric '{key}'.", field=str(key)) from None
        try:
            value = float(raw)
        except (TypeError, ValueError):
            raise ValidationError(f"{metric.zh}的目標值「{raw}」不是數字。",
                                  f"The target for {metric.en} ('{raw}') is not a number.", field=metric.value) from None
        if math.isnan(value) or math.isinf(value) or value < 0:
            raise ValidationError(f"{metric.zh}的目標值不可為負數或無效數值。",
                                  f"The target for {metric.en} must be zero or more.", field=metric.value)
        if value > 10_000_000:
            raise ValidationError(f"{metric.zh}的目標值 {value:,.0f} 過大，請確認。",
                                  f"The target for {metric.en} ({value:,.0f}) is implausibly large.", field=metric.value)
        out[metric.value] = value
    return out


def targets_version(ctx: ServiceContext, year: int, *, center: str | None = None) -> int:
    """The version of a center's targets for ``year`` as one number (the sum of its rows' versions: every save
    raises it); the editor saves against the one it loaded."""
    with ctx.session_factory() as session:
        return sum(t.version for t in session.exec(select(YearlyTarget).where(
            YearlyTarget.center_code == (center or ctx.center_code), YearlyTarget.year == int(year))))


@changes(Kind.REPORTS)
def set_targets(ctx: ServiceContext, year: int, values: dict[str, float], *, center: str | None = None,
                version: int | None = None) -> int:
    """Store a center's targets for ``year`` (metric code or label → value); returns how many changed.

    Each change goes through the audited create/update helpers; a target deleted earlier is
    brought back rather than duplicated (one row per center, year and metric). ``version``: the
    :func:`targets_version` the editor loaded — when someone saved the year's targets since, a metric whose
    stored target differs from hers is refused with a SaveConflict (both values), never overwritten.
    """
    if not 1990 <= int(year) <= 2200:
        raise ValidationError(f"不合理的年度：{year}。", f"Implausible year: {year}.", field="year")
    clean = _validated(values)
    center_code = center or ctx.center_code
    changed = 0
    with ctx.session_factory() as session:
        query = select(YearlyTarget).where(YearlyTarget.center_code == center_code, YearlyTarget.year == int(year))
        if version is not None and session.get_bind().dialect.name != "sqlite":  # as base.load_for_update
            query = query.with_for_update()
        existing = {t.metric: t for t in session.exec(query)}
        _refuse_if_saved_meanwhile(center_code, int(year), list(existing.values()), version, clean)
        for metric, value in clean.items():
            row = existing.get(metric)
            if row is None:
                base.create(session, YearlyTarget(center_code=center_code, year=int(year), metric=metric, target=value),
                            ctx.actor, ENTITY)
                changed += 1
                continue
            if row.deleted_at is not None:
                base.undelete(session, row, ctx.actor, ENTITY)
                changed += 1
            if base.update(session, row, ctx.actor, ENTITY, {"target": value}):
                changed += 1
        session.commit()
    return changed


def _refuse_if_saved_meanwhile(center: str, year: int, rows: list[YearlyTarget], version: int | None,
                               mine: dict[str, float]) -> None:
    now = sum(t.version for t in rows)
    if version is None or now == version:
        return
    theirs = {t.metric: (t.target if t.deleted_at is None else 0.0) for t in rows}
    fields = base.conflicting_fields(mine, {m: theirs.get(m, 0.0) for m in mine})
    if fields:
        last = max(rows, key=lambda t: t.updated_at)
        raise base.SaveConflict(ENTITY, f"{center}:{year}", now, fields, last.updated_by, last.updated_at)

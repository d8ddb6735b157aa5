"""The yearly targets (績效指標) against what was done, year to date: the dashboard's target lines.

The actuals are the figures' read model (:func:`counsel_desk.services.figures.figures.target_progress`), the
report's own counts, so the dashboard and the report can never disagree; the targets are ``services.programme.targets``'.
"""

from __future__ import annotations

from datetime import date

from counsel_desk.services.figures.figures import target_progress
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.programme.targets import TargetProgress


def year_to_date(ctx: ServiceContext, year: int, upto: date, *, center: str | None = None,
                 all_centers: bool = False) -> list[TargetProgress]:
    """Every TargetMetric for ``year``: target against the actual from 1 January to ``upto``.

    The context's center unless ``center`` is given; ``all_centers`` sums the four centers'.
    """
    upto = min(upto, date(year, 12, 31))
    center_code = None if all_centers else (center or ctx.center_code)
    with ctx.session_factory() as session:
        return target_progress(session.connection(), center_code, year, upto)

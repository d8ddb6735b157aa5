"""The dashboard's figures (儀表板): plain counts in SQL for one center and period.

What a center manager looks at first: this month's visits by county, follow-ups due this week and
overdue, visits per month over the last 12 months, proposals in each stage and visits per township
over a chosen period (the coverage map). Every query counts live records only (tombstones left
out) of the context's center, and returns every category — zero included — because a county, a
township or a stage with nothing in it is exactly what the manager needs to see.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Integer, and_, func, select

from counsel_desk.models import County, FollowUp, SiteVisit, Township, YearlyTarget
from counsel_desk.models.enums import STAGE_ORDER, FollowUpStatus, Stage, TargetMetric
from counsel_desk.services.figures import figures
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.visits.followups import week_bounds  # "this week" means the same as in the follow-up list
from counsel_desk.services.period import Period, add_months, month_end

PERIOD_KEYS = ("this_month", "last_3_months", "this_year", "last_12_months")
PENDING = (FollowUpStatus.OPEN.value, FollowUpStatus.IN_PROGRESS.value)  # follow-ups still to do
MONTHS_CHARTED = 12


@dataclass(frozen=True)
class CountyVisits:
    county_code: str
    name: str
    name_en: str
    count: int


@dataclass(frozen=True)
class MonthVisits:
    year: int
    month: int
    count: int


@dataclass(frozen=True)
class StageProposals:
    stage: Stage
    count: int


@dataclass(frozen=True)
class TownshipVisits:
    township_code: str
    county_code: str
    county_name: str
    name: str
    county_name_en: str
    name_en: str
    count: int


@dataclass(frozen=True)
class Overview:
    center_code: str
    today: date
    visits_this_month: int
    visits_by_county: list[CountyVisits]  # this month; the center's counties first, zero included
    followups_due_this_week: int  # due from today to Sunday, still open or in progress
    followups_overdue: int  # due before today, still open or in progress
    visits_per_month: list[MonthVisits]  # the last 12 months, oldest first, this month last
    proposals_by_stage: list[StageProposals]  # every stage in board order

    @property
    def proposals_in_progress(self) -> int:
        """Proposals not yet decided (approved and rejected are decided)."""
        return sum(s.count for s in self.proposals_by_stage if s.stage not in (Stage.APPROVED, Stage.REJECTED))


# --- periods --------------------------------------------------------------------------------------
def period(key: str, today: date) -> Period:
    """A period ending with today's month: this month, the last 3 or 12 months (this one included), or
    this year. The end is the last day of this month, so visits already booked for later this month count."""
    end = month_end(today.year, today.month)
    if key == "this_month":
        start = today.replace(day=1)
    elif key == "last_3_months":
        start = add_months(today.replace(day=1), -2)
    elif key == "this_year":
        start = date(today.year, 1, 1)
    elif key == "last_12_months":
        start = add_months(today.replace(day=1), -(MONTHS_CHARTED - 1))
    else:
        raise ValueError(key)
    return Period(start, end, "month" if key == "this_month" else "custom")


# --- queries: the figures' read model (services/figures/figures.py), shaped for the dashboard ---------------
def _counted(ctx: ServiceContext, count, start: date, end: date):
    with ctx.session_factory() as s:
        return count(s.connection(), ctx.center_code, Period(start, end))


def center_county_codes(ctx: ServiceContext) -> list[str]:
    """Counties whose default center is the context's center, in reference order."""
    with ctx.session_factory() as s:
        return list(s.exec(select(County.code).where(County.default_center == ctx.center_code)
                           .order_by(County.sort_order, County.code)).scalars())


def visits_by_county(ctx: ServiceContext, start: date, end: date) -> list[CountyVisits]:
    """Visits per county in a period: every county of the center (zero included), then any other
    county the center visited."""
    counts = _counted(ctx, figures.visits_per_county, start, end)
    with ctx.session_factory() as s:
        counties = s.exec(select(County.code, County.name, County.name_en, County.default_center)
                          .order_by(County.sort_order, County.code)).all()
    own = [CountyVisits(c, n, e, counts.get(c, 0)) for c, n, e, center in counties if center == ctx.center_code]
    others = [CountyVisits(c, n, e, counts[c]) for c, n, e, center in counties
              if center != ctx.center_code and counts.get(c)]
    return own + others


def visits_per_month(ctx: ServiceContext, today: date, months: int = MONTHS_CHARTED) -> list[MonthVisits]:
    """Visits in each of the last ``months`` months (this month included), oldest first, zeros kept."""
    first = add_months(today.replace(day=1), -(months - 1))
    counts = _counted(ctx, figures.visits_per_month, first, month_end(today.year, today.month))
    out = []
    for i in range(months):
        month = add_months(first, i)
        out.append(MonthVisits(month.year, month.month, counts.get(f"{month:%Y-%m}", 0)))
    return out


def pending_followups(ctx: ServiceContext, today: date) -> tuple[int, int]:
    """(due this week from today on, overdue) among follow-ups still open or in progress.

    The same figures as ``FollowUpListSource.counts`` for the center (a test holds them equal), in a
    query shaped for these two numbers only.
    """
    _, sunday = week_bounds(today)
    due = FollowUp.due_date
    with ctx.session_factory() as s:
        row = s.exec(
            # type_=Integer: left to itself SQLAlchemy types a sum of comparisons as Boolean → 1
            select(func.coalesce(func.sum(and_(due >= today, due <= sunday), type_=Integer), 0),
                   func.coalesce(func.sum(due < today, type_=Integer), 0))
            .select_from(FollowUp).join(SiteVisit, SiteVisit.id == FollowUp.visit_id)
            .where(FollowUp.deleted_at.is_(None), FollowUp.status.in_(PENDING), due.is_not(None),
                   due <= sunday, SiteVisit.deleted_at.is_(None), SiteVisit.center_code == ctx.center_code)
        ).one()
    return int(row[0]), int(row[1])


def proposals_by_stage(ctx: ServiceContext, today: date) -> list[StageProposals]:
    """Live proposals of the center in each stage today, every stage listed in board order."""
    counts = _counted(ctx, figures.proposals_per_stage, today, today)
    return [StageProposals(stage, counts.get(stage.value, 0)) for stage in STAGE_ORDER]


def township_visits(ctx: ServiceContext, start: date, end: date) -> list[TownshipVisits]:
    """Visits per township of the center's counties in a period — every township, zero included —
    for the coverage map."""
    counts: dict[str, int] = {}
    for (town, _mode), n in _counted(ctx, figures.visits_per_township_mode, start, end).items():
        counts[town] = counts.get(town, 0) + n
    with ctx.session_factory() as s:
        towns = s.exec(select(Township.code, Township.county_code, County.name, Township.name, County.name_en,
                              Township.name_en)
                       .join(County, County.code == Township.county_code)
                       .where(County.default_center == ctx.center_code)
                       .order_by(County.sort_order, Township.code)).all()
    return [TownshipVisits(code, county, cname, name, cname_en, name_en, counts.get(code, 0))
            for code, county, cname, name, cname_en, name_en in towns]


def yearly_targets(ctx: ServiceContext, year: int) -> list[tuple[str, float]]:
    """(metric, target) of the center's live targets for a year, in the metrics' own order."""
    with ctx.session_factory() as s:
        rows = s.exec(select(YearlyTarget.metric, YearlyTarget.target)
                      .where(YearlyTarget.center_code == ctx.center_code, YearlyTarget.year == year,
                             YearlyTarget.deleted_at.is_(None))).all()
    order = {m.value: n for n, m in enumerate(TargetMetric)}
    return sorted(((m, float(t)) for m, t in rows), key=lambda r: (order.get(r[0], len(order)), r[0]))


def overview(ctx: ServiceContext, today: date) -> Overview:
    """Everything on the dashboard except the map (which has its own period)."""
    this_month = period("this_month", today)
    by_county = visits_by_county(ctx, this_month.start, this_month.end)
    per_month = visits_per_month(ctx, today)
    due_this_week, overdue = pending_followups(ctx, today)
    return Overview(
        center_code=ctx.center_code, today=today,
        visits_this_month=per_month[-1].count,
        visits_by_county=by_county,
        followups_due_this_week=due_this_week, followups_overdue=overdue,
        visits_per_month=per_month,
        proposals_by_stage=proposals_by_stage(ctx, today),
    )

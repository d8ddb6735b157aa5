"""The dashboard's figures against counts made independently with plain SQL on the demo database."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from counsel_desk.models.enums import STAGE_ORDER, Stage
from counsel_desk.services.figures import dashboard
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.period import Period
from tests.pg_server import RawConnection

TODAY = date(2026, 11, 26)  # the demo database's today (a Thursday)


@pytest.fixture
def ctx(demo_db) -> ServiceContext:
    return ServiceContext.for_database(demo_db, actor="測試主任", center_code="north")


@pytest.fixture
def raw(demo_db):
    conn = RawConnection(demo_db)
    yield conn
    conn.close()


def live_visits(raw, start: date, end: date) -> list[tuple[str, str, str]]:
    """(visit_date, county_code, township_code) of the north center's live visits in a period."""
    rows = raw.execute("SELECT visit_date, county_code, township_code FROM site_visit "
                       "WHERE center_code = 'north' AND deleted_at IS NULL AND visit_date BETWEEN ? AND ?",
                       (start.isoformat(), end.isoformat())).fetchall()
    return [(str(d), county, town) for d, county, town in rows]  # a server gives dates, SQLite text


def north_counties(raw) -> list[str]:
    return [r[0] for r in raw.execute("SELECT code FROM county WHERE default_center = 'north'")]


def test_periods_end_with_this_month():
    assert dashboard.period("this_month", TODAY) == Period.month(2026, 11)
    assert dashboard.period("last_3_months", TODAY).start == date(2026, 9, 1)
    assert dashboard.period("this_year", TODAY).start == date(2026, 1, 1)
    twelve = dashboard.period("last_12_months", TODAY)
    assert (twelve.start, twelve.end) == (date(2025, 12, 1), date(2026, 11, 30))
    assert dashboard.period("last_3_months", date(2027, 2, 3)).start == date(2026, 12, 1)  # across a year
    assert dashboard.week_bounds(TODAY) == (date(2026, 11, 23), date(2026, 11, 29))
    with pytest.raises(ValueError):
        dashboard.period("fortnight", TODAY)


def test_overview_matches_independent_counts(ctx, raw):
    o = dashboard.overview(ctx, TODAY)
    month = live_visits(raw, date(2026, 11, 1), date(2026, 11, 30))
    assert o.visits_this_month == len(month) > 0

    by_county = Counter(county for _, county, _ in month)
    assert [c.county_code for c in o.visits_by_county][:len(north_counties(raw))] == \
        [r[0] for r in raw.execute("SELECT code FROM county WHERE default_center = 'north' ORDER BY sort_order, code")]
    assert {c.county_code: c.count for c in o.visits_by_county if c.count} == dict(by_county)
    assert all(c.name for c in o.visits_by_county)

    year = live_visits(raw, date(2025, 12, 1), date(2026, 11, 30))
    per_month = Counter(d[:7] for d, _, _ in year)
    assert [(m.year, m.month) for m in o.visits_per_month] == [(2025, 12)] + [(2026, n) for n in range(1, 12)]
    assert [m.count for m in o.visits_per_month] == [per_month.get(f"{m.year}-{m.month:02d}", 0)
                                                    for m in o.visits_per_month]

    pending = raw.execute(
        "SELECT f.due_date FROM followup f JOIN site_visit v ON v.id = f.visit_id WHERE v.center_code = 'north' "
        "AND f.deleted_at IS NULL AND v.deleted_at IS NULL AND f.status IN ('open', 'in_progress') "
        "AND f.due_date IS NOT NULL").fetchall()
    dues = [date.fromisoformat(str(d)) for (d,) in pending]
    assert o.followups_overdue == sum(d < TODAY for d in dues)
    assert o.followups_due_this_week == sum(TODAY <= d <= date(2026, 11, 29) for d in dues)

    stages = Counter(s for (s,) in raw.execute(
        "SELECT stage FROM proposal WHERE center_code = 'north' AND deleted_at IS NULL"))
    assert [s.stage for s in o.proposals_by_stage] == STAGE_ORDER  # every stage, zero included
    assert {s.stage.value: s.count for s in o.proposals_by_stage if s.count} == dict(stages)
    decided = stages.get(Stage.APPROVED.value, 0) + stages.get(Stage.REJECTED.value, 0)
    assert o.proposals_in_progress == sum(stages.values()) - decided


def test_followup_figures_agree_with_the_followup_list(ctx):
    from counsel_desk.services.visits.followups import FollowUpListSource

    listed = FollowUpListSource(ctx, today=TODAY).counts({"center_code": "north"})
    assert dashboard.pending_followups(ctx, TODAY) == (listed.due_this_week, listed.overdue)


def test_township_visits_cover_every_township_of_the_center(ctx, raw):
    period = dashboard.period("last_3_months", TODAY)
    towns = dashboard.township_visits(ctx, period.start, period.end)
    expected = {code for (code,) in raw.execute(
        "SELECT t.code FROM township t JOIN county c ON c.code = t.county_code WHERE c.default_center = 'north'")}
    assert {t.township_code for t in towns} == expected
    counts = Counter(town for _, _, town in live_visits(raw, period.start, period.end))
    assert {t.township_code: t.count for t in towns if t.count} == dict(counts)
    assert any(t.count == 0 for t in towns) or len(counts) == len(expected)
    taipei = next(t for t in towns if t.county_code == "63000")
    assert taipei.county_name == "臺北市" and taipei.name.endswith("區")


def test_tombstones_and_other_centers_are_left_out(ctx, raw):
    before = dashboard.overview(ctx, TODAY).visits_this_month
    ids = [r[0] for r in raw.execute("SELECT id FROM site_visit WHERE center_code = 'north' AND deleted_at IS NULL "
                                     "AND visit_date >= '2026-11-01' LIMIT 2")]
    raw.execute("UPDATE site_visit SET deleted_at = '2026-11-26 01:00:00' WHERE id = ?", (ids[0],))
    raw.execute("UPDATE site_visit SET center_code = 'south' WHERE id = ?", (ids[1],))
    raw.commit()
    assert dashboard.overview(ctx, TODAY).visits_this_month == before - 2
    south = ServiceContext(ctx.session_factory, "", "south")
    assert dashboard.overview(south, TODAY).visits_this_month == 1
    # the south center's map covers its own counties, none of the north's
    towns = dashboard.township_visits(south, date(2026, 11, 1), date(2026, 11, 30))
    assert towns and all(t.county_code not in north_counties(raw) for t in towns)


def test_empty_database_gives_zeros_not_gaps(services):
    o = dashboard.overview(services, TODAY)
    assert o.visits_this_month == 0 and o.followups_overdue == 0 and o.followups_due_this_week == 0
    assert len(o.visits_per_month) == 12 and all(m.count == 0 for m in o.visits_per_month)
    assert len(o.proposals_by_stage) == len(STAGE_ORDER)
    assert len(o.visits_by_county) == 8 and all(c.count == 0 for c in o.visits_by_county)  # north: 8 counties
    assert dashboard.yearly_targets(services, 2026) == []


def test_yearly_targets_in_metric_order(demo_db, raw):
    ctx = ServiceContext.for_database(demo_db, center_code="north")
    rows = dashboard.yearly_targets(ctx, 2026)
    expected = dict(raw.execute("SELECT metric, target FROM yearly_target WHERE center_code = 'north' "
                                "AND year = 2026 AND deleted_at IS NULL").fetchall())
    assert dict(rows) == expected
    from counsel_desk.models.enums import TargetMetric

    order = [m.value for m in TargetMetric]
    assert [m for m, _ in rows] == sorted(expected, key=order.index)

"""The calendar arithmetic every area shares (services/period.py): months moved and Taiwan's day."""

from datetime import date, datetime, timedelta, timezone

from counsel_desk.services.period import add_months, taiwan_day, taiwan_time
from counsel_desk.services.proposals.display import when_text
from counsel_desk.services.workstations.workstations import term_end_for


def test_a_month_later_keeps_the_day_or_takes_the_shorter_months_last():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2026, 3, 15), -3) == date(2025, 12, 15)
    assert add_months(date(2026, 11, 1), -11) == date(2025, 12, 1)
    assert add_months(date(2026, 12, 31), 14) == date(2028, 2, 29)


def test_a_workstation_term_ends_the_day_before_the_same_date_a_year_on():
    assert term_end_for(date(2026, 3, 1)) == date(2027, 2, 28)
    assert term_end_for(date(2027, 2, 28)) == date(2028, 2, 27)


def test_a_utc_stamp_reads_as_taiwan_time_whatever_zone_it_carries():
    late = datetime(2026, 11, 30, 17, 30)  # UTC: already 1 December in Taiwan
    assert taiwan_day(late) == date(2026, 12, 1)
    assert taiwan_time(late.replace(tzinfo=timezone.utc)) == datetime(2026, 12, 1, 1, 30)
    in_tokyo = datetime(2026, 12, 1, 2, 30, tzinfo=timezone(timedelta(hours=9)))
    assert taiwan_time(in_tokyo) == datetime(2026, 12, 1, 1, 30)
    assert when_text(late) == "115/12/01 01:30"

"""Whether a record's day is one a person meant: not years before the programme, not a typo's year ahead.

A visit, a support session or an outcome happened (or is planned a few weeks ahead). 民國 years are typed by
hand, so 151/01/05 for 115/01/05 or 2062 for 2026 is the mistake met in practice: refused with the day named
and the year to check, before it lands in a month's report nobody prints.
"""

from __future__ import annotations

from datetime import date, timedelta

from counsel_desk.errors import ValidationError
from counsel_desk.services.formatting import roc_date

EARLIEST = date(2010, 1, 1)
DAYS_AHEAD_ALLOWED = 31  # a planned visit may be entered a month ahead, not a typo's year ahead


def day_problem(day: date, field: str, zh: str, en: str, today: date | None = None) -> ValidationError | None:
    """The problem with ``day`` as the record's ``zh``／``en`` (「訪視日期」/"visit date"), or None when plausible."""
    latest = (today or date.today()) + timedelta(days=DAYS_AHEAD_ALLOWED)
    if day > latest:
        return ValidationError(
            f"{zh} {roc_date(day)} 太遠了：最晚只能填到 {roc_date(latest)}（今天之後 {DAYS_AHEAD_ALLOWED} 天）。",
            f"The {en} {day} is too far ahead: the latest allowed is {latest}.", field=field)
    if day < EARLIEST:
        return ValidationError(f"{zh} {roc_date(day)} 太早了：請確認年份（民國或西元）。",
                               f"The {en} {day} is too early: check the year.", field=field)
    return None


def check_day(day: date, field: str, zh: str, en: str) -> None:
    """Raise :func:`day_problem`'s error, if any."""
    problem = day_problem(day, field, zh, en)
    if problem is not None:
        raise problem

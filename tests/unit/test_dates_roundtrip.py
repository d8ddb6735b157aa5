"""Dates survive being shown and typed back: parse_date(roc_date(d)) == d, for every date a person can write.

The ROC year is written with 2 or 3 digits (民國10年 = 1921 … 民國999年 = 2910); outside that a date is
typed in the Western calendar, which also reads back.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from counsel_desk.errors import ValidationError
from counsel_desk.services.formatting import parse_date, roc_date, roc_date_long

ROC_DATES = st.dates(min_value=date(1921, 1, 1), max_value=date(2910, 12, 31))


@given(ROC_DATES, st.sampled_from(["/", "-", ".", " "]))
@example(date(2026, 11, 26), "/")
@example(date(2024, 2, 29), "/")  # 民國113年, a leap day
def test_roc_date_reads_back(d, sep):
    assert parse_date(roc_date(d, sep)) == d


@given(ROC_DATES)
def test_the_long_roc_form_reads_back(d):
    assert parse_date(roc_date_long(d)) == d


@given(st.dates(min_value=date(2011, 1, 1), max_value=date(2910, 12, 31)))
def test_the_seven_digit_roc_form_reads_back(d):
    assert parse_date(f"{d.year - 1911:03d}{d.month:02d}{d.day:02d}") == d


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)))
def test_western_dates_read_back(d):
    assert parse_date(d.isoformat()) == d
    assert parse_date(d.strftime("%Y/%m/%d")) == d


@given(st.text(max_size=20))
def test_any_text_is_a_date_or_a_clear_refusal(text):
    try:
        parsed = parse_date(text)
    except ValidationError as exc:
        assert "日期" in exc.zh  # names what is wrong, in Chinese
    else:
        assert isinstance(parsed, date)


@pytest.mark.parametrize("text", ["115/02/30", "115/13/01", "1150230", "2026-02-29"])
def test_impossible_dates_are_refused(text):
    with pytest.raises(ValidationError):
        parse_date(text)

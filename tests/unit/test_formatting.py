"""ROC dates and NT$ as the field writes them; impossible input refused in Chinese."""

from datetime import date

import pytest

from counsel_desk.errors import ValidationError
from counsel_desk.services.formatting import ntd, parse_date, parse_month, roc_date, roc_date_long, roc_month


def test_roc_dates():
    assert roc_date(date(2026, 11, 26)) == "115/11/26"
    assert roc_date_long(date(2026, 11, 26)) == "民國115年11月26日"
    assert roc_month(2026, 11) == "民國115年11月"


@pytest.mark.parametrize("text", ["115/11/26", "民國115年11月26日", "1151126", "2026-11-26", "2026/11/26",
                                  "115.11.26", " 115-11-26 ", "20261126"])
def test_parse_date_accepts_roc_and_western(text):
    assert parse_date(text) == date(2026, 11, 26)


@pytest.mark.parametrize("text,msg", [("115/02/30", "不存在"), ("hello", "看不懂"), ("", "看不懂")])
def test_parse_date_refuses(text, msg):
    with pytest.raises(ValidationError, match=msg):
        parse_date(text)


def test_money():
    assert ntd(3000000) == "3,000,000"
    assert ntd(1234567, prefix=True) == "NT$1,234,567"


def test_parse_month():
    assert parse_month("2026-11") == (2026, 11)
    assert parse_month("115-11") == (2026, 11)
    with pytest.raises(ValidationError, match="月份"):
        parse_month("2026-13")

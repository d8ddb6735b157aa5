"""The one period type (報告期間) of the reports and the dashboard: a month, a quarter, a year or any
from/to range.

Dates are Taiwan calendar days, inclusive at both ends. Timestamps in the database are naive UTC;
Taiwan keeps UTC+8 all year (no daylight saving), so a day's moments are found by shifting eight
hours — :meth:`Period.utc_bounds` gives the UTC range a timestamp column is compared against.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

from counsel_desk.errors import ValidationError
from counsel_desk.services.formatting import ROC_OFFSET, parse_month, roc_date

TAIWAN_UTC_OFFSET = timedelta(hours=8)  # Taiwan keeps UTC+8 all year: the one place the offset is written
KINDS = ("month", "quarter", "year", "custom")


def add_months(d: date, months: int) -> date:
    """The same day ``months`` later (or earlier), the last day of a shorter month: 1/31 + 1 → 2/28."""
    n = d.year * 12 + (d.month - 1) + months
    year, month = n // 12, n % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def taiwan_time(stamp: datetime) -> datetime:
    """A stored UTC timestamp (naive, or aware in any zone) as a Taiwan wall-clock time (naive)."""
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(timezone.utc).replace(tzinfo=None)
    return stamp + TAIWAN_UTC_OFFSET


def taiwan_day(stamp: datetime) -> date:
    """The Taiwan calendar day of a stored UTC timestamp."""
    return taiwan_time(stamp).date()


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive
    kind: str = "custom"  # one of KINDS

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError(f"報告期間的結束日 {roc_date(self.end)} 早於開始日 {roc_date(self.start)}。",
                                  f"The period ends ({self.end}) before it starts ({self.start}).", field="period")

    # -- constructors ---------------------------------------------------------------------------
    @classmethod
    def month(cls, year: int, month: int) -> "Period":
        last = calendar.monthrange(year, month)[1]
        return cls(date(year, month, 1), date(year, month, last), "month")

    @classmethod
    def parse_month(cls, text: str) -> "Period":
        """'2026-11' (or 115-11) → that month; ValidationError in Chinese for a bad month."""
        return cls.month(*parse_month(text))

    @classmethod
    def parse_quarter(cls, text: str) -> "Period":
        """'2026-Q4' (or 115-Q4, 2026Q4) → that quarter; ValidationError in Chinese otherwise."""
        raw = (text or "").strip()
        m = re.fullmatch(r"(\d{2,4})-?[Qq]([1-4])", raw)
        if not m:
            raise ValidationError(f"看不懂的季別「{raw}」：請用 YYYY-Qn，例如 2026-Q4（亦可 115-Q4）。",
                                  f"Unreadable quarter '{raw}': use YYYY-Qn, e.g. 2026-Q4.", field="period")
        return cls.quarter(_year(m.group(1), raw), int(m.group(2)))

    @classmethod
    def parse_year(cls, text: str) -> "Period":
        """'2026' or the ROC year '115' → that calendar year."""
        raw = (text or "").strip()
        if not re.fullmatch(r"\d{2,4}", raw):
            raise ValidationError(f"看不懂的年度「{raw}」：請用西元年 2026 或民國年 115。",
                                  f"Unreadable year '{raw}': use 2026 or the ROC year 115.", field="period")
        return cls.year(_year(raw, raw))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> "Period":
        if not 1 <= quarter <= 4:
            raise ValidationError(f"不存在的季別：第 {quarter} 季。", f"No such quarter: {quarter}.", field="period")
        first = 3 * (quarter - 1) + 1
        return cls(date(year, first, 1), date(year, first + 2, calendar.monthrange(year, first + 2)[1]), "quarter")

    @classmethod
    def year(cls, year: int) -> "Period":
        return cls(date(year, 1, 1), date(year, 12, 31), "year")

    @classmethod
    def custom(cls, start: date, end: date) -> "Period":
        return cls(start, end, "custom")

    # -- what it is called ----------------------------------------------------------------------
    @property
    def key(self) -> str:
        """A stable ASCII name: 2026-11, 2026-Q4, 2026, or 2026-01-05..2026-03-31."""
        if self.kind == "month":
            return f"{self.start:%Y-%m}"
        if self.kind == "quarter":
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        if self.kind == "year":
            return str(self.start.year)
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    @property
    def month_key(self) -> str | None:
        """'YYYY-MM' when the period is one calendar month, else None."""
        return f"{self.start:%Y-%m}" if self.kind == "month" else None

    @property
    def label_zh(self) -> str:
        """民國115年11月 / 民國115年第4季 / 民國115年 / 115/01/05 至 115/03/31."""
        y = self.start.year - ROC_OFFSET
        if self.kind == "month":
            return f"民國{y}年{self.start.month}月"
        if self.kind == "quarter":
            return f"民國{y}年第{(self.start.month - 1) // 3 + 1}季"
        if self.kind == "year":
            return f"民國{y}年"
        return f"{roc_date(self.start)} 至 {roc_date(self.end)}"

    @property
    def title_zh(self) -> str:
        """What the document is called: 月報 for a month, 季報 for a quarter, 年報 for a year."""
        return {"month": "月報", "quarter": "季報", "year": "年度報告"}.get(self.kind, "期間報告")

    @property
    def roc_year(self) -> int:
        """The ROC year a period's money figures belong to: the year of its last day."""
        return self.end.year - ROC_OFFSET

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> "Period":
        """The period just before: the month, quarter or year before, or as many days before a custom one."""
        if self.kind == "month":
            prev = self.start - timedelta(days=1)
            return Period.month(prev.year, prev.month)
        if self.kind == "quarter":
            prev = self.start - timedelta(days=1)
            return Period.quarter(prev.year, (prev.month - 1) // 3 + 1)
        if self.kind == "year":
            return Period.year(self.start.year - 1)
        return Period(self.start - timedelta(days=self.days), self.start - timedelta(days=1), "custom")

    def a_year_before(self) -> "Period":
        """The same period one year earlier (29 February becomes the 28th)."""
        if self.kind == "month":
            return Period.month(self.start.year - 1, self.start.month)
        if self.kind == "quarter":
            return Period.quarter(self.start.year - 1, (self.start.month - 1) // 3 + 1)
        if self.kind == "year":
            return Period.year(self.start.year - 1)
        return Period(_year_earlier(self.start), _year_earlier(self.end), "custom")

    def provisional(self, today: date) -> bool:
        """True while the period has not ended (its last day is today or later): 期中暫定."""
        return self.end >= today

    def refuse_future(self, today: date) -> None:
        """A period wholly in the future has nothing to report: ValidationError naming it."""
        if self.start > today:
            raise ValidationError(f"報告期間{self.label_zh}（{roc_date(self.start)} 起）尚未開始，無法產生報表。",
                                  f"The period {self.key} has not started yet ({self.start}).", field="period")

    def year_to_date(self) -> "Period":
        """From 1 January of the end's year to the end (targets are judged year to date)."""
        return Period(date(self.end.year, 1, 1), self.end, "custom")

    def utc_bounds(self) -> tuple[str, str]:
        """[from, to) in stored UTC timestamp text for comparing ``created_at``/``changed_at`` columns."""
        lo = datetime.combine(self.start, datetime.min.time()) - TAIWAN_UTC_OFFSET
        hi = datetime.combine(self.end + timedelta(days=1), datetime.min.time()) - TAIWAN_UTC_OFFSET
        return f"{lo:%Y-%m-%d %H:%M:%S}", f"{hi:%Y-%m-%d %H:%M:%S}"

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "key": self.key, "start": self.start.isoformat(), "end": self.end.isoformat(),
                "label": self.label_zh}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Period":
        return cls(date.fromisoformat(data["start"]), date.fromisoformat(data["end"]), data.get("kind", "custom"))


def _year(text: str, raw: str) -> int:
    y = int(text)
    if y < 1000:
        y += ROC_OFFSET
    if not 1990 <= y <= 2200:
        raise ValidationError(f"不合理的年度「{raw}」。", f"Implausible year '{raw}'.", field="period")
    return y


def _year_earlier(d: date) -> date:
    return d.replace(year=d.year - 1) if not (d.month == 2 and d.day == 29) else date(d.year - 1, 2, 28)

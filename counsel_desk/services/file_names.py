"""Names of the files the app offers to save: readable in her language, safe on every file system.

In Chinese the parts are joined by 「_」 and dates are 民國 (北區輔導中心_月報_115年11月.pdf); in English
they are words joined by hyphens, parts by 「_」, dates Western
(north-center_monthly-report_2026-11.pdf). One place decides, so every save dialog reads the same.
"""

from __future__ import annotations

import re
from datetime import date

from counsel_desk.i18n import current_language
from counsel_desk.services.formatting import ROC_OFFSET, roc_date
from counsel_desk.services.period import Period

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def safe_part(text: str) -> str:
    """A part of a file name: no characters Windows refuses, spaces as 「-」, no dots or dashes at the ends."""
    text = re.sub(r"[-\s]*-[-\s]*|\s+", "-", _UNSAFE.sub("-", text.strip()))
    return text.strip(".- ") or "-"


def joined(zh_parts: list[str], en_parts: list[str], suffix: str) -> str:
    """The parts in the app's language joined into one file name ending in ``suffix`` ('.pdf')."""
    if current_language() == "en":
        parts = [safe_part(p) for p in en_parts if p]
    else:
        parts = [safe_part(p) for p in zh_parts if p]
    return "_".join(parts) + suffix


def center_part(center: str | None) -> tuple[str, str]:
    """北區輔導中心 / north-center; all centers together: 全部分區 / all-centers."""
    from counsel_desk.models.enums import CenterCode  # here: the shell names files before the data layer loads

    if not center:
        return "全部分區", "all-centers"
    try:
        code = CenterCode(center)
    except ValueError:
        return center, center
    return f"{code.zh}輔導中心", f"{code.value}-center"


def day_part(day: date) -> tuple[str, str]:
    """115-11-26 / 2026-11-26 (no 「/」: it separates folders)."""
    return roc_date(day, "-"), day.isoformat()


def period_part(period: Period) -> tuple[str, str]:
    """115年11月, 115年第4季, 115年, 115-01-05至115-03-31 / 2026-11, 2026-Q4, 2026, 2026-01-05-to-2026-03-31."""
    y = period.start.year - ROC_OFFSET
    if period.kind == "month":
        return f"{y}年{period.start.month}月", period.key
    if period.kind == "quarter":
        return f"{y}年第{(period.start.month - 1) // 3 + 1}季", period.key
    if period.kind == "year":
        return f"{y}年", period.key
    return (f"{roc_date(period.start, '-')}至{roc_date(period.end, '-')}",
            f"{period.start.isoformat()}-to-{period.end.isoformat()}")


REPORT_EN = {"month": "monthly-report", "quarter": "quarterly-report", "year": "annual-report"}


def report_file(center: str | None, period: Period, revision: int | None, suffix: str) -> str:
    """北區輔導中心_月報_115年11月(_第2版).pdf / north-center_monthly-report_2026-11(_rev-2).pdf."""
    cz, ce = center_part(center)
    pz, pe = period_part(period)
    return joined([cz, period.title_zh, pz, f"第{revision}版" if revision else ""],
                  [ce, REPORT_EN.get(period.kind, "period-report"), pe, f"rev-{revision}" if revision else ""], suffix)


def dated_file(what_zh: str, what_en: str, day: date, suffix: str, center: str | None = None) -> str:
    """稽核紀錄_115-11-26.csv / audit-log_2026-11-26.csv (the center first when given)."""
    dz, de = day_part(day)
    cz, ce = center_part(center) if center is not None else ("", "")
    return joined([cz, what_zh, dz], [ce, what_en.lower(), de], suffix)

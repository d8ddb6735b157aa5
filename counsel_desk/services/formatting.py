"""How the field writes dates and money: 民國 dates (115/11/26), NT$ with thousands separators.

Shared by the screens, the reports and the exports so a figure reads the same everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime

from counsel_desk.errors import ValidationError
from counsel_desk.i18n import current_language, pick

# Text a spreadsheet takes for a formula when typed in: exports, reports and CSVs write it as text
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value: str) -> bool:
    """Text a spreadsheet would take for a formula if typed in (CSV, or a cell edited in Excel)."""
    return value[:1] in FORMULA_START

ROC_OFFSET = 1911


def roc_year(d: date) -> int:
    return d.year - ROC_OFFSET


def roc_date(d: date | None, sep: str = "/") -> str:
    """2026-11-26 → 115/11/26."""
    if d is None:
        return ""
    return f"{d.year - ROC_OFFSET}{sep}{d.month:02d}{sep}{d.day:02d}"


def shown_date(d: date | None) -> str:
    """A date on screen: 民國 in Chinese (115/11/26), Western in English (2026-11-26)."""
    if d is None:
        return ""
    return pick(roc_date(d), d.isoformat())


def shown_datetime(at: datetime | None, seconds: bool = False) -> str:
    """115/11/26 14:30 in Chinese, 2026-11-26 14:30 in English (with :05 seconds when asked)."""
    if at is None:
        return ""
    return f"{shown_date(at.date())} {at:%H:%M:%S}" if seconds else f"{shown_date(at.date())} {at:%H:%M}"


def file_size(n: int) -> str:
    """12.3 MB, or 512 KB under a megabyte (never 0 KB for a file that has something in it)."""
    return f"{n / 1_048_576:,.1f} MB" if n >= 1_048_576 else f"{max(1, round(n / 1024)):,} KB"


def roc_date_long(d: date | None) -> str:
    """2026-11-26 → 民國115年11月26日."""
    if d is None:
        return ""
    return f"民國{d.year - ROC_OFFSET}年{d.month}月{d.day}日"


def roc_month(year: int, month: int) -> str:
    """(2026, 11) → 民國115年11月."""
    return f"民國{year - ROC_OFFSET}年{month}月"


def ntd(amount: int | float | None, *, prefix: bool = False) -> str:
    """1234567 → 1,234,567 (or NT$1,234,567)."""
    if amount is None:
        return ""
    text = f"{round(amount):,}"
    return f"NT${text}" if prefix else text


def compact_ntd(amount: int | float | None) -> str:
    """A sum where space is tight, rounded as the field writes it: 1,600 萬元 / 1.25 億元 in Chinese,
    NT$16.0 M / NT$1.25 B / NT$350 K in English (the full figure belongs in a tooltip or the record)."""
    if amount is None:
        return ""
    a = float(amount)
    if current_language() == "en":
        for size, unit, places in ((1e9, "B", 2), (1e6, "M", 1), (1e3, "K", 0)):
            if abs(a) >= size:
                return f"NT${a / size:,.{places}f} {unit}"
        return f"NT${round(a):,}"
    if abs(a) >= 1e8:
        return f"{a / 1e8:,.2f} 億元"
    if abs(a) >= 1e4:
        return f"{a / 1e4:,.0f} 萬元"
    return f"{round(a):,} 元"


NAME_SEPARATOR = "\x1f"  # what SQL lists join names with (group_concat(name, char(31))); shown by ``listed``


def listed(names: Iterable[str] | str | None) -> str:
    """林怡君、高明哲 in Chinese, Lin, Kao in English; a string is split at NAME_SEPARATOR first."""
    if names is None:
        return ""
    items = names.split(NAME_SEPARATOR) if isinstance(names, str) else list(names)
    return pick("、", ", ").join(n for n in items if n)


def hours_text(hours: float | None) -> str:
    """Hours always to one decimal (6.0 beside 194.5), with thousands separators."""
    return "" if hours is None else f"{hours:,.1f}"


def spaced(parts: Iterable[str]) -> str:
    """Items side by side on one line: a full-width space between them in Chinese, a wide gap in English."""
    return pick("\u3000", "   ").join(p for p in parts if p)


def bullet(text: str) -> str:
    """・一項 / • an item."""
    return pick("・", "• ") + text


def bracketed(text: str) -> str:
    """［執行中］ / [Active]."""
    return pick(f"［{text}］", f"[{text}]")


def aside(main: str, note: str) -> str:
    """林春美（專員） / Lin (officer): a note in brackets after a name, when there is one."""
    return pick(f"{main}（{note}）", f"{main} ({note})") if note else main


_SEP = r"[\s/\-.年月]"


def parse_date(text: str) -> date:
    """Accept 民國 and Western input: 115/11/26, 民國115年11月26日, 1151126, 2026-11-26, 2026/11/26.

    Raises ValidationError (in Chinese) for an impossible or unreadable date.
    """
    raw = (text or "").strip()
    s = raw.replace("民國", "").replace("日", "").strip()
    m = re.fullmatch(rf"(\d{{2,4}}){_SEP}+(\d{{1,2}}){_SEP}+(\d{{1,2}})", s)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    elif re.fullmatch(r"\d{7}", s):  # 1151126
        y, mo, d = int(s[:3]), int(s[3:5]), int(s[5:])
    elif re.fullmatch(r"\d{8}", s):  # 20261126
        y, mo, d = int(s[:4]), int(s[4:6]), int(s[6:])
    else:
        raise ValidationError(f"看不懂的日期「{raw}」：請輸入如 115/11/26 或 2026-11-26。",
                              f"Unreadable date '{raw}': type e.g. 115/11/26 or 2026-11-26.")
    if y < 1000:
        y += ROC_OFFSET
    try:
        return date(y, mo, d)
    except ValueError:
        raise ValidationError(f"不存在的日期「{raw}」：{y - ROC_OFFSET} 年 {mo} 月沒有 {d} 日。",
                              f"Impossible date '{raw}'.") from None


def parse_month(text: str) -> tuple[int, int]:
    """'2026-11' (or 115-11, 115/11) → (2026, 11); ValidationError for a bad month."""
    raw = (text or "").strip()
    m = re.fullmatch(r"(\d{2,4})[-/.](\d{1,2})", raw)
    if not m:
        raise ValidationError(f"看不懂的月份「{raw}」：請用 YYYY-MM，例如 2026-11。",
                              f"Unreadable month '{raw}': use YYYY-MM, e.g. 2026-11.")
    y, mo = int(m.group(1)), int(m.group(2))
    if y < 1000:
        y += ROC_OFFSET
    if not 1 <= mo <= 12 or not 1990 <= y <= 2200:
        raise ValidationError(f"不存在的月份「{raw}」。", f"Impossible month '{raw}'.")
    return y, mo

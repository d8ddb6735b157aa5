"""Cell values: database storage form ↔ workbook cells, formula neutralising, content hashes.

Values inside the sync code are in SQLite's *storage form*, exactly as the database returns them
through a plain ``sqlite3`` cursor: dates ``"YYYY-MM-DD"``, times ``"YYYY-MM-DD HH:MM:SS.ffffff"``
(UTC), booleans 0/1, numbers, text. Hashing that form means a record read from the database and
the same record read from a workbook hash alike, without an ORM in between.
"""

from __future__ import annotations

import hashlib
import math
import re
from datetime import date, datetime, time, timedelta, timezone

from counsel_desk.errors import ValidationError
from counsel_desk.i18n import pick
from counsel_desk.services.formatting import FORMULA_START as FORMULA_START  # re-exported
from counsel_desk.services.formatting import looks_like_formula as looks_like_formula  # re-exported
from counsel_desk.sync.format import BOOL_FALSE, BOOL_TRUE, EXCEL_INT_LIMIT

# --- text in cells -----------------------------------------------------------------------------

# XML 1.0 can't carry most control characters; OOXML escapes any character as _xHHHH_, and a
# literal "_xHHHH_" in the text must have its underscore escaped (_x005F_) so readers keep it.
_NEEDS_ESCAPE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
SQLITE_INT_MIN, SQLITE_INT_MAX = -(2 ** 63), 2 ** 63 - 1


def escape_text(value: str) -> str:
    """Text as it must be written into a cell so every reader gets it back unchanged."""
    if _NEEDS_ESCAPE.search(value) is None:
        return value
    return _NEEDS_ESCAPE.sub(lambda m: f"_x{ord(m.group(0)):04X}_", value)


# --- storage form ------------------------------------------------------------------------------

def date_text(d: date) -> str:
    return d.isoformat()  # YYYY-MM-DD, the year always four digits


def datetime_text(dt: datetime) -> str:
    """Storage form of a moment (aware ones converted to UTC)."""
    if dt.tzinfo is not None:
        dt = dt.astimezone(timezone.utc).replace(tzinfo=None)
    return (f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d} {dt.hour:02d}:{dt.minute:02d}:{dt.second:02d}"
            f".{dt.microsecond:06d}")


EXCEL_FIRST_DATE = date(1900, 3, 1)  # before this Excel's calendar is wrong (the 1900 leap-year bug)


def date_cell(stored: str) -> date | str:
    """An Excel date where Excel can show it, else the ISO text (year 1 or 9999 still travel)."""
    try:
        d = date.fromisoformat(stored)
    except ValueError:
        return stored
    return d if d >= EXCEL_FIRST_DATE else stored


def int_cell(value: int) -> int | str:
    return value if -EXCEL_INT_LIMIT < value < EXCEL_INT_LIMIT else str(value)


def float_cell(value: float) -> float | str:
    """A number where the workbook keeps it exactly (openpyxl writes 16 significant digits), else its text."""
    if math.isfinite(value) and abs(value) < EXCEL_INT_LIMIT and float("%.16g" % value) == value:
        return value
    return repr(float(value))


# --- reading cells -----------------------------------------------------------------------------

class CellError(Exception):
    """A cell that can't be read as its column's type; ``args[0]`` is the reason (zh_TW or English)."""


def _reason(zh: str, en: str) -> CellError:
    return CellError(pick(zh, en))


def read_text(value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        raise _reason("應為文字，卻是是非值", "text expected, found a true/false value")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)):
        return repr(value)
    raise _reason("應為文字，卻是日期或時間", "text expected, found a date or time")


_INT_TEXT = re.compile(r"[+-]?\d{1,19}")


def read_int(value) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise _reason("應為整數，卻是是非值", "whole number expected, found a true/false value")
    if isinstance(value, int):
        n = value
    elif isinstance(value, float):
        if not value.is_integer():
            raise _reason(f"應為整數，卻是 {value}", f"whole number expected, found {value}")
        n = int(value)
    elif isinstance(value, str):
        s = value.strip().replace(",", "").replace("，", "")
        if s.startswith("NT$"):
            s = s[3:]
        if not _INT_TEXT.fullmatch(s):
            raise _reason(f"應為整數，卻是「{value[:40]}」", f"whole number expected, found '{value[:40]}'")
        n = int(s)
    else:
        raise _reason("應為整數，卻是日期或時間", "whole number expected, found a date or time")
    if not SQLITE_INT_MIN <= n <= SQLITE_INT_MAX:
        raise _reason("數字太大", "number too large")
    return n


def read_float(value) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise _reason("應為數字，卻是是非值", "number expected, found a true/false value")
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip().replace(",", ""))
        except ValueError:
            raise _reason(f"應為數字，卻是「{value[:40]}」", f"number expected, found '{value[:40]}'") from None
    raise _reason("應為數字，卻是日期或時間", "number expected, found a date or time")


def read_bool(value) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)) and value in (0, 1):
        return int(value)
    if isinstance(value, str):
        s = value.strip()
        if s in BOOL_TRUE:
            return 1
        if s in BOOL_FALSE:
            return 0
    raise _reason(f"應為「是」或「否」，卻是「{str(value)[:40]}」", f"是 (yes) or 否 (no) expected, found '{str(value)[:40]}'")


_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def read_date(value) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return date_text(value.date())
    if isinstance(value, date):
        return date_text(value)
    if isinstance(value, str):
        s = value.strip()
        if _ISO_DATE.fullmatch(s):
            try:
                return date_text(date.fromisoformat(s))
            except ValueError:
                raise _reason(f"不存在的日期「{s}」", f"impossible date '{s}'") from None
        from counsel_desk.services.formatting import parse_date

        try:
            return date_text(parse_date(s))
        except ValidationError as exc:
            raise CellError(exc.message) from None
    if isinstance(value, (time, timedelta)):
        raise _reason("應為日期，卻是時間", "date expected, found a time of day")
    raise _reason(f"應為日期，卻是 {value!r}"[:60], f"date expected, found {value!r}"[:60])


_ISO_MOMENT = re.compile(r"(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(?:Z|[+]00:?00)?")


STORED_MOMENT = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{6})?")


def read_datetime(value) -> str | None:
    if value is None or value == "":
        return None
    if type(value) is str and STORED_MOMENT.fullmatch(value):  # as we write them: check, then keep
        try:
            datetime.fromisoformat(value)
        except ValueError:
            raise _reason(f"不存在的時間「{value}」", f"impossible time '{value}'") from None
        return value if len(value) == 26 else value + ".000000"
    if isinstance(value, datetime):
        return datetime_text(value)
    if isinstance(value, date):
        return datetime_text(datetime(value.year, value.month, value.day))
    if isinstance(value, str):
        m = _ISO_MOMENT.fullmatch(value.strip())
        if m:
            y, mo, d, h, mi, s, frac = m.groups()
            try:
                return datetime_text(datetime(int(y), int(mo), int(d), int(h), int(mi), int(s or 0),
                                              int((frac or "0").ljust(6, "0"))))
            except ValueError:
                pass
        raise _reason(f"應為「YYYY-MM-DD HH:MM:SS」格式的時間（UTC），卻是「{value[:40]}」",
                      f"a time 'YYYY-MM-DD HH:MM:SS' (UTC) expected, found '{value[:40]}'")
    raise _reason("應為時間，卻是數字", "a time expected, found a number")


def file_sha256(path) -> str:
    """SHA-256 of a file (the import history names workbooks by their content)."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


# --- content hash ------------------------------------------------------------------------------

def content_hash(values) -> str:
    """Hash of a record's content in storage form (order of the format's content columns).

    ``repr`` of the tuple is exact for text, integers, floats (shortest round-trip form) and None,
    and one C call per record.
    """
    return hashlib.blake2b(repr(tuple(values)).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()

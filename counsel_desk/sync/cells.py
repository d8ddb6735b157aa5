"""A workbook cell to its stored form, by the column's kind — or a CellError naming what is wrong.

Each kind's converter takes the common case as an export writes it first (an id, an Excel date, a whole
number, 是/否, a stored time), in the closure itself; anything else goes the general way
(:mod:`counsel_desk.sync.values`), which tidies it or names the problem in Chinese and English.
Used by the reader for every staged cell and by the conflict store for a value a person picks.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any, Callable

from counsel_desk.i18n import pick
from counsel_desk.models.enums import CenterCode
from counsel_desk.sync import clock as clocks
from counsel_desk.sync import format as fmt
from counsel_desk.sync.format import MASK, Column, Kind
from counsel_desk.sync.values import (
    STORED_MOMENT, CellError, read_bool, read_date, read_datetime, read_float, read_int, read_text,
)

UUID_RE = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
# as the app writes ids (lower case): taken as they are; any other spelling is lower-cased, so "ABC…" and
# "abc…" are one record and a reference in capitals finds it
STORED_UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
Converter = Callable[[Any], Any]
EXACT_FLOAT_INT = 2.0 ** 53  # a float below this that is a whole number is exactly that integer


def _uuid(value: Any) -> str | None:
    s = read_text(value).strip()
    if not s:
        return None
    if not UUID_RE.fullmatch(s):
        raise CellError(pick(f"不是有效的識別碼（UUID）：「{s[:40]}」", f"not a valid id (UUID): '{s[:40]}'"))
    return s.lower()


def _bounded(conv: "Converter", col: Column) -> "Converter":
    """``conv`` followed by the column's range (format.Column low/high, earliest/days_ahead): what the services
    allow. Dates are compared in storage form (ISO text sorts as the days do)."""
    lo: Any = col.low
    hi: Any = col.high
    if col.kind is Kind.DATE:
        lo = col.earliest.isoformat() if col.earliest else None
        hi = (date.today() + timedelta(days=col.days_ahead)).isoformat() if col.days_ahead is not None else None
    if lo is None and hi is None:
        return conv
    if col.kind is Kind.DATE:
        too_early = pick(f"太早：最早 {lo}", f"too early: {lo} at the earliest")
        too_late = pick(f"太晚：最晚 {hi}（今天之後 {col.days_ahead} 天）",
                        f"too late: {hi} at the latest ({col.days_ahead} days after today)")

        def day_in_range(v: Any) -> Any:
            s = conv(v)
            if s is not None and ((lo is not None and s < lo) or (hi is not None and s > hi)):
                raise CellError(pick(f"日期 {s} ", f"the date {s} is ") + (too_early if lo is not None and s < lo
                                                                          else too_late))
            return s
        return day_in_range
    if lo is not None and hi is not None:
        wanted = pick(f"須為 {lo} 到 {hi} 的整數", f"must be a whole number from {lo} to {hi}")
    elif lo is not None:
        wanted = pick(f"不可小於 {lo}", f"must be at least {lo}")
    else:
        wanted = pick(f"不可大於 {hi}", f"must be at most {hi}")

    def number_in_range(v: Any) -> Any:
        n = conv(v)
        if n is not None and ((lo is not None and n < lo) or (hi is not None and n > hi)):
            raise CellError(wanted + pick(f"（這一格是 {n}）", f" (this cell holds {n})"))
        return n
    return number_in_range


def converter(col: Column, ref: Any) -> Converter:
    """The converter of a column's cells: its kind, required or not, and its range (format.Column)."""
    return _bounded(_kind_converter(col, ref), col)


def _kind_converter(col: Column, ref: Any) -> Converter:
    kind, required = col.kind, col.required

    def need(v: Any) -> Any:
        if v is None or v == "":
            if required:
                raise CellError(pick("必填欄位沒有填寫", "required but empty"))
        return v

    if kind is Kind.TEXT:
        # Lengths are checked over the staged batch (checks._check_lengths), after long texts are joined.
        def conv(v: Any) -> Any:
            s = v if type(v) is str else read_text(v)
            if required and not s.strip():  # blank (spaces only) is empty, as the services' required_text says
                raise CellError(pick("必填欄位沒有填寫", "required but empty"))
            return s
        return conv
    if kind in (Kind.ID, Kind.REF):
        uuid_match = STORED_UUID_RE.fullmatch

        def ident(v: Any) -> Any:
            if type(v) is str and uuid_match(v):  # as written by an export: nothing to tidy
                return v
            if v == "" and not required:  # no reference, as most optional ones
                return None
            return need(_uuid(v))
        return ident
    if kind is Kind.IDS:
        def ids(v: Any) -> Any:
            if not v:
                return None
            if type(v) is str and STORED_UUID_RE.fullmatch(v):  # a single id, the common case
                return v
            parts = sorted({p.strip().lower() for p in read_text(v).split(";") if p.strip()})
            for p in parts:
                if not UUID_RE.fullmatch(p):
                    raise CellError(pick(f"不是有效的識別碼（UUID）：「{p[:40]}」", f"not a valid id (UUID): '{p[:40]}'"))
            return ";".join(parts) or None
        return ids
    # Below, each kind's common case as an export writes it is taken first, in the closure itself; anything
    # else goes the general way (values.read_*), which tidies it or names what is wrong.
    if kind in (Kind.INT, Kind.MONEY):
        def integer(v: Any) -> Any:
            if type(v) is float and v.is_integer() and -EXACT_FLOAT_INT < v < EXACT_FLOAT_INT:  # calamine's numbers
                return int(v)
            return need(read_int(v))
        return integer
    if kind is Kind.FLOAT:
        return lambda v: need(read_float(v))
    if kind is Kind.BOOL:
        exact = {**{t: 1 for t in fmt.BOOL_TRUE}, **{f: 0 for f in fmt.BOOL_FALSE if f}}

        def boolean(v: Any) -> Any:
            b = exact.get(v) if type(v) is str else None
            return b if b is not None else need(read_bool(v))
        return boolean
    if kind is Kind.DATE:
        def day(v: Any) -> Any:
            return v.isoformat() if type(v) is date else need(read_date(v))  # an Excel date: storage form at once
        return day
    if kind is Kind.DATETIME:
        stored, checked = STORED_MOMENT.fullmatch, datetime.fromisoformat

        def moment(v: Any) -> Any:
            if v == "":
                return need(None)
            if type(v) is str and stored(v):  # as an export writes them: checked, then kept
                try:
                    checked(v)
                except ValueError:
                    return need(read_datetime(v))  # names the impossible time
                return v if len(v) == 26 else v + ".000000"
            return need(read_datetime(v))
        return moment
    if kind is Kind.ENUM:
        assert col.enum is not None  # an enum column names its enum (format.py)
        lookup = fmt.enum_lookup(col.enum)
        allowed = "、".join(m.zh for m in col.enum)  # type: ignore[attr-defined]  # a models.enums.Labelled

        def enum(v: Any) -> Any:
            code = lookup.get(v) if type(v) is str else None
            if code is not None:
                return code
            s = read_text(v).strip()
            if not s:
                need(None)
                return ""
            code = lookup.get(s) or lookup.get(s.lower())
            if code is None:
                raise CellError(pick(f"「{s[:40]}」不是可用的選項（可用：{allowed}）", f"'{s[:40]}' is not one of: {allowed}"))
            return code
        return enum
    if kind is Kind.CENTER:
        lookup = {**{c: c for c in ref.centers}, **{n: c for c, n in ref.centers.items()},
                  **{m.en: m.value for m in CenterCode}}

        def center(v: Any) -> Any:
            code = lookup.get(v) if type(v) is str else None
            if code is not None:
                return code
            s = read_text(v).strip()
            need(s)
            if s not in lookup:
                raise CellError(pick(f"不認得的分區中心「{s[:20]}」", f"unknown center '{s[:20]}'"))
            return lookup[s]
        return center
    if kind in (Kind.COUNTY, Kind.TOWNSHIP, Kind.WORK_ITEM):
        known = {Kind.COUNTY: ref.counties, Kind.TOWNSHIP: ref.townships, Kind.WORK_ITEM: ref.work_items}[kind]
        what = {Kind.COUNTY: ("縣市代碼", "county code"), Kind.TOWNSHIP: ("鄉鎮市區代碼", "township code"),
                Kind.WORK_ITEM: ("經費工作項目代碼", "work item code")}[kind]

        def code(v: Any) -> Any:
            if type(v) is str and v in known:
                return v
            s = read_text(v).strip()
            if not s:
                need(None)
                return None
            if s not in known:
                raise CellError(pick(f"不認得的{what[0]}「{s[:20]}」", f"unknown {what[1]} '{s[:20]}'"))
            return s
        return code
    if kind is Kind.CLOCK:
        single = clocks.SINGLE_RE.fullmatch

        def clock(v: Any) -> Any:
            if type(v) is str and single(v):  # one device, as most records have: already canonical
                return v
            s = read_text(v).strip()
            if not s:
                return None
            if clocks.SINGLE_RE.fullmatch(s):  # one device, as most records have: already canonical
                return s
            c = clocks.parse(s)
            if c is None:
                raise CellError(pick(f"同步版本向量格式不對：「{s[:40]}」", f"malformed version vector '{s[:40]}'"))
            return clocks.format(c)
        return clock
    raise AssertionError(kind)


def masked_or(conv: Converter) -> Converter:
    """A personal column's converter: the mask passes as it is (a number column's too), anything else converts."""
    def personal(v: Any) -> Any:
        return MASK if v == MASK else conv(v)
    return personal


def meta_problem(center: str, exported_at: str | None) -> tuple[str, str] | None:
    """(zh, en) of what is wrong with the meta sheet's center and export time, or None: the export writes a
    center's code (empty when the database has none yet) and an existing UTC time."""
    if center and center not in {c.value for c in CenterCode}:
        codes = "、".join(c.value for c in CenterCode)
        return (f"檔案資訊中的分區中心代碼「{center[:20]}」不是可用的代碼（{codes}）。",
                f"the center code '{center[:20]}' in the meta sheet is not one of {codes}.")
    if exported_at:
        try:
            read_datetime(exported_at)
        except CellError:
            return (f"檔案資訊中的匯出時間「{exported_at[:40]}」不是存在的時間（YYYY-MM-DD HH:MM:SS，UTC）。",
                    f"the export time '{exported_at[:40]}' in the meta sheet is not a real time (YYYY-MM-DD HH:MM:SS, UTC).")
    return None

"""A workbook cell to its stored form, by the column's kind — or a CellError naming what is wrong.

Each kind's converter takes the common case as an export writes it first (an id, an Excel date, a whole
number, 是/否, a stored time), in the closure itself; anything else goes the general way
(:mod:`counsel_desk.sync.values`), which tidies it or names the problem in Chinese and English.
Used by the reader for every staged cell and by the conflict store for a value a person picks.
"""

from __future__ import annotations

import re
from datetime import date, datetime
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
Converter = Callable[[Any], Any]
EXACT_FLOAT_INT = 2.0 ** 53  # a float below this that is a whole number is exactly that integer


def _uuid(value: Any) -> str | None:
    s = read_text(value).strip()
    if not s:
        return None
    if not UUID_RE.fullmatch(s):
        raise CellError(pick(f"不是有效的識別碼（UUID）：「{s[:40]}」", f"not a valid id (UUID): '{s[:40]}'"))
    return s


def converter(col: Column, ref: Any) -> Converter:
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
            if not s and required:
                raise CellError(pick("必填欄位沒有填寫", "required but empty"))
            return s
        return conv
    if kind in (Kind.ID, Kind.REF):
        uuid_match = UUID_RE.fullmatch

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
            if type(v) is str and UUID_RE.fullmatch(v):  # a single id, the common case
                return v
            parts = sorted({p.strip() for p in read_text(v).split(";") if p.strip()})
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

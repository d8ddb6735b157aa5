"""One tidy worksheet of a report workbook (openpyxl write-only mode): title, headers, rows, print set-up.

Every sheet looks the same: a title line and a line of who prepared it and when, then one table
with a frozen, filterable header row that repeats on every printed page; A4, fitted to the page
width, the center, period and "page x / y" in the header and footer. Numbers carry thousands
separators; ROC dates are text (115/11/26) because Excel has no ROC calendar format that
LibreOffice also reads.

User text is always written as text: a string beginning with "=" stays that string and never
becomes a formula — it is an inline string, and formula-like text (``services.formatting.looks_like_formula``,
as the exports judge it, on the text as written: characters that XML cannot hold are dropped first) also
carries the quote prefix, so editing the cell in Excel or Calc keeps it text.

Printing: a wrapped cell's row is given the height its lines need (:func:`wrapped_lines`, measured
generously for the fonts Excel and LibreOffice substitute), because neither program grows a row
on opening a file — LibreOffice Calc printed the appendix's findings over the next rows. Pages are
numbered 「第 X 頁／共 Y 頁」.

Speed: openpyxl spends ~50 µs on each cell, so a 4,000-visit month took seconds. openpyxl writes
each sheet's frame — title lines, header row, columns, panes, filter, print set-up, charts — and
:class:`FastRows` writes the data rows as ready-made XML (inline strings, the same style ids),
spliced into the sheet part when the workbook is saved. A table's rows are built a column at a time:
each distinct text of a column is escaped, measured and styled once (a year's 180,000-visit appendix
repeats its dates, places, modes and counselors), and each row is one ``str.format`` of the sheet's
row template — well under a µs a cell.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
from copy import copy
import zipfile
from dataclasses import dataclass
from itertools import starmap
from typing import Any, Iterable

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from counsel_desk.services.formatting import looks_like_formula

FONT_NAME = "Microsoft JhengHei"  # 微軟正黑體 on every zh-TW Windows; LibreOffice substitutes a CJK font
HEADER_ROW = 3
FIRST_DATA_ROW = HEADER_ROW + 1
MAX_TEXT_WIDTH = 60
LINE_PT = 15.0  # one line of 10 pt text, with the CJK fonts' tall line spacing (LibreOffice's fallback too)
ROW_PAD_PT = 3.0
MAX_ROW_PT = 409.0  # the tallest row Excel allows

_thin = Side(style="thin", color="9AA8B5")
_BORDER = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)


@dataclass(frozen=True)
class Col:
    title: str
    kind: str = "text"  # text, wrap, int, money, hours, num (an int, or a float shown as hours), pct, date, code
    width: float | None = None  # None: fitted to the content


_NUMBER_FORMATS = {"int": "#,##0", "money": "#,##0", "hours": "#,##0.0", "pct": "0.0%"}


def _style_cells(ws) -> dict[str, WriteOnlyCell]:
    """Template cells whose style arrays every written cell shares (cheap for 50,000-row appendices)."""
    base = Font(name=FONT_NAME, size=10)
    out: dict[str, WriteOnlyCell] = {}

    def make(key: str, *, font=base, align=None, fmt=None, fill=None, border=_BORDER) -> None:
        c = WriteOnlyCell(ws)
        c.font = font
        if align is not None:
            c.alignment = align
        if fmt is not None:
            c.number_format = fmt
        if fill is not None:
            c.fill = fill
        if border is not None:
            c.border = border
        out[key] = c

    top = Alignment(vertical="top")
    make("title", font=Font(name=FONT_NAME, size=14, bold=True), border=None)
    make("subtitle", font=Font(name=FONT_NAME, size=9, color="4A5A6A"), border=None)
    make("header", font=Font(name=FONT_NAME, size=10, bold=True), fill=PatternFill("solid", fgColor="DCE6F0"),
         align=Alignment(horizontal="center", vertical="center", wrap_text=True))
    make("text", align=top)
    make("code", align=Alignment(horizontal="center", vertical="top"))
    make("date", align=Alignment(horizontal="center", vertical="top"))
    make("wrap", align=Alignment(vertical="top", wrap_text=True))
    for kind, fmt in _NUMBER_FORMATS.items():
        make(kind, fmt=fmt, align=Alignment(horizontal="right", vertical="top"))
    bold = Font(name=FONT_NAME, size=10, bold=True)
    make("total_text", font=bold)
    for kind, fmt in _NUMBER_FORMATS.items():
        make("total_" + kind, font=bold, fmt=fmt, align=Alignment(horizontal="right"))
    make("warn", font=Font(name=FONT_NAME, size=10, bold=True, color="B42318"), align=top)
    for kind in ("text", "code", "date", "wrap", "warn", "total_text", "subtitle"):
        c = WriteOnlyCell(ws)
        c._style = copy(out[kind]._style)  # noqa: SLF001 — a style array of its own, then marked
        c.quotePrefix = True
        out[kind + "_quoted"] = c
    return out


def wrapped_lines(text: str, width: float) -> int:
    """Lines a wrapped cell of ``width`` (Excel column units) needs for ``text``.

    CJK characters take about two units. Excel and Calc break Latin text only between words, and
    the fonts they substitute differ, so a line is assumed to hold a tenth less than the column.
    The width of a paragraph is found from its UTF-8 length (CJK is three bytes, ASCII one), which
    keeps a 50,000-row appendix fast.
    """
    per_line = max(1.0, (width - 1.2) * 0.9)
    if "\n" not in text:  # one paragraph: the common case, kept quick
        n = len(text)
        return max(1, math.ceil((n + (len(text.encode("utf-8")) - n) / 2) / per_line))
    lines = 0
    for para in text.split("\n"):
        n = len(para)
        wide = (len(para.encode("utf-8")) - n) / 2
        lines += max(1, math.ceil((n + wide) / per_line))
    return lines


def row_height(lines: int) -> float:
    return min(MAX_ROW_PT, lines * LINE_PT + ROW_PAD_PT)


def clean_text(value: Any) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))


def display_width(text: str) -> float:
    """Columns a text needs: CJK and full-width characters count double."""
    longest = max((line for line in text.split("\n")), key=len, default="")
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1.05 for ch in longest)


class FastRows:
    """Data rows as XML per sheet, spliced into the saved workbook by :meth:`save`."""

    def __init__(self):
        self.rows: dict[Any, list[str]] = {}  # worksheet → row XML

    def save(self, wb, compresslevel: int = 3) -> bytes:
        raw = io.BytesIO()
        wb.save(raw)
        parts = {ws.path.lstrip("/"): "".join(xml).encode("utf-8") for ws, xml in self.rows.items() if xml}
        out = io.BytesIO()
        with zipfile.ZipFile(raw) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED,
                                                          compresslevel=compresslevel) as zout:
            for item in zin.infolist():
                data = zin.read(item.filename)
                rows = parts.get(item.filename)
                if rows:
                    head, sep, tail = data.rpartition(b"</sheetData>")
                    if not sep:
                        raise RuntimeError(f"no sheetData in {item.filename}")
                    data = head + rows + sep + tail
                info = zipfile.ZipInfo(item.filename, date_time=item.date_time)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = item.external_attr
                # the level must be given here: a ZipInfo of our own ignores the ZipFile's (it was 6, not 3)
                zout.writestr(info, data, compresslevel=compresslevel)
        return out.getvalue()


_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")  # openpyxl's ILLEGAL_CHARACTERS_RE as one class: quicker


def _xml_text(value: str) -> str:
    return _ILLEGAL.sub("", value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_COLUMN_LETTERS = [get_column_letter(i) for i in range(1, 60)]


class ReportSheet:
    """Writes one table sheet: ``ReportSheet(wb, name, heading, subtitle, cols, fast=…).write(rows, total)``."""

    def __init__(self, wb, name: str, heading: str, subtitle: str, cols: list[Col], *,
                 header_text: str, footer_text: str = "", landscape: bool = False, fast: FastRows):
        self.fast = fast
        self.ws: Worksheet = wb.create_sheet(name)
        self.heading, self.subtitle, self.cols = heading, subtitle, cols
        self.header_text, self.footer_text, self.landscape = header_text, footer_text or heading, landscape
        self.styles = _style_cells(self.ws)
        self._ids: dict[str, int] = {}

    def cell(self, value: Any, kind: str) -> WriteOnlyCell | None:
        if kind.endswith("num"):  # counts and hours in one column: a float is hours, always one decimal
            kind = kind[:-3] + ("hours" if isinstance(value, float) else "int")
        if value is None or value == "":
            c = WriteOnlyCell(self.ws)
        elif isinstance(value, str):
            c = WriteOnlyCell(self.ws, clean_text(value))
            c.data_type = "s"  # text stays text: "=SUM(A1)" must never become a formula
            if looks_like_formula(c.value) and kind + "_quoted" in self.styles:  # as written, control characters gone
                kind += "_quoted"
        else:
            c = WriteOnlyCell(self.ws, value)
        c._style = self.styles[kind]._style  # noqa: SLF001 — openpyxl's shared style array, never mutated
        return c

    def _widths(self, rows: list[list[Any]]) -> list[float]:
        widths = []
        for i, col in enumerate(self.cols):
            if col.width is not None:
                widths.append(col.width)
                continue
            w = display_width(col.title) + 2
            for r in rows[:2000]:  # enough rows to judge; a 50,000-row appendix needn't be measured whole
                v = r[i]
                if v is None:
                    continue
                if isinstance(v, float):
                    text = f"{v:,.1f}" if col.kind != "pct" else "100.0%"
                elif isinstance(v, int):
                    text = f"{v:,}"
                else:
                    text = str(v)
                w = max(w, display_width(text) + 2)
            widths.append(min(w, MAX_TEXT_WIDTH))
        return widths

    def write(self, rows: list[list[Any]], total: list[Any] | None = None, *, warn_col: int | None = None,
              extra: Iterable[Any] = ()) -> Worksheet:
        """Write the rows (values in column order); ``total`` is a bold row after the filtered range."""
        ws = self.ws
        extra = list(extra)
        ncols = len(self.cols)
        last = get_column_letter(ncols)
        widths = self._widths(rows)
        # the title lines must fit above the table, or they would spill onto a page of their own
        need = max(display_width(self.heading) * 1.45, display_width(self.subtitle) * 0.9)
        if sum(widths) < need:
            widths = [w * need / sum(widths) for w in widths]
        self.widths = widths
        for i, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = round(w, 1)
        # write-only sheets write their top (views, columns, page properties) with the first row
        ws.freeze_panes = f"A{FIRST_DATA_ROW}"
        self._print_setup(last)
        ws.append([self.cell(self.heading, "title")])
        ws.append([self.cell(self.subtitle, "subtitle")])
        ws.append([self.cell(c.title, "header") for c in self.cols])
        kinds = [c.kind for c in self.cols]
        r = FIRST_DATA_ROW
        if warn_col is None and all(len(row) == ncols for row in rows):
            xml = self._rows_xml(r, rows, kinds)
        else:
            xml = [self._row_xml(r + k, row, kinds, warn_col if warn_col is not None and row[warn_col] else None)
                   for k, row in enumerate(rows)]
        r += len(rows)
        last_row = HEADER_ROW + len(rows)
        ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{max(last_row, HEADER_ROW)}"
        if total is not None:
            total_kinds = ["total_" + k if (k in _NUMBER_FORMATS or k == "num") and not isinstance(v, str)
                           else "total_text" for v, k in zip(total, kinds)]
            xml.append(self._row_xml(r, total, total_kinds, None))
            r += 1
        for line in extra:
            xml.append(self._row_xml(r, [line], ["subtitle"], None))
            r += 1
        self.fast.rows[ws] = xml
        return ws

    def _style_id(self, kind: str, value: Any) -> int:
        if kind.endswith("num"):
            kind = kind[:-3] + ("hours" if isinstance(value, float) else "int")
        sid = self._ids.get(kind)
        if sid is None:
            sid = self._ids[kind] = self.styles[kind].style_id
        return sid

    def _rows_xml(self, first: int, rows: list[list[Any]], kinds: list[str]) -> list[str]:
        """The rows' XML as :meth:`_row_xml` writes it, built a column at a time: a column's text is escaped,
        measured and styled once per distinct value (dates, places, modes, counselors repeat through a
        year's 180,000-visit appendix), and each row is one ``str.format`` of the sheet's row template, all
        of it looped in C (``map``, ``starmap``)."""
        if not rows:
            return []
        cells: list[list[str]] = []
        heights: list[list[int]] = []
        for i, (kind, values) in enumerate(zip(kinds, zip(*rows))):
            column, lines = self._column_xml(i, kind, values)
            cells.append(column)
            if lines is not None:
                heights.append(lines)
        template = '<row r="{0}"{1}>' + "".join(f'<c r="{ref}{{0}}"{{{i + 2}}}'
                                                 for i, ref in enumerate(_COLUMN_LETTERS[:len(kinds)])) + "</row>"
        row_lines = list(map(max, *heights)) if len(heights) > 1 else heights[0] if heights else [1] * len(rows)
        tall = {n: f' ht="{row_height(n):g}" customHeight="1"' if n > 1 else "" for n in set(row_lines)}
        return list(starmap(template.format, zip(range(first, first + len(rows)), map(tall.__getitem__, row_lines),
                                                 *cells)))

    def _column_xml(self, i: int, kind: str, values: tuple[Any, ...]) -> tuple[list[str], list[int] | None]:
        """Each cell of column ``i`` after its reference (``' s="5" t="inlineStr">…</c>'``), and for a wrapped
        column the lines each cell needs."""
        width = self.widths[i] if kind == "wrap" else 0.0
        distinct = dict.fromkeys(values)  # in first-seen order: styles are registered in the same order every time
        if any(v.__class__ is not str and v is not None for v in distinct):  # 1, 1.0 and True would be one key
            out = [self._text_xml(kind, v) if v.__class__ is str and v else self._value_xml(kind, v) for v in values]
            lines = [wrapped_lines(v, width) if v.__class__ is str and v else 1 for v in values] if width else None
            return out, lines
        xml = {v: self._text_xml(kind, v) if v else self._value_xml(kind, v) for v in distinct}
        if not width:
            return list(map(xml.__getitem__, values)), None
        need = {v: wrapped_lines(v, width) if v else 1 for v in distinct}
        return list(map(xml.__getitem__, values)), list(map(need.__getitem__, values))

    def _text_xml(self, kind: str, v: str) -> str:
        """A text cell after its reference: an inline string, styled with the quote prefix when it looks like a
        formula; ``xml:space="preserve"`` only where the text starts or ends with white space (what it keeps)."""
        text = _xml_text(v)  # escaping leaves a formula's first character alone; dropped control characters do not
        if looks_like_formula(text) and kind + "_quoted" in self.styles:
            kind += "_quoted"
        t = '<t xml:space="preserve">' if text[:1].isspace() or text[-1:].isspace() else "<t>"
        return f' s="{self._style_id(kind, v)}" t="inlineStr"><is>{t}{text}</t></is></c>'

    def _value_xml(self, kind: str, v: Any) -> str:
        """A cell that is not text, after its reference."""
        if v is None or v == "" or v.__class__ is str:
            return f' s="{self._style_id(kind, v)}"/>'
        if isinstance(v, bool):
            return f' s="{self._style_id(kind, v)}" t="b"><v>{int(v)}</v></c>'
        return f' s="{self._style_id(kind, v)}"><v>{v!r}</v></c>'

    def _row_xml(self, r: int, values: list[Any], kinds: list[str], warn_col: int | None) -> str:
        cells: list[str] = []
        append = cells.append
        lines = 1
        for i, v in enumerate(values):
            kind = "warn" if i == warn_col else kinds[i]
            ref = _COLUMN_LETTERS[i]
            if v.__class__ is str and v:  # text stays text: "=SUM(A1)" is never a formula here
                if kind == "wrap":
                    lines = max(lines, wrapped_lines(v, self.widths[i]))
                append(f'<c r="{ref}{r}"{self._text_xml(kind, v)}')
            else:
                append(f'<c r="{ref}{r}"{self._value_xml(kind, v)}')
        # a wrapped cell's row gets the height of its lines: neither Excel nor Calc grows it on opening
        head = f'<row r="{r}">' if lines == 1 else f'<row r="{r}" ht="{row_height(lines):g}" customHeight="1">'
        return head + "".join(cells) + "</row>"

    def _print_setup(self, last_col: str) -> None:
        ws = self.ws
        ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
        ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape" if self.landscape else "portrait"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.5
        ws.page_margins.top = ws.page_margins.bottom = 0.75
        ws.oddHeader.center.text = self.header_text
        ws.oddHeader.center.size = 9
        ws.oddFooter.left.text = self.footer_text
        ws.oddFooter.left.size = 8
        ws.oddFooter.right.text = "第 &P 頁／共 &N 頁"
        ws.oddFooter.right.size = 8

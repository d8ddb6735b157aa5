"""A streaming worksheet writer: openpyxl's workbook and styles, our own (much faster) rows.

openpyxl's write-only mode spends ~10 µs on every cell (a Cell object, type sniffing, three nested
``xmlfile`` contexts). The interchange workbook writes millions of cells whose types the format
already knows, so this writer formats each row as text and writes it, UTF-8 encoded, into the
sheet file openpyxl would have written (less than half the bytes of openpyxl's ASCII with
character references for Chinese text). Everything around the rows — workbook, styles, column
widths, frozen panes, print titles, the zip — stays openpyxl's.

Values: ``str`` (an inline string; the caller has escaped what XML can't carry as ``_xHHHH_``),
``int``, ``float``, ``bool``, ``date`` (an Excel date with the date style) and :class:`Styled`
for a value that needs a style (money, quote-prefixed text, titles). Relies on openpyxl 3.1's
write-only internals (``_writer``, ``_rows``); ``pyproject.toml`` pins ``openpyxl<3.2`` and the
tests read every kind of cell back.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from lxml.etree import tostring
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.xml.constants import SHEET_MAIN_NS

_EXCEL_EPOCH = date(1899, 12, 30).toordinal()
DATE_FORMAT = "yyyy-mm-dd"
# Text content escaping; every other character XML can't carry was escaped as _xHHHH_ beforehand.
_ESCAPE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})


class Styled(NamedTuple):
    value: object
    style: int


class _Writer(WorksheetWriter):
    """openpyxl's sheet writer on a plain UTF-8 file: its own elements (views, columns, page setup)
    serialised by lxml, our rows written as ready-made text."""

    def get_stream(self):
        with open(self.out, "wb") as f:
            f.write(b'<worksheet xmlns="' + SHEET_MAIN_NS.encode() + b'">')
            try:
                while True:
                    el = (yield)
                    if el is True:
                        yield f
                    elif el is not None:
                        f.write(tostring(el, encoding="utf-8"))
            except GeneratorExit:
                pass
            f.write(b"</worksheet>")


class _Done:
    """Stands in for openpyxl's row generator: our rows are already written when it closes."""

    def close(self) -> None:
        pass


class SheetStream:
    """One worksheet written row by row; the layout is set first, then :meth:`row`, then :meth:`close`."""

    def __init__(self, wb: Workbook, title: str, widths: list[float], *, freeze: str | None = None,
                 hidden_rows: tuple[int, ...] = (), hidden_columns: tuple[int, ...] = (),
                 print_title_rows: str | None = None, landscape: bool = False):
        ws = wb.create_sheet(title)
        self.ws = ws
        self.letters = [get_column_letter(i) for i in range(1, max(len(widths), 1) + 1)]
        for letter, width in zip(self.letters, widths):
            ws.column_dimensions[letter].width = width
        for n in hidden_columns:
            ws.column_dimensions[get_column_letter(n)].hidden = True
        if freeze:
            ws.freeze_panes = freeze
        if print_title_rows:
            ws.print_title_rows = print_title_rows
        if landscape:
            ws.page_setup.orientation = "landscape"
        self.hidden_rows = set(hidden_rows)
        self.date_style = self.style(number_format=DATE_FORMAT)
        self._writer = _Writer(ws)
        ws._writer = self._writer  # noqa: SLF001 — openpyxl's write-only sheet takes its writer here
        self._writer.write_top()
        self._file = self._writer.xf.send(True)
        self._file.write(b"<sheetData>")
        self._n = 0
        self._closed = False

    def style(self, **attrs) -> int:
        """Register a cell style (font=…, fill=…, number_format=…, quotePrefix=…) and return its id."""
        cell = WriteOnlyCell(self.ws, "")
        for k, v in attrs.items():
            setattr(cell, k, v)
        return cell.style_id

    def row(self, values: list) -> None:
        self._n += 1
        n = str(self._n)
        parts = [f'<row r="{n}" hidden="1">' if self._n in self.hidden_rows else f'<row r="{n}">']
        letters = self.letters
        for i, v in enumerate(values):
            if v is None:
                continue
            style = ""
            if type(v) is Styled:
                style = f' s="{v.style}"' if v.style else ""
                v = v.value
            ref = letters[i] + n
            t = type(v)
            if t is str:
                space = ' xml:space="preserve"' if v[:1].isspace() or v[-1:].isspace() else ""
                parts.append(f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{v.translate(_ESCAPE)}</t></is></c>')
            elif t is int:
                parts.append(f'<c r="{ref}"{style} t="n"><v>{v}</v></c>')
            elif t is float:
                parts.append(f'<c r="{ref}"{style} t="n"><v>{v!r}</v></c>')
            elif t is date:
                parts.append(f'<c r="{ref}" s="{self.date_style}" t="n"><v>{v.toordinal() - _EXCEL_EPOCH}</v></c>')
            elif t is bool:
                parts.append(f'<c r="{ref}"{style} t="b"><v>{int(v)}</v></c>')
            else:
                raise TypeError(f"cell value of type {t.__name__}")
        parts.append("</row>")
        self._file.write("".join(parts).encode("utf-8"))

    def close(self) -> None:
        """Finish the rows; openpyxl writes the sheet's tail when the workbook is saved."""
        if self._closed:
            return
        self._closed = True
        self._file.write(b"</sheetData>")
        self._writer.xf.send(None)
        self.ws._rows = _Done()  # noqa: SLF001 — tells openpyxl's write-only sheet the rows are written

"""Tables for the report PDF that stay fast with thousands of rows.

reportlab's ``Table`` re-measures every remaining row each time it splits across a page, and
its per-string text objects cost about 0.2 ms a line, which turns a 4,000-visit appendix into a
minute. :class:`PagedTable` measures each row once (text is wrapped here with cached glyph
widths), takes on each page the rows that fit, repeats the header, and draws the page's grid and
text straight into the content stream — the work is proportional to the characters written.

Print rules: a table never leaves fewer than :data:`MIN_ROWS` rows on a page (at its start or its
end, the total row counting as a row), a heading is kept with the start of what follows it
(:class:`KeepStart`), and a ``trailer`` (the sign-off block) is kept with the table's last rows.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from typing import Sequence

from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics
from reportlab.lib.rl_accel import escapePDF
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether

from counsel_desk.reports.pdf_common import FONT, FONT_BOLD, HEADER_BG, INK, RULE, register_fonts

PAD_X = 3.0
PAD_TOP = 2.5
PAD_BOTTOM = 3.5
MAX_KEEP = 600.0  # points; what a heading keeps with it never asks for more than most of a page
MIN_ROWS = 3  # a page never holds fewer rows of a table than this (unless the table is that short)
MAX_LINES = 60  # a row never grows beyond a page; the rest of an endless text is cut with "…"
TOTAL_BG = colors.HexColor("#f3f6f9")
WARN = colors.HexColor("#b42318")

# CJK punctuation that must not begin a line (禁則): it stays on the line before
_NO_LINE_START = set("，。、；：？！）」』】》〉,.;:?!)]%")


@lru_cache(maxsize=8)
def _widths(font: str, size: float) -> dict[str, float]:
    return {}


def text_width(text: str, font: str = FONT, size: float = 8.5) -> float:
    cache = _widths(font, size)
    total = 0.0
    for ch in text:
        w = cache.get(ch)
        if w is None:
            w = cache[ch] = pdfmetrics.stringWidth(ch, font, size)
        total += w
    return total


def wrap_text(text: str, width: float, font: str = FONT, size: float = 8.5, max_lines: int = MAX_LINES) -> list[str]:
    """Lines of ``text`` no wider than ``width`` points, breaking between any two characters."""
    register_fonts()
    cache = _widths(font, size)
    lines: list[str] = []
    for para in (text or "").replace("\r", "").split("\n"):
        line: list[str] = []
        used = 0.0
        for ch in para:
            w = cache.get(ch)
            if w is None:
                w = cache[ch] = pdfmetrics.stringWidth(ch, font, size)
            if used + w > width and line and ch not in _NO_LINE_START:
                lines.append("".join(line))
                line, used = [], 0.0
            line.append(ch)
            used += w
        lines.append("".join(line))
        if len(lines) > max_lines:
            lines = lines[:max_lines]
            lines[-1] = lines[-1][:-1] + "…"
            break
    return lines or [""]


def grid_style(*, header_rows: int = 1, font_size: float = 8.5, align_right: Sequence[int] = (),
               align_center: Sequence[int] = (), total_row: bool = False, extra: Sequence[tuple] = ()) -> list[tuple]:
    """The commands every report table shares: fine grid, shaded bold header, numbers right-aligned."""
    leading = font_size * 1.35
    cmds: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), FONT, font_size, leading),
        ("FONT", (0, 0), (-1, header_rows - 1), FONT_BOLD, font_size, leading),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, INK),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_BG),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), PAD_TOP),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_BOTTOM),
    ]
    for c in align_right:
        cmds.append(("ALIGN", (c, header_rows), (c, -1), "RIGHT"))
    for c in align_center:
        cmds.append(("ALIGN", (c, header_rows), (c, -1), "CENTER"))
    if total_row:
        cmds += [("BACKGROUND", (0, -1), (-1, -1), TOTAL_BG), ("LINEABOVE", (0, -1), (-1, -1), 0.8, INK),
                 ("FONT", (0, -1), (-1, -1), FONT_BOLD, font_size, leading)]
    cmds.extend(extra)
    return cmds


class PagedTable(Flowable):
    """A long table of plain-text cells, wrapped once, split page by page with the header repeated.

    ``rows`` hold strings (numbers already formatted); ``wrap_cols`` are the columns whose text
    wraps to the column width. A ``total`` row, when given, closes the table in bold.
    """

    def __init__(self, header: list[str], rows: list[list[str]], col_widths: list[float], *,
                 wrap_cols: Sequence[int] = (), font_size: float = 8.5, align_right: Sequence[int] = (),
                 align_center: Sequence[int] = (), total: list[str] | None = None, warn_col: int | None = None,
                 trailer: Sequence[Flowable] = (), _start: int = 0, _prepared: tuple | None = None):
        super().__init__()
        self.hAlign = "CENTER"  # as wide as the text block: centred, it lines up with the margins
        self.header, self.col_widths, self.font_size = header, col_widths, font_size
        self.align_right, self.align_center = tuple(align_right), tuple(align_center)
        self.total, self.warn_col, self.trailer = total, warn_col, list(trailer)
        self.wrap_cols = tuple(wrap_cols)
        self.start = _start
        if _prepared is None:
            _prepared = self._prepare(rows)
        self.rows, self.heights, self.header_cells, self.header_height = _prepared
        self._fit = len(self.rows)

    # -- measuring ---------------------------------------------------------------------------------
    def _cell_lines(self, text: str, col: int, wrap: bool) -> list[str]:
        inner = self.col_widths[col] - 2 * PAD_X
        if wrap or text_width(text, FONT, self.font_size) > inner:
            return wrap_text(text, inner, FONT, self.font_size)
        return [text]

    def _row(self, values: list[str]) -> tuple[list[str], float]:
        leading = self.font_size * 1.35
        cells, lines = [], 1
        for c, v in enumerate(values):
            parts = self._cell_lines("" if v is None else str(v), c, c in self.wrap_cols)
            lines = max(lines, len(parts))
            cells.append("\n".join(parts))
        return cells, lines * leading + PAD_TOP + PAD_BOTTOM

    def _prepare(self, rows: list[list[str]]) -> tuple:
        register_fonts()
        cells, heights = [], []
        for r in rows:
            c, h = self._row(r)
            cells.append(c)
            heights.append(h)
        if self.total is not None:
            c, h = self._row(self.total)
            cells.append(c)
            heights.append(h)
        header_cells, header_h = self._row(self.header)
        return cells, heights, header_cells, header_h

    # -- platypus ----------------------------------------------------------------------------------

    def _trailer_height(self, avail_width: float, canv=None) -> float:
        return sum(flowable_height(t, canv or self.canv, avail_width) + t.getSpaceAfter() for t in self.trailer)

    def start_height(self, canv) -> float:
        """The header and the first rows: what must fit below a heading for the table to start there.

        A table too short to split (three rows on each side) must fit whole, with its trailer.
        """
        if len(self.rows) - self.start < 2 * MIN_ROWS:
            return self.header_height + sum(self.heights[self.start:]) + self._trailer_height(sum(self.col_widths), canv)
        return self.header_height + sum(self.heights[self.start:self.start + MIN_ROWS])

    def wrap(self, avail_width, avail_height):
        self.width = sum(self.col_widths)
        self.height = self.header_height + sum(self.heights[self.start:]) + self._trailer_height(avail_width)
        return self.width, self.height

    def _table(self, start: int, end: int) -> "_Chunk":
        return _Chunk(self, start, end)

    def split(self, avail_width, avail_height):
        room = avail_height - self.header_height
        n, end = len(self.rows), self.start
        while end < n and room >= self.heights[end]:
            room -= self.heights[end]
            end += 1
        left, fit = n - self.start, end - self.start
        tail = self.trailer
        if fit >= left:
            if room >= self._trailer_height(avail_width):
                return [self._table(self.start, n), *tail]
            end = n - min(MIN_ROWS, left)  # the rows fit but the trailer does not: the last rows go with it
        elif n - end < MIN_ROWS:  # never leave fewer than three rows (or the total alone) for the next page
            end = n - MIN_ROWS
        if end - self.start < min(MIN_ROWS, left):
            if not getattr(getattr(self, "_frame", None), "_atTop", False):
                return []  # too little room here: the table starts on the next page
            end = self.start + max(1, min(fit, left))  # a fresh page: take what fits
        if end >= n:
            return [self._table(self.start, n), *tail]
        rest = PagedTable(self.header, [], self.col_widths, wrap_cols=self.wrap_cols, font_size=self.font_size,
                          align_right=self.align_right, align_center=self.align_center, total=self.total,
                          warn_col=self.warn_col, trailer=self.trailer, _start=end,
                          _prepared=(self.rows, self.heights, self.header_cells, self.header_height))
        return [self._table(self.start, end), rest]

    def draw(self):
        """The whole table fits where it stands: its rows, then the trailer below them."""
        canv = self.canv
        y = self._trailer_height(self.width)
        canv.saveState()
        canv.translate(0, y)
        _Chunk(self, self.start, len(self.rows)).draw_on(canv)
        canv.restoreState()
        for item in self.trailer:  # measured by _trailer_height, drawn top down
            _, h = item.wrapOn(canv, self.width, 10_000)
            y -= item.getSpaceBefore() + h
            item.drawOn(canv, 0, y)
            y -= item.getSpaceAfter()


class _Chunk(Flowable):
    """The rows of a PagedTable that fit on one page, drawn straight into the page's content stream.

    Text goes out as PDF text operators built here, one text object per page, with each glyph's
    subset code looked up once per document: reportlab's per-string text objects cost ~0.2 ms a
    line, which is most of a 4,000-visit appendix.
    """

    def __init__(self, table: PagedTable, start: int, end: int):
        super().__init__()
        self.hAlign = "CENTER"
        self.t, self.start, self.end = table, start, end
        self.width = sum(table.col_widths)
        self.height = table.header_height + sum(table.heights[start:end])

    def wrap(self, avail_width, avail_height):
        return self.width, self.height

    def draw(self):
        self.draw_on(self.canv)

    def draw_on(self, canv) -> None:
        t = self.t
        size, leading = t.font_size, t.font_size * 1.35
        xs = [0.0]
        for w in t.col_widths:
            xs.append(xs[-1] + w)
        top = self.height
        last_is_total = t.total is not None and self.end == len(t.rows)
        # backgrounds: header, total row
        canv.saveState()
        canv.setFillColor(HEADER_BG)
        canv.rect(0, top - t.header_height, self.width, t.header_height, stroke=0, fill=1)
        if last_is_total:
            canv.setFillColor(TOTAL_BG)
            canv.rect(0, 0, self.width, t.heights[self.end - 1], stroke=0, fill=1)
        # text
        runs: list[tuple[str, float, float, str, object]] = []  # font, x, y, text, colour
        self._cell_runs(runs, t.header_cells, top, t.header_height, FONT_BOLD, centre_all=True, middle=True)
        y = top - t.header_height
        for i in range(self.start, self.end):
            h = t.heights[i]
            bold = last_is_total and i == self.end - 1
            warn = t.warn_col is not None and str(t.rows[i][t.warn_col]).startswith("超過")
            self._cell_runs(runs, t.rows[i], y, h, FONT_BOLD if bold else FONT, warn=warn)
            y -= h
        _emit_text(canv, runs, size, leading)
        # grid: one path of row and column lines, written as raw operators (reportlab's path object
        # formats every coordinate through a slow float formatter)
        ops = [f"{RULE.red:.3f} {RULE.green:.3f} {RULE.blue:.3f} RG 0.4 w"]
        y = top - t.header_height
        for i in range(self.start, self.end):
            y -= t.heights[i]
            ops.append(f"0 {y:.2f} m {self.width:.2f} {y:.2f} l")
        for x in xs:
            ops.append(f"{x:.2f} 0 m {x:.2f} {top:.2f} l")
        ops.append(f"0 {top:.2f} m {self.width:.2f} {top:.2f} l S")
        ops.append(f"{INK.red:.3f} {INK.green:.3f} {INK.blue:.3f} RG 0.8 w")
        ops.append(f"0 {top - t.header_height:.2f} m {self.width:.2f} {top - t.header_height:.2f} l S")
        if last_is_total:
            ops.append(f"0 {t.heights[self.end - 1]:.2f} m {self.width:.2f} {t.heights[self.end - 1]:.2f} l S")
        canv._code.append(" ".join(ops))  # noqa: SLF001 — the page's content stream
        canv.restoreState()

    def _cell_runs(self, runs, cells, top, height, font, *, centre_all=False, middle=False, warn=False) -> None:
        t = self.t
        size, leading = t.font_size, t.font_size * 1.35
        x0 = 0.0
        for c, text in enumerate(cells):
            w = t.col_widths[c]
            lines = text.split("\n") if text else []
            if middle:
                y = top - (height - len(lines) * leading) / 2 - size * 1.02
            else:
                y = top - PAD_TOP - size * 1.02
            align = "C" if centre_all or c in t.align_center else "R" if c in t.align_right else "L"
            f = FONT_BOLD if warn and c == t.warn_col else font
            colour = WARN if warn and c == t.warn_col else INK
            for line in lines:
                if line:
                    if align == "L":
                        x = x0 + PAD_X
                    else:
                        lw = text_width(line, f, size)
                        x = x0 + w - PAD_X - lw if align == "R" else x0 + (w - lw) / 2
                    runs.append((f, x, y, line, colour))
                y -= leading
            x0 += w


def _glyph_table(canv, font_name: str) -> dict:
    """char → (PDF font resource name, escaped code) for this document, filled as characters are first used."""
    tables = canv.__dict__.setdefault("_cd_glyphs", {})
    return tables.setdefault(font_name, {})


def _emit_text(canv, runs, size: float, leading: float) -> None:
    """Write all text runs of a chunk as one PDF text object (BT … ET)."""
    if not runs:
        return
    doc = canv._doc  # noqa: SLF001 — the document a dynamic font registers its subsets with
    out = ["BT"]
    append = out.append
    size_op = f" {size:g} Tf"
    cur_font = cur_res = cur_colour = None
    glyphs: dict = {}
    for font_name, x, y, text, colour in runs:
        if colour is not cur_colour:
            append(f"{colour.red:.3f} {colour.green:.3f} {colour.blue:.3f} rg")
            cur_colour = colour
        if font_name != cur_font:
            cur_font = font_name
            font = pdfmetrics.getFont(font_name)
            glyphs = _glyph_table(canv, font_name)
        append(f"1 0 0 1 {x:.2f} {y:.2f} Tm")
        get = glyphs.get
        chunk: list[str] = []
        for ch in text:
            g = get(ch)
            if g is None:
                ((subset, code),) = font.splitString(ch, doc)
                g = glyphs[ch] = (sys.intern(font.getSubsetInternalName(subset, doc)), escapePDF(code))
            res, code = g
            if res is not cur_res:
                if chunk:
                    append(f"({''.join(chunk)}) Tj")
                    chunk = []
                append(res + size_op)
                cur_res = res
            chunk.append(code)
        if chunk:
            append(f"({''.join(chunk)}) Tj")
    append("ET")
    canv._code.append("\n".join(out))  # noqa: SLF001 — the page's content stream


class KeepStart(CondPageBreak):
    """Moves to the next page unless ``items`` (a heading) and the start of ``following`` fit here.

    The start of a :class:`PagedTable` is its header and first three rows; of anything else, all of it.
    """

    def __init__(self, items: Sequence[Flowable], following: Flowable | None = None):
        super().__init__(0)
        self.items, self.following = list(items), following

    def wrap(self, availWidth, availHeight):  # noqa: N803 — reportlab's names
        canv = self.canv
        need = sum(flowable_height(item, canv, availWidth) + item.getSpaceAfter() for item in self.items)
        f = self.following
        if isinstance(f, PagedTable):
            need += f.start_height(canv)
        elif f is not None:
            need += flowable_height(f, canv, availWidth)
        self.height = min(need, MAX_KEEP)
        return super().wrap(availWidth, availHeight)


def flowable_height(f: Flowable, canv, avail_width: float) -> float:
    """The height a flowable takes with the space before it; a KeepTogether measured by its parts
    (its own ``wrap`` asks for everything, to force a split)."""
    if isinstance(f, KeepTogether):
        return sum(flowable_height(x, canv, avail_width) + x.getSpaceAfter() for x in f._content)  # noqa: SLF001
    return f.wrapOn(canv, avail_width, 10_000)[1] + f.getSpaceBefore()

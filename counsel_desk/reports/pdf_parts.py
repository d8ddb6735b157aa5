"""The small pieces every section of the report PDF is made of: numbers as text, paragraphs, tables.

Numbers: counts with thousands separators, hours always with one decimal (6.0 beside 194.5),
shares as 12.3 %, money in 新臺幣元 with the unit said above the table (:func:`unit_caption`).
"""

from __future__ import annotations

from reportlab.lib import colors
from typing import Any

from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from counsel_desk.reports.pdf_common import MARGIN, PAGE_SIZE, escape, styles
from counsel_desk.reports.pdf_tables import grid_style

WIDTH = PAGE_SIZE[0] - 2 * MARGIN
WARN = colors.HexColor("#b42318")
_DIGITS = "〇一二三四五六七八九"


def numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (section numbers)."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def count(value: int | float | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.1f}"
    return f"{round(value):,}"


def hours(value: float | None) -> str:
    """Hours always with one decimal, so 6.0 stands beside 194.5."""
    return "—" if value is None else f"{float(value):,.1f}"


def pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def para(text: str, style: str = "body") -> Paragraph:
    return Paragraph(escape(text), styles()[style])


def table(data: list[list[Any]], widths: list[float], **style: Any) -> Table:
    t = Table(data, colWidths=widths, repeatRows=1)
    t.setStyle(TableStyle(grid_style(**style)))
    return t


def unit_caption(text: str = "金額單位：新臺幣元") -> Paragraph:
    return para(text, "unit")


class Sections:
    """Numbers the report's sections 一、二、三… as they are added."""

    def __init__(self) -> None:
        self.n = 0
        self.m = 0

    def heading(self, text: str) -> list[Flowable]:
        self.n, self.m = self.n + 1, 0
        return [para(f"{numeral(self.n)}、{text}", "h1")]

    def sub(self, text: str) -> Paragraph:
        """（一）（二）… within the current section, numbered as the parts actually present."""
        self.m += 1
        return para(f"（{numeral(self.m)}）{text}", "h2")

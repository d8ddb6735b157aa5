"""What every PDF of counsel_desk shares: the embedded Noto Sans TC fonts, styles, 「第 X 頁／共 Y 頁」 footers.

reportlab can only embed TrueType (glyf) fonts; the bundled Noto Sans CJK TC files were converted
for that. Never use ``UnicodeCIDFont('MSung-Light')``: it maps to a mainland encoding and renders
blank in poppler.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas

from counsel_desk import paths

FONT = "NotoSansTC"
FONT_BOLD = "NotoSansTC-Bold"
PAGE_SIZE = A4
MARGIN = 18 * mm
INK = colors.HexColor("#1b2733")
ACCENT = colors.HexColor("#1f6fb2")
RULE = colors.HexColor("#c9d3dc")
HEADER_BG = colors.HexColor("#e6eef6")


@lru_cache(maxsize=1)
def register_fonts() -> tuple[str, str]:
    """Register the bundled fonts once; returns (regular, bold) font names."""
    font_dir = paths.resources_dir() / "fonts"
    pdfmetrics.registerFont(TTFont(FONT, str(font_dir / "NotoSansCJKtc-Regular.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(font_dir / "NotoSansCJKtc-Bold.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
    return FONT, FONT_BOLD


@lru_cache(maxsize=1)
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("base", fontName=FONT, fontSize=10, leading=15, textColor=INK,
                          wordWrap="CJK", alignment=TA_LEFT)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=12),
        "warn": ParagraphStyle("warn", parent=base, fontName=FONT_BOLD, fontSize=10, leading=15,
                               textColor=colors.HexColor("#b42318"), borderColor=colors.HexColor("#b42318"),
                               borderWidth=1, borderPadding=4, spaceBefore=3 * mm, spaceAfter=3 * mm),
        "unit": ParagraphStyle("unit", parent=base, fontSize=8, leading=11, alignment=TA_RIGHT, spaceAfter=1),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=12),
        "cell_bold": ParagraphStyle("cell_bold", parent=base, fontName=FONT_BOLD, fontSize=9, leading=12),
        "title": ParagraphStyle("title", parent=base, fontName=FONT_BOLD, fontSize=20, leading=28,
                                alignment=TA_CENTER, spaceAfter=6 * mm),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=12, leading=18, alignment=TA_CENTER),
        "h1": ParagraphStyle("h1", parent=base, fontName=FONT_BOLD, fontSize=14, leading=20,
                             spaceBefore=6 * mm, spaceAfter=3 * mm, textColor=ACCENT),
        "h2": ParagraphStyle("h2", parent=base, fontName=FONT_BOLD, fontSize=11.5, leading=17,
                             spaceBefore=4 * mm, spaceAfter=2 * mm),
    }


def escape(text: str | None) -> str:
    """Text for a Paragraph: XML-escaped, newlines kept."""
    from xml.sax.saxutils import escape as _esc

    return _esc(text or "").replace("\n", "<br/>")


FOOTER_PT, FOOTER_MIN_PT = 8.5, 6.5


def _footer_size(text: str, room: float) -> float:
    """The footer's size for ``text`` in ``room`` points: 8.5 pt, smaller down to 6.5 pt when it is too long."""
    wide = pdfmetrics.stringWidth(text, FONT, FOOTER_PT)
    return FOOTER_PT if wide <= room else max(FOOTER_MIN_PT, FOOTER_PT * room / wide)


def _footer_text(text: str, room: float, size: float) -> str:
    """``text``, cut short with 「…」 where even at ``size`` it would run past ``room`` points."""
    if pdfmetrics.stringWidth(text, FONT, size) <= room:
        return text
    while text and pdfmetrics.stringWidth(text + "…", FONT, size) > room:
        text = text[:-1]
    return text + "…"


def numbered_canvas(footer_left: str = "", footer_right: str = "", stamp: str = ""):
    """A canvas class that writes 「第 X 頁／共 Y 頁」 and a footer line on every page; ``stamp``, when
    given, is drawn at the top right of every page (「期中暫定」)."""

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._saved: list[dict] = []

        def showPage(self):
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self._draw_footer(total)
                super().showPage()
            super().save()

        def _draw_footer(self, total: int) -> None:
            register_fonts()
            width, _ = self._pagesize
            self.setStrokeColor(RULE)
            self.line(MARGIN, 12 * mm, width - MARGIN, 12 * mm)
            self.setFillColor(INK)
            number = f"第 {self._pageNumber} 頁／共 {total} 頁"
            self.setFont(FONT, FOOTER_PT)
            self.drawCentredString(width / 2, 7 * mm, number)
            # each side keeps to its half, clear of the page number: a long title (全部分區, a custom period)
            # is set smaller, and cut short with 「…」 only if even that does not fit
            room = width / 2 - pdfmetrics.stringWidth(number, FONT, FOOTER_PT) / 2 - 4 * mm - MARGIN
            if footer_left:
                self.setFont(FONT, size := _footer_size(footer_left, room))
                self.drawString(MARGIN, 7 * mm, _footer_text(footer_left, room, size))
            if footer_right:
                self.setFont(FONT, size := _footer_size(footer_right, room))
                self.drawRightString(width - MARGIN, 7 * mm, _footer_text(footer_right, room, size))
            if stamp:
                height = self._pagesize[1]
                self.setFont(FONT_BOLD, 10)
                w = self.stringWidth(stamp, FONT_BOLD, 10) + 6 * mm
                self.setStrokeColor(INK)
                self.setLineWidth(1)
                self.rect(width - MARGIN - w, height - 12 * mm, w, 7.5 * mm, stroke=1, fill=0)
                self.drawCentredString(width - MARGIN - w / 2, height - 9.6 * mm, stamp)

    return NumberedCanvas

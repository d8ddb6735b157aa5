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
            self.setFont(FONT, 8.5)
            self.setFillColor(INK)
            self.drawCentredString(width / 2, 7 * mm, f"第 {self._pageNumber} 頁／共 {total} 頁")
            if footer_left:
                self.drawString(MARGIN, 7 * mm, footer_left)
            if footer_right:
                self.drawRightString(width - MARGIN, 7 * mm, footer_right)
            if stamp:
                height = self._pagesize[1]
                self.setFont(FONT_BOLD, 10)
                w = self.stringWidth(stamp, FONT_BOLD, 10) + 6 * mm
                self.setStrokeColor(INK)
                self.setLineWidth(1)
                self.rect(width - MARGIN - w, height - 12 * mm, w, 7.5 * mm, stroke=1, fill=0)
                self.drawCentredString(width - MARGIN - w / 2, height - 9.6 * mm, stamp)

    return NumberedCanvas

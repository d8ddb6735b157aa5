"""Fonts and look: the bundled Noto Sans CJK TC so Chinese never renders as boxes."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from counsel_desk import paths

FONT_FAMILY = "Noto Sans CJK TC"
FONT_FILES = ("NotoSansCJKtc-Regular.ttf", "NotoSansCJKtc-Bold.ttf")

# The app's colours, named once: pages take them from here instead of repeating the hex value.
INK = "#1b2733"  # body text drawn by hand (cards, lists)
SECONDARY_INK = "#4a5560"  # hints and notes beside a field
MUTED = "#777777"  # greyed-out rows: closed, removed, not counted
ACCENT = "#1f6fb2"  # the selection and the app's own blue
ALERT = "#b3261e"  # a field error, an overdue follow-up, a limit passed
WARN = "#8a5a00"  # worth a look but not wrong
GOOD = "#2e7d32"  # saved, within the rules, check passed
BANNER_BG, BANNER_EDGE, BANNER_INK = "#fff4ce", "#e8d48a", "#5c4400"  # a notice across the top of a page

STYLE = f"""
QListWidget#navigation {{ border: none; background: #f3f5f7; outline: none; }}
QListWidget#navigation::item {{ padding-left: 12px; border-left: 3px solid transparent; color: {INK}; }}
QListWidget#navigation::item:hover {{ background: #e8eef4; }}
QListWidget#navigation::item:selected {{ background: #dbe7f3; color: #0b3d66; border-left: 3px solid {ACCENT}; }}
QLabel[role="pageTitle"] {{ font-size: 18px; font-weight: bold; padding: 4px 0; }}
QLabel[role="fieldError"] {{ color: {ALERT}; }}
QLabel[role="banner"] {{ background: {BANNER_BG}; color: {BANNER_INK}; padding: 6px; border: 1px solid {BANNER_EDGE}; }}
QLabel[role="figure"] {{ font-size: 22px; font-weight: bold; color: #0b3d66; }}
QLabel[role="figureCaption"] {{ color: #555555; }}
QFrame[role="card"] {{ background: #ffffff; border: 1px solid #dde3e8; border-radius: 6px; }}
"""

def load_fonts() -> list[str]:
    """Register the bundled fonts; returns the families Qt found (empty means a broken install)."""
    families: list[str] = []
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(paths.resources_dir() / "fonts" / name))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return families


def apply(app: QApplication) -> list[str]:
    families = load_fonts()
    if FONT_FAMILY in families:
        font = QFont(FONT_FAMILY, 10)
        app.setFont(font)
    app.setStyleSheet(STYLE)
    return families

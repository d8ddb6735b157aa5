"""Fonts and look: the bundled Noto Sans CJK TC so Chinese never renders as boxes."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from counsel_desk import paths

FONT_FAMILY = "Noto Sans CJK TC"
FONT_FILES = ("NotoSansCJKtc-Regular.ttf", "NotoSansCJKtc-Bold.ttf")

STYLE = """
QListWidget#navigation { border: none; background: #f3f5f7; outline: none; }
QListWidget#navigation::item { padding-left: 12px; border-left: 3px solid transparent; color: #1b2733; }
QListWidget#navigation::item:hover { background: #e8eef4; }
QListWidget#navigation::item:selected { background: #dbe7f3; color: #0b3d66; border-left: 3px solid #1f6fb2; }
QLabel[role="pageTitle"] { font-size: 18px; font-weight: bold; padding: 4px 0; }
QLabel[role="fieldError"] { color: #b3261e; }
QLabel[role="banner"] { background: #fff4ce; color: #5c4400; padding: 6px; border: 1px solid #e8d48a; }
QLabel[role="figure"] { font-size: 22px; font-weight: bold; color: #0b3d66; }
QLabel[role="figureCaption"] { color: #555555; }
QFrame[role="card"] { background: #ffffff; border: 1px solid #dde3e8; border-radius: 6px; }
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

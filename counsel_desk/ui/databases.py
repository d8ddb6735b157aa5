"""Which database the window works on: her own, a new one (檔案 → 新增資料庫…) or the demo.

The demo (示範資料) is shown as such everywhere — a banner and the window title — and never takes
the place of her own database or her name: ``database/path`` in the settings only ever names her
own, so 「回到我的資料庫」 always knows where to go back to.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFileDialog, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from counsel_desk import paths
from counsel_desk.services.file_names import joined
from counsel_desk.ui import settings as options
from counsel_desk.ui.theme import ALERT, BANNER_BG, BANNER_EDGE


def own_database(settings) -> Path | None:
    """Her own database as the settings remember it (never the demo)."""
    stored = options.DATABASE_PATH.get(settings)
    return None if stored is None or paths.is_demo_db(stored) else stored


class DemoBanner(QFrame):
    """「示範資料」 across the top of the window, with the way back to her own database."""

    back_requested = Signal()
    new_requested = Signal()

    def __init__(self, has_own: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("demoBanner")
        self.setStyleSheet(f"QFrame#demoBanner {{ background: {BANNER_BG}; border-bottom: 1px solid {BANNER_EDGE}; }}")
        self.label = QLabel(self.tr("Demo data: the people, organisations and records here are invented. "
                                    "Try anything — your own database is not touched."))
        self.label.setWordWrap(True)
        self.back_button = QPushButton(self.tr("Back to my database") if has_own else self.tr("Create my database…"))
        self.back_button.setObjectName("backToOwnDatabase")
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        badge = QLabel(self.tr("DEMO"))
        badge.setStyleSheet(f"background: {ALERT}; color: white; font-weight: bold; padding: 2px 8px;"
                            "border-radius: 3px;")
        row.addWidget(badge)
        row.addWidget(self.label, 1)
        row.addWidget(self.back_button)
        self.back_button.clicked.connect(self.back_requested if has_own else self.new_requested)


def with_banner(banner: QWidget, content: QWidget) -> QWidget:
    """``content`` under ``banner``, as one widget for ``setCentralWidget``."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(banner)
    layout.addWidget(content, 1)
    return holder


def ask_new_database_path(parent: QWidget | None, folder: Path) -> Path | None:
    """Where the new database goes (a file that is already a database simply opens)."""
    name, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("Databases", "New database"), str(folder / joined(["地方創生輔導桌_新資料庫"], ["counsel-desk_new-database"], ".db")),
        QCoreApplication.translate("Databases", "Desk database (*.db)"))
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(".db")

"""The banner across the top of the window when the database could only be opened read-only."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class ReadOnlyBanner(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.setProperty("role", "banner")
        self.setWordWrap(True)
        self.setText(self.tr("This database is read-only: you can look at everything but not change it. "
                             "To work on it, copy it to a folder you can write to and open the copy."))


def with_read_only_banner(content: QWidget) -> QWidget:
    """``content`` under a read-only banner, as one widget for ``setCentralWidget``."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(ReadOnlyBanner(holder))
    layout.addWidget(content, 1)
    return holder

"""The one year field: 民國 115 in Chinese, 2026 in English; always read and set as the Western year."""

from __future__ import annotations

from PySide6.QtWidgets import QSpinBox, QWidget

from counsel_desk.i18n import pick
from counsel_desk.services.formatting import ROC_OFFSET


class YearBox(QSpinBox):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.offset = ROC_OFFSET if pick("zh", "en") == "zh" else 0  # taken off the Western year to show it
        shift = self.offset
        self.setRange(2011 - shift, 2111 - shift)
        self.setPrefix(self.tr("ROC year ") if shift else "")

    def year(self) -> int:
        """The chosen year, Western (2026)."""
        return self.value() + self.offset

    def set_year(self, year: int) -> None:
        self.setValue(year - self.offset)

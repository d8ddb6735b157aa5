"""The 原住民族地區 filter every list offers: all places, indigenous areas, 山地, 平地, or the others.

Its ``code()`` is the ``indigenous`` value of a list's filters dict (``services.places.places.INDIGENOUS_FILTERS``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget


class IndigenousCombo(QComboBox):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("indigenousFilter")
        self.setAccessibleName(self.tr("Indigenous areas"))
        for text, code in ((self.tr("All areas"), ""), (self.tr("Indigenous areas"), "any"),
                           (self.tr("Mountain indigenous"), "mountain"), (self.tr("Plains indigenous"), "plains"),
                           (self.tr("Not indigenous areas"), "none")):
            self.addItem(text, code)
        # narrow in a filter bar (the bars must fit a 1280-px screen); the open list shows the whole words
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(4)
        self.setToolTip(self.tr("Indigenous areas"))

    def code(self) -> str:
        return str(self.currentData() or "")

    def set_code(self, code: str | None) -> None:
        index = self.findData(code or "")
        self.setCurrentIndex(max(index, 0))

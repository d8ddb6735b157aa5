"""Form pieces shared by the workstation, support-record, public-space and event screens.

A county → township pair of combo boxes and a bold label. The shared fields (NT$ amounts, dates, the red
message under a form, enum combos) and short lists are in ``ui/widgets/``.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QComboBox, QLabel

from counsel_desk.services.places.places import counties, townships



class PlacePicker:
    """A county combo driving a township combo (either may offer a blank "any" first item)."""

    def __init__(self, session_factory, county: QComboBox, township: QComboBox | None,
                 any_text: str | None = None, on_change: Callable[[], None] | None = None):
        self.session_factory = session_factory
        self.county = county
        self.township = township
        self.any_text = any_text
        self.on_change = on_change
        county.blockSignals(True)
        county.clear()
        if any_text is not None:
            county.addItem(any_text, "")
        for c in counties(session_factory):
            county.addItem(c.name, c.id)
        county.setCurrentIndex(0 if any_text is not None else -1)
        county.blockSignals(False)
        county.currentIndexChanged.connect(self._county_changed)
        if township is not None:
            township.currentIndexChanged.connect(self._changed)
            self._fill_townships()

    def _fill_townships(self) -> None:
        if self.township is None:
            return
        self.township.blockSignals(True)
        self.township.clear()
        if self.any_text is not None:
            self.township.addItem(self.any_text, "")
        for t in townships(self.session_factory, self.county_code()):
            self.township.addItem(t.name, t.id)
        self.township.setCurrentIndex(0 if self.any_text is not None else -1)
        self.township.setEnabled(bool(self.county_code()))
        self.township.blockSignals(False)

    def _county_changed(self) -> None:
        self._fill_townships()
        self._changed()

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change()

    def county_code(self) -> str:
        return self.county.currentData() or ""

    def township_code(self) -> str:
        return (self.township.currentData() or "") if self.township is not None else ""

    def set_place(self, county_code: str | None, township_code: str | None = None) -> None:
        """Select a place without announcing it (the caller reloads what depends on it)."""
        self.county.blockSignals(True)
        i = self.county.findData(county_code or "")
        self.county.setCurrentIndex(i if i >= 0 else (0 if self.any_text is not None else -1))
        self.county.blockSignals(False)
        self._fill_townships()
        if self.township is not None:
            self.township.blockSignals(True)
            j = self.township.findData(township_code or "")
            self.township.setCurrentIndex(j if j >= 0 else (0 if self.any_text is not None else -1))
            self.township.blockSignals(False)


def bold_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: bold;")
    return label

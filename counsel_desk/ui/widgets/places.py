"""A county combo driving a township combo, for any form or filter that picks a place.

The lists come from ``services/places`` (one home for counties and townships); the combos are filled and
selected with :mod:`ui.widgets.choices` like every other combo.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from counsel_desk.services.places.places import counties, townships
from counsel_desk.ui.widgets.choices import fill, select


class PlacePicker:
    """A county combo driving a township combo (either may offer a blank "any" first item)."""

    def __init__(self, session_factory, county: QComboBox, township: QComboBox | None,
                 any_text: str | None = None, on_change: Callable[[], None] | None = None):
        self.session_factory = session_factory
        self.county = county
        self.township = township
        self.any_text = any_text
        self.on_change = on_change
        if any_text is None:  # a place the record needs: an empty box says what goes in it
            county.setPlaceholderText(QCoreApplication.translate("PlacePicker", "Choose a county…"))
            if township is not None:
                township.setPlaceholderText(QCoreApplication.translate("PlacePicker", "Choose a township…"))
        self._fill(county, counties(session_factory))
        county.currentIndexChanged.connect(self._county_changed)
        if township is not None:
            township.currentIndexChanged.connect(self._changed)
            self._fill_townships()

    def _fill(self, combo: QComboBox, items: list[Any]) -> None:
        fill(combo, items, blank=self.any_text, blank_value="", keep=None)
        self._pick(combo, "")

    def _pick(self, combo: QComboBox, code: str | None) -> None:
        """Select ``code`` without announcing it; else the blank "any" item, or nothing when there is none."""
        if not select(combo, code or "", or_first=self.any_text is not None, signals=False) and self.any_text is None:
            was_blocked = combo.blockSignals(True)
            combo.setCurrentIndex(-1)
            combo.blockSignals(was_blocked)

    def _fill_townships(self) -> None:
        if self.township is None:
            return
        self._fill(self.township, townships(self.session_factory, self.county_code()))
        self.township.setEnabled(bool(self.county_code()))

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
        self._pick(self.county, county_code)
        self._fill_townships()
        if self.township is not None:
            self._pick(self.township, township_code)

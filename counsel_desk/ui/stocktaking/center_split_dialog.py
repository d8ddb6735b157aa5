"""各分區輔導中心的縣市 — which counties each regional center serves, editable by headquarters.

The split shipped with the app is the default and is labelled so; headquarters moves a county to another
center here (or with ``counsel-desk programme split``). Every move is audited (``center_split``) and kept
over a release that refreshes the reference data (services/programme/center_split.py). A workstation or
proposal in a county outside its center's counties is warned about, never refused. Reached from
編輯 → 各中心縣市….
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget,
)

from counsel_desk.models.enums import CenterCode
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.programme import center_split
from counsel_desk.services.programme.center_split import CountyCenter
from counsel_desk.ui.messages import guarded
from counsel_desk.ui.theme import MUTED
from counsel_desk.ui.widgets.fit import fit_window
from counsel_desk.ui.widgets.text import fmt


class CenterSplitDialog(QDialog):
    """One row per county: its center (a choice) and whether that is the default or set by headquarters."""

    split_changed = Signal(str)  # the county code moved

    def __init__(self, services: ServiceContext, parent: QWidget | None = None, *, settings: QSettings | None = None,
                 before_write: Callable[[], None] | None = None):
        super().__init__(parent)
        self.services = services
        # before each move: while another program writes the file, wait in sight (AppContext.wait_until_writable)
        self.before_write = before_write or (lambda: None)
        self.setObjectName("centerSplitDialog")
        self.setWindowTitle(self.tr("Counties of each center"))
        intro = QLabel(self.tr("For headquarters: which regional center serves each county. The split shipped with "
                               "the app is the default; a county moved here is marked as set by headquarters, and "
                               "every move is recorded in the audit log. A workstation or proposal in a county "
                               "outside its center's counties is warned about, never refused. The split travels in "
                               "every exported workbook: a center's computer takes a newer split when it imports "
                               "headquarters' workbook."))
        intro.setWordWrap(True)
        self.error = QLabel()
        self.error.setProperty("role", "fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.centers: dict[str, QComboBox] = {}
        self.labels: dict[str, QLabel] = {}
        self.rows: dict[str, CountyCenter] = {}
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        for col, text in enumerate((self.tr("County"), self.tr("Center"), self.tr("Set by"))):
            grid.addWidget(QLabel(f"<b>{text}</b>"), 0, col)
        for n, row in enumerate(center_split.split(services), 1):
            box = QComboBox()
            box.setObjectName(f"center_{row.county_code}")
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(12)  # the centers' long names may shrink; the label beside stays whole
            for c in CenterCode:
                box.addItem(c.full_name, c.value)
            label = QLabel()
            label.setMinimumWidth(max(label.fontMetrics().horizontalAdvance(f" {t} ") for t in (
                center_split.CountyCenter("", "", "", "").label, center_split.CountyCenter("", "", "x", "y").label)) + 12)
            grid.addWidget(QLabel(row.county_label), n, 0)
            grid.addWidget(box, n, 1)
            grid.addWidget(label, n, 2)
            self.centers[row.county_code] = box
            self.labels[row.county_code] = label
            self._show(row)
            box.currentIndexChanged.connect(lambda _i, code=row.county_code: self.move_county(code))
        inner = QWidget()
        inner.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.error)
        layout.addWidget(scroll, 1)
        layout.addWidget(close)
        fit_window(self, "centerSplit", (680, 560), settings=settings)

    def _show(self, row: CountyCenter) -> None:
        self.rows[row.county_code] = row
        box = self.centers[row.county_code]
        box.blockSignals(True)
        box.setCurrentIndex(max(0, box.findData(row.center_code)))
        box.blockSignals(False)
        label = self.labels[row.county_code]
        label.setText(row.label)
        label.setStyleSheet(f"color: {MUTED};" if row.is_default else "font-weight: bold;")
        shipped = CenterCode(row.default_center).full_name if row.default_center in CenterCode._value2member_map_ \
            else row.default_center
        label.setToolTip(fmt(self.tr("Default: %1"), shipped))

    def move_county(self, county_code: str) -> bool:
        """Move ``county_code`` to the center its box shows (audited); False, with the reason, if refused."""
        center = self.centers[county_code].currentData()
        self.error.hide()
        with guarded(self, into=self._refused) as done:
            self.before_write()
            moved = center_split.set_county_center(self.services, county_code, center)
            self._show(moved)
            self.split_changed.emit(county_code)
        if not done:
            self._show(self.rows[county_code])  # back to what is stored
        return bool(done)

    def _refused(self, error) -> None:
        self.error.setText(error.message)
        self.error.show()

"""The yearly targets editor (績效指標): a center enters what the project office expects this year."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from counsel_desk.models.enums import TargetMetric
from counsel_desk.services.programme import targets
from counsel_desk.ui.widgets.year_box import YearBox
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.messages import guarded
from counsel_desk.ui.widgets.conflict_dialog import save_resolving
from counsel_desk.ui.widgets.text import fmt


class TargetsEditor(QWidget):
    saved = Signal(int)  # the (Western) year whose targets were stored

    def __init__(self, ctx: AppContext, year: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.center: str | None = ctx.center_code
        self.year = YearBox()
        self.year.set_year(year)
        self.fields: dict[str, QDoubleSpinBox] = {}
        self.loaded: dict[str, float] = {}  # what the boxes were filled with, and the targets' version then
        self.loaded_version: int | None = None
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for metric in TargetMetric:
            box = QDoubleSpinBox()
            box.setRange(0, 9_999_999)
            box.setDecimals(1 if metric == TargetMetric.SUPPORT_HOURS else 0)
            box.setGroupSeparatorShown(True)
            box.setObjectName(f"target_{metric.value}")
            box.setMinimumWidth(160)
            box.setAlignment(Qt.AlignmentFlag.AlignRight)
            form.addRow(metric.label, box)
            self.fields[metric.value] = box
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save targets"))
        self.save_button.clicked.connect(self.save)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Targets for")))
        top.addWidget(self.year)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(self.note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.year.valueChanged.connect(self.load)
        self.load()

    def western_year(self) -> int:
        return self.year.year()

    def set_center(self, center: str | None) -> None:
        """Targets belong to one center; headquarters' view of all centers can't edit them."""
        self.center = center
        self.setEnabled(center is not None)
        self.load()

    def load(self) -> None:
        if self.center is None:
            self.note.setText(self.tr("Choose one center to enter its targets."))
            return
        self.loaded_version = targets.targets_version(self.ctx.services(), self.western_year(), center=self.center)
        values = targets.get_targets(self.ctx.services(), self.western_year(), center=self.center)
        for metric, box in self.fields.items():
            box.setValue(values.get(metric, 0.0))
        self.loaded = {metric: box.value() for metric, box in self.fields.items()}
        self.note.setText(self.tr("The project office judges the center against these figures, year to date."))

    def save(self) -> None:
        if self.center is None:
            return
        # only the targets she changed: one a colleague changed meanwhile and she left alone stays theirs
        values = {metric: box.value() for metric, box in self.fields.items() if box.value() != self.loaded.get(metric)}
        year, center = self.western_year(), self.center

        def save(values: dict[str, float], version: int | None) -> int:
            return self.ctx.run(targets.set_targets, self.ctx.services(), year, values, center=center, version=version)

        with guarded(self) as done:
            changed = save_resolving(self, save, values, self.loaded_version,
                                     {m.value: m.label for m in TargetMetric})
        if not done:
            return
        if changed is None:  # she closed the comparison: nothing saved, her figures stay in the boxes
            self.note.setText(self.tr("Not saved: someone else changed these targets meanwhile."))
            return
        self.load()  # what is stored now (hers, and what she took from the colleague)
        self.note.setText(fmt(self.tr("Saved: %1 targets changed."), str(changed)))
        self.saved.emit(year)

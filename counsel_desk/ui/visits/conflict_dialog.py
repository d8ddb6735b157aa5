"""Someone else saved the visit first: both values side by side, field by field, and she decides.

Shown by the visit editor when a save meets a :class:`~counsel_desk.services.base.SaveConflict`
(a colleague on the shared server, or a sync import, saved the visit after she opened it). Nothing
was written; for each field that differs she keeps her value or takes theirs, and the editor saves
her choices over the version she has now seen.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QGridLayout, QLabel, QRadioButton,
                               QVBoxLayout, QWidget)

from counsel_desk.services.base import SaveConflict
from counsel_desk.services.formatting import shown_date
from counsel_desk.ui.widgets.fit import fit_window, scrolling
from counsel_desk.ui.widgets.text import fmt

MINE, THEIRS = 0, 1


class VisitConflictDialog(QDialog):
    def __init__(self, conflict: SaveConflict, names: dict[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.conflict = conflict
        self._names = names
        self.setWindowTitle(self.tr("Saved by someone else meanwhile"))
        labels = {"visit_date": self.tr("Date"), "county_code": self.tr("County"), "township_code": self.tr("Township"),
                  "mode": self.tr("Mode"), "organization_id": self.tr("Organization"),
                  "workstation_id": self.tr("Workstation"), "public_space_id": self.tr("Public space"),
                  "visited_name": self.tr("Visited"), "purpose": self.tr("Purpose"), "findings": self.tr("Findings"),
                  "issues": self.tr("Issues"), "advice": self.tr("Advice"), "notes": self.tr("Notes"),
                  "key_visit": self.tr("Key visit"), "counselor_ids": self.tr("Counselors"),
                  "contact_ids": self.tr("Contacts")}
        who = conflict.saved_by or self.tr("someone else")
        intro = QLabel(fmt(self.tr("%1 saved this visit after you opened it. Nothing of yours was saved yet and "
                               "nothing of theirs was overwritten. Choose for each field which value to keep."), who))
        intro.setWordWrap(True)
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.addWidget(QLabel("<b>" + self.tr("Field") + "</b>"), 0, 0)
        grid.addWidget(QLabel("<b>" + self.tr("Yours (not saved)") + "</b>"), 0, 1)
        grid.addWidget(QLabel("<b>" + fmt(self.tr("Saved by %1"), who) + "</b>"), 0, 2)
        self.groups: dict[str, QButtonGroup] = {}
        for row, f in enumerate(conflict.fields, start=1):
            grid.addWidget(QLabel(labels.get(f.name, f.name)), row, 0)
            group = QButtonGroup(self)
            for column, value in ((MINE, f.mine), (THEIRS, f.theirs)):
                button = QRadioButton(self._shown(value))
                button.setObjectName(f"{f.name}_{'mine' if column == MINE else 'theirs'}")
                group.addButton(button, column)
                grid.addWidget(button, row, column + 1)
            group.button(MINE).setChecked(True)
            self.groups[f.name] = group
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save my choices"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scrolling(grid_host), 1)
        layout.addWidget(buttons)
        fit_window(self, "visit_conflict_dialog", (760, 420))

    def _shown(self, value: Any) -> str:
        if isinstance(value, date):
            return shown_date(value)
        if isinstance(value, bool):
            return self.tr("Yes") if value else self.tr("No")
        if isinstance(value, (list, tuple)):
            return "、".join(self._names.get(str(v), str(v)) for v in value) or "—"
        if value in (None, ""):
            return "—"
        return self._names.get(str(value), str(value))

    def choose(self, name: str, theirs: bool) -> None:
        self.groups[name].button(THEIRS if theirs else MINE).setChecked(True)

    def taken_from_them(self) -> dict[str, Any]:
        """The fields where she took the other person's value, with that value."""
        return {f.name: f.theirs for f in self.conflict.fields if self.groups[f.name].checkedId() == THEIRS}

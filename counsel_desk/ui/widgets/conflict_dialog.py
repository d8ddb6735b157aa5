"""Someone else saved the record first: both values side by side, field by field, and she decides.

Every editor of a versioned record (visits and their follow-ups, proposals, plans, county checks and decisions,
workstations and budget years, support records, public spaces, events, outcomes, youth teams and members, the
roster, issue topics, yearly targets, report notes) saves with the version it loaded; when a colleague on the shared server,
or a sync import, saved the record in between, the service refuses with a
:class:`~counsel_desk.services.base.SaveConflict` and nothing is written. :func:`save_resolving` then
shows :class:`ConflictDialog`: for each field that differs she keeps her value or takes theirs, and her
choices are saved over the version she has now seen (again, should a third save come in between).
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, TypeVar

from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QGridLayout, QLabel, QRadioButton,
                               QVBoxLayout, QWidget)

from counsel_desk.services.base import SaveConflict
from counsel_desk.services.formatting import shown_date
from counsel_desk.ui.widgets.fit import fit_window, scrolling
from counsel_desk.ui.widgets.text import fmt

MINE, THEIRS = 0, 1
T = TypeVar("T")


class ConflictDialog(QDialog):
    """``labels``: field name → its label in the form; ``names``: id or code → what to show for it."""

    def __init__(self, conflict: SaveConflict, labels: dict[str, str], names: dict[str, str] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.conflict = conflict
        self._names = names or {}
        self.setWindowTitle(self.tr("Saved by someone else meanwhile"))
        who = conflict.saved_by or self.tr("someone else")
        intro = QLabel(fmt(self.tr("%1 saved this record after you opened it. Nothing of yours was saved yet and "
                                   "nothing of theirs was overwritten. Choose for each field which value to keep."),
                           who))
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
                shown = self._shown(value)
                button = QRadioButton(shown if len(shown) <= 80 else shown[:80] + "…")
                button.setToolTip(shown if len(shown) > 80 else "")
                button.setObjectName(f"{f.name}_{'mine' if column == MINE else 'theirs'}")
                group.addButton(button, column)
                grid.addWidget(button, row, column + 1)
            group.button(MINE).setChecked(True)
            self.groups[f.name] = group
        grid.setRowStretch(len(conflict.fields) + 1, 1)  # the rows at the top, not spread over the height
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save my choices"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scrolling(grid_host), 1)
        layout.addWidget(buttons)
        fit_window(self, "conflict_dialog", (760, 420))

    def _shown(self, value: Any) -> str:
        if isinstance(value, date):
            return shown_date(value)
        if isinstance(value, bool):
            return self.tr("Yes") if value else self.tr("No")
        if isinstance(value, (list, tuple)):
            return "、".join(self._names.get(str(v), str(v)) for v in value) or "—"
        if value in (None, ""):
            return "—"
        return self._names.get(str(value), str(value)).replace("\n", " ")

    def choose(self, name: str, theirs: bool) -> None:
        self.groups[name].button(THEIRS if theirs else MINE).setChecked(True)

    def taken_from_them(self) -> dict[str, Any]:
        """The fields where she took the other person's value, with that value."""
        return {f.name: f.theirs for f in self.conflict.fields if self.groups[f.name].checkedId() == THEIRS}


def save_resolving(parent: QWidget | None, save: Callable[[dict[str, Any], int | None], T], values: dict[str, Any],
                   version: int | None, labels: dict[str, str], names: dict[str, str] | None = None) -> T | None:
    """``save(values, version)``; on a conflict she decides field by field and ``values`` (updated in place with
    what she took from them) is saved over the version she has now seen. None: she cancelled, nothing saved."""
    while True:
        try:
            return save(values, version)
        except SaveConflict as conflict:
            if not conflict.fields:  # nothing to choose between: said as any other error
                raise
            dialog = ConflictDialog(conflict, labels, names, parent)
            if not dialog.exec():
                return None
            for name, value in dialog.taken_from_them().items():
                values[name] = list(value) if isinstance(value, list) else value
            version = conflict.version

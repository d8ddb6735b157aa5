"""The conflicts tab: records changed on both sides, decided field by field.

For each field that differs the person keeps this database's value, takes the other version's,
or types a new one. The decision is written with the usual stamps and recorded, field by field,
in the audit log; it travels with the next export and replaces every version it decided between.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QScrollArea, QSplitter,
    QVBoxLayout, QWidget,
)

from counsel_desk.services.formatting import listed, shown_date
from counsel_desk.sync import conflicts
from counsel_desk.sync.conflicts import Choice, ConflictDetail
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.widgets.rows import RowsModel, table_view
from counsel_desk.ui.widgets.text import fmt

KEEP, EDIT = "mine", "edit"


class FieldChoice:
    """The widgets of one differing field: its values and what the person chose."""

    def __init__(self, key: str, combo: QComboBox, edit: QLineEdit):
        self.key, self.combo, self.edit = key, combo, edit

    def choice(self) -> Choice:
        data = self.combo.currentData()
        if data == KEEP:
            return Choice("mine")
        if data == EDIT:
            return Choice("edit", value=self.edit.text())
        return Choice("theirs", version=int(data))


class ConflictsTab(QWidget):
    resolved = Signal(str)  # conflict id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.detail: ConflictDetail | None = None
        self.choices: list[FieldChoice] = []
        explain = QLabel(self.tr(
            "These records were changed here and elsewhere since the two last met. Nothing was overwritten: "
            "the list shows the version this database shows now (\"mine\") and the other one. Decide field by "
            "field; the decision goes with your next export."))
        explain.setWordWrap(True)
        self.model = RowsModel([self.tr("Kind"), self.tr("Record"), self.tr("Fields"), self.tr("Found"),
                                self.tr("From")], parent=self)
        self.view = table_view(self.model, "conflictList", alternate=True)
        for col, width in ((0, 110), (1, 240), (2, 180), (3, 100)):
            self.view.setColumnWidth(col, width)
        self.heading = QLabel()
        self.heading.setObjectName("conflictHeading")
        self.heading.setWordWrap(True)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        for col, stretch in ((1, 3), (2, 3), (4, 2)):
            self.grid.setColumnStretch(col, stretch)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        self.apply_button = QPushButton(self.tr("Apply decision"))
        self.apply_button.setObjectName("conflictApply")
        self.status = QLabel()
        self.status.setObjectName("conflictStatus")
        self.status.setWordWrap(True)

        detail = QWidget()
        dl = QVBoxLayout(detail)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.addWidget(self.heading)
        dl.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addStretch(1)
        dl.addLayout(buttons)
        dl.addWidget(self.status)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(detail)
        split.setSizes([200, 320])
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(split, 1)

        self.view.selectionModel().selectionChanged.connect(lambda *_: self.show_selected())
        self.apply_button.clicked.connect(self.apply)
        self.reload()

    def reload(self) -> int:
        items = conflicts.list_conflicts(self.ctx.db)
        self.model.set_values([[c.entity_title, c.label, listed(c.fields),
                              shown_date(c.detected_at.astimezone().date()) if c.detected_at else "", c.source]
                             for c in items], [c.id for c in items])
        if items:
            self.view.selectRow(0)
        else:
            self._show(None)
        self.view.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        return len(items)

    def selected_id(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def show_selected(self) -> None:
        cid = self.selected_id()
        self._show(conflicts.conflict_detail(self.ctx.db, cid) if cid else None)

    def _clear_grid(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()  # gone from view now; deleted when control returns to the event loop
                widget.deleteLater()
        self.choices = []

    def _show(self, detail: ConflictDetail | None) -> None:
        self.detail = detail
        self._clear_grid()
        self.apply_button.setEnabled(detail is not None and not self.ctx.db.read_only)
        if detail is None:
            self.heading.setText(self.tr("No conflicts: every record agrees."))
            return
        s = detail.summary
        self.heading.setText(fmt(self.tr("%1 “%2” — mine (shown now): %3; theirs: %4"), s.entity_title, s.label,
                                 detail.mine_stamp, "；".join(detail.their_stamps)))
        for col, title in enumerate((self.tr("Field"), self.tr("Mine (shown now)"), self.tr("Theirs"),
                                     self.tr("Decision"), self.tr("New value"))):
            head = QLabel(f"<b>{title}</b>")
            self.grid.addWidget(head, 0, col)
        for row, f in enumerate(detail.fields, 1):
            mine = QLabel(f.mine or self.tr("(empty)"))
            mine.setWordWrap(True)
            theirs = QLabel("\n".join(t or self.tr("(empty)") for t in f.theirs))
            theirs.setWordWrap(True)
            combo = QComboBox()
            combo.setObjectName(f"choice_{f.key}")
            combo.addItem(self.tr("Keep mine"), KEEP)
            for n in range(len(f.theirs)):
                label = self.tr("Take theirs") if len(f.theirs) == 1 else fmt(self.tr("Take version %1"), str(n + 1))
                combo.addItem(label, str(n))
            if f.editable:
                combo.addItem(self.tr("Edit"), EDIT)
            edit = QLineEdit(f.mine)
            edit.setObjectName(f"edit_{f.key}")
            edit.setMinimumWidth(180)
            edit.setEnabled(False)
            combo.currentIndexChanged.connect(lambda _i, c=combo, e=edit: e.setEnabled(c.currentData() == EDIT))
            for col, w in enumerate((QLabel(f.title), mine, theirs, combo, edit)):
                self.grid.addWidget(w, row, col, Qt.AlignmentFlag.AlignTop)
            self.choices.append(FieldChoice(f.key, combo, edit))
        self.grid.setRowStretch(len(detail.fields) + 1, 1)

    def apply(self) -> None:
        if self.detail is None:
            return
        from counsel_desk.ui.messages import describe, guarded

        cid = self.detail.summary.id
        choices = {c.key: c.choice() for c in self.choices}
        with guarded(self, title=self.tr("Conflict")) as done:
            self.ctx.wait_until_writable()
            conflicts.resolve(self.ctx.db, cid, choices, actor=self.ctx.actor)
        if not done:
            self.status.setText(describe(done.error) if done.error else "")
            return
        self.status.setText(fmt(self.tr("Decided: “%1”. The decision is in the audit log and goes with your next export."),
                                self.detail.summary.label))
        self.ctx.announce_everything_changed()
        self.reload()
        self.resolved.emit(cid)

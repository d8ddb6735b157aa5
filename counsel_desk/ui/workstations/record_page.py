"""A list with an editor beside it: the shape of the public-space and center-event pages.

The left side is a :class:`ListPanel`; the right side edits the selected record (or a new one)
with Save and Delete, shows a broken rule in red under the form, and leaves room below the form
for what a record has besides its fields (linked proposals, photos). Subclasses give the form,
the service calls and the signal that announces a change.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from counsel_desk.errors import UserError
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.empty_state import show_when_empty
from counsel_desk.ui.messages import confirm, guarded
from counsel_desk.ui.page_contract import PageHooks
from counsel_desk.ui.widgets.conflict_dialog import save_resolving
from counsel_desk.ui.widgets.fit import scrolling
from counsel_desk.ui.workstations.list_panel import ListPanel, PanelPage
from counsel_desk.ui.widgets.text import fmt
from counsel_desk.ui.widgets.fields import FieldError


class RecordListPage(PanelPage, PageHooks, QWidget):
    offers_new_record = True

    def __init__(self, ctx: AppContext, parent: QWidget | None, *, panel: ListPanel, changed_signal):
        super().__init__(parent)
        self.ctx = ctx
        self.record_id: str | None = None
        self.record_version: int | None = None
        self.panel = panel
        self.changed_signal = changed_signal
        self._loading = False
        self._shown_once = False
        self.dirty = False

        self.heading = QLabel()  # subclasses name the page and its New button
        self.heading.setProperty("role", "pageTitle")
        self.new_button = QPushButton()
        self.empty_hint = show_when_empty(panel.view, lambda: fmt(self.tr(
            "Nothing here yet. Press “%1” above to add the first one."), self.new_button.text()),
            narrowed=panel.narrowed, clear=panel.clear_filters)
        head = QHBoxLayout()
        head.addWidget(self.heading)
        head.addStretch(1)
        head.addWidget(self.new_button)

        self.editor_title = QLabel()
        self.editor_title.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.form = QFormLayout()
        self.error = FieldError()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.delete_button = QPushButton(self.tr("Delete"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.save_button)
        self.extra = QVBoxLayout()  # below the form: linked records, photos
        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.addWidget(self.editor_title)
        editor_layout.addLayout(self.form)
        editor_layout.addWidget(self.error)
        editor_layout.addLayout(self.extra)
        editor_layout.addStretch(1)
        # the form scrolls on a small screen; Save and Delete stay below it, always in sight
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(scrolling(editor), 1)
        side_layout.addLayout(buttons)
        side.setMinimumWidth(380)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(panel)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addWidget(splitter, 1)

        self.new_button.clicked.connect(self.new_record)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        panel.selection_changed.connect(self._selected)
        for signal in (changed_signal, ctx.data_imported):
            signal.connect(self.data_changed)

    # --- for subclasses ---------------------------------------------------------------------------
    def load_record(self, record: Any | None) -> None:
        raise NotImplementedError

    def values(self) -> dict:
        raise NotImplementedError

    def get(self, record_id: str) -> Any:
        raise NotImplementedError

    def create(self, fields: dict) -> Any:
        raise NotImplementedError

    def update(self, record_id: str, fields: dict) -> Any:
        raise NotImplementedError

    def remove(self, record_id: str) -> None:
        raise NotImplementedError

    def describe(self, record: Any | None) -> str:
        """The editor's heading for a record (None: a new one)."""
        raise NotImplementedError

    def mark_dirty(self, *_args) -> None:
        if not self._loading:
            self.dirty = True

    # --- the main window's hooks ------------------------------------------------------------------
    def new_record(self) -> None:
        if not self._may_leave():
            return
        self.panel.view.clearSelection()
        self.show_record(None)

    def can_close(self) -> bool:
        return self._may_leave()

    # --- editing --------------------------------------------------------------------------------
    def show_record(self, record_id: str | None) -> None:
        record = None
        if record_id:
            try:
                record = self.get(record_id)
            except UserError:
                record = None
        self.record_id = record.id if record is not None else None
        self.record_version = record.version if record is not None else None  # a save refuses a record saved since
        self._loading = True
        try:
            self.load_record(record)
        finally:
            self._loading = False
        self.dirty = False
        self.error.clear_message()
        self.editor_title.setText(self.describe(record))
        self.delete_button.setEnabled(record is not None)

    def save(self) -> bool:
        with guarded(self, into=self.error) as done:
            fields = self.values()
            if self.record_id is None:
                record = self.create(fields)
            else:  # saved by someone else meanwhile: she decides field by field (ui/widgets/conflict_dialog)
                record_id = self.record_id
                record = save_resolving(self, lambda values, version: self.update(record_id, values, version),
                                        fields, self.record_version, self.field_labels(), self.value_names())
                if record is None:
                    return False
        if not done:
            return False
        self.dirty = False
        self.record_id = record.id
        self.panel.reload()
        self.panel.select_id(record.id)
        self.show_record(record.id)
        self.ctx.status_message.emit(self.tr("Saved."))
        return True

    def field_labels(self) -> dict[str, str]:
        """The form's label of each field :meth:`values` gives (named in the conflict dialog)."""
        return {}

    def value_names(self) -> dict[str, str]:
        """What to show for a code or id a field holds (counties by name); the conflict dialog uses it."""
        from counsel_desk.services.places.places import counties

        return {c.id: c.name for c in counties(self.ctx.db.session_factory)}

    def delete(self) -> None:
        if self.record_id is None or not confirm(self, fmt(self.tr("Delete %1?"),
                                                           self.editor_title.text()), do=self.tr("Delete")):
            return
        with guarded(self) as done:
            self.remove(self.record_id)
        if not done:
            return
        self.dirty = False
        self.panel.reload()
        self.show_record(None)

    def _selected(self, record_id: str) -> None:
        if record_id and record_id != self.record_id:
            if self._may_leave():
                self.show_record(record_id)
            elif self.record_id:
                self.panel.select_id(self.record_id)

    def _may_leave(self) -> bool:
        if not self.dirty:
            return True
        if confirm(self, fmt(self.tr("Changes to %1 were not saved. Discard them?"), self.editor_title.text()),
                   do=self.tr("Discard")):
            self.dirty = False
            return True
        return False

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            # open on the first record rather than an empty form, unless one is being typed already
            first = self.panel.model.id_at(0)
            if first and self.record_id is None and not self.dirty:
                self.panel.select_id(first)

    def reload_now(self) -> None:
        self.panel.reload()
        if self.record_id and not self.dirty:
            self.show_record(self.record_id)

"""輔導員名單 — the center's counselors: add, rename, e-mail and phone, deactivate.

Someone with records is deactivated, never removed: old visits keep her name, new ones stop
offering her. Reached from 編輯 → 輔導員名單… and from the counselor list of every editor.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QVBoxLayout, QWidget,
)

from counsel_desk.errors import ValidationError
from counsel_desk.services.people.roster import RosterEntry, RosterService
from counsel_desk.ui import messages
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.widgets.rows import SmallTableModel, table_view
from counsel_desk.ui.widgets.conflict_dialog import save_resolving
from counsel_desk.ui.widgets.fit import fit_window
from counsel_desk.ui.visits.widgets import FormDialog
from counsel_desk.ui import settings as options
from counsel_desk.ui.widgets.text import fmt
from counsel_desk.ui.theme import MUTED


class RosterModel(SmallTableModel[RosterEntry]):
    COL_NAME, COL_EMAIL, COL_PHONE, COL_STATUS, COL_RECORDS = range(5)

    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self._titles = [self.tr("Name"), self.tr("E-mail"), self.tr("Phone"), self.tr("Status"), self.tr("Records")]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        e = self.row_at(index.row()) if index.isValid() else None
        if e is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            status = self.tr("Active") if e.active else self.tr("Deactivated")
            return [e.name, e.email, e.phone, status, f"{e.records:,}"][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and not e.active:
            return QBrush(QColor(MUTED))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.COL_RECORDS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class CounselorDialog(FormDialog):
    """Name, e-mail and phone of a new counselor or one on the roster; OK saves through ``save``."""

    def __init__(self, parent: QWidget | None, save: Callable[[str, str, str], None],
                 entry: RosterEntry | None = None):
        super().__init__(parent)
        self.setObjectName("counselorDialog")
        self.setWindowTitle(self.tr("Counselor") if entry else self.tr("New counselor"))
        self._save = save
        self.name = QLineEdit(entry.name if entry else "")
        self.name.setObjectName("counselorName")
        self.name.setMinimumWidth(300)
        self.email = QLineEdit(entry.email if entry else "")
        self.email.setObjectName("counselorEmail")
        self.email.setPlaceholderText("name@example.org")
        self.phone = QLineEdit(entry.phone if entry else "")
        self.phone.setObjectName("counselorPhone")
        self.add_row(self.tr("Name"), self.name, "name")
        self.add_row(self.tr("E-mail"), self.email, "email")
        self.add_row(self.tr("Phone"), self.phone, "phone")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Save") if entry else self.tr("Add"))
        self.name.setFocus()
        fit_window(self, "counselorDialog", self.sizeHint())

    def submit(self) -> None:
        self._save(self.name.text(), self.email.text(), self.phone.text())

    def labels(self) -> dict[str, str]:
        """The fields as the conflict dialog names them (someone else saved the counselor first)."""
        return {"name": self.tr("Name"), "email": self.tr("E-mail"), "phone": self.tr("Phone")}


class RosterDialog(QDialog):
    """The roster as a list with Add / Edit / Deactivate / Remove."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("rosterDialog")
        self.setWindowTitle(self.tr("Counselors"))
        self.service = RosterService(ctx.services())
        self.dialog: CounselorDialog | None = None

        intro = QLabel(self.tr("The counselors of your center. Visits, support records and proposals offer the "
                               "active ones; someone who leaves is deactivated, and old records keep the name."))
        intro.setWordWrap(True)
        self.model = RosterModel(self)
        self.view = table_view(self.model, "rosterTable", fit=True)
        self.empty = QLabel(self.tr("Nobody on the roster yet. Press “Add counselor…” and start with yourself."))
        self.empty.setObjectName("rosterEmpty")
        self.empty.setWordWrap(True)
        self.show_inactive = QCheckBox(self.tr("Show deactivated counselors"))
        self.show_inactive.setObjectName("showInactive")

        self.add_button = QPushButton(self.tr("Add counselor…"))
        self.add_button.setObjectName("addCounselor")
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName("editCounselor")
        self.active_button = QPushButton(self.tr("Deactivate"))
        self.active_button.setObjectName("toggleActive")
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removeCounselor")
        self.remove_button.setToolTip(self.tr("Only for someone added by mistake, with no records"))
        row = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.active_button, self.remove_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.show_inactive)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addLayout(row)
        layout.addWidget(close)
        fit_window(self, "roster", (640, 420), settings=ctx.settings)

        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_current)
        self.active_button.clicked.connect(self.toggle_current)
        self.remove_button.clicked.connect(self.remove_current)
        self.show_inactive.toggled.connect(lambda _on: self.reload())
        self.view.activated.connect(lambda _i: self.edit_current())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.reload()
        self.add_button.setFocus()

    # --- showing -----------------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        keep = select or (self.current().id if self.current() else None)
        entries = self.service.entries(include_inactive=self.show_inactive.isChecked())
        self.model.set_rows(entries)
        self.empty.setVisible(not entries)
        for r, e in enumerate(entries):
            if e.id == keep:
                self.view.selectRow(r)
        self._enable()

    def current(self) -> RosterEntry | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return self.model.row_at(rows[0].row()) if rows else None

    def _enable(self) -> None:
        e = self.current()
        self.edit_button.setEnabled(e is not None)
        self.active_button.setEnabled(e is not None)
        self.active_button.setText(self.tr("Reactivate") if e is not None and not e.active else self.tr("Deactivate"))
        self.remove_button.setEnabled(e is not None and e.records == 0)

    def _changed(self, select: str | None = None) -> None:
        self.reload(select)

    # --- actions -----------------------------------------------------------------------------------
    def add(self) -> CounselorDialog:
        def save(name: str, email: str, phone: str) -> None:
            created = self.ctx.run(self.service.add, name, email, phone)
            self._changed(created.id)
            self.ctx.status_message.emit(fmt(self.tr("%1 added to the roster."), created.name))

        return self._open(CounselorDialog(self, save))

    def edit_current(self) -> CounselorDialog | None:
        entry = self.current()
        if entry is None:
            return None

        def save(name: str, email: str, phone: str) -> None:
            me = entry.name == self.ctx.actor
            saved = save_resolving(dialog, lambda v, version: self.ctx.run(
                self.service.update, entry.id, v["name"], v["email"], v["phone"], version),
                {"name": name, "email": email, "phone": phone}, entry.version, dialog.labels())
            if saved is None:  # she closed the comparison: the dialog stays open with what she typed
                raise ValidationError("尚未儲存：您關閉了衝突視窗，可再按「儲存」重新比對。",
                                      "Not saved: you closed the comparison; press Save to compare again.")
            if me and saved.name != entry.name:  # she renamed herself: changes are recorded under the new name
                options.USER_NAME.set(self.ctx.settings, saved.name)
                self.ctx.settings.sync()
            self._changed(saved.id)

        dialog = CounselorDialog(self, save, entry)
        return self._open(dialog)

    def _open(self, dialog: CounselorDialog) -> CounselorDialog:
        self.dialog = dialog
        dialog.open()
        return dialog

    def toggle_current(self) -> None:
        entry = self.current()
        if entry is None:
            return
        with messages.guarded(self) as done:
            self.ctx.run(self.service.set_active, entry.id, not entry.active)
        if not done:
            return
        self._changed(entry.id)
        text = self.tr("%1 reactivated.") if not entry.active else self.tr(
            "%1 deactivated: old records keep the name; new ones no longer offer it.")
        self.ctx.status_message.emit(fmt(text, entry.name))

    def remove_current(self) -> None:
        entry = self.current()
        if entry is None:
            return
        if not messages.ask(self, fmt(self.tr("Remove %1 from the roster?"), entry.name),
                            self.tr("Remove"), self.tr("Keep")):
            return
        with messages.guarded(self) as done:
            self.ctx.run(self.service.remove, entry.id)
        if not done:
            return
        self._changed()

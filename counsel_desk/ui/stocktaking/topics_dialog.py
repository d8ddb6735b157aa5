"""推動課題 — the center's managed list of coded issue topics: add, rename, retire, bring back, delete.

A topic any visit or township carries is retired, never deleted: old records keep it, new ones stop
offering it. Every change goes through ``services.places.stocktaking`` (audited, travels in the interchange
workbook). Reached from 編輯 → 推動課題… and from wherever topics are picked (the visit editor's topic
menu, the township panel).
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from counsel_desk.errors import ValidationError
from counsel_desk.services.places import issue_topics
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.places.issue_topics import TopicUse
from counsel_desk.ui import messages
from counsel_desk.ui.theme import MUTED
from counsel_desk.ui.visits.widgets import FormDialog
from counsel_desk.ui.widgets.conflict_dialog import save_resolving
from counsel_desk.ui.widgets.fit import fit_window
from counsel_desk.ui.widgets.rows import RowsModel, table_view
from counsel_desk.ui.widgets.text import fmt


class TopicDialog(FormDialog):
    """Code (new topics only), Chinese and English name; OK saves through ``save``."""

    def __init__(self, parent: QWidget | None, save: Callable[[str, str, str], None],
                 topic: issue_topics.Topic | None = None):
        super().__init__(parent)
        self.setObjectName("topicDialog")
        self.setWindowTitle(self.tr("Issue topic") if topic else self.tr("New issue topic"))
        self._save = save
        self.code = QLineEdit(topic.code if topic else "")
        self.code.setObjectName("topicCode")
        self.code.setPlaceholderText(self.tr("e.g. WATER"))
        self.code.setMaxLength(16)
        self.code.setReadOnly(topic is not None)  # records and other laptops know a topic by its code
        if topic is not None:
            self.code.setToolTip(self.tr("A topic's code never changes: records and other computers know it by it."))
        self.name = QLineEdit(topic.name if topic else "")
        self.name.setObjectName("topicName")
        self.name.setMinimumWidth(320)
        self.name_en = QLineEdit(topic.name_en if topic else "")
        self.name_en.setObjectName("topicNameEn")
        self.add_row(self.tr("Code"), self.code, "code")
        self.add_row(self.tr("Name (Chinese)"), self.name, "name")
        self.add_row(self.tr("English name"), self.name_en, "name_en")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Save") if topic else self.tr("Add"))
        (self.name if topic else self.code).setFocus()
        fit_window(self, "topicDialog", self.sizeHint())

    def submit(self) -> None:
        self._save(self.code.text(), self.name.text(), self.name_en.text())

    def labels(self) -> dict[str, str]:
        """The fields as the conflict dialog names them (someone else renamed the topic first)."""
        return {"name": self.tr("Name (Chinese)"), "name_en": self.tr("English name")}


class TopicsDialog(QDialog):
    """The list of 推動課題 with Add / Rename / Retire / Delete; ``topics_changed`` after any change."""

    topics_changed = Signal()

    def __init__(self, services: ServiceContext, parent: QWidget | None = None, *, settings: QSettings | None = None,
                 before_write: Callable[[], None] | None = None):
        super().__init__(parent)
        self.services = services
        # before each write: while another program writes the file, wait in sight (AppContext.wait_until_writable)
        self.before_write = before_write or (lambda: None)
        self.setObjectName("topicsDialog")
        self.setWindowTitle(self.tr("Issue topics"))
        self.dialog: TopicDialog | None = None

        intro = QLabel(self.tr("The recurring issues counselors tag on visits and townships, counted in "
                               "the township panel and the monthly report. A topic that records carry is retired, "
                               "not deleted: old records keep it, new ones no longer offer it."))
        intro.setWordWrap(True)
        self.model = RowsModel([self.tr("Code"), self.tr("Name"), self.tr("English name"), self.tr("Status"),
                                self.tr("Visits"), self.tr("Townships")], self, right=(4, 5))
        self.view = table_view(self.model, "topicsTable", fit=True, stretch=2)  # the English name takes the room

        self.add_button = QPushButton(self.tr("Add topic…"))
        self.add_button.setObjectName("addTopic")
        self.edit_button = QPushButton(self.tr("Rename…"))
        self.edit_button.setObjectName("renameTopic")
        self.active_button = QPushButton(self.tr("Retire"))
        self.active_button.setObjectName("retireTopic")
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("deleteTopic")
        self.delete_button.setToolTip(self.tr("Only for a topic added by mistake, that no visit or township carries"))
        row = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.active_button, self.delete_button):
            row.addWidget(b)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        layout.addWidget(close)
        fit_window(self, "topics", (760, 480), settings=settings)

        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_current)
        self.active_button.clicked.connect(self.toggle_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.view.activated.connect(lambda _i: self.edit_current())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.reload()

    # --- showing -----------------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        current = self.current()
        keep = select or (current.topic.id if current else None)
        uses = issue_topics.topic_uses(self.services)
        self.model.set_rows((u, [u.topic.code, u.topic.name, u.topic.name_en,
                                 self.tr("In use") if u.topic.active else self.tr("Retired"), u.visits, u.townships],
                             None if u.topic.active else MUTED) for u in uses)
        for r, u in enumerate(uses):
            if u.topic.id == keep:
                self.view.selectRow(r)
        self._enable()

    def current(self) -> TopicUse | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return self.model.id_at(rows[0].row()) if rows else None

    def select_code(self, code: str) -> None:
        for r in range(self.model.rowCount()):
            u = self.model.id_at(r)
            if u is not None and u.topic.code == code:
                self.view.selectRow(r)

    def _enable(self) -> None:
        u = self.current()
        self.edit_button.setEnabled(u is not None)
        self.active_button.setEnabled(u is not None)
        self.active_button.setText(self.tr("Bring back") if u is not None and not u.topic.active else self.tr("Retire"))
        self.delete_button.setEnabled(u is not None and u.tags == 0)

    def _changed(self, select: str | None = None) -> None:
        self.reload(select)
        self.topics_changed.emit()

    # --- actions -----------------------------------------------------------------------------------
    def add(self) -> TopicDialog:
        def save(code: str, name: str, name_en: str) -> None:
            self.before_write()
            self._changed(issue_topics.add_topic(self.services, code, name, name_en).id)

        return self._open(TopicDialog(self, save))

    def edit_current(self) -> TopicDialog | None:
        u = self.current()
        if u is None:
            return None

        def save(_code: str, name: str, name_en: str) -> None:
            self.before_write()
            saved = save_resolving(dialog, lambda v, version: issue_topics.rename_topic(
                self.services, u.topic.id, v["name"], v["name_en"], version), {"name": name, "name_en": name_en},
                u.topic.version, dialog.labels())
            if saved is None:  # she closed the comparison: the dialog stays open with what she typed
                raise ValidationError("尚未儲存：您關閉了衝突視窗，可再按「儲存」重新比對。",
                                      "Not saved: you closed the comparison; press Save to compare again.")
            self._changed(saved.id)

        dialog = TopicDialog(self, save, u.topic)
        return self._open(dialog)

    def _open(self, dialog: TopicDialog) -> TopicDialog:
        self.dialog = dialog
        dialog.open()
        return dialog

    def toggle_current(self) -> None:
        u = self.current()
        if u is None:
            return
        with messages.guarded(self) as done:
            self.before_write()
            issue_topics.set_topic_active(self.services, u.topic.id, not u.topic.active)
        if not done:
            return
        self._changed(u.topic.id)

    def delete_current(self) -> None:
        u = self.current()
        if u is None:
            return
        if not messages.ask(self, fmt(self.tr("Delete the topic %1?"), u.topic.label), self.tr("Delete"),
                            self.tr("Keep")):
            return
        with messages.guarded(self) as done:
            self.before_write()
            issue_topics.delete_topic(self.services, u.topic.id)
        if not done:
            return
        self._changed()

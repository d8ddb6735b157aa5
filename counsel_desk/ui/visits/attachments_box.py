"""The attachments part of the visit editor: add photos and documents, open them, take them off.

Files are copied into the data folder as soon as they are picked (SHA-256 names, stored once),
so they open right away; the visit's attachment rows are written when the visit is saved.
Dropping files onto the list works too.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from counsel_desk.errors import UserError
from counsel_desk.services.attachments import AttachmentItem, AttachmentService, human_size
from counsel_desk.ui import messages
from counsel_desk.ui.widgets.fields import FieldError


class _DropList(QListWidget):
    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAcceptDrops(True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.files_dropped.emit(paths)
            event.acceptProposedAction()


class AttachmentsBox(QWidget):
    changed = Signal()

    def __init__(self, service: AttachmentService, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self._items: list[AttachmentItem] = []
        self.list = _DropList()
        self.list.setObjectName("attachmentList")
        self.list.setToolTip(self.tr("Drop files here to attach them"))
        self.list.itemActivated.connect(lambda _item: self.open_selected())
        self.add_button = QPushButton(self.tr("Add files…"))
        self.add_button.setObjectName("addAttachment")
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setObjectName("openAttachment")
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removeAttachment")
        self.error = FieldError()
        buttons = QHBoxLayout()
        for b in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.choose_files)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.files_dropped.connect(self.add_files)
        self.list.currentRowChanged.connect(lambda _r: self._enable())
        self._enable()

    def items(self) -> list[AttachmentItem]:
        return list(self._items)

    def set_items(self, items: list[AttachmentItem]) -> None:
        self._items = list(items)
        self._refresh()

    def _refresh(self) -> None:
        self.list.clear()
        for item in self._items:
            row = QListWidgetItem(f"{item.filename}  ({human_size(item.size_bytes)})")
            row.setToolTip(item.filename)
            self.list.addItem(row)
        self._enable()

    def _enable(self) -> None:
        has = 0 <= self.list.currentRow() < len(self._items)
        self.open_button.setEnabled(has)
        self.remove_button.setEnabled(has)

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"), str(Path.home()),
                                                self.tr("Photos and documents (*.jpg *.jpeg *.png *.heic *.pdf "
                                                        "*.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.txt);;"
                                                        "All files (*)"))
        if names:
            self.add_files(names)

    def add_files(self, paths: list[str]) -> None:
        problems = []
        for p in paths:
            try:
                item = self.service.store_file(p)
            except UserError as exc:
                problems.append(exc.message)
                continue
            if any(i.sha256 == item.sha256 for i in self._items):
                continue  # attached already
            self._items.append(item)
        self._refresh()
        self.error.show_message("\n".join(problems))
        if len(problems) < len(paths):
            self.list.setCurrentRow(len(self._items) - 1)
            self.changed.emit()

    def open_selected(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self._items):
            return
        with messages.guarded(self) as done:
            path = self.service.viewable_path(self._items[row])
        if not done:
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._items):
            del self._items[row]
            self._refresh()
            self.error.clear_message()
            self.changed.emit()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Delete and self.list.hasFocus():
            self.remove_selected()
            return
        super().keyPressEvent(event)

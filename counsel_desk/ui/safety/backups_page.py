"""The backups page (備份): the list of backups, back up now, restore (safety backup first), the folder.

Backups are few (retention keeps about 130 at most), so the table is a small model filled with
``set_rows``. Backing up and restoring run off the GUI thread with a progress dialog; a restore
asks first and says plainly that the current data is kept as a safety backup.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from counsel_desk.i18n import pick
from counsel_desk.services.safety import backup
from counsel_desk.services.safety.backup import BackupInfo
from counsel_desk.services.formatting import file_size, shown_datetime
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.messages import confirm
from counsel_desk.ui.page_contract import PageHooks
from counsel_desk.ui.page_titles import page_title
from counsel_desk.ui.safety.server_backups import ServerBackupPanel
from counsel_desk.ui.widgets.rows import SmallTableModel, table_view
from counsel_desk.ui.tasks import run_task
from counsel_desk.ui.widgets.text import fmt

COL_WHEN, COL_KIND, COL_SIZE, COL_FILE = range(4)


def when_text(info: BackupInfo) -> str:
    return shown_datetime(info.taken_at, seconds=True)


class BackupTableModel(SmallTableModel[BackupInfo]):
    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self._titles = [self.tr("When"), self.tr("Kind"), self.tr("Size"), self.tr("File")]

    def backup_at(self, row: int) -> BackupInfo | None:
        return self.row_at(row)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        info = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_WHEN:
                return when_text(info)
            if col == COL_KIND:
                return pick(*backup.reason_label(info.reason))
            if col == COL_SIZE:
                return file_size(info.size)
            if col == COL_FILE:
                return info.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(info.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class BackupsPage(PageHooks, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("backupsPage")
        self.ctx = ctx
        title = QLabel(page_title("backups"))
        title.setProperty("role", "pageTitle")
        explain = QLabel(self.tr(
            "The desk backs up by itself: at start when the last backup is older than a day, every 30 minutes "
            "while data changes, and before every import and restore. Each backup is checked before it is kept. "
            "Kept: everything from the last 48 hours, then one a day for 14 days, one a week for 8 weeks and one "
            "a month for 12 months."))
        explain.setWordWrap(True)
        self.folder_label = QLabel()
        self.folder_label.setObjectName("backupFolder")
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.setObjectName("backupNow")
        self.restore_button = QPushButton(self.tr("Restore this backup…"))
        self.restore_button.setObjectName("restoreBackup")
        self.restore_file_button = QPushButton(self.tr("Restore from a file…"))
        self.restore_file_button.setObjectName("restoreFromFile")
        self.folder_button = QPushButton(self.tr("Open folder"))
        self.folder_button.setObjectName("openBackupFolder")
        self.status = QLabel()
        self.status.setObjectName("backupStatus")
        self.status.setWordWrap(True)
        self.model = BackupTableModel(self)
        self.view = table_view(self.model, "backupTable", alternate=True, stretch=COL_FILE)
        for col, width in ((COL_WHEN, 170), (COL_KIND, 170), (COL_SIZE, 90)):
            self.view.setColumnWidth(col, width)

        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.restore_file_button)
        buttons.addStretch(1)
        buttons.addWidget(self.folder_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addWidget(self.folder_label)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)

        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button.clicked.connect(self.restore_from_file)
        self.folder_button.clicked.connect(self.open_folder)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.server_panel = ServerBackupPanel(ctx, self) if ctx.db.is_server else None
        if self.server_panel is not None:  # a server is backed up by pg_dump on the server, not from here
            for w in (explain, self.folder_label, self.backup_button, self.restore_button, self.restore_file_button,
                      self.folder_button, self.status, self.view):
                w.hide()
            layout.addWidget(self.server_panel)
            layout.addStretch(1)
        self.view.activated.connect(lambda _i: self.restore_selected())
        ctx.backup_made.connect(lambda _p: self.reload())
        if ctx.db.read_only:
            for b in (self.restore_button, self.restore_file_button):
                b.setToolTip(self.tr("A read-only database can't be restored into."))
        self.reload()

    # --- page API ----------------------------------------------------------------------------------
    def page_activated(self) -> None:
        self.reload()

    def reload(self) -> None:
        if self.server_panel is not None:
            self.server_panel.reload()
            return
        self.folder_label.setText(fmt(self.tr("Folder: %1"), str(self.ctx.db.backups_dir)))
        selected = self.selected_backup()
        self.model.set_rows(backup.list_backups(self.ctx.db.path))
        if selected is not None:
            for row in range(self.model.rowCount()):
                if self.model.backup_at(row).path == selected.path:
                    self.view.selectRow(row)
        self._update_buttons()

    def selected_backup(self) -> BackupInfo | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return self.model.backup_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        writable = not self.ctx.db.read_only
        self.restore_button.setEnabled(writable and self.selected_backup() is not None)
        self.restore_file_button.setEnabled(writable)

    # --- actions -------------------------------------------------------------------------------------
    def back_up_now(self) -> None:
        db_path = self.ctx.db.path
        self.backup_button.setEnabled(False)
        self.status.setText(self.tr("Backing up…"))

        def done(path: Path) -> None:
            self.backup_button.setEnabled(True)
            self.status.setText(fmt(self.tr("Backed up to %1 (integrity check passed)."), path.name))
            self.ctx.backup_made.emit(str(path))

        def failed(exc: BaseException) -> None:
            from counsel_desk.ui.messages import describe, show_error

            self.backup_button.setEnabled(True)
            self.status.setText(fmt(self.tr("The backup failed: %1"), describe(exc)))
            show_error(self, exc, self.tr("Back up now"))

        self.task = run_task(lambda progress: backup.make_backup(db_path, "manual", progress=progress),
                             on_done=done, on_error=failed, parent=self, title=self.tr("Backing up…"))

    def restore_selected(self) -> None:
        info = self.selected_backup()
        if info is None or self.ctx.db.read_only:
            return
        self._restore(info.path, when_text(info))

    def restore_from_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Restore from a backup file"),
                                              str(self.ctx.db.backups_dir),
                                              self.tr("Desk backup (*.db);;All files (*)"))
        if name:
            self._restore(Path(name), Path(name).name)

    def _restore(self, path: Path, label: str) -> None:
        question = self.tr(
            "Restore the backup of %1?\n\nThe data as it is now is first saved as a safety backup, then replaced by "
            "the backup. Work done after %1 will no longer be in the database, but it stays in the safety backup.")
        if not confirm(self, fmt(question, label), self.tr("Restore backup")):
            return
        ctx = self.ctx
        actor = ctx.actor

        def done(result: backup.RestoreResult) -> None:
            text = self.tr("Restored from %1. The data from before is kept in the safety backup %2.")
            self.status.setText(fmt(text, result.restored_from.name, result.safety_backup.name))
            ctx.status_message.emit(self.status.text())
            ctx.backup_made.emit(str(result.safety_backup))
            ctx.announce_everything_changed()

        self.task = run_task(lambda progress: backup.restore(ctx.db, path, actor=actor, progress=progress),
                             on_done=done, parent=self, title=self.tr("Restoring…"))

    def open_folder(self) -> bool:
        folder = self.ctx.db.backups_dir
        folder.mkdir(parents=True, exist_ok=True)
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

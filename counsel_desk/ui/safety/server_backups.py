"""The backups page on a server database: the last ``pg_dump`` recorded on the server, or the next step.

A server is backed up on the server by ``counsel-desk server backup`` on a schedule (docs/server.md §5),
which records each run in the database; this panel reads the newest record (off the GUI thread) and says
when, on which computer, where and how big — or, when none was recorded, who does what next. A last
backup older than :data:`STALE_DAYS` is said as a warning.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from counsel_desk.services.formatting import file_size, shown_datetime
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.tasks import run_task
from counsel_desk.ui.widgets.text import fmt
from counsel_desk.ui.theme import ALERT

STALE_DAYS = 2


class ServerBackupPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        explain = QLabel(self.tr(
            "This database is on the center's server. It is backed up on the server with pg_dump, on a schedule "
            "the center's IT person sets up (counsel-desk server backup, see docs/server.md); a restore is done "
            "there too. The program itself keeps no copies of a server database."))
        explain.setWordWrap(True)
        self.last = QLabel(self.tr("Looking for the last server backup…"))
        self.last.setObjectName("serverBackup")
        self.last.setWordWrap(True)
        self.last.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.again = QPushButton(self.tr("Check again"))
        self.again.setObjectName("checkServerBackup")
        self.again.clicked.connect(self.reload)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(explain)
        layout.addWidget(self.last)
        layout.addWidget(self.again, 0, Qt.AlignmentFlag.AlignLeft)
        self.found = None  # the last store.server_backup.ServerBackup read (None: none recorded)

    def reload(self) -> None:
        from counsel_desk.store import server_backup

        engine = self.ctx.db.engine
        self.again.setEnabled(False)

        def failed(exc: BaseException) -> None:
            from counsel_desk.ui.messages import describe

            self.again.setEnabled(True)
            self.last.setText(fmt(self.tr("Could not read the server's backup record: %1"), describe(exc)))

        self.task = run_task(lambda _p: server_backup.last(engine), on_done=self.show_backup, on_error=failed,
                             parent=self)

    def show_backup(self, found) -> None:
        self.again.setEnabled(True)
        self.found = found
        if found is None:
            self.last.setStyleSheet(f"color: {ALERT};")
            self.last.setText(self.tr(
                "No backup of this server database has been recorded yet. Next step: ask the center's IT person to "
                "schedule \"counsel-desk server backup --db … --folder …\" on the server every day (Windows Task "
                "Scheduler or cron; docs/server.md, section 5)."))
            return
        local = found.taken_at.astimezone()
        text = fmt(self.tr("Last server backup: %1, on %2\nFile: %3\nSize: %4"),
                   shown_datetime(local), found.host, found.path, file_size(found.size))
        stale = datetime.now(timezone.utc) - found.taken_at > timedelta(days=STALE_DAYS)
        if stale:
            text += "\n" + fmt(self.tr("That is more than %1 days ago: ask the center's IT person to check the "
                                       "scheduled backup."), STALE_DAYS)
        self.last.setStyleSheet(f"color: {ALERT};" if stale else "")
        self.last.setText(text)

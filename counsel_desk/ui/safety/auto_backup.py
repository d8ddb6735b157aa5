"""Automatic backups while the app runs: at start, then every 30 minutes when data changed.

The decision and the copy happen off the GUI thread (``ui.tasks.run_task``); the service decides
whether a backup is due (``services.safety.backup.maybe_backup``), so a quiet half hour costs one small
query. A failure is shown in the status bar every time and in a message box once per session:
a full disk must not go unnoticed, nor nag every half hour.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer

from counsel_desk.services.safety import backup
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.messages import describe, show_error
from counsel_desk.ui.tasks import Task, run_task
from counsel_desk.ui.widgets.text import fmt

log = logging.getLogger(__name__)
INTERVAL_MS = int(backup.AUTO_EVERY.total_seconds() * 1000)


class AutoBackup(QObject):
    def __init__(self, ctx: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.run_now)
        self._task: Task | None = None
        self._warned = False

    def start(self) -> None:
        """Check right away (the at-start backup), then every 30 minutes."""
        if self.ctx.db.read_only:
            return
        self.run_now()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    @property
    def running(self) -> bool:
        return self._task is not None

    def run_now(self) -> None:
        if self._task is not None:
            return  # the previous one is still copying
        db = self.ctx.db
        self._task = run_task(lambda progress: backup.maybe_backup(db), on_done=self._done, on_error=self._failed)

    def _done(self, path) -> None:
        self._task = None
        if path is not None:
            self.ctx.backup_made.emit(str(path))

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        log.warning("automatic backup failed: %s", exc)
        self.ctx.status_message.emit(fmt(self.tr("Automatic backup failed: %1"), describe(exc)))
        if not self._warned:
            self._warned = True
            parent = self.parent()
            show_error(parent if parent is not None and parent.isWidgetType() else None, exc,
                       self.tr("Automatic backup failed"))

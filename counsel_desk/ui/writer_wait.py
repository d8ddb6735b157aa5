"""A save that meets a database another program is writing (an import in a second window or on the
command line) waits for it in plain sight, instead of freezing the window and then failing.

:func:`wait_for_writer` asks the file whether its write lock is free (``Database.writer_busy``, never
waiting). When it is taken, the save waits: quietly for a moment (most writes end in milliseconds), then
with a small window saying what is going on and a 「不等了」 button. The window stays responsive, the
lock is asked after again a few times a second, and the save goes through once it is free. Stopping the
wait leaves the save unmade (the caller's error boundary says so, with what she typed still on screen).

Between the question and the save another program may take the lock again; the save then waits as
every SQLite write does (``store.database.BUSY_TIMEOUT_MS``) and says so in words if it stays taken.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QThread, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget
from shiboken6 import isValid

if TYPE_CHECKING:
    from counsel_desk.store import Database

POLL_MS = 200  # how often the lock is asked after while the window waits
QUIET_S = 0.6  # waited without a window first: a colleague's ordinary save is over by then
QUIET_POLL_S = 0.05  # how often the lock is asked after meanwhile


def wait_for_writer(db: "Database", parent: QWidget | None = None) -> bool:
    """Return once nobody else is writing ``db``: True to go on with the save, False when she stopped
    waiting. Returns at once (True) when the lock is free, which is nearly always."""
    app = QApplication.instance()
    if app is None or QThread.currentThread() != app.thread():
        return True  # off the GUI thread there is no window to wait in: SQLite's own wait applies
    if not db.writer_busy():
        return True
    until = time.monotonic() + QUIET_S
    while time.monotonic() < until:
        time.sleep(QUIET_POLL_S)
        if not db.writer_busy():
            return True
    active = QApplication.activeWindow()
    return _wait_in_sight(db, parent or (active if active is not None and active.isVisible() else None))


def _wait_in_sight(db: "Database", parent: QWidget | None) -> bool:
    dialog = QProgressDialog(
        QCoreApplication.translate("WriterWait", "Another import or program is writing to the database. Your save "
                                                 "goes through as soon as it has finished; what you entered is still "
                                                 "here."),
        QCoreApplication.translate("WriterWait", "Stop waiting"), 0, 0, parent)
    dialog.setWindowTitle(QCoreApplication.translate("WriterWait", "Waiting for the database"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)  # her window waits (no second click); the others, and
    # an idle lock's cover over them, stay usable, as under run_task's progress
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    loop = QEventLoop()
    freed = []

    def ask() -> None:
        if db.writer_busy():
            return
        freed.append(True)
        loop.quit()

    timer = QTimer()  # not the dialog's: a window closed meanwhile takes its dialog along, never the wait's clock
    timer.setInterval(POLL_MS)
    timer.timeout.connect(ask)
    dialog.canceled.connect(loop.quit)
    dialog.destroyed.connect(loop.quit)  # its window went away (closed and deleted): the save is not made
    timer.start()
    dialog.show()
    try:
        loop.exec()
    finally:
        timer.stop()
        if isValid(dialog):
            dialog.hide()
            dialog.deleteLater()
    return bool(freed)

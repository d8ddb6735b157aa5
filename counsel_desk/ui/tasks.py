"""Background work off the GUI thread, with progress and cancel — the one helper every page uses.

The work function runs in a QThreadPool worker and gets a ``progress(done, total) -> bool``
callback; it returns False once the user pressed cancel, and the work should stop (services raise
UserError to roll back). The work must never touch widgets; results come back via signals on
the GUI thread. A result that arrives after its ``parent`` widget was deleted (the page closed,
the window rebuilt) is dropped: there is nothing left to show it in, and the callbacks would reach
into deleted widgets and models.
"""

from __future__ import annotations

import logging
import threading
import traceback
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

log = logging.getLogger(__name__)

Progress = Callable[[int, int], bool]


class _Signals(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)  # the exception


class Task(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any]):
        super().__init__()
        self.fn = fn
        self.signals = _Signals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int, total: int) -> bool:
        self.signals.progressed.emit(int(done), int(total))
        return not self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self.fn(self._progress)
        except BaseException as exc:  # noqa: BLE001 — handed to the GUI thread to show
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


_running: set[Task] = set()


def run_task(fn: Callable[[Progress], Any], *, on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None,
             parent: QWidget | None = None, title: str | None = None,
             on_progress: Callable[[int, int], None] | None = None) -> Task:
    """Start ``fn(progress)`` in the background. With ``title`` a modal progress dialog with a
    cancel button is shown while it runs."""
    task = Task(fn)
    _running.add(task)
    dialog: QProgressDialog | None = None
    if title is not None:
        dialog = QProgressDialog(title, QCoreApplication.translate("Tasks", "Cancel"), 0, 0, parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(task.cancel)

        def show_progress(done: int, total: int) -> None:
            dialog.setMaximum(max(total, 0))
            dialog.setValue(min(done, total) if total else 0)

        task.signals.progressed.connect(show_progress)
    if on_progress is not None:
        task.signals.progressed.connect(on_progress)

    def finish() -> bool:
        """Tidy up; False when the widget that asked is gone (the result is then dropped)."""
        _running.discard(task)
        if dialog is not None and isValid(dialog):
            dialog.reset()
            dialog.deleteLater()
        return parent is None or isValid(parent)

    def done(result: Any) -> None:
        if not finish():
            log.debug("background result dropped: its page was closed")
            return
        if on_done is not None:
            on_done(result)

    def failed(exc: BaseException) -> None:
        if not finish():
            log.warning("background work failed after its page was closed: %s", exc)
            return
        if on_error is not None:
            on_error(exc)
        else:
            from counsel_desk.ui.messages import show_error

            show_error(parent, exc)

    task.signals.finished.connect(done, Qt.ConnectionType.QueuedConnection)
    task.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
    QThreadPool.globalInstance().start(task)
    return task

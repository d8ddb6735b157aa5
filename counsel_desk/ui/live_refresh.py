"""Open lists and the dashboard follow what colleagues change on the shared server.

:class:`LiveRefresh` runs a :class:`counsel_desk.store.listen.ChangeListener` (its own connection, off the
GUI thread) and turns each notice into the AppContext signal of that kind of record — the same signals a
save in this program emits, so every page that refreshes after her own saves refreshes after theirs.
Notices are gathered for a moment (:data:`DEBOUNCE_MS`) and each kind's signal is emitted once: a
colleague's import of a thousand visits is one refresh, not a thousand.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from counsel_desk.ui.context import AppContext

DEBOUNCE_MS = 400


class LiveRefresh(QObject):
    notice_arrived = Signal(str)  # from the listener's thread; queued to the GUI thread
    refreshed = Signal(list)  # the kinds whose signals were just emitted (tests, the status bar)

    def __init__(self, ctx: AppContext, *, ignore_own: bool = True, parent: QObject | None = None):
        super().__init__(parent if parent is not None else ctx)
        from counsel_desk.store import server
        from counsel_desk.store.listen import ChangeListener

        self.ctx = ctx
        self._kinds: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit)
        self.notice_arrived.connect(self._gather)
        assert ctx.db.url is not None
        self.listener = ChangeListener(ctx.db.url, self.notice_arrived.emit,
                                       ignore=server.APPLICATION_NAME if ignore_own else None)
        self.listener.start()
        self.destroyed.connect(lambda *_: self.listener.stop(0))

    def stop(self) -> None:
        self._timer.stop()
        self.listener.stop()

    def _gather(self, kind: str) -> None:
        self._kinds.add(kind)
        if not self._timer.isActive():
            self._timer.start()

    def _emit(self) -> None:
        kinds, self._kinds = sorted(self._kinds), set()
        self.ctx.apply(kinds)  # the same signals a save here sends (services.changes.Kind values)
        self.refreshed.emit(kinds)


"""The center server tab: 「與中心伺服器同步」 — send this computer's changes and receive the server's.

Offered when this computer works on its own file and knows a center server (a connection profile from
the first-run dialog or the preferences; the password stays in the keyring). The sync runs in the
background with progress and cancel; an unreachable server is said in words and nothing changes.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from counsel_desk.sync import history, server_sync
from counsel_desk.sync.problems import Cancelled
from counsel_desk.ui import settings as options
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.sync.history_tab import when
from counsel_desk.ui.tasks import run_task
from counsel_desk.ui.widgets.text import fmt


class ServerTab(QWidget):
    synced = Signal(object)  # ServerSyncReport

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.task = None
        self.servers = QComboBox()
        self.servers.setObjectName("syncServerChoice")
        self.last = QLabel()
        self.last.setObjectName("syncServerLast")
        self.sync_button = QPushButton(self.tr("Sync with the center server"))
        self.sync_button.setObjectName("syncWithServer")
        self.sync_button.clicked.connect(self.run)
        self.status = QLabel()
        self.status.setObjectName("syncServerStatus")
        self.status.setWordWrap(True)
        intro = QLabel(self.tr("Sends what changed on this computer since the last sync to the center's server and "
                               "brings back what colleagues changed there, with the same merge rules as the "
                               "workbook: a record changed on both sides becomes a conflict to decide here, "
                               "nothing is overwritten. Without a connection keep working; sync later."))
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Center server"), self.servers)
        form.addRow(self.tr("Last sync"), self.last)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.servers.currentIndexChanged.connect(lambda _i: self.refresh())
        self.reload()

    def reload(self) -> None:
        """The server profiles this computer knows (settings), the last sync with each."""
        current = self.servers.currentData()
        self.servers.blockSignals(True)
        self.servers.clear()
        for p in options.SERVER_PROFILES.get(self.ctx.settings):
            self.servers.addItem(f"{p.name}（{p.url}）", p.url)
        if current is not None and (i := self.servers.findData(current)) >= 0:
            self.servers.setCurrentIndex(i)
        self.servers.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        from counsel_desk.store.server import display_name

        url = self.servers.currentData()
        last = {s.server: s for s in history.server_syncs(self.ctx.db)} if not self.ctx.db.is_server else {}
        entry = last.get(display_name(url)) if url else None
        self.last.setText(when(entry.at) if entry else self.tr("never"))
        if self.ctx.db.is_server:
            self.status.setText(self.tr("This window works on a server database directly: there is nothing to sync."))
        elif self.servers.count() == 0:
            self.status.setText(self.tr("No center server is set up on this computer: add one under Edit → "
                                        "Preferences → Database (Add server…)."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.sync_button.setEnabled(self.task is None and self.servers.count() > 0 and not self.ctx.db.is_server
                                    and not self.ctx.db.read_only)

    def run(self) -> None:
        url = self.servers.currentData()
        if not url:
            return
        laptop, actor = self.ctx.db, self.ctx.actor
        self.status.setText(self.tr("Connecting to the center server…"))

        def work(progress):
            server = server_sync.open_server(url)
            try:
                return server_sync.sync_with_server(laptop, server, actor=actor, progress=progress)
            finally:
                server.close()

        def done(report) -> None:
            self.task = None
            self.status.setText(server_sync.describe(report))
            self.ctx.announce_everything_changed()
            self.synced.emit(report)
            self.refresh()

        def failed(exc: BaseException) -> None:
            from counsel_desk.ui.messages import describe, show_error

            self.task = None
            self.status.setText(fmt(self.tr("Not synced: %1"), describe(exc)))
            self._update_buttons()
            if not isinstance(exc, Cancelled):
                show_error(self, exc, self.tr("Sync with the center server"))

        self.task = run_task(work, on_done=done, on_error=failed, parent=self,
                             title=self.tr("Syncing with the center server…"))
        self._update_buttons()

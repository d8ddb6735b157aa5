"""The sync page (同步): export, import with preview, 「與中心伺服器同步」, the conflicts to decide, the history.

Laptops send their workbooks to the center, centers to headquarters — or sync with the center's server
directly; each side merges with the same rules (``counsel_desk.sync``). The conflicts tab shows how many records wait for a decision.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from counsel_desk.ui.context import AppContext
from counsel_desk.ui.page_contract import PageHooks
from counsel_desk.ui.page_titles import page_title
from counsel_desk.ui.sync.conflicts_tab import ConflictsTab
from counsel_desk.ui.sync.export_tab import ExportTab
from counsel_desk.ui.sync.history_tab import HistoryTab
from counsel_desk.ui.sync.import_tab import ImportTab
from counsel_desk.ui.sync.server_tab import ServerTab
from counsel_desk.ui.widgets.text import fmt


class SyncPage(PageHooks, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("syncPage")
        self.ctx = ctx
        title = QLabel(page_title("sync"))
        title.setProperty("role", "pageTitle")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("syncTabs")
        self.export_tab = ExportTab(ctx)
        self.import_tab = ImportTab(ctx)
        self.server_tab = ServerTab(ctx)
        self.conflicts_tab = ConflictsTab(ctx)
        self.history_tab = HistoryTab(ctx)
        self.tabs.addTab(self.export_tab, self.tr("Export"))
        self.tabs.addTab(self.import_tab, self.tr("Import"))
        self.tabs.addTab(self.conflicts_tab, self.tr("Conflicts"))
        self.tabs.addTab(self.server_tab, self.tr("Center server"))
        self.tabs.addTab(self.history_tab, self.tr("History"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)

        self.export_tab.exported.connect(lambda _r: self.history_tab.reload())
        self.import_tab.imported.connect(self._after_import)
        self.server_tab.synced.connect(self._after_import)
        self.conflicts_tab.resolved.connect(lambda _c: self.refresh())
        self.refresh()

    def page_activated(self) -> None:
        self.export_tab.refresh()
        self.server_tab.reload()
        self.conflicts_tab.reload()
        self.refresh()

    def refresh(self) -> None:
        n = self.conflicts_tab.model.rowCount()
        label = fmt(self.tr("Conflicts (%1)"), str(n)) if n else self.tr("Conflicts")
        self.tabs.setTabText(self.tabs.indexOf(self.conflicts_tab), label)
        self.history_tab.reload()

    def _after_import(self, report) -> None:
        """After a workbook import or a server sync (ImportReport / ServerSyncReport)."""
        self.conflicts_tab.reload()
        self.refresh()
        if report.conflicts:
            self.tabs.setCurrentWidget(self.conflicts_tab)

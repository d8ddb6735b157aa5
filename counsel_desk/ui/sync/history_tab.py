"""The history tab: every workbook imported (or previewed) here and every one exported from here, and
the last 「與中心伺服器同步」 with each center server."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from counsel_desk.services.formatting import shown_date
from counsel_desk.sync import history
from counsel_desk.sync.server_sync import SERVER_PREFIX
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.widgets.rows import RowsModel, table_view
from counsel_desk.ui.widgets.text import fmt


def when(at: datetime | None) -> str:
    if at is None:
        return ""
    local = at.astimezone()
    return f"{shown_date(local.date())} {local:%H:%M}"


class HistoryTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.imports = RowsModel([self.tr("When"), self.tr("File"), self.tr("From center"), self.tr("Kind"),
                                  self.tr("Added"), self.tr("Updated"), self.tr("Conflicts"), self.tr("Unchanged"),
                                  self.tr("By")], right=(4, 5, 6, 7), parent=self)
        self.exports = RowsModel([self.tr("When"), self.tr("File"), self.tr("Personal data"), self.tr("Scope"),
                                  self.tr("Records"), self.tr("By")], right=(4,), parent=self)
        self.import_view = table_view(self.imports, "importHistory", single=False, alternate=True)
        self.export_view = table_view(self.exports, "exportHistory", single=False, alternate=True)
        for view, widths in ((self.import_view, (120, 220, 80, 70, 60, 60, 60, 70)),
                             (self.export_view, (120, 260, 90, 200, 70))):
            for col, width in enumerate(widths):
                view.setColumnWidth(col, width)
        self.server_syncs = QLabel()
        self.server_syncs.setObjectName("lastServerSyncs")
        self.server_syncs.setWordWrap(True)
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.server_syncs)
        tl.addWidget(QLabel(self.tr("Imported here")))
        tl.addWidget(self.import_view)
        bottom = QWidget()
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(QLabel(self.tr("Exported from here")))
        bl.addWidget(self.export_view)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.reload()

    def reload(self) -> None:
        centers = {"north": "北區", "central": "中區", "south": "南區", "east": "東區"}
        rows = []
        for e in history.imports(self.ctx.db):
            kind = self.tr("Preview") if e.dry_run else self.tr("Applied")
            t = e.totals
            rows.append([when(e.at), e.file_name, centers.get(e.source_center, e.source_center), kind, t["added"],
                         t["updated"], t["conflicts"], t["unchanged"], e.actor])
        self.imports.set_values(rows)
        rows = []
        for e in history.exports(self.ctx.db):
            masked = self.tr("masked") if e.masked else self.tr("unmasked")
            scope = fmt(self.tr("changes since %1"), when(e.since)) if e.since else self.tr("everything")
            where = (fmt(self.tr("center server %1"), e.destination[len(SERVER_PREFIX):])
                     if e.destination.startswith(SERVER_PREFIX) else Path(e.destination).name)
            rows.append([when(e.at), where, masked, scope, e.records, e.actor])
        self.exports.set_values(rows)
        syncs = [] if self.ctx.db.is_server else history.server_syncs(self.ctx.db)
        self.server_syncs.setText("\n".join(fmt(self.tr("Last sync with the center server %1: %2"), s.server, when(s.at))
                                            for s in syncs))
        self.server_syncs.setVisible(bool(syncs))

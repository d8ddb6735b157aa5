"""The import tab: choose one or several workbooks, preview exactly what would change, then apply.

The preview is a dry run of the real import (checked, merged and rolled back), so the figures
shown — added, updated, unchanged, in conflict, rejected, per entity — are what applying does.
Problems are listed with file, sheet, row, column and reason; a batch with problems can't be
applied. Both steps run off the GUI thread with progress and cancel.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QListWidget, QPushButton, QSplitter,
    QVBoxLayout, QWidget,
)

from counsel_desk.sync.format import SHEETS
from counsel_desk.sync.importer import ImportReport, describe, import_workbooks
from counsel_desk.sync.sheet_names import sheet_name
from counsel_desk.sync.problems import OUTCOMES, Cancelled
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.widgets.rows import RowsModel, table_view
from counsel_desk.ui.tasks import run_task
from counsel_desk.ui import settings as options
from counsel_desk.ui.widgets.text import fmt, counted


class ImportTab(QWidget):
    imported = Signal(object)  # ImportReport, after an import was applied

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.task = None
        self.previewed: list[Path] | None = None  # the files the shown preview is about
        explain = QLabel(self.tr(
            "Merge workbooks exported by the counselors' laptops or by the centers. Every file is checked "
            "completely first; nothing is written unless all of them are in order. Preview shows exactly what "
            "applying would do."))
        explain.setWordWrap(True)
        self.files = QListWidget()
        self.files.setObjectName("importFiles")
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.files.setMaximumHeight(110)
        self.add_button = QPushButton(self.tr("Add files…"))
        self.add_button.setObjectName("importAdd")
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("importRemove")
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setObjectName("importPreview")
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setObjectName("importApply")
        self.status = QLabel()
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        self.summary = RowsModel([self.tr("Entity"), self.tr("Added"), self.tr("Updated"), self.tr("Unchanged"),
                                  self.tr("In conflict"), self.tr("Rejected")], right=(1, 2, 3, 4, 5), parent=self)
        self.problems = RowsModel([self.tr("File"), self.tr("Sheet"), self.tr("Row"), self.tr("Column"),
                                   self.tr("Reason")], right=(2,), parent=self)
        self.summary_view = table_view(self.summary, "importSummary", single=False, alternate=True)
        self.problems_view = table_view(self.problems, "importProblems", single=False, alternate=True)
        self.summary_view.horizontalHeader().setStretchLastSection(False)
        self.summary_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 6):
            self.summary_view.setColumnWidth(col, 90)
        for col, width in ((0, 150), (1, 110), (2, 60), (3, 130)):
            self.problems_view.setColumnWidth(col, width)

        file_buttons = QVBoxLayout()
        file_buttons.addWidget(self.add_button)
        file_buttons.addWidget(self.remove_button)
        file_buttons.addStretch(1)
        chooser = QHBoxLayout()
        chooser.addWidget(self.files, 1)
        chooser.addLayout(file_buttons)
        actions = QHBoxLayout()
        actions.addWidget(self.preview_button)
        actions.addWidget(self.apply_button)
        actions.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.summary_view)
        split.addWidget(self.problems_view)
        split.setSizes([260, 160])
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(chooser)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)

        self.add_button.clicked.connect(self.choose_files)
        self.remove_button.clicked.connect(self.remove_selected)
        self.preview_button.clicked.connect(lambda: self.run(dry_run=True))
        self.apply_button.clicked.connect(lambda: self.run(dry_run=False))
        self._update_buttons()

    # --- files ---------------------------------------------------------------------------------
    def paths(self) -> list[Path]:
        return [Path(self.files.item(i).text()) for i in range(self.files.count())]

    def add_paths(self, paths: list[Path | str]) -> None:
        known = set(self.paths())
        for p in paths:
            if Path(p) not in known:
                self.files.addItem(str(p))
        self._files_changed()

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Workbooks to import"),
                                                str(options.SYNC_IMPORT_DIR.get(self.ctx.settings) or Path.home()),
                                                self.tr("Excel workbook (*.xlsx)"))
        if names:
            options.SYNC_IMPORT_DIR.set(self.ctx.settings, Path(names[0]).parent)
            self.add_paths(names)

    def remove_selected(self) -> None:
        for item in self.files.selectedItems():
            self.files.takeItem(self.files.row(item))
        self._files_changed()

    def _files_changed(self) -> None:
        self.previewed = None
        self.summary.set_values([])
        self.problems.set_values([])
        self.status.setText("")
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = self.task is None
        has_files = self.files.count() > 0
        self.preview_button.setEnabled(idle and has_files)
        self.remove_button.setEnabled(idle and has_files)
        self.add_button.setEnabled(idle)
        self.apply_button.setEnabled(idle and self.previewed is not None and self.previewed == self.paths()
                                     and not self.ctx.db.read_only)

    # --- preview and apply -------------------------------------------------------------------------
    def run(self, *, dry_run: bool) -> None:
        paths = self.paths()
        if not paths:
            return
        db, actor = self.ctx.db, self.ctx.actor
        self.status.setText(self.tr("Checking…") if dry_run else self.tr("Importing…"))

        def done(report: ImportReport) -> None:
            self.task = None
            self.show_report(report)
            self.previewed = paths if dry_run and not report.refused else None
            if report.applied:
                if report.backup is not None:
                    self.ctx.backup_made.emit(str(report.backup))
                self.ctx.announce_everything_changed()
                self.imported.emit(report)
            self._update_buttons()

        def failed(exc: BaseException) -> None:
            from counsel_desk.ui.messages import describe, show_error

            self.task = None
            self.previewed = None
            self.status.setText(fmt(self.tr("Not imported: %1"), describe(exc)))
            self._update_buttons()
            if not isinstance(exc, Cancelled):
                show_error(self, exc, self.tr("Import"))

        title = self.tr("Checking the workbooks…") if dry_run else self.tr("Importing…")
        self.task = run_task(lambda progress: import_workbooks(db, paths, dry_run=dry_run, actor=actor,
                                                                progress=progress),
                             on_done=done, on_error=failed, parent=self, title=title)
        self._update_buttons()

    def show_report(self, report: ImportReport) -> None:
        rows = []
        for sheet in SHEETS:
            c = report.counts.get(sheet.key)
            if c and any(c[k] for k in OUTCOMES):
                rows.append([sheet_name(sheet)] + [c[k] for k in OUTCOMES])
        totals = report.totals
        rows.append([self.tr("Total")] + [totals[k] for k in OUTCOMES])
        self.summary.set_values(rows)
        self.problems.set_values([[p.file, p.sheet, p.row, p.column, p.reason] for p in report.problems.items])
        text = describe(report)
        if report.refused:
            text += " " + self.tr("Correct the problems listed below in the workbook (or ask its sender for a new "
                                  "export) and preview again.")
            if report.problems.unlisted:
                text += " " + counted(report.problems.unlisted, self.tr("%1 more problem is not listed."),
                                      self.tr("%1 more problems are not listed."))
        elif report.dry_run:
            text += " " + self.tr("Press Apply to import.")
        elif totals["conflicts"]:
            text += " " + self.tr("Open the Conflicts tab to decide between the versions.")
        self.status.setText(text)

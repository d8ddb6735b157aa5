"""The export tab: where to, everything or only the changes since the last export there, masking.

Personal data is masked unless the person unticks the box and confirms; the confirmation is
written to the audit log at once, and the export's own audit entry says whether it was masked.
The export runs off the GUI thread with a progress dialog and a cancel button (cancelling leaves
no file behind).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from counsel_desk.services.file_names import dated_file
from counsel_desk.services.formatting import shown_date
from counsel_desk.sync import history
from counsel_desk.sync.export import ExportResult, export_workbook, record_unmask
from counsel_desk.sync.problems import Cancelled
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.messages import confirm
from counsel_desk.ui.tasks import run_task
from counsel_desk.ui import settings as options
from counsel_desk.ui.widgets.save_folder import default_folder
from counsel_desk.ui.widgets.text import fmt, counted


class ExportTab(QWidget):
    exported = Signal(object)  # ExportResult

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.task = None
        explain = QLabel(self.tr(
            "Write this database's records into an Excel workbook for the center or headquarters. The workbook "
            "carries every record with its id and change stamps, deletions included, so the other side can merge "
            "it without duplicates and without losing anyone's changes."))
        explain.setWordWrap(True)
        self.path_edit = QLineEdit(self._default_path())
        self.path_edit.setObjectName("exportPath")
        self.browse_button = QPushButton(self.tr("Choose…"))
        self.browse_button.setObjectName("exportBrowse")
        self.since_box = QCheckBox(self.tr("Only what changed since the last export to this file"))
        self.since_box.setObjectName("exportSinceLast")
        self.since_label = QLabel()
        self.since_label.setObjectName("exportSinceLabel")
        self.mask_box = QCheckBox(self.tr("Mask personal data (phone, e-mail, personal notes; team members' names and birth years) — recommended"))
        self.mask_box.setObjectName("exportMask")
        self.mask_box.setChecked(True)
        self.files_box = QCheckBox(self.tr("Also pack the attachment files into a zip beside the workbook"))
        self.files_box.setObjectName("exportFiles")
        # the workbook goes to headquarters, whose database has another key: it can't be sealed with ours
        self.not_encrypted = QLabel(self.tr(
            "This database is encrypted, but the workbook and the attachments zip you export are not: carry them "
            "on an encrypted USB stick or by another safe way, and delete them once they have been imported."))
        self.not_encrypted.setObjectName("exportNotEncrypted")
        self.not_encrypted.setProperty("role", "banner")  # the yellow note the read-only banner uses
        self.not_encrypted.setWordWrap(True)
        self.not_encrypted.setVisible(self.ctx.db.key is not None)
        self.export_button = QPushButton(self.tr("Export"))
        self.export_button.setObjectName("exportButton")
        self.status = QLabel()
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)

        where = QHBoxLayout()
        where.addWidget(self.path_edit, 1)
        where.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow(self.tr("Workbook:"), where)
        form.addRow("", self.since_box)
        form.addRow("", self.since_label)
        form.addRow("", self.mask_box)
        form.addRow("", self.files_box)
        form.addRow("", self.not_encrypted)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch(1)

        self.browse_button.clicked.connect(self.choose_file)
        self.export_button.clicked.connect(self.export)
        self.path_edit.textChanged.connect(lambda _t: self.refresh())
        self.mask_box.toggled.connect(self._mask_toggled)
        self.refresh()

    def _default_path(self) -> str:
        last = options.SYNC_EXPORT_PATH.get(self.ctx.settings)
        if last is not None and last.parent.is_dir():
            return str(last)
        return str(default_folder() / dated_file("交換檔", "interchange", date.today(), ".xlsx", center=self.ctx.center_code))

    def path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def refresh(self) -> None:
        text = self.path_edit.text().strip()
        last = history.last_export_to(self.ctx.db, text) if text else None
        if last is None:
            self.since_label.setText(self.tr("Nothing was exported to this file yet: everything will be exported."))
        else:
            self.since_label.setText(fmt(self.tr("Last export to this file: %1 %2"), shown_date(last.date()),
                                         last.astimezone().strftime("%H:%M")))
        self.export_button.setEnabled(bool(text) and self.task is None)

    def choose_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export to workbook"), self.path_edit.text(),
                                              self.tr("Excel workbook (*.xlsx)"))
        if name:
            if not name.lower().endswith(".xlsx"):
                name += ".xlsx"
            self.path_edit.setText(name)

    def _mask_toggled(self, masked: bool) -> None:
        if masked:
            return
        question = self.tr(
            "Export personal data unmasked?\n\nPhone numbers, e-mail addresses and personal notes of contacts and "
            "counselors, and the names and birth years of youth-team members, will be readable by anyone who gets "
            "the workbook. Do this only for your own center's laptops. Your confirmation is recorded in the audit log.")
        if confirm(self, question, self.tr("Unmask personal data")):
            record_unmask(self.ctx.db, self.ctx.actor, self.path())
        else:
            self.mask_box.blockSignals(True)
            self.mask_box.setChecked(True)
            self.mask_box.blockSignals(False)

    def export(self) -> None:
        out = self.path()
        if not out.name:
            return
        if out.suffix.lower() != ".xlsx":
            out = out.with_name(out.name + ".xlsx")
            self.path_edit.setText(str(out))
        db, actor, center = self.ctx.db, self.ctx.actor, self.ctx.center_code
        since, mask, files = self.since_box.isChecked(), self.mask_box.isChecked(), self.files_box.isChecked()
        options.SYNC_EXPORT_PATH.set(self.ctx.settings, out)
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Exporting…"))

        def work(progress):
            return export_workbook(db, out, since_last=since, mask=mask, actor=actor, center=center,
                                   progress=progress, attachments_zip=files)

        def done(result: ExportResult) -> None:
            self.task = None
            masked = self.tr("personal data masked") if result.masked else self.tr("personal data NOT masked")
            self.status.setText(counted(result.total, self.tr("Exported %1 record (%2) to %3 in %4 s."),
                                        self.tr("Exported %1 records (%2) to %3 in %4 s."), masked, str(result.path),
                                        f"{result.seconds:.1f}"))
            if result.files_missing:
                self.status.setText(self.status.text() + " " + counted(
                    len(result.files_missing), self.tr("%1 attachment file was not found here."),
                    self.tr("%1 attachment files were not found here.")))
            self.ctx.status_message.emit(self.status.text())
            self.refresh()
            self.exported.emit(result)

        def failed(exc: BaseException) -> None:
            from counsel_desk.ui.messages import describe, show_error

            self.task = None
            self.status.setText(fmt(self.tr("Not exported: %1"), describe(exc)))
            self.refresh()
            if not isinstance(exc, Cancelled):
                show_error(self, exc, self.tr("Export"))

        self.task = run_task(work, on_done=done, on_error=failed, parent=self, title=self.tr("Exporting…"))

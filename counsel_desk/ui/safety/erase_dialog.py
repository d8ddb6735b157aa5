"""Erasing a contact's personal data on request (個資法 right to deletion), after a clear preview.

The dialog says whose data goes, what stays (an anonymous record, so counts and reports still
add up), which other records name the person and will be rewritten, and that it can't be undone;
the Erase button stays disabled until the person ticks that they understand. Any contact list can
open it with :func:`erase_contact_with_dialog`.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox, QDialog, QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget,
)

from counsel_desk.i18n import pick
from counsel_desk.services import audit_log, audit_readable, privacy
from counsel_desk.services.formatting import aside
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.tasks import run_task
from counsel_desk.ui.widgets.fit import fit_window
from counsel_desk.ui.widgets.text import fmt


class EraseContactDialog(QDialog):
    def __init__(self, ctx: AppContext, contact_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("eraseContactDialog")
        self.setWindowTitle(self.tr("Erase personal data"))
        self.ctx = ctx
        self.contact_id = contact_id
        self.result_info: privacy.ErasureResult | None = None
        self.preview = privacy.preview(ctx.services(), contact_id)
        p = self.preview

        who = pick("，", ", ").join(x for x in (p.title, p.organization) if x)
        heading = QLabel(fmt(self.tr("Erase the personal data of %1?"), aside(p.name, who)))
        heading.setStyleSheet("font-weight: bold;")
        heading.setWordWrap(True)
        explain = QLabel(self.tr(
            "The name becomes an anonymous placeholder; phone, e-mail and personal notes are blanked. The contact "
            "record itself stays, so visits, proposals and reports keep their counts. This can't be undone."))
        explain.setWordWrap(True)
        self.mentions = QListWidget()
        self.mentions.setObjectName("mentionList")
        for table, record_id, fields in p.mentions:
            names = pick("、", ", ").join(audit_readable.field_label(f) for f in fields)
            self.mentions.addItem(f"{audit_log.entity_label(table)}  {record_id[:8]}…  {names}")
        mentions_label = QLabel(
            fmt(self.tr("%1 other records name this person; the name, phone and e-mail in them are replaced too:"),
                str(len(p.mentions))) if p.mentions else self.tr("No other record names this person."))
        mentions_label.setWordWrap(True)
        self.scrub = QCheckBox(self.tr("Also replace the mentions in other records"))
        self.scrub.setObjectName("scrubMentions")
        self.scrub.setChecked(True)
        self.scrub.setVisible(bool(p.mentions))
        self.mentions.setVisible(bool(p.mentions))
        backups = QLabel(self.tr("Backups made before now still hold the data until they are thinned out; "
                                 "restoring one of them erases this person again automatically."))
        backups.setWordWrap(True)
        self.understand = QCheckBox(self.tr("I understand that this can't be undone"))
        self.understand.setObjectName("understandErase")
        self.erase_button = QPushButton(self.tr("Erase"))
        self.erase_button.setObjectName("eraseButton")
        self.erase_button.setEnabled(False)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setDefault(True)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.erase_button)
        layout = QVBoxLayout(self)
        for w in (heading, explain, mentions_label, self.mentions, self.scrub, backups, self.understand):
            layout.addWidget(w)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)

        self.understand.toggled.connect(self.erase_button.setEnabled)
        self.erase_button.clicked.connect(self.erase)
        cancel.clicked.connect(self.reject)
        fit_window(self, "eraseContactDialog", self.sizeHint(), settings=ctx.settings)

    def erase(self) -> None:
        services = self.ctx.services()
        contact_id, scrub = self.contact_id, self.scrub.isChecked()
        self.erase_button.setEnabled(False)

        def done(result: privacy.ErasureResult) -> None:
            self.result_info = result
            self.ctx.status_message.emit(self.tr("The personal data of the contact was erased."))
            self.ctx.announce_everything_changed()
            self.accept()

        def failed(exc: BaseException) -> None:
            from counsel_desk.ui.messages import show_error

            self.erase_button.setEnabled(self.understand.isChecked())
            show_error(self, exc)

        self.task = run_task(lambda progress: privacy.erase_contact(services, contact_id, scrub_mentions=scrub),
                             on_done=done, on_error=failed, parent=self, title=self.tr("Erasing…"))


def erase_contact_with_dialog(ctx: AppContext, contact_id: str, parent: QWidget | None = None) -> bool:
    """Ask, then erase; True when the contact's personal data was erased."""
    dialog = EraseContactDialog(ctx, contact_id, parent)
    return bool(dialog.exec()) and dialog.result_info is not None

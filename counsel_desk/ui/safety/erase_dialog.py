"""Erasing a person's personal data on request (個資法 right to deletion), after a clear preview.

A person is a contact or a youth team's member. The dialog says whose data goes, what stays (an
anonymous record, so counts and reports still add up), which other records name the person and will
be rewritten, which youth-team member rows carry the same name (ticked one by one: a namesake is
another person), and that it can't be undone; the Erase button stays disabled until the person ticks
that they understand. Any contact list opens it with :func:`erase_contact_with_dialog`, a team's
member list with :func:`erase_member_with_dialog`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from counsel_desk.i18n import pick
from counsel_desk.services.safety import audit_log, audit_readable, privacy
from counsel_desk.services.formatting import aside
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.tasks import run_task
from counsel_desk.ui.widgets.fit import fit_window
from counsel_desk.ui.widgets.text import fmt, counted
from counsel_desk.ui.widgets.roles import VALUE_ROLE
from counsel_desk.ui.widgets.fields import heading

MEMBER = "youth_team_member"


class EraseContactDialog(QDialog):
    """Erase a contact (``table`` "contact") or a youth-team member (``table`` "youth_team_member")."""

    def __init__(self, ctx: AppContext, record_id: str, parent: QWidget | None = None, *, table: str = "contact"):
        super().__init__(parent)
        self.setObjectName("eraseContactDialog")
        self.setWindowTitle(self.tr("Erase personal data"))
        self.ctx = ctx
        self.record_id = record_id
        self.table = table
        self.result_info: privacy.ErasureResult | None = None
        services = ctx.services()
        self.preview = privacy.preview_member(services, record_id) if table == MEMBER else privacy.preview(services, record_id)
        p = self.preview
        member = table == MEMBER

        who = pick("，", ", ").join(x for x in (p.title, p.organization) if x)
        title = heading(fmt(self.tr("Erase the personal data of %1?"), aside(p.name, who)), wrap=True)
        explain = QLabel(self.tr(
            "The name becomes an anonymous placeholder; phone, e-mail and personal notes are blanked. The contact "
            "record itself stays, so visits, proposals and reports keep their counts. This can't be undone.")
            if not member else self.tr(
            "The name becomes an anonymous placeholder and the birth year is cleared. The member stays in the "
            "team, so the team's counts and reports still add up. This can't be undone."))
        explain.setWordWrap(True)
        self.mentions = QListWidget()
        self.mentions.setObjectName("mentionList")
        for table_name, mentioned_id, fields in p.mentions:
            names = pick("、", ", ").join(audit_readable.field_label(f) for f in fields)
            self.mentions.addItem(f"{audit_log.entity_label(table_name)}  {mentioned_id[:8]}…  {names}")
        if not p.mentions:
            mentioned = self.tr("No other record names this person.")
        elif member:
            mentioned = counted(len(p.mentions), self.tr("%1 other record names this member; the name in it is replaced too:"),
                                self.tr("%1 other records name this member; the name in them is replaced too:"))
        else:
            mentioned = counted(len(p.mentions), self.tr(
                "%1 other record names this person; the name, phone and e-mail in it are replaced too:"), self.tr(
                "%1 other records name this person; the name, phone and e-mail in them are replaced too:"))
        mentions_label = QLabel(mentioned)
        mentions_label.setWordWrap(True)
        self.scrub = QCheckBox(self.tr("Also replace the mentions in other records"))
        self.scrub.setObjectName("scrubMentions")
        self.scrub.setChecked(True)
        self.scrub.setVisible(bool(p.mentions))
        self.mentions.setVisible(bool(p.mentions))
        # the same person in youth teams: each row ticked by hand, since a namesake is somebody else
        self.memberships = QListWidget()
        self.memberships.setObjectName("membershipList")
        for m in p.memberships:
            born = fmt(self.tr("born %1"), m.birth_year) if m.birth_year else self.tr("birth year unknown")
            item = QListWidgetItem(fmt(self.tr("%1 (ROC %2), %3, %4"), m.team, m.roc_year, m.role or "—", born))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(VALUE_ROLE, m.member_id)
            self.memberships.addItem(item)
        memberships_label = QLabel(self.tr(
            "Youth-team members with the same name: tick those who are this person, and their name and birth "
            "year are erased too."))
        memberships_label.setWordWrap(True)
        memberships_label.setVisible(bool(p.memberships))
        self.memberships.setVisible(bool(p.memberships))
        backups = QLabel(self.tr("Backups made before now still hold the data until they are thinned out; "
                                 "restoring one of them erases this member again automatically.") if member else
                         self.tr("Backups made before now still hold the data until they are thinned out; "
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
        for w in (title, explain, mentions_label, self.mentions, self.scrub, memberships_label, self.memberships,
                  backups, self.understand):
            layout.addWidget(w)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)

        self.understand.toggled.connect(self.erase_button.setEnabled)
        self.erase_button.clicked.connect(self.erase)
        cancel.clicked.connect(self.reject)
        fit_window(self, "eraseContactDialog", self.sizeHint(), settings=ctx.settings)

    def chosen_memberships(self) -> list[str]:
        return [self.memberships.item(n).data(VALUE_ROLE) for n in range(self.memberships.count())
                if self.memberships.item(n).checkState() == Qt.CheckState.Checked]

    def erase(self) -> None:
        services = self.ctx.services()
        record_id, scrub, members = self.record_id, self.scrub.isChecked(), self.chosen_memberships()
        self.erase_button.setEnabled(False)

        def done(result: privacy.ErasureResult) -> None:
            self.result_info = result
            self.ctx.status_message.emit(self.tr("The personal data of the contact was erased.") if self.table != MEMBER
                                         else self.tr("The personal data of the team member was erased."))
            self.ctx.announce_everything_changed()
            self.accept()

        def failed(exc: BaseException) -> None:
            from counsel_desk.ui.messages import show_error

            self.erase_button.setEnabled(self.understand.isChecked())
            show_error(self, exc)

        if self.table == MEMBER:
            def work(_progress):
                return privacy.erase_member(services, record_id, scrub_mentions=scrub, also=members)
        else:
            def work(_progress):
                return privacy.erase_contact(services, record_id, scrub_mentions=scrub, members=members)
        self.task = run_task(work, on_done=done, on_error=failed, parent=self, title=self.tr("Erasing…"))


def erase_contact_with_dialog(ctx: AppContext, contact_id: str, parent: QWidget | None = None) -> bool:
    """Ask, then erase; True when the contact's personal data was erased."""
    dialog = EraseContactDialog(ctx, contact_id, parent)
    return bool(dialog.exec()) and dialog.result_info is not None


def erase_member_with_dialog(ctx: AppContext, member_id: str, parent: QWidget | None = None) -> bool:
    """Ask, then erase; True when the youth-team member's personal data was erased."""
    dialog = EraseContactDialog(ctx, member_id, parent, table=MEMBER)
    return bool(dialog.exec()) and dialog.result_info is not None

"""The visit editor window: open, fill in, save — and never lose what was typed.

Every few seconds the whole form is written as a draft beside the database (``services/visits/drafts``);
saving or discarding removes it, so a draft found later is what a crash left and is offered back.
Closing with unsaved changes asks. Delete is a soft delete the lists offer to undo. Validation
messages appear under the fields (the form's job); this window does the saving and closing.
"""

from __future__ import annotations

import json
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from counsel_desk.errors import UserError, ValidationError
from counsel_desk.models import new_id
from counsel_desk.services.visits.drafts import VISIT_DRAFT as DRAFT_KIND
from counsel_desk.services.visits.drafts import Draft, DraftStore
from counsel_desk.services.formatting import shown_date
from counsel_desk.services.people.people import PeopleService
from counsel_desk.models.enums import FollowUpStatus
from counsel_desk.services.base import SaveConflict
from counsel_desk.services.visits.visits import FOLLOWUP_CONFLICT, VisitData, VisitService
from counsel_desk.ui import messages
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.visits.editor_form import VisitForm
from counsel_desk.ui.visits.followup_dialogs import followup_labels
from counsel_desk.ui.widgets.conflict_dialog import save_resolving
from counsel_desk.ui.widgets.fit import fit_window, scrolling
from counsel_desk.ui.widgets.text import fmt
from counsel_desk.ui.theme import GOOD
from counsel_desk.ui.widgets.fields import FieldError

AUTOSAVE_MS = 3000


class VisitEditor(QDialog):
    saved = Signal(str)  # visit id
    deleted = Signal(str, str)  # visit id, its title (for the undo bar)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, visit_id: str | None = None,
                 draft: Draft | None = None, today: date | None = None):
        super().__init__(parent)
        self.setObjectName("visitEditor")
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setModal(False)
        self.ctx = ctx
        self.today = today or date.today()
        self.service = VisitService(ctx.services(), today=self.today)
        self.drafts = DraftStore.for_database(ctx.db.path)
        if visit_id:
            self._base = self.service.get(visit_id)
            self.draft_key = visit_id
        else:
            own = PeopleService(ctx.services()).counselor_named(ctx.actor)
            # a new visit restored from a crash keeps the id its draft was saved under
            vid = draft.key.removeprefix("new-") if draft is not None and draft.is_new_record else new_id()
            self._base = VisitData(id=vid, visit_date=self.today, counselor_ids=[own] if own else [])
            self.draft_key = f"new-{vid}"
        self._may_close = False
        self._last_draft = ""
        self.support_dialog = None
        self._build()
        self.form.set_data(self._base)
        self._saved_state = self._state_json()
        if draft is not None:
            self.restore_draft(draft)
        self._retitle()
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        fit_window(self, "visitEditor", QSize(1150, 820), settings=ctx.settings)
        self.form.visit_date.setFocus()  # the first field: she can type or pick the date at once

    # --- building -------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setProperty("role", "pageTitle")
        self.summary_error = FieldError()
        self.summary_error.setObjectName("summaryError")
        self.form = VisitForm(self.ctx, self, today=self.today)
        scroll = scrolling(self.form)

        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveVisit")
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.save_close_button = QPushButton(self.tr("Save and close"))
        self.save_close_button.setObjectName("saveCloseVisit")
        self.save_close_button.setAutoDefault(False)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("deleteVisit")
        self.delete_button.setAutoDefault(False)
        self.support_button = QPushButton(self.tr("Add support record…"))
        self.support_button.setObjectName("addSupportRecord")
        self.support_button.setToolTip(self.tr("Record this visit as support given to a youth workstation"))
        self.support_button.setAutoDefault(False)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeVisit")
        self.close_button.setAutoDefault(False)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedAt")
        self.saved_label.setStyleSheet(f"color: {GOOD};")
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.support_button)
        buttons.addStretch(1)
        buttons.addWidget(self.saved_label)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_close_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary_error)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

        self.save_button.clicked.connect(self.save)
        self.save_close_button.clicked.connect(self.save_and_close)
        self.delete_button.clicked.connect(self.delete)
        self.support_button.clicked.connect(self.add_support_record)
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        self.form.changed.connect(self._form_changed)

    @property
    def visit_id(self) -> str | None:
        """The visit's id once it is in the database (None for a new visit not saved yet)."""
        return self._base.id if self._base.version else None

    def _retitle(self) -> None:
        if self.visit_id:
            title = fmt(self.tr("Site visit %1"),
                        f"{shown_date(self._base.visit_date)} {self._base.visited_name}".strip())
        else:
            title = self.tr("New site visit")
        self.heading.setText(title)
        self.setWindowTitle(title + " [*]")
        self.setWindowModified(self.has_unsaved_changes())
        self.delete_button.setText(self.tr("Delete") if self.visit_id else self.tr("Discard"))
        self.support_button.setEnabled(True)

    def _form_changed(self) -> None:
        self.setWindowModified(self.has_unsaved_changes())
        if self.summary_error.text() and not self.form.has_marked_fields():
            self.summary_error.clear_message()  # every field she was asked to fix is fixed: nothing left to say

    def changeEvent(self, event: QEvent) -> None:
        # 「已儲存 13:07」 says the form is what is stored: whatever marks the window changed takes it back
        if event.type() == QEvent.Type.ModifiedChange and self.isWindowModified():
            self.saved_label.clear()
        super().changeEvent(event)

    # --- state and drafts -----------------------------------------------------------------------------
    def _state(self) -> dict:
        data = self.form.data(self._base, strict=False)
        return {"visit": json.loads(data.to_json()), "date_text": self.form.visit_date.text().strip()}

    def _state_json(self) -> str:
        return json.dumps(self._state(), ensure_ascii=False, sort_keys=True)

    def has_unsaved_changes(self) -> bool:
        return self._state_json() != self._saved_state

    def autosave(self) -> bool:
        """Write a draft when the form differs from what is saved (and from the last draft)."""
        state = self._state_json()
        if state == self._saved_state:
            if self._last_draft:
                self.drafts.delete(DRAFT_KIND, self.draft_key)
                self._last_draft = ""
            return False
        if state == self._last_draft:
            return False
        try:
            self.drafts.save(DRAFT_KIND, self.draft_key, json.loads(state))
        except OSError:  # a full disk must not interrupt typing; the next tick tries again
            return False
        self._last_draft = state
        return True

    def restore_draft(self, draft: Draft) -> None:
        data = VisitData.from_json(draft.data.get("visit") or {})
        data.id, data.version = self._base.id, data.version or self._base.version
        self.form.set_data(data, date_text=draft.data.get("date_text"))
        self._last_draft = self._state_json()
        self.setWindowModified(self.has_unsaved_changes())

    # --- saving ---------------------------------------------------------------------------------------
    def save(self) -> bool:
        self.summary_error.clear_message()
        try:
            data = self._readable_data()
            visit_id = self._save_resolving(data)
            if visit_id is None:  # she closed the conflict without choosing: nothing saved, the form as it was
                return False
        except ValidationError as exc:
            widget = self.form.show_problems(exc)
            self.summary_error.show_message(self.tr("Not saved: please correct the fields marked in red."))
            if widget is not None:
                widget.setFocus()
            return False
        except UserError as exc:
            messages.show_error(self, exc)
            return False
        old_key = self.draft_key
        self._base = self.service.get(visit_id)
        self.draft_key = visit_id
        self.form.set_data(self._base)
        self._saved_state = self._state_json()
        self.drafts.delete(DRAFT_KIND, old_key)
        self.drafts.delete(DRAFT_KIND, visit_id)
        self._last_draft = ""
        self._retitle()
        self.saved_label.setText(fmt(self.tr("Saved %1"), datetime.now().strftime("%H:%M")))
        self.form.followup_notice.clear()
        self.saved.emit(visit_id)
        self.ctx.status_message.emit(self.tr("Visit saved."))
        return True

    def _readable_data(self) -> VisitData:
        """The form's visit; an unreadable date is named together with every other field's problem (she was told
        of the date alone, and of the county and township only once the date was mended)."""
        try:
            return self.form.data(self._base)
        except ValidationError as unreadable:
            others = [p for p in self.service.problems(self.form.data(self._base, strict=False))
                      if p.field != "visit_date"]
            problems = [unreadable, *others]
            raise ValidationError("\n".join(p.zh for p in problems), "\n".join(p.en for p in problems),
                                  field=unreadable.field, problems=problems) from None

    def _save_resolving(self, data: VisitData) -> str | None:
        """Save; when someone else saved the visit first, she chooses field by field and her choices are saved
        over the version she has now seen (ui/widgets/conflict_dialog). None: she cancelled."""
        seen: dict[str, int] = {}  # follow-up id → the version she has now seen in the comparison

        def save(taken: dict, version: int | None) -> str:
            drafts = {f.id: f for f in data.followups if f.id}
            for name, value in taken.items():
                if name.startswith(FOLLOWUP_CONFLICT):  # followup:<id>:<version>:<field>
                    fid, _version, field = name[len(FOLLOWUP_CONFLICT):].split(":")
                    setattr(drafts[fid], field, value)
                else:
                    setattr(data, name, value)
            for fid, seen_version in seen.items():
                drafts[fid].version = seen_version
            data.version = version or data.version
            try:
                return self.ctx.run(self.service.save, data)
            except SaveConflict as conflict:
                for f in conflict.fields:
                    if f.name.startswith(FOLLOWUP_CONFLICT):
                        fid, stored_version, _field = f.name[len(FOLLOWUP_CONFLICT):].split(":")
                        seen[fid] = int(stored_version)
                raise

        names = {**self._names(), **{st.value: st.label for st in FollowUpStatus}}
        return save_resolving(self, save, {}, data.version, _ConflictLabels(self._labels(), data), names)

    def _labels(self) -> dict[str, str]:
        return {"visit_date": self.tr("Date"), "county_code": self.tr("County"), "township_code": self.tr("Township"),
                "mode": self.tr("Mode"), "organization_id": self.tr("Organization"),
                "workstation_id": self.tr("Workstation"), "public_space_id": self.tr("Public space"),
                "visited_name": self.tr("Visited"), "purpose": self.tr("Purpose"), "findings": self.tr("Findings"),
                "issues": self.tr("Issues"), "advice": self.tr("Advice"), "notes": self.tr("Notes"),
                "key_visit": self.tr("Key visit"), "counselor_ids": self.tr("Counselors"),
                "contact_ids": self.tr("Contacts")}

    def _names(self) -> dict[str, str]:
        """Names of the people, organizations and places a conflict's values may name by id."""
        people = PeopleService(self.ctx.services())
        names = {p.id: p.name for p in people.counselors(include_inactive=True)}
        for choice in self.service.counties() + self.service.workstations() + self.service.public_spaces():
            names[choice.id] = choice.name
        return names

    def save_and_close(self) -> None:
        if self.save():
            self._may_close = True
            self.close()

    def delete(self) -> None:
        if not self.visit_id:
            if not self.has_unsaved_changes() or messages.confirm(self, self.tr("Discard this new visit?"),
                                                                             do=self.tr("Discard")):
                self.drafts.delete(DRAFT_KIND, self.draft_key)
                self._may_close = True
                self.close()
            return
        title = f"{shown_date(self._base.visit_date)} {self._base.visited_name}".strip()
        if not messages.confirm(self, fmt(self.tr("Delete the visit %1 with its follow-ups? You can undo it right "
                                              "after in the visit list."), title), do=self.tr("Delete")):
            return
        visit_id = self.visit_id
        with messages.guarded(self) as done:
            self.ctx.run(self.service.delete, visit_id)
        if not done:
            return
        self.drafts.delete(DRAFT_KIND, self.draft_key)
        self._may_close = True
        self.close()
        self.deleted.emit(visit_id, title)

    def add_support_record(self) -> None:
        if not self.visit_id:
            if not messages.confirm(self, self.tr("The visit must be saved before a support record can refer to "
                                                  "it. Save it now?"), do=self.tr("Save")) or not self.save():
                return
        elif self.has_unsaved_changes() and not self.save():
            return
        from counsel_desk.ui.workstations.support_dialog import (
            SupportRecordDialog,  # on demand: the visit editor opens without it
        )

        self.support_dialog = SupportRecordDialog(self.ctx, self, visit_id=self.visit_id)
        self.support_dialog.open()

    # --- closing --------------------------------------------------------------------------------------
    def confirm_close(self) -> bool:
        """Ask about unsaved changes; True when the editor may close."""
        if not self.has_unsaved_changes():
            self.drafts.delete(DRAFT_KIND, self.draft_key)
            return True
        self.raise_()
        self.activateWindow()
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("This visit has changes that are not saved. Save them before closing?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.drafts.delete(DRAFT_KIND, self.draft_key)
            return True
        return False

    def reject(self) -> None:  # Escape and the window's close button both end here
        if self._may_close or self.confirm_close():
            self._may_close = True
            self.autosave_timer.stop()
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_close or self.confirm_close():
            self._may_close = True
            self.autosave_timer.stop()
            super().closeEvent(event)
        else:
            event.ignore()


class _ConflictLabels(dict):
    """The visit's field labels, and for a follow-up's field (``followup:<id>:<version>:<field>``) the
    follow-up's words with the field's label: “補送計畫書”：辦理結果."""

    def __init__(self, labels: dict[str, str], data: VisitData):
        super().__init__(labels)
        self._followups = {f.id: f.description for f in data.followups if f.id}

    def get(self, key, default=None):
        if not str(key).startswith(FOLLOWUP_CONFLICT):
            return super().get(key, default)
        fid, _version, field = str(key)[len(FOLLOWUP_CONFLICT):].split(":")
        return fmt(QCoreApplication.translate("VisitEditor", "Follow-up “%1”: %2"), self._followups.get(fid, ""),
                   followup_labels().get(field, field))

"""The visit editor's form: every field of a visit, its follow-ups and attachments, with the
validation messages shown under the field they are about.

It turns a ``VisitData`` into widgets and back; saving, drafts and closing are the dialog's job
(``editor.py``).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QCompleter, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QSizePolicy, QTabWidget, QVBoxLayout, QWidget,
)

from counsel_desk.errors import ValidationError
from counsel_desk.models.enums import VisitMode
from counsel_desk.services.places import places
from counsel_desk.services.attachments import AttachmentService
from counsel_desk.services.visits.followups import FollowUpDraft
from counsel_desk.services.people.people import OrgInfo, PeopleService, Person
from counsel_desk.services.people.roster import RosterService
from counsel_desk.services.visits.visits import VisitData, VisitService
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.stocktaking.topic_picker import TopicPicker
from counsel_desk.ui.visits.attachments_box import AttachmentsBox
from counsel_desk.ui.visits.followup_dialogs import CloseFollowUpDialog, FollowUpDialog, FollowUpTableModel
from counsel_desk.ui.visits.people_dialogs import NewContactDialog, NewOrganizationDialog
from counsel_desk.ui.widgets.text import fmt
from counsel_desk.ui.widgets.roles import VALUE_ROLE
from counsel_desk.ui.theme import GOOD
from counsel_desk.ui.widgets.rows import table_view
from counsel_desk.ui.widgets.choices import fill, select
from counsel_desk.ui.widgets.date_edit import DateEdit
from counsel_desk.ui.widgets.fields import FieldError

TEXT_FIELDS = ("findings", "issues", "advice", "notes")


class VisitForm(QWidget):
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or date.today()
        services = ctx.services()
        self.visits = VisitService(services, today=self.today)
        self.people = PeopleService(services)
        self.errors: dict[str, FieldError] = {}
        self._loading = False
        self._org_names: dict[str, str] = {}
        self._build()
        self._connect()

    # --- building ----------------------------------------------------------------------------------
    def _row(self, form: QFormLayout, label: str, widget: QWidget, field: str | None) -> None:
        holder = QWidget()
        v = QVBoxLayout(holder)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        v.setAlignment(Qt.AlignmentFlag.AlignTop)
        v.addWidget(widget)
        if field:
            self.errors[field] = FieldError()
            v.addWidget(self.errors[field])
        form.addRow(label, holder)

    def _build(self) -> None:
        self.visit_date = DateEdit()
        self.visit_date.setObjectName("visitDate")
        self.county = QComboBox()
        self.county.setObjectName("county")
        self.township = QComboBox()
        self.township.setObjectName("township")
        self.mode = QComboBox()
        self.mode.setObjectName("mode")
        for m in VisitMode:
            self.mode.addItem(m.label, m.value)
        self.counselors = QListWidget()
        self.counselors.setObjectName("counselors")
        self.counselors.setFixedHeight(128)  # six names without scrolling
        self.roster_button = QPushButton(self.tr("Roster…"))
        self.roster_button.setObjectName("openRoster")
        self.roster_button.setToolTip(self.tr("Add or change the center's counselors"))
        counselor_box = QWidget()
        ch = QHBoxLayout(counselor_box)
        ch.setContentsMargins(0, 0, 0, 0)
        ch.addWidget(self.counselors, 1, Qt.AlignmentFlag.AlignTop)
        ch.addWidget(self.roster_button, 0, Qt.AlignmentFlag.AlignTop)
        self.organization = QComboBox()
        self.organization.setObjectName("organization")
        self.organization.setEditable(True)
        self.organization.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.organization.lineEdit().setPlaceholderText(self.tr("Type to find an organisation"))
        self.organization.setMinimumContentsLength(18)
        self.new_org_button = QPushButton(self.tr("New…"))
        self.new_org_button.setObjectName("newOrganization")
        self.new_org_button.setToolTip(self.tr("Add an organisation that is not in the list yet"))
        org_row = QWidget()
        h = QHBoxLayout(org_row)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(self.organization, 1)
        h.addWidget(self.new_org_button)
        self.contacts = QListWidget()
        self.contacts.setObjectName("contacts")
        self.contacts.setFixedHeight(64)
        self.new_contact_button = QPushButton(self.tr("New contact…"))
        self.new_contact_button.setObjectName("newContact")
        contact_box = QWidget()
        v = QHBoxLayout(contact_box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setAlignment(Qt.AlignmentFlag.AlignTop)
        v.addWidget(self.contacts, 1, Qt.AlignmentFlag.AlignTop)
        v.addWidget(self.new_contact_button, 0, Qt.AlignmentFlag.AlignTop)
        self.visited_name = QLineEdit()
        self.visited_name.setObjectName("visitedName")
        self.visited_name.setPlaceholderText(self.tr("As written on the visit form"))
        self.workstation = QComboBox()
        self.workstation.setObjectName("workstation")
        self.public_space = QComboBox()
        self.public_space.setObjectName("publicSpace")

        left = QFormLayout()
        self._row(left, self.tr("Date"), self.visit_date, "visit_date")
        self._row(left, self.tr("County"), self.county, "county_code")
        self._row(left, self.tr("Township"), self.township, "township_code")
        self._row(left, self.tr("Mode"), self.mode, "mode")
        self.key_visit = QCheckBox(self.tr("Key visit (listed in the monthly report)"))
        self.key_visit.setObjectName("keyVisit")
        self._row(left, "", self.key_visit, None)
        self._row(left, self.tr("Counselors"), counselor_box, "counselor_ids")
        self._row(left, self.tr("Organisation"), org_row, "organization_id")
        self._row(left, self.tr("Contacts met"), contact_box, None)
        self._row(left, self.tr("Visited"), self.visited_name, "visited_name")
        self._row(left, self.tr("Workstation"), self.workstation, None)
        self._row(left, self.tr("Public space"), self.public_space, None)

        self.purpose = QLineEdit()
        self.purpose.setObjectName("purpose")
        self.texts: dict[str, QPlainTextEdit] = {}
        right = QFormLayout()
        self._row(right, self.tr("Purpose"), self.purpose, "purpose")
        labels = {"findings": self.tr("Findings"), "issues": self.tr("Issues"), "advice": self.tr("Advice"),
                  "notes": self.tr("Notes")}
        for key in TEXT_FIELDS:
            edit = QPlainTextEdit()
            edit.setObjectName(key)
            edit.setTabChangesFocus(True)
            # a few lines each; the room left over goes to the follow-ups below
            edit.setMinimumHeight(56 if key == "notes" else 72)
            edit.setMaximumHeight(110 if key == "notes" else 150)
            self.texts[key] = edit
            self._row(right, labels[key], edit, key)
            if key == "issues":  # the coded 推動課題 right under the free text they sum up
                self.topics = TopicPicker(self.ctx.services(), before_write=self.ctx.wait_until_writable)
                self._row(right, self.tr("Issue topics"), self.topics, "topic_ids")

        visit_box = QGroupBox(self.tr("Visit"))
        visit_box.setLayout(left)
        content_box = QGroupBox(self.tr("What was found and advised"))
        content_box.setLayout(right)

        # follow-ups and attachments
        self.followup_model = FollowUpTableModel(self, today=self.today)
        self.followup_view = table_view(self.followup_model, "followUps", stretch=FollowUpTableModel.COL_DESCRIPTION,
                                        min_height=110)
        self.followup_view.horizontalHeader().setSectionResizeMode(FollowUpTableModel.COL_RESULT,
                                                                   QHeaderView.ResizeMode.Stretch)
        self.add_followup_button = QPushButton(self.tr("Add follow-up…"))
        self.add_followup_button.setObjectName("addFollowUp")
        self.edit_followup_button = QPushButton(self.tr("Edit…"))
        self.edit_followup_button.setObjectName("editFollowUp")
        self.close_followup_button = QPushButton(self.tr("Close follow-up…"))
        self.close_followup_button.setObjectName("closeFollowUp")
        self.remove_followup_button = QPushButton(self.tr("Remove"))
        self.remove_followup_button.setObjectName("removeFollowUp")
        fu_buttons = QHBoxLayout()
        for b in (self.add_followup_button, self.edit_followup_button, self.close_followup_button,
                  self.remove_followup_button):
            fu_buttons.addWidget(b)
        self.followup_notice = QLabel()
        self.followup_notice.setObjectName("followUpNotice")
        self.followup_notice.setStyleSheet(f"color: {GOOD};")
        self.followup_notice.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never widens the window
        fu_buttons.addWidget(self.followup_notice, 1)
        self.followup_error = FieldError()
        fu_page = QWidget()
        fv = QVBoxLayout(fu_page)
        fv.addWidget(self.followup_view)
        fv.addWidget(self.followup_error)
        fv.addLayout(fu_buttons)
        self.attachments = AttachmentsBox(AttachmentService(self.ctx.services(), self.ctx.db.attachments_dir))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("visitTabs")
        self.tabs.addTab(fu_page, "")
        self.tabs.addTab(self.attachments, "")
        self._retitle_tabs()
        self.followup_dialog: FollowUpDialog | CloseFollowUpDialog | None = None
        self.org_dialog: NewOrganizationDialog | None = None
        self.contact_dialog: NewContactDialog | None = None

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(visit_box, 0, 0)
        grid.addWidget(content_box, 0, 1)
        grid.addWidget(self.tabs, 1, 0, 1, 2)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        grid.setRowStretch(0, 0)
        grid.setRowStretch(1, 1)
        self.tabs.setMinimumHeight(200)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Enter in a field must not press "New…" or "Remove"

        fill(self.county, [(self.tr("Choose a county"), None)]
                   + [(c.name, c.id) for c in places.counties_center_first(self.ctx.services())], keep=None)
        fill(self.township, [(self.tr("Choose the county first"), None)], keep=None)
        self._fill_orgs()
        fill(self.workstation, [(self.tr("(none)"), None)]
                   + [(w.name, w.id) for w in self.visits.workstations()], keep=None)
        fill(self.public_space, [(self.tr("(none)"), None)]
                   + [(p.name, p.id) for p in self.visits.public_spaces()], keep=None)

    def _fill_orgs(self, keep: str | None = None) -> None:
        orgs = self.people.organizations(limit=20000)
        self._org_names = {o.id: o.name for o in orgs}
        fill(self.organization, [("", None)] + [(o.name, o.id) for o in orgs], keep=keep)
        completer = QCompleter([o.name for o in orgs], self.organization)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.organization.setCompleter(completer)
        completer.activated.connect(self._org_completed)

    def _retitle_tabs(self) -> None:
        self.tabs.setTabText(0, fmt(self.tr("Follow-ups (%1)"), str(self.followup_model.rowCount())))
        self.tabs.setTabText(1, fmt(self.tr("Attachments (%1)"), str(len(self.attachments.items()))))

    def _connect(self) -> None:
        notify = self._changed
        self.visit_date.textChanged.connect(lambda _t: notify("visit_date"))
        self.county.currentIndexChanged.connect(self._county_chosen)
        self.township.currentIndexChanged.connect(lambda _i: notify("township_code"))
        self.mode.currentIndexChanged.connect(lambda _i: notify("mode"))
        self.key_visit.toggled.connect(lambda _on: notify("key_visit"))
        self.counselors.itemChanged.connect(lambda _i: notify("counselor_ids"))
        self.roster_button.clicked.connect(self.open_roster)
        self.ctx.counselors_changed.connect(self.refresh_counselors)
        self.organization.currentIndexChanged.connect(self._org_chosen)
        self.organization.editTextChanged.connect(lambda _t: notify("organization_id"))
        self.contacts.itemChanged.connect(lambda _i: notify(None))
        self.visited_name.textChanged.connect(lambda _t: notify("visited_name"))
        self.workstation.currentIndexChanged.connect(lambda _i: notify(None))
        self.public_space.currentIndexChanged.connect(lambda _i: notify(None))
        self.purpose.textChanged.connect(lambda _t: notify("purpose"))
        for key, edit in self.texts.items():
            edit.textChanged.connect(lambda k=key: notify(k))
        self.attachments.changed.connect(lambda: (self._retitle_tabs(), notify(None)))
        self.topics.changed.connect(lambda: notify("topic_ids"))
        self.new_org_button.clicked.connect(self.new_organization)
        self.new_contact_button.clicked.connect(self.new_contact)
        self.add_followup_button.clicked.connect(self.add_followup)
        self.edit_followup_button.clicked.connect(self.edit_followup)
        self.close_followup_button.clicked.connect(self.close_followup)
        self.remove_followup_button.clicked.connect(self.remove_followup)
        self.followup_view.doubleClicked.connect(lambda _i: self.edit_followup())
        self.followup_view.selectionModel().selectionChanged.connect(lambda *_: self._enable_followup_buttons())
        self._enable_followup_buttons()

    def _changed(self, field: str | None) -> None:
        if self._loading:
            return
        if field and field in self.errors:
            self.errors[field].clear_message()
        self.changed.emit()

    # --- cascading choices ---------------------------------------------------------------------------
    def _county_chosen(self) -> None:
        code = self.county.currentData()
        keep = self.township.currentData()
        towns = self.visits.townships(code) if code else []
        first = self.tr("Choose a township") if code else self.tr("Choose the county first")
        fill(self.township, [(first, None)] + [(t.name, t.id) for t in towns], keep=keep)
        self.township.setEnabled(bool(code))
        self._changed("county_code")

    def _org_completed(self, text: str) -> None:
        index = self.organization.findText(text, Qt.MatchFlag.MatchExactly)
        if index >= 0:
            self.organization.setCurrentIndex(index)

    def _org_chosen(self) -> None:
        org_id = self.organization.currentData()
        previous = getattr(self, "_last_org_name", "")
        name = self._org_names.get(org_id, "") if org_id else ""
        if not self._loading and name and self.visited_name.text().strip() in ("", previous):
            self.visited_name.setText(name)  # who was visited is usually the organisation itself
        self._last_org_name = name
        self._fill_contacts(org_id, self.checked(self.contacts))
        if not self._loading and org_id and not self.county.currentData():
            info = self.people.organization(org_id)
            if info and info.county_code:
                select(self.county, info.county_code)
                if info.township_code:
                    select(self.township, info.township_code)
        self._changed("organization_id")

    def _fill_contacts(self, org_id: str | None, checked: list[str]) -> None:
        self._fill_checkable(self.contacts, self.people.contacts(org_id, include=checked), checked)

    @staticmethod
    def _fill_checkable(widget: QListWidget, people: list[Person], checked: list[str]) -> None:
        widget.blockSignals(True)
        widget.clear()
        for p in people:
            item = QListWidgetItem(f"{p.name}（{p.detail}）" if p.detail and widget.objectName() == "contacts"
                                   else p.name)
            item.setData(VALUE_ROLE, p.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if p.id in checked else Qt.CheckState.Unchecked)
            widget.addItem(item)
        widget.blockSignals(False)

    def open_roster(self):
        from counsel_desk.ui.people.roster_dialog import RosterDialog

        self.roster_dialog = RosterDialog(self.ctx, self)
        self.roster_dialog.open()
        return self.roster_dialog

    def refresh_counselors(self) -> None:
        """The roster changed: offer its active counselors, keeping who is ticked."""
        ticked = self.checked(self.counselors)
        self._fill_checkable(self.counselors, self.people.counselors(include=ticked), ticked)

    @staticmethod
    def checked(widget: QListWidget) -> list[str]:
        return [widget.item(i).data(VALUE_ROLE) for i in range(widget.count())
                if widget.item(i).checkState() == Qt.CheckState.Checked]

    def organization_id(self) -> str | None:
        text = self.organization.currentText().strip()
        if not text:
            return None
        if self.organization.currentData() and self.organization.itemText(self.organization.currentIndex()) == text:
            return self.organization.currentData()
        index = self.organization.findText(text, Qt.MatchFlag.MatchExactly)
        return self.organization.itemData(index) if index > 0 else None

    # --- data in and out -----------------------------------------------------------------------------
    def set_data(self, data: VisitData, date_text: str | None = None) -> None:
        self._loading = True
        try:
            if date_text is not None:
                self.visit_date.setText(date_text)
            else:
                self.visit_date.set_date(data.visit_date)
            select(self.county, data.county_code or None)
            self._county_chosen()
            select(self.township, data.township_code or None)
            select(self.mode, data.mode)
            self.key_visit.setChecked(bool(data.key_visit))
            people = self.people.counselors(include=data.counselor_ids)
            self._fill_checkable(self.counselors, people, data.counselor_ids)
            if data.organization_id and data.organization_id not in self._org_names:
                self._fill_orgs()
            if not select(self.organization, data.organization_id):
                self.organization.setCurrentIndex(0)
            self._fill_contacts(data.organization_id, data.contact_ids)
            self._last_org_name = self._org_names.get(data.organization_id or "", "")
            self.visited_name.setText(data.visited_name)
            select(self.workstation, data.workstation_id)
            select(self.public_space, data.public_space_id)
            self.purpose.setText(data.purpose)
            for key, edit in self.texts.items():
                edit.setPlainText(getattr(data, key))
            self.topics.set_ids(data.topic_ids)
            self.followup_model.set_rows(data.followups)
            self.attachments.set_items(data.attachments)
            self._retitle_tabs()
            self.clear_errors()
        finally:
            self._loading = False

    def data(self, base: VisitData, *, strict: bool = True) -> VisitData:
        """The form's visit; ``strict`` raises for an unreadable date, otherwise it becomes None."""
        visit_date = self.visit_date.date_for("visit_date") if strict else self.visit_date.date_or_none()
        return VisitData(
            visit_date=visit_date, county_code=self.county.currentData() or "",
            township_code=self.township.currentData() or "", mode=self.mode.currentData(),
            counselor_ids=self.checked(self.counselors), organization_id=self.organization_id(),
            contact_ids=self.checked(self.contacts), workstation_id=self.workstation.currentData(),
            public_space_id=self.public_space.currentData(),
            visited_name=self.visited_name.text().strip() or self.organization.currentText().strip(),
            purpose=self.purpose.text(), **{k: e.toPlainText() for k, e in self.texts.items()},
            key_visit=self.key_visit.isChecked(), topic_ids=self.topics.ids(), followups=self.followup_model.drafts, attachments=self.attachments.items(), id=base.id,
            version=base.version)

    # --- errors --------------------------------------------------------------------------------------
    def clear_errors(self) -> None:
        for e in self.errors.values():
            e.clear_message()
        self.followup_error.clear_message()

    def has_marked_fields(self) -> bool:
        """Whether a red message still stands under a field or the follow-ups."""
        return any(e.text() for e in self.errors.values()) or bool(self.followup_error.text())

    def show_problems(self, exc: ValidationError) -> QWidget | None:
        """Put each message under its field; returns the widget to focus (the first problem's)."""
        self.clear_errors()
        first: QWidget | None = None
        widgets = {"visit_date": self.visit_date, "county_code": self.county, "township_code": self.township,
                   "mode": self.mode, "counselor_ids": self.counselors, "organization_id": self.organization,
                   "visited_name": self.visited_name, "purpose": self.purpose, **self.texts}
        follow_msgs = []
        for p in exc.problems or [exc]:
            field = p.field or ""
            if field.startswith("followups."):
                follow_msgs.append(p.message)
                widget = self.followup_view
                self.tabs.setCurrentIndex(0)
            else:
                label = self.errors.get(field)
                if label is None:
                    follow_msgs.append(p.message)
                    continue
                label.show_message(p.message)
                widget = widgets.get(field)
            first = first or widget
        self.followup_error.show_message("\n".join(follow_msgs))
        return first

    # --- inline people -------------------------------------------------------------------------------
    def new_organization(self) -> None:
        typed = self.organization.currentText().strip() if not self.organization_id() else ""
        self.org_dialog = NewOrganizationDialog(self.people, self, name=typed, county_code=self.county.currentData(),
                                                township_code=self.township.currentData(),
                                                on_created=self._org_created)
        self.org_dialog.open()

    def _org_created(self, org: OrgInfo) -> None:
        self._fill_orgs()
        select(self.organization, org.id)

    def new_contact(self) -> None:
        self.contact_dialog = NewContactDialog(self.people, self.organization_id(), self,
                                               on_created=self._contact_created)
        self.contact_dialog.open()

    def _contact_created(self, person: Person) -> None:
        self._fill_contacts(self.organization_id(), self.checked(self.contacts) + [person.id])
        self._changed(None)

    # --- follow-ups ----------------------------------------------------------------------------------
    def _selected_followup(self) -> int:
        rows = self.followup_view.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _enable_followup_buttons(self) -> None:
        row = self._selected_followup()
        has = row >= 0
        self.edit_followup_button.setEnabled(has)
        self.remove_followup_button.setEnabled(has)
        self.close_followup_button.setEnabled(has and self.followup_model.drafts[row].is_open)

    def _put_followup(self, row: int, draft: FollowUpDraft) -> None:
        drafts = self.followup_model.drafts
        if row < 0:
            drafts.append(draft)
        else:
            drafts[row] = draft
        self.followup_model.set_rows(drafts)
        self.followup_view.selectRow(len(drafts) - 1 if row < 0 else row)
        self._retitle_tabs()
        self.followup_error.clear_message()
        self._changed(None)

    def add_followup(self) -> None:
        self.followup_notice.clear()
        self._add_followup()

    def _add_followup(self) -> None:
        """A new follow-up, owned by the user unless she picks someone else."""
        self._followup_dialog(FollowUpDialog(self, today=self.today, owners=self._owners(),
                                             default_owner=self.ctx.actor), -1)

    def edit_followup(self) -> None:
        row = self._selected_followup()
        if row >= 0:
            self._followup_dialog(FollowUpDialog(self, self.followup_model.drafts[row], today=self.today,
                                                 owners=self._owners()), row)

    def _owners(self) -> list[str]:
        return RosterService(self.ctx.services()).names()

    def close_followup(self) -> None:
        row = self._selected_followup()
        if row >= 0:
            dialog = CloseFollowUpDialog(self, self.followup_model.drafts[row], today=self.today)
            self._followup_dialog(dialog, row)
            dialog.accepted.connect(lambda: self.followup_notice.setText(fmt(self.tr(
                "“%1” closed — press Save to keep it."), self.followup_model.drafts[row].description)))

    def _followup_dialog(self, dialog: FollowUpDialog | CloseFollowUpDialog, row: int) -> None:
        """Its OK puts the follow-up in the table (row -1: a new one); saved with the visit."""
        self.followup_dialog = dialog
        dialog.visit_date = self.visit_date.date_or_none()
        dialog.on_accept = lambda d: self._put_followup(row, d)
        dialog.open()

    def remove_followup(self) -> None:
        row = self._selected_followup()
        if row < 0:
            return
        drafts = self.followup_model.drafts
        del drafts[row]
        self.followup_model.set_rows(drafts)
        self._retitle_tabs()
        self._enable_followup_buttons()
        self._changed(None)

"""The applicant tab: title, applicant type and organisation, contacts, county and township, route,
the assisting workstation and counselor, and the plan the proposal belongs to."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QCompleter, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton,
    QRadioButton, QVBoxLayout, QWidget,
)

from counsel_desk.models.enums import OrgKind, Route
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.proposals import choices
from counsel_desk.services.proposals.drafts import ContactEntry, ProposalFields
from counsel_desk.ui.widgets.roles import VALUE_ROLE
from counsel_desk.ui.widgets.choices import fill, select


class ApplicantForm(QWidget):
    changed = Signal()
    add_contact_requested = Signal()
    remove_contact_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLineEdit()
        self.title.setObjectName("title")
        self.title.setPlaceholderText(self.tr("A name people remember, e.g. Chishang Granary Art Café"))
        self.applicant_type = QComboBox()
        self.applicant_type.setObjectName("applicantType")
        fill(self.applicant_type, OrgKind, blank=self.tr("— choose —"))
        self.organization = QLineEdit()
        self.organization.setObjectName("organization")
        self.organization.setPlaceholderText(self.tr("Registered name of the applicant"))
        self.county = QComboBox()
        self.county.setObjectName("county")
        self.township = QComboBox()
        self.township.setObjectName("township")
        self.route_multi = QRadioButton()
        self.route_existing = QRadioButton()
        self.route_multi.setObjectName("routeMulti")
        self.route_existing.setObjectName("routeExisting")
        self.route_group = QButtonGroup(self)
        self.route_group.addButton(self.route_multi)
        self.route_group.addButton(self.route_existing)
        self.route_multi.setText(self.tr("Multi-channel call: team or workstation → center → project office"))
        self.route_existing.setText(self.tr("Existing route: township office → county government → NDC"))
        self.route_multi.setChecked(True)
        self.workstation = QComboBox()
        self.workstation.setObjectName("workstation")
        self.counselor = QComboBox()
        self.counselor.setObjectName("counselor")
        self.plan = QComboBox()
        self.plan.setObjectName("plan")
        self.contacts = QListWidget()
        self.contacts.setObjectName("contacts")
        self.contacts.setMaximumHeight(90)
        self.add_contact = QPushButton(self.tr("Add contact…"))
        self.remove_contact = QPushButton(self.tr("Remove contact"))
        self.contacts_note = QLabel()
        self.contacts_note.setProperty("role", "figureCaption")

        routes = QVBoxLayout()
        routes.addWidget(self.route_multi)
        routes.addWidget(self.route_existing)
        place = QHBoxLayout()
        place.addWidget(self.county, 1)
        place.addWidget(self.township, 1)
        contact_buttons = QVBoxLayout()
        contact_buttons.addWidget(self.add_contact)
        contact_buttons.addWidget(self.remove_contact)
        contact_buttons.addStretch(1)
        contact_row = QHBoxLayout()
        contact_row.addWidget(self.contacts, 1)
        contact_row.addLayout(contact_buttons)
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)  # extra height goes below the form, not into its rows
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Proposal title:"), self.title)
        form.addRow(self.tr("Applicant type:"), self.applicant_type)
        form.addRow(self.tr("Applicant (organisation):"), self.organization)
        form.addRow(self.tr("Contacts:"), contact_row)
        form.addRow("", self.contacts_note)
        form.addRow(self.tr("County and township:"), place)
        form.addRow(self.tr("Route:"), routes)
        form.addRow(self.tr("Assisting workstation:"), self.workstation)
        form.addRow(self.tr("Counselor:"), self.counselor)
        form.addRow(self.tr("Revitalization plan:"), self.plan)

        self.county.currentIndexChanged.connect(self._county_changed)
        for w in (self.title, self.organization):
            w.textChanged.connect(lambda _t: self.changed.emit())
        for combo in (self.applicant_type, self.township, self.workstation, self.counselor, self.plan):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.route_group.buttonToggled.connect(lambda _b, on: on and self.changed.emit())
        self.add_contact.clicked.connect(self.add_contact_requested.emit)
        self.remove_contact.clicked.connect(self._remove_contact)
        self._svc: ServiceContext | None = None

    def load_choices(self, svc: ServiceContext) -> None:
        self._svc = svc
        fill(self.county, choices.counties(svc), blank=self.tr("— county —"))
        fill(self.workstation, choices.workstations(svc), blank=self.tr("— none —"))
        fill(self.counselor, choices.own_counselors(svc), blank=self.tr("— none —"))
        fill(self.plan, choices.plans(svc), blank=self.tr("— standalone proposal —"))
        completer = QCompleter(choices.organization_names(svc), self.organization)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.organization.setCompleter(completer)

    def _county_changed(self) -> None:
        county = self.county.currentData()
        if self._svc is not None:
            fill(self.township, choices.townships(self._svc, county) if county else [],
                         blank=self.tr("— township —"))
        self.changed.emit()

    def _remove_contact(self) -> None:
        item = self.contacts.currentItem()
        if item is not None:
            self.remove_contact_requested.emit(item.data(VALUE_ROLE))

    # --- values ---------------------------------------------------------------------------------
    def load(self, fields: ProposalFields | None, contacts: list[ContactEntry], saved: bool) -> None:
        f = fields or ProposalFields("", "", "")
        widgets = (self.title, self.organization, self.applicant_type, self.county, self.township,
                   self.workstation, self.counselor, self.plan, self.route_group)
        for w in widgets:
            w.blockSignals(True)
        self.title.setText(f.title)
        self.organization.setText(f.organization_name)
        select(self.applicant_type, f.applicant_type or None, or_first=True)
        select(self.county, f.county_code or None, or_first=True)
        if self._svc is not None:
            fill(self.township, choices.townships(self._svc, f.county_code) if f.county_code else [],
                         blank=self.tr("— township —"))
        select(self.township, f.township_code or None, or_first=True)
        (self.route_existing if f.route == Route.EXISTING.value else self.route_multi).setChecked(True)
        select(self.workstation, f.workstation_id, or_first=True)
        if self._svc is not None:
            fill(self.counselor, choices.own_counselors(self._svc, f.counselor_id), blank=self.tr("— none —"))
        select(self.counselor, f.counselor_id, or_first=True)
        select(self.plan, f.plan_id, or_first=True)
        for w in widgets:
            w.blockSignals(False)
        self.set_contacts(contacts, saved)

    def set_contacts(self, contacts: list[ContactEntry], saved: bool) -> None:
        self.contacts.clear()
        for c in contacts:
            item = QListWidgetItem(" ".join(t for t in (c.name, c.title, c.phone, c.email) if t))
            item.setData(VALUE_ROLE, c.id)
            self.contacts.addItem(item)
        self.add_contact.setEnabled(saved)
        self.remove_contact.setEnabled(saved and bool(contacts))
        self.contacts_note.setText("" if saved else self.tr("Save the proposal first to add contacts."))

    def values(self, self_funding: int, matching_funds: int) -> ProposalFields:
        return ProposalFields(
            title=self.title.text().strip(), county_code=self.county.currentData() or "",
            township_code=self.township.currentData() or "",
            route=Route.EXISTING.value if self.route_existing.isChecked() else Route.MULTI.value,
            applicant_type=self.applicant_type.currentData() or "", organization_name=self.organization.text().strip(),
            workstation_id=self.workstation.currentData(), counselor_id=self.counselor.currentData(),
            plan_id=self.plan.currentData(), self_funding=self_funding, matching_funds=matching_funds)

    def focus_field(self, field: str | None) -> None:
        target = {"title": self.title, "organization": self.organization, "applicant_type": self.applicant_type,
                  "county": self.county, "township": self.township, "route": self.route_multi}.get(field or "")
        if target is not None:
            target.setFocus()

"""Creating an organisation (單位) or a contact person (聯絡人) inline, without leaving the visit editor."""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from counsel_desk.models.enums import OrgKind
from counsel_desk.services.people.people import OrgInfo, PeopleService, Person
from counsel_desk.ui.visits.widgets import FormDialog
from counsel_desk.ui.widgets.fit import fit_window


class NewOrganizationDialog(FormDialog):
    """Name, kind and place of a new organisation; ``created`` holds it after OK."""

    def __init__(self, service: PeopleService, parent: QWidget | None = None, *, name: str = "",
                 county_code: str | None = None, township_code: str | None = None,
                 on_created: Callable[[OrgInfo], None] | None = None):
        super().__init__(parent)
        self.setObjectName("newOrganizationDialog")
        self.setWindowTitle(self.tr("New organisation"))
        self.service = service
        self.created: OrgInfo | None = None
        self.on_created = on_created
        self._place = (county_code, township_code)
        self.name = QLineEdit(name)
        self.name.setObjectName("orgName")
        self.name.setMinimumWidth(320)
        self.kind = QComboBox()
        self.kind.setObjectName("orgKind")
        for k in OrgKind:
            self.kind.addItem(k.label, k.value)
        self.phone = QLineEdit()
        self.phone.setObjectName("orgPhone")
        self.add_row(self.tr("Name"), self.name, "name")
        self.add_row(self.tr("Kind"), self.kind, "kind")
        self.add_row(self.tr("Phone"), self.phone, "phone")
        self.name.setFocus()
        fit_window(self, "newOrganizationDialog", self.sizeHint())

    def submit(self) -> None:
        county, town = self._place
        self.created = self.service.create_organization(self.name.text(), self.kind.currentData(), county, town,
                                                        phone=self.phone.text())
        if self.on_created is not None:
            self.on_created(self.created)


class NewContactDialog(FormDialog):
    """A contact person of the visited organisation (personal data: only what is needed)."""

    def __init__(self, service: PeopleService, organization_id: str | None, parent: QWidget | None = None, *,
                 on_created: Callable[[Person], None] | None = None):
        super().__init__(parent)
        self.setObjectName("newContactDialog")
        self.setWindowTitle(self.tr("New contact"))
        self.service = service
        self.organization_id = organization_id
        self.created: Person | None = None
        self.on_created = on_created
        self.name = QLineEdit()
        self.name.setObjectName("contactName")
        self.name.setMinimumWidth(280)
        self.title = QLineEdit()
        self.title.setObjectName("contactTitle")
        self.phone = QLineEdit()
        self.phone.setObjectName("contactPhone")
        self.email = QLineEdit()
        self.email.setObjectName("contactEmail")
        self.add_row(self.tr("Full name"), self.name, "name")
        self.add_row(self.tr("Title"), self.title, "title")
        self.add_row(self.tr("Phone"), self.phone, "phone")
        self.add_row(self.tr("E-mail"), self.email, "email")
        self.name.setFocus()
        fit_window(self, "newContactDialog", self.sizeHint())

    def submit(self) -> None:
        self.created = self.service.create_contact(self.organization_id, self.name.text(), self.title.text(),
                                                   self.phone.text(), self.email.text())
        if self.on_created is not None:
            self.on_created(self.created)

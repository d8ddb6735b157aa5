"""The details form of a workstation (工作站基本資料) and its contact people.

Name, operator and its kind, host with age and years on site, team size, partners aged 20–45 and
full-time staff now (a new budget year starts from it; each year keeps its own), county and township,
year approved, the 12-month term, status and the young people who stayed or came back. Saving goes
through ``services/workstations/workstations.py``; a refused value is shown in red under the form, and what the
rules warn about (eligibility facts, a term longer than the plan's, a county outside the center's) in
amber with its source — saved anyway.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from counsel_desk.models import Workstation
from counsel_desk.models.enums import OperatorKind, WorkstationStatus
from counsel_desk.services.workstations import workstations as ws_service
from counsel_desk.services.places.places import counties
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.messages import confirm, guarded
from counsel_desk.ui.widgets.places import PlacePicker
from counsel_desk.ui.widgets.conflict_dialog import save_resolving
from counsel_desk.ui.widgets.fit import fit_window
from counsel_desk.ui.widgets.text import fmt
from counsel_desk.ui.theme import WARN
from counsel_desk.ui.widgets.rows import RowsModel, table_view
from counsel_desk.ui.widgets.choices import EnumCombo
from counsel_desk.ui.widgets.date_edit import DateEdit
from counsel_desk.ui.widgets.fields import FieldError


NOT_RECORDED = -1  # an eligibility spin box's "—"


def _fact(box: QSpinBox) -> int | None:
    return None if box.value() == NOT_RECORDED else box.value()


def _spin(maximum: int, special: str | None = None, minimum: int = 0) -> QSpinBox:
    box = QSpinBox()
    box.setRange(minimum, maximum)
    if special is not None:
        box.setSpecialValueText(special)
    return box


class StationForm(QWidget):
    """Edit one station's details; ``saved(id)`` after a successful save."""

    saved = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.station_id: str | None = None
        self.dirty = False

        self.name = QLineEdit()
        self.operator_name = QLineEdit()
        self.operator_kind = EnumCombo(OperatorKind)
        self.host_name = QLineEdit()
        self.host_age = _spin(120, special="—", minimum=NOT_RECORDED)
        self.host_years_on_site = _spin(99, special="—", minimum=NOT_RECORDED)
        self.young_partners = _spin(999, special="—", minimum=NOT_RECORDED)
        self.team_size = _spin(999)
        self.fulltime_staff = _spin(999)
        self.county = QComboBox()
        self.township = QComboBox()
        self.places = PlacePicker(ctx.db.session_factory, self.county, self.township)
        self.year_approved = _spin(200, special="—")
        self.year_approved.setPrefix(self.tr("ROC "))
        self.term_start = DateEdit()
        self.term_end = DateEdit()
        self.term_end.setToolTip(self.tr("Left empty, the term ends 12 months after it starts."))
        self.status = EnumCombo(WorkstationStatus)
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(70)
        self.error = FieldError()
        self.notices = QLabel()
        self.notices.setObjectName("stationNotices")
        self.notices.setWordWrap(True)
        self.notices.setStyleSheet(f"color: {WARN};")
        self.save_button = QPushButton(self.tr("Save details"))
        self.save_button.setDefault(True)

        top = QFormLayout()
        top.addRow(self.tr("Name"), self.name)
        operator = QHBoxLayout()
        operator.addWidget(self.operator_name, 1)
        operator.addWidget(self.operator_kind)
        top.addRow(self.tr("Operator"), operator)
        host = QHBoxLayout()
        host.addWidget(self.host_name, 1)
        host.addWidget(QLabel(self.tr("age")))
        host.addWidget(self.host_age)
        host.addWidget(QLabel(self.tr("years on site")))
        host.addWidget(self.host_years_on_site)
        top.addRow(self.tr("Host"), host)
        left = QFormLayout()
        left.addRow(self.tr("County"), self.county)
        left.addRow(self.tr("Township"), self.township)
        left.addRow(self.tr("Status"), self.status)
        left.addRow(self.tr("Year approved"), self.year_approved)
        right = QFormLayout()
        right.addRow(self.tr("Team size"), self.team_size)
        right.addRow(self.tr("Partners aged 20–45"), self.young_partners)
        right.addRow(self.tr("Full-time staff"), self.fulltime_staff)
        term = QHBoxLayout()
        term.addWidget(self.term_start)
        term.addWidget(QLabel("–"))
        term.addWidget(self.term_end)
        term.addStretch(1)
        bottom = QFormLayout()
        bottom.addRow(self.tr("Term"), term)
        bottom.addRow(self.tr("Notes"), self.notes)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addLayout(top, 0, 0, 1, 2)
        grid.addLayout(left, 1, 0)
        grid.addLayout(right, 1, 1)
        grid.addLayout(bottom, 2, 0, 1, 2)
        grid.addWidget(self.error, 3, 0, 1, 2)
        grid.addWidget(self.notices, 4, 0, 1, 2)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        grid.addLayout(buttons, 5, 0, 1, 2)

        self.save_button.clicked.connect(self.save)
        for w in (self.name, self.operator_name, self.host_name, self.term_start, self.term_end):
            w.textEdited.connect(self._mark_dirty)
        for w in (self.team_size, self.fulltime_staff, self.year_approved, self.host_age, self.host_years_on_site,
                  self.young_partners):
            w.valueChanged.connect(self._mark_dirty)
        for w in (self.operator_kind, self.status, self.county, self.township):
            w.activated.connect(self._mark_dirty)
        self.notes.textChanged.connect(self._mark_dirty)

    def _mark_dirty(self, *_args) -> None:
        self.dirty = True

    # --- loading and saving ------------------------------------------------------------------------
    def load(self, station: Workstation | None) -> None:
        self.station_id = station.id if station else None
        self.station_version = station.version if station else None  # a save refuses a station saved since
        s = station or Workstation(center_code=self.ctx.center_code, name="", county_code="", township_code="",
                                   status=WorkstationStatus.ACTIVE.value)
        self.name.setText(s.name)
        self.operator_name.setText(s.operator_name)
        self.operator_kind.set_code(s.operator_kind)
        self.host_name.setText(s.host_name)
        for box, value in ((self.host_age, s.host_age), (self.host_years_on_site, s.host_years_on_site),
                           (self.young_partners, s.young_partners)):
            box.setValue(NOT_RECORDED if value is None else value)
        self.team_size.setValue(s.team_size)
        self.fulltime_staff.setValue(s.fulltime_staff)
        self.places.set_place(s.county_code, s.township_code)
        self.year_approved.setValue(s.year_approved or 0)
        self.term_start.set_date(s.term_start)
        self.term_end.set_date(s.term_end)
        self.status.set_code(s.status)
        self.notes.blockSignals(True)
        self.notes.setPlainText(s.notes)
        self.notes.blockSignals(False)
        self.error.clear_message()
        self.show_notices(ws_service.station_notices(self.ctx.services(), station) if station else [])
        self.dirty = False

    def show_notices(self, notices) -> None:
        """What the rules warn about this station, each with its source (never a refusal)."""
        self.notices.setText("\n".join(n.line for n in notices))
        self.notices.setVisible(bool(notices))

    def values(self) -> dict:
        """The form as service fields; ValidationError when a date can't be read."""
        return {
            "name": self.name.text(), "operator_name": self.operator_name.text(),
            "operator_kind": self.operator_kind.code(), "host_name": self.host_name.text(),
            "team_size": self.team_size.value(), "fulltime_staff": self.fulltime_staff.value(),
            "county_code": self.places.county_code(), "township_code": self.places.township_code(),
            "year_approved": self.year_approved.value(), "term_start": self.term_start.date(),
            "term_end": self.term_end.date(), "status": self.status.code(),
            "notes": self.notes.toPlainText(), "host_age": _fact(self.host_age),
            "host_years_on_site": _fact(self.host_years_on_site), "young_partners": _fact(self.young_partners),
        }

    def field_labels(self) -> dict[str, str]:
        """The form's label of each field :meth:`values` gives (named in the conflict dialog)."""
        return {"name": self.tr("Name"), "operator_name": self.tr("Operator"), "operator_kind": self.tr("Operator"),
                "host_name": self.tr("Host"), "host_age": self.tr("age"), "host_years_on_site": self.tr("years on site"),
                "county_code": self.tr("County"), "township_code": self.tr("Township"), "status": self.tr("Status"),
                "year_approved": self.tr("Year approved"), "team_size": self.tr("Team size"),
                "young_partners": self.tr("Partners aged 20–45"), "fulltime_staff": self.tr("Full-time staff"),
                "term_start": self.tr("Term"), "term_end": self.tr("Term"), "notes": self.tr("Notes")}

    def save(self) -> bool:
        sc = self.ctx.services()
        with guarded(self, into=self.error) as done:
            fields = self.values()
            if self.station_id is None:
                station = self.ctx.run(ws_service.create_workstation, sc, fields)
            else:  # saved by someone else meanwhile: she decides field by field
                station_id = self.station_id
                found = save_resolving(self, lambda values, version: self.ctx.run(
                    ws_service.update_workstation, sc, station_id, values, version), fields, self.station_version, self.field_labels(),
                    {c.id: c.name for c in counties(self.ctx.db.session_factory)})
                if found is None:
                    return False
                station = found
        if not done:
            return False
        self.load(station)
        self.ctx.status_message.emit(self.tr("Workstation saved."))
        self.saved.emit(station.id)
        return True


class ContactsPanel(QWidget):
    """The station's contact people (聯絡人) with add and remove."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.station_id: str | None = None
        self.model = RowsModel([self.tr("Full name"), self.tr("Job title"), self.tr("Phone"), self.tr("E-mail")], self)
        self.view = table_view(self.model, single=False, even=True, stretch=None, max_height=120)
        self.add_button = QPushButton(self.tr("Add contact…"))
        self.remove_button = QPushButton(self.tr("Remove contact"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.view)
        lay.addLayout(buttons)
        self.add_button.clicked.connect(self.add_contact)
        self.remove_button.clicked.connect(self.remove_contact)

    def load(self, station_id: str | None) -> None:
        self.station_id = station_id
        self.add_button.setEnabled(station_id is not None)
        self.remove_button.setEnabled(station_id is not None)
        rows = ws_service.contacts(self.ctx.services(), station_id) if station_id else []
        self.model.set_rows([(c.id, [c.name, c.title, c.phone, c.email]) for c in rows])

    def add_contact(self) -> None:
        if self.station_id is None:
            return
        dialog = ContactDialog(self)
        dialog.accepted.connect(lambda: self._create(dialog))
        self.dialog = dialog
        dialog.open()

    def _create(self, dialog: "ContactDialog") -> None:
        with guarded(self) as done:
            self.ctx.run(ws_service.add_contact, self.ctx.services(), self.station_id, **dialog.values())
        if not done:
            return
        self.load(self.station_id)

    def remove_contact(self) -> None:
        index = self.view.currentIndex()
        cid = self.model.id_at(index.row()) if index.isValid() else None
        if not cid or self.station_id is None:
            return
        name = self.model.values_at(index.row())[0]
        if not confirm(self, fmt(self.tr("Remove %1 from this workstation's contacts?"), name),
                           do=self.tr("Remove")):
            return
        self.ctx.run(ws_service.remove_contact, self.ctx.services(), self.station_id, cid)
        self.load(self.station_id)


class ContactDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New contact"))
        self.name = QLineEdit()
        self.title = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("Full name"), self.name)
        form.addRow(self.tr("Job title"), self.title)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("E-mail"), self.email)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        fit_window(self, "workstationContactDialog", self.sizeHint())

    def _accept(self) -> None:
        if self.name.text().strip():
            self.accept()
        else:
            self.name.setFocus()

    def values(self) -> dict:
        return {"name": self.name.text(), "title": self.title.text(), "phone": self.phone.text(),
                "email": self.email.text()}

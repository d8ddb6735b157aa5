"""Public spaces (活化公有空間): the list, the editor beside it and the proposals linked to a space.

A space's subsidy is capped by the plan in force in the year it was approved (NT$5,000,000 in the
seed's years; refused above, with the message under the form; a plan that publishes no cap is not checked).
"Link proposal…" picks a proposal not yet linked to any space; "Unlink" removes the link.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from counsel_desk.models import PublicSpace
from counsel_desk.models.enums import PublicSpaceStatus
from counsel_desk.services.workstations import spaces as space_service
from counsel_desk.services.workstations.program_lists import PublicSpaceListSource
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.messages import guarded
from counsel_desk.ui.page_titles import page_title
from counsel_desk.ui.workstations.list_panel import ListPanel
from counsel_desk.ui.workstations.record_page import RecordListPage
from counsel_desk.ui.widgets.places import PlacePicker
from counsel_desk.ui.widgets.fit import fit_window
from counsel_desk.ui.widgets.text import counted
from counsel_desk.ui.widgets.rows import RowsModel, table_view
from counsel_desk.ui.widgets.choices import EnumCombo
from counsel_desk.ui.widgets.fields import MoneyEdit, heading


class PublicSpaceListPage(RecordListPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        panel = ListPanel(ctx, PublicSpaceListSource(ctx.db.session_factory), enum_filter=PublicSpaceStatus)
        super().__init__(ctx, parent, panel=panel, changed_signal=ctx.public_spaces_changed)
        self.heading.setText(page_title("spaces"))
        self.new_button.setText(self.tr("New public space"))
        panel.search.setPlaceholderText(self.tr("Search name, address, agency, team…"))
        self.picker: ProposalPicker | None = None

        self.name = QLineEdit()
        self.address = QLineEdit()
        self.owning_agency = QLineEdit()
        self.county = QComboBox()
        self.township = QComboBox()
        self.places = PlacePicker(ctx.db.session_factory, self.county, self.township)
        self.subsidy = MoneyEdit()
        self.status = EnumCombo(PublicSpaceStatus)
        self.operating_team = QLineEdit()
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(70)
        self.visits_label = QLabel()
        subsidy = QHBoxLayout()
        subsidy.addWidget(self.subsidy, 1)
        self.year_approved = QSpinBox()
        self.year_approved.setRange(0, 1910)
        self.year_approved.setSpecialValueText("—")
        self.year_approved.setPrefix(self.tr("ROC "))
        self.year_approved.setToolTip(self.tr("The subsidy's cap is that of the plan in force in this year."))
        subsidy.addWidget(QLabel(self.tr("approved in")))
        subsidy.addWidget(self.year_approved)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Address"), self.address)
        self.form.addRow(self.tr("Owning agency"), self.owning_agency)
        self.form.addRow(self.tr("County"), self.county)
        self.form.addRow(self.tr("Township"), self.township)
        self.form.addRow(self.tr("Subsidy NT$"), subsidy)
        self.form.addRow(self.tr("Status"), self.status)
        self.form.addRow(self.tr("Operating team"), self.operating_team)
        self.form.addRow(self.tr("Notes"), self.notes)
        self.form.addRow(self.tr("Site visits"), self.visits_label)

        self.proposals_model = RowsModel([self.tr("Proposal"), self.tr("Place"), self.tr("Stage")], self)
        self.proposals_view = table_view(self.proposals_model, fit=True, min_height=140)
        self.link_button = QPushButton(self.tr("Link proposal…"))
        self.unlink_button = QPushButton(self.tr("Unlink"))
        linked_head = QHBoxLayout()
        linked_head.addWidget(heading(self.tr("Linked proposals")))
        linked_head.addStretch(1)
        linked_head.addWidget(self.link_button)
        linked_head.addWidget(self.unlink_button)
        self.extra.addLayout(linked_head)
        self.extra.addWidget(self.proposals_view)
        self.link_button.clicked.connect(self.pick_proposal)
        self.unlink_button.clicked.connect(self.unlink_selected)

        for w in (self.name, self.address, self.owning_agency, self.subsidy, self.operating_team):
            w.textEdited.connect(self.mark_dirty)
        for w in (self.county, self.township, self.status):
            w.activated.connect(self.mark_dirty)
        self.year_approved.valueChanged.connect(self.mark_dirty)
        self.notes.textChanged.connect(self.mark_dirty)
        for signal in (ctx.proposals_changed, ctx.visits_changed):
            signal.connect(self.data_changed)
        self.show_record(None)

    # --- RecordListPage ---------------------------------------------------------------------------
    def describe(self, record: PublicSpace | None) -> str:
        return record.name if record is not None else self.tr("New public space")

    def get(self, record_id: str) -> PublicSpace:
        return space_service.get_space(self.ctx.services(), record_id)

    def create(self, fields: dict) -> PublicSpace:
        return self.ctx.run(space_service.create_space, self.ctx.services(), fields)

    def update(self, record_id: str, fields: dict, version: int | None = None) -> PublicSpace:
        return self.ctx.run(space_service.update_space, self.ctx.services(), record_id, fields, version)

    def field_labels(self) -> dict[str, str]:
        return {"name": self.tr("Name"), "address": self.tr("Address"), "owning_agency": self.tr("Owning agency"),
                "county_code": self.tr("County"), "township_code": self.tr("Township"), "subsidy": self.tr("Subsidy NT$"),
                "status": self.tr("Status"), "operating_team": self.tr("Operating team"), "notes": self.tr("Notes")}

    def remove(self, record_id: str) -> None:
        self.ctx.run(space_service.delete_space, self.ctx.services(), record_id)

    def load_record(self, record: PublicSpace | None) -> None:
        r = record or PublicSpace(center_code=self.ctx.center_code, name="", county_code="", township_code="")
        self.name.setText(r.name)
        self.address.setText(r.address)
        self.owning_agency.setText(r.owning_agency)
        self.places.set_place(r.county_code, r.township_code)
        self.subsidy.set_value(r.subsidy)
        self.year_approved.setValue(r.year_approved or 0)
        self.status.set_code(r.status)
        self.operating_team.setText(r.operating_team)
        self.notes.setPlainText(r.notes)
        self.link_button.setEnabled(record is not None)
        self.unlink_button.setEnabled(record is not None)
        n = space_service.visit_count(self.ctx.services(), record.id) if record is not None else 0
        self.visits_label.setText(counted(n, self.tr("%1 visit"), self.tr("%1 visits")))
        self._show_linked()

    def values(self) -> dict:
        return {"name": self.name.text(), "address": self.address.text(), "owning_agency": self.owning_agency.text(),
                "county_code": self.places.county_code(), "township_code": self.places.township_code(),
                "subsidy": self.subsidy.value(), "year_approved": self.year_approved.value() or None,
                "status": self.status.code(),
                "operating_team": self.operating_team.text(), "notes": self.notes.toPlainText()}

    # --- linked proposals -------------------------------------------------------------------------
    def _show_linked(self) -> None:
        refs = space_service.linked_proposals(self.ctx.services(), self.record_id) if self.record_id else []
        self.proposals_model.set_rows([(p.id, [p.title, p.place, p.stage]) for p in refs])

    def pick_proposal(self) -> "ProposalPicker | None":
        if self.record_id is None:
            return None
        self.picker = ProposalPicker(self.ctx, self)
        self.picker.accepted.connect(lambda: self.link(self.picker.chosen_id()))
        self.picker.open()
        return self.picker

    def link(self, proposal_id: str | None) -> None:
        if not proposal_id or self.record_id is None:
            return
        with guarded(self) as done:
            self.ctx.run(space_service.link_proposal, self.ctx.services(), self.record_id, proposal_id)
        if not done:
            return
        self._after_link_change()

    def unlink_selected(self) -> None:
        index = self.proposals_view.currentIndex()
        pid = self.proposals_model.id_at(index.row()) if index.isValid() else None
        if not pid:
            return
        with guarded(self) as done:
            self.ctx.run(space_service.unlink_proposal, self.ctx.services(), pid)
        if not done:
            return
        self._after_link_change()

    def _after_link_change(self) -> None:
        self._show_linked()
        self.panel.reload()


class ProposalPicker(QDialog):
    """Choose a proposal not linked to any space yet (search by title or place)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Link a proposal"))
        self.resize(620, 420)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search title or place…"))
        self.search.setClearButtonEnabled(True)
        self.model = RowsModel([self.tr("Proposal"), self.tr("Place"), self.tr("Stage")], self)
        self.view = table_view(self.model, fit=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Link"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.search)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.buttons)
        self.search.textChanged.connect(self.refresh)
        self.view.doubleClicked.connect(lambda _i: self._accept())
        self.refresh()
        fit_window(self, "proposalPicker", (620, 420), settings=ctx.settings)

    def refresh(self) -> None:
        refs = space_service.proposal_candidates(self.ctx.services(), self.search.text())
        self.model.set_rows([(p.id, [p.title, p.place, p.stage]) for p in refs])
        if refs:
            self.view.selectRow(0)

    def chosen_id(self) -> str | None:
        index = self.view.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def _accept(self) -> None:
        if self.chosen_id():
            self.accept()

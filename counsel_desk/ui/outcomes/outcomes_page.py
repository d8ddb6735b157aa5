"""Outcomes (成果紀錄): the list of dated outcomes and the editor beside it.

An outcome is tied to a workstation, a proposal, a youth team or a township. The form shows the
fields its kind uses: people for youth (with 設籍), jobs and visitors; an amount for revenue, the
agency and programme for resources matched, the company for investment and CSR.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from counsel_desk.errors import ValidationError
from counsel_desk.models import Outcome
from counsel_desk.models.enums import PEOPLE_OUTCOMES, OutcomeKind
from counsel_desk.services.outcomes import outcomes as outcome_service
from counsel_desk.services.outcomes.outcome_lists import OutcomeListSource
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.page_titles import page_title
from counsel_desk.ui.workstations.list_panel import ListPanel
from counsel_desk.ui.workstations.record_page import RecordListPage
from counsel_desk.ui.widgets.places import PlacePicker
from counsel_desk.ui.widgets.choices import EnumCombo, say_when_empty, select
from counsel_desk.ui.widgets.date_edit import DateEdit
from counsel_desk.ui.widgets.fields import MoneyEdit

TIES = ("workstation", "proposal", "youth_team", "township")
NONE_YET = {"workstation": ("還沒有任何工作站", "There are no workstations yet"),  # the save's refusal, both languages
            "proposal": ("還沒有任何提案", "There are no proposals yet"),
            "youth_team": ("還沒有任何青年團隊", "There are no youth teams yet")}


class OutcomeListPage(RecordListPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        panel = ListPanel(ctx, OutcomeListSource(ctx.db.session_factory), enum_filter=OutcomeKind, enum_key="kind",
                          period=True)
        super().__init__(ctx, parent, panel=panel, changed_signal=ctx.outcomes_changed)
        self.heading.setText(page_title("outcomes"))
        self.new_button.setText(self.tr("New outcome"))
        panel.search.setPlaceholderText(self.tr("Search note, agency, company…"))

        self.outcome_date = DateEdit()
        self.kind = EnumCombo(OutcomeKind)
        self.people = QSpinBox()
        self.people.setRange(0, 100_000_000)
        self.people.setGroupSeparatorShown(True)
        self.amount = MoneyEdit()
        self.registered = QComboBox()
        for text, value in ((self.tr("Unknown"), None), (self.tr("Registered"), True),
                            (self.tr("Not registered"), False)):
            self.registered.addItem(text, value)
        self.agency = QLineEdit()
        self.agency.setPlaceholderText(self.tr("e.g. Ministry of Agriculture"))
        self.programme = QLineEdit()
        self.company = QLineEdit()
        self.tie = QComboBox()
        for key, text in zip(TIES, (self.tr("Workstation"), self.tr("Proposal"), self.tr("Youth team"),
                                    self.tr("Township only"))):
            self.tie.addItem(text, key)
        self.owner = QComboBox()
        self.county = QComboBox()
        self.township = QComboBox()
        self.places = PlacePicker(ctx.db.session_factory, self.county, self.township, any_text=self.tr("(none)"))
        self.note = QPlainTextEdit()
        self.note.setMaximumHeight(70)
        self.form.addRow(self.tr("Date"), self.outcome_date)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("People"), self.people)
        self.form.addRow(self.tr("Amount (NT$)"), self.amount)
        self.form.addRow(self.tr("Household registration"), self.registered)
        self.form.addRow(self.tr("Agency"), self.agency)
        self.form.addRow(self.tr("Agency programme"), self.programme)
        self.form.addRow(self.tr("Company"), self.company)
        self.form.addRow(self.tr("Tied to"), self.tie)
        self.form.addRow(self.tr("Record"), self.owner)
        self.form.addRow(self.tr("County"), self.county)
        self.form.addRow(self.tr("Township"), self.township)
        self.form.addRow(self.tr("Note"), self.note)
        self._choices: dict[str, list[tuple[str, str]]] = {}

        self.outcome_date.textEdited.connect(self.mark_dirty)
        for w in (self.agency, self.programme, self.company, self.amount):
            w.textEdited.connect(self.mark_dirty)
        for c in (self.kind, self.registered, self.owner, self.county, self.township):
            c.activated.connect(self.mark_dirty)
        self.people.valueChanged.connect(self.mark_dirty)
        self.note.textChanged.connect(self.mark_dirty)
        self.kind.currentIndexChanged.connect(lambda _i: self._show_fields())
        self.tie.currentIndexChanged.connect(lambda _i: (self._fill_owners(), self.mark_dirty()))
        self.show_record(None)

    # --- the form's shape follows the kind and the tie ---------------------------------------------
    def _show_fields(self) -> None:
        kind = OutcomeKind(self.kind.code() or OutcomeKind.YOUTH_STAYED.value)
        people = kind in PEOPLE_OUTCOMES
        shown = {self.people: people, self.amount: not people, self.registered: kind.is_youth,
                 self.agency: kind is OutcomeKind.RESOURCE_MATCHING,
                 self.programme: kind is OutcomeKind.RESOURCE_MATCHING,
                 self.company: kind in (OutcomeKind.CORPORATE_INVESTMENT, OutcomeKind.CORPORATE_CSR)}
        for widget, visible in shown.items():
            self.form.setRowVisible(widget, visible)

    def _fill_owners(self, selected: str | None = None) -> None:
        tie = str(self.tie.currentData())
        if not self._choices:
            self._choices = outcome_service.owner_choices(self.ctx.services())
        self.owner.clear()
        for rid, name in self._choices.get(tie, []):
            self.owner.addItem(name, rid)
        say_when_empty(self.owner, self._none_yet().get(tie, ""))  # a new center has none: said, not a blank box
        self.form.setRowVisible(self.owner, tie != "township")
        if selected:
            select(self.owner, selected, or_first=True)

    def _none_yet(self) -> dict[str, str]:
        """What the record box says when there is nothing of that kind to tie to yet."""
        return {"workstation": self.tr("No workstations yet"), "proposal": self.tr("No proposals yet"),
                "youth_team": self.tr("No youth teams yet")}

    # --- RecordListPage ---------------------------------------------------------------------------
    def describe(self, record: Outcome | None) -> str:
        return OutcomeKind.label_of(record.kind) if record is not None else self.tr("New outcome")

    def get(self, record_id: str) -> Outcome:
        return outcome_service.get_outcome(self.ctx.services(), record_id)

    def create(self, fields: dict) -> Outcome:
        return self.ctx.run(outcome_service.record_outcome, self.ctx.services(), fields)

    def update(self, record_id: str, fields: dict, version: int | None = None) -> Outcome:
        return self.ctx.run(outcome_service.update_outcome, self.ctx.services(), record_id, fields, version)

    def field_labels(self) -> dict[str, str]:
        return {"outcome_date": self.tr("Date"), "kind": self.tr("Kind"), "people": self.tr("People"),
                "amount": self.tr("Amount (NT$)"), "registered": self.tr("Household registration"),
                "agency": self.tr("Agency"), "programme": self.tr("Agency programme"), "company": self.tr("Company"),
                "workstation_id": self.tr("Record"), "proposal_id": self.tr("Record"),
                "youth_team_id": self.tr("Record"), "county_code": self.tr("County"),
                "township_code": self.tr("Township"), "note": self.tr("Note")}

    def remove(self, record_id: str) -> None:
        self.ctx.run(outcome_service.delete_outcome, self.ctx.services(), record_id)

    def load_record(self, record: Outcome | None) -> None:
        r = record or Outcome(center_code=self.ctx.center_code, outcome_date=date.today(),
                              kind=OutcomeKind.YOUTH_STAYED.value)
        self._choices = {}
        self.outcome_date.set_date(r.outcome_date)
        self.kind.set_code(r.kind)
        self.people.setValue(r.people)
        self.amount.set_value(r.amount)
        select(self.registered, r.registered, or_first=True)
        self.agency.setText(r.agency)
        self.programme.setText(r.programme)
        self.company.setText(r.company)
        if record is None:  # a new outcome is tied to the first kind of record there is: a new center's, its township
            self._choices = outcome_service.owner_choices(self.ctx.services())
            first = next((key for key in TIES[:3] if self._choices.get(key)), "township")
        tie, owner = next(((key, getattr(r, f"{key}_id")) for key in TIES[:3] if getattr(r, f"{key}_id")),
                          ("township" if record is not None else first, None))
        self.tie.blockSignals(True)
        select(self.tie, tie, or_first=True)
        self.tie.blockSignals(False)
        self._fill_owners(owner)
        self.places.set_place(r.county_code, r.township_code)
        self.note.setPlainText(r.note)
        self._show_fields()

    def values(self) -> dict:
        day = self.outcome_date.date()
        if day is None:
            raise ValidationError("請填寫成果日期。", "The outcome's date is required.", field="outcome_date")
        tie = str(self.tie.currentData())
        owner = self.owner.currentData() if tie != "township" else None
        if tie != "township" and not owner and not self.owner.count():
            zh, en = NONE_YET[tie]
            raise ValidationError(f"{zh}：請在「連結對象」改選「只連結鄉鎮市區」，或先新增一筆。",
                                  f"{en}: choose “Township only” under “Tied to”, or add one first.",
                                  field="workstation_id")
        if tie != "township" and not owner:
            raise ValidationError("請選擇成果連結的紀錄。", "Choose the record the outcome is tied to.", field="workstation_id")
        return {"outcome_date": day, "kind": self.kind.code(), "people": self.people.value(),
                "amount": self.amount.value(), "registered": self.registered.currentData(),
                "agency": self.agency.text(), "programme": self.programme.text(), "company": self.company.text(),
                **{f"{key}_id": (owner if key == tie else None) for key in TIES[:3]},
                "county_code": self.places.county_code() or None, "township_code": self.places.township_code() or None,
                "note": self.note.toPlainText()}

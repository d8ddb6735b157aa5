"""Youth teams of the award programmes (青年團隊): the list, the editor, members and linked support.

The award programme is chosen from the loaded programme files, which also give the cap per team
(shown beside the award, refused above it) and the applicants' age range: a member outside it, or
without a birth year, is a warning shown in red under the form. Support records and visits about
the team are linked to it here.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox,
    QWidget,
)

from counsel_desk.errors import ValidationError
from counsel_desk.models import YouthTeam
from counsel_desk.services.outcomes import youth_teams as team_service
from counsel_desk.services.formatting import ROC_OFFSET, shown_date
from counsel_desk.services.outcomes.outcome_lists import YouthTeamListSource
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.messages import guarded
from counsel_desk.ui.widgets.fit import shrinkable
from counsel_desk.ui.page_titles import page_title
from counsel_desk.ui.workstations.list_panel import ListPanel
from counsel_desk.ui.workstations.record_page import RecordListPage
from counsel_desk.ui.visits.widgets import FormDialog
from counsel_desk.ui.widgets.conflict_dialog import save_resolving
from counsel_desk.ui.widgets.fit import fit_window
from counsel_desk.ui.widgets.places import PlacePicker
from counsel_desk.ui.widgets.text import fmt, counted
from counsel_desk.ui.widgets.rows import RowsModel, table_view
from counsel_desk.ui.widgets.fields import MoneyEdit, heading

WARN = "#b42318"


def born_tip() -> str:
    """The birth-year box's tooltip, in the list's row of member fields and in the member's dialog."""
    return QCoreApplication.translate(
        "TeamsPage", "Year of birth: 1995, or the ROC year 84; the age is checked against the programme")


class YouthTeamListPage(RecordListPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        panel = ListPanel(ctx, YouthTeamListSource(ctx.db.session_factory))
        super().__init__(ctx, parent, panel=panel, changed_signal=ctx.youth_teams_changed)
        self.shown_members: dict[str, team_service.MemberView] = {}  # by id, as the members table shows them
        self.heading.setText(page_title("youth_teams"))
        self.new_button.setText(self.tr("New youth team"))
        panel.search.setPlaceholderText(self.tr("Search name, programme, themes…"))

        self.name = QLineEdit()
        self.programme = QComboBox()
        self.roc_year = QSpinBox()
        self.roc_year.setRange(100, 200)
        self.roc_year.setPrefix(self.tr("ROC "))
        self.award = MoneyEdit()
        self.cap = QLabel()
        self.cap.setProperty("role", "figureCaption")
        award_row = QHBoxLayout()
        award_row.addWidget(self.award, 1)
        award_row.addWidget(self.cap)
        self.themes = QLineEdit()
        self.themes.setPlaceholderText(self.tr("Themes separated by commas"))
        self.county = QComboBox()
        self.township = QComboBox()
        self.places = PlacePicker(ctx.db.session_factory, self.county, self.township, any_text=self.tr("(none)"))
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(60)
        self.form.addRow(self.tr("Team name"), self.name)
        self.form.addRow(self.tr("Award programme"), self.programme)
        self.form.addRow(self.tr("Year"), self.roc_year)
        self.form.addRow(self.tr("Award (NT$)"), award_row)
        self.form.addRow(self.tr("Themes"), self.themes)
        self.form.addRow(self.tr("County"), self.county)
        self.form.addRow(self.tr("Township"), self.township)
        self.form.addRow(self.tr("Notes"), self.notes)

        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(f"color: {WARN};")
        self.extra.addWidget(self.warnings)
        # members
        self.members_model = RowsModel([self.tr("Name"), self.tr("Born"), self.tr("Age"), self.tr("Role")],
                                       right=(1, 2))
        # four columns in a narrow form: all in sight, sharing its width
        self.members = table_view(self.members_model, even=True, stretch=None, max_height=130)
        self.member_name = QLineEdit()
        self.member_name.setPlaceholderText(self.tr("Name"))
        self.member_born = QSpinBox()
        self.member_born.setRange(0, 2100)
        self.member_born.setSpecialValueText(self.tr("born —"))
        self.member_born.setToolTip(born_tip())
        self.member_role = QLineEdit()
        self.member_role.setPlaceholderText(self.tr("Role"))
        self.add_member_button = QPushButton(self.tr("Add member"))
        # the buttons under the members' table say what they do to the selected member in one word: with
        # "member" in each they needed ~460 px and the editor beside the list scrolled sideways at 1280 px
        self.edit_member_button = QPushButton(self.tr("Edit…"))
        self.edit_member_button.setToolTip(self.tr("Edit the selected member"))
        self.edit_member_button.setObjectName("editMember")
        self.remove_member_button = QPushButton(self.tr("Remove"))
        self.remove_member_button.setToolTip(self.tr("Remove the selected member from the team"))
        self.erase_member_button = QPushButton(self.tr("Erase personal data…"))
        self.erase_member_button.setObjectName("eraseMember")
        self.erase_member_button.setToolTip(self.tr("A member may ask for their name and birth year to be erased "
                                                    "(Personal Data Protection Act)."))
        member_row = QHBoxLayout()
        for w in (self.member_name, self.member_born, self.member_role, self.add_member_button):
            member_row.addWidget(w)
        selected_row = QHBoxLayout()  # what to do with the selected member, on a row of its own: the panel is narrow
        selected_row.addStretch(1)
        selected_row.addWidget(self.edit_member_button)
        selected_row.addWidget(self.remove_member_button)
        selected_row.addWidget(self.erase_member_button)
        self.extra.addWidget(heading(self.tr("Members")))
        self.extra.addWidget(self.members)
        self.extra.addLayout(member_row)
        self.extra.addLayout(selected_row)
        # linked support records
        self.support_model = RowsModel([self.tr("Date"), self.tr("Workstation"), self.tr("Support")])
        self.supports = table_view(self.support_model, max_height=130)
        self.support_choice = QComboBox()
        self.support_choice.setObjectName("supportChoice")
        shrinkable(self.support_choice, chars=18)  # a record's whole description shows in the open list
        self.link_button = QPushButton(self.tr("Link"))
        self.unlink_button = QPushButton(self.tr("Unlink"))
        link_row = QHBoxLayout()
        link_row.addWidget(self.support_choice, 1)
        link_row.addWidget(self.link_button)
        link_row.addWidget(self.unlink_button)
        self.extra.addWidget(heading(self.tr("Support records")))
        self.extra.addWidget(self.supports)
        self.extra.addLayout(link_row)
        # linked visits
        self.visit_model = RowsModel([self.tr("Date"), self.tr("Place"), self.tr("Purpose")])
        self.visits = table_view(self.visit_model, max_height=130)
        self.visit_choice = QComboBox()
        self.visit_choice.setObjectName("visitChoice")
        shrinkable(self.visit_choice, chars=18)
        self.link_visit_button = QPushButton(self.tr("Link"))
        self.unlink_visit_button = QPushButton(self.tr("Unlink"))
        visit_row = QHBoxLayout()
        visit_row.addWidget(self.visit_choice, 1)
        visit_row.addWidget(self.link_visit_button)
        visit_row.addWidget(self.unlink_visit_button)
        self.extra.addWidget(heading(self.tr("Site visits")))
        self.extra.addWidget(self.visits)
        self.extra.addLayout(visit_row)
        self.outcome_note = QLabel()
        self.outcome_note.setWordWrap(True)
        self.outcome_note.setProperty("role", "figureCaption")
        self.extra.addWidget(self.outcome_note)

        self.add_member_button.clicked.connect(self.add_member)
        self.edit_member_button.clicked.connect(self.edit_member)
        self.members.doubleClicked.connect(lambda _index: self.edit_member())
        self.remove_member_button.clicked.connect(self.remove_member)
        self.erase_member_button.clicked.connect(self.erase_member)
        self.link_button.clicked.connect(self.link_support)
        self.unlink_button.clicked.connect(self.unlink_support)
        self.link_visit_button.clicked.connect(lambda: self._link("visit", self.visit_choice.currentData()))
        self.unlink_visit_button.clicked.connect(
            lambda: self._link("visit", self.visit_model.id_at(self.visits.currentIndex().row()), linked=False))
        self.programme.currentIndexChanged.connect(lambda _i: self._show_cap())
        for w in (self.name, self.themes, self.award):
            w.textEdited.connect(self.mark_dirty)
        for c in (self.programme, self.county, self.township):
            c.activated.connect(self.mark_dirty)
        self.roc_year.valueChanged.connect(self.mark_dirty)
        self.notes.textChanged.connect(self.mark_dirty)
        self.show_record(None)

    def _show_cap(self) -> None:
        cap = self.programme.currentData()
        self.cap.setText(fmt(self.tr("cap NT$%1"), f"{cap:,}") if isinstance(cap, int) else "")

    # --- RecordListPage ---------------------------------------------------------------------------
    def describe(self, record: YouthTeam | None) -> str:
        return record.name if record is not None else self.tr("New youth team")

    def get(self, record_id: str) -> YouthTeam:
        return team_service.team_view(self.ctx.services(), record_id).team

    def create(self, fields: dict) -> YouthTeam:
        return self.ctx.run(team_service.register_team, self.ctx.services(), fields)

    def update(self, record_id: str, fields: dict, version: int | None = None) -> YouthTeam:
        return self.ctx.run(team_service.update_team, self.ctx.services(), record_id, fields, version)

    def field_labels(self) -> dict[str, str]:
        return {"name": self.tr("Team name"), "programme": self.tr("Award programme"), "roc_year": self.tr("Year"),
                "award": self.tr("Award (NT$)"), "themes": self.tr("Themes"), "county_code": self.tr("County"),
                "township_code": self.tr("Township"), "notes": self.tr("Notes")}

    def remove(self, record_id: str) -> None:
        self.ctx.run(team_service.delete_team, self.ctx.services(), record_id)

    def load_record(self, record: YouthTeam | None) -> None:
        r = record or YouthTeam(center_code=self.ctx.center_code, name="", programme="",
                                roc_year=date.today().year - ROC_OFFSET)
        self.programme.blockSignals(True)
        self.programme.clear()
        for a in team_service.award_programmes(self.ctx.services()):
            self.programme.addItem(a.name, a.cap_per_team)
        if r.programme and self.programme.findText(r.programme) < 0:
            self.programme.addItem(r.programme, None)  # a programme no loaded file defines any more
        if r.programme:
            self.programme.setCurrentIndex(self.programme.findText(r.programme))
        self.programme.blockSignals(False)
        self._show_cap()
        self.name.setText(r.name)
        self.roc_year.setValue(r.roc_year or date.today().year - ROC_OFFSET)
        self.award.set_value(r.award)
        self.themes.setText(r.themes)
        self.places.set_place(r.county_code, r.township_code)
        self.notes.setPlainText(r.notes)
        for w in (self.add_member_button, self.edit_member_button, self.remove_member_button, self.erase_member_button, self.link_button,
                  self.unlink_button,
                  self.member_name, self.member_born, self.member_role, self.support_choice, self.visit_choice,
                  self.link_visit_button, self.unlink_visit_button):
            w.setEnabled(record is not None)
        self._show_team()

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text(), "programme": self.programme.currentText(),
                "roc_year": self.roc_year.value(), "award": self.award.value(), "themes": self.themes.text(),
                "county_code": self.places.county_code() or None,
                "township_code": self.places.township_code() or None, "notes": self.notes.toPlainText()}

    # --- members, links and warnings --------------------------------------------------------------
    def _show_team(self) -> None:
        if self.record_id is None:
            self.members_model.set_rows([])
            self.support_model.set_rows([])
            self.visit_model.set_rows([])
            self.visit_choice.clear()
            self.warnings.setText("")
            self.outcome_note.setText("")
            self.support_choice.clear()
            return
        view = team_service.team_view(self.ctx.services(), self.record_id)
        self.shown_members = {m.id: m for m in view.members}
        self.members_model.set_rows([(m.id, [m.name, str(m.birth_year or ""), m.age if m.age is not None else "", m.role])
                                     for m in view.members])
        self.support_model.set_rows([(s.id, [shown_date(date.fromisoformat(s.day[:10])), s.title, s.detail])
                                     for s in view.supports])
        self.warnings.setText("\n".join(w.message for w in view.warnings))
        self.outcome_note.setText(counted(len(view.outcomes), self.tr("%1 outcome record is tied to this team (see Outcomes)."),
                                          self.tr("%1 outcome records are tied to this team (see Outcomes).")))
        self.visit_model.set_rows([(v.id, [shown_date(date.fromisoformat(v.day[:10])), v.title, v.detail])
                                   for v in view.visits])
        linked = {s.id for s in view.supports}
        self.support_choice.clear()
        for rid, label in team_service.support_choices(self.ctx.services()):
            if rid not in linked:
                self.support_choice.addItem(label, rid)
        seen = {v.id for v in view.visits}
        self.visit_choice.clear()
        for rid, label in team_service.visit_choices(self.ctx.services()):
            if rid not in seen:
                self.visit_choice.addItem(label, rid)

    def _after_change(self) -> None:
        self._show_team()
        self.panel.reload()

    def add_member(self) -> None:
        if self.record_id is None:
            return
        with guarded(self) as done:
            self.ctx.run(team_service.add_member, self.ctx.services(), self.record_id, {
                "name": self.member_name.text(), "birth_year": self.member_born.value() or None,
                "role": self.member_role.text()})
        if not done:
            return
        self.member_name.clear()
        self.member_role.clear()
        self.member_born.setValue(0)
        self._after_change()

    def edit_member(self) -> MemberDialog | None:
        """The selected member's name, birth year and role; saved against the version shown (a colleague's save in
        between: both values, field by field — ui/widgets/conflict_dialog)."""
        member = self.shown_members.get(self.members_model.id_at(self.members.currentIndex().row()) or "")
        if member is None or member.erased:
            return None

        def save(values: dict[str, Any]) -> None:
            saved = save_resolving(dialog, lambda v, version: self.ctx.run(
                team_service.update_member, self.ctx.services(), member.id, v, version), values, member.version,
                dialog.labels())
            if saved is None:  # she closed the comparison: the dialog stays open with what she typed
                raise ValidationError("尚未儲存：您關閉了衝突視窗，可再按「確定」重新比對。",
                                      "Not saved: you closed the comparison; press OK to compare again.")
            self._after_change()

        dialog = MemberDialog(self, save, member)
        dialog.open()
        return dialog

    def remove_member(self) -> None:
        member_id = self.members_model.id_at(self.members.currentIndex().row())
        if member_id is None:
            return
        self.ctx.run(team_service.remove_member, self.ctx.services(), member_id)
        self._after_change()

    def erase_member(self) -> None:
        from counsel_desk.ui.safety.erase_dialog import erase_member_with_dialog

        member_id = self.members_model.id_at(self.members.currentIndex().row())
        if member_id is not None and erase_member_with_dialog(self.ctx, member_id, self):
            self._after_change()

    def link_support(self) -> None:
        self._link("support", self.support_choice.currentData())

    def unlink_support(self) -> None:
        self._link("support", self.support_model.id_at(self.supports.currentIndex().row()), linked=False)

    def _link(self, what: str, record_id: str | None, linked: bool = True) -> None:
        if self.record_id is None or not record_id:
            return
        with guarded(self) as done:
            self.ctx.run(team_service.set_link, self.ctx.services(), self.record_id, what, record_id, linked)
        if not done:
            return
        self._after_change()


class MemberDialog(FormDialog):
    """A team member's name, birth year and role; OK saves through ``save``."""

    def __init__(self, parent: QWidget | None, save: Callable[[dict[str, Any]], None], member: team_service.MemberView):
        super().__init__(parent)
        self.setObjectName("memberDialog")
        self.setWindowTitle(self.tr("Team member"))
        self._save = save
        self.name = QLineEdit(member.name)
        self.name.setObjectName("memberName")
        self.name.setMinimumWidth(260)
        self.born = QSpinBox()
        self.born.setObjectName("memberBorn")
        self.born.setRange(0, 2100)
        self.born.setSpecialValueText(self.tr("born —"))
        self.born.setValue(member.birth_year or 0)
        self.born.setToolTip(born_tip())
        self.role = QLineEdit(member.role)
        self.role.setObjectName("memberRole")
        for label, widget, field in ((self.tr("Name"), self.name, "name"), (self.tr("Born"), self.born, "birth_year"),
                                     (self.tr("Role"), self.role, "role")):
            self.add_row(label, widget, field)
        fit_window(self, "memberDialog", self.sizeHint())

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text(), "birth_year": self.born.value() or None, "role": self.role.text()}

    def submit(self) -> None:
        self._save(self.values())

    def labels(self) -> dict[str, str]:
        """The fields as the conflict dialog names them (someone else saved the member first)."""
        return {"name": self.tr("Name"), "birth_year": self.tr("Born"), "role": self.tr("Role")}

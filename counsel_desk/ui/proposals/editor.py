"""The draft editor: applicant and route, the seven sections, the funding grid, the three scores and
the coaching timeline — with what is still missing before 送專案辦公室 shown while the counselor types.

The editor saves the whole draft at once (``save_draft``: one transaction). Moving, comparing
versions and exporting the PDF are asked of the page, which owns those dialogs.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QTabWidget, QVBoxLayout, QWidget,
)

from counsel_desk.errors import UserError
from counsel_desk.models.enums import Route, SectionKey, Stage
from counsel_desk.services import proposals as ps
from counsel_desk.services.formatting import bullet, roc_year, spaced
from counsel_desk.services.people.people import PeopleService
from counsel_desk.services.proposals import funding as funding_mod
from counsel_desk.services.proposals.drafts import FundingEntry, ProposalDetail, ProposalFields
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.messages import confirm, guarded
from counsel_desk.ui.proposals.applicant_form import ApplicantForm
from counsel_desk.services.proposals import rules
from counsel_desk.ui.proposals.common import stage_color
from counsel_desk.ui.proposals.dialogs import ContactDialog
from counsel_desk.ui.proposals.funding_grid import FundingPanel
from counsel_desk.ui.proposals.scores_form import ScoresPanel
from counsel_desk.ui.proposals.sections_form import SectionsPanel
from counsel_desk.ui.proposals.timeline_view import TimelineView
from counsel_desk.ui.widgets.conflict_dialog import save_resolving
from counsel_desk.ui.widgets.fit import scrolling
from counsel_desk.ui.widgets.text import fmt
from counsel_desk.ui.theme import BANNER_BG, BANNER_EDGE, BANNER_INK

TAB_APPLICANT, TAB_SECTIONS, TAB_FUNDING, TAB_SCORES, TAB_TIMELINE = range(5)


def blank_detail() -> ProposalDetail:
    """An unsaved draft, so the completeness check reads a new proposal like any other."""
    now = datetime.now()
    return ProposalDetail("", "", "", "", None, "", "", "", "", "", Route.MULTI.value, None, "", None, "", None, "",
                          Stage.IDEA.value, now, 0, 0, 0, "", now, now)


class ProposalEditor(QWidget):
    back_requested = Signal()
    saved = Signal(str)
    move_requested = Signal(str, str)  # kind ("proposal" or "plan"), id
    versions_requested = Signal(str)
    export_requested = Signal(str)
    deleted = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.detail: ProposalDetail | None = None
        self.dirty = False
        self._loading = False

        self.back_button = QPushButton(self.tr("← Back to proposals"))
        self.heading = QLabel()
        self.heading.setProperty("role", "pageTitle")
        self.heading.setObjectName("editorHeading")
        self.stage_badge = QLabel()
        self.stage_badge.setObjectName("stageBadge")
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveProposal")
        self.move_button = QPushButton(self.tr("Move to…"))
        self.move_button.setObjectName("moveProposal")
        self.versions_button = QPushButton(self.tr("Versions…"))
        self.versions_button.setObjectName("versions")
        self.export_button = QPushButton(self.tr("Export PDF…"))
        self.export_button.setObjectName("exportPdf")
        self.delete_button = QPushButton(self.tr("Delete"))
        self.completeness = QLabel()
        self.completeness.setObjectName("completeness")
        self.completeness.setWordWrap(True)
        self.completeness.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.applicant = ApplicantForm()
        self.sections = SectionsPanel()
        work_items = funding_mod.list_work_items(ctx.services())
        self.funding = FundingPanel(work_items, funding_mod.allocations(ctx.services()))
        self.scores = ScoresPanel()
        self.timeline = TimelineView()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("editorTabs")
        # every tab scrolls, so no tab can make the main window taller than a laptop screen
        self.tabs.addTab(scrolling(self.applicant), self.tr("Applicant and route"))
        self.tabs.addTab(scrolling(self.sections), self.tr("Sections"))
        self.tabs.addTab(scrolling(self.funding), self.tr("Funding"))
        self.tabs.addTab(scrolling(self.scores), self.tr("Scores"))
        self.tabs.addTab(scrolling(self.timeline), self.tr("Comments and history"))

        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addSpacing(12)
        top.addWidget(self.heading, 1)
        top.addWidget(self.stage_badge)
        for b in (self.save_button, self.move_button, self.versions_button, self.export_button, self.delete_button):
            top.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.completeness)
        self.rules = QLabel()
        self.rules.setObjectName("ruleNotices")
        self.rules.setWordWrap(True)
        self.rules.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rules.setStyleSheet("background: #fdecea; color: #6b1d14; padding: 6px; border: 1px solid #f1b8ae;")
        layout.addWidget(self.rules)
        layout.addWidget(self.tabs, 1)
        self._facts: rules.Facts | None = None

        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(200)
        self._check_timer.timeout.connect(self.update_completeness)
        for panel in (self.applicant, self.sections, self.funding, self.scores):
            panel.changed.connect(self._edited)
        self.back_button.clicked.connect(self._back)
        self.save_button.clicked.connect(self.save)
        self.move_button.clicked.connect(self._move)
        self.versions_button.clicked.connect(lambda: self.detail and self.versions_requested.emit(self.detail.id))
        self.export_button.clicked.connect(self._export)
        self.delete_button.clicked.connect(self._delete)
        self.applicant.add_contact_requested.connect(self._add_contact)
        self.applicant.remove_contact_requested.connect(self._remove_contact)
        self.timeline.comment_submitted.connect(self._add_comment)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

    # --- loading --------------------------------------------------------------------------------
    def load_choices(self) -> None:
        self.applicant.load_choices(self.ctx.services())

    def open_new(self) -> None:
        self.load_choices()
        self._show(None)
        self.tabs.setCurrentIndex(TAB_APPLICANT)
        self.applicant.title.setFocus()

    def open_proposal(self, proposal_id: str) -> None:
        self.load_choices()
        self._show(ps.get_proposal(self.ctx.services(), proposal_id))

    def reload(self) -> None:
        if self.detail is not None:
            self.load_choices()
            self._show(ps.get_proposal(self.ctx.services(), self.detail.id))

    def _show(self, d: ProposalDetail | None) -> None:
        self._loading = True
        self.detail = d
        self._facts = rules.load_facts(self.ctx.services())
        saved = d is not None
        this_year = roc_year(date.today())
        self.applicant.load(d.fields() if d else self._new_fields(), d.contacts if d else [], saved)
        self.sections.load(d.sections if d else {})
        self.funding.load({(f.work_item_code, f.roc_year): f.amount for f in d.funding} if d else {},
                          d.self_funding if d else 0, d.matching_funds if d else 0, [this_year, this_year + 1])
        self.scores.load(d.scores if d else {})
        self.timeline.set_enabled_for_saved(saved)
        self.timeline.set_entries(ps.timeline(self.ctx.services(), d.id) if d else [])
        for b in (self.move_button, self.versions_button, self.export_button, self.delete_button):
            b.setEnabled(saved)
        self._loading = False
        self.dirty = False
        self._show_heading()
        self.update_completeness()

    def _new_fields(self) -> ProposalFields:
        """A new proposal is coached by the user herself until she picks someone else."""
        me = PeopleService(self.ctx.services()).counselor_named(self.ctx.actor)
        return ProposalFields("", "", "", counselor_id=me)

    def _show_heading(self) -> None:
        d = self.detail
        title = self.applicant.title.text().strip() or self.tr("New proposal")
        self.heading.setText(title + (" *" if self.dirty else ""))
        stage = d.stage if d else Stage.IDEA.value
        text = Stage.label_of(stage)
        if d and d.plan_title:
            text = spaced([text, fmt(self.tr("in plan “%1”"), d.plan_title)])
        self.stage_badge.setText(text)
        self.stage_badge.setStyleSheet(f"color: white; background: {stage_color(stage).name()}; padding: 3px 8px;"
                                       "border-radius: 4px;")

    # --- editing --------------------------------------------------------------------------------
    def _edited(self) -> None:
        if self._loading:
            return
        self.dirty = True
        self._show_heading()
        self._check_timer.start()

    def draft_now(self) -> ProposalDetail:
        """The draft as the form shows it (unsaved edits included), for the completeness check."""
        f = self.applicant.values(self.funding.self_funding.value(), self.funding.matching_funds.value())
        lines = [FundingEntry(c, y, a) for (c, y), a in self.funding.model.grid().items() if a]
        return replace(self.detail or blank_detail(), title=f.title, applicant_type=f.applicant_type, route=f.route,
                       organization_name=f.organization_name, county_code=f.county_code,
                       township_code=f.township_code, sections=self.sections.values(), funding=lines,
                       scores=self.scores.entries())

    def missing(self) -> list[UserError]:
        return ps.missing_items(self.draft_now())

    def notices(self) -> list:
        """Rules with something to say about the draft as it stands (warnings with reason and source)."""
        return rules.notices(self.draft_now(), self._facts) if self._facts is not None else []

    def update_completeness(self) -> None:
        found = self.notices()
        self.rules.setVisible(bool(found))
        self.rules.setText(fmt(self.tr("Please note (%1):"), str(len(found))) + "\n" + "\n".join(
            f"・{n.message}" + (" " + fmt(self.tr("(source: %1)"), n.source_text) if n.source_text else "")
            for n in found))
        problems = self.missing()
        if problems:
            items = spaced(bullet(p.message) for p in problems)
            self.completeness.setText(fmt(self.tr("Before it can go to the project office, %1 item(s) are missing:"),
                                          str(len(problems))) + "\n" + items)
            self.completeness.setStyleSheet(f"background: {BANNER_BG}; color: {BANNER_INK}; padding: 6px; "
                                            f"border: 1px solid {BANNER_EDGE};")
        else:
            self.completeness.setText(self.tr("Complete: every section, the applicant, funding and the three "
                                              "scores are filled — ready for the project office."))
            self.completeness.setStyleSheet("background: #e7f4e8; color: #1e5c22; padding: 6px; "
                                            "border: 1px solid #a9d5ad;")

    def focus_field(self, field: str | None) -> None:
        field = field or ""
        if field.startswith("section:"):
            self.tabs.setCurrentIndex(TAB_SECTIONS)
            self.sections.show_section(field.split(":", 1)[1])
        elif field in ("funding", "self_funding", "matching_funds"):
            self.tabs.setCurrentIndex(TAB_FUNDING)
        elif field.startswith("score"):
            self.tabs.setCurrentIndex(TAB_SCORES)
        elif field:
            self.tabs.setCurrentIndex(TAB_APPLICANT)
            self.applicant.focus_field(field)

    # --- actions --------------------------------------------------------------------------------
    def save(self) -> bool:
        svc = self.ctx.services()
        fields = self.applicant.values(self.funding.self_funding.value(), self.funding.matching_funds.value())
        grid = self.funding.model.grid()
        with guarded(self) as done:
            if self.detail is None:
                d = self.ctx.run(ps.create_proposal, svc, fields, sections=self.sections.values(), funding=grid,
                                 scores=self.scores.values())
            else:  # saved by someone else meanwhile: she decides field by field (ui/widgets/conflict_dialog)
                found = self._save_resolving(svc, self.detail, fields, grid)
                if found is None:
                    return False
                d = found
        if not done:
            self.focus_field(getattr(done.error, "field", None))
            return False
        tab = self.tabs.currentIndex()
        self._show(d)
        self.tabs.setCurrentIndex(tab)
        self.ctx.status_message.emit(fmt(self.tr("Saved “%1”."), d.title))
        self.saved.emit(d.id)
        return True

    def _save_resolving(self, svc, detail: ProposalDetail, fields, grid) -> ProposalDetail | None:
        sections, scores = self.sections.values(), self.scores.values()

        def save(taken: dict, version: int | None) -> ProposalDetail:
            """Her editor's draft with what she took from the colleague: a field or section takes their value,
            funding or scores taken from them are left as stored."""
            f = replace(fields, **{k: v for k, v in taken.items() if hasattr(fields, k)})
            secs = {**sections, **{k.split(":", 1)[1]: v for k, v in taken.items() if k.startswith("section:")}}
            return self.ctx.run(ps.save_draft, svc, detail.id, fields=f, sections=secs,
                                funding=None if "funding" in taken else grid,
                                scores=None if "scores" in taken else scores, version=version)

        return save_resolving(self, save, {}, detail.version, self._conflict_labels(), self._conflict_names())

    def _conflict_labels(self) -> dict[str, str]:
        def applicant(text: str) -> str:  # the applicant tab's own label, without its colon
            return QCoreApplication.translate("ApplicantForm", text).rstrip(":：")

        labels = {"title": applicant("Proposal title:"), "applicant_type": applicant("Applicant type:"),
                  "organization_name": applicant("Applicant (organisation):"),
                  "county_code": applicant("County and township:"), "township_code": applicant("County and township:"),
                  "route": applicant("Route:"), "workstation_id": applicant("Assisting workstation:"),
                  "counselor_id": applicant("Counselor:"), "plan_id": applicant("Revitalization plan:"),
                  "funding": self.tr("Funding"), "scores": self.tr("Scores"),
                  "self_funding": self.tr("Funding"), "matching_funds": self.tr("Funding")}
        labels.update({f"section:{k.value}": k.label for k in SectionKey})
        return labels

    def _conflict_names(self) -> dict[str, str]:
        """Names of what the applicant tab's lists offer, by id or code."""
        a = self.applicant
        names = {str(c.itemData(i)): c.itemText(i) for c in a.findChildren(QComboBox) for i in range(c.count())
                 if c.itemData(i)}
        names.update({k.value: k.label for k in Route})
        return names

    def maybe_save(self) -> bool:
        """Before leaving: save, discard or stay. True when it is fine to leave."""
        if not self.dirty:
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"), self.tr("Save the changes to this proposal?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.dirty = False
            return True
        return False

    def _back(self) -> None:
        if self.maybe_save():
            self.back_requested.emit()

    def _move(self) -> None:
        if self.detail is None or (self.dirty and not self.save()):
            return
        d = self.detail
        if d.plan_id:
            self.move_requested.emit("plan", d.plan_id)
        else:
            self.move_requested.emit("proposal", d.id)

    def _export(self) -> None:
        if self.detail is not None and (not self.dirty or self.save()):
            self.export_requested.emit(self.detail.id)

    def _delete(self) -> None:
        if self.detail is None:
            return
        if not confirm(self, fmt(self.tr("Delete the proposal “%1”? It can be restored from the audit log."),
                                 self.detail.title), do=self.tr("Delete")):
            return
        with guarded(self) as done:
            self.ctx.run(ps.delete_proposal, self.ctx.services(), self.detail.id)
        if not done:
            return
        pid = self.detail.id
        self.dirty = False
        self.deleted.emit(pid)

    def _add_contact(self) -> None:
        if self.detail is None:
            return
        dialog = ContactDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        with guarded(self) as done:
            self.ctx.run(ps.add_contact, self.ctx.services(), self.detail.id, dialog.name.text(),
                         title=dialog.title.text(), phone=dialog.phone.text(), email=dialog.email.text())
        if not done:
            return
        self._refresh_contacts()

    def _remove_contact(self, contact_id: str) -> None:
        if self.detail is not None:
            self.ctx.run(ps.unlink_contact, self.ctx.services(), self.detail.id, contact_id)
            self._refresh_contacts()

    def _refresh_contacts(self) -> None:
        d = ps.get_proposal(self.ctx.services(), self.detail.id)
        self.detail = replace(self.detail, contacts=d.contacts)
        self.applicant.set_contacts(d.contacts, True)

    def _add_comment(self, text: str) -> None:
        if self.detail is None:
            return
        with guarded(self) as done:
            self.ctx.run(ps.add_comment, self.ctx.services(), self.detail.id, text)
        if not done:
            return
        self.timeline.comment_added()
        self.timeline.set_entries(ps.timeline(self.ctx.services(), self.detail.id))

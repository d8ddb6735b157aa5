"""Township plans (地方創生計畫): the list, and a plan with its proposals and rolled-up money.

A plan moves through the stages as a whole ("Move plan to…" moves every proposal in it); its
funding table adds up its proposals' lines per work item and year, read-only.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from counsel_desk.errors import UserError
from counsel_desk.models.enums import Stage
from counsel_desk.services import proposals as ps
from counsel_desk.services.formatting import ntd
from counsel_desk.services.listing import ListQuery
from counsel_desk.services.people.people import PeopleService
from counsel_desk.services.proposals import choices
from counsel_desk.services.proposals import funding as funding_mod
from counsel_desk.services.proposals.display import percent
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.messages import confirm, guarded, show_error
from counsel_desk.ui.proposals.common import stage_color
from counsel_desk.ui.proposals.dialogs import ChooseProposalDialog
from counsel_desk.ui.proposals.funding_grid import FundingGridModel, make_grid_view
from counsel_desk.ui.proposals.tables import PlanProposalsModel, PlanTableModel
from counsel_desk.ui.widgets.conflict_dialog import save_resolving
from counsel_desk.ui.widgets.fit import scrolling
from counsel_desk.ui.widgets.rows import table_view
from counsel_desk.ui.widgets.text import fmt
from counsel_desk.ui.widgets.choices import fill, select


class PlansView(QWidget):
    open_proposal = Signal(str)
    move_requested = Signal(str, str)  # "plan", id
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.plan_id: str | None = None
        self.model = PlanTableModel(self)
        self.table = table_view(self.model, "planTable", fit=True, stretch=0)
        self.new_button = QPushButton(self.tr("New plan"))
        self.new_button.setObjectName("newPlan")
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignLeft)
        lv.addWidget(self.table, 1)

        self.heading = QLabel(self.tr("Choose a plan, or make a new one."))
        self.heading.setProperty("role", "pageTitle")
        self.stage_badge = QLabel()
        self.title = QLineEdit()
        self.title.setObjectName("planTitle")
        self.organization = QLineEdit()
        self.organization.setPlaceholderText(self.tr("e.g. Chishang Township Office, Taitung County"))
        self.county = QComboBox()
        self.township = QComboBox()
        self.counselor = QComboBox()
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        self.save_button = QPushButton(self.tr("Save plan"))
        self.save_button.setObjectName("savePlan")
        self.move_button = QPushButton(self.tr("Move plan to…"))
        self.move_button.setObjectName("movePlan")
        self.delete_button = QPushButton(self.tr("Delete plan"))
        self.proposals_model = PlanProposalsModel(self)
        self.proposals = table_view(self.proposals_model, "planProposals", fit=True, stretch=0)
        self.add_button = QPushButton(self.tr("Add proposal…"))
        self.remove_button = QPushButton(self.tr("Take out of plan"))
        self.open_button = QPushButton(self.tr("Open proposal"))
        self.funding_model = FundingGridModel(funding_mod.list_work_items(ctx.services()), editable=False, parent=self)
        self.funding = make_grid_view(self.funding_model, "planFunding")
        self.totals = QLabel()
        self.totals.setObjectName("planTotals")
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        self.totals.setWordWrap(True)

        place = QHBoxLayout()
        place.addWidget(self.county, 1)
        place.addWidget(self.township, 1)
        form = QFormLayout()
        form.addRow(self.tr("Plan title:"), self.title)
        form.addRow(self.tr("Township office:"), self.organization)
        form.addRow(self.tr("County and township:"), place)
        form.addRow(self.tr("Counselor:"), self.counselor)
        form.addRow(self.tr("Notes:"), self.notes)
        head = QHBoxLayout()
        head.addWidget(self.heading, 1)
        head.addWidget(self.stage_badge)
        for b in (self.save_button, self.move_button, self.delete_button):
            head.addWidget(b)
        prop_buttons = QHBoxLayout()
        prop_buttons.addWidget(QLabel(self.tr("Business proposals of this plan (they move with it):")), 1)
        for b in (self.add_button, self.remove_button, self.open_button):
            prop_buttons.addWidget(b)
        body = QWidget()  # scrolls on a short screen, under the plan's title and buttons, which stay in sight
        bv = QVBoxLayout(body)
        bv.setContentsMargins(0, 0, 0, 0)
        bv.addLayout(form)
        bv.addLayout(prop_buttons)
        bv.addWidget(self.proposals, 1)
        bv.addWidget(QLabel(self.tr("Money rolled up from the proposals (NT$):")))
        bv.addWidget(self.funding, 1)
        bv.addWidget(self.totals)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addLayout(head)
        rv.addWidget(scrolling(body, name="planScroll"), 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([460, 800])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._select_row(cur.row()))
        self.new_button.clicked.connect(self.new_plan)
        self.county.currentIndexChanged.connect(self._county_changed)
        self.save_button.clicked.connect(self.save)
        self.move_button.clicked.connect(lambda: self.plan_id and self.move_requested.emit("plan", self.plan_id))
        self.delete_button.clicked.connect(self._delete)
        self.add_button.clicked.connect(self._add_proposal)
        self.remove_button.clicked.connect(self._remove_proposal)
        self.open_button.clicked.connect(self._open_selected)
        self.proposals.doubleClicked.connect(lambda _i: self._open_selected())
        self._show(None)

    # --- list -----------------------------------------------------------------------------------
    def reload(self, query: ListQuery | None = None) -> None:
        svc = self.ctx.services()
        fill(self.county, choices.counties(svc), blank=self.tr("— county —"))
        self.model.set_plans(ps.list_plans(svc, search_text=query.search if query else ""))
        if self.plan_id is not None:
            self.select(self.plan_id)

    def select(self, plan_id: str) -> None:
        row = self.model.row_of(plan_id)
        if row >= 0:
            self.table.selectRow(row)
        self._show(plan_id)

    def _select_row(self, row: int) -> None:
        pid = self.model.id_at(row)
        if pid and pid != self.plan_id:
            self._show(pid)

    def new_plan(self) -> None:
        self.table.clearSelection()
        self._show(None, new=True)
        self.title.setFocus()

    # --- detail ---------------------------------------------------------------------------------
    def _county_changed(self) -> None:
        county = self.county.currentData()
        fill(self.township, choices.townships(self.ctx.services(), county) if county else [],
                     blank=self.tr("— township —"))

    def _show(self, plan_id: str | None, new: bool = False) -> None:
        self.plan_id = plan_id
        d = ps.get_plan(self.ctx.services(), plan_id) if plan_id else None
        self.plan_version = d.version if d else None  # a save refuses a plan saved since
        editing = d is not None or new
        for w in (self.title, self.organization, self.county, self.township, self.counselor, self.notes,
                  self.save_button):
            w.setEnabled(editing)
        for w in (self.move_button, self.delete_button, self.add_button, self.remove_button, self.open_button):
            w.setEnabled(d is not None)
        self.title.setText(d.title if d else "")
        self.organization.setText(d.organization_name if d else "")
        select(self.county, d.county_code if d else None, or_first=True)
        self._county_changed()
        select(self.township, d.township_code if d else None, or_first=True)
        # her center's active counselors (and whoever an older plan names); a new plan is hers
        counselor = d.counselor_id if d else (PeopleService(self.ctx.services()).counselor_named(self.ctx.actor)
                                              if new else None)
        fill(self.counselor, choices.own_counselors(self.ctx.services(), counselor), blank=self.tr("— none —"))
        select(self.counselor, counselor, or_first=True)
        self.notes.setPlainText(d.notes if d else "")
        self.heading.setText(d.title if d else (self.tr("New plan") if new else self.tr("Choose a plan, or make a new one.")))
        stage = d.stage if d else Stage.IDEA.value
        self.stage_badge.setText(Stage.label_of(stage) if editing else "")
        self.stage_badge.setStyleSheet(f"color:white; background:{stage_color(stage).name()}; padding:3px 8px;"
                                       if editing else "")
        self.proposals_model.set_proposals(d.proposals if d else [])
        summary = d.funding if d else funding_mod.summarise([], [])
        self.funding_model.set_summary(summary)
        self.totals.setText(
            fmt(self.tr("Requested %1 · self-funding %2 · matching funds %3 · total cost %4"),
                f"<b>NT${ntd(summary.requested_total)}</b>",
                f"NT${ntd(summary.self_funding)} ({percent(summary.share_of_project(summary.self_funding))})",
                f"NT${ntd(summary.matching_funds)} ({percent(summary.share_of_project(summary.matching_funds))})",
                f"<b>NT${ntd(summary.project_total)}</b>") if d else "")

    def save(self) -> bool:
        fields = ps.PlanFields(self.title.text(), self.county.currentData() or "", self.township.currentData() or "",
                               self.organization.text(), self.counselor.currentData(), self.notes.toPlainText())
        with guarded(self) as done:
            if self.plan_id is None:
                d = self.ctx.run(ps.create_plan, self.ctx.services(), fields)
            else:  # saved by someone else meanwhile: she decides field by field
                plan_id = self.plan_id
                found = save_resolving(
                    self, lambda taken, version: self.ctx.run(ps.update_plan, self.ctx.services(), plan_id,
                                                              replace(fields, **taken), version),
                    {}, self.plan_version, self._field_labels(), self._value_names())
                if found is None:
                    return False
                d = found
        if not done:
            return False
        self.plan_id = d.id
        self.reload()
        self.changed.emit()
        return True

    def _field_labels(self) -> dict[str, str]:
        place = self.tr("County and township:")
        labels = {"title": self.tr("Plan title:"), "county_code": place, "township_code": place,
                  "organization_name": self.tr("Township office:"), "counselor_id": self.tr("Counselor:"),
                  "notes": self.tr("Notes:")}
        return {k: v.rstrip(":：") for k, v in labels.items()}

    def _value_names(self) -> dict[str, str]:
        return {str(c.itemData(i)): c.itemText(i) for c in (self.county, self.township, self.counselor)
                for i in range(c.count()) if c.itemData(i)}

    def _delete(self) -> None:
        if self.plan_id and confirm(self, self.tr("Delete this plan? Its proposals stay, standing alone."),
                                         do=self.tr("Delete")):
            self.ctx.run(ps.delete_plan, self.ctx.services(), self.plan_id)
            self.plan_id = None
            self.reload()
            self._show(None)
            self.changed.emit()

    def _selected_proposal(self) -> str | None:
        return self.proposals_model.id_at(self.proposals.currentIndex().row())

    def _open_selected(self) -> None:
        pid = self._selected_proposal()
        if pid:
            self.open_proposal.emit(pid)

    def _add_proposal(self) -> None:
        if not self.plan_id:
            return
        src = ps.ProposalListSource(self.ctx.services())
        ids = [i for i in src.ids(ListQuery()) if i]
        rows = src.rows(ids)
        options = [(i, f"{rows[i]['title']}（{rows[i]['applicant'] or rows[i]['place']}）")
                   for i in ids if i in rows and not rows[i]["_plan_id"]]
        if not options:
            show_error(self, UserError("沒有可加入的單獨提案。", "There is no standalone proposal to add."))
            return
        dialog = ChooseProposalDialog(options, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._set_plan(dialog.combo.currentData(), self.plan_id)

    def _remove_proposal(self) -> None:
        pid = self._selected_proposal()
        if pid:
            self._set_plan(pid, None)

    def _set_plan(self, proposal_id: str, plan_id: str | None) -> None:
        with guarded(self) as done:
            self.ctx.run(ps.set_plan, self.ctx.services(), proposal_id, plan_id)
        if not done:
            return
        self.reload()
        self.changed.emit()

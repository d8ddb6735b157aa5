"""The proposals page: the stage board, the list, plans and the center's money per work item; the
draft editor opens over them. Moves ask for a comment; a blocked move lists what is missing."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QStackedWidget,
    QTabWidget, QVBoxLayout, QWidget,
)

from counsel_desk.models.enums import Route
from counsel_desk.errors import UserError
from counsel_desk.reports.proposal_pdf import export_proposal_pdf
from counsel_desk.services import proposals as ps
from counsel_desk.services.file_names import joined
from counsel_desk.services.proposals.listing import ProposalListSource
from counsel_desk.ui import settings as options
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.empty_state import show_when_empty
from counsel_desk.ui.lazy_table import LazyIdTableModel
from counsel_desk.ui.messages import guarded
from counsel_desk.ui.page_contract import PageHooks
from counsel_desk.ui.page_titles import page_title
from counsel_desk.ui.proposals.board import StageBoard
from counsel_desk.ui.proposals.demand_view import DemandView
from counsel_desk.ui.proposals.county_dialogs import CountyChecklistDialog, DecisionDialog
from counsel_desk.ui.proposals.dialogs import MoveDialog, show_move_problem, show_notices
from counsel_desk.ui.proposals.editor import ProposalEditor
from counsel_desk.ui.proposals.filters import ProposalFilterBar
from counsel_desk.ui.proposals.plans_view import PlansView
from counsel_desk.ui.proposals.versions_dialog import VersionsDialog
from counsel_desk.ui.tasks import run_task
from counsel_desk.ui.widgets.text import fmt, counted
from counsel_desk.ui.widgets.roles import ID_ROLE, ROW_ROLE
from counsel_desk.ui.widgets.rows import table_view
from counsel_desk.ui.widgets.save_folder import save_folder

TAB_BOARD, TAB_LIST, TAB_PLANS, TAB_DEMAND = range(4)

DialogT = TypeVar("DialogT", bound=QDialog)


class ProposalsPage(PageHooks, QWidget):
    offers_new_record = True

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True
        self.title = QLabel(page_title("proposals"))
        self.title.setProperty("role", "pageTitle")
        self.new_button = QPushButton(self.tr("New proposal"))
        self.new_button.setObjectName("newProposal")
        self.move_button = QPushButton(self.tr("Move selected to…"))
        self.move_button.setObjectName("moveSelected")
        self.open_button = QPushButton(self.tr("Open"))
        self.count_label = QLabel()
        self.filters = ProposalFilterBar()
        self.board = StageBoard()
        self.list_model = LazyIdTableModel(ProposalListSource(ctx.services()), self, context="ProposalColumns")
        self.list_view = table_view(self.list_model, "proposalList", stretch=0)
        self.empty_hint = show_when_empty(self.list_view, self.tr(
            "No proposals here yet. Press “New proposal” (Ctrl+N) to write the first one."),
            narrowed=self.filters.narrowed, clear=self.filters.clear)
        self.list_view.setSortingEnabled(True)
        self.list_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.list_view.horizontalHeader().setDefaultSectionSize(110)
        # The plans tab and the editor are built when first needed: the page opens on the board.
        self._plans: PlansView | None = None
        self._plans_holder = QWidget()
        QVBoxLayout(self._plans_holder).setContentsMargins(0, 0, 0, 0)
        self._editor: ProposalEditor | None = None
        self.demand = DemandView(ctx)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("proposalTabs")
        self.tabs.addTab(self.board, self.tr("Stage board"))
        self.tabs.addTab(self.list_view, self.tr("List"))
        self.tabs.addTab(self._plans_holder, self.tr("Plans"))
        self.tabs.addTab(self.demand, self.tr("Money per work item"))

        overview = QWidget()
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.filters.search, 1)
        head.addWidget(self.count_label)
        for b in (self.open_button, self.move_button, self.new_button):
            head.addWidget(b)
        ov = QVBoxLayout(overview)
        ov.setContentsMargins(0, 0, 0, 0)
        ov.addLayout(head)
        ov.addWidget(self.filters)
        ov.addWidget(self.tabs, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(overview)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

        self.filters.changed.connect(self.reload)
        self.tabs.currentChanged.connect(lambda _i: self._tab_shown())
        self.new_button.clicked.connect(self.new_record)
        self.move_button.clicked.connect(self._move_selected)
        self.open_button.clicked.connect(self._open_selected)
        self.board.open_requested.connect(self.open_card)
        self.board.move_requested.connect(self.request_move)
        self.board.checklist_requested.connect(self.open_checklist)
        self.board.decision_requested.connect(self.correct_decision)
        self.list_view.doubleClicked.connect(lambda idx: self.open_proposal(idx.data(ID_ROLE)))
        self.list_model.reloaded.connect(lambda n: self.count_label.setText(
            counted(n, self.tr("%1 proposal"), self.tr("%1 proposals"))))
        for signal in (ctx.proposals_changed, ctx.data_imported, ctx.workstations_changed):
            signal.connect(self._changed_elsewhere)
        self.filters.load_choices(ctx.services())
        self.reload()

    @property
    def plans(self) -> PlansView:
        if self._plans is None:
            self._plans = PlansView(self.ctx)
            self._plans_holder.layout().addWidget(self._plans)
            self._plans.open_proposal.connect(self.open_proposal)
            self._plans.move_requested.connect(self.request_move)
            self._plans.changed.connect(self._changed_here)
        return self._plans

    @property
    def editor(self) -> ProposalEditor:
        if self._editor is None:
            self._editor = ProposalEditor(self.ctx)
            self.stack.addWidget(self._editor)
            self._editor.back_requested.connect(self.show_overview)
            self._editor.saved.connect(lambda _id: self._changed_here())
            self._editor.deleted.connect(lambda _id: (self._changed_here(), self.show_overview()))
            self._editor.move_requested.connect(self.request_move)
            self._editor.versions_requested.connect(self.show_versions)
            self._editor.export_requested.connect(self.export_pdf)
        return self._editor

    def _editing(self) -> bool:
        return self._editor is not None and self.stack.currentWidget() is self._editor

    # --- the main window's hooks ----------------------------------------------------------------
    def page_activated(self) -> None:
        if self._stale:
            self.filters.load_choices(self.ctx.services())
            self.reload()

    def new_record(self) -> None:
        if self._editing() and not self.editor.maybe_save():
            return
        self.editor.open_new()
        self.stack.setCurrentWidget(self.editor)

    def focus_search(self) -> None:
        if self._editing() and not self.editor.maybe_save():
            return
        self.show_overview()
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    def apply_filter(self, filters: dict) -> None:
        self.show_overview()
        self.filters.apply(filters)

    def can_close(self) -> bool:
        return not self._editing() or self.editor.maybe_save()

    def current_list_model(self) -> LazyIdTableModel:
        return self.list_model

    # --- showing --------------------------------------------------------------------------------
    def reload(self) -> None:
        self._stale = False
        query = self.filters.query()
        self.list_model.set_query(query)
        self._tab_shown()

    def _tab_shown(self) -> None:
        index = self.tabs.currentIndex()
        if index == TAB_BOARD:
            self.board.set_board(ps.board(self.ctx.services(), self.filters.query()))
        elif index == TAB_PLANS:
            self.plans.reload(self.filters.query())
        elif index == TAB_DEMAND:
            self.demand.reload()
        self.move_button.setEnabled(index in (TAB_BOARD, TAB_LIST))
        self.open_button.setEnabled(index in (TAB_BOARD, TAB_LIST))

    def show_overview(self) -> None:
        self.stack.setCurrentIndex(0)
        if self._stale:
            self.reload()

    def _changed_here(self) -> None:
        """After a save of this page's own (announced by ``ctx.run``): the overview shows it now, shown or not."""
        if self._stale and self.stack.currentIndex() == 0:
            self.reload()

    def _changed_elsewhere(self) -> None:
        self._stale = True
        if self.isVisible() and self.stack.currentIndex() == 0:
            self.reload()

    def open_card(self, kind: str, record_id: str) -> None:
        if kind == "plan":
            self.tabs.setCurrentIndex(TAB_PLANS)
            self.plans.select(record_id)
        else:
            self.open_proposal(record_id)

    def open_proposal(self, proposal_id: str | None) -> None:
        if not proposal_id:
            return
        if self._editing() and not self.editor.maybe_save():
            return
        with guarded(self) as done:
            self.editor.open_proposal(proposal_id)
        if not done:
            return
        self.stack.setCurrentWidget(self.editor)

    def _selected(self) -> tuple[str, str, str] | None:
        """(kind, id, title) of the selected card or list row."""
        if self.tabs.currentIndex() == TAB_BOARD:
            card = self.board.selected_card()
            return (card.kind, card.id, card.title) if card else None
        index = self.list_view.currentIndex()
        if not index.isValid():
            return None
        row = self.list_model.data(index, ROW_ROLE) or {}
        if row.get("_plan_id"):
            return "plan", row["_plan_id"], row.get("plan", "")
        return "proposal", index.data(ID_ROLE), row.get("title", "")

    def _open_selected(self) -> None:
        sel = self._selected()
        if sel:
            self.open_card(sel[0], sel[1])

    def _move_selected(self) -> None:
        sel = self._selected()
        if sel is None:
            self.ctx.status_message.emit(self.tr("Select a proposal or plan first."))
            return
        self.request_move(sel[0], sel[1], "")

    # --- moving ---------------------------------------------------------------------------------
    def request_move(self, kind: str, record_id: str, target: str = "") -> None:
        """Ask for the target (when not dropped on one) and the comment, then move; show what blocks it."""
        svc = self.ctx.services()
        with guarded(self) as done:
            if kind == "plan":
                d = ps.get_plan(svc, record_id)
                title, stage, route = d.title, d.stage, Route.EXISTING.value
            else:
                p = ps.get_proposal(svc, record_id)
                title, stage, route = p.title, p.stage, p.route
        if not done:
            return
        if not ps.allowed_moves(stage, route):
            return
        agencies = list(dict.fromkeys(w.agency for w in ps.list_work_items(svc)))
        dialog = MoveDialog(title, stage, target or None, is_plan=kind == "plan", route=route, agencies=agencies,
                            parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        to_stage, comment = dialog.chosen()
        try:
            decision = dialog.decision()
            move = self.ctx.run(ps.move_plan if kind == "plan" else ps.move_proposal, svc, record_id, to_stage,
                                comment, decision=decision)
        except UserError as exc:
            show_move_problem(self, exc)
            problems = getattr(exc, "problems", None)
            if problems and self._editing():
                self.editor.focus_field(problems[0].field)
            return
        for pid in move.proposal_ids:
            self.ctx.proposal_stage_changed.emit(pid, to_stage)
        show_notices(self, move.notices)
        self.ctx.status_message.emit(fmt(self.tr("Moved “%1”."), title))
        self._changed_here()
        if self._editing():
            self.editor.reload()
        elif kind == "plan" and self.tabs.currentIndex() == TAB_PLANS:
            self.plans.select(record_id)
        self.board.select(record_id)

    def _open_saving(self, dialog: DialogT) -> DialogT:
        """Open a county dialog that saves when accepted (its saves announced by ``ctx.run``); the overview follows."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._changed_here)
        dialog.open()
        return dialog

    def open_checklist(self, kind: str, record_id: str) -> CountyChecklistDialog | None:
        """縣府審查: the county's checklist of an existing-route proposal or a township's plan."""
        svc = self.ctx.services()
        with guarded(self) as done:
            title = (ps.get_plan(svc, record_id) if kind == "plan" else ps.get_proposal(svc, record_id)).title
            dialog = CountyChecklistDialog(self.ctx, record_id, title, self, kind=kind)
        if not done:
            return None
        self.checklist_dialog = self._open_saving(dialog)
        return dialog

    def correct_decision(self, kind: str, record_id: str) -> DecisionDialog | None:
        """A passed card's council decision (meeting, date, amounts per ministry), corrected and audited."""
        svc = self.ctx.services()
        with guarded(self) as done:
            title = (ps.get_plan(svc, record_id) if kind == "plan" else ps.get_proposal(svc, record_id)).title
            agencies = list(dict.fromkeys(w.agency for w in ps.list_work_items(svc)))
            dialog = DecisionDialog(self.ctx, kind, record_id, title, agencies, self)
        if not done:
            return None
        self.decision_dialog = self._open_saving(dialog)
        return dialog

    # --- versions and PDF -----------------------------------------------------------------------
    def show_versions(self, proposal_id: str) -> VersionsDialog:
        d = ps.get_proposal(self.ctx.services(), proposal_id)
        dialog = VersionsDialog(self.ctx.services(), proposal_id, d.title, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.versions_dialog = dialog
        return dialog

    def export_pdf(self, proposal_id: str) -> None:
        d = ps.get_proposal(self.ctx.services(), proposal_id)
        start = save_folder(self.ctx.settings, options.PROPOSALS_EXPORT_DIR) / joined(
            ["提案", d.title], ["proposal", d.title], ".pdf")
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export proposal as PDF"), str(start),
                                              self.tr("PDF document (*.pdf)"))
        if not name:
            return
        path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
        options.PROPOSALS_EXPORT_DIR.set(self.ctx.settings, path.parent)
        svc = self.ctx.services()

        def done(written: Path) -> None:
            self.last_export = written
            self.ctx.status_message.emit(fmt(self.tr("PDF written: %1"), str(written)))

        self.export_task = run_task(lambda progress: export_proposal_pdf(svc, proposal_id, path),
                                    on_done=done, parent=self, title=self.tr("Writing the PDF…"))

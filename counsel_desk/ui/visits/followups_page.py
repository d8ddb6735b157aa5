"""Follow-ups (追蹤事項) across all visits: what is due this week, what is overdue (in red), and
closing them — which needs the date they were followed up and the result."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from counsel_desk.errors import UserError, ValidationError
from counsel_desk.models.enums import FollowUpStatus
from counsel_desk.services.visits.followups import CLOSED, FollowUpDraft, FollowUpListSource, FollowUpService
from counsel_desk.services.formatting import shown_date
from counsel_desk.services.people.roster import RosterService
from counsel_desk.ui import messages
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.empty_state import show_when_empty
from counsel_desk.ui.lazy_table import LazyIdTableModel
from counsel_desk.ui.page_titles import page_title
from counsel_desk.ui.visits.followup_dialogs import CloseFollowUpDialog, FollowUpDialog
from counsel_desk.ui.visits.list_base import ListPageBase
from counsel_desk.ui.widgets.conflict_dialog import save_resolving
from counsel_desk.ui.widgets.text import fmt
from counsel_desk.ui.widgets.roles import ROW_ROLE
from counsel_desk.ui.theme import ALERT, GOOD

COLUMNS_CONTEXT = "FollowUpColumns"
COLUMN_WIDTHS = (85, 65, 260, 80, 85, 120, 180, 85, 160)


class FollowUpListPage(ListPageBase):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("followUpListPage")
        self.service = FollowUpService(ctx.services())
        source = FollowUpListSource(ctx.services())
        self.build_list(ctx, source, LazyIdTableModel(source, self, context=COLUMNS_CONTEXT), COLUMN_WIDTHS,
                        followups=True)
        self.dialog: FollowUpDialog | CloseFollowUpDialog | None = None

        title = QLabel(page_title("followups"))
        title.setProperty("role", "pageTitle")
        self.week_button = QPushButton()
        self.week_button.setObjectName("dueThisWeek")
        self.week_button.setFlat(True)
        self.overdue_button = QPushButton()
        self.overdue_button.setObjectName("overdue")
        self.overdue_button.setFlat(True)
        self.overdue_button.setStyleSheet(f"color: {ALERT}; font-weight: bold;")
        self.open_label = QLabel()
        self.open_label.setObjectName("openCount")
        self.search.setObjectName("followUpSearch")
        self.search.setPlaceholderText(self.tr("Search follow-ups, owners and results"))
        self.search.setMinimumWidth(300)
        self.count_label = QLabel()
        self.mine = QCheckBox(self.tr("Only mine"))
        self.mine.setObjectName("onlyMine")
        self.mine.setToolTip(self.tr("Only the follow-ups whose owner is you"))
        self.view.setObjectName("followUpTable")
        self.empty_hint = show_when_empty(self.view, self.tr(
            "No follow-ups here. They are added inside a visit with “Add follow-up…”; ticking “Only mine” "
            "shows the ones you own."), narrowed=self.narrowed, clear=self.clear_search_and_filters)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.close_button = QPushButton(self.tr("Close follow-up…"))
        self.close_button.setObjectName("closeFollowUp")
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName("editFollowUp")
        self.visit_button = QPushButton(self.tr("Open visit"))
        self.visit_button.setObjectName("openVisit")

        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(self.week_button)
        top.addWidget(self.overdue_button)
        top.addWidget(self.open_label)
        top.addStretch(1)
        top.addWidget(self.mine)
        top.addWidget(self.search)
        top.addWidget(self.count_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.visit_button)
        self.notice = QLabel()
        self.notice.setObjectName("followUpNotice")
        self.notice.setStyleSheet(f"color: {GOOD};")
        self.notice.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never widens the window
        buttons.addWidget(self.notice, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

        self.view.activated.connect(lambda _i: self.edit_current())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.model.modelReset.connect(self._enable)
        self.week_button.clicked.connect(lambda: self.filters.set_filters({"status": "due_week"}))
        self.overdue_button.clicked.connect(lambda: self.filters.set_filters({"status": "overdue"}))
        self.mine.toggled.connect(lambda _on: self.reload())
        self.close_button.clicked.connect(self.close_current)
        self.edit_button.clicked.connect(self.edit_current)
        self.visit_button.clicked.connect(self.open_visit)
        self.host.visit_deleted.connect(lambda vid, t: self.undo_bar.show_deleted(
            vid, fmt(self.tr("The visit %1 was deleted with its follow-ups."), t)))
        self.reload()

    def reloaded(self) -> None:
        counts = self.source.counts(self.model.query.filters)
        self.week_button.setText(fmt(self.tr("Due this week: %1"), str(counts.due_this_week)))
        self.overdue_button.setText(fmt(self.tr("Overdue: %1"), str(counts.overdue)))
        self.open_label.setText(fmt(self.tr("Open: %1"), str(counts.open)))
        self.count_label.setText(fmt(self.tr("%1 shown"), f"{self.model.rowCount():,}"))
        self._enable()

    def extra_filters(self) -> dict:
        return {"owner": self.ctx.actor} if self.mine.isChecked() and self.ctx.actor else {}

    def clear_extra_filters(self) -> None:
        self.mine.blockSignals(True)
        self.mine.setChecked(False)
        self.mine.blockSignals(False)

    def show_mine(self) -> None:
        """My open follow-ups (the dashboard's and the menu's way in)."""
        self.filters.set_filters({"status": "open"})
        self.mine.setChecked(True)

    def _enable(self) -> None:
        fid = self.current_id()
        row = self.model.data(self.view.selectionModel().selectedRows()[0], ROW_ROLE) if fid else None
        self.close_button.setEnabled(bool(row) and row.get("_status") in ("open", "in_progress"))
        self.edit_button.setEnabled(bool(fid))
        self.visit_button.setEnabled(bool(fid))

    # --- actions -------------------------------------------------------------------------------------------
    def _load(self, fid: str) -> FollowUpDraft | None:
        with messages.guarded(self) as done:
            return self.service.get(fid)
        if not done:
            return None

    def close_current(self) -> CloseFollowUpDialog | None:
        return self._open_dialog(CloseFollowUpDialog)

    def edit_current(self) -> FollowUpDialog | None:
        return self._open_dialog(FollowUpDialog)

    def _open_dialog(self, dialog_class):
        """The selected follow-up in a close or edit dialog; its OK saves through the service."""
        fid = self.current_id()
        draft = self._load(fid) if fid else None
        if draft is None:
            return None
        if dialog_class is FollowUpDialog:
            dialog = FollowUpDialog(self, draft, owners=RosterService(self.ctx.services()).names())
        else:
            dialog = dialog_class(self, draft)
        dialog.on_accept = lambda d: self._save(fid, d, dialog)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _save(self, fid: str, draft: FollowUpDraft, dialog: FollowUpDialog | CloseFollowUpDialog) -> None:
        """Raises ValidationError back into the dialog (it stays open with the message). Saved by someone else
        since the dialog loaded it: she decides field by field (ui/widgets/conflict_dialog)."""
        def save(taken: dict, version: int | None) -> dict:
            for name, value in taken.items():
                setattr(draft, name, value)
            draft.version = version
            return self.ctx.run(self.service.update, fid, draft)

        try:
            if save_resolving(dialog, save, {}, draft.version, dialog.conflict_labels(),
                              {s.value: s.label for s in FollowUpStatus}) is None:
                raise ValidationError("尚未儲存：您關閉了衝突視窗，可再按「確定」重新比對。",
                                      "Not saved: you closed the comparison; press OK to compare again.")
        except ValidationError:
            raise
        except UserError as exc:  # e.g. deleted meanwhile: say so inside the dialog
            raise ValidationError(exc.zh, exc.en) from exc
        if draft.status == CLOSED:
            text = fmt(self.tr("“%1” closed on %2: %3"), draft.description, shown_date(draft.followup_date),
                       draft.result.strip())
        else:
            text = fmt(self.tr("“%1” saved."), draft.description)
        self.notice.setText(text)
        self.notice.setToolTip(text)
        self.ctx.status_message.emit(text)

    def open_visit(self) -> None:
        fid = self.current_id()
        if fid:
            with messages.guarded(self) as done:
                visit_id = self.service.visit_id_of(fid)
            if not done:
                return
            self.host.open_visit(visit_id, self)

"""The audit log page (稽核紀錄): who did what and when, filtered, verified, exported.

A lazy table over the log's sequence numbers (``ui/lazy_table``) so a log of a million entries
opens instantly; filters and search run in SQL. "Verify" walks the hash chain off the GUI thread
and says in one sentence whether the log is intact or which entry was altered.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QSplitter, QToolButton, QVBoxLayout, QWidget,
)

from counsel_desk.errors import UserError
from counsel_desk.services.safety import audit_log
from counsel_desk.services.file_names import dated_file
from counsel_desk.services.listing import ListQuery
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.lazy_table import LazyIdTableModel
from counsel_desk.ui.page_contract import PageHooks
from counsel_desk.ui import settings as options
from counsel_desk.ui.page_titles import page_title
from counsel_desk.ui.tasks import run_task
from counsel_desk.ui.widgets.text import fmt, counted
from counsel_desk.ui.theme import ALERT, GOOD
from counsel_desk.ui.widgets.choices import fill
from counsel_desk.ui.widgets.date_edit import DateEdit
from counsel_desk.ui.widgets.rows import table_view
from counsel_desk.ui.widgets.save_folder import remember_folder, suggested_path

COLUMNS_CONTEXT = "AuditColumns"
COLUMN_WIDTHS = (60, 150, 90, 80, 100, 240, 360)
OK_STYLE = f"color: {GOOD}; font-weight: bold;"
BAD_STYLE = f"color: {ALERT}; font-weight: bold;"


class AuditPage(PageHooks, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("auditPage")
        self.ctx = ctx
        self.source = audit_log.AuditListSource(ctx.db.session_factory)
        self.model = LazyIdTableModel(self.source, self, context=COLUMNS_CONTEXT)
        self.model.query = ListQuery()
        self._stale = False
        self._person: tuple[str, str] = ("", "")  # (table, id) of the contact or team member the entry is about

        title = QLabel(page_title("audit"))
        title.setProperty("role", "pageTitle")
        self._date_hint = self.tr("A date in ROC or Western form: 115/01/01 or 2026-01-01")
        self.action_box = self._combo("auditAction")
        self.entity_box = self._combo("auditEntity")
        self.actor_box = self._combo("auditActor")
        self.date_from = self._date_edit("auditFrom", self.tr("from 2026-01-01"))
        self.date_to = self._date_edit("auditTo", self.tr("to 2026-12-31"))
        self.search = QLineEdit()
        self.search.setObjectName("auditSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search who, record id and details"))
        self.count_label = QLabel()
        self.count_label.setObjectName("auditCount")
        self.verify_button = QPushButton(self.tr("Verify the log"))
        self.verify_button.setObjectName("verifyAudit")
        self.verify_button.setToolTip(self.tr("Check the hash chain: any entry changed or deleted outside the "
                                              "program shows up."))
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setObjectName("exportAudit")
        self.erase_button = QPushButton(self.tr("Erase this contact's personal data…"))
        self.erase_button.setObjectName("eraseContact")
        self.erase_button.setToolTip(self.tr("A person may ask for their personal data to be erased (Personal Data Protection Act)."))
        self.erase_button.setEnabled(False)
        self.result_label = QLabel()
        self.result_label.setObjectName("auditResult")
        self.result_label.setWordWrap(True)
        self.view = table_view(self.model, "auditTable", alternate=True, wrap=False)
        for n, w in enumerate(COLUMN_WIDTHS):
            self.view.setColumnWidth(n, w)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # what the entry says in words; the raw JSON and hash only behind 「詳細」
        self.detail = QPlainTextEdit()
        self.detail.setObjectName("auditDetail")
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText(self.tr("Select an entry to see everything it recorded."))
        self.raw_button = QToolButton()
        self.raw_button.setObjectName("auditRawToggle")
        self.raw_button.setText(self.tr("Details"))
        self.raw_button.setToolTip(self.tr("The entry as stored: its JSON and its place in the hash chain"))
        self.raw_button.setCheckable(True)
        self.raw_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.raw_button.setArrowType(Qt.ArrowType.RightArrow)
        self.raw = QPlainTextEdit()
        self.raw.setObjectName("auditRaw")
        self.raw.setReadOnly(True)
        self.raw.setVisible(False)
        detail_box = QWidget()
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail, 2)
        detail_layout.addWidget(self.raw_button, 0, Qt.AlignmentFlag.AlignLeft)
        detail_layout.addWidget(self.raw, 3)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.count_label)
        top.addWidget(self.verify_button)
        top.addWidget(self.export_button)
        top.addWidget(self.erase_button)
        filters = QHBoxLayout()
        for label, widget in ((self.tr("Action"), self.action_box), (self.tr("Record"), self.entity_box),
                              (self.tr("Who"), self.actor_box)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(self.date_from)
        filters.addWidget(self.date_to)
        filters.addWidget(self.search, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(detail_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.result_label)
        layout.addWidget(splitter, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        for box in (self.action_box, self.entity_box, self.actor_box):
            box.currentIndexChanged.connect(lambda _i: self.reload())
        for edit in (self.date_from, self.date_to):
            edit.editingFinished.connect(self.reload)
        self.view.horizontalHeader().sortIndicatorChanged.connect(self.model.sort)
        self.view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show_entry(cur.row()))
        self.model.reloaded.connect(self._show_count)
        self.raw_button.toggled.connect(self._show_raw)
        self.verify_button.clicked.connect(self.verify)
        self.export_button.clicked.connect(lambda: self.export_csv())
        self.erase_button.clicked.connect(self.erase_selected_contact)
        for signal in (ctx.data_imported, ctx.visits_changed, ctx.proposals_changed, ctx.workstations_changed,
                       ctx.reports_changed):
            signal.connect(self._data_changed)
        self._fill_choices()
        self.reload()

    def _combo(self, name: str) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        box.setMinimumWidth(120)
        return box

    def _date_edit(self, name: str, placeholder: str) -> DateEdit:
        edit = DateEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setToolTip(self._date_hint)
        return edit

    # --- page API ----------------------------------------------------------------------------------
    def page_activated(self) -> None:
        if self._stale:
            self._stale = False
            self._fill_choices()
            self.reload()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def current_list_model(self) -> LazyIdTableModel:
        return self.model

    def _data_changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self.page_activated()

    # --- filters -----------------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        choices = audit_log.filter_choices(self.ctx.db.session_factory)
        for key, box, everything in (("action", self.action_box, self.tr("All actions")),
                                     ("entity", self.entity_box, self.tr("All records")),
                                     ("actor", self.actor_box, self.tr("Everyone"))):
            fill(box, [(label, code) for code, label in choices[key]], blank=everything, blank_value="")

    def _date(self, edit: DateEdit):
        """The date typed in ``edit``, or None; an unreadable one is marked red with the reason."""
        try:
            d = edit.date()
        except UserError as exc:
            edit.setToolTip(exc.message)
            edit.setStyleSheet(f"border: 1px solid {ALERT};")
            return None
        edit.setToolTip(self._date_hint)
        edit.setStyleSheet("")
        return d

    def current_query(self) -> ListQuery:
        filters = {"action": self.action_box.currentData() or "", "entity": self.entity_box.currentData() or "",
                   "actor": self.actor_box.currentData() or "", "date_from": self._date(self.date_from),
                   "date_to": self._date(self.date_to)}
        return ListQuery(filters={k: v for k, v in filters.items() if v}, search=self.search.text().strip(),
                         sort_key=self.model.query.sort_key, descending=self.model.query.descending)

    def reload(self) -> None:
        self.model.set_query(self.current_query())
        self.detail.clear()
        self.raw.clear()

    def _show_count(self, n: int) -> None:
        self.count_label.setText(counted(n, self.tr("%1 entry"), self.tr("%1 entries")))

    def _show_entry(self, row: int) -> None:
        seq = self.model.id_at(row)
        entry = audit_log.entry(self.ctx.db.session_factory, seq) if seq else None
        person = entry is not None and entry.entity_code in ("contact", "youth_team_member")
        self._person = (entry.entity_code, entry.entity_id) if person and entry is not None else ("", "")
        self.erase_button.setText(self.tr("Erase this team member's personal data…") if self._person[0] == "youth_team_member"
                                  else self.tr("Erase this contact's personal data…"))
        self.erase_button.setEnabled(bool(self._person[1]) and not self.ctx.db.read_only)
        if entry is None:
            self.detail.clear()
            self.raw.clear()
            return
        head = fmt(self.tr("%1 %2 by %3: %4"), entry.at, entry.action, entry.actor or "—", entry.title or entry.entity)
        self.detail.setPlainText("\n".join([head, "", *entry.changes]))
        self.raw.setPlainText(f"#{entry.seq}  {entry.entity_code}  {entry.entity_id}\n\n{entry.detail}\n\n"
                              f"SHA-256 {entry.hash}")

    def _show_raw(self, shown: bool) -> None:
        self.raw.setVisible(shown)
        self.raw_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def erase_selected_contact(self) -> None:
        from counsel_desk.ui.safety.erase_dialog import erase_contact_with_dialog, erase_member_with_dialog

        table, record_id = self._person
        erase = erase_member_with_dialog if table == "youth_team_member" else erase_contact_with_dialog
        if record_id and erase(self.ctx, record_id, self):
            self._data_changed()

    # --- verify and export ---------------------------------------------------------------------------
    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.result_label.setStyleSheet("")
        self.result_label.setText(self.tr("Verifying the audit log…"))
        session_factory, db_path = self.ctx.db.session_factory, self.ctx.db.path

        def done(result: audit_log.ChainResult) -> None:
            self.verify_button.setEnabled(True)
            self.result_label.setStyleSheet(OK_STYLE if result.ok else BAD_STYLE)
            self.result_label.setText(result.message)
            if not result.ok and result.first_bad_seq is not None:
                row = self.model.row_of(str(result.first_bad_seq))
                if row >= 0:
                    self.view.selectRow(row)
                    self.view.scrollTo(self.model.index(row, 0))

        def failed(exc: BaseException) -> None:
            from counsel_desk.ui.messages import show_error

            self.verify_button.setEnabled(True)
            self.result_label.clear()
            show_error(self, exc)

        self.task = run_task(lambda progress: audit_log.verify_chain(session_factory, db_path=db_path), on_done=done,
                             on_error=failed, parent=self)

    def export_csv(self, path: str | None = None) -> None:
        if path is None:
            # like any list's CSV: where she last exported one (not the database's folder)
            suggested = suggested_path(self.ctx.settings, options.LISTS_EXPORT_DIR,
                                       dated_file("稽核紀錄", "audit-log", date.today(), ".csv"))
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the audit log"), suggested,
                                                  self.tr("CSV (*.csv)"))
            if not path:
                return
        query = self.current_query()
        services = self.ctx.services()

        def done(n: int) -> None:
            remember_folder(self.ctx.settings, options.LISTS_EXPORT_DIR, str(path))
            text = counted(n, self.tr("Exported %1 entry to %2."), self.tr("Exported %1 entries to %2."), str(path))
            self.result_label.setStyleSheet("")
            self.result_label.setText(text)
            self.ctx.status_message.emit(text)
            self._data_changed()  # the export itself is a new entry

        self.task = run_task(lambda progress: audit_log.export_csv(services, Path(path), query, progress),
                             on_done=done, parent=self, title=self.tr("Exporting the audit log…"))

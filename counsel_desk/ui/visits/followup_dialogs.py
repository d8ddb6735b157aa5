"""Follow-up (追蹤事項) dialogs and the small table of a visit's follow-ups inside the editor.

The close dialog refuses to close a follow-up without the date it was followed up and its result;
the messages appear next to the two fields and the dialog stays open.
"""

from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from counsel_desk.errors import ValidationError
from counsel_desk.models.enums import FollowUpStatus
from counsel_desk.services.visits.followups import CLOSED, FollowUpDraft, followup_problems
from counsel_desk.services.formatting import shown_date
from counsel_desk.ui.widgets.rows import SmallTableModel
from counsel_desk.ui.visits.widgets import FormDialog
from counsel_desk.ui.widgets.fit import fit_window
from counsel_desk.ui.theme import ALERT
from counsel_desk.ui.widgets.choices import select
from counsel_desk.ui.widgets.date_edit import DateEdit



class FollowUpTableModel(SmallTableModel[FollowUpDraft]):
    """A visit's follow-ups while it is being edited (a handful of rows: set_rows, no laziness)."""

    COL_DESCRIPTION, COL_OWNER, COL_DUE, COL_STATUS, COL_DATE, COL_RESULT = range(6)

    def __init__(self, parent=None, today: date | None = None):
        super().__init__(parent=parent)
        self._today = today
        self._titles = [self.tr("Follow-up"), self.tr("Owner"), self.tr("Due"), self.tr("Status"),
                        self.tr("Followed up"), self.tr("Result")]

    @property
    def drafts(self) -> list[FollowUpDraft]:
        return list(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        fu = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return [fu.description, fu.owner, shown_date(fu.due_date), FollowUpStatus.label_of(fu.status),
                    shown_date(fu.followup_date), fu.result][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and self.is_overdue(fu):
            return QBrush(QColor(ALERT))
        return None

    def is_overdue(self, fu: FollowUpDraft) -> bool:
        today = self._today or date.today()
        return fu.is_open and fu.due_date is not None and fu.due_date < today


def owner_combo(owners: list[str] | tuple[str, ...], current: str) -> QComboBox:
    """負責人: a counselor from the roster, or any name typed in (someone outside the center)."""
    combo = QComboBox()
    combo.setObjectName("owner")
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItem("")
    combo.addItems([o for o in owners if o])
    combo.lineEdit().setPlaceholderText(QCoreApplication.translate(
        "FollowUpDialog", "A counselor, or type the name of someone else"))
    combo.setCurrentText(current)
    return combo


def followup_labels() -> dict[str, str]:
    """A follow-up's fields as the edit dialog labels them (the conflict dialog names them so)."""
    names = {"description": "What to follow up", "owner": "Owner", "due_date": "Due date", "status": "Status",
             "followup_date": "Followed up on", "result": "Result"}  # translated in the edit dialog's context
    return {k: QCoreApplication.translate("FollowUpDialog", v) for k, v in names.items()}


class _FollowUpForm(FormDialog):
    """OK checks the follow-up's rules, then hands it to ``on_accept`` (which may refuse too)."""

    def __init__(self, parent: QWidget | None, today: date | None):
        super().__init__(parent)
        self._today = today or date.today()
        self.visit_date: date | None = None  # the visit's date, where the dialog knows it: nothing due before it
        self.on_accept: Callable[[FollowUpDraft], None] | None = None

    def draft(self) -> FollowUpDraft:
        raise NotImplementedError

    def conflict_labels(self) -> dict[str, str]:
        """The follow-up's fields as the conflict dialog names them (someone else saved it first)."""
        return followup_labels()

    def submit(self) -> None:
        draft = self.draft()
        problems = followup_problems(draft, self._today, visit_date=self.visit_date)
        if problems:
            raise ValidationError(problems[0].zh, problems[0].en, field=problems[0].field, problems=problems)
        if self.on_accept is not None:
            self.on_accept(draft)


class FollowUpDialog(_FollowUpForm):
    """Add or edit a follow-up: what, who, by when, status and — once done — date and result."""

    def __init__(self, parent: QWidget | None = None, draft: FollowUpDraft | None = None, today: date | None = None,
                 owners: list[str] | tuple[str, ...] = (), default_owner: str = ""):
        super().__init__(parent, today)
        self.setObjectName("followUpDialog")
        self._original = draft or FollowUpDraft(owner=default_owner)
        self.setWindowTitle(self.tr("Follow-up") if draft and draft.id else self.tr("New follow-up"))
        self.description = QLineEdit(self._original.description)
        self.description.setObjectName("description")
        self.description.setMinimumWidth(360)
        self.owner = owner_combo(owners, self._original.owner)
        self.due = DateEdit(value=self._original.due_date)
        self.due.setObjectName("dueDate")
        self.status = QComboBox()
        self.status.setObjectName("status")
        for s in FollowUpStatus:
            self.status.addItem(s.label, s.value)
        select(self.status, self._original.status)
        self.followup_date = DateEdit(value=self._original.followup_date)
        self.followup_date.setObjectName("followupDate")
        self.result = QPlainTextEdit(self._original.result)
        self.result.setObjectName("result")
        self.result.setFixedHeight(70)
        self.add_row(self.tr("What to follow up"), self.description, "description")
        self.add_row(self.tr("Owner"), self.owner, "owner")
        self.add_row(self.tr("Due date"), self.due, "due_date")
        self.add_row(self.tr("Status"), self.status, "status")
        self.add_row(self.tr("Followed up on"), self.followup_date, "followup_date")
        self.add_row(self.tr("Result"), self.result, "result")
        hint = QLabel(self.tr("Closing needs the date it was followed up and the result."))
        hint.setWordWrap(True)
        self.form.addRow(hint)
        self.description.setFocus()
        fit_window(self, "followUpDialog", self.sizeHint())

    def draft(self) -> FollowUpDraft:
        return FollowUpDraft(description=self.description.text(), owner=self.owner.currentText(),
                             due_date=self.due.date_for("due_date"), status=self.status.currentData(),
                             followup_date=self.followup_date.date_for("followup_date"),
                             result=self.result.toPlainText(), id=self._original.id, version=self._original.version)


class CloseFollowUpDialog(_FollowUpForm):
    """Close a follow-up: the date it was followed up and the result are both required."""

    def __init__(self, parent: QWidget | None, draft: FollowUpDraft, today: date | None = None):
        super().__init__(parent, today)
        self.setObjectName("closeFollowUpDialog")
        self._original = draft
        self.setWindowTitle(self.tr("Close follow-up"))
        what = QLabel(draft.description)
        what.setWordWrap(True)
        self.form.addRow(self.tr("Follow-up"), what)
        self.followup_date = DateEdit(value=draft.followup_date or self._today)
        self.followup_date.setObjectName("followupDate")
        self.result = QPlainTextEdit(draft.result)
        self.result.setObjectName("result")
        self.result.setMinimumWidth(360)
        self.result.setFixedHeight(90)
        self.result.setPlaceholderText(self.tr("What came of it: done, agreed, referred to…"))
        self.add_row(self.tr("Followed up on"), self.followup_date, "followup_date")
        self.add_row(self.tr("Result"), self.result, "result")
        self.result.setFocus()
        fit_window(self, "closeFollowUpDialog", self.sizeHint())

    def draft(self) -> FollowUpDraft:
        d = self._original
        return FollowUpDraft(description=d.description, owner=d.owner, due_date=d.due_date, status=CLOSED,
                             followup_date=self.followup_date.date_for("followup_date"),
                             result=self.result.toPlainText(), id=d.id, version=d.version)

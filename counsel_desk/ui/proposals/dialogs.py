"""Dialogs of the proposals area: moving to another stage (with its comment), what is missing before
a draft may be sent, adding a contact and choosing a proposal for a plan."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMessageBox, QPlainTextEdit,
    QVBoxLayout, QWidget,
)

from counsel_desk.errors import UserError, ValidationError
from counsel_desk.models.enums import Route, Stage
from counsel_desk.services.formatting import bullet
from counsel_desk.services.proposals.county import Decision
from counsel_desk.services.proposals.stages import NEEDS_COMPLETE, allowed_moves
from counsel_desk.ui.proposals.county_dialogs import DecisionBox
from counsel_desk.ui.widgets.fit import fit_window
from counsel_desk.ui.widgets.text import fmt
from counsel_desk.ui.widgets.choices import select
from counsel_desk.ui.widgets.fields import heading


class MoveDialog(QDialog):
    """Where to move and why: the comment is required (it is kept with who and when)."""

    def __init__(self, title: str, current_stage: str, target: str | None = None, *, is_plan: bool = False,
                 route: str = Route.MULTI.value, agencies: list[str] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("moveDialog")
        self.setWindowTitle(self.tr("Move to another stage"))
        self.setMinimumWidth(460)
        what = self.tr("Plan “%1”") if is_plan else self.tr("Proposal “%1”")
        title_label = heading(fmt(what, title), wrap=True)
        self.target = QComboBox()
        self.target.setObjectName("moveTarget")
        for stage in allowed_moves(current_stage, route):
            self.target.addItem(Stage.label_of(stage.value), stage.value)
        select(self.target, target, or_first=True)
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("moveComment")
        self.comment.setPlaceholderText(self.tr("Why does it move? e.g. the council asked for a clearer KPI."))
        self.comment.setFixedHeight(90)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setProperty("role", "figureCaption")
        form = QFormLayout()
        form.addRow(self.tr("Now:"), QLabel(Stage.label_of(current_stage)))
        form.addRow(self.tr("Move to:"), self.target)
        form.addRow(self.tr("Comment:"), self.comment)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Move"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title_label)
        layout.addLayout(form)
        layout.addWidget(self.note)
        self.decision_box = DecisionBox(agencies or [])
        layout.addWidget(self.decision_box)
        if is_plan:
            layout.addWidget(QLabel(self.tr("Every proposal of the plan moves with it.")))
        layout.addWidget(self.buttons)
        self.comment.textChanged.connect(self._update)
        self.target.currentIndexChanged.connect(self._update)
        self._update()
        fit_window(self, "moveDialog", self.sizeHint())

    def _update(self) -> None:
        stage = self.target.currentData()
        self.decision_box.setVisible(stage == Stage.APPROVED.value)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(stage) and bool(self.comment.toPlainText().strip()))
        self.note.setText(self.tr("Sending needs a complete draft: every section, the applicant, "
                                  "at least one funding line and the three scores.")
                          if stage and Stage(stage) in NEEDS_COMPLETE else "")

    def chosen(self) -> tuple[str, str]:
        return self.target.currentData(), self.comment.toPlainText().strip()

    def decision(self) -> Decision | None:
        """The council's decision when moving to 通過 (raises ValidationError for a bad entry)."""
        return self.decision_box.decision() if self.target.currentData() == Stage.APPROVED.value else None


def show_notices(parent: QWidget | None, notices: list) -> None:
    """Rules that spoke up about what was just done: each with its reason and source."""
    if not notices:
        return
    source = QCoreApplication.translate("MoveDialog", "Source: %1")
    parts = []
    for n in notices:
        parts.append(f"・{n.message}" + (f"\n　{fmt(source, n.source_text)}" if n.source_text else ""))
    QMessageBox.warning(parent, QCoreApplication.translate("MoveDialog", "Please note"), "\n\n".join(parts))


def show_move_problem(parent: QWidget | None, exc: UserError) -> None:
    """A blocked move: the list of what is missing (in the app's language), or the rule that was broken."""
    if isinstance(exc, ValidationError) and exc.problems:
        items = "\n".join(bullet(p.message) for p in exc.problems)
        QMessageBox.warning(parent, QCoreApplication.translate("MoveDialog", "Cannot send yet"),
                            exc.message.split("\n", 1)[0] + "\n\n" + items)
    else:
        QMessageBox.warning(parent, QCoreApplication.translate("MoveDialog", "Cannot move"), exc.message)


class ContactDialog(QDialog):
    """A new contact person of the applicant (personal data: only what the proposal needs)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add contact"))
        self.name = QLineEdit()
        self.title = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Job title:"), self.title)
        form.addRow(self.tr("Phone:"), self.phone)
        form.addRow(self.tr("E-mail:"), self.email)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        fit_window(self, "proposalContactDialog", self.sizeHint())


class ChooseProposalDialog(QDialog):
    """Pick a standalone proposal to add to a plan."""

    def __init__(self, options: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a proposal to the plan"))
        self.combo = QComboBox()
        for pid, text in options:
            self.combo.addItem(text, pid)
        note = QLabel(self.tr("The proposal takes the plan's stage; the change is kept in its history."))
        note.setWordWrap(True)
        note.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.combo)
        layout.addWidget(note)
        layout.addWidget(buttons)
        fit_window(self, "chooseProposalDialog", self.sizeHint())

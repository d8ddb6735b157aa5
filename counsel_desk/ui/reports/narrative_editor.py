"""The manager's words for the chosen report (本月工作重點, 下月工作重點, 待協助事項), printed in the
report and frozen with it when it is marked as sent."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from counsel_desk.reports import narrative
from counsel_desk.reports.figures_types import Narrative
from counsel_desk.services.period import Period
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.messages import guarded
from counsel_desk.ui.widgets.conflict_dialog import save_resolving


class NarrativeEditor(QWidget):
    saved = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.center: str | None = None
        self.period: Period | None = None
        self.version = 0  # of the words shown: a save over someone's newer words shows both (conflict dialog)
        self.this_month = QPlainTextEdit()
        self.next_month = QPlainTextEdit()
        self.help_needed = QPlainTextEdit()
        form = QFormLayout()
        for label, edit, name in ((self.tr("This month's main work"), self.this_month, "this_month"),
                                  (self.tr("Next month's main work"), self.next_month, "next_month"),
                                  (self.tr("Help needed"), self.help_needed, "help_needed")):
            edit.setObjectName(f"narrative_{name}")
            edit.setTabChangesFocus(True)
            form.addRow(label, edit)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save notes"))
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.note)
        layout.addLayout(buttons)

    def value(self) -> Narrative:
        return Narrative(self.this_month.toPlainText(), self.next_month.toPlainText(), self.help_needed.toPlainText())

    def set_report(self, center: str | None, period: Period) -> None:
        """Show the words of one center's period; all centers' report has none."""
        self.center, self.period = center, period
        self.setEnabled(center is not None)
        words, self.version = narrative.loaded(self.ctx.services(), center, period)
        self.this_month.setPlainText(words.this_month)
        self.next_month.setPlainText(words.next_month)
        self.help_needed.setPlainText(words.help_needed)
        self.note.setText(self.tr("Printed in the report and kept with it when it is marked as sent.")
                          if center is not None else self.tr("Choose one center to write its notes."))

    def save(self) -> bool:
        """Store the words; False (with the message shown) when they could not be stored."""
        if self.center is None or self.period is None:
            return True
        center, period = self.center, self.period

        def save(values: dict[str, str], version: int | None) -> bool:
            return narrative.save(self.ctx.services(), center, period, Narrative(**values), version)

        with guarded(self) as done:
            changed = save_resolving(self, save, self.value().as_json(), self.version, self.labels())
        if not done:
            return False
        if changed is None:  # she closed the comparison: nothing saved, her words stay in the boxes
            self.note.setText(self.tr("Not saved: someone else changed these notes meanwhile."))
            return False
        words, self.version = narrative.loaded(self.ctx.services(), center, period)
        for edit, text in ((self.this_month, words.this_month), (self.next_month, words.next_month),
                           (self.help_needed, words.help_needed)):
            if edit.toPlainText() != text:  # what she took from the colleague (her own words stay as typed)
                edit.setPlainText(text)
        if changed:
            self.note.setText(self.tr("Notes saved; make the report again to print them."))
            self.saved.emit()
        return True

    def labels(self) -> dict[str, str]:
        """The sections as the conflict dialog names them (someone else saved the notes first)."""
        return {"this_month": self.tr("This month's main work"), "next_month": self.tr("Next month's main work"),
                "help_needed": self.tr("Help needed")}

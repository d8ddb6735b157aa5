"""The three criteria of the plan — 在地性, 公共性, 商業模式 (適當商業模式) — scored 1–5 with a comment."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup, QGroupBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QRadioButton, QVBoxLayout, QWidget,
)

from counsel_desk.models.enums import Criterion
from counsel_desk.services.proposals.coaching import ScoreEntry
from counsel_desk.ui.widgets.text import fmt
from counsel_desk.ui.theme import SECONDARY_INK, WARN


class CriterionBox(QGroupBox):
    changed = Signal()

    def __init__(self, criterion: Criterion, hint: str, parent: QWidget | None = None):
        super().__init__(Criterion.label_of(criterion.value), parent)
        self.criterion = criterion
        self.setObjectName(f"score_{criterion.value}")
        self.group = QButtonGroup(self)
        row = QHBoxLayout()
        for n in range(1, 6):
            button = QRadioButton(str(n))
            button.setObjectName(f"score_{criterion.value}_{n}")
            self.group.addButton(button, n)
            row.addWidget(button)
        self.clear_button = QPushButton(self.tr("Not scored"))
        self.clear_button.clicked.connect(self.clear)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        self.state = QLabel()
        row.addWidget(self.state)
        self.comment = QPlainTextEdit()
        self.comment.setObjectName(f"score_comment_{criterion.value}")
        self.comment.setPlaceholderText(self.tr("Why this score? What would raise it?"))
        self.comment.setFixedHeight(70)
        hint_label = QLabel(hint)
        hint_label.setWordWrap(True)
        hint_label.setStyleSheet(f"color: {SECONDARY_INK};")
        layout = QVBoxLayout(self)
        layout.addWidget(hint_label)
        layout.addLayout(row)
        layout.addWidget(self.comment)
        self.group.idClicked.connect(lambda _n: self._changed())
        self.comment.textChanged.connect(self.changed.emit)
        self._show_state()

    def score(self) -> int | None:
        n = self.group.checkedId()
        return n if n > 0 else None

    def set_entry(self, entry: ScoreEntry | None) -> None:
        self.blockSignals(True)
        self.group.setExclusive(False)
        for button in self.group.buttons():
            button.setChecked(entry is not None and self.group.id(button) == entry.score)
        self.group.setExclusive(True)
        self.comment.setPlainText(entry.comment if entry else "")
        self.blockSignals(False)
        self._show_state()

    def clear(self) -> None:
        if self.score() is not None:
            self.set_entry(ScoreEntry(0, self.comment.toPlainText()))
            self._changed()

    def _changed(self) -> None:
        self._show_state()
        self.changed.emit()

    def _show_state(self) -> None:
        n = self.score()
        self.state.setText(fmt(self.tr("%1 / 5"), str(n)) if n else self.tr("not scored yet"))
        self.state.setStyleSheet("" if n else f"color: {WARN};")


class ScoresPanel(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        hints = {
            Criterion.LOCALITY: self.tr("Does it grow from the place's own character (local DNA) and people?"),
            Criterion.PUBLIC: self.tr("Does the place gain: local jobs, shared profit, public services?"),
            Criterion.BUSINESS: self.tr("Can it run on its own after the subsidy: customers, revenue, costs?"),
        }
        self.boxes = {c.value: CriterionBox(c, hints[c]) for c in Criterion}
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Score each criterion from 1 (weak) to 5 (strong), with a comment.")))
        for box in self.boxes.values():
            box.changed.connect(self.changed.emit)
            layout.addWidget(box)
        layout.addStretch(1)

    def load(self, scores: dict[str, ScoreEntry]) -> None:
        for key, box in self.boxes.items():
            box.set_entry(scores.get(key))

    def values(self) -> dict[str, tuple[int | None, str]]:
        return {key: (box.score(), box.comment.toPlainText()) for key, box in self.boxes.items()}

    def entries(self) -> dict[str, ScoreEntry]:
        return {k: ScoreEntry(s, c) for k, (s, c) in self.values().items() if s is not None}

"""The seven sections of a draft: a list with live character counts, and the text with its guidance."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPlainTextEdit, QStackedWidget, QVBoxLayout, QWidget,
)

from counsel_desk.services.proposals.sections import GUIDES, SectionGuide, char_count
from counsel_desk.ui.widgets.text import fmt
from counsel_desk.ui.widgets.roles import VALUE_ROLE
from counsel_desk.ui.theme import ACCENT, INK, SECONDARY_INK, WARN

NUMERALS = "一二三四五六七"


class SectionEditor(QWidget):
    """One section: its title, the guidance a counselor gives, the text and its character count."""

    changed = Signal()

    def __init__(self, n: int, guide: SectionGuide, parent: QWidget | None = None):
        super().__init__(parent)
        self.guide = guide
        title = QLabel(f"{NUMERALS[n]}、{guide.title}")
        title.setProperty("role", "pageTitle")
        guidance = QLabel(guide.guidance)
        guidance.setObjectName(f"guidance_{guide.key.value}")
        guidance.setWordWrap(True)
        guidance.setStyleSheet(f"color: {SECONDARY_INK}; background: #f3f6f9; border-left: 3px solid {ACCENT}; padding: 6px;")
        self.text = QPlainTextEdit()
        self.text.setObjectName(f"section_{guide.key.value}")
        self.text.setPlaceholderText(self.tr("Write this section here…"))
        self.count = QLabel()
        self.count.setObjectName(f"count_{guide.key.value}")
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(guidance)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.count)
        self.text.textChanged.connect(self._on_change)
        self.update_count()

    def chars(self) -> int:
        return char_count(self.text.toPlainText())

    def update_count(self) -> None:
        n = self.chars()
        text = fmt(self.tr("%1 characters (suggested at least %2)"), f"{n:,}", str(self.guide.suggested_chars))
        self.count.setText(text)
        self.count.setStyleSheet(f"color: {WARN};" if 0 < n < self.guide.suggested_chars else f"color: {SECONDARY_INK};")

    def _on_change(self) -> None:
        self.update_count()
        self.changed.emit()


class SectionsPanel(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.index = QListWidget()
        self.index.setObjectName("sectionIndex")
        self.index.setMaximumWidth(260)
        self.index.setMinimumWidth(210)
        self.index.setStyleSheet("QListWidget::item { padding: 4px 2px; }")
        self.stack = QStackedWidget()
        self.editors: dict[str, SectionEditor] = {}
        for n, guide in enumerate(GUIDES):
            editor = SectionEditor(n, guide)
            editor.changed.connect(lambda k=guide.key.value: self._on_change(k))
            self.editors[guide.key.value] = editor
            self.stack.addWidget(editor)
            item = QListWidgetItem()
            item.setData(VALUE_ROLE, guide.key.value)
            self.index.addItem(item)
            self._refresh_item(guide.key.value)
        layout = QHBoxLayout(self)
        layout.addWidget(self.index)
        layout.addWidget(self.stack, 1)
        self.index.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.index.setCurrentRow(0)

    def _refresh_item(self, key: str) -> None:
        n = list(self.editors).index(key)
        editor = self.editors[key]
        chars = editor.chars()
        item = self.index.item(n)
        mark = "✓" if chars else "○"
        item.setText(f"{mark} {NUMERALS[n]}、{editor.guide.title}\n     " + fmt(self.tr("%1 characters"), f"{chars:,}"))
        item.setForeground(QBrush(QColor(INK if chars else WARN)))

    def _on_change(self, key: str) -> None:
        self._refresh_item(key)
        self.changed.emit()

    def show_section(self, key: str) -> None:
        self.index.setCurrentRow(list(self.editors).index(key))
        self.editors[key].text.setFocus()

    def load(self, sections: dict[str, str]) -> None:
        for key, editor in self.editors.items():
            editor.text.blockSignals(True)
            editor.text.setPlainText(sections.get(key, ""))
            editor.text.blockSignals(False)
            editor.update_count()
            self._refresh_item(key)

    def values(self) -> dict[str, str]:
        return {key: editor.text.toPlainText() for key, editor in self.editors.items()}

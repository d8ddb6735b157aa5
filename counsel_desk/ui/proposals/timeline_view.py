"""The coaching timeline: comments and stage moves, newest first, and a box to add a comment."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from counsel_desk.models.enums import Stage
from counsel_desk.services.proposals.coaching import TimelineEntry
from counsel_desk.services.proposals.display import when_text
from counsel_desk.ui.proposals.common import stage_color


class TimelineView(QWidget):
    comment_submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.new_comment = QPlainTextEdit()
        self.new_comment.setObjectName("newComment")
        self.new_comment.setPlaceholderText(self.tr("Coaching comment: what was advised, what to do next…"))
        self.new_comment.setFixedHeight(70)
        self.add_button = QPushButton(self.tr("Add comment"))
        self.add_button.setObjectName("addComment")
        self.browser = QTextBrowser()
        self.browser.setObjectName("timeline")
        self.browser.setOpenLinks(False)
        row = QHBoxLayout()
        row.addWidget(self.new_comment, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.browser, 1)
        self.add_button.clicked.connect(self._submit)
        self.set_enabled_for_saved(False)

    def set_enabled_for_saved(self, saved: bool) -> None:
        self.new_comment.setEnabled(saved)
        self.add_button.setEnabled(saved)
        self.new_comment.setPlaceholderText(self.tr("Coaching comment: what was advised, what to do next…") if saved
                                            else self.tr("Save the proposal first to add comments."))

    def _submit(self) -> None:
        text = self.new_comment.toPlainText().strip()
        if text:
            self.comment_submitted.emit(text)

    def comment_added(self) -> None:
        self.new_comment.clear()

    def set_entries(self, entries: list[TimelineEntry]) -> None:
        if not entries:
            empty = self.tr("No comments or moves yet.")
            self.browser.setHtml(f"<p style='color:#777'>{escape(empty)}</p>")
            return
        parts = []
        unknown = self.tr("(unknown)")
        for e in entries:
            head = f"<b>{escape(when_text(e.at))}</b>　{escape(e.who or unknown)}"
            if e.kind == "stage":
                color = stage_color(e.to_stage).name()
                move = Stage.label_of(e.to_stage) if not e.from_stage else \
                    f"{Stage.label_of(e.from_stage)} → {Stage.label_of(e.to_stage)}"
                badge = (f"<span style='background:{color}; color:white; padding:1px 6px;'>"
                         f"&nbsp;{escape(move)}&nbsp;</span>")
                body = f"{badge}<br>{escape(e.text).replace(chr(10), '<br>')}"
            else:
                body = escape(e.text).replace("\n", "<br>")
            parts.append(f"<p style='margin-bottom:14px'>{head}<br>{body}</p>")
        self.browser.setHtml("".join(parts))

"""Comparing two versions of a draft side by side: deleted text struck through in red on the left,
inserted text underlined in green on the right, changed values highlighted."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QGridLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget,
)

from counsel_desk.services import proposals as ps
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.formatting import spaced
from counsel_desk.services.proposals.versions import Comparison, FieldDiff
from counsel_desk.ui.widgets.fit import fit_window
from counsel_desk.ui.widgets.text import fmt
from counsel_desk.ui.theme import SECONDARY_INK

DELETED = "background:#fbe0df; color:#8c1d18; text-decoration:line-through;"
INSERTED = "background:#dcf3dc; color:#14521b; text-decoration:underline;"
CHANGED_OLD = "background:#fbe0df;"
CHANGED_NEW = "background:#dcf3dc;"
HEAD = "background:#e6eef6; color:#0b3d66; text-align:left;"
LABEL = "color:#0b3d66; padding-top:8px;"
CELL = "vertical-align:top;"


def _text(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def side_html(field: FieldDiff, side: str) -> str:
    """One side's cell: the old side shows deletions, the new side insertions (difflib runs)."""
    value = field.old if side == "old" else field.new
    if field.segments is not None and field.changed:
        keep = "delete" if side == "old" else "insert"
        style = DELETED if side == "old" else INSERTED
        out = []
        for seg in field.segments:
            if seg.op == "equal":
                out.append(_text(seg.text))
            elif seg.op == keep:
                out.append(f"<span style='{style}'>{_text(seg.text)}</span>")
        return "".join(out) or "<span style='color:#999'>—</span>"
    if not value:
        return "<span style='color:#999'>—</span>"
    if field.changed:
        return f"<span style='{CHANGED_OLD if side == 'old' else CHANGED_NEW}'>{_text(value)}</span>"
    return _text(value)


def comparison_html(cmp: Comparison, only_changes: bool, empty_text: str) -> str:
    """One table, the older version left and the newer right, a row per field so both sides stay level."""
    fields = cmp.changes if only_changes else cmp.fields
    if not fields:
        return f"<p style='color:#777'>{escape(empty_text)}</p>"
    rows = [f"<tr><th width='50%' style='{HEAD}'>{escape(cmp.a.label)}</th>"
            f"<th width='50%' style='{HEAD}'>{escape(cmp.b.label)}</th></tr>"]
    for f in fields:
        mark = " <span style='color:#c2571a'>●</span>" if f.changed else ""
        rows.append(f"<tr><td colspan='2' style='{LABEL}'><b>{escape(f.label)}</b>{mark}</td></tr>")
        rows.append(f"<tr><td style='{CELL}'>{side_html(f, 'old')}</td><td style='{CELL}'>{side_html(f, 'new')}</td></tr>")
    return f"<table width='100%' cellspacing='0' cellpadding='5'>{''.join(rows)}</table>"


class VersionsDialog(QDialog):
    """Pick two versions (each stage move keeps one) and read their differences side by side."""

    def __init__(self, svc: ServiceContext, proposal_id: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.svc = svc
        self.proposal_id = proposal_id
        self.setObjectName("versionsDialog")
        self.setWindowTitle(fmt(self.tr("Versions of “%1”"), title))
        fit_window(self, "versionsDialog", (1100, 720))
        self.versions = ps.list_versions(svc, proposal_id)
        self.left_choice = QComboBox()
        self.left_choice.setObjectName("versionA")
        self.right_choice = QComboBox()
        self.right_choice.setObjectName("versionB")
        for v in self.versions:
            self.left_choice.addItem(v.label, v.id)
            self.right_choice.addItem(v.label, v.id)
        # Default: the last kept version against the current draft (what changed since the last move).
        self.left_choice.setCurrentIndex(max(len(self.versions) - 2, 0))
        self.right_choice.setCurrentIndex(len(self.versions) - 1)
        self.only_changes = QCheckBox(self.tr("Only show differences"))
        self.only_changes.setChecked(True)
        self.summary = QLabel()
        self.summary.setObjectName("versionsSummary")
        self.comment_a = QLabel()
        self.comment_b = QLabel()
        for c in (self.comment_a, self.comment_b):
            c.setWordWrap(True)
            c.setStyleSheet(f"color:{SECONDARY_INK};")
        self.view = QTextBrowser()
        self.view.setObjectName("versionsView")
        comments = QGridLayout()
        comments.addWidget(self.comment_a, 0, 0)
        comments.addWidget(self.comment_b, 0, 1)
        words = [self.tr("deleted"), self.tr("inserted"), self.tr("old value"), self.tr("new value")]
        legend = QLabel(spaced([f"<span style='{DELETED}'>{escape(words[0])}</span>",
                                f"<span style='{INSERTED}'>{escape(words[1])}</span>",
                                f"<span style='{CHANGED_OLD}'>{escape(words[2])}</span> → "
                                f"<span style='{CHANGED_NEW}'>{escape(words[3])}</span>"]))
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Older:")), 0, 0)
        grid.addWidget(self.left_choice, 0, 1)
        grid.addWidget(QLabel(self.tr("Newer:")), 0, 2)
        grid.addWidget(self.right_choice, 0, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        options = QGridLayout()
        options.addWidget(self.only_changes, 0, 0)
        options.addWidget(legend, 0, 1, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(options)
        layout.addWidget(self.summary)
        layout.addLayout(comments)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.left_choice.currentIndexChanged.connect(self.refresh)
        self.right_choice.currentIndexChanged.connect(self.refresh)
        self.only_changes.toggled.connect(self.refresh)
        self.comparison: Comparison | None = None
        self.refresh()

    def choose(self, older_id: str, newer_id: str) -> None:
        self.left_choice.setCurrentIndex(self.left_choice.findData(older_id))
        self.right_choice.setCurrentIndex(self.right_choice.findData(newer_id))

    def refresh(self) -> None:
        a, b = self.left_choice.currentData(), self.right_choice.currentData()
        if a is None or b is None:
            return
        self.comparison = cmp = ps.compare_versions(self.svc, self.proposal_id, a, b)
        only = self.only_changes.isChecked()
        self.view.setHtml(comparison_html(cmp, only, self.tr("No differences.")))
        self.summary.setText(fmt(self.tr("%1 field(s) differ."), str(len(cmp.changes))))
        for lbl, v in ((self.comment_a, cmp.a), (self.comment_b, cmp.b)):
            lbl.setText(fmt(self.tr("Comment of the move: %1"), v.comment) if v.comment else "")

"""The dashboard's lists: visits by county, proposals per stage, yearly targets, unvisited townships."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from counsel_desk.i18n import pick
from counsel_desk.models.enums import Stage
from counsel_desk.services.figures.dashboard import CountyVisits, StageProposals, TownshipVisits
from counsel_desk.ui.dashboard.loading import TargetLine
from counsel_desk.ui.theme import GOOD
from counsel_desk.ui.dashboard.widgets import ACCENT, MUTED, WARN, BarRow, BarRows, ElidedLabel
from counsel_desk.ui.widgets.text import fmt, counted

STAGE_COLORS = {Stage.APPROVED: GOOD, Stage.RETURNED: WARN, Stage.REJECTED: "#8d969e"}
BEHIND_PACE = 0.10  # a target this far behind the calendar is drawn in amber


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


class VisitsByCounty(BarRows):
    def set_counties(self, counties: list[CountyVisits]) -> None:
        top = max((c.count for c in counties), default=0)
        self.set_rows([BarRow(pick(c.name, c.name_en), c.count, top,
                              counted(c.count, self.tr("%1 visit"), self.tr("%1 visits")))
                       for c in counties])


class ProposalStages(BarRows):
    def set_stages(self, stages: list[StageProposals]) -> None:
        top = max((s.count for s in stages), default=0)
        self.set_rows([BarRow(s.stage.label, s.count, top,
                              counted(s.count, self.tr("%1 item"), self.tr("%1 items")),
                              STAGE_COLORS.get(s.stage, ACCENT)) for s in stages])


def year_elapsed(today: date) -> float:
    """Share of the year gone by the end of ``today`` — where a steady pace would have got to."""
    start, end = date(today.year, 1, 1), date(today.year + 1, 1, 1)
    return ((today - start).days + 1) / (end - start).days


class TargetsPanel(QWidget):
    """Each target as a bar of actual against target, with a tick where the year's pace should be."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.left = BarRows()
        self.right = BarRows()
        self.note = ElidedLabel()
        self.note.setProperty("role", "figureCaption")
        self.note.setStyleSheet("font-size: 12px;")
        self.note.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(28)
        grid.addWidget(self.left, 0, 0)
        grid.addWidget(self.right, 0, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(grid)  # ``note`` is placed by the page, in the card's title row
        self.rows: list[BarRow] = []

    def set_targets(self, targets: list[TargetLine], have_actuals: bool, today: date) -> None:
        pace = year_elapsed(today)
        rows = []
        for t in targets:
            label = pick(t.label_zh, t.label_en)
            if t.actual is None:
                rows.append(BarRow(label, 0, t.target, fmt(self.tr("target %1"), _number(t.target)),
                                   MUTED))
                continue
            if not t.target:  # a metric the project office set no target for: the actual alone
                rows.append(BarRow(label, 0, 0, fmt(self.tr("%1 (no target)"), _number(t.actual)), MUTED))
                continue
            share = t.share if t.share is not None else t.actual / t.target
            color = WARN if share < pace - BEHIND_PACE else ACCENT
            text = (fmt(self.tr("%1 / %2 (%3%)"), _number(t.actual), _number(t.target), f"{share * 100:.0f}"))
            rows.append(BarRow(label, t.actual, t.target, text, color, marker=t.target * pace))
        self.rows = rows
        half = (len(rows) + 1) // 2
        self.left.set_rows(rows[:half])
        self.right.set_rows(rows[half:])
        self.right.setVisible(bool(rows[half:]))
        if not targets:
            self.note.set_full_text(self.tr("No yearly targets have been entered for this year."))
        elif not have_actuals:
            self.note.set_full_text(self.tr("Actuals to date are not available in this version yet; the targets alone "
                                      "are shown."))
        else:
            self.note.set_full_text(fmt(self.tr("Tick: where a steady pace would be today (%1% of the year); amber: more "
                                            "than %2 points behind it"), f"{pace * 100:.0f}", f"{BEHIND_PACE * 100:.0f}"))


class ZeroTownships(ElidedLabel):
    """The townships with no visit in the period, by county — the list behind the white patches."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet("font-size: 12px; color: #5c4400;")

    def set_townships(self, towns: list[TownshipVisits]) -> None:
        groups: dict[str, list[str]] = {}
        for t in towns:
            if not t.count:
                groups.setdefault(pick(t.county_name, t.county_name_en), []).append(pick(t.name, t.name_en))
        if not groups:
            self.set_full_text(self.tr("Every township was visited in this period."))
            return
        parts = [f"{county} {pick('、', ', ').join(names)}" for county, names in groups.items()]
        self.set_full_text(fmt(self.tr("Not visited: %1"), pick("；", "; ").join(parts)))

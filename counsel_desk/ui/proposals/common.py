"""Small pieces the proposal screens share: combo helpers, stage colours, translated column titles."""

from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox

from counsel_desk.models.enums import Labelled, Stage
from counsel_desk.services.formatting import ntd
from counsel_desk.services.listing import Choice
from counsel_desk.services.proposals.display import label
from counsel_desk.ui.theme import ACCENT, GOOD, MUTED

# The list source's column titles (English source in services/proposals/listing.py), for lupdate.
COLUMN_TITLES = [
    QT_TRANSLATE_NOOP("ProposalColumns", "Title"), QT_TRANSLATE_NOOP("ProposalColumns", "Applicant"),
    QT_TRANSLATE_NOOP("ProposalColumns", "Applicant type"), QT_TRANSLATE_NOOP("ProposalColumns", "County / township"),
    QT_TRANSLATE_NOOP("ProposalColumns", "Route"), QT_TRANSLATE_NOOP("ProposalColumns", "Stage"),
    QT_TRANSLATE_NOOP("ProposalColumns", "Workstation"), QT_TRANSLATE_NOOP("ProposalColumns", "Counselor"),
    QT_TRANSLATE_NOOP("ProposalColumns", "Plan"), QT_TRANSLATE_NOOP("ProposalColumns", "Requested (NT$)"),
    QT_TRANSLATE_NOOP("ProposalColumns", "In stage since"),
]

STAGE_COLORS = {
    Stage.IDEA: "#7a8793", Stage.DRAFTING: ACCENT, Stage.TOWNSHIP_FILED: "#4f6db3", Stage.COUNTY_REVIEW: "#3d8a6e",
    Stage.CENTER_REVIEW: "#6a4fb3", Stage.SENT: "#0f7c8c",
    Stage.COUNCIL: "#b36b00", Stage.APPROVED: GOOD, Stage.RETURNED: "#c2571a", Stage.REJECTED: "#9e2a2b",
}
ROUTE_COLORS = {"multi": "#0f7c8c", "existing": ACCENT, "": "#6a4fb3"}


def stage_color(stage: str) -> QColor:
    try:
        return QColor(STAGE_COLORS[Stage(stage)])
    except ValueError:
        return QColor(MUTED)


def tr(text: str) -> str:
    return QCoreApplication.translate("Proposals", text)


def money(amount: int) -> str:
    return ntd(amount)


def fill_choices(combo: QComboBox, choices: Iterable[Choice], none_text: str | None = None) -> None:
    """Fill ``combo`` with choices (value in UserRole), keeping the current value when still offered."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if none_text is not None:
        combo.addItem(none_text, None)
    for c in choices:
        combo.addItem(c.name, c.id)
    combo.blockSignals(False)
    set_value(combo, current)


def fill_enum(combo: QComboBox, enum: type[Labelled], none_text: str | None = None,
              members: Iterable[Labelled] | None = None) -> None:
    fill_choices(combo, [Choice(m.value, label(enum, m.value)) for m in (members or list(enum))], none_text)


def set_value(combo: QComboBox, value) -> None:
    index = combo.findData(value) if value is not None else (0 if combo.count() and combo.itemData(0) is None else -1)
    combo.setCurrentIndex(max(index, 0) if combo.count() else -1)

"""Small pieces the proposal screens share: stage colours, the area's translation context, amounts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from counsel_desk.models.enums import Stage
from counsel_desk.services.formatting import ntd
from counsel_desk.ui.theme import ACCENT, GOOD, MUTED

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

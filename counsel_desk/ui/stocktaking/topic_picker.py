"""A compact picker of coded 推動課題: a button whose menu ticks topics, and the chosen names beside it.

Small enough for the visit editor's form (which must fit a 1280×680 screen); the list comes from
``services.stocktaking.topics`` — retired topics only appear when a record already carries them.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QMenu, QSizePolicy, QToolButton, QWidget

from counsel_desk.services import stocktaking
from counsel_desk.services.base import ServiceContext
from counsel_desk.ui.dashboard.widgets import ElidedLabel


class TopicPicker(QWidget):
    changed = Signal()

    def __init__(self, services: ServiceContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.button = QToolButton()
        self.button.setObjectName("topicPicker")
        self.button.setText(self.tr("Choose…"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setAccessibleName(self.tr("Issue topics"))
        self.menu = QMenu(self.button)
        self.button.setMenu(self.menu)
        self.chosen = ElidedLabel()
        self.chosen.setObjectName("topicsChosen")
        self.chosen.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never widens the form
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addWidget(self.chosen, 1)
        self.actions_by_id: dict[str, QAction] = {}
        self.set_ids([])

    def set_ids(self, ids: list[str]) -> None:
        """Offer the active topics (and any retired one already chosen), ticking ``ids``."""
        self.menu.clear()
        self.actions_by_id = {}
        wanted = set(ids)
        for topic in stocktaking.topics(self._services, include_retired=True):
            if not topic.active and topic.id not in wanted:
                continue
            action = QAction(f"{topic.label}（{topic.code}）", self.menu)
            action.setCheckable(True)
            action.setChecked(topic.id in wanted)
            action.setData(topic.id)
            action.toggled.connect(self._toggled)
            self.menu.addAction(action)
            self.actions_by_id[topic.id] = action
        self._show()

    def ids(self) -> list[str]:
        return [tid for tid, a in self.actions_by_id.items() if a.isChecked()]

    def _toggled(self, _checked: bool) -> None:
        self._show()
        self.changed.emit()

    def _show(self) -> None:
        names = [a.text().split("（")[0] for a in self.actions_by_id.values() if a.isChecked()]
        self.chosen.set_full_text("、".join(names) if names else self.tr("none tagged"))

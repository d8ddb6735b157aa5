"""A compact picker of coded 推動課題: a button whose menu ticks topics, and the chosen names beside it.

Small enough for the visit editor's form (which must fit a 1280×680 screen); the list comes from
``services.places.issue_topics.topics`` — retired topics only appear when a record already carries them — and is
read again each time the menu opens; its last entry opens the topics screen (推動課題…).
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QMenu, QSizePolicy, QToolButton, QWidget

from counsel_desk.services.places import issue_topics
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.formatting import aside, listed
from counsel_desk.ui.dashboard.widgets import ElidedLabel
from counsel_desk.ui.stocktaking.topics_dialog import TopicsDialog


class TopicPicker(QWidget):
    changed = Signal()

    def __init__(self, services: ServiceContext, parent: QWidget | None = None, *,
                 before_write: Callable[[], None] | None = None):
        super().__init__(parent)
        self._services = services
        self._before_write = before_write  # handed to the topics screen (TopicsDialog.before_write)
        self.button = QToolButton()
        self.button.setObjectName("topicPicker")
        self.button.setText(self.tr("Choose…"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setAccessibleName(self.tr("Issue topics"))
        self.menu = QMenu(self.button)
        self.menu.aboutToShow.connect(lambda: self.set_ids(self.ids()))  # topics renamed or added meanwhile
        self.button.setMenu(self.menu)
        self.topics_dialog: TopicsDialog | None = None
        self.chosen = ElidedLabel()
        self.chosen.setObjectName("topicsChosen")
        self.chosen.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never widens the form
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addWidget(self.chosen, 1)
        self.actions_by_id: dict[str, QAction] = {}
        self.labels: dict[str, str] = {}  # topic id → its name in the language in use
        self.set_ids([])

    def set_ids(self, ids: list[str]) -> None:
        """Offer the active topics (and any retired one already chosen), ticking ``ids``."""
        self.menu.clear()
        self.actions_by_id = {}
        wanted = set(ids)
        self.labels = {}
        for topic in issue_topics.topics(self._services, include_retired=True):
            if not topic.active and topic.id not in wanted:
                continue
            action = QAction(aside(topic.label, topic.code), self.menu)
            action.setCheckable(True)
            action.setChecked(topic.id in wanted)
            action.setData(topic.id)
            action.toggled.connect(self._toggled)
            self.menu.addAction(action)
            self.actions_by_id[topic.id] = action
            self.labels[topic.id] = topic.label
        self.menu.addSeparator()
        manage = self.menu.addAction(self.tr("Manage issue topics…"))
        manage.setObjectName("manageTopics")
        manage.triggered.connect(self.manage)
        self._show()

    def manage(self) -> TopicsDialog:
        """The topics screen; what it changes shows in this menu at once (the ticks are kept)."""
        dialog = TopicsDialog(self._services, self.window(), before_write=self._before_write)
        dialog.topics_changed.connect(lambda: self.set_ids(self.ids()))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.topics_dialog = dialog
        dialog.open()
        return dialog

    def ids(self) -> list[str]:
        return [tid for tid, a in self.actions_by_id.items() if a.isChecked()]

    def _toggled(self, _checked: bool) -> None:
        self._show()
        self.changed.emit()

    def _show(self) -> None:
        names = [self.labels[tid] for tid, a in self.actions_by_id.items() if a.isChecked()]
        self.chosen.set_full_text(listed(names) if names else self.tr("none tagged"))

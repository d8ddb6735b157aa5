"""The township panel (鄉鎮盤點): a township's status and why, its 推動課題, its dated history, and the
form a counselor uses to set the status with a dated note (the derived status stays visible beside it)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from counsel_desk.models.enums import TownshipStatus
from counsel_desk.services.places import issue_topics, stocktaking
from counsel_desk.services.formatting import aside, shown_date, spaced
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.stocktaking.topics_dialog import TopicsDialog
from counsel_desk.ui.widgets.date_edit import DateEdit
from counsel_desk.ui.widgets.fit import fit_window
from counsel_desk.ui.widgets.text import fmt, counted
from counsel_desk.ui.widgets.roles import VALUE_ROLE
from counsel_desk.ui.theme import ALERT
from counsel_desk.ui.messages import guarded


class TownshipDialog(QDialog):
    """Everything the center knows about one township's progress; ``township_changed`` after a note or tag."""

    township_changed = Signal(str)

    def __init__(self, ctx: AppContext, township_code: str, parent: QWidget | None = None, *,
                 today: date | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.code = township_code
        self.today = today or date.today()
        self.setObjectName("townshipDialog")
        self.topics_dialog: TopicsDialog | None = None
        self._build()
        self.refresh()
        fit_window(self, "township_dialog", (760, 620))

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setProperty("role", "pageTitle")
        self.status_label = QLabel()
        self.status_label.setObjectName("townshipStatus")
        self.status_label.setWordWrap(True)

        note_box = QGroupBox(self.tr("Set the status with a dated note"))
        form = QFormLayout(note_box)
        self.status_box = QComboBox()
        self.status_box.setObjectName("noteStatus")
        self.status_box.addItem(self.tr("Back to the derived status"), "")
        for status in TownshipStatus:
            self.status_box.addItem(status.label, status.value)
        self.note_date = DateEdit(value=self.today)
        self.note_date.setObjectName("noteDate")
        self.note_text = QLineEdit()
        self.note_text.setObjectName("noteText")
        self.note_text.setPlaceholderText(self.tr("Why, e.g. the township office formed a working group"))
        self.note_button = QPushButton(self.tr("Record note"))
        self.note_button.setObjectName("recordNote")
        self.note_button.clicked.connect(self.record_note)
        self.note_error = QLabel()
        self.note_error.setObjectName("noteError")
        self.note_error.setStyleSheet(f"color: {ALERT};")
        self.note_error.setWordWrap(True)
        form.addRow(self.tr("Status"), self.status_box)
        form.addRow(self.tr("Date"), self.note_date)
        form.addRow(self.tr("Note"), self.note_text)
        row = QHBoxLayout()
        row.addWidget(self.note_error, 1)
        row.addWidget(self.note_button)
        form.addRow(row)

        topic_box = QGroupBox(self.tr("Issue topics (visits tagged; ★ noted for the township)"))
        tv = QVBoxLayout(topic_box)
        self.topic_list = QListWidget()
        self.topic_list.setObjectName("townshipTopics")
        tv.addWidget(self.topic_list)
        tag_row = QHBoxLayout()
        self.tag_box = QComboBox()
        self.tag_box.setObjectName("tagTopic")
        # a long English topic name must not widen the topics half at the history's expense
        self.tag_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.tag_box.setMinimumContentsLength(10)
        self.tag_button = QPushButton(self.tr("Note for the township"))
        self.tag_button.clicked.connect(self.tag_topic)
        self.untag_button = QPushButton(self.tr("Remove ★"))
        self.untag_button.clicked.connect(self.untag_topic)
        self.manage_button = QPushButton(self.tr("Topics…"))
        self.manage_button.setObjectName("manageTopics")
        self.manage_button.setToolTip(self.tr("Add, rename or retire issue topics"))
        self.manage_button.clicked.connect(self.manage_topics)
        tag_row.addWidget(self.tag_box, 1)
        tag_row.addWidget(self.tag_button)
        tag_row.addWidget(self.untag_button)
        tag_row.addWidget(self.manage_button)
        tv.addLayout(tag_row)

        history_box = QGroupBox(self.tr("History"))
        hv = QVBoxLayout(history_box)
        self.history = QListWidget()
        self.history.setObjectName("townshipHistory")
        self.history.setWordWrap(True)  # a lapse names what happened: long lines wrap rather than scroll
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        hv.addWidget(self.history)

        lower = QHBoxLayout()
        lower.addWidget(topic_box, 1)
        lower.addWidget(history_box, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.status_label)
        layout.addWidget(note_box)
        layout.addLayout(lower, 1)
        layout.addWidget(buttons)

    def refresh(self) -> None:
        panel = stocktaking.township_panel(self.ctx.services(), self.code)
        self.panel = panel
        area = {"山地": self.tr("mountain indigenous area"), "平地": self.tr("plains indigenous area")}.get(
            panel.indigenous_area or "", "")
        title = f"{panel.county_name} {panel.name}"
        self.heading.setText(aside(title, area))
        self.setWindowTitle(fmt(self.tr("Township: %1"), title))
        st = panel.standing
        if st.overridden:
            text = fmt(self.tr("Status: %1 (set on %2; its records say %3)."), st.status.label,
                       shown_date(st.noted_on), st.derived.label)
        else:
            text = fmt(self.tr("Status: %1 (derived from its plans, proposals and visits)."), st.status.label)
        text = spaced([text, self._visits(panel.visits)])
        if st.overridden:
            text += "\n" + self.tr("It counts until the records move past what they said that day (a stage move, "
                                   "a new plan or proposal), or until a note hands the township back.")
        if st.lapse is not None and st.set_to is not None:
            text += "\n" + fmt(self.tr("The status set to %1 on %2 lapsed on %3: %4."), st.set_to.label,
                               shown_date(st.noted_on), shown_date(st.lapse.on), st.lapse.why)
        self.status_label.setText(text)
        self.topic_list.clear()
        for t in panel.topics:
            item = QListWidgetItem(("★ " if t.township_issue_id else "") + f"{t.label} — {self._visits(t.visits)}")
            item.setData(VALUE_ROLE, t.township_issue_id)
            self.topic_list.addItem(item)
        self.tag_box.clear()
        for topic in issue_topics.topics(self.ctx.services()):
            self.tag_box.addItem(topic.label, topic.id)
        self.history.clear()
        for e in panel.history:
            self.history.addItem(spaced([shown_date(e.day), e.what]))

    def _visits(self, n: int) -> str:
        return counted(n, self.tr("%1 visit"), self.tr("%1 visits"))

    # --- actions --------------------------------------------------------------------------------------
    def record_note(self) -> None:
        self.note_error.clear()
        with guarded(self, into=self.note_error) as done:
            noted_on = self.note_date.date_for("noted_on")
            self.ctx.wait_until_writable()
            stocktaking.note_status(self.ctx.services(), self.code, self.status_box.currentData() or None, noted_on,
                                    self.note_text.text())
        if not done:
            return
        self.note_text.clear()
        self._changed()

    def tag_topic(self) -> None:
        topic_id = self.tag_box.currentData()
        if topic_id:
            stocktaking.tag_township(self.ctx.services(), self.code, topic_id, self.today)
            self._changed()

    def untag_topic(self) -> None:
        item = self.topic_list.currentItem()
        issue_id = item.data(VALUE_ROLE) if item is not None else None
        if issue_id:
            stocktaking.untag_township(self.ctx.services(), issue_id)
            self._changed()

    def manage_topics(self) -> TopicsDialog:
        """The topics screen; a topic added or renamed there shows here at once."""
        dialog = TopicsDialog(self.ctx.services(), self, settings=self.ctx.settings,
                              before_write=self.ctx.wait_until_writable)
        dialog.topics_changed.connect(self.refresh)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.topics_dialog = dialog
        dialog.open()
        return dialog

    def _changed(self) -> None:
        self.refresh()
        self.township_changed.emit(self.code)

"""Center events (交流、學習與推廣活動): the list, the editor beside it and the event's photos.

Photos are attachments copied into the database's attachments folder by SHA-256; they show as
thumbnails and open in the system viewer. Events count in the monthly report.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox, QDoubleSpinBox, QFileDialog, QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
    QPushButton, QSpinBox, QWidget,
)

from counsel_desk.errors import UserError, ValidationError
from counsel_desk.models import CenterEvent
from counsel_desk.models.enums import EventKind
from counsel_desk.services.workstations import events as event_service
from counsel_desk.services.attachments import AttachmentItem
from counsel_desk.services.workstations.program_lists import EventListSource
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.messages import guarded
from counsel_desk.ui.page_titles import page_title
from counsel_desk.ui.workstations.list_panel import ListPanel
from counsel_desk.ui.workstations.record_page import RecordListPage
from counsel_desk.ui.widgets.places import PlacePicker
from counsel_desk.ui.widgets.roles import VALUE_ROLE
from counsel_desk.ui.widgets.choices import EnumCombo
from counsel_desk.ui.widgets.date_edit import DateEdit
from counsel_desk.ui.widgets.fields import heading

THUMB = 96


class EventListPage(RecordListPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        panel = ListPanel(ctx, EventListSource(ctx.db.session_factory), enum_filter=EventKind, enum_key="kind",
                          townships=False, period=True)
        super().__init__(ctx, parent, panel=panel, changed_signal=ctx.events_changed)
        self.heading.setText(page_title("events"))
        self.new_button.setText(self.tr("New event"))
        panel.search.setPlaceholderText(self.tr("Search title, place, partners, record…"))

        self.event_date = DateEdit()
        self.title = QLineEdit()
        self.kind = EnumCombo(EventKind)
        self.place = QLineEdit()
        self.county = QComboBox()
        self.township = QComboBox()
        self.places = PlacePicker(ctx.db.session_factory, self.county, self.township, any_text=self.tr("(none)"))
        self.partners = QLineEdit()
        self.partners.setPlaceholderText(self.tr("e.g. Guanxi Township Office, Hsinchu County Government"))
        self.participants = QSpinBox()
        self.participants.setRange(0, 1_000_000)
        # 培力課程 (and 工作坊): hours; a training course also its trainees and how many completed it
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0, 1000)
        self.hours.setDecimals(1)
        self.hours.setSuffix(self.tr(" h"))
        self.trainees = QSpinBox()
        self.trainees.setRange(0, 100_000)
        self.completed = QSpinBox()
        self.completed.setRange(0, 100_000)
        self.record = QPlainTextEdit()
        self.record.setMaximumHeight(90)
        self.form.addRow(self.tr("Date"), self.event_date)
        self.form.addRow(self.tr("Title"), self.title)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Place"), self.place)
        self.form.addRow(self.tr("County"), self.county)
        self.form.addRow(self.tr("Township"), self.township)
        self.form.addRow(self.tr("Partners"), self.partners)
        self.form.addRow(self.tr("Participants"), self.participants)
        self.form.addRow(self.tr("Course hours"), self.hours)
        self.form.addRow(self.tr("Trainees"), self.trainees)
        self.form.addRow(self.tr("Completed"), self.completed)
        self.form.addRow(self.tr("Record"), self.record)

        self.photos = QListWidget()
        self.photos.setViewMode(QListWidget.ViewMode.IconMode)
        self.photos.setIconSize(QSize(THUMB, THUMB))
        self.photos.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.photos.setMinimumHeight(THUMB + 40)
        self.add_photos_button = QPushButton(self.tr("Add photos…"))
        self.remove_photo_button = QPushButton(self.tr("Remove photo"))
        photos_head = QHBoxLayout()
        photos_head.addWidget(heading(self.tr("Photos")))
        photos_head.addStretch(1)
        photos_head.addWidget(self.add_photos_button)
        photos_head.addWidget(self.remove_photo_button)
        self.extra.addLayout(photos_head)
        self.extra.addWidget(self.photos)
        self.add_photos_button.clicked.connect(lambda: self.add_photos())
        self.remove_photo_button.clicked.connect(self.remove_selected_photo)
        self.photos.itemDoubleClicked.connect(self._open_photo)

        for w in (self.event_date, self.title, self.place, self.partners):
            w.textEdited.connect(self.mark_dirty)
        for w in (self.kind, self.county, self.township):
            w.activated.connect(self.mark_dirty)
        for spin in (self.participants, self.hours, self.trainees, self.completed):
            spin.valueChanged.connect(self.mark_dirty)
        self.kind.currentIndexChanged.connect(lambda _i: self._show_training())
        self.record.textChanged.connect(self.mark_dirty)
        self.show_record(None)

    @property
    def folder(self) -> Path:
        return self.ctx.db.attachments_dir

    # --- RecordListPage ---------------------------------------------------------------------------
    def describe(self, record: CenterEvent | None) -> str:
        return record.title if record is not None else self.tr("New event")

    def get(self, record_id: str) -> CenterEvent:
        return event_service.get_event(self.ctx.services(), record_id)

    def create(self, fields: dict) -> CenterEvent:
        return self.ctx.run(event_service.create_event, self.ctx.services(), fields)

    def update(self, record_id: str, fields: dict, version: int | None = None) -> CenterEvent:
        return self.ctx.run(event_service.update_event, self.ctx.services(), record_id, fields, version)

    def field_labels(self) -> dict[str, str]:
        return {"event_date": self.tr("Date"), "title": self.tr("Title"), "kind": self.tr("Kind"), "place": self.tr("Place"),
                "county_code": self.tr("County"), "partners": self.tr("Partners"),
                "participants": self.tr("Participants"), "record": self.tr("Record"), "hours": self.tr("Course hours"),
                "trainees": self.tr("Trainees"), "completed": self.tr("Completed")}

    def remove(self, record_id: str) -> None:
        self.ctx.run(event_service.delete_event, self.ctx.services(), record_id)

    def load_record(self, record: CenterEvent | None) -> None:
        r = record or CenterEvent(center_code=self.ctx.center_code, event_date=date.today(), title="",
                                  kind=EventKind.EXCHANGE.value)
        self.event_date.set_date(r.event_date)
        self.title.setText(r.title)
        self.kind.set_code(r.kind)
        self.place.setText(r.place)
        self.places.set_place(r.county_code, r.township_code)
        self.partners.setText(r.partners)
        self.participants.setValue(r.participants)
        self.hours.setValue(r.hours)
        self.trainees.setValue(r.trainees)
        self.completed.setValue(r.completed)
        self._show_training()
        self.record.setPlainText(r.record)
        self.add_photos_button.setEnabled(record is not None)
        self.remove_photo_button.setEnabled(record is not None)
        self.add_photos_button.setToolTip("" if record is not None else self.tr("Save the event first."))
        self._show_photos()

    def values(self) -> dict:
        day = self.event_date.date()
        if day is None:
            raise ValidationError("請填寫活動日期。", "The event date is required.", field="event_date")
        return {"event_date": day, "title": self.title.text(), "kind": self.kind.code(), "place": self.place.text(),
                "county_code": self.places.county_code() or None, "township_code": self.places.township_code() or None,
                "partners": self.partners.text(),
                "participants": self.participants.value(), "record": self.record.toPlainText(),
                "hours": self.hours.value(), "trainees": self.trainees.value(), "completed": self.completed.value()}

    def _show_training(self) -> None:
        """Hours for training courses and workshops; trainees and completion for training courses."""
        kind = self.kind.code()
        self.form.setRowVisible(self.hours, kind in (EventKind.TRAINING, EventKind.WORKSHOP))
        for w in (self.trainees, self.completed):
            self.form.setRowVisible(w, kind == EventKind.TRAINING)

    # --- photos ---------------------------------------------------------------------------------
    def _show_photos(self) -> None:
        self.photos.clear()
        if self.record_id is None:
            return
        for item in event_service.photos(self.ctx.services(), self.folder, self.record_id):
            self.photos.addItem(self._photo_item(item))

    def _photo_item(self, item: AttachmentItem) -> QListWidgetItem:
        entry = QListWidgetItem(item.filename)
        entry.setData(VALUE_ROLE, item)
        entry.setToolTip(item.filename)
        pixmap = QPixmap()
        try:  # from memory: a sealed photo's thumbnail leaves no plain copy on disk
            pixmap.loadFromData(event_service.photo_bytes(self.ctx.services(), self.folder, item))
        except UserError:  # the file is missing (a database copied without its folder)
            pass
        if not pixmap.isNull():
            entry.setIcon(QIcon(pixmap.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation)))
        return entry

    def add_photos(self, paths: list[str] | None = None) -> int:
        """Attach photos (asks for files when ``paths`` is None); returns how many were added."""
        if self.record_id is None:
            return 0
        if paths is None:
            paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Add photos"), str(Path.home()),
                                                    self.tr("Photos (*.jpg *.jpeg *.png *.heic *.webp *.gif)"))
        added = 0
        for path in paths:
            with guarded(self):  # say which file failed, keep the others
                self.ctx.run(event_service.add_photo, self.ctx.services(), self.folder, self.record_id, path)
                added += 1
        if added:
            self._show_photos()
            self.panel.reload()
        return added

    def remove_selected_photo(self) -> None:
        entry = self.photos.currentItem()
        if entry is None:
            return
        item: AttachmentItem = entry.data(VALUE_ROLE)
        if item.id:
            self.ctx.run(event_service.remove_photo, self.ctx.services(), self.folder, item.id)
        self._show_photos()
        self.panel.reload()

    def _open_photo(self, entry: QListWidgetItem) -> None:
        item: AttachmentItem = entry.data(VALUE_ROLE)
        with guarded(self) as done:
            path = event_service.photo_path(self.ctx.services(), self.folder, item)
        if not done:
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

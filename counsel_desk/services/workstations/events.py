"""Center events (交流、學習與推廣活動): the exchange, learning and promotion events a center runs.

An event has a date, title, place (and county), kind, partners, participants (人次) and a short
record; photos are attachments with owner type ``center_event``, copied into the database's
attachments folder by SHA-256 (``services/attachments.py``). Events count in the monthly report.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from counsel_desk.errors import ValidationError
from counsel_desk.models import CenterEvent
from counsel_desk.models.enums import EventKind
from counsel_desk.services.attachments import AttachmentItem, AttachmentService
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.places.places import check_place
from counsel_desk.services.programme.program_base import RecordKind, non_negative, one_of, required_text
from counsel_desk.store import search
from counsel_desk.services.changes import Kind, changes

ENTITY = "center_event"
OWNER_TYPE = "center_event"  # attachments of an event
FIELDS = ("event_date", "title", "place", "county_code", "township_code", "kind", "partners", "participants", "record",
          "hours", "trainees", "completed")
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".heic", ".webp", ".gif", ".bmp", ".tif", ".tiff")


def _validate(session, event: CenterEvent) -> None:
    if not isinstance(event.event_date, date):
        raise ValidationError("請填寫活動日期。", "The event date is required.", field="event_date")
    event.title = required_text(event.title, "title", "活動名稱", "Event title", 128)
    event.place = (event.place or "").strip()
    event.partners = (event.partners or "").strip()
    event.record = (event.record or "").strip()
    event.kind = one_of(event.kind, EventKind, "kind", "活動類型", "event kind")
    event.participants = non_negative(event.participants, "participants", "參與人次", "Participants")
    _training_figures(event)
    event.township_code = event.township_code or None  # where it was held: 原住民族地區 filter and breakdown
    if event.county_code:
        check_place(session, event.county_code, event.township_code, township_required=False)
    elif event.township_code:
        raise ValidationError("請先選擇縣市，再選鄉鎮市區。", "Choose the county before the township.", field="county_code")
    else:
        event.county_code = None


def _training_figures(event: CenterEvent) -> None:
    """培力課程 (training) and 工作坊 carry hours; a training course its trainees and how many completed it."""
    try:
        event.hours = round(float(event.hours or 0), 2)
    except (TypeError, ValueError):
        raise ValidationError("課程時數必須是數字。", "Course hours must be a number.", field="hours") from None
    if event.hours < 0 or event.hours > 1000:
        raise ValidationError(f"課程時數 {event.hours:g} 不合理（0–1,000 小時）。",
                              f"Course hours {event.hours:g} are out of range (0–1,000).", field="hours")
    event.trainees = non_negative(event.trainees, "trainees", "學員人數", "Trainees")
    event.completed = non_negative(event.completed, "completed", "結訓人數", "Trainees who completed")
    if event.kind not in (EventKind.TRAINING, EventKind.WORKSHOP):
        event.hours = 0.0
    if event.kind != EventKind.TRAINING:
        event.trainees = event.completed = 0
    elif event.completed > event.trainees:
        raise ValidationError(f"結訓人數 {event.completed} 多於學員人數 {event.trainees}。",
                              "More trainees completed than enrolled.", field="completed")


def _index(session, event: CenterEvent) -> None:
    search.index(session, ENTITY, event.id, event.title, event.place, event.partners, event.record)


KIND = RecordKind(CenterEvent, ENTITY, FIELDS, "中心活動", "center event", _validate, _index)


def get_event(ctx: ServiceContext, event_id: str) -> CenterEvent:
    return KIND.get(ctx, event_id)


@changes(Kind.EVENTS)
def create_event(ctx: ServiceContext, fields: dict[str, Any]) -> CenterEvent:
    return KIND.create(ctx, fields, center_code=ctx.center_code)


@changes(Kind.EVENTS)
def update_event(ctx: ServiceContext, event_id: str, changes: dict[str, Any], version: int | None = None) -> CenterEvent:
    """``version``: the one the editor loaded — a record saved by someone since is refused (SaveConflict)."""
    return KIND.update(ctx, event_id, changes, version)


@changes(Kind.EVENTS)
def delete_event(ctx: ServiceContext, event_id: str) -> None:
    KIND.delete(ctx, event_id)


# --- photos ---------------------------------------------------------------------------------------
def photos(ctx: ServiceContext, folder: Path, event_id: str) -> list[AttachmentItem]:
    return AttachmentService(ctx, folder).list(OWNER_TYPE, event_id)


@changes(Kind.EVENTS)
def add_photo(ctx: ServiceContext, folder: Path, event_id: str, source: Path | str) -> AttachmentItem:
    """Copy a photo into the attachments folder (by SHA-256) and attach it to a saved event."""
    get_event(ctx, event_id)
    if Path(source).suffix.lower() not in PHOTO_SUFFIXES:
        raise ValidationError(f"「{Path(source).name}」不是照片檔（可用 JPG、PNG、HEIC 等）。",
                              f"'{Path(source).name}' is not a photo (use JPG, PNG, HEIC…).", field="photos")
    return AttachmentService(ctx, folder).attach(OWNER_TYPE, event_id, source)


@changes(Kind.EVENTS)
def remove_photo(ctx: ServiceContext, folder: Path, attachment_id: str) -> None:
    AttachmentService(ctx, folder).remove(attachment_id)


def photo_path(ctx: ServiceContext, folder: Path, item: AttachmentItem) -> Path:
    """A file the system viewer can open (a plain temporary copy when the photo is sealed)."""
    return AttachmentService(ctx, folder).viewable_path(item)


def photo_bytes(ctx: ServiceContext, folder: Path, item: AttachmentItem) -> bytes:
    """The photo's content, for a thumbnail drawn without writing a plain copy anywhere."""
    return AttachmentService(ctx, folder).read(item)

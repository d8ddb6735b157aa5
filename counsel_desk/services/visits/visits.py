"""Site visits (實地訪視): create, update, soft-delete and undo a visit as one whole.

A visit is saved together with the counselors present, the contact people met, its follow-ups
(追蹤事項) and its attachments in one transaction, so a crash never leaves half a visit behind.
Every change goes through ``services.base`` (sync stamps + audit log) and re-indexes the visit's
text for the search box. Validation collects every problem at once, each naming its form field,
so the editor can show all messages next to their fields.

The list query of the visit page lives in ``services/visits/visit_list.py`` (re-exported here).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from datetime import date, timedelta

from sqlalchemy import text
from sqlmodel import Session, select

from counsel_desk.errors import UserError, ValidationError
from counsel_desk.models import (
    Attachment, Contact, Counselor, County, FollowUp, Organization, PublicSpace, SiteVisit, Township,
    VisitContact, VisitCounselor, VisitIssueTopic, Workstation, new_id,
)
from counsel_desk.models.enums import VisitMode
from counsel_desk.services import base
from counsel_desk.services.places import places
from counsel_desk.services.attachments import AttachmentItem
from counsel_desk.services.visits.followups import FollowUpDraft, followup_problems, index_followup
from counsel_desk.services.formatting import roc_date, shown_date
from counsel_desk.services.list_search import END_OF_TEXT
from counsel_desk.services.places.places import Choice
from counsel_desk.services.visits.visit_list import DatedService, VisitListSource  # noqa: F401 — the list belongs with visits
from counsel_desk.store import search

ENTITY = "site_visit"
FOLLOWUP_ENTITY = "followup"
ATTACHMENT_ENTITY = "attachment"
EARLIEST_VISIT = date(2010, 1, 1)
DAYS_AHEAD_ALLOWED = 31  # a planned visit may be entered a month ahead, not a typo's year ahead
VISIT_FIELDS = ("visit_date", "county_code", "township_code", "mode", "organization_id", "workstation_id",
                "public_space_id", "visited_name", "purpose", "findings", "issues", "advice", "notes", "key_visit")


@dataclass
class VisitData:
    """Everything the editor shows and saves for one visit (also what a draft holds)."""

    visit_date: date | None = None
    county_code: str = ""
    township_code: str = ""
    mode: str = VisitMode.ONSITE.value
    counselor_ids: list[str] = field(default_factory=list)
    organization_id: str | None = None
    contact_ids: list[str] = field(default_factory=list)
    workstation_id: str | None = None
    public_space_id: str | None = None
    visited_name: str = ""
    purpose: str = ""
    findings: str = ""
    issues: str = ""
    advice: str = ""
    notes: str = ""
    key_visit: bool = False  # 重點: listed among the monthly report's key visits
    topic_ids: list[str] = field(default_factory=list)  # coded 推動課題 (models/stocktaking.py)
    followups: list[FollowUpDraft] = field(default_factory=list)
    attachments: list[AttachmentItem] = field(default_factory=list)
    id: str | None = None  # None until saved
    version: int = 0  # the version the editor loaded; a save refuses a visit changed meanwhile

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, default=_json_default)

    @classmethod
    def from_json(cls, raw: str | dict) -> "VisitData":
        d = json.loads(raw) if isinstance(raw, str) else dict(raw)
        known = {f.name for f in fields(cls)}
        d = {k: v for k, v in d.items() if k in known}
        d["visit_date"] = _date_or_none(d.get("visit_date"))
        d["followups"] = [FollowUpDraft.from_dict(f) for f in d.get("followups") or []]
        d["attachments"] = [AttachmentItem(**a) for a in d.get("attachments") or []]
        return cls(**d)


def _json_default(value):
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def _date_or_none(value) -> date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


class VisitService(DatedService):
    # --- reading -------------------------------------------------------------------------------
    def get(self, visit_id: str) -> VisitData:
        with self.ctx.session_factory() as s:
            visit = s.get(SiteVisit, visit_id)
            if visit is None or visit.deleted_at is not None:
                raise UserError("找不到這筆訪視紀錄，可能已被刪除。", "This visit no longer exists; it may have been deleted.")
            data = VisitData(**{k: getattr(visit, k) for k in VISIT_FIELDS}, id=visit.id, version=visit.version)
            data.counselor_ids = self._counselor_ids(s, visit_id)
            data.contact_ids = self._contact_ids(s, visit_id)
            data.topic_ids = self._topic_ids(s, visit_id)
            fus = s.exec(select(FollowUp).where(FollowUp.visit_id == visit_id, FollowUp.deleted_at.is_(None))
                         .order_by(FollowUp.created_at, FollowUp.id)).all()
            data.followups = [FollowUpDraft.from_model(f) for f in fus]
            atts = s.exec(select(Attachment).where(Attachment.owner_type == ENTITY, Attachment.owner_id == visit_id,
                                                   Attachment.deleted_at.is_(None))
                          .order_by(Attachment.created_at, Attachment.id)).all()
            data.attachments = [AttachmentItem.from_model(a) for a in atts]
            return data

    def exists(self, visit_id: str) -> bool:
        with self.ctx.session_factory() as s:
            visit = s.get(SiteVisit, visit_id)
            return visit is not None and visit.deleted_at is None

    def title(self, visit_id: str) -> str:
        """Date and who was visited, e.g. ``115/11/26 關西鎮公所`` (window titles, messages)."""
        with self.ctx.session_factory() as s:
            visit = s.get(SiteVisit, visit_id)
            return f"{shown_date(visit.visit_date)} {visit.visited_name}".strip() if visit else ""

    @staticmethod
    def _counselor_ids(s: Session, visit_id: str) -> list[str]:
        rows = s.exec(select(VisitCounselor.counselor_id).join(Counselor, Counselor.id == VisitCounselor.counselor_id)
                      .where(VisitCounselor.visit_id == visit_id).order_by(Counselor.name)).all()
        return list(rows)

    @staticmethod
    def _contact_ids(s: Session, visit_id: str) -> list[str]:
        rows = s.exec(select(VisitContact.contact_id).join(Contact, Contact.id == VisitContact.contact_id)
                      .where(VisitContact.visit_id == visit_id).order_by(Contact.name)).all()
        return list(rows)

    @staticmethod
    def _topic_ids(s: Session, visit_id: str) -> list[str]:
        rows = s.connection().execute(text(
            "SELECT l.topic_id FROM visit_issue_topic l JOIN issue_topic t ON t.id = l.topic_id "
            "WHERE l.visit_id = :v ORDER BY t.sort_order, t.code"), {"v": visit_id})
        return [r[0] for r in rows]

    # --- reference choices for the editor -------------------------------------------------------
    def counties(self) -> list[Choice]:
        return places.counties(self.ctx)

    def townships(self, county_code: str) -> list[Choice]:
        return places.townships(self.ctx, county_code)

    def county_of(self, township_code: str) -> str | None:
        return places.county_of(self.ctx, township_code)

    def workstations(self) -> list[Choice]:
        with self.ctx.session_factory() as s:
            rows = s.exec(select(Workstation).where(Workstation.deleted_at.is_(None))
                          .order_by(Workstation.county_code, Workstation.name)).all()
            return [Choice(w.id, w.name, w.township_code) for w in rows]

    def public_spaces(self) -> list[Choice]:
        with self.ctx.session_factory() as s:
            rows = s.exec(select(PublicSpace).where(PublicSpace.deleted_at.is_(None))
                          .order_by(PublicSpace.county_code, PublicSpace.name)).all()
            return [Choice(p.id, p.name, p.township_code) for p in rows]

    # --- validation -----------------------------------------------------------------------------
    def problems(self, data: VisitData, session: Session | None = None) -> list[ValidationError]:
        """Every rule the visit breaks, each naming its field; empty when it can be saved."""
        if session is None:
            with self.ctx.session_factory() as s:
                return self.problems(data, s)
        out: list[ValidationError] = []
        latest = self.today + timedelta(days=DAYS_AHEAD_ALLOWED)
        if data.visit_date is None:
            out.append(ValidationError("請填寫訪視日期。", "Enter the date of the visit.", field="visit_date"))
        elif data.visit_date > latest:
            out.append(ValidationError(
                f"訪視日期 {roc_date(data.visit_date)} 太遠了：最晚只能填到 {roc_date(latest)}（今天之後 "
                f"{DAYS_AHEAD_ALLOWED} 天）。", f"The visit date {data.visit_date} is too far ahead: the latest "
                f"allowed is {latest}.", field="visit_date"))
        elif data.visit_date < EARLIEST_VISIT:
            out.append(ValidationError(
                f"訪視日期 {roc_date(data.visit_date)} 太早了：請確認年份（民國或西元）。",
                f"The visit date {data.visit_date} is too early: check the year.", field="visit_date"))
        if not data.county_code:
            out.append(ValidationError("請選擇縣市。", "Choose the county.", field="county_code"))
        elif session.get(County, data.county_code) is None:
            out.append(ValidationError(f"沒有代碼為 {data.county_code} 的縣市。", f"No county {data.county_code}.",
                                       field="county_code"))
        if not data.township_code:
            out.append(ValidationError("請選擇鄉鎮市區。", "Choose the township.", field="township_code"))
        else:
            town = session.get(Township, data.township_code)
            if town is None:
                out.append(ValidationError(f"沒有代碼為 {data.township_code} 的鄉鎮市區。",
                                           f"No township {data.township_code}.", field="township_code"))
            elif data.county_code and town.county_code != data.county_code:
                county = session.get(County, data.county_code)
                out.append(ValidationError(
                    f"{town.name}不在{county.name if county else data.county_code}：請重新選擇鄉鎮市區。",
                    f"{town.name_en} is not in {county.name_en if county else data.county_code}: choose the "
                    f"township again.", field="township_code"))
        if data.mode not in {m.value for m in VisitMode}:
            out.append(ValidationError("請選擇訪視方式（實地、電話、視訊或會議）。",
                                       "Choose how the visit was made (on site, phone, video or meeting).",
                                       field="mode"))
        if not data.counselor_ids:
            out.append(ValidationError("請至少勾選一位參與的輔導員。", "Tick at least one counselor who took part.",
                                       field="counselor_ids"))
        else:
            known = set(session.exec(select(Counselor.id).where(Counselor.id.in_(data.counselor_ids))).all())
            if known != set(data.counselor_ids):
                out.append(ValidationError("勾選的輔導員有人已不存在，請重新勾選。",
                                           "A ticked counselor no longer exists; tick them again.",
                                           field="counselor_ids"))
        if data.organization_id and session.get(Organization, data.organization_id) is None:
            out.append(ValidationError("受訪單位已不存在，請重新選擇。", "The visited organisation no longer exists.",
                                       field="organization_id"))
        if data.topic_ids:
            known = {r[0] for r in session.connection().execute(
                text("SELECT id FROM issue_topic WHERE deleted_at IS NULL")) if r[0] in set(data.topic_ids)}
            if known != set(data.topic_ids):
                out.append(ValidationError("勾選的推動課題有的已被刪除，請重新勾選。",
                                           "A ticked issue topic no longer exists; tick them again.", field="topic_ids"))
        for n, fu in enumerate(data.followups):
            out.extend(followup_problems(fu, self.today, prefix=f"followups.{n}.", number=n + 1))
        return out

    def validate(self, data: VisitData, session: Session | None = None) -> None:
        problems = self.problems(data, session)
        if problems:
            raise ValidationError("\n".join(p.zh for p in problems), "\n".join(p.en for p in problems),
                                  field=problems[0].field, problems=problems)

    # --- saving ---------------------------------------------------------------------------------
    def save(self, data: VisitData) -> str:
        """Create the visit when it has no id in the database yet, update it otherwise."""
        if data.id and data.version:
            self.update(data.id, data)
            return data.id
        return self.create(data)

    def create(self, data: VisitData) -> str:
        with self.ctx.session_factory() as s:
            self.validate(data, s)
            visit = SiteVisit(id=data.id or new_id(), center_code=self.ctx.center_code, **_fields(data))
            # the people present are part of the visit's record: its audit entry names them too
            base.create(s, visit, self.ctx.actor, ENTITY, also=_links_of(data))
            self._set_links(s, visit.id, data)
            self._save_followups(s, visit, data.followups)
            self._save_attachments(s, visit.id, data.attachments)
            self._index(s, visit)
            s.commit()
            return visit.id

    def update(self, visit_id: str, data: VisitData) -> dict:
        """Save the editor's state over the stored visit; returns what changed on the visit itself."""
        with self.ctx.session_factory() as s:
            visit = base.load_for_update(s, SiteVisit, visit_id)  # held until COMMIT: nobody saves in between
            if visit is None or visit.deleted_at is not None:
                raise UserError("這筆訪視紀錄已被刪除，無法儲存修改。", "This visit was deleted; the changes cannot be saved.")
            if data.version and visit.version != data.version:
                self._conflict(s, visit, data)
            self.validate(data, s)
            links_before = self._links(s, visit_id)
            self._set_links(s, visit_id, data)
            changed = base.update(s, visit, self.ctx.actor, ENTITY, _fields(data),
                                  also_changed=base.diff(links_before, self._links(s, visit_id), ENTITY))
            self._save_followups(s, visit, data.followups)
            self._save_attachments(s, visit_id, data.attachments)
            self._index(s, visit)
            s.commit()
            return changed

    def _conflict(self, s: Session, visit: SiteVisit, data: VisitData) -> None:
        """Someone saved the visit after she opened it (a colleague on the server, a sync import): raise
        :class:`~counsel_desk.services.base.SaveConflict` with both values of each field that differs."""
        mine = {**{k: getattr(data, k) for k in VISIT_FIELDS}, "counselor_ids": sorted(data.counselor_ids),
                "contact_ids": sorted(data.contact_ids)}
        theirs = {**{k: getattr(visit, k) for k in VISIT_FIELDS}, **self._links(s, visit.id)}
        raise base.SaveConflict(ENTITY, visit.id, visit.version, base.conflicting_fields(mine, theirs),
                                visit.updated_by, visit.updated_at)

    @staticmethod
    def _links(s: Session, visit_id: str) -> dict:
        return {"counselor_ids": sorted(VisitService._counselor_ids(s, visit_id)),
                "contact_ids": sorted(VisitService._contact_ids(s, visit_id)),
                "topic_ids": sorted(VisitService._topic_ids(s, visit_id))}

    @staticmethod
    def _set_links(s: Session, visit_id: str, data: VisitData) -> None:
        s.connection().execute(text("DELETE FROM visit_counselor WHERE visit_id = :v"), {"v": visit_id})
        s.connection().execute(text("DELETE FROM visit_contact WHERE visit_id = :v"), {"v": visit_id})
        s.connection().execute(text("DELETE FROM visit_issue_topic WHERE visit_id = :v"), {"v": visit_id})
        for cid in dict.fromkeys(data.counselor_ids):
            s.add(VisitCounselor(visit_id=visit_id, counselor_id=cid))
        for cid in dict.fromkeys(data.contact_ids):
            s.add(VisitContact(visit_id=visit_id, contact_id=cid))
        for tid in dict.fromkeys(data.topic_ids):
            s.add(VisitIssueTopic(visit_id=visit_id, topic_id=tid))
        s.flush()

    def _save_followups(self, s: Session, visit: SiteVisit, drafts: list[FollowUpDraft]) -> None:
        stored = {f.id: f for f in s.exec(select(FollowUp).where(FollowUp.visit_id == visit.id,
                                                                 FollowUp.deleted_at.is_(None))).all()}
        kept: set[str] = set()
        for draft in drafts:
            existing = stored.get(draft.id) if draft.id else None
            if existing is None:
                fu = FollowUp(id=draft.id or new_id(), visit_id=visit.id, **draft.values())
                base.create(s, fu, self.ctx.actor, FOLLOWUP_ENTITY)
            else:
                fu = existing
                base.update(s, fu, self.ctx.actor, FOLLOWUP_ENTITY, draft.values())
            kept.add(fu.id)
            draft.id = fu.id
            index_followup(s, fu, visit.visited_name)
        for fid, fu in stored.items():
            if fid not in kept:
                base.soft_delete(s, fu, self.ctx.actor, FOLLOWUP_ENTITY)
                search.remove(s, fid)

    def _save_attachments(self, s: Session, visit_id: str, items: list[AttachmentItem]) -> None:
        stored = {a.id: a for a in s.exec(select(Attachment).where(
            Attachment.owner_type == ENTITY, Attachment.owner_id == visit_id, Attachment.deleted_at.is_(None))).all()}
        kept: set[str] = set()
        for item in items:
            if item.id and item.id in stored:
                kept.add(item.id)
                continue
            att = Attachment(id=item.id or new_id(), owner_type=ENTITY, owner_id=visit_id, filename=item.filename,
                             sha256=item.sha256, size_bytes=item.size_bytes, media_type=item.media_type)
            base.create(s, att, self.ctx.actor, ATTACHMENT_ENTITY)
            item.id = att.id
            kept.add(att.id)
        for aid, att in stored.items():
            if aid not in kept:
                base.soft_delete(s, att, self.ctx.actor, ATTACHMENT_ENTITY)

    # --- search ----------------------------------------------------------------------------------
    def _index(self, s: Session, visit: SiteVisit) -> None:
        index_visit(s, visit)

    # --- delete and undo ------------------------------------------------------------------------
    def delete(self, visit_id: str) -> None:
        """Soft delete (tombstone) the visit with its follow-ups and attachments; undo brings them back."""
        with self.ctx.session_factory() as s:
            visit = s.get(SiteVisit, visit_id)
            if visit is None or visit.deleted_at is not None:
                return
            base.soft_delete(s, visit, self.ctx.actor, ENTITY)
            for fu in s.exec(select(FollowUp).where(FollowUp.visit_id == visit_id, FollowUp.deleted_at.is_(None))):
                base.soft_delete(s, fu, self.ctx.actor, FOLLOWUP_ENTITY)
                search.remove(s, fu.id)
            for att in s.exec(select(Attachment).where(Attachment.owner_type == ENTITY, Attachment.owner_id == visit_id,
                                                       Attachment.deleted_at.is_(None))):
                base.soft_delete(s, att, self.ctx.actor, ATTACHMENT_ENTITY)
            search.remove(s, visit_id)
            s.commit()

    def undo_delete(self, visit_id: str) -> None:
        """Restore a deleted visit and what was deleted with it (same moment or later)."""
        with self.ctx.session_factory() as s:
            visit = s.get(SiteVisit, visit_id)
            if visit is None or visit.deleted_at is None:
                return
            when = visit.deleted_at
            base.undelete(s, visit, self.ctx.actor, ENTITY)
            # Children deleted earlier were deleted on purpose, before the visit: they stay deleted.
            for fu in s.exec(select(FollowUp).where(FollowUp.visit_id == visit_id, FollowUp.deleted_at >= when)):
                base.undelete(s, fu, self.ctx.actor, FOLLOWUP_ENTITY)
                index_followup(s, fu, visit.visited_name)
            for att in s.exec(select(Attachment).where(Attachment.owner_type == ENTITY, Attachment.owner_id == visit_id,
                                                       Attachment.deleted_at >= when)):
                base.undelete(s, att, self.ctx.actor, ATTACHMENT_ENTITY)
            index_visit(s, visit)
            s.commit()


def _fields(data: VisitData) -> dict:
    """The visit's own fields from the editor: what people type trimmed, empty optional links NULL (never an
    empty-string foreign key)."""
    values = {k: getattr(data, k) for k in VISIT_FIELDS}
    for k in ("visited_name", "purpose", "findings", "issues", "advice", "notes"):
        values[k] = (values[k] or "").strip()
    for k in ("organization_id", "workstation_id", "public_space_id"):
        values[k] = values[k] or None
    return values


def _links_of(data: VisitData) -> dict:
    """What :meth:`VisitService._links` reads back once ``data``'s links are saved (each id once, sorted)."""
    return {"counselor_ids": sorted(set(data.counselor_ids)), "contact_ids": sorted(set(data.contact_ids)),
            "topic_ids": sorted(set(data.topic_ids))}


def index_visit(s: Session, visit: SiteVisit) -> None:
    """Index every text a person may search a visit by: its fields and the names around it."""
    conn = s.connection()
    place = conn.execute(text("SELECT c.name, t.name FROM township t JOIN county c ON c.code = t.county_code "
                              "WHERE t.code = :t"), {"t": visit.township_code}).first()
    names = [r[0] for r in conn.execute(text(
        "SELECT c.name FROM visit_counselor vc JOIN counselor c ON c.id = vc.counselor_id WHERE vc.visit_id = :v "
        "UNION ALL SELECT c.name FROM visit_contact vc JOIN contact c ON c.id = vc.contact_id WHERE vc.visit_id = :v"),
        {"v": visit.id})]
    linked = [conn.execute(text(f"SELECT name FROM {table} WHERE id = :i"), {"i": rid}).scalar()
              for table, rid in (("organization", visit.organization_id), ("workstation", visit.workstation_id),
                                 ("public_space", visit.public_space_id)) if rid]
    search.index(s, ENTITY, visit.id, visit.visited_name, visit.purpose, visit.findings, visit.issues, visit.advice,
                 visit.notes, " ".join(place) if place else "", " ".join(names), *linked, END_OF_TEXT)

"""Site visits (實地訪視): create, update, soft-delete and undo a visit as one whole.

A visit is saved together with the counselors present, the contact people met, its follow-ups
(追蹤事項) and its attachments in one transaction, so a crash never leaves half a visit behind.
Every change goes through ``services.base`` (sync stamps + audit log) and re-indexes the visit's
text for the search box. Validation collects every problem at once, each naming its form field,
so the editor can show all messages next to their fields.

The list query of the visit page lives in ``services/visits/visit_list.py`` (re-exported here).
The statements that read a visit for its editor and for a save live in ``services/visits/visit_reads.py``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime
from types import SimpleNamespace

from sqlalchemy import literal_column, select as core_select, text
from sqlmodel import Session, select

from counsel_desk.errors import UserError, ValidationError
from counsel_desk.models import (
    Attachment, Counselor, FollowUp, Organization, PublicSpace, SiteVisit, VisitContact, VisitCounselor,
    VisitIssueTopic, Workstation, new_id,
)
from counsel_desk.models.enums import VisitMode
from counsel_desk.services import base
from counsel_desk.services.places import places
from counsel_desk.services.attachments import AttachmentItem
from counsel_desk.services.visits.followups import FollowUpDraft, followup_problems, index_followup
from counsel_desk.services.days import EARLIEST, day_problem
from counsel_desk.services.formatting import shown_date
from counsel_desk.services.list_search import END_OF_TEXT
from counsel_desk.services.listing import Choice
from counsel_desk.services.visits.visit_list import DatedService, VisitListSource  # noqa: F401 — the list belongs with visits
from counsel_desk.store import search
from counsel_desk.services.visits.visit_reads import (
    ENTITY, OPENED_FOLLOWUP, VISIT_FIELDS, Stored, followup_prints, followups_as_stored, loaded_now, SEARCH_NAMES, opening, opening_attachments,
    ordered_ids, read_stored,
)
from counsel_desk.services.changes import Kind, changes

FOLLOWUP_ENTITY = "followup"
ATTACHMENT_ENTITY = "attachment"
EARLIEST_VISIT = EARLIEST  # services/days.py: every dated record's limits


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
        """The visit as its editor opens it. One statement reads the visit with its links (in the editor's order),
        its follow-ups and how many attachments it has; those, when it has any, one more. On a server they run
        outside a transaction (:func:`base.reading`): opening a visit is one round trip."""
        with base.reading(self.ctx.session_factory) as conn:
            rows = conn.execute(opening(), {"v": visit_id}).mappings().all()
            row = rows[0] if rows else None
            if row is None or row["deleted_at"] is not None:
                raise UserError("找不到這筆訪視紀錄，可能已被刪除。", "This visit no longer exists; it may have been deleted.")
            data = VisitData(**{k: row[k] for k in VISIT_FIELDS}, id=visit_id, version=row["version"],
                             **{k: ordered_ids(row[k]) for k in ("counselor_ids", "contact_ids", "topic_ids")})
            data.followups = [FollowUpDraft(**{k: r[f"f_{k}"] for k in OPENED_FOLLOWUP}) for r in rows if r["f_id"]]
            if row["attachments"]:
                data.attachments = [AttachmentItem(**r) for r in conn.execute(opening_attachments(), {"v": visit_id})
                                    .mappings()]
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

    # --- reference choices for the editor -------------------------------------------------------
    def counties(self) -> list[Choice]:
        return places.counties(self.ctx.session_factory)

    def townships(self, county_code: str) -> list[Choice]:
        return places.townships(self.ctx.session_factory, county_code)

    def county_of(self, township_code: str) -> str | None:
        return places.county_of(self.ctx.session_factory, township_code)

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
    def problems(self, data: VisitData, session: Session | None = None, stored: "Stored | None" = None
                 ) -> list[ValidationError]:
        """Every rule the visit breaks, each naming its field; empty when it can be saved.

        ``stored``: the visit as saved. What it already holds was checked when it was saved (and the
        foreign keys keep it): only what changed is looked up again."""
        if session is None:
            with self.ctx.session_factory() as s:
                return self.problems(data, s, stored)
        out: list[ValidationError] = []
        if data.visit_date is None:
            out.append(ValidationError("請填寫訪視日期。", "Enter the date of the visit.", field="visit_date"))
        elif (problem := day_problem(data.visit_date, "visit_date", "訪視日期", "visit date", self.today)) is not None:
            out.append(problem)
        same_place = stored is not None and (data.county_code, data.township_code) == (
            stored.fields["county_code"], stored.fields["township_code"])
        if not (same_place and data.county_code and data.township_code):
            out += places.place_problems(session, data.county_code, data.township_code)
        if data.mode not in {m.value for m in VisitMode}:
            out.append(ValidationError("請選擇訪視方式（實地、電話、視訊或會議）。",
                                       "Choose how the visit was made (on site, phone, video or meeting).",
                                       field="mode"))
        if not data.counselor_ids:
            out.append(ValidationError("請至少勾選一位參與的輔導員。", "Tick at least one counselor who took part.",
                                       field="counselor_ids"))
        else:
            new = set(data.counselor_ids) - set(stored.links["counselor_ids"] if stored else ())
            known = set(session.exec(select(Counselor.id).where(Counselor.id.in_(new))).all()) if new else set()
            if known != new:
                out.append(ValidationError("勾選的輔導員有人已不存在，請重新勾選。",
                                           "A ticked counselor no longer exists; tick them again.",
                                           field="counselor_ids"))
        if data.organization_id and (stored is None or data.organization_id != stored.fields["organization_id"]) \
                and session.get(Organization, data.organization_id) is None:
            out.append(ValidationError("受訪單位已不存在，請重新選擇。", "The visited organisation no longer exists.",
                                       field="organization_id"))
        topics = set(data.topic_ids) - (stored.live_topics if stored else set())
        if topics:
            known = {r[0] for r in session.connection().execute(
                text("SELECT id FROM issue_topic WHERE deleted_at IS NULL")) if r[0] in topics}
            if known != topics:
                out.append(ValidationError("勾選的推動課題有的已被刪除，請重新勾選。",
                                           "A ticked issue topic no longer exists; tick them again.", field="topic_ids"))
        for n, fu in enumerate(data.followups):
            out.extend(followup_problems(fu, self.today, prefix=f"followups.{n}.", number=n + 1,
                                         visit_date=data.visit_date))
        return out

    def validate(self, data: VisitData, session: Session | None = None, stored: "Stored | None" = None) -> None:
        problems = self.problems(data, session, stored)
        if problems:
            raise ValidationError("\n".join(p.zh for p in problems), "\n".join(p.en for p in problems),
                                  field=problems[0].field, problems=problems)

    # --- saving ---------------------------------------------------------------------------------
    @changes(Kind.VISITS, Kind.FOLLOWUPS)
    def save(self, data: VisitData) -> str:
        """Create the visit when it has no id in the database yet, update it otherwise."""
        if data.id and data.version:
            self.update(data.id, data)
            return data.id
        return self.create(data)

    @changes(Kind.VISITS, Kind.FOLLOWUPS)
    def create(self, data: VisitData) -> str:
        with self.ctx.session_factory() as s:
            self.validate(data, s)
            visit = SiteVisit(id=data.id or new_id(), center_code=self.ctx.center_code, **_fields(data))
            # the people present are part of the visit's record: its audit entry names them too
            base.create(s, visit, self.ctx.actor, ENTITY, also=_links_of(data))
            self._set_links(s, visit.id, data)
            self._save_followups(s, visit.id, visit.visited_name, data.followups)
            self._save_attachments(s, visit.id, data.attachments)
            index_visit(s, visit)
            s.commit()
            return visit.id

    @changes(Kind.VISITS, Kind.FOLLOWUPS)
    def update(self, visit_id: str, data: VisitData) -> dict:
        """Save the editor's state over the stored visit; returns what changed on the visit itself.

        One read of the stored visit with its links, then only what changed is written: the visit through
        ``base.update``'s version-checked path (a compare-and-set on the version read; a visit someone saved
        since is a SaveConflict with both values), the links and follow-ups that differ, its search text when
        a searched field changed. On a server each statement is a round trip while other people save too."""
        with self.ctx.session_factory() as s:
            with base.refused_unwritten(s):  # nothing is written before base.update's compare-and-set
                stored = read_stored(s.connection(), visit_id)
                if stored is None or stored.deleted:
                    raise UserError("這筆訪視紀錄已被刪除，無法儲存修改。", "This visit was deleted; the changes cannot be saved.")
                wanted, links = _fields(data), _links_of(data)
                mine = {**{k: getattr(data, k) for k in VISIT_FIELDS}, "counselor_ids": links["counselor_ids"],
                        "contact_ids": links["contact_ids"]}
                loaded = stored.loaded(lambda: loaded_now(s, visit_id))
                base.refuse_if_saved_meanwhile(ENTITY, loaded, data.version or None, mine, loaded.fields)
                self.validate(data, s, stored)
                along = _search_row_along(s, stored, wanted, links)
                changed = base.update(s, loaded, self.ctx.actor, ENTITY, {**wanted, **links},
                                      version=data.version or None, mine=mine, along=along)
            for kind in ("counselor_ids", "contact_ids", "topic_ids"):
                if kind in changed:
                    # the session's connection now: base.update rolls back and reads again when someone saved
                    # in between without touching what she holds, so the one read above may be closed
                    _set_link(s.connection(), kind, visit_id, links[kind])
            visited = wanted["visited_name"]
            if data.followups or stored.followups:
                self._save_followups(s, visit_id, visited, data.followups, reindex="visited_name" in changed,
                                     visit_version=data.version or None, prints=stored.followup_prints)
            if {a.id for a in data.attachments} != stored.attachment_ids:
                self._save_attachments(s, visit_id, data.attachments)
            if along is None and (stored.search_rowid is None or not changed.keys() <= UNSEARCHED):
                index_visit(s, SimpleNamespace(id=visit_id, **wanted), stored.search_rowid,
                            None if changed.keys() & NAMED else stored.names)
            s.commit()
            return changed

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

    def _save_followups(self, s: Session, visit_id: str, visited: str, drafts: list[FollowUpDraft], *,
                        reindex: bool = True, visit_version: int | None = None, prints: str | None = None) -> None:
        """Create, change or delete the visit's follow-ups as the editor holds them; a follow-up's search
        text is written again when it changed (or ``reindex``: the visited name in it changed). One saved
        elsewhere since the editor loaded it (the follow-ups page, a colleague) is refused: see
        :func:`refuse_followups_saved_meanwhile`."""
        if visit_version is not None and not reindex and (  # ``prints``: Stored.followup_prints, a server's
                prints == followup_prints(drafts) or followups_as_stored(s.connection(), visit_id, drafts)):
            return
        query = select(FollowUp).where(FollowUp.visit_id == visit_id, FollowUp.deleted_at.is_(None))
        if visit_version is not None and s.get_bind().dialect.name != "sqlite":  # as base.load_for_update
            query = query.with_for_update()
        stored = {f.id: f for f in s.exec(query).all()}
        refuse_followups_saved_meanwhile(visit_id, visit_version, drafts, stored)
        kept: set[str] = set()
        for draft in drafts:
            existing = stored.get(draft.id) if draft.id else None
            if existing is None:
                fu = FollowUp(id=draft.id or new_id(), visit_id=visit_id, **draft.values())
                base.create(s, fu, self.ctx.actor, FOLLOWUP_ENTITY)
                changed = True
            else:
                fu = existing
                changed = bool(base.update(s, fu, self.ctx.actor, FOLLOWUP_ENTITY, draft.values()))
            kept.add(fu.id)
            draft.id = fu.id
            if changed or reindex:
                index_followup(s, fu, visited)
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

    # --- delete and undo ------------------------------------------------------------------------
    @changes(Kind.VISITS, Kind.FOLLOWUPS)
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

    @changes(Kind.VISITS, Kind.FOLLOWUPS)
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


FOLLOWUP_CONFLICT = "followup:"  # a follow-up's field in a visit's SaveConflict: "followup:<id>:<version>:<field>"


def refuse_followups_saved_meanwhile(visit_id: str, visit_version: int | None, drafts: list[FollowUpDraft],
                                     stored: dict[str, FollowUp]) -> None:
    """The visit's editor holds each follow-up with the version it loaded; one saved since (closed on the
    follow-ups page, changed by a colleague) whose stored values differ from hers is a SaveConflict of the
    visit, its fields named ``followup:<id>:<stored version>:<field>`` — saving her choices with that version
    is the next save. ``visit_version``: the visit's, carried through so her retry saves the visit as loaded."""
    differing: list[base.FieldConflict] = []
    saved_by: tuple[str, datetime | None] = ("", None)
    for draft in drafts:
        fu = stored.get(draft.id or "")
        if visit_version is None or fu is None or draft.version is None or fu.version == draft.version:
            continue
        for f in base.conflicting_fields(draft.values(), FollowUpDraft.from_model(fu).values()):
            differing.append(base.FieldConflict(f"{FOLLOWUP_CONFLICT}{fu.id}:{fu.version}:{f.name}", f.mine, f.theirs))
        saved_by = (fu.updated_by, fu.updated_at)
    if differing:
        raise base.SaveConflict(ENTITY, visit_id, visit_version or 0, differing, *saved_by)


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
    """What :func:`read_stored` reads back once ``data``'s links are saved (each id once, sorted)."""
    return {"counselor_ids": sorted(set(data.counselor_ids)), "contact_ids": sorted(set(data.contact_ids)),
            "topic_ids": sorted(set(data.topic_ids))}


UNSEARCHED = frozenset({"visit_date", "mode", "key_visit", "topic_ids"})  # not in a visit's search text


_LINK_TABLES = {"counselor_ids": ("visit_counselor", "counselor_id"), "contact_ids": ("visit_contact", "contact_id"),
                "topic_ids": ("visit_issue_topic", "topic_id")}


def _set_link(conn, kind: str, visit_id: str, ids: list[str]) -> None:
    """The visit's links of one kind (counselors, contacts or topics) replaced by ``ids``."""
    table, column = _LINK_TABLES[kind]
    conn.execute(text(f"DELETE FROM {table} WHERE visit_id = :v"), {"v": visit_id})
    if ids:
        conn.execute(text(f"INSERT INTO {table} (visit_id, {column}) VALUES (:v, :i)"),
                     [{"v": visit_id, "i": i} for i in ids])


NAMED = frozenset({"county_code", "township_code", "counselor_ids", "contact_ids", "organization_id",
                   "workstation_id", "public_space_id"})  # what changes the names


def _search_row_along(s: Session, stored: Stored, wanted: dict, links: dict) -> base.Along | None:
    """The visit's search text as a row written with the compare-and-set (base.Along: no round trip of its own), when
    a searched field changes but none of the names around it (those are read after the links are written) — on a
    server that takes it; else None and :func:`index_visit` writes it after."""
    now = {**stored.fields, **stored.links}
    searched = {k for k, v in {**wanted, **links}.items()
                if k not in UNSEARCHED and base.plain(v) != base.plain(now.get(k))}
    if not searched or searched & NAMED or stored.search_rowid is None or not base.joins_along(s):
        return None
    body = search.body_of(*_search_texts(SimpleNamespace(**wanted), stored.names))
    return base.Along(search.fts_table(ENTITY), "rowid", {"rowid": stored.search_rowid, "body": body})


def _search_texts(visit, names: tuple) -> tuple:
    place, people, *linked = names
    return (visit.visited_name, visit.purpose, visit.findings, visit.issues, visit.advice, visit.notes, place or "",
            people or "", *linked, END_OF_TEXT)


def index_visit(s: Session, visit, search_rowid: int | None = None, names: tuple | None = None) -> None:
    """Index every text a person may search a visit by: its fields and the names around it (``names``: as
    :func:`read_stored` read them, when they can't have changed; else one query; ``search_rowid``: its row
    in the search index, when known)."""
    if names is None:
        names = tuple(s.connection().execute(
            core_select(*(literal_column(f"({sql})") for sql in SEARCH_NAMES)).select_from(SiteVisit.__table__)
            .where(SiteVisit.__table__.c.id == visit.id)).one())
    search.index(s, ENTITY, visit.id, *_search_texts(visit, names), rowid=search_rowid)

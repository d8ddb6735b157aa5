"""推動課題 — the managed, coded list of recurring issues counselors tag on visits and townships.

A center adds a coded topic, renames it (its code never changes: records and other laptops know it by
it), retires it (no longer offered; records keep it) or brings it back; a topic that any visit or
township tag carries — a deleted visit's too, since it may come back — is never deleted. Every change goes
through ``services.base`` (audited) and travels in the interchange workbook like any synced record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlmodel import Session

from counsel_desk.errors import UserError, ValidationError
from counsel_desk.i18n import pick
from counsel_desk.models import IssueTopic
from counsel_desk.services import base
from counsel_desk.services.base import ServiceContext

CODE_PATTERN = re.compile(r"^[A-Z][A-Z0-9_]{0,15}$")


@dataclass(frozen=True)
class Topic:
    id: str
    code: str
    name: str
    name_en: str
    active: bool
    version: int = 0  # the stored record's: a rename saves against the one it showed

    @property
    def label(self) -> str:
        return pick(self.name, self.name_en or self.name)


def topics(ctx: ServiceContext, *, include_retired: bool = False) -> list[Topic]:
    """The coded 推動課題 in their order; retired ones only when asked (an old visit may still carry one)."""
    where = "deleted_at IS NULL" + ("" if include_retired else " AND active")
    with ctx.session_factory() as s:
        rows = s.connection().execute(text(
            f"SELECT id, code, name, name_en, active FROM issue_topic WHERE {where} ORDER BY sort_order, code"))
        return [Topic(r[0], r[1], r[2], r[3] or "", bool(r[4])) for r in rows]


def _checked_name(conn: Connection, name: str, name_en: str, topic_id: str | None = None) -> tuple[str, str]:
    """The topic's names, stripped; ValidationError for an empty or too long name, or one another topic has."""
    name, name_en = (name or "").strip(), (name_en or "").strip()
    if not name or len(name) > 64:
        raise ValidationError("請填寫課題名稱（最多 64 個字）。", "Enter the topic's name (up to 64 characters).",
                              field="name")
    if len(name_en) > 128:
        raise ValidationError("英文名稱最多 128 個字。", "The English name is up to 128 characters.", field="name_en")
    if conn.execute(text("SELECT 1 FROM issue_topic WHERE name = :n AND deleted_at IS NULL AND id <> :i"),
                    {"n": name, "i": topic_id or ""}).first():
        raise ValidationError(f"已經有「{name}」這個課題。", f"There is already a topic '{name}'.", field="name")
    return name, name_en


def add_topic(ctx: ServiceContext, code: str, name: str, name_en: str = "") -> Topic:
    code = (code or "").strip().upper()
    if not CODE_PATTERN.match(code):
        raise ValidationError("課題代碼請用英文大寫字母開頭、最多 16 個英數字（例如 WATER）。",
                              "A topic code starts with a capital letter, up to 16 letters or digits (e.g. WATER).",
                              field="code")
    with ctx.session_factory() as s:
        conn = s.connection()
        if conn.execute(text("SELECT 1 FROM issue_topic WHERE code = :c"), {"c": code}).first():
            raise ValidationError(f"課題代碼 {code} 已經有了，請換一個。", f"The topic code {code} is taken.",
                                  field="code")
        name, name_en = _checked_name(conn, name, name_en)
        last = conn.execute(text("SELECT COALESCE(MAX(sort_order), 0) FROM issue_topic")).scalar_one()
        topic = IssueTopic(code=code, name=name, name_en=name_en, active=True, sort_order=last + 10)
        base.create(s, topic, ctx.actor, "issue_topic")
        s.commit()
        return Topic(topic.id, code, name, topic.name_en, True, topic.version)


def _live_topic(s: Session, topic_id: str, *, for_update: bool = False) -> IssueTopic:
    topic = cast(IssueTopic | None, base.load_for_update(s, IssueTopic, topic_id)) if for_update else s.get(IssueTopic, topic_id)
    if topic is None or topic.deleted_at is not None:
        raise UserError("找不到這個推動課題。", "This issue topic no longer exists.")
    return topic


def rename_topic(ctx: ServiceContext, topic_id: str, name: str, name_en: str, version: int | None = None) -> Topic:
    """New Chinese and English names for a topic; its code stays (records and other laptops know it by it).
    ``version``: the one the topics screen showed — a topic someone renamed since is refused (SaveConflict)."""
    with ctx.session_factory() as s:
        topic = _live_topic(s, topic_id, for_update=version is not None)
        name, name_en = _checked_name(s.connection(), name, name_en, topic_id)
        base.refuse_if_saved_meanwhile("issue_topic", topic, version, {"name": name, "name_en": name_en})
        if (name, name_en) != (topic.name, topic.name_en):
            base.update(s, topic, ctx.actor, "issue_topic", {"name": name, "name_en": name_en})
            s.commit()
        return Topic(topic.id, topic.code, name, name_en, topic.active, topic.version)


def set_topic_active(ctx: ServiceContext, topic_id: str, active: bool) -> None:
    """Retire a topic (no longer offered; records keep it) or bring it back."""
    with ctx.session_factory() as s:
        topic = _live_topic(s, topic_id)
        if topic.active != bool(active):
            base.update(s, topic, ctx.actor, "issue_topic", {"active": bool(active)})
            s.commit()


@dataclass(frozen=True)
class TopicUse:
    """A topic and what carries it: live visits and townships, and any tag at all (a deleted visit's too)."""

    topic: Topic
    visits: int
    townships: int
    tags: int  # every visit link and township tag, deleted or not: a topic with any is never deleted


# Every tag a topic has, a deleted visit's or a removed township tag's too (either may come back).
_TAGS_SQL = ("(SELECT COUNT(*) FROM visit_issue_topic l WHERE l.topic_id = {k}) "
             "+ (SELECT COUNT(*) FROM township_issue i WHERE i.topic_id = {k})")


def topic_uses(ctx: ServiceContext) -> list[TopicUse]:
    """Every topic, retired ones too, with how much it is used (the topics screen)."""
    with ctx.session_factory() as s:
        rows = s.connection().execute(text(
            "SELECT k.id, k.code, k.name, k.name_en, k.active, k.version, "
            "(SELECT COUNT(*) FROM visit_issue_topic l JOIN site_visit v ON v.id = l.visit_id "
            " WHERE l.topic_id = k.id AND v.deleted_at IS NULL), "
            "(SELECT COUNT(DISTINCT i.township_code) FROM township_issue i WHERE i.topic_id = k.id "
            " AND i.deleted_at IS NULL), "
            + _TAGS_SQL.format(k="k.id") + " FROM issue_topic k WHERE k.deleted_at IS NULL ORDER BY k.sort_order, k.code"))
        return [TopicUse(Topic(r[0], r[1], r[2], r[3] or "", bool(r[4]), int(r[5])), int(r[6]), int(r[7]), int(r[8]))
                for r in rows]


def delete_topic(ctx: ServiceContext, topic_id: str) -> None:
    """Remove a topic added by mistake; one that any visit or township carries is refused (retire it)."""
    with ctx.session_factory() as s:
        topic = _live_topic(s, topic_id)
        tags = int(s.connection().execute(text("SELECT " + _TAGS_SQL.format(k=":k")), {"k": topic_id}).scalar_one())
        if tags:
            raise UserError(f"「{topic.name}」已標記在 {tags} 筆訪視或鄉鎮上，不能刪除；請改為停用（舊紀錄會保留這個課題）。",
                            f"'{topic.name_en or topic.name}' is tagged on {tags} visits or townships and cannot be "
                            "deleted; retire it instead (old records keep it).")
        base.soft_delete(s, topic, ctx.actor, "issue_topic")
        s.commit()

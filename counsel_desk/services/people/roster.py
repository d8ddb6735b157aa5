"""The center's counselor roster (輔導員名單): add, rename, e-mail and phone, deactivate.

A counselor who has records (visits, support records, proposals, plans, follow-ups she owns) is
never deleted: she is deactivated, so old records keep her name while new ones no longer offer
her. Only someone added by mistake, with nothing recorded, can be removed (a tombstone, like every
synced record). Renaming carries her name over to the follow-ups she owns (追蹤事項的負責人 is a
name, so that an outsider can own one too).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import cast

from sqlalchemy import func, text
from sqlmodel import select

from counsel_desk.errors import UserError, ValidationError
from counsel_desk.models import Counselor
from counsel_desk.models.visits import FollowUp
from counsel_desk.services import base
from counsel_desk.services.changes import Kind, changes

ENTITY = "counselor"


@dataclass(frozen=True)
class RosterEntry:
    id: str
    name: str
    email: str
    phone: str
    active: bool
    records: int  # visits, support records, proposals, plans and follow-ups that name her
    version: int = 0  # the stored record's: an edit saves against the one it showed


# someone@somewhere.tld: one @, no spaces, a dot in the domain and a top-level part of two letters or more
EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)*\.[^@\s.\d]{2,}")
# what a phone number is written with besides digits: + - ( ) # and spaces, 分機/轉/ext for an extension
PHONE_EXTRAS = re.compile(r"分機|轉|ext\.?|[+\-()#\s]", re.IGNORECASE)


def email_problem(email: str) -> ValidationError | None:
    """Why ``email`` cannot be an address (None when it can, or is empty)."""
    email = email.strip()
    if not email or EMAIL.fullmatch(email):
        return None
    return ValidationError("電子郵件格式不正確（例如 name@example.org）。",
                           "The e-mail address is not valid (e.g. name@example.org).", field="email")


def phone_problem(phone: str) -> ValidationError | None:
    """Why ``phone`` cannot be a phone number (None when it can, or is empty). Full-width digits and
    signs, as a Chinese input method types them, count as the ordinary ones."""
    phone = unicodedata.normalize("NFKC", phone).strip()
    if not phone:
        return None
    rest = PHONE_EXTRAS.sub("", phone)
    if rest.isdigit() and rest.isascii():
        return None
    return ValidationError("電話號碼格式不正確：只能有數字、+、-、()、#、空格與「分機」（例如 03-555 1234 分機 12）。",
                           "The phone number is not valid: use digits, +, -, (), #, spaces and “ext” "
                           "(e.g. 03-555 1234 ext. 12).", field="phone")


def _check(name: str, email: str, phone: str) -> None:
    problems = []
    if not name.strip():
        problems.append(ValidationError("請填寫輔導員姓名。", "Enter the counselor's name.", field="name"))
    elif len(name.strip()) > 64:
        problems.append(ValidationError("輔導員姓名最多 64 個字。", "The name has at most 64 characters.", field="name"))
    problems += [p for p in (email_problem(email), phone_problem(phone)) if p is not None]
    if problems:
        raise ValidationError("\n".join(p.zh for p in problems), "\n".join(p.en for p in problems),
                              field=problems[0].field, problems=problems)


_RECORDS_SQL = text(
    "SELECT (SELECT count(*) FROM visit_counselor vc JOIN site_visit v ON v.id = vc.visit_id "
    "        WHERE vc.counselor_id = :id AND v.deleted_at IS NULL)"
    " + (SELECT count(*) FROM support_counselor sc JOIN support_record r ON r.id = sc.support_id "
    "        WHERE sc.counselor_id = :id AND r.deleted_at IS NULL)"
    " + (SELECT count(*) FROM proposal WHERE counselor_id = :id AND deleted_at IS NULL)"
    " + (SELECT count(*) FROM plan WHERE counselor_id = :id AND deleted_at IS NULL)"
    " + (SELECT count(*) FROM followup WHERE owner = :name AND owner != '' AND deleted_at IS NULL)")


class RosterService:
    def __init__(self, ctx: base.ServiceContext):
        self.ctx = ctx

    def entries(self, *, include_inactive: bool = True) -> list[RosterEntry]:
        """The center's counselors, active ones first, each by name."""
        with self.ctx.session_factory() as s:
            q = select(Counselor).where(Counselor.deleted_at.is_(None), Counselor.center_code == self.ctx.center_code)
            if not include_inactive:
                q = q.where(Counselor.active.is_(True))
            rows = s.exec(q.order_by(Counselor.active.desc(), Counselor.name)).all()
            conn = s.connection()
            return [RosterEntry(c.id, c.name, c.email, c.phone, c.active,
                                int(conn.execute(_RECORDS_SQL, {"id": c.id, "name": c.name}).scalar() or 0), c.version)
                    for c in rows]

    def names(self) -> list[str]:
        """Names of the active counselors (the choices for a follow-up's owner)."""
        return [e.name for e in self.entries(include_inactive=False)]

    def _get(self, s, counselor_id: str, *, for_update: bool = False) -> Counselor:
        c = cast(Counselor | None, base.load_for_update(s, Counselor, counselor_id)) if for_update else s.get(Counselor, counselor_id)
        if c is None or c.deleted_at is not None:
            raise UserError("找不到這位輔導員，可能已被移除。", "This counselor no longer exists.")
        return c

    def _taken(self, s, name: str, but: str | None = None) -> bool:
        q = select(func.count()).select_from(Counselor).where(
            Counselor.deleted_at.is_(None), Counselor.center_code == self.ctx.center_code,
            Counselor.name == name.strip())
        if but:
            q = q.where(Counselor.id != but)
        return bool(s.exec(q).one())

    @changes(Kind.COUNSELORS)
    def add(self, name: str, email: str = "", phone: str = "") -> RosterEntry:
        _check(name, email, phone)
        with self.ctx.session_factory() as s:
            if self._taken(s, name):
                raise ValidationError(f"名單上已經有「{name.strip()}」。",
                                      f"“{name.strip()}” is already on the roster.", field="name")
            c = Counselor(center_code=self.ctx.center_code, name=name.strip(), email=email.strip(), phone=phone.strip())
            base.create(s, c, self.ctx.actor, ENTITY)
            s.commit()
            return RosterEntry(c.id, c.name, c.email, c.phone, True, 0, c.version)

    def ensure(self, name: str) -> str | None:
        """Id of the center's counselor called ``name``, added to the roster when missing (the user herself)."""
        name = name.strip()
        if not name:
            return None
        with self.ctx.session_factory() as s:
            found = s.exec(select(Counselor).where(Counselor.deleted_at.is_(None), Counselor.name == name,
                                                   Counselor.center_code == self.ctx.center_code)).first()
            if found is not None:
                if not found.active:  # she is back: working here again
                    base.update(s, found, self.ctx.actor, ENTITY, {"active": True})
                    s.commit()
                return found.id
        return self.add(name).id

    @changes(Kind.COUNSELORS, Kind.FOLLOWUPS)
    def update(self, counselor_id: str, name: str, email: str = "", phone: str = "", version: int | None = None
               ) -> RosterEntry:
        """Rename and set contact details; her follow-ups follow the new name. ``version``: the one the editor
        loaded — a counselor someone saved since is refused with a SaveConflict (both values), not overwritten."""
        _check(name, email, phone)
        with self.ctx.session_factory() as s:
            c = self._get(s, counselor_id, for_update=version is not None)
            base.refuse_if_saved_meanwhile(ENTITY, c, version, {"name": name.strip(), "email": email.strip(),
                                                           "phone": phone.strip()})
            if self._taken(s, name, but=counselor_id):
                raise ValidationError(f"名單上已經有「{name.strip()}」。",
                                      f"“{name.strip()}” is already on the roster.", field="name")
            old = c.name
            base.update(s, c, self.ctx.actor, ENTITY, {"name": name.strip(), "email": email.strip(),
                                                       "phone": phone.strip()})
            if old != c.name:
                owned = s.exec(select(FollowUp).where(FollowUp.owner == old, FollowUp.deleted_at.is_(None))).all()
                for fu in owned:
                    base.update(s, fu, self.ctx.actor, "followup", {"owner": c.name})
            s.commit()
            records = int(s.connection().execute(_RECORDS_SQL, {"id": c.id, "name": c.name}).scalar() or 0)
            return RosterEntry(c.id, c.name, c.email, c.phone, c.active, records, c.version)

    @changes(Kind.COUNSELORS)
    def set_active(self, counselor_id: str, active: bool) -> None:
        with self.ctx.session_factory() as s:
            c = self._get(s, counselor_id)
            base.update(s, c, self.ctx.actor, ENTITY, {"active": active})
            s.commit()

    @changes(Kind.COUNSELORS)
    def remove(self, counselor_id: str) -> None:
        """Remove someone added by mistake; refused when any record names her (deactivate her instead)."""
        with self.ctx.session_factory() as s:
            c = self._get(s, counselor_id)
            records = int(s.connection().execute(_RECORDS_SQL, {"id": c.id, "name": c.name}).scalar() or 0)
            if records:
                raise UserError(f"「{c.name}」已有 {records:,} 筆紀錄，不能移除；請改為停用，舊紀錄會保留這個名字。",
                                f"“{c.name}” has {records:,} records and cannot be removed; deactivate instead "
                                "— old records keep the name.")
            base.soft_delete(s, c, self.ctx.actor, ENTITY)
            s.commit()

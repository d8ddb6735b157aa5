"""The people around a visit: a center's counselors (輔導員), organisations (單位) and their contacts (聯絡人).

The visit editor lists and searches them and creates them inline ("a new organisation" while
typing up a visit). Contacts hold personal data (個人資料): this service returns only what the
editor needs to pick one (name, title); phone and e-mail stay in the database.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import select

from counsel_desk.errors import ValidationError
from counsel_desk.models import Contact, Counselor, Organization
from counsel_desk.models.enums import OrgKind
from counsel_desk.services import base
from counsel_desk.services.people.roster import email_problem, phone_problem
from counsel_desk.services.places import places
from counsel_desk.store import search


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    detail: str = ""  # a contact's title, a counselor's e-mail


@dataclass(frozen=True)
class OrgInfo:
    id: str
    name: str
    kind: str
    kind_label: str
    county_code: str | None
    township_code: str | None


def _org_info(o: Organization) -> OrgInfo:
    try:
        kind = OrgKind(o.kind)
        label = kind.label
    except ValueError:
        label = o.kind
    return OrgInfo(o.id, o.name, o.kind, label, o.county_code, o.township_code)


class PeopleService:
    def __init__(self, ctx: base.ServiceContext):
        self.ctx = ctx

    # --- counselors ------------------------------------------------------------------------------
    def counselors(self, center_code: str | None = None, *, include_inactive: bool = False,
                   include: list[str] | tuple[str, ...] = ()) -> list[Person]:
        """The center's counselors by name; ``include`` adds these ids even when inactive (an old visit)."""
        center = center_code or self.ctx.center_code
        with self.ctx.session_factory() as s:
            q = select(Counselor).where(Counselor.deleted_at.is_(None), Counselor.center_code == center)
            rows = [c for c in s.exec(q.order_by(Counselor.name)).all() if include_inactive or c.active]
            missing = set(include) - {c.id for c in rows}
            if missing:
                rows += s.exec(select(Counselor).where(Counselor.id.in_(missing))).all()
            return [Person(c.id, c.name, c.email) for c in rows]

    def counselor_named(self, name: str) -> str | None:
        """Id of the center's counselor with this name (the user's own entry), if any."""
        if not name.strip():
            return None
        with self.ctx.session_factory() as s:
            return s.exec(select(Counselor.id).where(Counselor.name == name.strip(), Counselor.deleted_at.is_(None),
                                                     Counselor.center_code == self.ctx.center_code)).first()

    def create_counselor(self, name: str, email: str = "", phone: str = "") -> Person:
        name = name.strip()
        if not name:
            raise ValidationError("請填寫輔導員姓名。", "Enter the counselor's name.", field="name")
        with self.ctx.session_factory() as s:
            c = Counselor(center_code=self.ctx.center_code, name=name, email=email.strip(), phone=phone.strip())
            base.create(s, c, self.ctx.actor, "counselor")
            s.commit()
            return Person(c.id, c.name, c.email)

    # --- organisations ---------------------------------------------------------------------------
    def organizations(self, query: str = "", *, county_code: str | None = None, limit: int = 500) -> list[OrgInfo]:
        """Organisations whose name contains ``query`` (those of ``county_code`` first)."""
        with self.ctx.session_factory() as s:
            q = select(Organization).where(Organization.deleted_at.is_(None))
            if query.strip():
                q = q.where(func.instr(Organization.name, query.strip()) > 0)
            if county_code:
                q = q.order_by((Organization.county_code != county_code), Organization.name)
            else:
                q = q.order_by(Organization.name)
            return [_org_info(o) for o in s.exec(q.limit(limit)).all()]

    def organization(self, org_id: str) -> OrgInfo | None:
        with self.ctx.session_factory() as s:
            o = s.get(Organization, org_id)
            return _org_info(o) if o is not None and o.deleted_at is None else None

    def create_organization(self, name: str, kind: str, county_code: str | None = None,
                            township_code: str | None = None, phone: str = "", address: str = "") -> OrgInfo:
        name = name.strip()
        problems = []
        if not name:
            problems.append(ValidationError("請填寫單位名稱。", "Enter the organisation's name.", field="name"))
        if kind not in {k.value for k in OrgKind}:
            problems.append(ValidationError("請選擇單位類型。", "Choose the kind of organisation.", field="kind"))
        problems += [p for p in (phone_problem(phone),) if p is not None]
        with self.ctx.session_factory() as s:
            problems += places.place_problems(s, county_code, township_code, county_required=False,
                                              township_required=False)
            if problems:
                raise ValidationError("\n".join(p.zh for p in problems), "\n".join(p.en for p in problems),
                                      field=problems[0].field, problems=problems)
            o = Organization(name=name, kind=kind, county_code=county_code or None,
                             township_code=township_code or None, phone=phone.strip(), address=address.strip())
            base.create(s, o, self.ctx.actor, "organization")
            search.index(s, "organization", o.id, o.name, o.address)
            s.commit()
            return _org_info(o)

    # --- contacts --------------------------------------------------------------------------------
    def contacts(self, organization_id: str | None, include: list[str] | tuple[str, ...] = ()) -> list[Person]:
        """Contacts of an organisation by name, plus ``include`` (contacts already on the visit)."""
        with self.ctx.session_factory() as s:
            rows: list[Contact] = []
            if organization_id:
                rows = list(s.exec(select(Contact).where(Contact.organization_id == organization_id,
                                                         Contact.deleted_at.is_(None)).order_by(Contact.name)).all())
            missing = set(include) - {c.id for c in rows}
            if missing:
                rows += s.exec(select(Contact).where(Contact.id.in_(missing))).all()
            return [Person(c.id, c.name, c.title) for c in rows if c.erased_at is None or c.id in include]

    def create_contact(self, organization_id: str | None, name: str, title: str = "", phone: str = "",
                       email: str = "") -> Person:
        name = name.strip()
        problems = [p for p in (phone_problem(phone), email_problem(email)) if p is not None]
        if not name:
            problems.insert(0, ValidationError("請填寫聯絡人姓名。", "Enter the contact's name.", field="name"))
        if problems:
            raise ValidationError("\n".join(p.zh for p in problems), "\n".join(p.en for p in problems),
                                  field=problems[0].field, problems=problems)
        with self.ctx.session_factory() as s:
            c = Contact(organization_id=organization_id or None, name=name, title=title.strip(), phone=phone.strip(),
                        email=email.strip())
            base.create(s, c, self.ctx.actor, "contact")
            s.commit()
            return Person(c.id, c.name, c.title)

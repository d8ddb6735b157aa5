"""The lists a proposal form picks from: counties and townships, counselors, workstations, applicants, plans."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import select

from counsel_desk.models import Counselor, County, Organization, Plan, Township, Workstation
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.people.people import PeopleService


@dataclass(frozen=True)
class Choice:
    value: str
    text: str
    group: str = ""  # e.g. a township's county code, a workstation's county


def counties(svc: ServiceContext) -> list[Choice]:
    with svc.session_factory() as s:
        return [Choice(c.code, c.name) for c in s.exec(select(County).order_by(County.sort_order))]


def townships(svc: ServiceContext, county_code: str | None = None) -> list[Choice]:
    with svc.session_factory() as s:
        q = select(Township).order_by(Township.postal_code, Township.code)
        if county_code:
            q = q.where(Township.county_code == county_code)
        return [Choice(t.code, t.name, t.county_code) for t in s.exec(q)]


def counselors(svc: ServiceContext, *, include_inactive: bool = False) -> list[Choice]:
    """Every center's counselors (a list filter: merged data may name anyone)."""
    with svc.session_factory() as s:
        q = select(Counselor).where(Counselor.deleted_at.is_(None)).order_by(Counselor.center_code, Counselor.name)  # type: ignore[union-attr]
        if not include_inactive:
            q = q.where(Counselor.active.is_(True))  # type: ignore[attr-defined]
        return [Choice(c.id, c.name, c.center_code) for c in s.exec(q)]


def own_counselors(svc: ServiceContext, chosen: str | None = None) -> list[Choice]:
    """Whom a form offers: the center's active counselors, plus ``chosen`` when it is someone else (left, or
    of another center) so an older record keeps showing its counselor."""
    people = PeopleService(svc).counselors(include=[chosen] if chosen else [])
    return [Choice(p.id, p.name) for p in people]


def workstations(svc: ServiceContext) -> list[Choice]:
    with svc.session_factory() as s:
        q = select(Workstation).where(Workstation.deleted_at.is_(None)).order_by(Workstation.name)  # type: ignore[union-attr]
        return [Choice(w.id, w.name, w.county_code) for w in s.exec(q)]


def organization_names(svc: ServiceContext) -> list[str]:
    """Known applicants, for the organisation field's completer."""
    with svc.session_factory() as s:
        q = select(Organization.name).where(Organization.deleted_at.is_(None)).distinct().order_by(Organization.name)  # type: ignore[union-attr]
        return list(s.exec(q))


def plans(svc: ServiceContext) -> list[Choice]:
    with svc.session_factory() as s:
        q = select(Plan).where(Plan.deleted_at.is_(None)).order_by(Plan.title)  # type: ignore[union-attr]
        return [Choice(p.id, p.title, p.stage) for p in s.exec(q)]

"""The lists a proposal form picks from: counties and townships, counselors, workstations, applicants, plans."""

from __future__ import annotations

from sqlmodel import select

from counsel_desk.models import Counselor, Organization, Plan, Workstation
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.listing import Choice
from counsel_desk.services.places import places
from counsel_desk.services.people.people import PeopleService


def counties(ctx: ServiceContext) -> list[Choice]:
    return places.counties(ctx.session_factory)


def townships(ctx: ServiceContext, county_code: str | None) -> list[Choice]:
    return places.townships(ctx.session_factory, county_code)


def counselors(ctx: ServiceContext, *, include_inactive: bool = False) -> list[Choice]:
    """Every center's counselors (a list filter: merged data may name anyone)."""
    with ctx.session_factory() as s:
        q = select(Counselor).where(Counselor.deleted_at.is_(None)).order_by(Counselor.center_code, Counselor.name)  # type: ignore[union-attr]
        if not include_inactive:
            q = q.where(Counselor.active.is_(True))  # type: ignore[attr-defined]
        return [Choice(c.id, c.name, c.center_code) for c in s.exec(q)]


def own_counselors(ctx: ServiceContext, chosen: str | None = None) -> list[Choice]:
    """Whom a form offers: the center's active counselors, plus ``chosen`` when it is someone else (left, or
    of another center) so an older record keeps showing its counselor."""
    people = PeopleService(ctx).counselors(include=[chosen] if chosen else [])
    return [Choice(p.id, p.name) for p in people]


def workstations(ctx: ServiceContext) -> list[Choice]:
    with ctx.session_factory() as s:
        q = select(Workstation).where(Workstation.deleted_at.is_(None)).order_by(Workstation.name)  # type: ignore[union-attr]
        return [Choice(w.id, w.name, w.county_code) for w in s.exec(q)]


def organization_names(ctx: ServiceContext) -> list[str]:
    """Known applicants, for the organisation field's completer."""
    with ctx.session_factory() as s:
        q = select(Organization.name).where(Organization.deleted_at.is_(None)).distinct().order_by(Organization.name)  # type: ignore[union-attr]
        return list(s.exec(q))


def plans(ctx: ServiceContext) -> list[Choice]:
    with ctx.session_factory() as s:
        q = select(Plan).where(Plan.deleted_at.is_(None)).order_by(Plan.title)  # type: ignore[union-attr]
        return [Choice(p.id, p.title, p.stage) for p in s.exec(q)]

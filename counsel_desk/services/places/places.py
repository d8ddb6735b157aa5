"""Counties (縣市) and townships (鄉鎮市區) from the reference data, for pickers and filters.

Kept apart from the visit service so the lists' filter bars load it without the whole editor
stack; the visit service and the editor use the same functions.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import select

from counsel_desk.i18n import pick
from counsel_desk.models import County, Township
from counsel_desk.services.base import ServiceContext


@dataclass(frozen=True)
class Choice:
    """An id (or code) and the words a person picks it by."""

    id: str
    name: str
    detail: str = ""  # a county's default center, a township's postal code, …


def counties(ctx: ServiceContext) -> list[Choice]:
    """All counties in the reference order; ``detail`` is the county's default center."""
    with ctx.session_factory() as s:
        rows = s.exec(select(County).order_by(County.sort_order, County.code)).all()
        return [Choice(c.code, pick(c.name, c.name_en), c.default_center) for c in rows]


def counties_center_first(ctx: ServiceContext) -> list[Choice]:
    """The center's own counties first: those are the ones its counselors pick and filter by."""
    all_counties = counties(ctx)
    return [c for c in all_counties if c.detail == ctx.center_code] + \
        [c for c in all_counties if c.detail != ctx.center_code]


def townships(ctx: ServiceContext, county_code: str) -> list[Choice]:
    with ctx.session_factory() as s:
        rows = s.exec(select(Township).where(Township.county_code == county_code).order_by(Township.code)).all()
        return [Choice(t.code, pick(t.name, t.name_en), t.postal_code) for t in rows]


def county_of(ctx: ServiceContext, township_code: str) -> str | None:
    with ctx.session_factory() as s:
        town = s.get(Township, township_code)
        return town.county_code if town else None


# 原住民族地區 (the 55 designated townships: 30 山地, 25 平地) as a list filter: "indigenous" in a filters dict.
INDIGENOUS_FILTERS = {
    "any": "indigenous_area IS NOT NULL", "mountain": "indigenous_area = '山地'",
    "plains": "indigenous_area = '平地'", "none": "indigenous_area IS NULL",
}


def indigenous_condition(township_column: str, value: str | None) -> str | None:
    """An SQL condition keeping rows whose township (``township_column``) is of the chosen kind; None for
    no filter. The values are fixed words, never user text, so they are written into the SQL."""
    where = INDIGENOUS_FILTERS.get(value or "")
    return f"{township_column} IN (SELECT code FROM township WHERE {where})" if where else None

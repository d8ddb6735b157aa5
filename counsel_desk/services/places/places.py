"""Counties (縣市) and townships (鄉鎮市區) from the reference data, for pickers and filters.

Kept apart from the visit service so the lists' filter bars load it without the whole editor
stack; the visit service and the editor use the same functions.
"""

from __future__ import annotations

from typing import Callable

from sqlalchemy import text
from sqlmodel import Session, select

from counsel_desk.errors import ValidationError
from counsel_desk.i18n import pick
from counsel_desk.models import County, Township
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.listing import Choice


# --- the lists -------------------------------------------------------------------------------------
def counties(session_factory: Callable[[], Session]) -> list[Choice]:
    """All counties in the reference order; ``detail`` is the county's default center."""
    with session_factory() as s:
        rows = s.exec(select(County).order_by(County.sort_order, County.code)).all()
        return [Choice(c.code, pick(c.name, c.name_en), c.default_center) for c in rows]


def counties_center_first(ctx: ServiceContext) -> list[Choice]:
    """The center's own counties first: those are the ones its counselors pick and filter by."""
    all_counties = counties(ctx.session_factory)
    return [c for c in all_counties if c.detail == ctx.center_code] + \
        [c for c in all_counties if c.detail != ctx.center_code]


def townships(session_factory: Callable[[], Session], county_code: str | None) -> list[Choice]:
    """A county's townships by code (none without a county); ``detail`` is the postal code."""
    if not county_code:
        return []
    with session_factory() as s:
        rows = s.exec(select(Township).where(Township.county_code == county_code).order_by(Township.code)).all()
        return [Choice(t.code, pick(t.name, t.name_en), t.postal_code) for t in rows]


def county_of(session_factory: Callable[[], Session], township_code: str) -> str | None:
    with session_factory() as s:
        town = s.get(Township, township_code)
        return town.county_code if town else None


def place_label(session: Session, county_code: str | None, township_code: str | None) -> str:
    """臺東縣 池上鄉 (either part may be missing)."""
    conn = session.connection()
    county = conn.execute(text("SELECT name FROM county WHERE code=:c"), {"c": county_code}).scalar() if county_code else None
    town = conn.execute(text("SELECT name FROM township WHERE code=:t"), {"t": township_code}).scalar() \
        if township_code else None
    return " ".join(p for p in (county, town) if p)


# --- the checks ------------------------------------------------------------------------------------
def place_problems(session: Session, county_code: str | None, township_code: str | None, *,
                   county_required: bool = True, township_required: bool = True,
                   county_field: str = "county_code", township_field: str = "township_code") -> list[ValidationError]:
    """What is wrong with a county and township a form chose, each problem naming its field: a missing
    one that is required, a code the reference data does not know, a township outside the county."""
    out: list[ValidationError] = []
    county = session.get(County, county_code) if county_code else None
    if not county_code:
        if county_required:
            out.append(ValidationError("請選擇縣市。", "Choose the county.", field=county_field))
    elif county is None:
        out.append(ValidationError(f"沒有代碼為 {county_code} 的縣市。", f"No county {county_code}.", field=county_field))
    if not township_code:
        if township_required:
            out.append(ValidationError("請選擇鄉鎮市區。", "Choose the township.", field=township_field))
        return out
    town = session.get(Township, township_code)
    if town is None:
        out.append(ValidationError(f"沒有代碼為 {township_code} 的鄉鎮市區。", f"No township {township_code}.",
                                   field=township_field))
    elif county_code and town.county_code != county_code:
        out.append(ValidationError(
            f"{town.name}不在{county.name if county else county_code}：請重新選擇鄉鎮市區。",
            f"{town.name_en} is not in {county.name_en if county else county_code}: choose the township again.",
            field=township_field))
    return out


def check_place(session: Session, county_code: str | None, township_code: str | None, *,
                township_required: bool = True, county_field: str = "county_code",
                township_field: str = "township_code") -> None:
    """:func:`place_problems` for a form that stops at the first: raises it (the county is required)."""
    problems = place_problems(session, county_code, township_code, township_required=township_required,
                              county_field=county_field, township_field=township_field)
    if problems:
        raise problems[0]


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

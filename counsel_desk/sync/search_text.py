"""The search text of an imported record: its own words, its place, the names it links to.

Like the services' own indexing (a visit is found by its findings, its township, its counselors'
and contacts' names, its organisation), so records that came in through a workbook are found by
the same searches as records typed in here.

Two forms of the same text: :meth:`SearchText.rows_sql` builds it in SQL for every record a bulk
step wrote (``store.search.index_query`` indexes them set-based, once their links are in), and
:meth:`SearchText.body` in Python for a record merged one by one. For the Python form, names are
looked up in dictionaries loaded once per import: a sheet's targets are always merged before the
sheet (reference order), so they are complete when first needed.
"""

from __future__ import annotations

from typing import Mapping

from counsel_desk.store.search import END_OF_TEXT
from counsel_desk.sync import format as fmt
from counsel_desk.sync.db import SyncConnection
from counsel_desk.sync.format import Column, Kind, Sheet

NAMED = ("counselors", "organizations", "workstations", "contacts")  # linked names that feed the search text


def named_columns(sheet: Sheet) -> list[Column]:
    return [c for c in sheet.columns if c.kind in (Kind.REF, Kind.IDS) and c.ref in NAMED]


def _part(expr: str) -> str:
    """A non-empty text followed by the line end; nothing for an empty one."""
    return f"coalesce(nullif({expr}, '') || '{END_OF_TEXT}', '')"


def body_sql(sheet: Sheet, alias: str = "s") -> str:
    """SQL for :meth:`SearchText.body` of the row ``alias`` (its links already written), any engine."""
    a = alias
    parts = [_part(f"{a}.{k}") for k in sheet.search]
    if "county_code" in sheet.by_key or "township_code" in sheet.by_key:
        county = (f"(SELECT n.name FROM county n WHERE n.code = {a}.county_code)" if "county_code" in sheet.by_key
                  else "NULL")
        town = (f"(SELECT n.name FROM township n WHERE n.code = {a}.township_code)"
                if "township_code" in sheet.by_key else "NULL")
        parts.append(_part(f"coalesce({county} || ' ' || {town}, {county}, {town})"))
    for c in named_columns(sheet):
        target = fmt.BY_KEY[str(c.ref)].table
        if c.kind is Kind.REF:
            parts.append(_part(f"(SELECT n.name FROM {target} n WHERE n.id = {a}.{c.key})"))
        elif c.link is not None:
            link, owner, other = c.link
            parts.append(_part(f"(SELECT group_concat(n.name, ' ') FROM {link} l JOIN {target} n ON n.id = l.{other} "
                               f"WHERE l.{owner} = {a}.id)"))
    return " || ".join(parts) if parts else "''"


def rows_sql(sheet: Sheet, alias: str = "s") -> str:
    """The select list ``record_id, body, live`` that ``store.search.index_query`` takes."""
    live = f"{alias}.deleted_at IS NULL" if "deleted_at" in sheet.by_key else "1 = 1"
    return f"{alias}.id AS record_id, {body_sql(sheet, alias)} AS body, ({live}) AS live"


class SearchText:
    def __init__(self, link: SyncConnection, ref):
        self.link = link
        self.ref = ref
        self._names: dict[str, dict[str, str]] = {}

    def names(self, sheet_key: str) -> dict[str, str]:
        names = self._names.get(sheet_key)
        if names is None:
            names = dict(self.link.execute(f"SELECT id, name FROM {fmt.BY_KEY[sheet_key].table}"))
            self._names[sheet_key] = names
        return names

    def body(self, sheet: Sheet, values: Mapping[str, object]) -> str:
        parts = [values.get(k) or "" for k in sheet.search]
        parts.append(" ".join(p for p in (self.ref.county_name(values.get("county_code")),
                                         self.ref.township_name(values.get("township_code"))) if p))
        for c in named_columns(sheet):
            ids = values.get(c.key)
            if ids:
                names = self.names(str(c.ref))
                parts.append(" ".join(n for n in (names.get(i) for i in str(ids).split(";")) if n))
        return "".join(f"{p}{END_OF_TEXT}" for p in parts if p)

"""The search text of an imported record: its own words, its place, the names it links to.

Like the services' own indexing (a visit is found by its findings, its township, its counselors'
and contacts' names, its organisation), so records that came in through a workbook are found by
the same searches as records typed in here.

Two forms of the same text: :func:`rows_sql` builds it in SQL for every record a bulk step wrote
(``store.search.index_query`` indexes them set-based, once their links are in), and :class:`Composer`
in Python, part for part the same. The Python form serves a record merged one by one
(:meth:`SearchText.body`, names looked up in dictionaries loaded once per import: a sheet's targets are
always merged before the sheet, in reference order, so they are complete when first needed), a server's
search tables built beside the merge (``sync/search_build.py``), and a file's first import, whose texts
are composed while the workbook is read (``sync/index_ahead.py``).
"""

from __future__ import annotations

from typing import Any, Callable, Mapping, Sequence

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


def load_names(link: SyncConnection, sheet_key: str) -> dict[str, str]:
    """id → name of a NAMED sheet's records as the database has them now."""
    return dict(link.execute(f"SELECT id, name FROM {fmt.BY_KEY[sheet_key].table}"))


class Composer:
    """A sheet's search text from one row's values: :func:`body_sql` in Python, part for part.

    ``pos`` maps a column key to its place in the values; ``names(key)`` gives id → name of a NAMED sheet's
    records; ``used``, when given, records each name taken (id → name, None when unknown) per NAMED sheet.
    """

    def __init__(self, sheet: Sheet, pos: Mapping[str, int], ref, names: Callable[[str], dict[str, str]],
                 used: dict[str, dict[str, str | None]] | None = None):
        self.words = [pos[k] for k in sheet.search]
        self.place = "county_code" in sheet.by_key or "township_code" in sheet.by_key
        self.county, self.town = pos.get("county_code"), pos.get("township_code")
        self.counties, self.townships = ref.counties, ref.townships
        self.named = []
        for c in named_columns(sheet):
            if c.kind is Kind.REF or c.link is not None:
                key = str(c.ref)
                self.named.append((pos[c.key], c.kind is Kind.IDS, names(key),
                                   used.setdefault(key, {}) if used is not None else None))

    def __call__(self, values: Sequence[Any]) -> str:
        parts = [v for i in self.words if (v := values[i])]
        if self.place:
            county = self.counties.get(values[self.county]) if self.county is not None else None
            town_row = self.townships.get(values[self.town]) if self.town is not None else None
            town = town_row[1] if town_row else None
            place = f"{county} {town}" if county is not None and town is not None else (
                county if county is not None else town)
            if place:
                parts.append(place)
        for i, many, names, used in self.named:
            value = values[i]
            if not value:
                continue
            text: str | None
            if many:  # as group_concat over the link table's (owner, target) key: in id order
                found = []
                for rid in sorted(set(str(value).split(";"))):
                    name = names.get(rid)
                    if used is not None:
                        used[rid] = name
                    if name is not None:
                        found.append(name)
                text = " ".join(found)
            else:
                text = names.get(value)
                if used is not None:
                    used[value] = text
            if text:
                parts.append(text)
        return "".join(f"{p}{END_OF_TEXT}" for p in parts)


class SearchText:
    def __init__(self, link: SyncConnection, ref):
        self.link = link
        self.ref = ref
        self._names: dict[str, dict[str, str]] = {}
        self._composers: dict[str, tuple[list[str], Composer]] = {}

    def names(self, sheet_key: str) -> dict[str, str]:
        names = self._names.get(sheet_key)
        if names is None:
            names = self._names[sheet_key] = load_names(self.link, sheet_key)
        return names

    def body(self, sheet: Sheet, values: Mapping[str, object]) -> str:
        """The text of one record, from its values by column key."""
        made = self._composers.get(sheet.key)
        if made is None:
            keys = [*sheet.search, "county_code", "township_code", *(c.key for c in named_columns(sheet))]
            made = self._composers[sheet.key] = (keys, Composer(sheet, {k: i for i, k in enumerate(keys)}, self.ref,
                                                                self.names))
        keys, composer = made
        return composer([values.get(k) for k in keys])

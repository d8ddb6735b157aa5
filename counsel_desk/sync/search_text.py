"""The search text of an imported record: its own words, its place, the names it links to.

Like the services' own indexing (a visit is found by its findings, its township, its counselors'
and contacts' names, its organisation), so records that came in through a workbook are found by
the same searches as records typed in here. Names are looked up in dictionaries loaded once per
import: a sheet's targets are always merged before the sheet (reference order), so they are
complete when first needed.
"""

from __future__ import annotations

from typing import Mapping

from counsel_desk.sync import format as fmt
from counsel_desk.sync.db import SyncConnection
from counsel_desk.sync.format import Kind, Sheet

NAMED = ("counselors", "organizations", "workstations", "contacts")  # linked names that feed the search text


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

    @staticmethod
    def columns(sheet: Sheet) -> list[str]:
        """The columns a body is made of, in the order :meth:`body` reads them."""
        keys = list(sheet.search)
        keys += [k for k in ("county_code", "township_code") if k in sheet.by_key]
        keys += [c.key for c in sheet.columns if c.kind in (Kind.REF, Kind.IDS) and c.ref in NAMED]
        return keys

    def body(self, sheet: Sheet, values: Mapping[str, object]) -> str:
        parts = [values.get(k) or "" for k in sheet.search]
        parts.append(" ".join(p for p in (self.ref.county_name(values.get("county_code")),
                                         self.ref.township_name(values.get("township_code"))) if p))
        for c in sheet.columns:
            if c.kind in (Kind.REF, Kind.IDS) and c.ref in NAMED:
                ids = values.get(c.key)
                if ids:
                    names = self.names(c.ref)
                    parts.append(" ".join(n for n in (names.get(i) for i in str(ids).split(";")) if n))
        return "\n".join(p for p in parts if p)

"""The contract between a service's list query and the UI's lazy table model.

A list source answers two questions, both in SQL: which ids match (filtered, searched and sorted
— cheap, one column), and what the display values of a handful of ids are (a page of rows).
The UI model (``ui/lazy_table.py``) keeps only the id list and a cache of pages, so a list of
100,000 visits opens as fast as a list of 100.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True)
class Choice:
    """What a picker offers: an id (or code) and the words a person picks it by."""

    id: str
    name: str
    detail: str = ""  # a county's default center, a township's postal code, a counselor's center, …


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """``text`` as it is, marked for the zh_TW catalogue in ``context``: Qt's marker without Qt, so that
    ``pyside6-lupdate`` reads a list's column titles where the list declares them (``i18n.catalog`` runs it
    over such services modules with their UI area) and the table model translates them in that context."""
    return text


@dataclass(frozen=True)
class Column:
    key: str  # the key of the row dicts
    title: str  # English source title, marked with QT_TRANSLATE_NOOP; the UI translates it
    sortable: bool = True
    align_right: bool = False  # numbers and money


@dataclass
class ListQuery:
    filters: dict[str, Any] = field(default_factory=dict)
    search: str = ""
    sort_key: str | None = None
    descending: bool = False


class ListSource(Protocol):
    columns: list[Column]

    def ids(self, query: ListQuery) -> list[str]:
        """Ids of the matching records in display order."""

    def rows(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        """Display values (already formatted strings or numbers) per id, keyed like ``columns``."""

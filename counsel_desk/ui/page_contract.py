"""The contract between the main window and a page: the hooks it calls, and their defaults.

A page class inherits :class:`PageHooks` (before QWidget) and overrides the hooks it offers; the
main window calls them directly (through :func:`hooks`), never by probing for a method's name.
"""

from __future__ import annotations

from typing import Any, ClassVar, Protocol

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QWidget


class Page(Protocol):
    """What the main window asks of a page."""

    offers_new_record: ClassVar[bool]  # Ctrl+N makes a record here (else it makes a site visit)

    def page_activated(self) -> None:
        """The page was shown (navigation, a shortcut, the start)."""

    def new_record(self) -> Any:
        """Ctrl+N: start a new record of the page's kind."""

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the page's search box."""

    def apply_filter(self, filters: dict[str, Any]) -> None:
        """Show the records matching ``filters`` (the dashboard's map and figures → a list)."""

    def current_list_model(self) -> QAbstractItemModel | None:
        """The list File → Export list as CSV writes, as filtered and sorted on screen."""

    def can_close(self) -> bool:
        """False keeps the window open (unsaved work the page asked about)."""


class PageHooks:
    """The :class:`Page` hooks' do-nothing defaults; every page class inherits this before QWidget."""

    offers_new_record: ClassVar[bool] = False

    def page_activated(self) -> None:
        return None

    def new_record(self) -> Any:
        return None

    def focus_search(self) -> None:
        return None

    def apply_filter(self, filters: dict[str, Any]) -> None:
        return None

    def current_list_model(self) -> QAbstractItemModel | None:
        return None

    def can_close(self) -> bool:
        return True


def hooks(widget: QWidget) -> Page:
    """The page's hooks; a page class that does not inherit :class:`PageHooks` is a programming error."""
    if not isinstance(widget, PageHooks):
        raise TypeError(f"{type(widget).__name__} is a page but does not inherit PageHooks")
    return widget

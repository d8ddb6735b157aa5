"""Each page's name, said once: the navigation, the View menu and the page's own heading all use it.

Kept apart from ``ui/pages.py`` (which loads the page classes) so a page can name itself without
importing the list of pages.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

TITLES = {  # English source, translated in the "Navigation" context
    "dashboard": QT_TRANSLATE_NOOP("Navigation", "Dashboard"),
    "visits": QT_TRANSLATE_NOOP("Navigation", "Site visits"),
    "followups": QT_TRANSLATE_NOOP("Navigation", "Follow-ups"),
    "workstations": QT_TRANSLATE_NOOP("Navigation", "Youth workstations"),
    "support": QT_TRANSLATE_NOOP("Navigation", "Support records"),
    "proposals": QT_TRANSLATE_NOOP("Navigation", "Proposals"),
    "spaces": QT_TRANSLATE_NOOP("Navigation", "Public spaces"),
    "events": QT_TRANSLATE_NOOP("Navigation", "Center events"),
    "outcomes": QT_TRANSLATE_NOOP("Navigation", "Outcomes"),
    "youth_teams": QT_TRANSLATE_NOOP("Navigation", "Youth teams"),
    "reports": QT_TRANSLATE_NOOP("Navigation", "Reports"),
    "sync": QT_TRANSLATE_NOOP("Navigation", "Sync"),
    "backups": QT_TRANSLATE_NOOP("Navigation", "Backups"),
    "audit": QT_TRANSLATE_NOOP("Navigation", "Audit log"),
}


def page_title(key: str) -> str:
    """The page's title as the navigation shows it."""
    return QCoreApplication.translate("Navigation", TITLES[key])

"""The areas of the app shown in the navigation, in order, each created on first visit.

A page is a QWidget class built as ``Page(ctx: AppContext, parent)``. Optional methods the main
window calls when present: ``page_activated()`` (shown), ``new_record()`` (Ctrl+N),
``focus_search()`` (Ctrl+F), ``apply_filter(dict)`` (dashboard map → list).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # English source, translated in the "Navigation" context
    factory: str  # "module:Class"


PAGES: list[PageSpec] = [
    PageSpec("dashboard", QT_TRANSLATE_NOOP("Navigation", "Dashboard"), "counsel_desk.ui.dashboard.page:DashboardPage"),
    PageSpec("visits", QT_TRANSLATE_NOOP("Navigation", "Site visits"), "counsel_desk.ui.visits.list_page:VisitListPage"),
    PageSpec("followups", QT_TRANSLATE_NOOP("Navigation", "Follow-ups"),
             "counsel_desk.ui.visits.followups_page:FollowUpListPage"),
    PageSpec("workstations", QT_TRANSLATE_NOOP("Navigation", "Workstations"),
             "counsel_desk.ui.workstations.list_page:WorkstationListPage"),
    PageSpec("support", QT_TRANSLATE_NOOP("Navigation", "Support records"),
             "counsel_desk.ui.workstations.support_page:SupportListPage"),
    PageSpec("proposals", QT_TRANSLATE_NOOP("Navigation", "Proposals"), "counsel_desk.ui.proposals.page:ProposalsPage"),
    PageSpec("spaces", QT_TRANSLATE_NOOP("Navigation", "Public spaces"),
             "counsel_desk.ui.workstations.spaces_page:PublicSpaceListPage"),
    PageSpec("events", QT_TRANSLATE_NOOP("Navigation", "Center events"),
             "counsel_desk.ui.workstations.events_page:EventListPage"),
    PageSpec("reports", QT_TRANSLATE_NOOP("Navigation", "Reports"), "counsel_desk.ui.reports.page:ReportsPage"),
    PageSpec("sync", QT_TRANSLATE_NOOP("Navigation", "Sync"), "counsel_desk.ui.sync.page:SyncPage"),
    PageSpec("backups", QT_TRANSLATE_NOOP("Navigation", "Backups"), "counsel_desk.ui.safety.backups_page:BackupsPage"),
    PageSpec("audit", QT_TRANSLATE_NOOP("Navigation", "Audit log"), "counsel_desk.ui.safety.audit_page:AuditPage"),
]


def load_page_class(spec: PageSpec):
    import importlib

    module_name, class_name = spec.factory.split(":")
    return getattr(importlib.import_module(module_name), class_name)


def available_pages() -> list[PageSpec]:
    """Pages whose module is present (all of them in a complete build; tests assert so)."""
    import importlib.util

    out = []
    for spec in PAGES:
        module_name = spec.factory.split(":")[0]
        try:
            found = importlib.util.find_spec(module_name) is not None
        except ModuleNotFoundError:
            found = False
        if found:
            out.append(spec)
    return out

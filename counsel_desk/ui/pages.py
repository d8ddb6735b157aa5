"""The areas of the app shown in the navigation, in order, each created on first visit.

A page is a QWidget class built as ``Page(ctx: AppContext, parent)`` that keeps the contract of
``ui/page_contract.py``. Each :class:`PageSpec` imports its page class in a function, so a page's
module (and the data layer behind it) loads only when the page is first shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from counsel_desk.ui.context import AppContext


PageClass = Callable[["AppContext", QWidget], QWidget]


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # English source, translated in the "Navigation" context
    load: Callable[[], PageClass]  # imports the page's module and returns its class


def _dashboard() -> PageClass:
    from counsel_desk.ui.dashboard.page import DashboardPage
    return DashboardPage


def _visits() -> PageClass:
    from counsel_desk.ui.visits.list_page import VisitListPage
    return VisitListPage


def _followups() -> PageClass:
    from counsel_desk.ui.visits.followups_page import FollowUpListPage
    return FollowUpListPage


def _workstations() -> PageClass:
    from counsel_desk.ui.workstations.list_page import WorkstationListPage
    return WorkstationListPage


def _support() -> PageClass:
    from counsel_desk.ui.workstations.support_page import SupportListPage
    return SupportListPage


def _proposals() -> PageClass:
    from counsel_desk.ui.proposals.page import ProposalsPage
    return ProposalsPage


def _spaces() -> PageClass:
    from counsel_desk.ui.workstations.spaces_page import PublicSpaceListPage
    return PublicSpaceListPage


def _events() -> PageClass:
    from counsel_desk.ui.workstations.events_page import EventListPage
    return EventListPage


def _reports() -> PageClass:
    from counsel_desk.ui.reports.page import ReportsPage
    return ReportsPage


def _sync() -> PageClass:
    from counsel_desk.ui.sync.page import SyncPage
    return SyncPage


def _backups() -> PageClass:
    from counsel_desk.ui.safety.backups_page import BackupsPage
    return BackupsPage


def _audit() -> PageClass:
    from counsel_desk.ui.safety.audit_page import AuditPage
    return AuditPage


PAGES: list[PageSpec] = [
    PageSpec("dashboard", QT_TRANSLATE_NOOP("Navigation", "Dashboard"), _dashboard),
    PageSpec("visits", QT_TRANSLATE_NOOP("Navigation", "Site visits"), _visits),
    PageSpec("followups", QT_TRANSLATE_NOOP("Navigation", "Follow-ups"), _followups),
    PageSpec("workstations", QT_TRANSLATE_NOOP("Navigation", "Workstations"), _workstations),
    PageSpec("support", QT_TRANSLATE_NOOP("Navigation", "Support records"), _support),
    PageSpec("proposals", QT_TRANSLATE_NOOP("Navigation", "Proposals"), _proposals),
    PageSpec("spaces", QT_TRANSLATE_NOOP("Navigation", "Public spaces"), _spaces),
    PageSpec("events", QT_TRANSLATE_NOOP("Navigation", "Center events"), _events),
    PageSpec("reports", QT_TRANSLATE_NOOP("Navigation", "Reports"), _reports),
    PageSpec("sync", QT_TRANSLATE_NOOP("Navigation", "Sync"), _sync),
    PageSpec("backups", QT_TRANSLATE_NOOP("Navigation", "Backups"), _backups),
    PageSpec("audit", QT_TRANSLATE_NOOP("Navigation", "Audit log"), _audit),
]

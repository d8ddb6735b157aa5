"""The areas of the app shown in the navigation, in order, each created on first visit.

A page is a QWidget class built as ``Page(ctx: AppContext, parent)`` that keeps the contract of
``ui/page_contract.py``. Each :class:`PageSpec` imports its page class in a function, so a page's
module (and the data layer behind it) loads only when the page is first shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from PySide6.QtWidgets import QWidget

from counsel_desk.ui.page_titles import TITLES

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


def _outcomes() -> PageClass:
    from counsel_desk.ui.outcomes.outcomes_page import OutcomeListPage
    return OutcomeListPage


def _youth_teams() -> PageClass:
    from counsel_desk.ui.outcomes.teams_page import YouthTeamListPage
    return YouthTeamListPage


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
    PageSpec("dashboard", TITLES["dashboard"], _dashboard),
    PageSpec("visits", TITLES["visits"], _visits),
    PageSpec("followups", TITLES["followups"], _followups),
    PageSpec("workstations", TITLES["workstations"], _workstations),
    PageSpec("support", TITLES["support"], _support),
    PageSpec("proposals", TITLES["proposals"], _proposals),
    PageSpec("spaces", TITLES["spaces"], _spaces),
    PageSpec("events", TITLES["events"], _events),
    PageSpec("outcomes", TITLES["outcomes"], _outcomes),
    PageSpec("youth_teams", TITLES["youth_teams"], _youth_teams),
    PageSpec("reports", TITLES["reports"], _reports),
    PageSpec("sync", TITLES["sync"], _sync),
    PageSpec("backups", TITLES["backups"], _backups),
    PageSpec("audit", TITLES["audit"], _audit),
]

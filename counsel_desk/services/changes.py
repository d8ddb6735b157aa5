"""What a service call changed, declared by the service itself so that the UI cannot forget to say it.

A write function of the services is marked with the kinds of record it changes::

    @changes(Kind.VISITS, Kind.FOLLOWUPS)
    def delete(self, visit_id: str) -> None: …

and the UI runs it through ``AppContext.run(fn, …)``, the one place that turns those kinds into the
app's signals (``visits_changed``, …) once the call returned (Anki's ``CollectionOp`` →
``operation_did_execute`` from the op's result). Nothing here knows about Qt.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Callable, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


class Kind(StrEnum):
    """The kinds of record whose lists and figures the screens show (one AppContext signal each)."""

    VISITS = "visits"
    FOLLOWUPS = "followups"
    COUNSELORS = "counselors"
    WORKSTATIONS = "workstations"
    SUPPORT_RECORDS = "support_records"
    PUBLIC_SPACES = "public_spaces"
    EVENTS = "events"
    OUTCOMES = "outcomes"
    YOUTH_TEAMS = "youth_teams"
    PROPOSALS = "proposals"
    REPORTS = "reports"


def changes(*kinds: Kind) -> Callable[[F], F]:
    """Mark a service function (or method) as changing records of ``kinds``; it is returned as it was."""

    def mark(fn: F) -> F:
        fn.changes = frozenset(kinds)  # type: ignore[attr-defined]
        return fn

    return mark


def changed_by(fn: Callable[..., Any]) -> frozenset[Kind]:
    """The kinds ``fn`` declares it changes (a bound method answers for its function); empty when unmarked."""
    found: frozenset[Kind] = getattr(fn, "changes", frozenset())
    return found

"""The app-level context handed to every page: the database, the acting counselor, typed signals.

Pages talk to each other through these few signals (``visits_changed``, ``proposal_stage_changed``,
…) instead of reaching into the main window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Iterable, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal

from counsel_desk import errors, paths
from counsel_desk.ui import settings as options
from counsel_desk.ui.writer_wait import wait_for_writer

if TYPE_CHECKING:  # the data layer loads after the main window shows (ui/startup.py)
    from counsel_desk.services.base import ServiceContext
    from counsel_desk.services.changes import Kind
    from counsel_desk.store import Database

T = TypeVar("T")


class AppContext(QObject):
    visits_changed = Signal()
    followups_changed = Signal()
    counselors_changed = Signal()
    roster_requested = Signal()  # "check the counselor roster" (the new dashboard's first step)
    new_visit_requested = Signal()
    demo_requested = Signal()  # the roster (輔導員名單) gained, renamed or deactivated someone
    workstations_changed = Signal()
    support_records_changed = Signal()
    public_spaces_changed = Signal()
    events_changed = Signal()
    outcomes_changed = Signal()  # 成果紀錄 recorded, changed or deleted
    youth_teams_changed = Signal()  # 青年團隊, their members or links
    proposals_changed = Signal()
    proposal_stage_changed = Signal(str, str)  # proposal id, new stage
    reports_changed = Signal()
    data_imported = Signal()  # after a sync import or a restore: everything may have changed
    backup_made = Signal(str)  # path of the new backup
    filter_visits_requested = Signal(dict)  # e.g. {"township_code": "…"} from the dashboard map
    status_message = Signal(str)

    def __init__(self, db: Database, settings: QSettings, parent: QObject | None = None):
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.is_demo = paths.is_demo_db(db.path)

    @property
    def actor(self) -> str:
        name = options.USER_NAME.get(self.settings)
        if not name and self.is_demo:  # trying the demo before setting up: changes still need a name
            return QCoreApplication.translate("App", "Demo user")
        return name

    @property
    def center_code(self) -> str:
        if self.is_demo:  # the demo is one center's invented data, whichever center she works for
            return paths.DEMO_CENTER
        return options.USER_CENTER.get(self.settings)

    def services(self) -> ServiceContext:
        """A fresh ServiceContext reflecting the current user and center."""
        from counsel_desk.services.base import ServiceContext

        return ServiceContext(self.db.session_factory, self.actor, self.center_code)

    def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Call the service write ``fn`` and, once it returned, announce what it declares it changed. While
        another program writes the file, the write waits for it in sight (:mod:`counsel_desk.ui.writer_wait`).

        The one path from a save to the signals: a page never emits ``visits_changed`` & co. by hand
        (``services.changes``; a test holds ui/ to it)."""
        from counsel_desk.services.changes import changed_by

        kinds = changed_by(fn)
        if not kinds:  # a write that does not say what it changes would refresh nothing: fail where it is written
            raise TypeError(f"{getattr(fn, '__qualname__', fn)} declares no @changes(...): mark it in services/")
        self.wait_until_writable()
        result = fn(*args, **kwargs)
        self.apply(kinds)
        return result

    def wait_until_writable(self) -> None:
        """Before a write: while another program writes the file, wait for it in sight
        (:mod:`counsel_desk.ui.writer_wait`); raise the busy error when she stops waiting."""
        if not wait_for_writer(self.db):
            raise errors.busy()

    def apply(self, kinds: Iterable[Kind | str]) -> None:
        """Emit the signal of each kind of record that changed, once each, in a fixed order."""
        wanted = {str(k) for k in kinds}
        for kind, signal in self._signals().items():
            if kind in wanted:
                signal.emit()

    def _signals(self) -> dict[str, Any]:
        # keyed by services.changes.Kind's values; the order is the order lists should refresh in
        return {"visits": self.visits_changed, "followups": self.followups_changed,
                "counselors": self.counselors_changed, "workstations": self.workstations_changed,
                "support_records": self.support_records_changed, "public_spaces": self.public_spaces_changed,
                "events": self.events_changed, "outcomes": self.outcomes_changed,
                "youth_teams": self.youth_teams_changed, "proposals": self.proposals_changed,
                "reports": self.reports_changed}

    def announce_everything_changed(self) -> None:
        """After an import, a restore, an erasure or another center chosen: every list reloads."""
        self.apply(self._signals())
        self.data_imported.emit()

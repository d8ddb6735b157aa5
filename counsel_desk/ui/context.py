"""The app-level context handed to every page: the database, the acting counselor, typed signals.

Pages talk to each other through these few signals (``visits_changed``, ``proposal_stage_changed``,
…) instead of reaching into the main window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal

from counsel_desk import paths
from counsel_desk.ui import settings as options

if TYPE_CHECKING:  # the data layer loads after the main window shows (ui/startup.py)
    from counsel_desk.services.base import ServiceContext
    from counsel_desk.store import Database


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

    def announce_everything_changed(self) -> None:
        for sig in (self.visits_changed, self.followups_changed, self.workstations_changed,
                    self.support_records_changed, self.public_spaces_changed, self.events_changed,
                    self.proposals_changed, self.reports_changed, self.data_imported):
            sig.emit()

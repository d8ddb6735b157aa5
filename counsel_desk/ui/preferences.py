"""Preferences: language, the counselor's name and center, and which database opens — this computer's
file or one of the center's servers (connection profiles: add, edit, remove, choose)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox,
    QVBoxLayout, QWidget,
)

from counsel_desk.errors import UserError
from counsel_desk.models.enums import CenterCode
from counsel_desk.ui import messages
from counsel_desk.ui import settings as options
from counsel_desk.ui.widgets.fit import fit_window
from counsel_desk.ui.widgets.text import fmt
from counsel_desk.ui.context import AppContext


class PreferencesDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.restart_now = False  # she chose 「立即重新啟動」 after changing the language
        self.switch_to: object | None = None  # the database she chose to open instead (a Path or an address)
        self.setWindowTitle(self.tr("Preferences"))
        s = ctx.settings
        self.language = QComboBox()
        self.language.addItem("繁體中文（臺灣）", "zh_TW")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(1 if options.LANGUAGE.get(s).startswith("en") else 0)
        self.name = QLineEdit(ctx.actor)
        self.center = QComboBox()
        for c in CenterCode:
            self.center.addItem(c.label, c.value)  # English in the English UI
        self.center.setCurrentIndex(max(0, self.center.findData(ctx.center_code)))
        self.lock_minutes = QSpinBox()
        self.lock_minutes.setRange(0, 240)
        self.lock_minutes.setSuffix(self.tr(" min"))
        self.lock_minutes.setSpecialValueText(self.tr("Never"))
        self.lock_minutes.setValue(options.LOCK_MINUTES.get(s))
        self.lock_minutes.setToolTip(self.tr("With a passphrase, the Desk hides everything after this long "
                                             "without use and asks for the passphrase again (from the next start)."))
        self.profiles = options.SERVER_PROFILES.get(s)
        self.database = QComboBox()
        self.database.setObjectName("databaseChoice")
        self.add_profile = QPushButton(self.tr("Add server…"))
        self.add_profile.setObjectName("addServerProfile")
        self.edit_profile = QPushButton(self.tr("Edit…"))
        self.edit_profile.setObjectName("editServerProfile")
        self.remove_profile = QPushButton(self.tr("Remove"))
        self.remove_profile.setObjectName("removeServerProfile")
        self.add_profile.clicked.connect(lambda: self._edit_profile(None))
        self.edit_profile.clicked.connect(lambda: self._edit_profile(self._chosen_profile()))
        self.remove_profile.clicked.connect(self._remove_profile)
        self.database.currentIndexChanged.connect(self._update_profile_buttons)
        self._fill_databases(options.DATABASE_SERVER.get(s))
        database_row = QHBoxLayout()
        database_row.addWidget(self.database, 1)
        database_row.addWidget(self.add_profile)
        database_row.addWidget(self.edit_profile)
        database_row.addWidget(self.remove_profile)
        note = QLabel(self.tr("A new language takes effect when the window opens again: you can restart it right away."))
        note.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Your name"), self.name)
        form.addRow(self.tr("Regional center"), self.center)
        form.addRow(self.tr("Lock when idle after"), self.lock_minutes)
        form.addRow(self.tr("Database"), database_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        fit_window(self, "preferences", self.sizeHint(), settings=ctx.settings)

    # --- which database: this computer's file or a server profile ----------------------------------------------
    def _fill_databases(self, chosen: str) -> None:
        self.database.blockSignals(True)
        self.database.clear()
        self.database.addItem(self.tr("This computer's file"), "")
        for p in self.profiles:
            self.database.addItem(fmt(self.tr("Server: %1"), p.name), p.url)
        self.database.setCurrentIndex(max(0, self.database.findData(chosen)))
        self.database.blockSignals(False)
        self._update_profile_buttons()

    def _chosen_profile(self):
        url = self.database.currentData()
        return next((p for p in self.profiles if p.url == url), None)

    def _update_profile_buttons(self) -> None:
        has = self._chosen_profile() is not None
        self.edit_profile.setEnabled(has)
        self.remove_profile.setEnabled(has)

    def _edit_profile(self, profile) -> None:
        from counsel_desk.ui.server_profiles import ServerProfileDialog

        taken = {p.name for p in self.profiles if profile is None or p.name != profile.name}
        dialog = ServerProfileDialog(profile, taken, self)
        if not dialog.exec() or dialog.kept is None:
            return
        if dialog.no_keyring:
            messages.show_error(self, UserError(
                "這台電腦沒有可用的系統金鑰圈，密碼只用於這次執行、不會存下；下次開啟時請再輸入，或使用 .pgpass 檔（見 docs/server.md）。",
                "This computer has no usable keyring: the password is used for this run only and not kept; "
                "next time enter it again or use a .pgpass file (see docs/server.md)."))
        self.profiles = [dialog.kept if profile is not None and p.name == profile.name else p for p in self.profiles]
        if profile is None:
            self.profiles.append(dialog.kept)
        self._fill_databases(dialog.kept.url)

    def _remove_profile(self) -> None:
        profile = self._chosen_profile()
        if profile is None or not messages.confirm(
                self, fmt(self.tr("Remove the connection %1? The server's data is not touched."), profile.name),
                do=self.tr("Remove")):
            return
        self.profiles = [p for p in self.profiles if p.name != profile.name]
        self._fill_databases("")

    def _rename_on_roster(self, new_name: str) -> None:
        """Her roster entry follows her name (her follow-ups too); a name already there is hers already."""
        from counsel_desk.services.people.people import PeopleService
        from counsel_desk.services.people.roster import RosterService

        if self.ctx.db.read_only:
            return
        services = self.ctx.services()
        me = PeopleService(services).counselor_named(self.ctx.actor)
        if me is None or PeopleService(services).counselor_named(new_name) is not None:
            return
        try:
            entry = next(e for e in RosterService(services).entries() if e.id == me)
            self.ctx.run(RosterService(services).update, me, new_name, entry.email, entry.phone)
        except (UserError, StopIteration):
            return

    def _save(self) -> None:
        s = self.ctx.settings
        language_changed = self.language.currentData() != options.LANGUAGE.get(s)
        center_changed = self.center.currentData() != self.ctx.center_code
        options.LANGUAGE.set(s, self.language.currentData())
        new_name = self.name.text().strip()
        if new_name and new_name != self.ctx.actor:
            self._rename_on_roster(new_name)
            options.USER_NAME.set(s, new_name)
        options.USER_CENTER.set(s, self.center.currentData())
        options.LOCK_MINUTES.set(s, self.lock_minutes.value())  # from the next start
        options.SERVER_PROFILES.set(s, self.profiles)
        chosen = str(self.database.currentData() or "")
        if chosen != options.DATABASE_SERVER.get(s) or (chosen and chosen != self.ctx.db.url):
            from counsel_desk.ui.databases import own_database

            self.switch_to = chosen or own_database(s)
            if self.switch_to is None:
                options.DATABASE_SERVER.set(s, "")
        s.sync()
        self.accept()
        if language_changed:
            self.restart_now = messages.ask(
                self.parentWidget(), self.tr("The new language shows when the window opens again. Restart it now? "
                                             "Nothing is lost: unsaved changes are asked about first."),
                self.tr("Restart now"), self.tr("Later"))
        if center_changed:  # every page shows the center's data: let them all reload
            self.ctx.announce_everything_changed()

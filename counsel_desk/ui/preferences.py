"""Preferences: language, the counselor's name and center."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget,
)

from counsel_desk.models.enums import CenterCode
from counsel_desk.ui import messages
from counsel_desk.ui import settings as options
from counsel_desk.ui.widgets.fit import fit_window
from counsel_desk.ui.context import AppContext


class PreferencesDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.restart_now = False  # she chose 「立即重新啟動」 after changing the language
        self.setWindowTitle(self.tr("Preferences"))
        s = ctx.settings
        self.language = QComboBox()
        self.language.addItem("繁體中文（臺灣）", "zh_TW")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(1 if options.LANGUAGE.get(s).startswith("en") else 0)
        self.name = QLineEdit(ctx.actor)
        self.center = QComboBox()
        for c in CenterCode:
            self.center.addItem(c.zh, c.value)
        self.center.setCurrentIndex(max(0, self.center.findData(ctx.center_code)))
        self.lock_minutes = QSpinBox()
        self.lock_minutes.setRange(0, 240)
        self.lock_minutes.setSuffix(self.tr(" min"))
        self.lock_minutes.setSpecialValueText(self.tr("Never"))
        self.lock_minutes.setValue(options.LOCK_MINUTES.get(s))
        self.lock_minutes.setToolTip(self.tr("With a passphrase, the Desk hides everything after this long "
                                             "without use and asks for the passphrase again (from the next start)."))
        note = QLabel(self.tr("A new language takes effect when the window opens again: you can restart it right away."))
        note.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Your name"), self.name)
        form.addRow(self.tr("Regional center"), self.center)
        form.addRow(self.tr("Lock when idle after"), self.lock_minutes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        fit_window(self, "preferences", self.sizeHint(), settings=ctx.settings)

    def _rename_on_roster(self, new_name: str) -> None:
        """Her roster entry follows her name (her follow-ups too); a name already there is hers already."""
        from counsel_desk.errors import UserError
        from counsel_desk.services.people import PeopleService
        from counsel_desk.services.roster import RosterService

        if self.ctx.db.read_only:
            return
        services = self.ctx.services()
        me = PeopleService(services).counselor_named(self.ctx.actor)
        if me is None or PeopleService(services).counselor_named(new_name) is not None:
            return
        try:
            entry = next(e for e in RosterService(services).entries() if e.id == me)
            RosterService(services).update(me, new_name, entry.email, entry.phone)
        except (UserError, StopIteration):
            return
        self.ctx.counselors_changed.emit()
        self.ctx.followups_changed.emit()

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
        s.sync()
        self.accept()
        if language_changed:
            self.restart_now = messages.ask(
                self.parentWidget(), self.tr("The new language shows when the window opens again. Restart it now? "
                                             "Nothing is lost: unsaved changes are asked about first."),
                self.tr("Restart now"), self.tr("Later"))
        if center_changed:  # every page shows the center's data: let them all reload
            self.ctx.announce_everything_changed()

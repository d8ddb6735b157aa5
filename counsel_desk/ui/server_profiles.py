"""The center's server as a connection profile (連線設定): the form the first-run dialog and the preferences share.

Host, port, database, login and TLS mode make the address (``store/profiles.build_url``); the password
goes to the OS keyring only (``store/profiles.remember_password``) — or, on a computer without a keyring,
is used for this run and never written. 「測試連線」 connects once, off the GUI thread, and says in plain
words what it found (``store/profiles.check``).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox,
    QVBoxLayout, QWidget,
)

from counsel_desk.i18n import pick
from counsel_desk.ui.tasks import run_task
from counsel_desk.ui.widgets.fit import fit_window
from counsel_desk.ui.widgets.text import fmt
from counsel_desk.ui.messages import guarded
from counsel_desk.ui.theme import ALERT, GOOD


class ServerProfileForm(QWidget):
    """The fields of one server profile, with 「測試連線」."""

    def __init__(self, parent: QWidget | None = None, *, with_name: bool = True):
        super().__init__(parent)
        self.profile_name = QLineEdit()
        self.profile_name.setObjectName("profileName")
        self.profile_name.setPlaceholderText(self.tr("e.g. North center office"))
        self.host = QLineEdit()
        self.host.setObjectName("serverHost")
        self.host.setPlaceholderText(self.tr("e.g. db.center.example.tw or 10.0.0.5"))
        self.port = QSpinBox()
        self.port.setObjectName("serverPort")
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.port.setGroupSeparatorShown(False)
        self.database = QLineEdit("counsel")
        self.database.setObjectName("serverDatabase")
        self.login = QLineEdit()
        self.login.setObjectName("serverLogin")
        self.login.setPlaceholderText(self.tr("your own login, e.g. wang.xm"))
        self.password = QLineEdit()
        self.password.setObjectName("serverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.tls = QComboBox()
        self.tls.setObjectName("serverTls")
        for mode, label in (("prefer", self.tr("Encrypted when the server offers it")),
                            ("require", self.tr("Always encrypted")),
                            ("verify-full", self.tr("Encrypted, server certificate checked")),
                            ("disable", self.tr("Not encrypted (office network only)"))):
            self.tls.addItem(label, mode)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("testConnection")
        self.test_button.clicked.connect(self.test)
        self.result = QLabel()
        self.result.setObjectName("connectionResult")
        self.result.setWordWrap(True)
        self.last_check = None  # the last test's store.profiles.Checked

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        if with_name:
            form.addRow(self.tr("Profile name"), self.profile_name)
        else:
            self.profile_name.hide()
        form.addRow(self.tr("Server"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Database"), self.database)
        form.addRow(self.tr("Login"), self.login)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Encryption (TLS)"), self.tls)
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addStretch(1)
        form.addRow(row)
        form.addRow(self.result)
        self.setMinimumWidth(480)

    # --- values -----------------------------------------------------------------------------------------------
    def url(self) -> str:
        """The address without a password; a missing field raises UserError naming it."""
        from counsel_desk.store.profiles import build_url

        return build_url(self.host.text(), self.port.value(), self.database.text(), self.login.text(),
                         str(self.tls.currentData()))

    def profile(self):
        from counsel_desk.store.profiles import ServerProfile

        url = self.url()
        name = self.profile_name.text().strip() or f"{self.login.text().strip()}@{self.host.text().strip()}"
        return ServerProfile(name, url)

    def set_profile(self, profile) -> None:
        from counsel_desk.store import profiles

        p = profiles.parts(profile.url)
        self.profile_name.setText(profile.name)
        self.host.setText(p.host)
        self.port.setValue(p.port)
        self.database.setText(p.database)
        self.login.setText(p.login)
        self.tls.setCurrentIndex(max(0, self.tls.findData(p.tls)))
        self.password.clear()
        self.password.setPlaceholderText(self.tr("kept in the system keyring") if profiles.password(profile) else "")

    def keep_password(self, profile) -> bool:
        """The typed password: into the OS keyring, and in any case used for this run. False: no keyring here
        (she is told it will be asked again)."""
        from counsel_desk.store import profiles
        from counsel_desk.store.server import use_password

        secret = self.password.text()
        if not secret:
            return True
        use_password(profile.url, secret)
        return profiles.remember_password(profile, secret)

    # --- 測試連線 -------------------------------------------------------------------------------------------------
    def test(self) -> None:
        from counsel_desk.errors import UserError

        try:
            url = self.url()
        except UserError as exc:
            self._show(False, exc.message)
            return
        secret = self.password.text() or None
        self.test_button.setEnabled(False)
        self.result.setText(self.tr("Connecting…"))

        def work(_progress):
            from counsel_desk.store import profiles

            return profiles.check(url, secret)

        def done(checked) -> None:
            self.test_button.setEnabled(True)
            self.last_check = checked
            self._show(checked.ok, pick(checked.zh, checked.en))

        def failed(exc: BaseException) -> None:
            self.test_button.setEnabled(True)
            self._show(False, str(exc))

        run_task(work, on_done=done, on_error=failed, parent=self)

    def _show(self, ok: bool, text: str) -> None:
        self.result.setProperty("role", "fieldOk" if ok else "fieldError")
        self.result.setStyleSheet(f"color: {GOOD};" if ok else f"color: {ALERT};")
        self.result.setText(text)


class ServerProfileDialog(QDialog):
    """Preferences → 新增／編輯連線設定: one profile, tested before it is kept."""

    def __init__(self, profile=None, taken: set[str] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connection to the center's server"))
        self._taken = taken or set()
        self.form = ServerProfileForm(self)
        if profile is not None:
            self.form.set_profile(profile)
        self.error = QLabel()
        self.error.setProperty("role", "fieldError")
        self.error.setWordWrap(True)
        self.no_keyring = False
        self.kept = None
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        fit_window(self, "server_profile", (560, 380))

    def _save(self) -> None:

        with guarded(self, into=self.error) as done:
            profile = self.form.profile()
        if not done:
            return
        if profile.name in self._taken:
            self.error.setText(fmt(self.tr("A connection named %1 exists already: choose another name."), profile.name))
            self.form.profile_name.setFocus()
            return
        self.no_keyring = not self.form.keep_password(profile)
        self.kept = profile
        self.accept()

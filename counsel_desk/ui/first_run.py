"""First run: which center, who is using the laptop, where the data lives — or the demo database.

Where the data lives: 「這台電腦的檔案」 (a database file in a folder) or 「中心的伺服器」 (a connection profile:
server, port, database, login, TLS; the password into the OS keyring, never the settings file).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QRadioButton, QVBoxLayout, QWidget,
)

from counsel_desk import paths
from counsel_desk.models.enums import CenterCode
from counsel_desk.ui import settings as options
from counsel_desk.ui.server_profiles import ServerProfileForm
from counsel_desk.ui.widgets.fit import fit_window, keep_on_screen
from counsel_desk.ui.messages import guarded


class FirstRunDialog(QDialog):
    ANOTHER_LANGUAGE = 2  # exec()'s result when she chose another language: the dialog is made again in it

    def __init__(self, settings: QSettings, parent: QWidget | None = None, *, ask_language: bool = False,
                 typed: dict[str, str] | None = None):
        """``ask_language``: the very first start, where an English-speaking user chooses before anything else;
        ``typed``: what she had entered when the dialog was made again in the language she chose."""
        super().__init__(parent)
        self.settings = settings
        self._demo = False
        self._server_url: str | None = None
        self.setWindowTitle(self.tr("Welcome to the Regional Revitalization Desk"))
        self.language = QComboBox()
        self.language.setObjectName("firstRunLanguage")
        self.language.addItem("繁體中文（臺灣）", "zh_TW")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if self._zh() else 1)
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.intro = intro = QLabel(self.tr("Tell us which center you work for and who you are. "
                                            "Everything stays on this laptop until you export it."))
        intro.setWordWrap(True)

        self.center = QComboBox()
        for c in CenterCode:
            self.center.addItem(c.zh if self._zh() else c.en, c.value)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Lin Yi-chun"))
        self.folder = QLineEdit(str(paths.data_dir()))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.error = QLabel()
        self.error.setProperty("role", "fieldError")
        self.error.setWordWrap(True)

        self.on_file = QRadioButton(self.tr("This computer's file"))
        self.on_file.setObjectName("whereFile")
        self.on_server = QRadioButton(self.tr("The center's server"))
        self.on_server.setObjectName("whereServer")
        self.on_file.setChecked(True)
        where = QButtonGroup(self)
        where.addButton(self.on_file)
        where.addButton(self.on_server)
        self.where_row = QWidget()
        where_row = QHBoxLayout(self.where_row)
        where_row.setContentsMargins(0, 0, 0, 0)
        where_row.addWidget(self.on_file)
        where_row.addWidget(self.on_server)
        where_row.addStretch(1)
        self.folder_host = QWidget()
        self.folder_host.setLayout(folder_row)
        folder_row.setContentsMargins(0, 0, 0, 0)
        self.server = ServerProfileForm(with_name=False)
        self.server.setVisible(False)
        self.on_server.toggled.connect(self._where_changed)

        form = QFormLayout()
        if ask_language:
            form.addRow("語言／Language", self.language)  # in both: whoever reads it finds her own
        else:
            self.language.setVisible(False)
        form.addRow(self.tr("Regional center"), self.center)
        form.addRow(self.tr("Your name"), self.name)
        form.addRow(self.tr("Your data"), self.where_row)
        self.folder_label = QLabel(self.tr("Data folder"))
        form.addRow(self.folder_label, self.folder_host)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start"))
        self.demo_button = buttons.addButton(self.tr("Open the demo database"), QDialogButtonBox.ButtonRole.ActionRole)
        self.demo_button.clicked.connect(self._choose_demo)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.server)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        for key, value in (typed or {}).items():
            if key == "center":
                self.center.setCurrentIndex(max(0, self.center.findData(value)))
            elif key in ("name", "folder"):
                getattr(self, key).setText(value)
        fit_window(self, "firstRun", self.sizeHint(), settings=self.settings)
        if typed is not None:  # made again in her language: on to her name
            self.name.setFocus()

    def typed(self) -> dict[str, str]:
        """What she has entered, for the dialog made again in another language."""
        return {"center": self.center.currentData(), "name": self.name.text(), "folder": self.folder.text()}

    def _language_chosen(self) -> None:
        options.LANGUAGE.set(self.settings, self.language.currentData())
        self.done(self.ANOTHER_LANGUAGE)

    def _zh(self) -> bool:
        return self.tr("Regional center") != "Regional center"

    def offer_server(self, offered: bool) -> None:
        """New database…: only a file can be made here (a server's tables are made by its IT person)."""
        self.where_row.setVisible(offered)
        if not offered:
            self.on_file.setChecked(True)

    def _where_changed(self, server: bool) -> None:
        self.intro.setText(self.tr("Tell us which center you work for and who you are, and how to reach the center's "
                                   "server: your center's IT person gives you the address and your login.")
                           if server else self.tr("Tell us which center you work for and who you are. "
                                                  "Everything stays on this laptop until you export it."))
        self.server.setVisible(server)
        self.folder_host.setVisible(not server)
        self.folder_label.setVisible(not server)
        self.adjustSize()
        keep_on_screen(self)  # the longer form still wholly on the screen

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Data folder"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def _choose_demo(self) -> None:
        """Look around first: the demo opens without setting anything up (her name only if she gave it)."""
        self._demo = True
        if self.name.text().strip():
            options.USER_CENTER.set(self.settings, self.center.currentData())
            options.USER_NAME.set(self.settings, self.name.text().strip())
        self.accept()

    def _accept(self) -> None:
        if not self.name.text().strip():
            self.error.setText(self.tr("Please enter your name: it is recorded with every change you make."))
            self.name.setFocus()
            return
        if self.on_server.isChecked() and not self._keep_server():
            return
        options.USER_CENTER.set(self.settings, self.center.currentData())
        options.USER_NAME.set(self.settings, self.name.text().strip())
        self.accept()

    def _keep_server(self) -> bool:
        """The server's profile kept (address in the settings, password in the keyring) and chosen for start."""
        from counsel_desk.errors import UserError
        from counsel_desk.ui import messages

        with guarded(self, into=self.error) as done:
            profile = self.server.profile()
        if not done:
            return False
        if not self.server.keep_password(profile):
            messages.show_error(self, UserError(
                "這台電腦沒有可用的系統金鑰圈，密碼只用於這次執行、不會存下；下次開啟時請再輸入，或使用 .pgpass 檔（見 docs/server.md）。",
                "This computer has no usable keyring: the password is used for this run only and not kept; "
                "next time enter it again or use a .pgpass file (see docs/server.md)."),
                title=self.tr("Password not kept"))
        known = [p for p in options.SERVER_PROFILES.get(self.settings) if p.name != profile.name]
        options.SERVER_PROFILES.set(self.settings, [*known, profile])
        options.DATABASE_SERVER.set(self.settings, profile.url)
        self._server_url = profile.url
        return True

    def wants_demo(self) -> bool:
        return self._demo

    def database_path(self) -> Path | str:
        """The file to open, or the server database's address (``postgresql://…``, no password)."""
        if self._demo:
            return paths.demo_db_path()
        if self._server_url is not None:
            return self._server_url
        return Path(self.folder.text()).expanduser() / "counsel_desk.db"

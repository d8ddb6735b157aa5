"""First run: which center, who is using the laptop, where the data lives — or the demo database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QVBoxLayout, QWidget,
)

from counsel_desk import paths
from counsel_desk.models.enums import CenterCode
from counsel_desk.ui import settings as options
from counsel_desk.ui.widgets.fit import fit_window


class FirstRunDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self._demo = False
        self.setWindowTitle(self.tr("Welcome to the Regional Revitalization Desk"))
        intro = QLabel(self.tr("Tell us which center you work for and who you are. "
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

        form = QFormLayout()
        form.addRow(self.tr("Regional center"), self.center)
        form.addRow(self.tr("Your name"), self.name)
        form.addRow(self.tr("Data folder"), folder_row)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start"))
        self.demo_button = buttons.addButton(self.tr("Open the demo database"), QDialogButtonBox.ButtonRole.ActionRole)
        self.demo_button.clicked.connect(self._choose_demo)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        fit_window(self, "firstRun", self.sizeHint(), settings=self.settings)

    def _zh(self) -> bool:
        return self.tr("Regional center") != "Regional center"

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
        options.USER_CENTER.set(self.settings, self.center.currentData())
        options.USER_NAME.set(self.settings, self.name.text().strip())
        self.accept()

    def wants_demo(self) -> bool:
        return self._demo

    def database_path(self) -> Path:
        if self._demo:
            return paths.demo_db_path()
        return Path(self.folder.text()).expanduser() / "counsel_desk.db"

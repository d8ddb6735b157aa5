"""Dialogs for the database key: unlock, choose a passphrase, and the recovery key shown once.

:func:`install_prompts` registers :class:`UnlockDialog` and :class:`NewPassphraseDialog` with
:mod:`counsel_desk.store.keys`, so an encrypted database with no key on this computer asks for its
passphrase (or recovery key), and a new database on a computer without a keyring asks for a
passphrase rather than keeping its key in a file. :func:`show_recovery_key_once` shows the recovery
key of a database just created (as BitLocker does): print it, copy it, and say it has been kept.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from counsel_desk.store import keys
from counsel_desk.store.keys import DatabaseKey
from counsel_desk.ui.widgets.text import fmt
from counsel_desk.ui.messages import guarded


class UnlockDialog(QDialog):
    """Ask for the passphrase or recovery key of an encrypted database."""

    def __init__(self, path: Path, retry: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("unlockDialog")
        self.setWindowTitle(self.tr("Encrypted database"))
        text = QLabel(fmt(self.tr("The database %1 is encrypted. Enter its passphrase, or the recovery key you "
                              "printed when it was set up."), str(path)))
        text.setWordWrap(True)
        self.error = QLabel(self.tr("That passphrase or recovery key does not open it. Try again.") if retry else "")
        self.error.setProperty("role", "fieldError")
        self.error.setVisible(retry)
        self.secret = QLineEdit()
        self.secret.setObjectName("passphrase")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Open"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.secret)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, path: Path, retry: bool) -> str | None:
        dialog = cls(path, retry)
        return dialog.secret.text() if dialog.exec() == QDialog.DialogCode.Accepted else None


class NewPassphraseDialog(QDialog):
    """Choose a passphrase for a new database (typed twice; at least 8 characters)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("newPassphraseDialog")
        self.setWindowTitle(self.tr("Protect the data with a passphrase"))
        text = QLabel(self.tr("The data on this laptop is encrypted. This computer has no system keyring to keep "
                              "the key, so choose a passphrase: the Desk asks for it when it starts and after "
                              "it has been left alone. If you forget it, only the recovery key opens the data."))
        text.setWordWrap(True)
        self.first = QLineEdit()
        self.second = QLineEdit()
        for w in (self.first, self.second):
            w.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setProperty("role", "fieldError")
        form = QFormLayout()
        form.addRow(self.tr("Passphrase"), self.first)
        form.addRow(self.tr("Again"), self.second)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        with guarded(self, into=self.error) as done:
            keys.check_new_passphrase(self.first.text())
        if not done:
            return
        if self.first.text() != self.second.text():
            self.error.setText(self.tr("The two passphrases differ."))
            return
        self.accept()

    @classmethod
    def ask(cls) -> str | None:
        dialog = cls()
        return dialog.first.text() if dialog.exec() == QDialog.DialogCode.Accepted else None


class RecoveryKeyDialog(QDialog):
    """The recovery key, shown once: it can be printed or copied, and closes once it has been kept."""

    def __init__(self, key: DatabaseKey, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("recoveryKeyDialog")
        self.setWindowTitle(self.tr("Your recovery key"))
        self.path = path
        self.recovery_key = key.recovery_key
        intro = QLabel(self.tr("The data of this laptop is encrypted. If the passphrase is forgotten or this "
                               "computer's user account is lost, only this recovery key opens it. Print it or write it down "
                               "and keep it away from the laptop. It is shown only this once."))
        intro.setWordWrap(True)
        self.key_label = QLabel(self._two_lines(self.recovery_key))
        self.key_label.setObjectName("recoveryKey")
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSize(mono.pointSize() + 4)
        self.key_label.setFont(mono)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self.print_key)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.recovery_key))
        self.kept = QCheckBox(self.tr("I have printed or written down the recovery key"))
        self.kept.setObjectName("recoveryKeyKept")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setEnabled(False)
        self.kept.toggled.connect(self.close_button.setEnabled)
        buttons.rejected.connect(self._close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.key_label)
        layout.addWidget(self.kept)
        layout.addWidget(buttons)

    @staticmethod
    def _two_lines(text: str) -> str:
        groups = text.split("-")
        return "  ".join(groups[:4]) + "\n" + "  ".join(groups[4:])

    def _close(self) -> None:
        if self.kept.isChecked():
            self.accept()

    def reject(self) -> None:  # Esc or the window's close button: only once the key has been kept
        self._close()

    def document(self) -> QTextDocument:
        doc = QTextDocument()
        title = self.tr("Regional Revitalization Desk recovery key")
        where = fmt(self.tr("Database: %1"), str(self.path))
        doc.setHtml(f"<h2>{title}</h2><p>{where}</p><p style='font-family: monospace; font-size: 16pt'>"
                    f"{self._two_lines(self.recovery_key).replace(chr(10), '<br>')}</p>")
        return doc

    def print_key(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            self.document().print_(printer)


def install_prompts() -> None:
    """From now on, a key this computer doesn't have is asked for in a dialog."""
    keys.set_prompt(UnlockDialog.ask, NewPassphraseDialog.ask)


def show_recovery_key_once(database, parent: QWidget | None = None) -> None:
    """After set-up: the recovery key of a database this start created, shown this once — not again when the
    window is built anew on the same database (a new language, 立即重新啟動)."""
    if getattr(database, "created", False) and getattr(database, "key", None) is not None \
            and not database.recovery_key_shown:
        database.recovery_key_shown = True
        RecoveryKeyDialog(database.key, database.path, parent).exec()

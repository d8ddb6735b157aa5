"""At start: a damaged database is moved to quarantine and the newest good backup offered.

:func:`prepare_database_at_start` runs before the database is opened. For a healthy, missing,
newer or foreign file it does nothing (``open_database`` opens, creates or refuses those with
its own clear words). A damaged file is moved aside — never deleted — and :class:`RecoveryDialog`
says what happened and offers: restore the newest backup that passes its check, start with an
empty database, or quit.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from counsel_desk.i18n import pick
from counsel_desk.services.safety import backup
from counsel_desk.services.safety.backup import BackupInfo
from counsel_desk.services.formatting import file_size
from counsel_desk.store.recovery import StartupCheck, check_at_start, quarantine
from counsel_desk.ui.safety.backups_page import when_text
from counsel_desk.ui.widgets.fit import fit_window
from counsel_desk.ui.widgets.text import fmt
from counsel_desk.ui.widgets.fields import heading

log = logging.getLogger(__name__)

QUIT, RESTORE, EMPTY = 0, 1, 2


class RecoveryDialog(QDialog):
    def __init__(self, check: StartupCheck, quarantined: Path, offer: BackupInfo | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setWindowTitle(self.tr("The database is damaged"))
        self.choice = QUIT
        self.offer = offer

        what = heading(fmt(self.tr("The database file %1 is damaged and can't be opened (%2)."), str(check.path),
                           check.detail), wrap=True)
        kept = QLabel(fmt(self.tr("Nothing was deleted: the damaged file was moved to %1, where a specialist can still "
                              "rescue what the last backup lacks."), str(quarantined)))
        kept.setWordWrap(True)
        kept.setObjectName("quarantineNote")
        if offer is not None:
            offer_text = fmt(self.tr("The newest good backup is from %1 (%2, %3). Work done after it is not in it."),
                             when_text(offer), pick(*backup.reason_label(offer.reason)), file_size(offer.size))
        else:
            offer_text = self.tr("There is no backup that passes its check. You can start with an empty database.")
        offer_label = QLabel(offer_text)
        offer_label.setWordWrap(True)
        offer_label.setObjectName("offerText")

        self.restore_button = QPushButton(self.tr("Restore this backup"))
        self.restore_button.setObjectName("restoreOffered")
        self.restore_button.setVisible(offer is not None)
        self.empty_button = QPushButton(self.tr("Start with an empty database"))
        self.empty_button.setObjectName("startEmpty")
        self.quit_button = QPushButton(self.tr("Quit"))
        self.quit_button.setObjectName("quitRecovery")
        (self.restore_button if offer is not None else self.empty_button).setDefault(True)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.empty_button)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addWidget(kept)
        layout.addWidget(offer_label)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)

        self.restore_button.clicked.connect(lambda: self._choose(RESTORE))
        self.empty_button.clicked.connect(lambda: self._choose(EMPTY))
        self.quit_button.clicked.connect(lambda: self._choose(QUIT))
        fit_window(self, "recoveryDialog", self.sizeHint())

    def _choose(self, choice: int) -> None:
        self.choice = choice
        if choice == QUIT:
            self.reject()
        else:
            self.accept()


def prepare_database_at_start(path: Path, parent: QWidget | None = None, actor: str = "") -> bool:
    """Make ``path`` ready to open; False when the person chose to quit."""
    check = check_at_start(path)
    if not check.damaged:
        return True
    folder = quarantine(path)
    log.warning("damaged database %s moved to %s (%s)", path, folder, check.detail)
    offer = backup.newest_good_backup(path)
    dialog = RecoveryDialog(check, folder, offer, parent)
    dialog.exec()
    if dialog.choice == RESTORE and offer is not None:
        backup.recover(path, offer.path, actor=actor, quarantined=folder).close()
        return True
    return dialog.choice == EMPTY

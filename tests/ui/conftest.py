"""What every UI test shares: no message box may block it, and one way to type text (Chinese too).

``message_boxes`` is on for every test here: a QMessageBox shown (``exec()`` or the static
``question``/``warning``/``critical``/``information``) is recorded and, unless the test queued an
answer (``message_boxes.answers.append(...)``), set the answer to every question (``questions``)
or a ``default``, fails the test instead of waiting forever for a click nobody makes offscreen.

``key_dialogs`` is on too: the recovery key a new encrypted database shows once (the encrypted run,
``make test-encrypted``, creates them on the first-run walk) is recorded and taken as kept, and a
prompt for a passphrase this process doesn't have fails the test instead of waiting for it.

``type_text`` types as a Chinese input method does: the composed text arrives as one commit
(``QTest.keyClicks`` knows only Latin-1 keys and aborts Qt on 關).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

Button = QMessageBox.StandardButton


@dataclass
class MessageBoxes:
    shown: list[str] = field(default_factory=list)  # the text of every box, in order
    answers: list[Button] = field(default_factory=list)  # given to the next boxes, first first
    questions: Button | None = None  # the answer to every QMessageBox.question once ``answers`` is empty
    default: Button | None = None  # the answer to any other box; None: it fails the test

    def answer(self, text: str, *, question: bool = False) -> Button:
        self.shown.append(text)
        if self.answers:
            return self.answers.pop(0)
        if question and self.questions is not None:
            return self.questions
        if self.default is not None:
            return self.default
        raise AssertionError(f"unexpected message box: {text}")


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch) -> MessageBoxes:
    boxes = MessageBoxes()

    def static(_parent: QWidget | None, _title: str, text: str, *_a: Any, **_k: Any) -> Button:
        return boxes.answer(text)

    def question(_parent: QWidget | None, _title: str, text: str, *_a: Any, **_k: Any) -> Button:
        return boxes.answer(text, question=True)

    monkeypatch.setattr(QMessageBox, "exec",  # messages.ask/confirm: a question box with verbs on its buttons
                        lambda box: boxes.answer(box.text(), question=box.icon() == QMessageBox.Icon.Question))
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(static))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return boxes


@dataclass
class KeyDialogs:
    recovery_keys: list[str] = field(default_factory=list)  # every recovery key shown, in order


@pytest.fixture(autouse=True)
def key_dialogs(monkeypatch) -> KeyDialogs:
    from counsel_desk.ui.safety.key_dialogs import NewPassphraseDialog, RecoveryKeyDialog, UnlockDialog

    shown = KeyDialogs()

    def kept(dialog: RecoveryKeyDialog) -> int:
        shown.recovery_keys.append(dialog.recovery_key)
        dialog.kept.setChecked(True)  # what she ticks once it is printed
        dialog.close_button.click()
        return int(dialog.result())

    def no_prompt(*args: Any) -> None:
        raise AssertionError(f"unexpected passphrase prompt {args}")

    monkeypatch.setattr(RecoveryKeyDialog, "exec", kept)
    monkeypatch.setattr(UnlockDialog, "ask", staticmethod(no_prompt))
    monkeypatch.setattr(NewPassphraseDialog, "ask", staticmethod(no_prompt))
    return shown


def type_text(widget: QWidget, text: str, *, replace: bool = False) -> None:
    """Type ``text`` into ``widget`` as an input method commits it; ``replace`` selects what is there first."""
    target = widget.lineEdit() if hasattr(widget, "lineEdit") and widget.lineEdit() is not None else widget
    target.setFocus()
    if replace and hasattr(target, "selectAll"):
        target.selectAll()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(target, event)


# --- another program writing the database (ui/writer_wait.py) ---------------------------------------------
def hold_write_lock(db):
    """A real second connection holding the file's write lock, as a long import in another window does."""
    from counsel_desk.store import driver

    holder = driver.connect(db.path, check_same_thread=False)
    holder.isolation_level = None
    holder.execute("BEGIN IMMEDIATE")
    return holder


def release(holder) -> None:
    holder.execute("ROLLBACK")
    holder.close()


def waiting_dialogs() -> list:
    """The windows a save shows while it waits for another program's write."""
    from PySide6.QtWidgets import QProgressDialog

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]


def stop_waiting_soon(seen: list[tuple[str, str]], after_ms: int = 1200, tries: int = 30) -> None:
    """Press 「不等了」 on the wait's window once it shows (looked for again until it does), noting its text and
    the button's into ``seen``."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QPushButton

    def stop(left: int) -> None:
        shown = waiting_dialogs()
        if not shown and left:  # not shown yet: look again shortly
            QTimer.singleShot(100, lambda: stop(left - 1))
        for dialog in shown:
            button = dialog.findChild(QPushButton)
            seen.append((dialog.labelText(), button.text()))
            button.click()

    QTimer.singleShot(after_ms, lambda: stop(tries))


def make_active(qtbot, window) -> None:
    """Shown and active, as the window she works in is (a wait's window opens over the active one)."""
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

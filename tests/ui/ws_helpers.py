"""Helpers shared by the workstation-area UI tests: typing (Chinese too), clicking, choosing, no blocking boxes.

``QTest.keyClicks`` only knows ASCII keys (it asserts on 關), so text is typed as key events that
carry the characters, the way an input method delivers them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox


def type_text(widget, text: str, *, replace: bool = False) -> None:
    if replace:
        if hasattr(widget, "selectAll"):
            widget.selectAll()
        elif hasattr(widget, "lineEdit"):
            widget.lineEdit().selectAll()
    widget.setFocus()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def choose(combo, label: str) -> None:
    i = combo.findText(label)
    assert i >= 0, f"{label} not offered"
    combo.setCurrentIndex(i)


def forbid_message_boxes(monkeypatch) -> None:
    """A message box would block the test: fail loudly instead, and answer Yes to questions."""
    def unexpected(box, *a, **k):
        raise AssertionError(f"unexpected message box: {box.text()}")

    monkeypatch.setattr(QMessageBox, "exec", unexpected)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)

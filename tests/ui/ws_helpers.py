"""Helpers shared by the workstation-area UI tests: clicking and choosing (typing: tests/ui/conftest.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def choose(combo, label: str) -> None:
    i = combo.findText(label)
    assert i >= 0, f"{label} not offered"
    combo.setCurrentIndex(i)

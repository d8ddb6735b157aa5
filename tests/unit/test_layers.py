"""Layers point down: no module below ui/ imports QtWidgets or QtGui (checked with no QApplication)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import counsel_desk

BELOW_UI = ("models", "store", "services", "reports", "sync", "i18n", "cli", "errors", "paths")


def non_ui_modules() -> list[str]:
    out = []
    for info in pkgutil.walk_packages(counsel_desk.__path__, "counsel_desk."):
        name = info.name
        parts = name.split(".")
        if len(parts) > 1 and parts[1] in BELOW_UI and "migrations" not in parts:
            out.append(name)
    return sorted(out)


def test_there_are_modules_to_check():
    mods = non_ui_modules()
    assert "counsel_desk.store.database" in mods and "counsel_desk.models.visits" in mods


def test_no_qt_gui_below_ui():
    code = (
        "import importlib, sys\n"
        f"mods = {non_ui_modules()!r}\n"
        "bad = []\n"
        "for m in mods:\n"
        "    importlib.import_module(m)\n"
        "leaked = [k for k in sys.modules if k.startswith(('PySide6.QtWidgets', 'PySide6.QtGui'))]\n"
        "print('LEAKED', leaked)\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "assert QCoreApplication.instance() is None\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "LEAKED []" in proc.stdout, proc.stdout

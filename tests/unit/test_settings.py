"""Settings are declared once (ui/settings.py): typed, with their defaults, and no key spelled anywhere else."""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

import counsel_desk
from counsel_desk.ui import settings as options

PACKAGE = Path(counsel_desk.__file__).parent


def test_every_key_is_declared_once():
    keys = [o.key for o in options.OPTIONS]
    assert len(keys) == len(set(keys))
    assert {o.key for o in vars(options).values() if hasattr(o, "key") and hasattr(o, "get")} == set(keys)


def _looks_like_a_settings_key(key: str) -> bool:
    """Settings keys are grouped ("user/name"); the one plain key ("language") is declared. Other
    ``value("jobs")`` calls (an outcome total, a dict-like record) are not settings."""
    return "/" in key or key in {o.key for o in options.OPTIONS}


def test_no_settings_key_is_spelled_outside_the_declarations():
    spelled = []
    for path in PACKAGE.rglob("*.py"):
        if path == PACKAGE / "ui" / "settings.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("value", "setValue", "remove", "contains") and node.args
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
                    and _looks_like_a_settings_key(node.args[0].value)):
                spelled.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.args[0].value}")
    assert spelled == [], "declare the setting in ui/settings.py and use it from there:\n" + "\n".join(spelled)


def test_defaults_types_and_round_trips(tmp_path):
    s = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert options.USER_CENTER.get(s) == options.DEFAULT_CENTER == "north"
    assert options.USER_NAME.get(s) == "" and options.LANGUAGE.get(s) == "zh_TW"
    assert options.DATABASE_PATH.get(s) is None and options.WINDOW_GEOMETRY.get(s) is None
    options.USER_CENTER.set(s, "east")
    options.DATABASE_PATH.set(s, tmp_path / "中心.db")
    options.WINDOW_STATE.set(s, QByteArray(b"\x00\x01state"))
    s.sync()
    again = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert options.USER_CENTER.get(again) == "east"
    assert options.DATABASE_PATH.get(again) == tmp_path / "中心.db"
    assert options.WINDOW_STATE.get(again) == QByteArray(b"\x00\x01state")
    options.USER_CENTER.set(again, "")  # cleared: the default again, never an empty center
    assert options.USER_CENTER.get(again) == "north"

"""Language of the app's words outside Qt (CLI, services, reports).

Qt widgets translate through ``tr()`` and the ``.qm`` catalogues in ``resources/i18n``; code below
``ui/`` has no Qt, so its user-facing messages carry both languages and :func:`pick` chooses.
The language is zh_TW unless the user chose English in preferences (or ``COUNSEL_DESK_LANG=en``).
"""

from __future__ import annotations

import configparser
import os

from counsel_desk import paths

_language: str | None = None


def current_language() -> str:
    """``zh_TW`` (default) or ``en``."""
    global _language
    if _language is None:
        _language = _read_language()
    return _language


def set_language(lang: str) -> None:
    global _language
    _language = "en" if lang.lower().startswith("en") else "zh_TW"


def _read_language() -> str:
    env = os.environ.get("COUNSEL_DESK_LANG")
    if env:
        return "en" if env.lower().startswith("en") else "zh_TW"
    ini = paths.settings_file()
    if ini.exists():
        cp = configparser.ConfigParser()
        try:
            cp.read(ini, encoding="utf-8")
            value = cp.get("General", "language", fallback="zh_TW")
        except (configparser.Error, UnicodeDecodeError):
            value = "zh_TW"
        return "en" if value.lower().startswith("en") else "zh_TW"
    return "zh_TW"


def pick(zh: str, en: str) -> str:
    return en if current_language() == "en" else zh

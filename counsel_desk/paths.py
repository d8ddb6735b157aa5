"""Where the database, backups, attachments, logs and exports live.

Defaults come from platformdirs; ``COUNSEL_DESK_HOME`` moves everything under one folder (tests,
portable use) and ``--db PATH`` / ``COUNSEL_DESK_DB`` choose the database file. Attachments and
backups live beside the database they belong to.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import PlatformDirs

APP = "counsel_desk"
_dirs = PlatformDirs(APP, appauthor=False)


def _home() -> Path | None:
    home = os.environ.get("COUNSEL_DESK_HOME")
    return Path(home).expanduser() if home else None


def data_dir() -> Path:
    home = _home()
    return (home / "data") if home else Path(_dirs.user_data_dir)


def config_dir() -> Path:
    home = _home()
    return (home / "config") if home else Path(_dirs.user_config_dir)


def settings_file() -> Path:
    """The QSettings ini file (window state, language, first-run answers)."""
    return config_dir() / "counsel_desk.ini"


def default_db_path() -> Path:
    env = os.environ.get("COUNSEL_DESK_DB")
    if env:
        return Path(env).expanduser()
    return data_dir() / "counsel_desk.db"


def demo_db_path() -> Path:
    return data_dir() / "demo.db"


DEMO_CENTER = "north"  # the center the demo database is generated for


SERVER_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def is_server_target(target: object) -> bool:
    """Whether ``target`` names a server database (``postgresql://…``, store/server.py) rather than a file."""
    return isinstance(target, str) and target.strip().lower().startswith(SERVER_SCHEMES)


def is_demo_db(path: Path | str) -> bool:
    """Whether ``path`` is the demo database (示範資料): invented people, never her own data."""
    if is_server_target(path):
        return False
    try:
        return Path(path).resolve() == demo_db_path().resolve()
    except OSError:
        return False


def attachments_dir(db_path: Path) -> Path:
    """Attachment files, stored by SHA-256, beside the database they belong to."""
    return db_path.parent / f"{db_path.stem}-attachments"


def drafts_dir(db_path: Path) -> Path:
    """Autosaved drafts of open editors, beside the database they belong to."""
    return db_path.parent / f"{db_path.stem}-drafts"


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / f"{db_path.stem}-backups"


def resources_dir() -> Path:
    """``resources/`` of a source checkout, or the bundled copy in a frozen app."""
    import sys

    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"

"""Every setting the app keeps, declared once with its type and default (as Picard's config declares options).

Settings live in the QSettings ini file (``paths.settings_file()``); nothing else invents a key.
Code imports this module as ``options`` and reads ``options.USER_CENTER.get(settings)``, writes
``options.USER_CENTER.set(settings, "east")``: a key's spelling, type and default are written here only
(tests/unit/test_settings.py holds it so).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

if TYPE_CHECKING:  # the data layer (SQLAlchemy) loads after the window shows: read the profiles lazily
    from counsel_desk.store.profiles import ServerProfile

DEFAULT_CENTER = "north"  # 北區: the center a new installation starts with until she chooses hers


@dataclass(frozen=True)
class TextOption:
    key: str
    default: str = ""

    def get(self, settings: QSettings) -> str:
        value = settings.value(self.key, self.default)
        return str(value) if value not in (None, "") else self.default

    def set(self, settings: QSettings, value: str) -> None:
        settings.setValue(self.key, value)

    def is_set(self, settings: QSettings) -> bool:
        return bool(settings.value(self.key))


@dataclass(frozen=True)
class PathOption:
    """A file or folder remembered between runs; ``None`` until one is."""

    key: str

    def get(self, settings: QSettings) -> Path | None:
        value = settings.value(self.key)
        return Path(str(value)) if value else None

    def set(self, settings: QSettings, value: Path | str) -> None:
        settings.setValue(self.key, str(value))


@dataclass(frozen=True)
class BytesOption:
    """Qt's own saved state (window geometry and docks); ``None`` until saved."""

    key: str

    def get(self, settings: QSettings) -> QByteArray | None:
        value = settings.value(self.key)
        return value if isinstance(value, QByteArray) else None

    def set(self, settings: QSettings, value: QByteArray) -> None:
        settings.setValue(self.key, value)


@dataclass(frozen=True)
class IntOption:
    key: str
    default: int = 0

    def get(self, settings: QSettings) -> int:
        try:
            return int(settings.value(self.key, self.default))
        except (TypeError, ValueError):
            return self.default

    def set(self, settings: QSettings, value: int) -> None:
        settings.setValue(self.key, int(value))


@dataclass(frozen=True)
class ProfilesOption:
    """The center's server databases this computer knows (store/profiles.py); never a password."""

    key: str

    def get(self, settings: QSettings) -> list[ServerProfile]:
        from counsel_desk.store import profiles

        return profiles.decode(str(settings.value(self.key) or ""))

    def set(self, settings: QSettings, value: list[ServerProfile]) -> None:
        from counsel_desk.store import profiles

        settings.setValue(self.key, profiles.encode(value))


LANGUAGE = TextOption("language", "zh_TW")  # "zh_TW" or "en" (COUNSEL_DESK_LANG overrides it)
USER_NAME = TextOption("user/name")  # who is using the app: stamped on every change (updated_by)
USER_CENTER = TextOption("user/center", DEFAULT_CENTER)  # her center's code (CenterCode)
DATABASE_PATH = PathOption("database/path")  # the database opened at start
SERVER_PROFILES = ProfilesOption("database/server_profiles")  # connection profiles: name + address, no password
# the server database opened at start: a profile's address (no password); empty: the file above
DATABASE_SERVER = TextOption("database/server")
WINDOW_GEOMETRY = BytesOption("window/geometry")
WINDOW_STATE = BytesOption("window/state")
WINDOW_PAGE = TextOption("window/page", "dashboard")  # the page shown at start: the one left last
PROPOSALS_EXPORT_DIR = PathOption("proposals/export_dir")
SYNC_EXPORT_PATH = PathOption("sync/export_path")
SYNC_IMPORT_DIR = PathOption("sync/import_dir")
REPORTS_SAVE_DIR = PathOption("reports/save_dir")  # where 另存新檔… last saved a monthly report
LISTS_EXPORT_DIR = PathOption("lists/export_dir")  # where a list was last exported as CSV
# With a typed passphrase, every window is covered after this many idle minutes (0: never; ui/safety/idle_lock.py)
LOCK_MINUTES = IntOption("security/lock_minutes", 10)


def window_size(name: str) -> BytesOption:
    """Where an editor's or dialog's size is kept between uses (``ui/widgets/fit``): windows/<name>."""
    return BytesOption(f"windows/{name}")


OPTIONS = [LANGUAGE, USER_NAME, USER_CENTER, DATABASE_PATH, SERVER_PROFILES, DATABASE_SERVER, WINDOW_GEOMETRY,
           WINDOW_STATE, WINDOW_PAGE, PROPOSALS_EXPORT_DIR, SYNC_EXPORT_PATH, SYNC_IMPORT_DIR, REPORTS_SAVE_DIR,
           LISTS_EXPORT_DIR, LOCK_MINUTES]

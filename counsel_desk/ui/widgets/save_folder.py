"""Where a save dialog opens: the folder she last saved that kind of file into, else her Documents folder,
else her home folder — always one that exists (a dialog offered /root/Documents on a computer without one).

Each kind of file keeps its own folder in the settings (``ui/settings.py``: REPORTS_SAVE_DIR, …)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

from counsel_desk.ui.settings import PathOption


def default_folder() -> Path:
    """Documents if there is such a folder, else home."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def save_folder(settings: QSettings, option: PathOption) -> Path:
    """The folder last saved into for ``option``'s kind of file while it still exists, else :func:`default_folder`."""
    last = option.get(settings)
    return last if last is not None and last.is_dir() else default_folder()


def suggested_path(settings: QSettings, option: PathOption, name: str) -> str:
    """``name`` in the folder a save dialog for ``option``'s kind of file opens in."""
    return str(save_folder(settings, option) / name)


def remember_folder(settings: QSettings, option: PathOption, saved: Path | str) -> None:
    """Keep the folder of the file just saved, for the next save of this kind."""
    option.set(settings, Path(saved).parent)

"""Autosaved drafts of open editors, so nothing typed is lost when the laptop dies mid-sentence.

An editor writes its whole state every few seconds as a JSON file in ``<db>-drafts/`` beside the
database (one file per record being edited; a new record gets a key of its own). Saving or
discarding the editor deletes its draft, so a draft that is still there at the next start is
what a crash left behind and is offered back. Files are written atomically (temporary file +
rename) and readable by the owner only: they may hold personal data like the database, so the
drafts of an encrypted database are sealed with its key (:mod:`counsel_desk.services.safety.sealed`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from counsel_desk import paths
from counsel_desk.errors import UserError
from counsel_desk.services.safety import sealed

_SAFE_KEY = re.compile(r"[^A-Za-z0-9_.-]")
VISIT_DRAFT = "visit"  # the kind of the visit editor's drafts


def drafts_dir(db_path: Path) -> Path:
    return paths.drafts_dir(Path(db_path))


@dataclass(frozen=True)
class Draft:
    kind: str  # "visit", …
    key: str  # the record's id, or "new-<uuid>" for a record not saved yet
    saved_at: datetime
    data: dict[str, Any]
    path: Path

    @property
    def is_new_record(self) -> bool:
        return self.key.startswith("new-")


class DraftStore:
    def __init__(self, folder: Path):
        self.folder = Path(folder)

    @classmethod
    def for_database(cls, db_path: Path) -> "DraftStore":
        return cls(drafts_dir(db_path))

    def _path(self, kind: str, key: str) -> Path:
        return self.folder / f"{_SAFE_KEY.sub('_', kind)}--{_SAFE_KEY.sub('_', key)}.json"

    def save(self, kind: str, key: str, data: dict[str, Any]) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        payload = {"kind": kind, "key": key, "saved_at": datetime.now().isoformat(timespec="seconds"), "data": data}
        target = self._path(kind, key)
        text = json.dumps(payload, ensure_ascii=False, default=str)
        sealed.write_bytes(target, text.encode("utf-8"), "draft")
        return target

    def load(self, kind: str, key: str) -> Draft | None:
        return self._read(self._path(kind, key))

    def delete(self, kind: str, key: str) -> None:
        self._path(kind, key).unlink(missing_ok=True)

    def all(self, kind: str | None = None) -> list[Draft]:
        """Every readable draft (of ``kind``), newest first; unreadable files are skipped, not deleted."""
        if not self.folder.is_dir():
            return []
        found = [d for p in self.folder.glob("*.json") if (d := self._read(p)) is not None]
        return sorted((d for d in found if kind is None or d.kind == kind), key=lambda d: d.saved_at, reverse=True)

    @staticmethod
    def _read(path: Path) -> Draft | None:
        try:
            raw = json.loads(sealed.read_bytes(path, "draft").decode("utf-8"))
            return Draft(kind=raw["kind"], key=raw["key"], saved_at=datetime.fromisoformat(raw["saved_at"]),
                         data=raw["data"], path=path)
        except (OSError, ValueError, KeyError, TypeError, UserError):
            return None

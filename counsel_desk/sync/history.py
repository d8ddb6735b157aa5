"""The import and export history for the sync page: what came in from whom, what went out where."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from counsel_desk.errors import UserError
from counsel_desk.sync import db as syncdb
from counsel_desk.sync import format as fmt
from counsel_desk.sync.problems import OUTCOMES


@dataclass
class ImportEntry:
    at: datetime
    actor: str
    file_name: str
    sha256: str
    source_center: str
    source_device: str
    exported_at: datetime | None
    dry_run: bool
    totals: dict[str, int]


@dataclass
class ExportEntry:
    at: datetime
    actor: str
    destination: str
    masked: bool
    since: datetime | None
    records: int


def _utc(stored: str | None) -> datetime | None:
    return datetime.fromisoformat(stored).replace(tzinfo=timezone.utc) if stored else None


def _totals(counts_json: str) -> dict[str, int]:
    out = {k: 0 for k in OUTCOMES}
    for per in (json.loads(counts_json or "{}") or {}).values():
        for k in OUTCOMES:
            out[k] += int(per.get(k, 0))
    return out


def imports(db, limit: int = 500) -> list[ImportEntry]:
    with syncdb.connection(db) as (_conn, raw):
        rows = raw.execute("SELECT at, actor, file_name, sha256, source_center, source_device, exported_at, dry_run, "
                           "counts FROM import_log ORDER BY id DESC LIMIT :n", {"n": limit}).fetchall()
    return [ImportEntry(_utc(at), actor, name, sha, center, device, _utc(exported), bool(dry), _totals(counts))
            for at, actor, name, sha, center, device, exported, dry, counts in rows]


def exports(db, limit: int = 500) -> list[ExportEntry]:
    with syncdb.connection(db) as (_conn, raw):
        rows = raw.execute("SELECT at, actor, destination, masked, since, counts FROM export_log "
                           "ORDER BY id DESC LIMIT :n", {"n": limit}).fetchall()
    return [ExportEntry(_utc(at), actor, dest, bool(masked), _utc(since), sum((json.loads(c or "{}")).values()))
            for at, actor, dest, masked, since, c in rows]


def last_export_to(db, destination: Path | str) -> datetime | None:
    """When this database last exported to ``destination`` (for "only what changed since")."""
    dest = str(Path(destination).expanduser().resolve())
    with syncdb.connection(db) as (_conn, raw):
        row = raw.execute("SELECT at FROM export_log WHERE destination = :d ORDER BY id DESC LIMIT 1",
                          {"d": dest}).fetchone()
    return _utc(row[0]) if row else None


@dataclass
class ServerSync:
    """The last completed 「與中心伺服器同步」 with one server."""

    server: str
    at: datetime


def server_syncs(db) -> list[ServerSync]:
    """Each center server this database has synced with, the most recent first (sync/server_sync.py logs it)."""
    from counsel_desk.sync.server_sync import SERVER_PREFIX

    with syncdb.connection(db) as (_conn, raw):
        rows = raw.execute("SELECT destination, at FROM export_log WHERE id IN (SELECT max(id) FROM export_log "
                           "WHERE destination LIKE :p GROUP BY destination) ORDER BY at DESC",
                           {"p": SERVER_PREFIX + "%"}).fetchall()
    return [ServerSync(dest[len(SERVER_PREFIX):], _utc(at)) for dest, at in rows]


def already_imported(db, sha256: str) -> datetime | None:
    """When a file with this content was last applied here (the UI warns, importing again is harmless)."""
    with syncdb.connection(db) as (_conn, raw):
        row = raw.execute("SELECT at FROM import_log WHERE sha256 = :s AND NOT dry_run ORDER BY id DESC LIMIT 1",
                          {"s": sha256}).fetchone()
    return _utc(row[0]) if row else None


def workbook_anchor(path: Path | str):
    """The audit log end an exported workbook carries in its meta sheet (None: an older file). A file that is no
    interchange workbook (not found, not a workbook, no meta sheet) is a :class:`UserError` naming it."""
    from python_calamine import CalamineError, CalamineWorkbook

    from counsel_desk.services.safety.audit_log import Anchor

    path = Path(path)
    if not path.is_file():
        raise UserError(f"找不到交換檔：{path}", f"Interchange workbook not found: {path}")
    try:
        wb = CalamineWorkbook.from_path(str(path))
    except (CalamineError, OSError, ValueError):
        raise UserError(f"「{path.name}」不是 Excel 活頁簿（.xlsx），無法用來核對稽核紀錄。",
                        f"'{path.name}' is not an Excel workbook (.xlsx); it cannot be used to check the audit log.") from None
    try:
        if fmt.META_SHEET not in wb.sheet_names:
            raise UserError(f"「{path.name}」沒有「{fmt.META_SHEET}」工作表：不是本程式匯出的交換檔，無法用來核對稽核紀錄。",
                            f"'{path.name}' has no '{fmt.META_SHEET}' sheet: it is not an interchange workbook this "
                            f"program exported, so it cannot be used to check the audit log.")
        values = {}
        for row in wb.get_sheet_by_name(fmt.META_SHEET).iter_rows():
            if len(row) > 3 and isinstance(row[3], str):
                values[row[3].strip()] = row[1]
    except CalamineError:
        raise UserError(f"「{path.name}」的內容無法讀取，無法用來核對稽核紀錄。",
                        f"The content of '{path.name}' can't be read; it cannot be used to check the audit log.") from None
    finally:
        wb.close()
    try:
        count, seq, h = int(float(values["audit_count"])), int(float(values["audit_seq"])), str(values["audit_hash"])
    except (KeyError, ValueError, TypeError):
        return None
    return Anchor(path.name, count, seq, h, workbook=True) if count else None

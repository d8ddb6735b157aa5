"""Backups of the database: made through SQLite's online backup API, checked, kept, restored.

A counselor's laptop holds months of unsynced work, so the app backs up on its own (Anki's
habit): at start when the newest backup is older than a day, every 30 minutes when data changed,
and always before an import, a migration and a restore (:func:`backup_before`). Each backup is
copied page by page through the backup API (never a file copy of a live database), written to a
temporary file, checked with ``PRAGMA integrity_check``, fsynced and only then renamed into
``<name>-backups/`` as ``<name>-YYYYMMDD-HHMMSS-<reason>.db``, readable by its owner only.

Old backups are thinned by :mod:`counsel_desk.services.safety.backup_retention` (all of the last 48
hours, then 14 daily, 8 weekly, 12 monthly). Restoring first makes a safety backup of the current
data, copies the chosen backup in through the same API, verifies the result and re-applies any
personal-data erasures the older backup predates (an erased person must not come back).

A backup of an encrypted database is encrypted with the database's own key and salt (SQLCipher's
backup API re-keys each page; a plain target is refused by SQLCipher itself), so it opens wherever
the database does and never holds readable personal data.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable

from counsel_desk import paths
from counsel_desk import errors
from counsel_desk.errors import DatabaseError, UserError
from counsel_desk.services.safety import backup_retention
from counsel_desk.services.safety.atomic import atomic_path, disk_full, fsync_path, is_disk_full
from counsel_desk.store import driver, keys
from counsel_desk.store.keys import DatabaseKey

AUTO_FIRST_AFTER = timedelta(days=1)  # at start: back up when the newest backup is older than this
AUTO_EVERY = timedelta(minutes=30)  # while running: back up this often when data changed
_NAME_RE = re.compile(r"^(?P<stem>.+)-(?P<ts>\d{8}-\d{6})(?:\.(?P<n>\d+))?-(?P<reason>[a-z][a-z-]*)\.db$")
_TS = "%Y%m%d-%H%M%S"
SPARE_BYTES = 64 * 1024 * 1024  # left free after a backup, for the live database and everything else
# integrity_check looks each row up in every index of its table: with SQLite's 8 MiB page cache a 440 MB
# (100,000-visit) database reads — and SQLCipher decrypts and authenticates — the same pages again and
# again (19 s CPU); from 32 MiB on each page is read about once (8 s), whatever the cache beyond that.
CHECK_CACHE_KIB = 32 * 1024
_lock = threading.Lock()  # one backup or restore at a time in this process (timer vs. button vs. import)

REASONS = {  # reason slug → (zh, en) label shown in the backups list
    "auto": ("自動備份", "Automatic"),
    "manual": ("手動備份", "Manual"),
    "before-import": ("匯入前", "Before import"),
    "before-merge": ("合併前", "Before merge"),
    "before-restore": ("還原前的安全備份", "Safety copy before restore"),
    "before-upgrade": ("升級前", "Before upgrade"),
    "before-bulk-edit": ("批次修改前", "Before bulk edit"),
}

Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime  # local time, from the file name (or the file's time for copies we didn't name)
    reason: str  # slug: auto, manual, before-import, …
    size: int
    managed: bool  # named by this module, so retention may thin it out

    @property
    def name(self) -> str:
        return self.path.name


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    safety_backup: Path
    reapplied_erasures: int


def reason_label(reason: str) -> tuple[str, str]:
    return REASONS.get(reason, (reason, reason))


def _slug(reason: str) -> str:
    slug = re.sub(r"[^a-z]+", "-", reason.lower()).strip("-")
    return slug or "backup"


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now()).replace(microsecond=0)


def _open_source(path: Path) -> driver.Connection:
    return driver.connect(path, read_only=True, timeout=10)


def _open_target(path: Path, key: DatabaseKey | None = None) -> driver.Connection:
    """The connection a backup is written through (tests inject a full disk here)."""
    return driver.connect(path, key=key, timeout=10)


def _check_problems(con: driver.Connection) -> list[str]:
    con.execute(f"PRAGMA cache_size = -{CHECK_CACHE_KIB}")
    return [r[0] for r in con.execute("PRAGMA integrity_check")]


def _failed(path: Path, exc: BaseException) -> UserError:
    if is_disk_full(exc):
        return disk_full(path)
    return UserError(f"無法寫入備份 {path}：{exc}", f"Could not write the backup {path}: {exc}")


def _check_room(source: Path, dest: Path) -> None:
    """Refuse before starting when the copy can't fit: a backup must never fill the disk the
    live database needs for its own next write."""
    need = sum(p.stat().st_size for p in (source, Path(f"{source}-wal")) if p.exists()) + SPARE_BYTES
    dest.parent.mkdir(parents=True, exist_ok=True)
    if shutil.disk_usage(dest.parent).free < need:
        raise disk_full(dest)


def copy_database(source: Path, dest: Path, progress: Progress | None = None) -> Path:
    """Copy ``source`` (live or not) to a new file ``dest`` through the backup API.

    The copy goes to a temporary file, is switched to a single-file journal mode, must pass
    ``integrity_check``, is fsynced and renamed onto ``dest`` (mode 0600). On any failure
    nothing is left behind and ``dest`` is unchanged.
    """
    source, dest = Path(source), Path(dest)
    _check_room(source, dest)
    if progress is not None:
        progress(0, 3)
    key = keys.key_for(source)  # the copy is encrypted exactly as its database is
    try:
        with atomic_path(dest) as tmp:
            src = _open_source(source)
            try:
                out = _open_target(tmp, key=key)
                try:
                    # One step: the whole copy is read in one transaction, so it is a consistent
                    # snapshot even while the app keeps writing through other connections.
                    src.backup(out)
                    # The copy inherits WAL mode from the live file; a backup is one self-contained file.
                    out.execute("PRAGMA journal_mode=DELETE")
                    if progress is not None:
                        progress(1, 3)
                    problems = _check_problems(out)
                finally:
                    out.close()
            finally:
                src.close()
            if problems != ["ok"]:
                raise UserError(f"備份的完整性檢查未通過（{'; '.join(problems[:3])}），已捨棄這份備份。",
                                f"The backup failed its integrity check ({'; '.join(problems[:3])}); it was discarded.")
            if progress is not None:
                progress(2, 3)
    except UserError:
        raise
    except (driver.Error, OSError) as exc:
        raise _failed(dest, exc) from exc
    if progress is not None:
        progress(3, 3)
    return dest


# --- where backups live and what is there ---------------------------------------------------------
def backup_name(db_path: Path, reason: str, taken_at: datetime, n: int = 0) -> str:
    suffix = f".{n}" if n else ""
    return f"{db_path.stem}-{taken_at.strftime(_TS)}{suffix}-{_slug(reason)}.db"


def _parse(path: Path) -> BackupInfo | None:
    try:
        st = path.stat()
    except OSError:
        return None
    m = _NAME_RE.match(path.name)
    if m:
        try:
            taken = datetime.strptime(m["ts"], _TS)
        except ValueError:
            m = None
    if m:
        return BackupInfo(path, taken, m["reason"], st.st_size, True)
    # Copies named by others (the pre-upgrade copy of store.database): shown, never thinned out.
    reason = "before-upgrade" if "-before-upgrade-" in path.name else "other"
    return BackupInfo(path, datetime.fromtimestamp(st.st_mtime).replace(microsecond=0), reason, st.st_size, False)


def list_backups(db_path: Path | str) -> list[BackupInfo]:
    """Every ``*.db`` in the database's backups folder, newest first."""
    folder = paths.backups_dir(Path(db_path))
    if not folder.is_dir():
        return []
    found = [info for p in folder.glob("*.db") if p.is_file() and (info := _parse(p)) is not None]
    return sorted(found, key=lambda b: (b.taken_at, b.name), reverse=True)


def newest_backup(db_path: Path | str, *, managed_only: bool = False) -> BackupInfo | None:
    for info in list_backups(db_path):
        if info.managed or not managed_only:
            return info
    return None


def newest_good_backup(db_path: Path | str) -> BackupInfo | None:
    """The newest backup that opens and passes ``quick_check`` (what recovery offers)."""
    from counsel_desk.store.recovery import OK, READ_ONLY, check_at_start

    for info in list_backups(db_path):
        if check_at_start(info.path).state in (OK, READ_ONLY):
            return info
    return None


def _ensure_folder(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    try:
        os.chmod(folder, 0o700)  # personal data inside: the owner only
    except OSError:
        pass


# --- making backups ----------------------------------------------------------------------------------
def make_backup(db_path: Path | str, reason: str = "manual", *, now: datetime | None = None,
                out: Path | str | None = None, prune: bool = True, progress: Progress | None = None) -> Path:
    """Back up the database at ``db_path`` into its backups folder (or to ``out``); returns the file."""
    db_path = Path(db_path)
    if not db_path.exists():
        raise DatabaseError(f"找不到資料庫檔案：{db_path}", f"Database file not found: {db_path}")
    with _lock:
        if out is not None:
            return copy_database(db_path, Path(out), progress)
        folder = paths.backups_dir(db_path)
        _ensure_folder(folder)
        taken = _now(now)
        n = 0
        while (dest := folder / backup_name(db_path, reason, taken, n)).exists():
            n += 1
        copy_database(db_path, dest, progress)
        if prune:
            _prune(db_path, taken)
        return dest


def _prune(db_path: Path, taken: datetime) -> None:
    backup_retention.prune(list_backups(db_path), taken)
    backup_retention.remove_stale_parts(paths.backups_dir(db_path), taken)


def backup_before(db, reason: str, *, now: datetime | None = None, progress: Progress | None = None) -> Path:
    """A backup before a risky operation (``reason``: "import", "merge", "restore", "upgrade"…)."""
    return make_backup(db.path, _before(reason), now=now, progress=progress)


def _before(reason: str) -> str:
    slug = _slug(reason)
    return slug if slug.startswith("before-") else f"before-{slug}"


class BackupAhead:
    """The backup before an operation, taken on another thread while the operation prepares (reads and
    checks its input) instead of after: a copy and ``integrity_check`` of a big database take seconds.

    :meth:`take` waits for it and returns it once the operation is about to change data. Should the
    data have changed meanwhile (another window saved something), that copy is not "before" any more:
    it is thrown away and a new one made then, as :func:`backup_before` would. :meth:`discard` (the
    operation was refused, failed before changing anything, or was only previewed) waits and deletes it. Older backups are thinned only when
    it is kept, so a discarded one never costs an older one its place.
    """

    def __init__(self, db, reason: str):
        self.db, self.reason = db, reason
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="backup-ahead")
        self._taken = _now(None)
        self._taken_by_operation = False
        self._future = self._pool.submit(make_backup, db.path, _before(reason), now=self._taken, prune=False)
        self._pool.shutdown(wait=False)

    def take(self) -> Path:
        self._taken_by_operation = True
        path = self._future.result()  # its UserError (a full disk, a failed check) is the operation's
        if _backup_fingerprint(path) != _live_fingerprint(self.db):
            _remove(path)
            return backup_before(self.db, self.reason)
        _prune(self.db.path, self._taken)
        return path

    def discard(self) -> None:
        """Unless :meth:`take` had it: wait for it and delete it."""
        if self._taken_by_operation:
            return
        try:
            path = self._future.result()
        except Exception:  # noqa: BLE001 — the operation failed or was refused already; its error is the one to tell
            return
        _remove(path)


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def data_fingerprint(con) -> tuple[int, str]:
    """What changes whenever data changes: the audit log's last entry (every change writes one)."""
    cur = con.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
    row = cur.fetchone()
    return (int(row[0]), str(row[1])) if row else (0, "")


def _backup_fingerprint(path: Path) -> tuple[int, str] | None:
    try:
        con = _open_source(path)
        try:
            return data_fingerprint(con)
        finally:
            con.close()
    except (driver.Error, keys.KeyMissing, keys.WrongKey):
        return None  # an unreadable backup can't vouch for anything: make a new one


def _live_fingerprint(db) -> tuple[int, str]:
    raw = db.engine.raw_connection()
    try:
        return data_fingerprint(raw.driver_connection)
    finally:
        raw.close()


def backup_due(db, now: datetime | None = None) -> str | None:
    """Why an automatic backup is due now ("first", "stale", "changed"), or None."""
    if getattr(db, "read_only", False):
        return None  # nothing can change in a read-only database
    now = _now(now)
    last = newest_backup(db.path, managed_only=True)
    if last is None:
        return "first"
    age = now - last.taken_at
    if age >= AUTO_FIRST_AFTER:
        return "stale"
    if age >= AUTO_EVERY and _backup_fingerprint(last.path) != _live_fingerprint(db):
        return "changed"
    return None


def maybe_backup(db, now: datetime | None = None, progress: Progress | None = None) -> Path | None:
    """The automatic backup: called at start and every 30 minutes; returns the new file or None."""
    if backup_due(db, now) is None:
        return None
    return make_backup(db.path, "auto", now=now, progress=progress)


# --- restoring -------------------------------------------------------------------------------------------
def validate_backup(path: Path | str) -> str:
    """Refuse a file that isn't a healthy counsel_desk backup this version can read; returns its revision."""
    from counsel_desk.store import migrate
    from counsel_desk.store.database import inspect_revision

    path = Path(path)
    if not path.is_file():
        raise UserError(f"找不到備份檔案：{path}", f"Backup file not found: {path}")
    rev = inspect_revision(path)  # DatabaseError for a damaged or foreign file
    if rev is None:
        raise DatabaseError(f"{path} 不是 counsel_desk 的備份（沒有資料表）。", f"{path} is not a counsel_desk backup (no tables).")
    if not migrate.is_known(rev):
        raise DatabaseError(f"備份 {path.name} 由較新版本的 counsel_desk 建立（結構版本 {rev}），本版無法還原。",
                            f"The backup {path.name} was written by a newer counsel_desk (schema {rev}); "
                            f"this version cannot restore it.")
    con = _open_source(path)
    try:
        problems = _check_problems(con)
    except driver.DatabaseError as exc:
        problems = [str(exc)]
    finally:
        con.close()
    if problems != ["ok"]:
        raise DatabaseError(f"備份 {path.name} 已損毀（{'; '.join(problems[:3])}），不能用來還原。",
                            f"The backup {path.name} is damaged ({'; '.join(problems[:3])}) and can't be restored.")
    return rev


def restore(db, backup: Path | str, *, actor: str = "", now: datetime | None = None,
            progress: Progress | None = None) -> RestoreResult:
    """Replace the open database's content with ``backup``; a safety backup is made first.

    The copy goes through the backup API into the live file in one transaction, so a crash
    leaves either the old data or the restored data. Afterwards the database is checked (on a
    failure the safety backup is put back), migrated if the backup is older, erasures are
    re-applied and the restore is written to the audit log.
    """
    from counsel_desk.services.safety import privacy
    from counsel_desk.store import audit, migrate
    from counsel_desk.store.reference import ensure_reference_data

    backup = Path(backup)
    if db.read_only:
        raise UserError("這個資料庫是唯讀的，不能還原備份。", "This database is read-only; a backup can't be restored into it.")
    if backup.exists() and backup.resolve() == Path(db.path).resolve():
        raise UserError(f"「{backup.name}」就是目前的資料庫本身，不是它的備份；請選擇備份資料夾裡的檔案。資料庫未變更。",
                        f"'{backup.name}' is the database itself, not a backup of it; choose a file in its backups "
                        f"folder. The database was not changed.")
    steps = 5

    def report(step: int) -> None:
        if progress is not None:
            progress(step, steps)

    report(0)
    rev = validate_backup(backup)
    if driver.is_encrypted(backup) != driver.is_encrypted(db.path):  # SQLCipher copies pages only like to like
        raise UserError(f"備份 {backup.name} 與目前的資料庫一個有加密、一個沒有，無法直接還原；資料庫未變更。"
                        f"請先用 counsel-desk encrypt 或 decrypt 讓兩者一致。",
                        f"The backup {backup.name} and the database differ in encryption (one is encrypted, the other "
                        f"not), so it can't be restored as it is; the database was not changed. Use counsel-desk "
                        f"encrypt or decrypt first.")
    erased = privacy.erased_people(db)
    safety = backup_before(db, "restore", now=now)
    report(1)
    with _lock:
        db.engine.dispose()  # idle pooled connections would hold stale page caches
        try:
            _copy_into(backup, db.path)
        except (driver.Error, OSError) as exc:
            raise _failed(db.path, exc) from exc
        report(2)
        problems = _live_problems(db.path)
        if problems != ["ok"]:
            _copy_into(safety, db.path)
            raise DatabaseError(f"還原後的資料庫檢查未通過（{'; '.join(problems[:3])}），已放回還原前的資料。",
                                f"The restored database failed its check ({'; '.join(problems[:3])}); "
                                f"the data from before the restore was put back.")
        _make_private(db.path)
    report(3)
    if rev != migrate.head():
        migrate.upgrade(db.engine)
        ensure_reference_data(db.engine)
    reapplied = privacy.reapply_erasures(db, erased, actor=actor)
    report(4)
    with db.session() as s:
        audit.record(s, actor, "restore", "database", "",
                     {"backup": backup.name, "safety_backup": safety.name, "schema": rev,
                      "reapplied_erasures": reapplied})
        s.commit()
    report(5)
    return RestoreResult(backup, safety, reapplied)


def _copy_into(source: Path, target: Path) -> None:
    """Overwrite the database ``target`` with ``source`` page by page in one write transaction."""
    src = _open_source(source)
    try:
        dst = driver.connect(target, timeout=30)
        try:
            dst.execute("PRAGMA busy_timeout=30000")
            src.backup(dst)
            # The backup API leaves the WAL holding the new pages; fold them in so the file itself is whole.
            dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            dst.close()
    finally:
        src.close()


def _live_problems(path: Path) -> list[str]:
    con = driver.connect(path, timeout=30)
    try:
        return _check_problems(con)
    except driver.DatabaseError as exc:
        return [str(exc)]
    finally:
        con.close()


def _make_private(path: Path) -> None:
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if p.exists():
            os.chmod(p, 0o600)
    fsync_path(path)


def restore_to_new_file(backup: Path | str, target: Path | str, progress: Progress | None = None) -> Path:
    """Put a backup at ``target`` where no database is now (after a damaged one was quarantined)."""
    backup, target = Path(backup), Path(target)
    validate_backup(backup)
    if target.exists() and target.stat().st_size > 0:
        raise UserError(f"{target} 已經存在，不會覆蓋。", f"{target} already exists and will not be overwritten.")
    for suffix in ("-wal", "-shm", "-journal"):
        # Leftovers of the old file would be applied to the restored one: they belong to the quarantine.
        if Path(f"{target}{suffix}").exists():
            raise UserError(f"{target}{suffix} 還在，請先把損毀的資料庫移到隔離資料夾。",
                            f"{target}{suffix} is still there; move the damaged database to quarantine first.")
    with _lock:
        return copy_database(backup, target, progress)


def recover(db_path: Path | str, backup: Path | str, *, actor: str = "", quarantined: Path | None = None,
            progress: Progress | None = None):
    """Rebuild a missing (or just quarantined) database from ``backup``; returns it opened.

    The restored file is migrated if the backup is older and the recovery is recorded in its
    audit log, naming the quarantine folder where the damaged file went.
    """
    from counsel_desk.store import audit, open_database

    db_path, backup = Path(db_path), Path(backup)
    restore_to_new_file(backup, db_path, progress)
    db = open_database(db_path, create=False, backup_before_upgrade=False)
    with db.session() as s:
        audit.record(s, actor, "restore", "database", "",
                     {"backup": backup.name, "quarantined": str(quarantined) if quarantined else ""})
        s.commit()
    return db


def damaged_texts(path: Path, detail: str = "") -> tuple[str, str]:
    """The words for a damaged database, naming the next step: ``restore`` from the newest good backup."""
    what_zh, what_en = (f"（{detail}）", f" ({detail})") if detail else ("", "")
    try:
        offer = newest_good_backup(path)
    except OSError:
        offer = None
    if offer is None:
        return (f"資料庫檔案 {path} 已損毀{what_zh}，而且找不到可用的備份。請勿刪除這個檔案，先複製一份交給資訊人員搶救。",
                f"The database file {path} is damaged{what_en} and no usable backup was found. Don't delete it: "
                f"copy it and hand it to IT for rescue.")
    return (f"資料庫檔案 {path} 已損毀{what_zh}。下一步：從最新的完好備份還原——"
            f"counsel-desk restore --db \"{path}\" \"{offer.path}\"（損毀的檔案會移到隔離資料夾，不會刪除）。",
            f"The database file {path} is damaged{what_en}. Next step: restore the newest good backup — "
            f"counsel-desk restore --db \"{path}\" \"{offer.path}\" (the damaged file is moved to quarantine, "
            f"never deleted).")


errors.damaged_message = damaged_texts  # errors.py sits below services: the newest good backup is named from here

"""Backups of a server database: ``pg_dump`` into a folder, recorded where every program can read it.

``counsel-desk server backup --db postgresql://… --folder D:\\backups`` (run by the Windows Task
Scheduler or cron, docs/server.md §5) writes ``counsel-<database>-<YYYYmmdd-HHMMSS>.dump`` (pg_dump's
custom format, restored with ``pg_restore``), first under a temporary name so a failed run leaves no
half file, checks that ``pg_restore --list`` can read it, removes this command's dumps older than
``keep_days`` from that folder, and records the run in the table ``server_backup`` (migration 0014):
when, on which computer, where, how big. The backups page of every program shows the newest record.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine, make_url

from counsel_desk.errors import UserError

_NAME = re.compile(r"^counsel-.+-\d{8}-\d{6}\.dump$")


@dataclass(frozen=True)
class ServerBackup:
    taken_at: datetime  # UTC
    host: str  # the computer that ran pg_dump
    path: str  # where the dump is, on that computer
    size: int


def find_tool(name: str) -> str | None:
    """pg_dump / pg_restore: on PATH, else where PostgreSQL's installers put them (newest version first)."""
    found = shutil.which(name)
    if found:
        return found
    exe = name + (".exe" if sys.platform == "win32" else "")
    roots = [Path(os.environ.get("ProgramFiles", r"C:\Program Files")) / "PostgreSQL", Path("/usr/lib/postgresql")]
    for root in roots:
        if root.is_dir():
            for version in sorted(root.iterdir(), key=lambda p: p.name.zfill(4), reverse=True):
                candidate = version / "bin" / exe
                if candidate.exists():
                    return str(candidate)
    return None


def _libpq(target: str) -> tuple[str, dict[str, str]]:
    """The address as libpq takes it on a command line, and the environment carrying the password."""
    from counsel_desk.store.server import remembered_password, server_url

    url = make_url(server_url(target))
    env = dict(os.environ)
    secret = url.password or remembered_password(target)
    if secret:
        env["PGPASSWORD"] = str(secret)
    plain = url._replace(drivername="postgresql", password=None).render_as_string(hide_password=False)
    return plain, env


def _run(args: list[str], env: dict[str, str]) -> None:
    try:
        done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=6 * 3600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise UserError(f"無法執行 {Path(args[0]).name}（{exc}）。", f"Cannot run {Path(args[0]).name} ({exc}).") from exc
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip().splitlines()
        detail = said[-1] if said else f"exit {done.returncode}"
        raise UserError(f"{Path(args[0]).name} 失敗：{detail}", f"{Path(args[0]).name} failed: {detail}")


def take(engine: Engine, target: str, folder: Path, *, keep_days: int = 30,
         now: datetime | None = None) -> ServerBackup:
    """pg_dump the database into ``folder``, check it, prune old dumps, record it; the record is returned."""
    pg_dump, pg_restore = find_tool("pg_dump"), find_tool("pg_restore")
    if pg_dump is None or pg_restore is None:
        raise UserError("找不到 pg_dump：請在伺服器（或裝有 PostgreSQL 命令列工具的電腦）上執行，或把 PostgreSQL 的 bin "
                        "資料夾加入 PATH。",
                        "pg_dump not found: run this on the server (or a computer with PostgreSQL's command line "
                        "tools), or add PostgreSQL's bin folder to PATH.")
    folder = Path(folder).expanduser().resolve()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"無法建立備份資料夾 {folder}（{exc}）。", f"Cannot create the backup folder {folder} ({exc}).") from exc
    when = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    database = make_url(server_url_text(target)).database or "postgres"
    name = f"counsel-{re.sub(r'[^0-9A-Za-z_.-]+', '_', database)}-{when.astimezone():%Y%m%d-%H%M%S}.dump"
    final, partial = folder / name, folder / (name + ".partial")
    address, env = _libpq(target)
    try:
        _run([pg_dump, "--format=custom", f"--file={partial}", f"--dbname={address}"], env)
        _run([pg_restore, "--list", str(partial)], env)  # the dump reads back
        partial.replace(final)
    finally:
        partial.unlink(missing_ok=True)
    record = ServerBackup(when, socket.gethostname(), str(final), final.stat().st_size)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO server_backup (taken_at, host, path, size, taken_by) "
                          "VALUES (:t, :h, :p, :s, current_user)"),
                     {"t": record.taken_at, "h": record.host, "p": record.path, "s": record.size})
    prune(folder, keep_days, keep=final, now=when)
    return record


def server_url_text(target: str) -> str:
    from counsel_desk.store.server import server_url

    return server_url(target).render_as_string(hide_password=False)


def prune(folder: Path, keep_days: int, *, keep: Path, now: datetime) -> list[Path]:
    """This command's dumps in ``folder`` older than ``keep_days`` (never ``keep``, never other files)."""
    if keep_days <= 0:
        return []
    cutoff = (now - timedelta(days=keep_days)).timestamp()
    removed = []
    for f in folder.iterdir():
        if f != keep and f.is_file() and _NAME.match(f.name) and f.stat().st_mtime < cutoff:
            f.unlink()
            removed.append(f)
    return removed


def last(engine: Engine) -> ServerBackup | None:
    """The newest recorded pg_dump of this server database (None: none was recorded)."""
    with engine.connect() as conn:
        row = conn.execute(text("SELECT taken_at, host, path, size FROM server_backup "
                                "ORDER BY taken_at DESC LIMIT 1")).first()
    if row is None:
        return None
    taken = row[0] if row[0].tzinfo else row[0].replace(tzinfo=timezone.utc)
    return ServerBackup(taken, row[1], row[2], int(row[3]))

"""Helpers shared by the subcommands: the ``--db`` option, opening a database, printing JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from counsel_desk import paths
from counsel_desk.errors import UserError
from counsel_desk.i18n import pick
from counsel_desk.models.enums import CenterCode


def _db_arg(text: str) -> Path | str:
    """A file path, or a server database's ``postgresql://user@host/dbname`` address kept as text."""
    from counsel_desk.store.server import is_server_target

    return text.strip() if is_server_target(text) else Path(text)


def add_db_option(p: argparse.ArgumentParser, *, required: bool = False) -> None:
    default = "" if required else pick("（預設：使用者資料夾，或 COUNSEL_DESK_DB）",
                                       " (default: user data folder, or COUNSEL_DESK_DB)")
    p.add_argument("--db", type=_db_arg, required=required, metavar="PATH|postgresql://…",
                   help=pick("資料庫檔案，或中心伺服器的資料庫 postgresql://帳號@主機/資料庫",
                             "database file, or a server database postgresql://login@host/dbname") + default)


def db_target(args: argparse.Namespace) -> Path | str:
    """What ``--db`` names: a file's path, or a server database's address (text)."""
    given = getattr(args, "db", None)
    if isinstance(given, str):
        return given
    return Path(given).expanduser() if given else paths.default_db_path()


def db_path(args: argparse.Namespace) -> Path:
    """The database file of a command that works on files only (check, encrypt, backup, restore)."""
    target = db_target(args)
    if isinstance(target, str):
        raise UserError("這個指令只用於資料庫檔案；中心伺服器的資料庫請用 PostgreSQL 的工具（pg_dump 等，"
                        "見 docs/server.md）。",
                        "This command works on database files only; for a server database use PostgreSQL's "
                        "tools (pg_dump and others, see docs/server.md).")
    return target


def open_existing(args: argparse.Namespace):
    """Open a database that must already exist; read-only when its file or folder can't be written
    (commands that only read then work, and one that writes says "read-only" instead of failing)."""
    import counsel_desk.services.safety.backup  # noqa: F401 — a damaged file's message then names the newest good backup
    from counsel_desk.store import open_database
    from counsel_desk.store.database import folder_writable

    target = db_target(args)
    if isinstance(target, str):
        return open_database(target, create=False)
    return open_database(target, create=False, read_only=target.exists() and not folder_writable(target))


def center_code(text: str) -> str:
    """Accept 北區/中區/南區/東區, north/central/south/east, or the English labels."""
    try:
        return CenterCode.from_label(text).value
    except ValueError:
        raise UserError(f"不認得的分區中心「{text}」：請用 北區、中區、南區 或 東區。",
                        f"Unknown center '{text}': use north, central, south or east.") from None


def print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, sort_keys=False, default=str)
    sys.stdout.write("\n")

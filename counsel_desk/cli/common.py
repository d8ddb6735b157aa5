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


def add_db_option(p: argparse.ArgumentParser, *, required: bool = False) -> None:
    p.add_argument("--db", type=Path, required=required, metavar="PATH",
                   help=pick("資料庫檔案（預設：使用者資料夾，或 COUNSEL_DESK_DB）",
                             "database file (default: user data folder, or COUNSEL_DESK_DB)"))


def db_path(args: argparse.Namespace) -> Path:
    return Path(args.db).expanduser() if getattr(args, "db", None) else paths.default_db_path()


def open_existing(args: argparse.Namespace):
    """Open a database that must already exist; read-only when its file or folder can't be written
    (commands that only read then work, and one that writes says "read-only" instead of failing)."""
    import counsel_desk.services.backup  # noqa: F401 — a damaged file's message then names the newest good backup
    from counsel_desk.store import open_database
    from counsel_desk.store.database import folder_writable

    path = db_path(args)
    return open_database(path, create=False, read_only=path.exists() and not folder_writable(path))


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

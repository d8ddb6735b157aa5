"""Alembic migrations, run programmatically at start-up (``render_as_batch`` for SQLite)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from typing import TYPE_CHECKING

from sqlalchemy.engine import Connection, Engine

from counsel_desk.errors import DatabaseError

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

# The newest revision in versions/. Kept here so that opening an up-to-date database (every start)
# needs no Alembic import or script scan; tests/unit/test_migrations.py holds it equal to the scripts.
SCHEMA_HEAD = "0024_a15_narrative_travels"

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# Tables kept by the store layer outside the models (FTS5 search index and its shadow tables; a server's
# record of its pg_dump backups; a server's audit entries waiting for their COMMIT).
STORE_ONLY_PREFIXES = ("search_index", "server_backup", "audit_pending")


def include_name(name, type_, parent_names) -> bool:
    """Autogenerate ignores the store-only tables and the server's ``rowid`` stand-ins (store/dialects.py)."""
    if type_ == "column" and name == "rowid":
        return False
    if type_ == "index" and name and name.endswith("_rowid"):
        return False
    return not (type_ == "table" and name and name.startswith(STORE_ONLY_PREFIXES))


def config(engine: Engine | None = None) -> "Config":
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


@lru_cache(maxsize=1)
def _script() -> "ScriptDirectory":
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(config())


def head() -> str:
    heads = _script().get_heads()
    return heads[0] if len(heads) == 1 else ",".join(sorted(heads))


def known_revisions() -> set[str]:
    return {rev.revision for rev in _script().walk_revisions()}


def is_known(rev: str) -> bool:
    if rev == SCHEMA_HEAD:
        return True
    return all(r in known_revisions() for r in rev.split(","))


def refuse_newer(rev: str | None, where: str = "") -> None:
    """Refuse, before anything is touched, a database a newer counsel_desk wrote (a revision not known here);
    ``where``: the server database's name (a file is named by the caller's own message)."""
    if rev is None or is_known(rev):
        return
    what_zh, what_en = (f"這個資料庫（{where}）", f"This database ({where})") if where else ("這個資料庫", "This database")
    kept_zh, kept_en = ("資料庫", "it") if where else ("檔案", "the file")
    raise DatabaseError(
        f"{what_zh}由較新版本的 counsel_desk 建立（結構版本 {rev}），本版無法讀取；"
        f"{kept_zh}已保持原狀未變更。請更新 counsel_desk 後再開啟。",
        f"{what_en} was written by a newer counsel_desk (schema {rev}); this version "
        f"cannot read it and left {kept_en} untouched. Please update counsel_desk.")


def upgrade(engine: Engine) -> None:
    from alembic import command

    command.upgrade(config(engine), "heads")


def check_references(conn: Connection) -> None:
    """Refuse (before the upgrade commits) when a row points at a record that does not exist.

    The upgrade runs with SQLite's foreign keys off — a batch-mode table rebuild drops the table
    other rows point at — so they are checked once, over everything, at the end (SQLite's own
    procedure for altering tables); the caller rolls back when this raises.
    """
    problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if not problems:
        return
    pairs: dict[tuple[str, str], int] = {}
    for table, _rowid, parent, _fk in problems:
        pairs[(table, parent)] = pairs.get((table, parent), 0) + 1
    zh = "、".join(f"{t} 有 {n} 筆指向不存在的 {p}" for (t, p), n in sorted(pairs.items()))
    en = "; ".join(f"{n} row(s) of {t} point at a missing {p}" for (t, p), n in sorted(pairs.items()))
    raise DatabaseError(
        f"資料庫升級失敗：有 {len(problems)} 筆資料參照到不存在的紀錄（{zh}）。升級已全部復原，"
        f"資料庫保持原狀未變更（升級前的複本在備份資料夾）。請將資料庫交給技術支援檢查。",
        f"The database upgrade failed: {len(problems)} row(s) refer to records that do not exist ({en}). "
        f"The upgrade was rolled back and the database left unchanged (a copy from before the upgrade "
        f"is in the backups folder). Please have technical support check the database.")


def current(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        heads = MigrationContext.configure(conn).get_current_heads()
    return ",".join(sorted(heads)) if heads else None

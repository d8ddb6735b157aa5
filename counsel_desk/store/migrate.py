"""Alembic migrations, run programmatically at start-up (``render_as_batch`` for SQLite)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from typing import TYPE_CHECKING

from sqlalchemy.engine import Engine

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

# The newest revision in versions/. Kept here so that opening an up-to-date database (every start)
# needs no Alembic import or script scan; tests/unit/test_migrations.py holds it equal to the scripts.
SCHEMA_HEAD = "0006_i13_house"

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# Tables kept by the store layer outside the models (FTS5 search index and its shadow tables).
STORE_ONLY_PREFIXES = ("search_index",)


def include_name(name, type_, parent_names) -> bool:
    """Autogenerate ignores the store-only tables."""
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


def upgrade(engine: Engine) -> None:
    from alembic import command

    command.upgrade(config(engine), "heads")


def current(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        heads = MigrationContext.configure(conn).get_current_heads()
    return ",".join(sorted(heads)) if heads else None

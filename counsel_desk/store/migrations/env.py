"""Alembic environment: uses the engine handed over by counsel_desk.store.migrate."""

from alembic import context
from sqlalchemy import create_engine

import counsel_desk.models  # noqa: F401  (registers every table)
from sqlmodel import SQLModel

config = context.config
target_metadata = SQLModel.metadata

# Tables kept by the store layer outside the models (FTS5 search index and its shadow tables).
STORE_ONLY_PREFIXES = ("search_index",)


def include_name(name, type_, parent_names):
    if type_ == "table" and name and name.startswith(STORE_ONLY_PREFIXES):
        return False
    return True


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
            include_name=include_name,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations_online()

"""Alembic environment: uses the engine handed over by counsel_desk.store.migrate."""

from alembic import context
from sqlalchemy import create_engine

import counsel_desk.models  # noqa: F401  (registers every table)
from sqlmodel import SQLModel

from counsel_desk.store.migrate import include_name

config = context.config
target_metadata = SQLModel.metadata

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

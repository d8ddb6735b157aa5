"""Alembic environment: uses the engine handed over by counsel_desk.store.migrate."""

from alembic import context
from sqlalchemy import create_engine

import counsel_desk.models  # noqa: F401  (registers every table)
from sqlmodel import SQLModel

from counsel_desk.store import dialects
from counsel_desk.store.migrate import check_references, include_name

config = context.config
target_metadata = SQLModel.metadata

def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as connection:
        driver = connection.connection.driver_connection if connection.dialect.name == "sqlite" else None
        if driver is not None:
            # pysqlite never BEGINs before DDL, so each CREATE/DROP would commit on its own and a crash
            # mid-migration would leave half a schema that no later start can open. One explicit
            # transaction makes the whole upgrade all-or-nothing (SQLite's DDL is transactional).
            driver.isolation_level = None
            # A batch-mode change rebuilds a table (copy, DROP, rename): with foreign keys enforced the
            # DROP fails as soon as rows of another table point at it. SQLite can switch them off only
            # outside a transaction, so before BEGIN; they are checked as a whole before the COMMIT.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
            include_name=include_name,
            compare_type=True,
        )
        server = dialects.is_server(connection)
        try:
            if server:
                dialects.prepare_server(connection)
            with context.begin_transaction():
                context.run_migrations()
            if server:
                dialects.server_compat(connection)  # rowid, instr, group_concat (store/dialects.py)
            if driver is not None:
                check_references(connection)  # a dangling reference refuses the upgrade (rolled back below)
            connection.commit()
        except BaseException:
            connection.rollback()  # explicitly, so the PRAGMA below is not swallowed by an open transaction
            raise
        finally:
            if driver is not None:
                driver.isolation_level = ""  # back to pysqlite's default for the pooled connection
                driver.execute("PRAGMA foreign_keys=ON")  # the pooled connection enforces them again


run_migrations_online()

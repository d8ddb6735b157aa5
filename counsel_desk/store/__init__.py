"""Persistence: the SQLite engine and its settings, Alembic migrations, reference data, search, audit.

SQLite-specific features (pragmas, FTS5) stay in this package so that a center can later run on a
shared PostgreSQL server with the same models.
"""

from counsel_desk.store.database import Database, open_database

__all__ = ["Database", "open_database"]

"""Persistence: the SQLite engine and its settings, Alembic migrations, reference data, search, audit.

SQLite-specific features (pragmas, FTS5) stay in this package; a center or headquarters may instead use a
shared PostgreSQL server with the same models (``server.py`` opens one, ``dialects.py`` holds the differences).
"""

from counsel_desk.store.database import Database, open_database

__all__ = ["Database", "open_database"]

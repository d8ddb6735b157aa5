"""On a server: search in a lower-case copy of the text (LIKE, not ILIKE); the audit chain's one-statement append

Revision ID: 0017_i18_speed
Revises: 0016_i13_speed_search
Create Date: 2026-12-07 00:30:00

ILIKE lowers every text it reads (~20 µs a text of a visit, measured), LIKE compares bytes (~2.5 µs):
each search table gets ``body_lower``, a column the server generates from ``body``, and its trigram
index moves onto it (store/dialects.py). The upgrade also makes ``server_compat`` create
``cd_audit_append`` (store/audit.py). SQLite: nothing changes (FTS5).
"""
from alembic import op
from sqlalchemy import text

from counsel_desk.store import dialects

revision = '0017_i18_speed'
down_revision = '0016_i13_speed_search'
branch_labels = None
depends_on = None


def _search_tables_without_lower_copy() -> list[str]:
    return list(op.get_bind().execute(text(
        "SELECT c.table_name FROM information_schema.columns c WHERE c.table_schema = current_schema() "
        "AND c.table_name LIKE 'search_index%' AND c.column_name = 'body' AND NOT EXISTS (SELECT 1 FROM "
        "information_schema.columns o WHERE o.table_schema = c.table_schema AND o.table_name = c.table_name "
        "AND o.column_name = 'body_lower') ORDER BY 1")).scalars())


def upgrade() -> None:
    if op.get_bind().dialect.name != dialects.SERVER:
        return
    for table in _search_tables_without_lower_copy():
        op.execute(f"ALTER TABLE {table} ADD COLUMN {dialects.LOWER_COLUMN}")
        op.execute(f"DROP INDEX IF EXISTS ix_{table}_trgm")
        dialects.create_trigram_index(op, table)


def downgrade() -> None:
    if op.get_bind().dialect.name != dialects.SERVER:
        return
    tables = op.get_bind().execute(text(
        "SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND column_name = 'body_lower'")).scalars().all()
    for table in tables:
        op.execute(f"DROP INDEX IF EXISTS ix_{table}_trgm")
        op.execute(f"ALTER TABLE {table} DROP COLUMN body_lower")
        op.execute(f"CREATE INDEX ix_{table}_trgm ON {table} USING gin (body gin_trgm_ops)")

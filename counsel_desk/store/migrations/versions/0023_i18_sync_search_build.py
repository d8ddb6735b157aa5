"""On a server: the functions a large import uses to build a search table beside its merge

Revision ID: 0023_i18_sync_search_build
Revises: 0022_i18_bigint
Create Date: 2026-12-07 07:05:00

``cd_search_build_start/index/swap/drop`` (store/search_rebuild.py), ``SECURITY DEFINER`` so that
headquarters' logins, who do not own the tables, can have a search table rebuilt as the owner can.
SQLite: nothing (its search tables are FTS5, filled in the import's transaction).
"""
from alembic import op

from counsel_desk.store import dialects, search_rebuild

revision = '0023_i18_sync_search_build'
down_revision = '0022_i18_bigint'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != dialects.SERVER:
        return
    for sql in search_rebuild.FUNCTIONS:
        op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name != dialects.SERVER:
        return
    for name in reversed(search_rebuild.FUNCTION_NAMES):
        op.execute(f"DROP FUNCTION IF EXISTS {name}(text, text)")

"""a server tells its programs what others changed (LISTEN/NOTIFY), and keeps a record of its pg_dump backups

Revision ID: 0014_i18_live_server
Revises: 0013_i14_sync_twins
Create Date: 2026-12-07 00:30:00

On PostgreSQL only (a file has one user and its own backups page):

- every table whose records a page lists gets a statement-level trigger that NOTIFYs the channel
  ``counsel_desk_changed`` with the kind of record (store/dialects.CHANGE_KINDS): open lists and the
  dashboard of the other people's programs refresh;
- ``server_backup``: one row per ``counsel-desk server backup`` run (when, where, how big), which the
  backups page of every program shows.
"""
from alembic import op
import sqlalchemy as sa

from counsel_desk.store import dialects


revision = '0014_i18_live_server'
down_revision = '0013_i14_sync_twins'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != dialects.SERVER:
        return
    dialects.create_change_notices(op)
    op.create_table(
        'server_backup',
        sa.Column('id', sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column('taken_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('host', sa.String(), nullable=False, server_default=''),
        sa.Column('path', sa.String(), nullable=False),
        sa.Column('size', sa.BigInteger(), nullable=False),
        sa.Column('taken_by', sa.String(), nullable=False, server_default=''),
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != dialects.SERVER:
        return
    op.drop_table('server_backup')
    for table in dialects.CHANGE_KINDS:
        op.execute(f'DROP TRIGGER IF EXISTS cd_notify_change ON "{table}"')
    op.execute("DROP FUNCTION IF EXISTS cd_notify_change()")

"""sync_base.twins: other versions of a record with the same content, kept for the merge, not as conflicts

Revision ID: 0013_i14_sync_twins
Revises: 0012_i16_workstations
Create Date: 2026-12-06 22:00:00

Two databases that make the same change independently hold two versions with identical content. The
merge keeps both (so that any order of files ends in the same state) but nobody has anything to
decide: they were stored as sync_conflict rows with status 'same', which looked like conflicts.
They now live beside the record's merge state; existing 'same' rows move there.
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0013_i14_sync_twins'
down_revision = '0012_i16_workstations'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('sync_base', schema=None) as batch_op:
        batch_op.add_column(sa.Column('twins', sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=''))
    op.execute("UPDATE sync_base SET twins = (SELECT c.remote_values FROM sync_conflict c WHERE c.status = 'same' "
               "AND c.entity = sync_base.entity AND c.record_id = sync_base.record_id) "
               "WHERE EXISTS (SELECT 1 FROM sync_conflict c WHERE c.status = 'same' "
               "AND c.entity = sync_base.entity AND c.record_id = sync_base.record_id)")
    op.execute("DELETE FROM sync_conflict WHERE status = 'same'")


def downgrade() -> None:
    with op.batch_alter_table('sync_base', schema=None) as batch_op:
        batch_op.drop_column('twins')

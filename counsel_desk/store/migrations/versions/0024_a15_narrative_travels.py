"""the manager's report notes travel in the interchange workbook: report_narrative gets the synced columns

``report_narrative`` (本月工作重點, 下月工作重點, 待協助事項) had an id, a version and who changed it last, but
no ``created_at`` or ``deleted_at``, and stayed on the computer it was written on: a manager who wrote them on
her laptop and made the report on the center's computer (after importing the laptops' workbooks) printed
「（未填寫）」. Now it is a synced record (interchange format v12). Existing notes were created when they were
last changed (the only day known); none is deleted.

Revision ID: 0024_a15_narrative_travels
Revises: 0023_i18_sync_search_build
Create Date: 2026-12-07 16:30:00
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0024_a15_narrative_travels'
down_revision = '0023_i18_sync_search_build'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('report_narrative', schema=None) as batch_op:
        batch_op.add_column(sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('deleted_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
    op.execute("UPDATE report_narrative SET created_at = updated_at")
    with op.batch_alter_table('report_narrative', schema=None) as batch_op:
        batch_op.alter_column('created_at', existing_type=sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False)
        batch_op.create_index(batch_op.f('ix_report_narrative_updated_at'), ['updated_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('report_narrative', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_narrative_updated_at'))
        batch_op.drop_column('deleted_at')
        batch_op.drop_column('created_at')

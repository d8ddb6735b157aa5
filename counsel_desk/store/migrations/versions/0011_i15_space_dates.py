"""public spaces dated by status: 整修開始日 and 營運開始日, so a report reads a space's status as of its period's end

Revision ID: 0011_i15_space_dates
Revises: 0010_i17_places
Create Date: 2026-12-06 22:10:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0011_i15_space_dates'
down_revision = '0010_i17_places'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # left empty for the spaces already recorded: a report reads those from the day the space was recorded
    with op.batch_alter_table('public_space', schema=None) as batch_op:
        batch_op.add_column(sa.Column('renovating_since', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('operating_since', sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('public_space', schema=None) as batch_op:
        batch_op.drop_column('operating_since')
        batch_op.drop_column('renovating_since')

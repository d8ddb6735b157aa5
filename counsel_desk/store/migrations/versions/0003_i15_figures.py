"""report figures as of the period's end: budget dates, key visits, the report's narrative

Revision ID: 0003_i15_figures
Revises: 0002_sync
Create Date: 2026-12-06 18:50:00
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0003_i15_figures'
down_revision = '0002_sync'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('report_narrative',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('center_code', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('this_month', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('next_month', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('help_needed', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.ForeignKeyConstraint(['center_code'], ['center.code'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('center_code', 'period_start', 'period_end', name='uq_narrative_period')
    )
    with op.batch_alter_table('report_narrative', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_narrative_center_code'), ['center_code'], unique=False)
    # dates of the money: undated rows (made before this version) are read by their own stamps
    with op.batch_alter_table('workstation_budget', schema=None) as batch_op:
        batch_op.add_column(sa.Column('approved_on', sa.Date(), nullable=True))
    with op.batch_alter_table('budget_line', schema=None) as batch_op:
        batch_op.add_column(sa.Column('disbursed_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('reimbursed_on', sa.Date(), nullable=True))
    with op.batch_alter_table('site_visit', schema=None) as batch_op:
        batch_op.add_column(sa.Column('key_visit', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('site_visit', schema=None) as batch_op:
        batch_op.drop_column('key_visit')
    with op.batch_alter_table('budget_line', schema=None) as batch_op:
        batch_op.drop_column('reimbursed_on')
        batch_op.drop_column('disbursed_on')
    with op.batch_alter_table('workstation_budget', schema=None) as batch_op:
        batch_op.drop_column('approved_on')
    with op.batch_alter_table('report_narrative', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_narrative_center_code'))
    op.drop_table('report_narrative')

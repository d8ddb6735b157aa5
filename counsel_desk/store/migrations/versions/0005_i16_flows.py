"""the two proposal flows of 圖 3: the county's checklist, the council's decision, records moved to their flow

Existing-route proposals (現行提案流程) and township plans leave the multi-channel stages: a draft at
分區中心審閱 is at 公所提報, one 送專案辦公室 is at 縣府審查 (the same place in the other flow). Every
laptop makes the same move, so records stay equal across laptops and nothing is stamped.

Revision ID: 0005_i16_flows
Revises: 0004_i16_programme
Create Date: 2026-12-06 19:20:00
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0005_i16_flows'
down_revision = '0004_i16_programme'
branch_labels = None
depends_on = None

def _synced():
    """The sync columns every travelling table has (models.base.Synced)."""
    return [
        sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('deleted_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    ]


def upgrade() -> None:
    op.create_table('county_check', *_synced(),
    sa.Column('proposal_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('item', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('checked_on', sa.Date(), nullable=True),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['proposal_id'], ['proposal.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('proposal_id', 'item', name='uq_county_check_proposal_item')
    )
    with op.batch_alter_table('county_check', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_county_check_proposal_id'), ['proposal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_county_check_updated_at'), ['updated_at'], unique=False)
    op.create_table('approved_amount', *_synced(),
    sa.Column('proposal_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.Column('plan_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.Column('agency', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], ),
    sa.ForeignKeyConstraint(['proposal_id'], ['proposal.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('approved_amount', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_approved_amount_plan_id'), ['plan_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_approved_amount_proposal_id'), ['proposal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_approved_amount_updated_at'), ['updated_at'], unique=False)
    for table in ('proposal', 'plan'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('council_meeting', sa.Integer(), nullable=True))
            batch_op.add_column(sa.Column('council_date', sa.Date(), nullable=True))
    # each record to its flow (see the module docstring)
    op.execute("UPDATE proposal SET stage = 'township_filed' WHERE route = 'existing' AND stage = 'center_review'")
    op.execute("UPDATE proposal SET stage = 'county_review' WHERE route = 'existing' AND stage = 'sent'")
    op.execute("UPDATE plan SET stage = 'township_filed' WHERE stage = 'center_review'")
    op.execute("UPDATE plan SET stage = 'county_review' WHERE stage = 'sent'")


def downgrade() -> None:
    op.execute("UPDATE plan SET stage = 'sent' WHERE stage = 'county_review'")
    op.execute("UPDATE plan SET stage = 'center_review' WHERE stage = 'township_filed'")
    op.execute("UPDATE proposal SET stage = 'sent' WHERE stage = 'county_review'")
    op.execute("UPDATE proposal SET stage = 'center_review' WHERE stage = 'township_filed'")
    for table in ('plan', 'proposal'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('council_date')
            batch_op.drop_column('council_meeting')
    op.drop_table('approved_amount')
    op.drop_table('county_check')

"""workstations by the rules' year: staff and 評鑑 per budget year, 延續補助, eligibility facts, space year

A budget year keeps its own full-time staff count (the personnel-cost rule is judged on it, never on
today's count); existing budgets take the count the station has now — what judged them until today —
so no past year changes its verdict at the upgrade. A budget year also records the evaluation (評鑑)
and whether it is an extension (延續補助). The station records its eligibility facts (host's age and
years on site, partners aged 20–45) and a public space the ROC year its subsidy was approved (its cap
is the plan in force that year). The county's checklist (縣府審查) may now belong to a township's plan
as well as to a proposal. Every laptop makes the same move, so nothing is stamped.

Revision ID: 0012_i16_workstations
Revises: 0011_i15_space_dates
Create Date: 2026-12-06 21:50:00
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0012_i16_workstations'
down_revision = '0011_i15_space_dates'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('workstation_budget', schema=None) as batch_op:
        batch_op.add_column(sa.Column('fulltime_staff', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('extension', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('evaluation', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('evaluated_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('evaluation_note', sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                      server_default=''))
    with op.batch_alter_table('workstation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('host_age', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('host_years_on_site', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('young_partners', sa.Integer(), nullable=True))
    with op.batch_alter_table('public_space', schema=None) as batch_op:
        batch_op.add_column(sa.Column('year_approved', sa.Integer(), nullable=True))
    with op.batch_alter_table('county_check', schema=None) as batch_op:
        batch_op.alter_column('proposal_id', existing_type=sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True)
        batch_op.add_column(sa.Column('plan_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True))
        batch_op.create_foreign_key('fk_county_check_plan_id_plan', 'plan', ['plan_id'], ['id'])
        batch_op.create_index(batch_op.f('ix_county_check_plan_id'), ['plan_id'], unique=False)
        batch_op.create_unique_constraint('uq_county_check_plan_item', ['plan_id', 'item'])
    op.execute("UPDATE workstation_budget SET fulltime_staff = (SELECT w.fulltime_staff FROM workstation w "
               "WHERE w.id = workstation_budget.workstation_id)")


def downgrade() -> None:
    op.execute("DELETE FROM county_check WHERE proposal_id IS NULL")
    with op.batch_alter_table('county_check', schema=None) as batch_op:
        batch_op.drop_constraint('uq_county_check_plan_item', type_='unique')
        batch_op.drop_index(batch_op.f('ix_county_check_plan_id'))
        batch_op.drop_constraint('fk_county_check_plan_id_plan', type_='foreignkey')
        batch_op.drop_column('plan_id')
        batch_op.alter_column('proposal_id', existing_type=sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False)
    with op.batch_alter_table('public_space', schema=None) as batch_op:
        batch_op.drop_column('year_approved')
    with op.batch_alter_table('workstation', schema=None) as batch_op:
        batch_op.drop_column('young_partners')
        batch_op.drop_column('host_years_on_site')
        batch_op.drop_column('host_age')
    with op.batch_alter_table('workstation_budget', schema=None) as batch_op:
        batch_op.drop_column('evaluation_note')
        batch_op.drop_column('evaluated_on')
        batch_op.drop_column('evaluation')
        batch_op.drop_column('extension')
        batch_op.drop_column('fulltime_staff')

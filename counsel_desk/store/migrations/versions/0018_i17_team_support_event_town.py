"""support given directly to a youth team (no workstation), and the township an event was held in

A support record's workstation becomes optional: support a center gives a youth team that has no
workstation is linked to the team (youth_team_support) and has none. A center event gets the
township it was held in, so the 原住民族地區 filter and the report's indigenous breakdown can read it;
existing events keep their county and have no township until someone sets it.

Revision ID: 0018_i17_team_support_event_town
Revises: 0017_i18_speed
Create Date: 2026-12-07 00:45:00
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0018_i17_team_support_event_town'
down_revision = '0017_i18_speed'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('support_record', schema=None) as batch_op:
        batch_op.alter_column('workstation_id', existing_type=sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True)
    with op.batch_alter_table('center_event', schema=None) as batch_op:
        batch_op.add_column(sa.Column('township_code', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=True))
        batch_op.create_foreign_key('fk_center_event_township_code_township', 'township', ['township_code'], ['code'])
        batch_op.create_index(batch_op.f('ix_center_event_township_code'), ['township_code'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('center_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_center_event_township_code'))
        batch_op.drop_constraint('fk_center_event_township_code_township', type_='foreignkey')
        batch_op.drop_column('township_code')
    for link in ("support_counselor", "youth_team_support"):
        op.execute(f"DELETE FROM {link} WHERE support_id IN (SELECT id FROM support_record WHERE workstation_id IS NULL)")
    op.execute("DELETE FROM support_record WHERE workstation_id IS NULL")
    with op.batch_alter_table('support_record', schema=None) as batch_op:
        batch_op.alter_column('workstation_id', existing_type=sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False)

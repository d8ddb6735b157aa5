"""youth_team_member.erased_at: a team member's personal data erased on request, as a contact's

Revision ID: 0015_i17_member_erasure
Revises: 0014_i18_live_server
Create Date: 2026-12-07 00:30:00

A youth team's members carry a name and a birth year (個人資料). A member who asks to be erased
keeps an anonymous row (the team's counts still add up); erased_at says so and, as for a contact,
makes the erased version win a sync tie-break.
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0015_i17_member_erasure'
down_revision = '0014_i18_live_server'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('youth_team_member', schema=None) as batch_op:
        batch_op.add_column(sa.Column('erased_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('youth_team_member', schema=None) as batch_op:
        batch_op.drop_column('erased_at')

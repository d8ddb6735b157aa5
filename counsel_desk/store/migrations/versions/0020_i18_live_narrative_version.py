"""the manager's report notes get a version, so a save over a colleague's newer words is refused

Every other edited record carries the synced columns' ``version``; ``report_narrative`` (written on the
reports page, kept on this computer or the center's server) had only who and when. Two people writing the
notes of one report on a shared server overwrote each other: now each save raises the version, and the
editor saves against the one it loaded (reports/narrative.py). Existing notes start at version 1.

Revision ID: 0020_i18_live_narrative_version
Revises: 0018_i17_team_support_event_town
Create Date: 2026-12-07 03:50:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0020_i18_live_narrative_version'
down_revision = '0018_i17_team_support_event_town'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('report_narrative', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), nullable=False, server_default='1'))


def downgrade() -> None:
    with op.batch_alter_table('report_narrative', schema=None) as batch_op:
        batch_op.drop_column('version')

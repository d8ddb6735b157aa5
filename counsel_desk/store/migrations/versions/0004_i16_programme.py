"""programme definitions as data: the loaded programme files (計畫定義檔)

Revision ID: 0004_i16_programme
Revises: 0003_i15_figures
Create Date: 2026-12-06 18:50:00
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0004_i16_programme'
down_revision = '0003_i15_figures'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('programme_file',
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('programme_version', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
    sa.Column('first_year', sa.Integer(), nullable=False),
    sa.Column('last_year', sa.Integer(), nullable=False),
    sa.Column('body', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('origin', sqlmodel.sql.sqltypes.AutoString(length=512), nullable=False),
    sa.Column('loaded_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('loaded_by', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.PrimaryKeyConstraint('code')
    )


def downgrade() -> None:
    op.drop_table('programme_file')

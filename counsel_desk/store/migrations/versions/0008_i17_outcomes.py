"""outcomes as dated records, youth teams of the award programmes, training figures of events

The two undated counters of a workstation (youth_stayed, youth_returned) become dated outcome
records (成果紀錄) and the columns go. A counter's record is dated the day the counter was last
changed (the workstation's last change, Taiwan day), but not after the workstation's term end; its
id is derived from the workstation's id and the kind, so every laptop that migrates the same
workstation makes the same record (a later exchange merges them instead of counting them twice).

Revision ID: 0008_i17_outcomes
Revises: 0007_i14_audit_head
Create Date: 2026-12-06 21:45:00
"""
import uuid
from datetime import timedelta

from alembic import op
import sqlalchemy as sa
from sqlmodel.sql.sqltypes import AutoString, UTCDateTime


revision = '0008_i17_outcomes'
down_revision = '0007_i14_audit_head'
branch_labels = None
depends_on = None

# uuid5 namespace of outcome records made from the old counters (stable across laptops)
COUNTER_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "counsel_desk/outcome-from-workstation-counter")
COUNTERS = (("youth_stayed", "youth_stayed"), ("youth_returned", "youth_returned"))  # (column, outcome kind)


def counter_outcome_id(workstation_id: str, kind: str) -> str:
    return str(uuid.uuid5(COUNTER_NAMESPACE, f"{workstation_id}:{kind}"))


def _synced() -> list:
    return [
        sa.Column('id', AutoString(length=36), nullable=False),
        sa.Column('created_at', UTCDateTime(), nullable=False),
        sa.Column('updated_at', UTCDateTime(), nullable=False),
        sa.Column('updated_by', AutoString(length=120), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('deleted_at', UTCDateTime(), nullable=True),
    ]


def upgrade() -> None:
    op.create_table('youth_team', *_synced(),
                    sa.Column('center_code', AutoString(length=16), nullable=False),
                    sa.Column('name', AutoString(length=128), nullable=False),
                    sa.Column('programme', AutoString(length=200), nullable=False),
                    sa.Column('roc_year', sa.Integer(), nullable=False),
                    sa.Column('award', sa.Integer(), nullable=False),
                    sa.Column('themes', AutoString(), nullable=False),
                    sa.Column('county_code', AutoString(length=8), nullable=True),
                    sa.Column('township_code', AutoString(length=12), nullable=True),
                    sa.Column('workstation_id', AutoString(length=36), nullable=True),
                    sa.Column('notes', AutoString(), nullable=False),
                    sa.ForeignKeyConstraint(['center_code'], ['center.code']),
                    sa.ForeignKeyConstraint(['county_code'], ['county.code']),
                    sa.ForeignKeyConstraint(['township_code'], ['township.code']),
                    sa.ForeignKeyConstraint(['workstation_id'], ['workstation.id']),
                    sa.PrimaryKeyConstraint('id'))
    with op.batch_alter_table('youth_team', schema=None) as b:
        b.create_index(b.f('ix_youth_team_center_code'), ['center_code'], unique=False)
        b.create_index(b.f('ix_youth_team_name'), ['name'], unique=False)
        b.create_index(b.f('ix_youth_team_township_code'), ['township_code'], unique=False)
        b.create_index(b.f('ix_youth_team_updated_at'), ['updated_at'], unique=False)

    op.create_table('youth_team_member', *_synced(),
                    sa.Column('team_id', AutoString(length=36), nullable=False),
                    sa.Column('name', AutoString(length=64), nullable=False),
                    sa.Column('birth_year', sa.Integer(), nullable=True),
                    sa.Column('role', AutoString(length=64), nullable=False),
                    sa.ForeignKeyConstraint(['team_id'], ['youth_team.id']),
                    sa.PrimaryKeyConstraint('id'))
    with op.batch_alter_table('youth_team_member', schema=None) as b:
        b.create_index(b.f('ix_youth_team_member_team_id'), ['team_id'], unique=False)
        b.create_index(b.f('ix_youth_team_member_updated_at'), ['updated_at'], unique=False)

    op.create_table('youth_team_visit',
                    sa.Column('team_id', AutoString(length=36), nullable=False),
                    sa.Column('visit_id', AutoString(length=36), nullable=False),
                    sa.ForeignKeyConstraint(['team_id'], ['youth_team.id']),
                    sa.ForeignKeyConstraint(['visit_id'], ['site_visit.id']),
                    sa.PrimaryKeyConstraint('team_id', 'visit_id'))
    op.create_table('youth_team_support',
                    sa.Column('team_id', AutoString(length=36), nullable=False),
                    sa.Column('support_id', AutoString(length=36), nullable=False),
                    sa.ForeignKeyConstraint(['team_id'], ['youth_team.id']),
                    sa.ForeignKeyConstraint(['support_id'], ['support_record.id']),
                    sa.PrimaryKeyConstraint('team_id', 'support_id'))

    op.create_table('outcome', *_synced(),
                    sa.Column('center_code', AutoString(length=16), nullable=False),
                    sa.Column('outcome_date', sa.Date(), nullable=False),
                    sa.Column('kind', AutoString(length=24), nullable=False),
                    sa.Column('people', sa.Integer(), nullable=False),
                    sa.Column('amount', sa.Integer(), nullable=False),
                    sa.Column('registered', sa.Boolean(), nullable=True),
                    sa.Column('agency', AutoString(length=128), nullable=False),
                    sa.Column('programme', AutoString(length=200), nullable=False),
                    sa.Column('company', AutoString(length=128), nullable=False),
                    sa.Column('workstation_id', AutoString(length=36), nullable=True),
                    sa.Column('proposal_id', AutoString(length=36), nullable=True),
                    sa.Column('youth_team_id', AutoString(length=36), nullable=True),
                    sa.Column('county_code', AutoString(length=8), nullable=True),
                    sa.Column('township_code', AutoString(length=12), nullable=True),
                    sa.Column('note', AutoString(), nullable=False),
                    sa.ForeignKeyConstraint(['center_code'], ['center.code']),
                    sa.ForeignKeyConstraint(['workstation_id'], ['workstation.id']),
                    sa.ForeignKeyConstraint(['proposal_id'], ['proposal.id']),
                    sa.ForeignKeyConstraint(['youth_team_id'], ['youth_team.id']),
                    sa.ForeignKeyConstraint(['county_code'], ['county.code']),
                    sa.ForeignKeyConstraint(['township_code'], ['township.code']),
                    sa.PrimaryKeyConstraint('id'))
    with op.batch_alter_table('outcome', schema=None) as b:
        b.create_index(b.f('ix_outcome_center_code'), ['center_code'], unique=False)
        b.create_index(b.f('ix_outcome_outcome_date'), ['outcome_date'], unique=False)
        b.create_index(b.f('ix_outcome_workstation_id'), ['workstation_id'], unique=False)
        b.create_index(b.f('ix_outcome_proposal_id'), ['proposal_id'], unique=False)
        b.create_index(b.f('ix_outcome_youth_team_id'), ['youth_team_id'], unique=False)
        b.create_index(b.f('ix_outcome_township_code'), ['township_code'], unique=False)
        b.create_index(b.f('ix_outcome_updated_at'), ['updated_at'], unique=False)

    with op.batch_alter_table('center_event', schema=None) as b:
        b.add_column(sa.Column('hours', sa.Float(), nullable=False, server_default='0'))
        b.add_column(sa.Column('trainees', sa.Integer(), nullable=False, server_default='0'))
        b.add_column(sa.Column('completed', sa.Integer(), nullable=False, server_default='0'))

    _counters_to_outcomes()
    with op.batch_alter_table('workstation', schema=None) as b:
        b.drop_column('youth_stayed')
        b.drop_column('youth_returned')


def _counters_to_outcomes() -> None:
    conn = op.get_bind()
    ws = sa.table('workstation', sa.column('id', AutoString()), sa.column('center_code', AutoString()),
                  sa.column('county_code', AutoString()), sa.column('township_code', AutoString()),
                  sa.column('term_end', sa.Date()), sa.column('updated_at', UTCDateTime()),
                  sa.column('updated_by', AutoString()), sa.column('youth_stayed', sa.Integer()),
                  sa.column('youth_returned', sa.Integer()))
    out = sa.table('outcome', *[sa.column(c.name, c.type) for c in _synced()],
                   sa.column('center_code', AutoString()), sa.column('outcome_date', sa.Date()),
                   sa.column('kind', AutoString()), sa.column('people', sa.Integer()), sa.column('amount', sa.Integer()),
                   sa.column('registered', sa.Boolean()), sa.column('agency', AutoString()),
                   sa.column('programme', AutoString()), sa.column('company', AutoString()),
                   sa.column('workstation_id', AutoString()), sa.column('county_code', AutoString()),
                   sa.column('township_code', AutoString()), sa.column('note', AutoString()))
    rows = []
    for r in conn.execute(sa.select(ws).where(sa.or_(ws.c.youth_stayed > 0, ws.c.youth_returned > 0))):
        day = (r.updated_at + timedelta(hours=8)).date()  # the Taiwan day of the last change
        if r.term_end is not None and r.term_end < day:
            day = r.term_end
        for column, kind in COUNTERS:
            n = getattr(r, column) or 0
            if n <= 0:
                continue
            rows.append({"id": counter_outcome_id(r.id, kind), "created_at": r.updated_at, "updated_at": r.updated_at,
                         "updated_by": r.updated_by or "", "version": 1, "deleted_at": None,
                         "center_code": r.center_code, "outcome_date": day, "kind": kind, "people": int(n),
                         "amount": 0, "registered": None, "agency": "", "programme": "", "company": "",
                         "workstation_id": r.id, "county_code": r.county_code, "township_code": r.township_code,
                         "note": "由工作站留鄉／返鄉人數轉入"})
    if rows:
        conn.execute(sa.insert(out), rows)


def downgrade() -> None:
    with op.batch_alter_table('workstation', schema=None) as b:
        b.add_column(sa.Column('youth_stayed', sa.Integer(), nullable=False, server_default='0'))
        b.add_column(sa.Column('youth_returned', sa.Integer(), nullable=False, server_default='0'))
    for column, kind in COUNTERS:
        op.execute(f"UPDATE workstation SET {column} = coalesce((SELECT sum(o.people) FROM outcome o "
                   f"WHERE o.workstation_id = workstation.id AND o.kind = '{kind}' AND o.deleted_at IS NULL), 0)")
    with op.batch_alter_table('center_event', schema=None) as b:
        b.drop_column('completed')
        b.drop_column('trainees')
        b.drop_column('hours')
    op.drop_table('outcome')
    op.drop_table('youth_team_support')
    op.drop_table('youth_team_visit')
    op.drop_table('youth_team_member')
    op.drop_table('youth_team')

"""township stocktaking: coded 推動課題 (seeded), their tags on visits and townships, dated status notes

Revision ID: 0010_i17_places
Revises: 0009_i15_closed_index
Create Date: 2026-12-06 21:40:00
"""
import uuid
from datetime import datetime, timezone

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0010_i17_places'
down_revision = '0009_i15_closed_index'
branch_labels = None
depends_on = None

# The topics as seeded when this migration was written (models/stocktaking.py SEEDED_TOPICS): the same
# ids on every laptop, so seeded topics never travel as changes.
NAMESPACE = uuid.UUID("6f1d2f0e-4b7a-4c1e-9a55-17a0c0de1700")
SEEDED_AT = datetime(2026, 12, 1, tzinfo=timezone.utc)
SEED_DEVICE = "000000000000"
TOPICS = (
    ("DNA", "地方DNA難以形成商業模式", "Local DNA hard to turn into a business model"),
    ("CONSENSUS", "地方共識不足", "Too little local consensus"),
    ("TALENT", "人才不足", "Too few people with the skills"),
    ("FUNDING", "資金缺口", "Funding gap"),
    ("LAND", "土地取得", "Getting land"),
    ("RULES", "法規限制", "Regulations"),
    ("MARKET", "通路行銷", "Sales channels and marketing"),
    ("SPACE", "空間閒置或不足", "Idle or missing space"),
    ("TRANSPORT", "交通與可及性", "Transport and access"),
    ("AGENCIES", "跨部會資源整合", "Joining up agencies' resources"),
    ("SUCCESSION", "人口老化與傳承", "Ageing and passing skills on"),
)


def _synced():
    return [
        sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('deleted_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    ]


def upgrade() -> None:
    topic = op.create_table('issue_topic', *_synced(),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('name_en', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    with op.batch_alter_table('issue_topic', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_issue_topic_updated_at'), ['updated_at'], unique=False)
    op.create_table('visit_issue_topic',
    sa.Column('visit_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('topic_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.ForeignKeyConstraint(['topic_id'], ['issue_topic.id'], ),
    sa.ForeignKeyConstraint(['visit_id'], ['site_visit.id'], ),
    sa.PrimaryKeyConstraint('visit_id', 'topic_id')
    )
    with op.batch_alter_table('visit_issue_topic', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_issue_topic_topic_id'), ['topic_id'], unique=False)
    op.create_table('township_issue', *_synced(),
    sa.Column('center_code', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('county_code', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('township_code', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('topic_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('noted_on', sa.Date(), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['center_code'], ['center.code'], ),
    sa.ForeignKeyConstraint(['county_code'], ['county.code'], ),
    sa.ForeignKeyConstraint(['topic_id'], ['issue_topic.id'], ),
    sa.ForeignKeyConstraint(['township_code'], ['township.code'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('center_code', 'township_code', 'topic_id', name='uq_township_issue')
    )
    with op.batch_alter_table('township_issue', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_township_issue_center_code'), ['center_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_township_issue_township_code'), ['township_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_township_issue_topic_id'), ['topic_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_township_issue_updated_at'), ['updated_at'], unique=False)
    op.create_table('township_status_note', *_synced(),
    sa.Column('center_code', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('county_code', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('township_code', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('noted_on', sa.Date(), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['center_code'], ['center.code'], ),
    sa.ForeignKeyConstraint(['county_code'], ['county.code'], ),
    sa.ForeignKeyConstraint(['township_code'], ['township.code'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('township_status_note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_township_status_note_center_code'), ['center_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_township_status_note_noted_on'), ['noted_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_township_status_note_township_code'), ['township_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_township_status_note_updated_at'), ['updated_at'], unique=False)
    ids = [str(uuid.uuid5(NAMESPACE, code)) for code, _zh, _en in TOPICS]
    op.bulk_insert(topic, [
        {"id": ids[n - 1], "created_at": SEEDED_AT, "updated_at": SEEDED_AT, "updated_by": "",
         "version": 1, "deleted_at": None, "code": code, "name": zh, "name_en": en, "active": True,
         "sort_order": n * 10}
        for n, (code, zh, en) in enumerate(TOPICS, start=1)])
    # Every database holds the seeded version as already merged, under one clock of a device no laptop has
    # (sync.clock: twelve zeros): two laptops' untouched topics are then the same version, not a conflict,
    # and a laptop's edit of one (its own device's counter added) simply wins.
    base = sa.table('sync_base', sa.column('entity', sa.String), sa.column('record_id', sa.String),
                    sa.column('clock', sa.String), sa.column('content_hash', sa.String),
                    sa.column('local_version', sa.Integer), sa.column('withheld', sa.Boolean),
                    sa.column('merged_at', sqlmodel.sql.sqltypes.UTCDateTime()))
    known = {r[0] for r in op.get_bind().execute(sa.text("SELECT record_id FROM sync_base WHERE entity = 'issue_topic'"))}
    op.bulk_insert(base, [{"entity": "issue_topic", "record_id": i, "clock": f"{SEED_DEVICE}:1", "content_hash": "",
                           "local_version": 1, "withheld": False, "merged_at": SEEDED_AT} for i in ids if i not in known])


def downgrade() -> None:
    op.execute("DELETE FROM sync_base WHERE entity = 'issue_topic'")
    op.drop_table('township_status_note')
    op.drop_table('township_issue')
    op.drop_table('visit_issue_topic')
    op.drop_table('issue_topic')

"""search index per entity: one FTS5 table per searchable entity instead of one for all

A phrase found in 100,000 visits made every support-record search read all of those matches first;
each entity's text now has its own table (search_index_<entity>), numbered by search_index_doc as
before.

Revision ID: 0006_i13_house
Revises: 0005_i16_flows
Create Date: 2026-12-06 19:40:00
"""
from alembic import op

from counsel_desk.store import dialects

revision = '0006_i13_house'
down_revision = '0005_i16_flows'
branch_labels = None
depends_on = None

# The entities of counsel_desk.store.search.ENTITIES when this migration was written.
ENTITIES = ("site_visit", "followup", "organization", "workstation", "support_record", "public_space",
            "center_event", "proposal", "plan")


def upgrade() -> None:
    for entity in ENTITIES:
        table = f"search_index_{entity}"
        dialects.create_search_table(op, table)
        op.execute(f"INSERT INTO {table} (rowid, body) SELECT s.rowid, s.body FROM search_index s "
                   f"JOIN search_index_doc d ON d.rowid = s.rowid WHERE d.entity = '{entity}' ORDER BY s.rowid")
    # documents of an entity nobody indexes any more would have no table to live in
    op.execute(f"DELETE FROM search_index_doc WHERE entity NOT IN ({', '.join(repr(e) for e in ENTITIES)})")
    op.execute("DROP TABLE search_index")


def downgrade() -> None:
    dialects.create_search_table(op, "search_index", with_entity=True)
    for entity in ENTITIES:
        table = f"search_index_{entity}"
        op.execute(f"INSERT INTO search_index (rowid, entity, body) SELECT rowid, '{entity}', body FROM {table}")
        op.execute(f"DROP TABLE {table}")

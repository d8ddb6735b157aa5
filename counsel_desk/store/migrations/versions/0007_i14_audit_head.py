"""audit log head anchored in app_meta: entries, the newest one's number and hash

Revision ID: 0007_i14_audit_head
Revises: 0006_i13_house
Create Date: 2026-12-06 19:00:00
"""
import json

from alembic import op
import sqlalchemy as sa


revision = '0007_i14_audit_head'
down_revision = '0006_i13_house'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The chain as it stands is taken for the head: from now on cutting its end off is detectable.
    conn = op.get_bind()
    count, seq = conn.execute(sa.text("SELECT count(*), coalesce(max(seq), 0) FROM audit_log")).one()
    h = conn.execute(sa.text("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1")).scalar() or ""
    conn.execute(sa.text("INSERT INTO app_meta (key, value) VALUES ('audit_head', :v) "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                 {"v": json.dumps({"count": int(count), "hash": h, "seq": int(seq)}, sort_keys=True)})


def downgrade() -> None:
    op.execute("DELETE FROM app_meta WHERE key = 'audit_head'")

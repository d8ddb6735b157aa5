"""On a server: the audit chain extended by the server at COMMIT (a deferred trigger), not by the program before it

Revision ID: 0021_i18_speed_audit_seal
Revises: 0020_i18_live_narrative_version
Create Date: 2026-12-07 03:55:00

A save hands its audit entries to ``audit_pending`` (unlogged; a row never outlives its transaction); the
deferred trigger ``cd_audit_seal`` appends them to the chain inside COMMIT, so the chain's lock is held by
the server alone and never while a program waits for the CPU to send its COMMIT (store/audit.py). The staff
group gets its privileges here too, for a server whose ``counsel-desk server init`` is not re-run at once.
SQLite: nothing changes (its write lock covers the whole save anyway).
"""
from alembic import op

from counsel_desk.store import audit, dialects

revision = '0021_i18_speed_audit_seal'
down_revision = '0020_i18_live_narrative_version'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != dialects.SERVER:
        return
    op.execute(audit.APPEND_SQL)
    op.execute(audit.SEAL_SQL)
    for sql in audit.PENDING_TABLE_SQL:
        op.execute(sql)
    op.execute(f"DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cd_staff') THEN "
               f"GRANT SELECT, INSERT, DELETE ON {audit.PENDING_TABLE} TO cd_staff; END IF; END $$")


def downgrade() -> None:
    if op.get_bind().dialect.name != dialects.SERVER:
        return
    op.execute(f"DROP TABLE IF EXISTS {audit.PENDING_TABLE}")
    op.execute("DROP FUNCTION IF EXISTS cd_audit_seal()")

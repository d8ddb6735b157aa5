"""On a server: every non-key integer column becomes BIGINT (SQLite's INTEGER is already 64-bit)

Amounts (budgets, subsidies, funding, awards, outcome amounts) and counts reach past 2,147,483,647 in
NT$ totals. A laptop on SQLite stores them; a server's 32-bit ``integer`` refused them, so the laptop's
workbook or sync did not go in. Every non-key integer is widened, not only the money columns: a
workbook carries whatever a laptop stored, and one rule leaves nothing to forget (models/__init__.py
``_widen_integers``). Keys (audit_log.seq, the sync logs' ids, work_item_allocation.roc_year) stay.

The columns are listed, not looked up: this revision's schema, whatever later ones add.
SQLite: nothing changes. Downgrade on a server narrows them again (refused if a value no longer fits).

Revision ID: 0022_i18_bigint
Revises: 0021_i18_speed_audit_seal
Create Date: 2026-12-07 03:40:00
"""
from alembic import op

from counsel_desk.store import dialects

revision = '0022_i18_bigint'
down_revision = '0021_i18_speed_audit_seal'
branch_labels = None
depends_on = None

WIDENED = {
    'approved_amount': ('amount', 'version'),
    'attachment': ('size_bytes', 'version'),
    'budget_line': ('disbursed', 'planned', 'reimbursed', 'version'),
    'center': ('sort_order',),
    'center_event': ('completed', 'participants', 'trainees', 'version'),
    'contact': ('version',),
    'counselor': ('version',),
    'county': ('sort_order',),
    'county_check': ('version',),
    'followup': ('version',),
    'funding_line': ('amount', 'roc_year', 'version'),
    'import_log': ('format_version',),
    'issue_topic': ('sort_order', 'version'),
    'organization': ('version',),
    'outcome': ('amount', 'people', 'version'),
    'plan': ('council_meeting', 'version'),
    'programme_file': ('first_year', 'last_year', 'programme_version'),
    'proposal': ('council_meeting', 'matching_funds', 'self_funding', 'version'),
    'proposal_comment': ('version',),
    'proposal_score': ('score', 'version'),
    'proposal_section': ('version',),
    'public_space': ('subsidy', 'version', 'year_approved'),
    'report_narrative': ('version',),
    'report_snapshot': ('revision',),
    'site_visit': ('version',),
    'stage_change': ('version',),
    'support_record': ('participants', 'version'),
    'sync_base': ('local_version',),
    'township_issue': ('version',),
    'township_status_note': ('version',),
    'work_item': ('sort_order',),
    'work_item_allocation': ('amount_ntd',),
    'workstation': ('fulltime_staff', 'host_age', 'host_years_on_site', 'team_size', 'version', 'year_approved', 'young_partners'),
    'workstation_budget': ('approved_subsidy', 'fulltime_staff', 'roc_year', 'version'),
    'yearly_target': ('version', 'year'),
    'youth_team': ('award', 'roc_year', 'version'),
    'youth_team_member': ('birth_year', 'version'),
}


def _alter(kind: str) -> None:
    if op.get_bind().dialect.name != dialects.SERVER:
        return
    for table, columns in WIDENED.items():
        changes = ", ".join(f"ALTER COLUMN {c} TYPE {kind}" for c in columns)
        op.execute(f"ALTER TABLE {table} {changes}")  # one rewrite of the table, not one a column


def upgrade() -> None:
    _alter("BIGINT")


def downgrade() -> None:
    _alter("INTEGER")

"""outcomes and youth teams searchable: their own search index tables, filled from the records there are

Issue 17 made outcomes (成果紀錄) and youth teams (青年團隊) lists with a search box that scanned a few
columns of every row; they now have a search index of their own like every other list
(search_index_outcome, search_index_youth_team), so a word is found through the trigram index and in
the same texts the import and the services index: the record's words, its county and township, the
name of its workstation.

Revision ID: 0016_i13_speed_search
Revises: 0015_i17_member_erasure
Create Date: 2026-12-07 00:40:00
"""
from alembic import op

from counsel_desk.store import dialects

revision = '0016_i13_speed_search'
down_revision = '0015_i17_member_erasure'
branch_labels = None
depends_on = None

# entity → the text columns of its body (then the place and the workstation's name), as written here
TEXTS = {"outcome": ("note", "agency", "programme", "company"),
         "youth_team": ("name", "programme", "themes", "notes")}


def _part(expr: str) -> str:
    return f"coalesce(nullif({expr}, '') || '\n', '')"


def _body(columns: tuple[str, ...]) -> str:
    county = "(SELECT n.name FROM county n WHERE n.code = r.county_code)"
    town = "(SELECT n.name FROM township n WHERE n.code = r.township_code)"
    parts = [_part(f"r.{c}") for c in columns]
    parts.append(_part(f"coalesce({county} || ' ' || {town}, {county}, {town})"))
    parts.append(_part("(SELECT n.name FROM workstation n WHERE n.id = r.workstation_id)"))
    return " || ".join(parts)


def upgrade() -> None:
    for entity, columns in TEXTS.items():
        table = f"search_index_{entity}"
        dialects.create_search_table(op, table)
        op.execute(f"INSERT INTO search_index_doc (entity, record_id) SELECT '{entity}', r.id FROM {entity} r "
                   f"WHERE r.deleted_at IS NULL ORDER BY r.id")
        op.execute(f"INSERT INTO {table} (rowid, body) SELECT d.rowid, {_body(columns)} FROM {entity} r "
                   f"JOIN search_index_doc d ON d.record_id = r.id")


def downgrade() -> None:
    for entity in TEXTS:
        op.execute(f"DELETE FROM search_index_doc WHERE entity = '{entity}'")
        op.execute(f"DROP TABLE search_index_{entity}")

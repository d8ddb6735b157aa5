"""Records with a natural key, created on two laptops, become one record — never a refused workbook.

A year's target per center and metric, a workstation's budget per year, a proposal's score per
criterion and its text per section can each exist once (``Sheet.unique``). Two laptops that create
"the same" record independently give it two ids. On import every record of such a key is brought
to one id — the smallest of all the ids seen for it, so every database that has seen the same files
picks the same one whatever their order — and the two versions then meet as versions of one record:
identical values merge silently, differing fields are a conflict the manager decides.

The staged rows (and the staged rows that point to them) are renamed while the batch is checked;
a record already in the database is renamed inside the import's transaction by :func:`rename_records`
(its children, merge state, conflicts and attachments follow), so a refused or dry-run import
changes nothing.
"""

from __future__ import annotations


from counsel_desk.sync.db import SyncConnection
from counsel_desk.sync import format as fmt
from counsel_desk.sync.format import Kind, Sheet
from counsel_desk.sync.reader import stage_table

RENAMES = "sync_rename"


def create_rename_table(link: SyncConnection) -> None:
    link.create_temp_table(RENAMES, ["entity", "old_id", "new_id"])


def drop_rename_table(link: SyncConnection) -> None:
    link.drop_table(RENAMES)


def _pointing_at(sheet: Sheet) -> list[tuple[Sheet, str]]:
    """(sheet, column) of every reference column that points at ``sheet``."""
    return [(s, c.key) for s in fmt.SHEETS for c in s.columns if c.kind is Kind.REF and c.ref == sheet.key]


def unify(link: SyncConnection) -> int:
    """Give every natural key one id across the staged files and the database; returns renamed rows.

    Staged rows are renamed at once (temp schema); database records to rename are listed in
    :data:`RENAMES` for :func:`rename_records`.
    """
    renamed = 0
    for sheet in fmt.SHEETS:
        for key in sheet.unique:
            renamed += _unify_key(link, sheet, key)
    return renamed


def _unify_key(link: SyncConnection, sheet: Sheet, key: tuple[str, ...]) -> int:
    stage = stage_table(sheet)
    cols = ", ".join(key)
    # every id each key value has, in the files and in the database; the smallest is the one kept
    groups = link.execute(
        f"SELECT {cols}, min(id), group_concat(id, ';') FROM ("
        f"  SELECT DISTINCT {cols}, id FROM {stage} WHERE {' AND '.join(f'{k} IS NOT NULL' for k in key)} "
        f"  UNION SELECT {cols}, m.id FROM {sheet.table} m WHERE EXISTS (SELECT 1 FROM {stage} s WHERE "
        f"  {' AND '.join(f's.{k} = m.{k}' for k in key)})"
        f") AS k GROUP BY {cols} HAVING count(DISTINCT id) > 1").fetchall()
    renamed = 0
    for row in groups:
        keep, ids = row[len(key)], set(row[len(key) + 1].split(";"))
        for old in sorted(ids - {keep}):
            renamed += _rename_staged(link, sheet, old, keep)
            if link.execute(f"SELECT 1 FROM {sheet.table} WHERE id = :i", {"i": old}).fetchone() is not None:
                link.execute(f"INSERT INTO {RENAMES} (entity, old_id, new_id) VALUES (:e, :o, :n)",
                             {"e": sheet.table, "o": old, "n": keep})
    return renamed


def _rename_staged(link: SyncConnection, sheet: Sheet, old: str, new: str) -> int:
    ids = {"n": new, "o": old, "t": sheet.table}
    n = link.execute(f"UPDATE {stage_table(sheet)} SET id = :n WHERE id = :o", ids).rowcount
    for other, col in _pointing_at(sheet):
        link.execute(f"UPDATE {stage_table(other)} SET {col} = :n WHERE {col} = :o", ids)
    attachments = fmt.BY_KEY["attachments"]
    link.execute(f"UPDATE {stage_table(attachments)} SET owner_id = :n WHERE owner_type = :t AND owner_id = :o", ids)
    return int(n)


def rename_records(link: SyncConnection) -> list[tuple[str, str, str]]:
    """Inside the import's transaction: rename the database records :func:`unify` listed, with
    everything that names them. Returns (table, old id, new id)."""
    renames = [tuple(r) for r in link.execute(f"SELECT entity, old_id, new_id FROM {RENAMES}").fetchall()]
    if not renames:
        return []
    link.defer_foreign_keys()  # parent and children are renamed one after the other
    for table, old, new in renames:
        sheet = fmt.BY_TABLE[table]
        if link.execute(f"SELECT 1 FROM {table} WHERE id = :n", {"n": new}).fetchone() is not None:
            continue  # both already here (an earlier import): left as they are
        ids = {"n": new, "o": old, "t": table}
        link.execute(f"UPDATE {table} SET id = :n WHERE id = :o", ids)
        for other, col in _pointing_at(sheet):
            link.execute(f"UPDATE {other.table} SET {col} = :n WHERE {col} = :o", ids)
        link.execute("UPDATE attachment SET owner_id = :n WHERE owner_type = :t AND owner_id = :o", ids)
        link.execute("UPDATE sync_base SET record_id = :n WHERE entity = :t AND record_id = :o", ids)
        link.execute("UPDATE sync_conflict SET record_id = :n WHERE entity = :t AND record_id = :o", ids)
    return renames

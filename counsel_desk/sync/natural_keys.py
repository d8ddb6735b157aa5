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


from counsel_desk.store import driver
from counsel_desk.sync import format as fmt
from counsel_desk.sync.format import Kind, Sheet
from counsel_desk.sync.reader import stage_table

RENAMES = "temp.sync_rename"


def create_rename_table(raw: driver.Connection) -> None:
    raw.execute(f"CREATE TABLE IF NOT EXISTS {RENAMES} (entity TEXT, old_id TEXT, new_id TEXT)")
    raw.execute(f"DELETE FROM {RENAMES}")


def drop_rename_table(raw: driver.Connection) -> None:
    raw.execute(f"DROP TABLE IF EXISTS {RENAMES}")


def _pointing_at(sheet: Sheet) -> list[tuple[Sheet, str]]:
    """(sheet, column) of every reference column that points at ``sheet``."""
    return [(s, c.key) for s in fmt.SHEETS for c in s.columns if c.kind is Kind.REF and c.ref == sheet.key]


def unify(raw: driver.Connection) -> int:
    """Give every natural key one id across the staged files and the database; returns renamed rows.

    Staged rows are renamed at once (temp schema); database records to rename are listed in
    :data:`RENAMES` for :func:`rename_records`.
    """
    renamed = 0
    for sheet in fmt.SHEETS:
        for key in sheet.unique:
            renamed += _unify_key(raw, sheet, key)
    return renamed


def _unify_key(raw: driver.Connection, sheet: Sheet, key: tuple[str, ...]) -> int:
    stage = stage_table(sheet)
    cols = ", ".join(key)
    # every id each key value has, in the files and in the database; the smallest is the one kept
    groups = raw.execute(
        f"SELECT {cols}, min(id), group_concat(id, ';') FROM ("
        f"  SELECT DISTINCT {cols}, id FROM {stage} WHERE {' AND '.join(f'{k} IS NOT NULL' for k in key)} "
        f"  UNION SELECT {cols}, m.id FROM main.{sheet.table} m WHERE EXISTS (SELECT 1 FROM {stage} s WHERE "
        f"  {' AND '.join(f's.{k} = m.{k}' for k in key)})"
        f") GROUP BY {cols} HAVING count(DISTINCT id) > 1").fetchall()
    renamed = 0
    for row in groups:
        keep, ids = row[len(key)], set(row[len(key) + 1].split(";"))
        for old in sorted(ids - {keep}):
            renamed += _rename_staged(raw, sheet, old, keep)
            if raw.execute(f"SELECT 1 FROM main.{sheet.table} WHERE id = ?", (old,)).fetchone() is not None:
                raw.execute(f"INSERT INTO {RENAMES} (entity, old_id, new_id) VALUES (?, ?, ?)",
                            (sheet.table, old, keep))
    return renamed


def _rename_staged(raw: driver.Connection, sheet: Sheet, old: str, new: str) -> int:
    n = raw.execute(f"UPDATE {stage_table(sheet)} SET id = ? WHERE id = ?", (new, old)).rowcount
    for other, col in _pointing_at(sheet):
        raw.execute(f"UPDATE {stage_table(other)} SET {col} = ? WHERE {col} = ?", (new, old))
    attachments = fmt.BY_KEY["attachments"]
    raw.execute(f"UPDATE {stage_table(attachments)} SET owner_id = ? WHERE owner_type = ? AND owner_id = ?",
                (new, sheet.table, old))
    return n


def rename_records(raw: driver.Connection) -> list[tuple[str, str, str]]:
    """Inside the import's transaction: rename the database records :func:`unify` listed, with
    everything that names them. Returns (table, old id, new id)."""
    renames = raw.execute(f"SELECT entity, old_id, new_id FROM {RENAMES}").fetchall()
    if not renames:
        return []
    raw.execute("PRAGMA defer_foreign_keys = ON")  # parent and children are renamed one after the other
    for table, old, new in renames:
        sheet = fmt.BY_TABLE[table]
        if raw.execute(f"SELECT 1 FROM main.{table} WHERE id = ?", (new,)).fetchone() is not None:
            continue  # both already here (an earlier import): left as they are
        raw.execute(f"UPDATE main.{table} SET id = ? WHERE id = ?", (new, old))
        for other, col in _pointing_at(sheet):
            raw.execute(f"UPDATE main.{other.table} SET {col} = ? WHERE {col} = ?", (new, old))
        raw.execute("UPDATE main.attachment SET owner_id = ? WHERE owner_type = ? AND owner_id = ?", (new, table, old))
        raw.execute("UPDATE main.sync_base SET record_id = ? WHERE entity = ? AND record_id = ?", (new, table, old))
        raw.execute("UPDATE main.sync_conflict SET record_id = ? WHERE entity = ? AND record_id = ?",
                    (new, table, old))
    return renames

"""Checks across sheets and against the database, run in SQL over the staged rows of the whole batch.

A reference (a follow-up's visit, a visit's counselors, an attachment's owner) must point to a
record in one of the batch's files or already in this database — tombstones count, a deleted
visit's follow-ups are still its follow-ups. Unique keys besides the id (one budget per
workstation and year, …) must not be taken by two different records. A text must fit its column's
declared length (a server's varchar(n) refuses a longer one; SQLite would keep it): the services refuse
it as well, so no record ever holds one.
"""

from __future__ import annotations


from counsel_desk import models
from counsel_desk.i18n import pick
from counsel_desk.sync import format as fmt
from counsel_desk.sync.db import SyncConnection
from counsel_desk.sync.format import Kind, RowRule, Sheet
from counsel_desk.sync.natural_keys import RENAMES
from counsel_desk.sync.problems import Problem, Problems
from counsel_desk.sync.reader import StagedFile, stage_table


def check_batch(raw: SyncConnection, files: list[StagedFile], problems: Problems) -> dict[tuple[int, str], int]:
    """Add reference and uniqueness problems; returns extra rejected rows per (file number, sheet key)."""
    by_number = {f.number: f for f in files}
    bad: dict[tuple[int, str], set[int]] = {}
    rejected: dict[str, set[str]] = {}  # sheet key → ids of rows already reported: not reported again
    for f in files:
        for key, ids in f.rejected_ids.items():
            rejected.setdefault(key, set()).update(ids)

    def report(number: int, sheet: Sheet, row: int, col_key: str, reason: str) -> None:
        f = by_number[number]
        label = f.letters.get(sheet.key, {}).get(col_key, sheet.column(col_key).title)
        problems.add(Problem(f.name, sheet.title, row, label, reason))
        bad.setdefault((number, sheet.key), set()).add(row)

    for sheet in fmt.SHEETS:
        for col in sheet.columns:
            if col.kind is Kind.REF:
                _check_ref(raw, sheet, col, report, rejected.get(col.ref, set()))
            elif col.kind is Kind.IDS:
                _check_ids(raw, sheet, col, report, rejected.get(col.ref, set()))
        for key in sheet.unique:
            _check_unique(raw, sheet, key, report)
        for rule in sheet.rules:
            _check_rule(raw, sheet, rule, report)
        _check_lengths(raw, sheet, report)
    _check_attachment_owners(raw, report)
    return {k: len(v) for k, v in bad.items()}


def _check_ref(raw, sheet: Sheet, col, report, rejected: set[str]) -> None:
    target = fmt.BY_KEY[col.ref]
    sql = (f"SELECT s._file, s._row, s.{col.key} FROM {stage_table(sheet)} s WHERE s.{col.key} IS NOT NULL "
           f"AND NOT EXISTS (SELECT 1 FROM {stage_table(target)} t WHERE t.id = s.{col.key}) "
           f"AND NOT EXISTS (SELECT 1 FROM {target.table} m WHERE m.id = s.{col.key})")
    for number, row, value in raw.execute(sql):
        if value in rejected:
            continue
        report(number, sheet, row, col.key,
               pick(f"找不到所指的「{target.title}」（識別碼 {value}）：它不在這批檔案裡，也不在這個資料庫中",
                    f"the {target.key} record {value} it points to is neither in these files nor in this database"))


def _known_ids(raw, target: Sheet) -> set[str]:
    ids = {r[0] for r in raw.execute(f"SELECT id FROM {stage_table(target)}")}
    ids.update(r[0] for r in raw.execute(f"SELECT id FROM {target.table}"))
    return ids


def _check_ids(raw, sheet: Sheet, col, report, rejected: set[str]) -> None:
    rows = raw.execute(f"SELECT _file, _row, {col.key} FROM {stage_table(sheet)} WHERE {col.key} IS NOT NULL").fetchall()
    if not rows:
        return
    target = fmt.BY_KEY[col.ref]
    known = _known_ids(raw, target)
    for number, row, value in rows:
        missing = [i for i in value.split(";") if i not in known and i not in rejected]
        if missing:
            report(number, sheet, row, col.key,
                   pick(f"找不到所指的「{target.title}」（識別碼 {', '.join(missing[:3])}）",
                        f"the {target.key} record(s) {', '.join(missing[:3])} it lists are not found"))


def _check_unique(raw, sheet: Sheet, key: tuple[str, ...], report) -> None:
    stage = stage_table(sheet)
    cols = ", ".join(key)
    titles = "、".join(sheet.column(k).title for k in key)
    # two records of the batch with the same key
    on = " AND ".join(f"a.{k} = g.{k}" for k in key)
    sql = (f"SELECT a._file, a._row FROM {stage} a JOIN (SELECT {cols} FROM {stage} GROUP BY {cols} "
           f"HAVING count(DISTINCT id) > 1) g ON {on}")
    for number, row in raw.execute(sql):
        report(number, sheet, row, key[0],
               pick(f"{titles}與這批檔案中另一筆資料相同，兩筆不能並存", f"same {cols} as another record of these files"))
    # a record of the batch and a different one already in the database (the key's unique index finds it)
    on = " AND ".join(f"b.{k} = a.{k}" for k in key)
    sql = (f"SELECT a._file, a._row, b.id FROM {stage} a JOIN {sheet.table} b ON {on} AND a.id != b.id "
           f"WHERE NOT EXISTS (SELECT 1 FROM {stage} c WHERE c.id = b.id) "
           f"AND NOT EXISTS (SELECT 1 FROM {RENAMES} r WHERE r.entity = :t AND r.old_id = b.id)")
    for number, row, other in raw.execute(sql, {"t": sheet.table}):
        report(number, sheet, row, key[0],
               pick(f"{titles}與資料庫中另一筆資料（識別碼 {other}）相同，兩筆不能並存",
                    f"same {cols} as record {other} in this database; both can't exist"))


def _check_rule(raw, sheet: Sheet, rule: RowRule, report) -> None:
    """Rows breaking a rule between their columns (format.RowRule, as the sheet's service checks it)."""
    for number, row in raw.execute(f"SELECT _file, _row FROM {stage_table(sheet)} WHERE {rule.bad}"):
        report(number, sheet, row, rule.column, pick(rule.zh, rule.en))


def _text_limits(sheet: Sheet) -> dict[str, int]:
    """The sheet's text columns with a declared length (the table's, as the services check it) → that length."""
    table = models.metadata.tables[sheet.table]
    out = {}
    for col in sheet.columns:
        limit = getattr(table.c[col.key].type, "length", None) if col.kind is Kind.TEXT and col.key in table.c else None
        if limit:
            out[col.key] = limit
    return out


def _check_lengths(raw, sheet: Sheet, report) -> None:
    limits = _text_limits(sheet)
    if not limits:
        return
    keys = list(limits)
    sql = (f"SELECT _file, _row, {', '.join(f'length({k})' for k in keys)} FROM {stage_table(sheet)} "
           f"WHERE {' OR '.join(f'length({k}) > {limits[k]}' for k in keys)}")
    for number, row, *lengths in raw.execute(sql):
        for key, n in zip(keys, lengths):
            if n is not None and n > limits[key]:
                title = sheet.column(key).title
                report(number, sheet, row, key, pick(f"{title}最多 {limits[key]} 字，這一格有 {n} 字",
                                                     f"{key}: at most {limits[key]} characters, this cell has {n}"))


def _check_attachment_owners(raw, report) -> None:
    sheet = fmt.BY_KEY["attachments"]
    rows = raw.execute(f"SELECT _file, _row, owner_type, owner_id FROM {stage_table(sheet)}").fetchall()
    known: dict[str, set[str]] = {}
    for number, row, owner_type, owner_id in rows:
        owner = fmt.BY_TABLE.get(owner_type)
        if owner is None or owner_type not in fmt.ATTACHMENT_OWNERS:
            report(number, sheet, row, "owner_type",
                   pick(f"不認得的所屬資料類型「{owner_type[:32]}」", f"unknown owner type '{owner_type[:32]}'"))
            continue
        if owner_type not in known:
            known[owner_type] = _known_ids(raw, owner)
        if owner_id not in known[owner_type]:
            report(number, sheet, row, "owner_id",
                   pick(f"找不到附件所屬的「{owner.title}」（識別碼 {owner_id}）",
                        f"the {owner.key} record {owner_id} owning the attachment is not found"))

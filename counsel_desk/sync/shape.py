"""A sheet's row in storage form: column order, content and personal positions, content hashes.

Staged rows (from a workbook) and live rows (from the database) share this order — the table's
own columns, then the link columns — so one function hashes both alike.
"""

from __future__ import annotations

from operator import itemgetter

from counsel_desk.sync.format import Sheet
from counsel_desk.sync.values import content_hash

# When a record was deleted or erased is not what two versions disagree about: both say "gone".
FLAG_MOMENTS = frozenset({"deleted_at", "erased_at"})


def stage_columns(sheet: Sheet) -> list[str]:
    """The table's own columns, then the link columns (as ;-separated ids)."""
    return [c.key for c in sheet.db_columns] + [c.key for c in sheet.link_columns]


def link_expr(col, alias: str = "t") -> str:
    """SQL for a link column: the linked ids, sorted, joined by ';'."""
    table, owner, target = col.link
    return (f"(SELECT group_concat(x, ';') FROM (SELECT {target} AS x FROM {table} "
            f"WHERE {owner} = {alias}.id ORDER BY x) AS xs)")


class Shape:
    def __init__(self, sheet: Sheet):
        self.sheet = sheet
        self.cols = stage_columns(sheet)
        pos = {k: i for i, k in enumerate(self.cols)}
        self.pos = pos
        content = [c.key for c in sheet.content_columns]
        self.content = [pos[k] for k in content]
        self.public = [pos[c.key] for c in sheet.content_columns if not c.personal]
        self.personal = {c.key for c in sheet.personal_columns}
        self.db_cols = [c.key for c in sheet.db_columns]
        self.links = list(sheet.link_columns)
        self._content = itemgetter(*self.content)
        self._public = itemgetter(*self.public)
        self._flags_full = [n for n, k in enumerate(content) if k in FLAG_MOMENTS]
        public_keys = [c.key for c in sheet.content_columns if not c.personal]
        self._flags_public = [n for n, k in enumerate(public_keys) if k in FLAG_MOMENTS]
        exprs = [f"t.{k}" for k in self.db_cols] + [link_expr(c) for c in self.links]
        self.live_sql = f"SELECT {', '.join(exprs)} FROM {sheet.table} t WHERE t.id IN "

    @staticmethod
    def _hash(values: tuple, flags: list[int]) -> str:
        if flags:
            values = list(values)
            for n in flags:
                values[n] = values[n] is not None
        return content_hash(values)

    def hashes(self, row, withheld: bool) -> tuple[str, str]:
        """(content hash or "" when personal fields were withheld, hash of the public fields)."""
        public = self._hash(self._public(row), self._flags_public)
        if not self.personal:  # no personal fields: the public fields are the whole content
            return ("" if withheld else public), public
        return ("" if withheld else self._hash(self._content(row), self._flags_full)), public

    @staticmethod
    def deleted(values: dict) -> bool:
        """A tombstone or an erased person: such a version wins the tie-break (deletions stay)."""
        return values.get("deleted_at") is not None or values.get("erased_at") is not None

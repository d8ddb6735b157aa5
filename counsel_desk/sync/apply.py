"""Applying staged rows to the database: add, take the newer version, or keep a conflict.

Runs inside the import's single ``BEGIN IMMEDIATE`` transaction. Most rows take a fast path
decided from clocks alone and are written in bulk (``INSERT … SELECT`` / ``UPDATE … FROM`` the
staging table); the few that need content compared or a conflict stored go one by one through
:func:`counsel_desk.sync.merge.merge`.
"""

from __future__ import annotations

import json

from counsel_desk.models import new_id
from counsel_desk.store import driver
from counsel_desk.store import search
from counsel_desk.sync import clock as clocks
from counsel_desk.sync.format import Kind, Sheet
from counsel_desk.sync.merge import Outcome, Variant, differing_fields, dumps, merge
from counsel_desk.sync.reader import StagedFile, stage_table
from counsel_desk.sync.search_text import SearchText, rows_sql
from counsel_desk.sync.shape import FLAG_MOMENTS, Shape, link_expr

CHUNK = 500
LOCAL_SOURCE = "這台電腦上的版本"  # a kept version that this database had before the import


class SheetApplier:
    """Merges one file's staged rows of one sheet into the database."""

    def __init__(self, conn, raw: driver.Connection, sheet: Sheet, staged: StagedFile, device: str, now: str,
                 ref, search_text: SearchText, counts: dict[str, int], conflicts: list[tuple[str, dict]]):
        self.conn, self.raw, self.sheet, self.file = conn, raw, sheet, staged
        self.device, self.now, self.ref, self.search = device, now, ref, search_text
        self.counts = counts
        self.conflicts = conflicts  # (record id, audit detail) of conflicts opened or changed
        self.shape = Shape(sheet)
        self.stage = stage_table(sheet)
        center = ref.centers.get(staged.meta.center, staged.meta.center) or "?"
        self.source = f"{staged.name}（{center}／{staged.meta.device}）"

    # --- classification -----------------------------------------------------------------------
    def run(self) -> None:
        t = self.sheet.table
        rows = self.raw.execute(
            f"SELECT s.rowid, s._clock, s._withheld, m.version, b.clock, "
            f"b.local_version, b.withheld, coalesce(c.id, nullif(b.twins, '')) FROM {self.stage} s "
            f"LEFT JOIN main.{t} m ON m.id = s.id "
            f"LEFT JOIN main.sync_base b ON b.entity = ? AND b.record_id = s.id "
            f"LEFT JOIN main.sync_conflict c ON c.entity = ? AND c.record_id = s.id AND c.status = 'open' "
            f"WHERE s._file = ?", (t, t, self.file.number))
        adds, takes, takes_public, verify, hard = [], [], [], [], []
        device = self.device
        for rowid, r_clock_text, r_withheld, version, b_clock, b_version, b_withheld, conflict in rows:
            if version is None:
                adds.append(rowid)
                continue
            if conflict is not None:  # an open conflict, or twins kept beside it: one by one
                hard.append(rowid)
                continue
            r_clock = clocks.parse(r_clock_text) or {}
            mine = clocks.current(clocks.parse(b_clock) if b_clock is not None else None, b_version, version, device)
            if r_clock == mine:
                if b_clock is not None and version == b_version:
                    if b_withheld and not r_withheld:
                        takes.append(rowid)  # same version, now with its personal fields
                    elif r_withheld or b_withheld:
                        self.counts["unchanged"] += 1
                    else:
                        verify.append((rowid,))  # same clock: the content should be too (hand edits aren't)
                else:
                    verify.append((rowid,))
            elif clocks.dominates(mine, r_clock):
                self.counts["unchanged"] += 1  # an older copy: ours is newer (a tombstone stays a tombstone)
            elif clocks.dominates(r_clock, mine):
                (takes_public if r_withheld else takes).append(rowid)
            else:
                hard.append(rowid)
        hard.extend(self._verify(verify))
        self._bulk_add(adds)
        self._bulk_take(takes, public_only=False)
        self._bulk_take(takes_public, public_only=True)
        self.counts["added"] += len(adds)
        self.counts["updated"] += len(takes) + len(takes_public)
        for rowid in hard:
            self._one(rowid)

    def _verify(self, items: list[tuple]) -> list[int]:
        """Equal clocks but no merge record here (own records coming back): compare contents in SQL.

        Returns the staged rows whose content differs from the live record (edited by hand in the
        workbook); they take the one-by-one path, the others are unchanged.
        """
        if not items:
            return []
        self._pick([i[0] for i in items])
        differs = []
        for c in self.sheet.content_columns:
            if c.kind is Kind.IDS:
                cond = f"s.{c.key} IS NOT {link_expr(c, 'm')}"
            elif c.key in FLAG_MOMENTS:
                cond = f"(s.{c.key} IS NULL) != (m.{c.key} IS NULL)"
            else:
                cond = f"s.{c.key} IS NOT m.{c.key}"
            differs.append(f"(s._withheld = 0 AND {cond})" if c.personal else cond)
        rows = self.raw.execute(
            f"SELECT s.rowid FROM {self.stage} s JOIN temp.sync_pick p ON p.rid = s.rowid "
            f"JOIN main.{self.sheet.table} m ON m.id = s.id WHERE {' OR '.join(differs)}").fetchall()
        hard = [r[0] for r in rows]
        self.counts["unchanged"] += len(items) - len(hard)
        return hard

    def live_rows(self, ids: list[str]) -> dict[str, tuple]:
        out = {}
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start:start + CHUNK]
            sql = self.shape.live_sql + f"({', '.join('?' * len(chunk))})"
            for row in self.raw.execute(sql, chunk):
                out[row[0]] = row
        return out

    # --- bulk writes --------------------------------------------------------------------------
    def _pick(self, rowids: list[int]) -> None:
        self.raw.execute("DELETE FROM temp.sync_pick")
        self.raw.executemany("INSERT INTO temp.sync_pick (rid) VALUES (?)", ((r,) for r in rowids))

    def _picked(self, columns: str) -> str:
        return f"SELECT {columns} FROM {self.stage} s JOIN temp.sync_pick p ON p.rid = s.rowid"

    def _bulk_add(self, rowids: list[int]) -> None:
        if not rowids:
            return
        self._pick(rowids)
        cols = ", ".join(self.shape.db_cols)
        self.raw.execute(f"INSERT INTO main.{self.sheet.table} ({cols}) "
                         + self._picked(", ".join(f"s.{k}" for k in self.shape.db_cols)))
        self._bulk_after(fresh=True)

    def _bulk_take(self, rowids: list[int], *, public_only: bool) -> None:
        if not rowids:
            return
        self._pick(rowids)
        t = self.sheet.table
        cols = [k for k in self.shape.db_cols if k != "id" and not (public_only and k in self.shape.personal)]
        sets = ", ".join(f"{k} = s.{k}" for k in cols)
        self.raw.execute(f"UPDATE main.{t} SET {sets} FROM ({self._picked('s.*')}) AS s WHERE {t}.id = s.id")
        self._bulk_after(fresh=False)

    def _bulk_after(self, *, fresh: bool) -> None:
        """Merge records, links and search text of the picked rows (written as the incoming version)."""
        self.raw.execute(
            "INSERT INTO main.sync_base (entity, record_id, clock, content_hash, local_version, withheld, merged_at) "
            + self._picked(f"'{self.sheet.table}', s.id, s._clock, '', s.version, s._withheld, '{self.now}'")
            + " WHERE true ON CONFLICT (entity, record_id) DO UPDATE SET clock = excluded.clock, "
              "content_hash = excluded.content_hash, local_version = excluded.local_version, "
              "withheld = excluded.withheld, merged_at = excluded.merged_at")
        for c in self.shape.links:
            table, owner, target = c.link
            if not fresh:
                self.raw.execute(f"DELETE FROM main.{table} WHERE {owner} IN ({self._picked('s.id')})")
            cur = self.raw.execute(self._picked(f"s.id, s.{c.key}") + f" WHERE s.{c.key} IS NOT NULL")
            while chunk := cur.fetchmany(5000):
                pairs = [(rid, other) for rid, ids in chunk for other in ids.split(";")]
                self.raw.executemany(f"INSERT INTO main.{table} ({owner}, {target}) VALUES (?, ?)", pairs)
        if self.sheet.search:
            self._index_picked(fresh=fresh)

    def _index_picked(self, *, fresh: bool) -> None:
        """Search text of the picked rows, built and indexed in SQL (their links are in by now)."""
        search.index_query(self.conn, self.sheet.table, self._picked(rows_sql(self.sheet)), fresh=fresh)

    def _variant(self, row, clock_text: str, full: str, public: str, withheld: bool, source: str) -> Variant:
        values = dict(zip(self.shape.cols, row))
        return Variant(clock=clocks.parse(clock_text) or {}, hash=full, phash=public,
                       deleted=self.shape.deleted(values), updated_at=values.get("updated_at") or "",
                       values=values, withheld=withheld, source=source)

    def _one(self, rowid: int) -> None:
        t = self.sheet.table
        srow = self.raw.execute(f"SELECT _clock, _withheld, {', '.join(self.shape.cols)} "
                                f"FROM {self.stage} WHERE rowid = ?", (rowid,)).fetchone()
        r_full, r_public = self.shape.hashes(srow[2:], bool(srow[1]))
        incoming = self._variant(srow[2:], srow[0], r_full, r_public, bool(srow[1]), self.source)
        rid = incoming.values["id"]
        live = self.live_rows([rid])[rid]
        base = self.raw.execute("SELECT clock, local_version, withheld, twins FROM main.sync_base "
                                "WHERE entity = ? AND record_id = ?", (t, rid)).fetchone()
        b_clock, b_version, b_withheld, b_twins = base if base else (None, None, 0, "")
        version = live[self.shape.pos["version"]]
        mine_clock = clocks.current(clocks.parse(b_clock) if b_clock is not None else None, b_version, version,
                                    self.device)
        full, public = self.shape.hashes(live, bool(b_withheld))
        mine = self._variant(live, clocks.format(mine_clock), full, public, bool(b_withheld), LOCAL_SOURCE)
        conflict = self.raw.execute("SELECT id, remote_values FROM main.sync_conflict WHERE entity = ? "
                                    "AND record_id = ? AND status = 'open'", (t, rid)).fetchone()
        kept = conflict[1] if conflict else b_twins  # the other versions kept: in conflict, or twins
        others = [Variant.from_json(d) for d in json.loads(kept or "[]")]
        outcome = merge([mine] + others, incoming)
        if not outcome.variants:
            self.counts["unchanged"] += 1
            return
        winner = outcome.winner
        if winner is not mine:
            self._write_main(rid, winner)
        twins = outcome.variants[1:] if not outcome.open else []
        self._write_base(rid, winner, twins)
        self._write_conflict(rid, outcome, conflict[0] if conflict else None)
        self.counts["conflicts" if outcome.open else outcome.kind] += 1

    def _write_main(self, rid: str, v: Variant) -> None:
        t = self.sheet.table
        cols = [k for k in self.shape.db_cols if k != "id" and not (v.withheld and k in self.shape.personal)]
        self.raw.execute(f"UPDATE main.{t} SET {', '.join(f'{k} = ?' for k in cols)} WHERE id = ?",
                         [v.values.get(k) for k in cols] + [rid])
        for c in self.shape.links:
            table, owner, target = c.link
            self.raw.execute(f"DELETE FROM main.{table} WHERE {owner} = ?", (rid,))
            ids = [i for i in (v.values.get(c.key) or "").split(";") if i]
            self.raw.executemany(f"INSERT INTO main.{table} ({owner}, {target}) VALUES (?, ?)", [(rid, i) for i in ids])
        if self.sheet.search and v.values.get("deleted_at") is not None:
            search.remove(self.conn, rid)  # a deleted record is found by no search
        elif self.sheet.search:
            search.index(self.conn, t, rid, self.search.body(self.sheet, v.values))

    def _write_base(self, rid: str, v: Variant, twins: list[Variant]) -> None:
        """The merge state: the shown version, and the versions with the same content kept beside it
        (made independently elsewhere — kept so any order of files ends alike, never a conflict)."""
        self.raw.execute(
            "INSERT INTO main.sync_base (entity, record_id, clock, content_hash, local_version, withheld, merged_at, "
            "twins) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (entity, record_id) DO UPDATE SET clock = excluded.clock, "
            "content_hash = excluded.content_hash, local_version = excluded.local_version, "
            "withheld = excluded.withheld, merged_at = excluded.merged_at, twins = excluded.twins",
            (self.sheet.table, rid, clocks.format(v.clock), v.hash, v.values.get("version"), int(v.withheld), self.now,
             dumps([o.to_json() for o in twins]) if twins else ""))

    def _write_conflict(self, rid: str, outcome: Outcome, existing: str | None) -> None:
        others = outcome.variants[1:]
        if not outcome.open:  # nothing to decide (identical versions are twins in sync_base)
            if existing:
                self.raw.execute("UPDATE main.sync_conflict SET status = 'superseded', changed_at = ?, resolved_at = ?, "
                                 "source = ? WHERE id = ?", (self.now, self.now, self.source[:255], existing))
            return
        winner = outcome.winner
        if winner.values.get("erased_at"):  # an erased person's data is not kept in a conflict either
            for o in others:
                for k in self.shape.personal:
                    o.values[k] = ""
                o.withheld = True
                o.hash = ""
        keys = [self.shape.cols[i] for i in self.shape.content]
        fields = differing_fields(outcome.variants, keys, self.shape.personal)
        payload = ("open", self.now, self.source[:255], dumps(winner.to_json()), dumps([o.to_json() for o in others]),
                   dumps(fields))
        if existing:
            self.raw.execute("UPDATE main.sync_conflict SET status = ?, changed_at = ?, source = ?, local_values = ?, "
                             "remote_values = ?, fields = ? WHERE id = ?", payload + (existing,))
        else:
            self.raw.execute(
                "INSERT INTO main.sync_conflict (id, entity, record_id, status, detected_at, changed_at, source, "
                "local_values, remote_values, fields, resolution, resolved_by, resolved_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', NULL)",
                (new_id(), self.sheet.table, rid, "open", self.now) + payload[1:])
        self.conflicts.append((rid, {"entity": self.sheet.key, "fields": fields, "file": self.file.name}))


def create_pick_table(raw: driver.Connection) -> None:
    raw.execute("CREATE TEMP TABLE IF NOT EXISTS sync_pick (rid INTEGER PRIMARY KEY)")


def drop_pick_table(raw: driver.Connection) -> None:
    raw.execute("DROP TABLE IF EXISTS temp.sync_pick")

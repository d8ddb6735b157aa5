"""Applying staged rows to the database: add, take the newer version, or keep a conflict.

Runs inside the import's single transaction, on a file or a server alike (:mod:`counsel_desk.sync.db`).
Most rows take a fast path decided from clocks alone and are written in bulk (``INSERT … SELECT`` /
``UPDATE … FROM`` the staging table); the few that need content compared or a conflict stored go one by one through
:func:`counsel_desk.sync.merge.merge`.
"""

from __future__ import annotations

import json

from counsel_desk.models import new_id
from counsel_desk.store import search
from counsel_desk.sync import clock as clocks
from counsel_desk.sync.db import SyncConnection
from counsel_desk.sync.format import Kind, Sheet
from counsel_desk.sync.index_ahead import IndexAhead
from counsel_desk.sync.merge import Outcome, Variant, differing_fields, dumps, merge
from counsel_desk.sync.reader import StagedFile, stage_table
from counsel_desk.sync.search_build import SideBuild
from counsel_desk.sync.search_text import SearchText, rows_sql
from counsel_desk.sync.shape import FLAG_MOMENTS, Shape, link_expr

CHUNK = 500
STATISTICS_ROWS = 2000  # a bulk add this big refreshes the server's statistics of the tables it grew
LOCAL_SOURCE = "這台電腦上的版本"  # a kept version that this database had before the import


class SheetApplier:
    """Merges one file's staged rows of one sheet into the database."""

    def __init__(self, conn, link: SyncConnection, sheet: Sheet, staged: StagedFile, device: str, now: str,
                 ref, search_text: SearchText, counts: dict[str, int], conflicts: list[tuple[str, dict]],
                 side: SideBuild | None = None, ahead: IndexAhead | None = None):
        self.conn, self.link, self.sheet, self.file = conn, link, sheet, staged
        self.ahead = ahead if ahead is not None and ahead.takes(sheet.table) else None  # a file's index built ahead
        self.side = side if side is not None and sheet.search and side.takes(search.fts_table(sheet.table)) else None
        self.device, self.now, self.ref, self.search = device, now, ref, search_text
        self.counts = counts
        self.conflicts = conflicts  # (record id, audit detail) of conflicts opened or changed
        self.shape = Shape(sheet)
        self.stage = stage_table(sheet)
        center = ref.centers.get(staged.meta.center, staged.meta.center) or "?"
        self.source = f"{staged.name}（{center}／{staged.meta.device}）"
        self.bools = {c.key for c in sheet.db_columns if c.kind is Kind.BOOL}

    # --- classification -----------------------------------------------------------------------
    def run(self) -> None:
        t = self.sheet.table
        rows = self.link.execute(
            f"SELECT s.rowid, s._clock, s._withheld, m.version, b.clock, "
            f"b.local_version, b.withheld, coalesce(c.id, nullif(b.twins, '')) FROM {self.stage} s "
            f"LEFT JOIN {t} m ON m.id = s.id "
            f"LEFT JOIN sync_base b ON b.entity = :t AND b.record_id = s.id "
            f"LEFT JOIN sync_conflict c ON c.entity = :t AND c.record_id = s.id AND c.status = 'open' "
            f"WHERE s._file = :f", {"t": t, "f": self.file.number})
        adds, takes, takes_public, verify, hard = [], [], [], [], []
        based = False  # an added record with a merge record here already (one deleted from the table since)
        device = self.device
        for rowid, r_clock_text, r_withheld, version, b_clock, b_version, b_withheld, conflict in rows:
            if version is None:
                adds.append(rowid)
                based = based or b_clock is not None
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
        if self.ahead is not None and (hard or takes or takes_public):
            self.ahead.spoil(t)  # not all additions: the merge indexes this entity after all
            self.ahead = None
        self._bulk_add(adds, based=based)
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
                cond = f"s.{c.key} IS DISTINCT FROM {link_expr(c, 'm')}"
            elif c.key in FLAG_MOMENTS:
                cond = f"(s.{c.key} IS NULL) != (m.{c.key} IS NULL)"
            else:
                cond = f"s.{c.key} IS DISTINCT FROM m.{c.key}"
            differs.append(f"(s._withheld = 0 AND {cond})" if c.personal else cond)
        rows = self.link.execute(
            f"SELECT s.rowid FROM {self.stage} s JOIN sync_pick p ON p.rid = s.rowid "
            f"JOIN {self.sheet.table} m ON m.id = s.id WHERE {' OR '.join(differs)}").fetchall()
        hard = [r[0] for r in rows]
        self.counts["unchanged"] += len(items) - len(hard)
        return hard

    def live_rows(self, ids: list[str]) -> dict[str, tuple]:
        out = {}
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start:start + CHUNK]
            sql = self.shape.live_sql + f"({', '.join(f':i{n}' for n in range(len(chunk)))})"
            for row in self.link.execute(sql, {f"i{n}": i for n, i in enumerate(chunk)}):
                out[row[0]] = row
        return out

    # --- bulk writes --------------------------------------------------------------------------
    def _pick(self, rowids: list[int]) -> None:
        # a server's emptied by TRUNCATE: nothing vacuums a temporary table, and the dead rows of every earlier
        # pick (900,000 at headquarters) would be read again by each join with the picked rows
        self.link.execute("TRUNCATE sync_pick" if self.link.server else "DELETE FROM sync_pick")
        if self.link.server:  # one statement, the row numbers as an array: no round trip per row
            self.link.execute("INSERT INTO sync_pick (rid) SELECT unnest(CAST(:ids AS BIGINT[]))", {"ids": list(rowids)})
        else:  # one statement too: the row numbers as a JSON array, split by SQLite
            self.link.execute("INSERT INTO sync_pick (rid) SELECT value FROM json_each(:ids)", {"ids": json.dumps(rowids)})

    def _picked(self, columns: str) -> str:
        return f"SELECT {columns} FROM {self.stage} s JOIN sync_pick p ON p.rid = s.rowid"

    def _bulk_add(self, rowids: list[int], *, based: bool = True) -> None:
        if not rowids:
            return
        self._pick(rowids)
        self.link.bulk_add(self.sheet.table, self.shape.db_cols, self._picked(", ".join(f"s.{k}" for k in self.shape.db_cols)),
                           sheet=self.sheet.title)
        self._bulk_after(fresh=True, based=based)
        if len(rowids) >= STATISTICS_ROWS:  # the next file's statements look rows up in these
            self.link.refresh_statistics([self.sheet.table, *(c.link[0] for c in self.shape.links)])

    def _bulk_take(self, rowids: list[int], *, public_only: bool) -> None:
        if not rowids:
            return
        self._pick(rowids)
        t = self.sheet.table
        cols = [k for k in self.shape.db_cols if k != "id" and not (public_only and k in self.shape.personal)]
        sets = ", ".join(f"{k} = s.{k}" for k in cols)
        picked = self._picked(", ".join(f"s.{k}" for k in ["id"] + cols))
        self.link.execute(f"UPDATE {t} SET {sets} FROM ({picked}) AS s WHERE {t}.id = s.id")
        self._bulk_after(fresh=False)

    def _bulk_after(self, *, fresh: bool, based: bool = True) -> None:
        """Merge records, links and search text of the picked rows (written as the incoming version); ``based``:
        some of them may have a merge record already (else they are inserted without looking for one)."""
        beside = fresh and self.side is not None
        if fresh and self.side is not None:  # first: the helper builds their search table meanwhile
            self.side.add(self.link, self.sheet, self.search, self.stage, self.file.number)
        self.link.execute(
            "INSERT INTO sync_base (entity, record_id, clock, content_hash, local_version, withheld, merged_at) "
            + self._picked(f"CAST(:t AS TEXT), s.id, s._clock, '', s.version, s._withheld <> 0, {self.link.moment(':now')}")
            + ("" if fresh and not based else  # an upsert: 1.0 s per 100,000 rows on a server, a plain insert 0.6 s
               " WHERE true ON CONFLICT (entity, record_id) DO UPDATE SET clock = excluded.clock, "
               "content_hash = excluded.content_hash, local_version = excluded.local_version, "
               "withheld = excluded.withheld, merged_at = excluded.merged_at"), {"t": self.sheet.table, "now": self.now})
        for c in self.shape.links:
            table, owner, target = c.link
            if not fresh:
                self.link.execute(f"DELETE FROM {table} WHERE {owner} IN ({self._picked('s.id')})")
            if self.link.server:  # set-based: the ;-separated ids split by the server; an added record's links
                # belong to the rows just written from the same staged rows (their owner needs no look-up), and the
                # ids they point to are looked up from the lists' distinct spellings (a few thousand, not 100,000s)
                lists = self._picked(f"DISTINCT s.{c.key}") + f" WHERE s.{c.key} IS NOT NULL"
                self.link.bulk_add(table, [owner, target], self._picked(f"s.id, unnest(string_to_array(s.{c.key}, ';'))")
                                   + f" WHERE s.{c.key} IS NOT NULL", sheet=self.sheet.title, trusted=[owner] if fresh else [],
                                   distinct={target: f"SELECT unnest(string_to_array(l.v, ';')) FROM ({lists}) AS l (v)"})
                continue
            # on a file the same in one statement: the reader checked every part is a UUID, so
            # 'a;b' becomes the JSON array ["a","b"] that json_each splits
            self.link.execute(f"INSERT INTO {table} ({owner}, {target}) "
                              + self._picked("s.id, j.value")
                              + f" JOIN json_each('[\"' || replace(s.{c.key}, ';', '\",\"') || '\"]') AS j"
                              + f" WHERE s.{c.key} IS NOT NULL")
        if self.sheet.search and not beside and not (fresh and self.ahead is not None):
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
        srow = self.link.execute(f"SELECT _clock, _withheld, {', '.join(self.shape.cols)} "
                                 f"FROM {self.stage} WHERE rowid = :r", {"r": rowid}).fetchone()
        r_full, r_public = self.shape.hashes(srow[2:], bool(srow[1]))
        incoming = self._variant(srow[2:], srow[0], r_full, r_public, bool(srow[1]), self.source)
        rid = incoming.values["id"]
        live = self.live_rows([rid])[rid]
        base = self.link.execute("SELECT clock, local_version, withheld, twins FROM sync_base "
                                 "WHERE entity = :t AND record_id = :r", {"t": t, "r": rid}).fetchone()
        b_clock, b_version, b_withheld, b_twins = base if base else (None, None, 0, "")
        version = live[self.shape.pos["version"]]
        mine_clock = clocks.current(clocks.parse(b_clock) if b_clock is not None else None, b_version, version,
                                    self.device)
        full, public = self.shape.hashes(live, bool(b_withheld))
        mine = self._variant(live, clocks.format(mine_clock), full, public, bool(b_withheld), LOCAL_SOURCE)
        conflict = self.link.execute("SELECT id, remote_values FROM sync_conflict WHERE entity = :t "
                                     "AND record_id = :r AND status = 'open'", {"t": t, "r": rid}).fetchone()
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
        params = {f"v{n}": self._written(k, v.values.get(k)) for n, k in enumerate(cols)}
        self.link.execute(f"UPDATE {t} SET {', '.join(f'{k} = :v{n}' for n, k in enumerate(cols))} WHERE id = :rid",
                          {**params, "rid": rid})
        for c in self.shape.links:
            table, owner, target = c.link
            self.link.execute(f"DELETE FROM {table} WHERE {owner} = :r", {"r": rid})
            ids = [i for i in (v.values.get(c.key) or "").split(";") if i]
            self.link.insert_rows(table, [owner, target], [(rid, i) for i in ids])
        if self.sheet.search and v.values.get("deleted_at") is not None:
            search.remove(self.conn, rid)  # a deleted record is found by no search
        elif self.sheet.search:
            search.index(self.conn, t, rid, self.search.body(self.sheet, v.values))

    def _written(self, key: str, value):
        """A storage value as the column takes it (a server's booleans are not numbers)."""
        return bool(value) if key in self.bools and value is not None else value

    def _write_base(self, rid: str, v: Variant, twins: list[Variant]) -> None:
        """The merge state: the shown version, and the versions with the same content kept beside it
        (made independently elsewhere — kept so any order of files ends alike, never a conflict)."""
        self.link.execute(
            "INSERT INTO sync_base (entity, record_id, clock, content_hash, local_version, withheld, merged_at, "
            "twins) VALUES (:e, :r, :c, :h, :v, :w, :m, :tw) ON CONFLICT (entity, record_id) DO UPDATE SET "
            "clock = excluded.clock, content_hash = excluded.content_hash, local_version = excluded.local_version, "
            "withheld = excluded.withheld, merged_at = excluded.merged_at, twins = excluded.twins",
            {"e": self.sheet.table, "r": rid, "c": clocks.format(v.clock), "h": v.hash, "v": v.values.get("version"),
             "w": bool(v.withheld), "m": self.now, "tw": dumps([o.to_json() for o in twins]) if twins else ""})

    def _write_conflict(self, rid: str, outcome: Outcome, existing: str | None) -> None:
        others = outcome.variants[1:]
        if not outcome.open:  # nothing to decide (identical versions are twins in sync_base)
            if existing:
                self.link.execute("UPDATE sync_conflict SET status = 'superseded', changed_at = :now, resolved_at = :now, "
                                  "source = :s WHERE id = :id", {"now": self.now, "s": self.source[:255], "id": existing})
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
        payload = {"now": self.now, "s": self.source[:255], "l": dumps(winner.to_json()),
                   "o": dumps([o.to_json() for o in others]), "f": dumps(fields)}
        if existing:
            self.link.execute("UPDATE sync_conflict SET status = 'open', changed_at = :now, source = :s, local_values = :l, "
                              "remote_values = :o, fields = :f WHERE id = :id", {**payload, "id": existing})
        else:
            self.link.execute(
                "INSERT INTO sync_conflict (id, entity, record_id, status, detected_at, changed_at, source, "
                "local_values, remote_values, fields, resolution, resolved_by, resolved_at) "
                "VALUES (:id, :e, :r, 'open', :now, :now, :s, :l, :o, :f, '', '', NULL)",
                {**payload, "id": new_id(), "e": self.sheet.table, "r": rid})
        self.conflicts.append((rid, {"entity": self.sheet.key, "fields": fields, "file": self.file.name}))


def create_pick_table(link: SyncConnection) -> None:
    link.execute("DROP TABLE IF EXISTS sync_pick")
    link.execute(f"CREATE TEMP TABLE sync_pick (rid {'BIGINT' if link.server else 'INTEGER'} PRIMARY KEY)")


def drop_pick_table(link: SyncConnection) -> None:
    link.drop_table("sync_pick")

"""Three laptops' workbooks merged in any order give the same state; concurrent edits always conflict.

Each example: a center's database reaches three laptops through a workbook *or as a copy of the
file* (how IT often sets machines up), each laptop edits, deletes and adds at random (small value
sets, so laptops often collide) — including records with a natural key (a year's target per
metric, a workstation's budget per year) that two laptops may each create on their own — and their
workbooks are merged into fresh databases in two different orders and in one batch.
"""

from __future__ import annotations

import shutil
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counsel_desk import models as m
from counsel_desk.store import open_database
from counsel_desk.sync import export_workbook, import_workbooks
from counsel_desk.sync import format as fmt
from tests.integration.sync_helpers import (
    create, delete, fresh_db, on_server, open_conflicts, raw, small_world, snapshot, update,
)

SETTINGS = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                           HealthCheck.too_slow])
WORDS = st.sampled_from(["甲", "乙", "=SUM(A1)", "😀\n第二行"])
EDITS = {
    "organization": (m.Organization, {"notes": WORDS, "address": WORDS}),
    "contact": (m.Contact, {"title": WORDS, "phone": st.sampled_from(["0911", "0922"])}),
    "site_visit": (m.SiteVisit, {"purpose": WORDS, "mode": st.sampled_from(["phone", "video"]),
                                 "visit_date": st.sampled_from([date(2026, 1, 1), date(2010, 1, 1)])}),
    # closing needs a follow-up date and a result (services/visits/followups.py; the import refuses it otherwise)
    "followup": (m.FollowUp, {"status": st.sampled_from(["in_progress", "cancelled"]), "result": WORDS}),
    "workstation_budget": (m.WorkstationBudget, {"approved_subsidy": st.sampled_from([0, 3_000_000, 2 ** 62])}),
}
KEYS = {"organization": "organizations", "contact": "contacts", "site_visit": "visits", "followup": "followups",
        "workstation_budget": "budgets"}


@st.composite
def operations(draw):
    ops = []
    for _ in range(draw(st.integers(0, 4))):
        table = draw(st.sampled_from(sorted(EDITS)))
        action = draw(st.sampled_from(["edit", "edit", "delete", "add"]))
        if action == "edit":
            field = draw(st.sampled_from(sorted(EDITS[table][1])))
            ops.append(("edit", table, draw(st.integers(0, 1)), field, draw(EDITS[table][1][field])))
        elif action == "delete":
            ops.append(("delete", table, draw(st.integers(0, 1)), None, None))
        else:
            ops.append(("add", "followup", draw(st.integers(0, 1)), "description", draw(WORDS)))
    for _ in range(draw(st.integers(0, 2))):  # natural keys: two laptops may set the same one
        if draw(st.booleans()):
            ops.append(("keyed", "yearly_target", 0, draw(st.sampled_from(["visits", "events"])),
                        draw(st.sampled_from([10, 12]))))
        else:
            ops.append(("keyed", "workstation_budget", 0, draw(st.sampled_from([116, 117])),
                        draw(st.sampled_from([900_000, 1_000_000]))))
    return ops


NATURAL = {"yearly_target": ("center_code", "year", "metric"), "workstation_budget": ("workstation_id", "roc_year")}


def add_keyed(db, ids: dict, table: str, key, value) -> None:
    """A record with a natural key, made here unless this laptop already has one for that key."""
    if table == "yearly_target":
        obj, where = m.YearlyTarget(center_code="north", year=2027, metric=key, target=value), ("north", 2027, key)
    else:
        ws = ids["workstations"][0]
        obj, where = m.WorkstationBudget(workstation_id=ws, roc_year=key, approved_subsidy=value), (ws, key)
    cond = " AND ".join(f"{c} = ?" for c in NATURAL[table])
    with raw(db) as con:
        if con.execute(f"SELECT 1 FROM {table} WHERE {cond}", where).fetchone():
            return
    create(db, obj)


def apply_ops(db, ids: dict, ops) -> None:
    for action, table, n, field, value in ops:
        if action == "keyed":
            add_keyed(db, ids, table, field, value)
            continue
        model = EDITS[table][0]
        pool = ids[KEYS[table]]
        rid = pool[n % len(pool)]
        if action == "edit":
            update(db, model, rid, {field: value})
        elif action == "delete":
            delete(db, model, rid)
        else:
            create(db, m.FollowUp(visit_id=ids["visits"][n % len(ids["visits"])], description=value))


def content(db, table: str) -> dict:
    sheet = fmt.BY_TABLE[table]
    cols = [c.key for c in sheet.content_columns if c.kind is not fmt.Kind.IDS]
    with raw(db) as con:
        return {r[0]: r[1:] for r in con.execute(f"SELECT id, {', '.join(cols)} FROM {table}")}


@SETTINGS  # both engines: a budget of 2**62 (SQLite's INTEGER) needs the server's BIGINT (0022_i18_bigint)
@given(ops=st.lists(operations(), min_size=3, max_size=3), order=st.permutations([0, 1, 2]),
       how=st.lists(st.sampled_from(["workbook", "copy the file"]), min_size=3, max_size=3))
def test_three_laptops_merge_to_the_same_state_in_any_order(tmp_path_factory, ops, order, how):
    root = tmp_path_factory.getbasetemp()
    folder = tmp_path_factory.mktemp("merge")
    center = fresh_db(folder, "center.db", root)
    dbs = [center]
    try:
        ids = small_world(center)
        start_rows = {t: content(center, t) for t in EDITS}
        start = folder / "start.xlsx"
        export_workbook(center, start, mask=False, actor="中心")
        laptops = []
        for n in range(3):
            if how[n] == "copy the file" and not on_server():  # a server database is not copied by hand
                center.engine.dispose()  # closed: every change is in the file itself
                shutil.copyfile(center.path, folder / f"laptop{n}.db")
                lap = open_database(folder / f"laptop{n}.db")
                dbs.append(lap)
            else:
                lap = fresh_db(folder, f"laptop{n}.db", root)
                dbs.append(lap)
                import_workbooks(lap, [start], actor=f"輔導員{n}")
            laps_ids = dict(ids)
            apply_ops(lap, laps_ids, ops[n])
            out = folder / f"laptop{n}.xlsx"
            export_workbook(lap, out, mask=False, actor=f"輔導員{n}")
            laptops.append((lap, out))
        files = [out for _, out in laptops]

        a = fresh_db(folder, "a.db", root)
        b = fresh_db(folder, "b.db", root)
        c = fresh_db(folder, "c.db", root)
        dbs += [a, b, c]
        for f in [start] + files:
            import_workbooks(a, [f], actor="總部")
        for i in order:
            import_workbooks(b, [files[i]], actor="總部")
        import_workbooks(b, [start], actor="總部")  # the stale starting copy last: changes nothing
        import_workbooks(c, [files[order[2]], start, files[order[0]], files[order[1]]], actor="總部")
        for i in reversed(order):  # and the center merges its laptops back
            import_workbooks(center, [files[i]], actor="中心")

        expected = snapshot(a, skip=())
        assert snapshot(b) == expected
        assert snapshot(c) == expected
        assert snapshot(center) == expected
        conflicts = open_conflicts(a)
        assert open_conflicts(b) == conflicts == open_conflicts(c) == open_conflicts(center)

        # never a silent overwrite: a record changed differently on two laptops is an open conflict,
        # one changed on a single laptop shows that laptop's content; deletions stay deleted
        conflicted = {(t, rid) for t, rid, _, _ in conflicts}
        for table in EDITS:
            merged = content(a, table)
            changed: dict[str, set] = {}
            for lap, _ in laptops:
                for rid, row in content(lap, table).items():
                    if rid in start_rows[table] and start_rows[table][rid] != row:
                        changed.setdefault(rid, set()).add(_gone(table, row))
            for rid, rows in changed.items():
                if len(rows) > 1:
                    assert (table, rid) in conflicted, (table, rid, rows)
                else:
                    assert _gone(table, merged[rid]) == next(iter(rows)), (table, rid)
                if any(r[_deleted_at(table)] for r in rows):
                    assert merged[rid][_deleted_at(table)] is not None, (table, rid)

        # a natural key made on several laptops is one record; differing values are an open conflict
        for table, key_cols in NATURAL.items():
            made: dict[tuple, set] = {}
            for lap, _ in laptops:
                with raw(lap) as con:
                    value = "target" if table == "yearly_target" else "approved_subsidy"
                    for row in con.execute(f"SELECT {', '.join(key_cols)}, {value}, id FROM {table}"):
                        if row[-1] not in start_rows.get(table, {}):
                            made.setdefault(row[:-2], set()).add(row[-2])
            with raw(a) as con:
                for key, values in made.items():
                    cond = " AND ".join(f"{c} = ?" for c in key_cols)
                    ids_here = [r[0] for r in con.execute(f"SELECT id FROM {table} WHERE {cond}", key)]
                    assert len(ids_here) == 1, (table, key, ids_here)
                    if len(values) > 1:
                        assert (table, ids_here[0]) in conflicted, (table, key, values)
    finally:
        for d in dbs:
            d.close()


def _deleted_at(table: str) -> int:
    cols = [c.key for c in fmt.BY_TABLE[table].content_columns if c.kind is not fmt.Kind.IDS]
    return cols.index("deleted_at")


def _gone(table: str, row: tuple) -> tuple:
    """A row with its deletion time reduced to "deleted or not" (two deletions agree)."""
    i = _deleted_at(table)
    return row[:i] + (row[i] is not None,) + row[i + 1:]

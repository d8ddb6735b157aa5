"""A workbook written before format v6 (workstations with youth counters, no outcome sheet) still reads,
and its counters become the same dated outcomes the database migration makes (issue 17)."""

from __future__ import annotations

import importlib

import openpyxl

from counsel_desk.sync import export_workbook, import_workbooks
from counsel_desk.sync import legacy_counters
from counsel_desk.sync.format import BY_KEY, META_SHEET
from counsel_desk.store import driver
from tests.integration.sync_helpers import fresh_db, small_world


def _as_v5(path, out, counters: dict[str, tuple[int, int]]) -> None:
    """Rewrite a v6 export as a v5 file: no outcome or youth-team sheets, no training columns, and the
    workstation sheet with its two youth counters."""
    wb = openpyxl.load_workbook(path)
    for key in ("youth_teams", "youth_team_members", "outcomes"):
        del wb[BY_KEY[key].title]
    events = wb[BY_KEY["events"].title]
    for idx in sorted((c.column for c in events[1] if c.value in ("hours", "trainees", "completed")), reverse=True):
        events.delete_cols(idx)
    ws = wb[BY_KEY["workstations"].title]
    col = ws.max_column + 1
    ws.cell(1, col, "youth_stayed")
    ws.cell(2, col, "留鄉人數")
    ws.cell(1, col + 1, "youth_returned")
    ws.cell(2, col + 1, "返鄉人數")
    for r in range(3, ws.max_row + 1):
        stayed, returned = counters.get(ws.cell(r, 1).value, (0, 0))
        ws.cell(r, col, stayed)
        ws.cell(r, col + 1, returned)
    for row in wb[META_SHEET].iter_rows():
        if len(row) > 3 and row[3].value == "format_version":
            row[1].value = "5"
    wb.save(out)


def test_a_v5_workbooks_youth_counters_become_the_migrations_outcomes(tmp_path, tmp_path_factory):
    root = tmp_path_factory.getbasetemp()
    laptop = fresh_db(tmp_path, "laptop.db", root)
    hq = fresh_db(tmp_path, "hq.db", root)
    try:
        small_world(laptop)
        with driver.connect(laptop.path) as con:
            wid, updated, term_end = con.execute("SELECT id, updated_at, term_end FROM workstation").fetchone()
        export_workbook(laptop, tmp_path / "v6.xlsx", mask=False)
        _as_v5(tmp_path / "v6.xlsx", tmp_path / "v5.xlsx", {wid: (4, 0)})

        report = import_workbooks(hq, [tmp_path / "v5.xlsx"])
        assert not report.problems, [str(p) for p in report.problems.items]
        with driver.connect(hq.path) as con:
            rows = con.execute("SELECT id, kind, people, outcome_date, workstation_id FROM outcome").fetchall()
        migration = importlib.import_module("counsel_desk.store.migrations.versions.0008_i17_outcomes")
        assert rows == [(migration.counter_outcome_id(wid, "youth_stayed"), "youth_stayed", 4,
                         legacy_counters.counter_day(updated, term_end), wid)]
        assert legacy_counters.COUNTER_NAMESPACE == migration.COUNTER_NAMESPACE
        again = import_workbooks(hq, [tmp_path / "v5.xlsx"])
        assert again.totals["added"] == again.totals["updated"] == again.totals["conflicts"] == 0
    finally:
        laptop.close()
        hq.close()

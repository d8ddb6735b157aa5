"""Amounts past 32 bits travel laptop → workbook → server → workbook → laptop unchanged (0022_i18_bigint)."""

from __future__ import annotations

from datetime import date

import pytest

from counsel_desk import models as m
from counsel_desk.sync import export_workbook, import_workbooks
from tests.integration.sync_helpers import create, fresh_db, raw, small_world, snapshot

pytestmark = pytest.mark.both_engines

THREE_BILLION = 3_000_000_000


def test_an_amount_of_three_billion_goes_through_the_server_and_back(tmp_path, tmp_path_factory):
    root = tmp_path_factory.getbasetemp()
    laptop = fresh_db(tmp_path, "laptop.db", root, file=True)
    hq = fresh_db(tmp_path, "hq.db", root)  # the server in the PostgreSQL run
    back = fresh_db(tmp_path, "back.db", root, file=True)
    try:
        ids = small_world(laptop, visits=1)
        create(laptop, m.WorkstationBudget(workstation_id=ids["workstations"][0], roc_year=116,
                                           approved_subsidy=THREE_BILLION))
        create(laptop, m.Outcome(center_code="north", workstation_id=ids["workstations"][0], kind="corporate_investment",
                                 outcome_date=date(2026, 11, 3), amount=THREE_BILLION + 7, company="山海物產"))
        there = tmp_path / "laptop.xlsx"
        export_workbook(laptop, there, mask=False)
        report = import_workbooks(hq, [there])
        assert not report.problems
        assert snapshot(hq) == snapshot(laptop)
        with raw(hq) as con:
            assert con.execute("SELECT amount FROM outcome").fetchall() == [(THREE_BILLION + 7,)]
            assert con.execute("SELECT approved_subsidy FROM workstation_budget WHERE roc_year = 116").fetchall() \
                == [(THREE_BILLION,)]
        home = tmp_path / "hq.xlsx"
        export_workbook(hq, home, mask=False)
        assert not import_workbooks(back, [home]).problems
        assert snapshot(back) == snapshot(laptop)
    finally:
        for d in (laptop, hq, back):
            d.close()


def test_a_cell_longer_than_its_column_is_a_problem_naming_sheet_row_and_column(tmp_path, tmp_path_factory):
    from tests.integration.test_sync_hostile import column_of, edited, refused

    root = tmp_path_factory.getbasetemp()
    laptop = fresh_db(tmp_path, "laptop.db", root, file=True)
    hq = fresh_db(tmp_path, "hq.db", root)
    try:
        small_world(laptop)
        good = tmp_path / "good.xlsx"
        export_workbook(laptop, good, mask=False)

        def too_long(wb):
            ws = wb["聯絡人"]
            ws.cell(row=3, column=column_of(ws, "phone"), value="0" * 33)
        message = refused(hq, edited(good, tmp_path / "bad.xlsx", too_long))
        assert "聯絡人 / 第 3 列" in message and "電話最多 32 字，這一格有 33 字" in message, message
        with raw(hq) as con:  # nothing of the batch went in
            assert con.execute("SELECT count(*) FROM contact").fetchall() == [(0,)]
    finally:
        laptop.close()
        hq.close()

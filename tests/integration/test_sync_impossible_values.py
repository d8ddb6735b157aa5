"""Values the app's own services refuse are refused by the import too, naming sheet, row, column and why.

A probe of the command line found an import taking what no form or service lets anyone save: a follow-up
closed with no date and no result, a blank name, a negative team or subsidy, a term ending before it
starts, a visit in the year 9999 — counted as "updated", exit 0. And an id in capitals was a new record
beside its lower-case twin, while a capitalised reference was "not found".
"""

from __future__ import annotations

from datetime import date

import pytest

from counsel_desk import models as m
from counsel_desk.sync import export_workbook, import_workbooks
from counsel_desk.sync.format import BY_KEY, META_SHEET
from tests.integration.sync_helpers import create, fresh_db, small_world, snapshot
from tests.integration.test_sync_hostile import column_of, edited, refused, setup  # noqa: F401 — the fixture


def _set(wb, sheet_key: str, row: int, **values) -> None:
    ws = wb[BY_KEY[sheet_key].title]
    for key, value in values.items():
        ws.cell(row=row, column=column_of(ws, key), value=value)


def _refusal(setup, sheet_key: str, **values) -> str:  # noqa: F811
    tmp, good, target, _ = setup
    return refused(target, edited(good, tmp / "bad.xlsx", lambda wb: _set(wb, sheet_key, 3, **values)))


def test_a_follow_up_closed_without_its_date_and_result_is_refused(setup):  # noqa: F811
    message = _refusal(setup, "followups", status="已結案", followup_date=None, result=None)
    assert "追蹤事項 / 第 3 列" in message
    assert "（追蹤日期） 欄：結案必須填寫追蹤日期" in message
    assert "（辦理結果） 欄：結案必須填寫辦理結果" in message


def test_a_blank_required_name_is_refused(setup):  # noqa: F811
    assert "單位 / 第 3 列 / B（名稱） 欄：必填欄位沒有填寫" in _refusal(setup, "organizations", name="   ")


@pytest.mark.parametrize("sheet, values, reason", [
    ("workstations", {"team_size": -3}, "（團隊人數） 欄：不可小於 0（這一格是 -3）"),
    ("budgets", {"approved_subsidy": -3_000_000}, "（核定補助（元）） 欄：不可小於 0（這一格是 -3000000）"),
    ("workstations", {"term_start": "2026-12-31", "term_end": "2026-01-01"}, "（執行迄日） 欄：期程結束日早於開始日"),
    ("workstations", {"team_size": 2, "fulltime_staff": 5}, "（專職人數） 欄：專職人數多於團隊人數"),
    ("visits", {"visit_date": "9999-12-31"}, "（訪視日期） 欄：日期 9999-12-31 太晚"),
    ("visits", {"visit_date": "1800-01-01"}, "（訪視日期） 欄：日期 1800-01-01 太早：最早 2010-01-01"),
])
def test_impossible_numbers_and_dates_are_refused(setup, sheet, values, reason):  # noqa: F811
    message = _refusal(setup, sheet, **values)
    assert f"{BY_KEY[sheet].title} / 第 3 列" in message and reason in message


def test_an_id_in_capitals_is_the_same_record(setup):  # noqa: F811
    tmp, good, target, ids = setup
    assert not import_workbooks(target, [good], actor="測試").refused
    before = snapshot(target)

    def shout(wb):
        ws = wb[BY_KEY["visits"].title]
        for row in (3, 4):
            for key in ("id", "organization_id", "counselor_ids"):
                cell = ws.cell(row=row, column=column_of(ws, key))
                cell.value = cell.value.upper()
        _set(wb, "followups", 3, visit_id=ids["visits"][0].upper())
    report = import_workbooks(target, [edited(good, tmp / "shout.xlsx", shout)], actor="測試")
    assert not report.refused, [str(p) for p in report.problems.items]
    assert report.totals["added"] == 0 and report.totals["updated"] == 0
    assert snapshot(target) == before


@pytest.mark.parametrize("key, value, reason", [
    ("center", "west", "分區中心代碼「west」"),
    ("exported_at", "2026-02-30 00:00:00", "匯出時間「2026-02-30 00:00:00」"),
])
def test_an_impossible_meta_value_is_refused(setup, key, value, reason):  # noqa: F811
    tmp, good, target, _ = setup

    def meta(wb):
        for row in wb[META_SHEET].iter_rows():
            if len(row) > 3 and row[3].value == key:
                row[1].value = value
    assert reason in refused(target, edited(good, tmp / "bad.xlsx", meta))


def test_an_event_with_more_completed_than_trainees_or_a_negative_count_is_refused(setup):  # noqa: F811
    tmp, _good, target, _ = setup
    laptop = fresh_db(tmp, "with_event.db", tmp)
    small_world(laptop)
    create(laptop, m.CenterEvent(center_code="north", event_date=date(2026, 11, 30), title="培力課程", kind="training",
                                 hours=6, trainees=12, completed=10))
    good = tmp / "event.xlsx"
    export_workbook(laptop, good, mask=False, actor="測試")
    laptop.close()
    message = refused(target, edited(good, tmp / "bad.xlsx", lambda wb: _set(wb, "events", 3, completed=13)))
    assert "中心活動 / 第 3 列" in message and "（結訓人數） 欄：結訓人數多於學員人數" in message
    message = refused(target, edited(good, tmp / "bad2.xlsx", lambda wb: _set(wb, "events", 3, participants=-1)))
    assert "（參與人次） 欄：不可小於 0（這一格是 -1）" in message

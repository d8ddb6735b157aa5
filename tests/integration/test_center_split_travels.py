"""Headquarters' center → county split travels in the interchange workbook (format v13) as a programme file does:
a center laptop takes a split set later than its own, never an older one, and a center's workbook never undoes
headquarters' move. Source: 加速推動地方創生計畫 叁、三、建構分區輔導中心（北、中、南、東分區）; issue 16 — 「The
center→county split becomes editable (by headquarters, audited)」."""

from __future__ import annotations

import re

from sqlalchemy import text

from counsel_desk.services.base import ServiceContext
from counsel_desk.services.programme import center_split
from counsel_desk.sync import export_workbook, import_workbooks
from counsel_desk.sync.importer import describe



def _svc(db, actor="專案辦公室") -> ServiceContext:
    return ServiceContext.for_database(db, actor=actor, center_code="north")


def _yilan(db) -> center_split.CountyCenter:
    return next(c for c in center_split.split(_svc(db)) if c.county == "宜蘭縣")


def _audited(db, action: str) -> int:
    with db.engine.connect() as c:
        return c.execute(text("SELECT count(*) FROM audit_log WHERE action = :a"), {"a": action}).scalar()


def test_headquarters_split_reaches_the_laptop_and_an_older_one_never_undoes_it(hq, laptop, tmp_path):
    assert _yilan(laptop).center_code == "east" and _yilan(laptop).is_default
    center_split.set_county_center(_svc(hq), "宜蘭縣", "north")
    moved = tmp_path / "hq-moved.xlsx"
    export_workbook(hq, moved, mask=True)

    report = import_workbooks(laptop, [moved], actor="北區主任")
    assert report.applied and report.center_split is not None and report.center_split.action == "loaded"
    assert _yilan(laptop).center_code == "north" and _yilan(laptop).label == "總部調整"
    assert re.search(r"已採用「hq-moved.xlsx」的分區縣市（總部於 1\d\d/\d\d/\d\d \d\d:\d\d 調整）", describe(report))
    assert report.as_json()["center_split"]["moves"] == {_yilan(hq).county_code: "north"}
    assert _audited(laptop, "center_split_received") == 1

    # the laptop's own workbook carries the same split: headquarters keeps its own, nothing is audited there
    own = tmp_path / "laptop.xlsx"
    export_workbook(laptop, own, mask=True)
    back = import_workbooks(hq, [own], actor="專案辦公室")
    assert back.center_split is not None and back.center_split.action == "kept" and not describe(back).count("分區縣市")
    assert _yilan(hq).center_code == "north" and _audited(hq, "center_split_received") == 0

    # headquarters moves it back (the shipped split again); the workbook exported before that arrives later
    center_split.set_county_center(_svc(hq), "宜蘭縣", "east")
    restored = tmp_path / "hq-restored.xlsx"
    export_workbook(hq, restored, mask=True)
    assert import_workbooks(laptop, [restored], actor="北區主任").center_split.action == "loaded"
    assert _yilan(laptop).center_code == "east" and _yilan(laptop).is_default
    late = import_workbooks(laptop, [moved], actor="北區主任")
    assert late.center_split.action == "kept" and _yilan(laptop).center_code == "east"


def test_a_workbook_from_a_database_that_never_set_a_split_carries_none(hq, laptop, tmp_path):
    out = tmp_path / "laptop.xlsx"
    export_workbook(laptop, out, mask=True)
    report = import_workbooks(hq, [out], actor="專案辦公室")
    assert report.applied and report.center_split is None and report.as_json()["center_split"] is None


def test_an_unreadable_split_is_not_taken_and_says_so(laptop):
    with laptop.engine.begin() as conn:
        got = center_split.receive(conn, "壞檔.xlsx", '{"99999": "north"}', "2099-01-01T00:00:00.000000")
        assert got is not None and got.action == "invalid" and "壞檔.xlsx" in got.describe()
        assert center_split.receive(conn, "壞檔.xlsx", "{}", "not a time").action == "invalid"
    assert _yilan(laptop).center_code == "east"


def test_a_laptops_own_split_never_flows_up_to_headquarters(hq, laptop, tmp_path):
    """The split is headquarters' to set: a database where it was set takes no workbook's split, even a newer one —
    a counselor who moved a county on her laptop (by mistake, in a dialog meant for headquarters) cannot move it for
    headquarters and, through headquarters' next workbook, for every center."""
    center_split.set_county_center(_svc(hq), "宜蘭縣", "north")
    center_split.set_county_center(_svc(laptop, "王小明"), "宜蘭縣", "central")  # later, on a laptop
    out = tmp_path / "laptop.xlsx"
    export_workbook(laptop, out, mask=True)
    report = import_workbooks(hq, [out], actor="專案辦公室")
    assert report.applied and report.center_split.action == "kept"
    assert "本資料庫的分區是在這裡設定的，未採用" in describe(report)
    assert _yilan(hq).center_code == "north" and _audited(hq, "center_split_received") == 0

"""``counsel-desk report``: JSON keys of issue 6, files written, clear one-line errors in Chinese."""

from __future__ import annotations

import io
import json

import openpyxl
import pytest
from pypdf import PdfReader

from counsel_desk.cli import main

ISSUE_KEYS = ("center", "month", "visits_total", "visits_by_county", "visits_by_mode", "followups_opened",
              "followups_closed", "followups_overdue", "support_sessions", "support_hours", "support_participants",
              "proposals_by_stage", "proposals_new", "funding_requested_by_work_item", "events",
              "event_participants", "targets")


@pytest.fixture
def db_path(demo_db):
    return str(demo_db.path)


def _json(capsys, *argv) -> dict:
    assert main(["report", *argv]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_has_the_issue_keys_and_counts(db_path, demo_db, capsys):
    data = _json(capsys, "--db", db_path, "--month", "2026-11", "--json")
    assert all(k in data for k in ISSUE_KEYS)
    assert data["center"] == "north" and data["month"] == "2026-11"  # default: the database's center
    with demo_db.engine.connect() as c:
        n = c.exec_driver_sql("SELECT count(*) FROM site_visit WHERE deleted_at IS NULL AND visit_date LIKE '2026-11-%'"
                              " AND center_code = 'north'").scalar()
    assert data["visits_total"] == n == sum(data["visits_by_county"].values()) == sum(data["visits_by_mode"].values())
    assert set(data["visits_by_mode"]) == {"onsite", "phone", "video", "meeting"}
    assert all(set(v) >= {"target", "actual"} for v in data["targets"].values())
    assert "臺北市" in data["visits_by_county"] or "新北市" in data["visits_by_county"]


def test_center_names_and_roc_month_are_accepted(db_path, capsys):
    north = _json(capsys, "--db", db_path, "--month", "115-11", "--center", "北區", "--json")
    assert north["center"] == "north" and north["month"] == "2026-11"
    east = _json(capsys, "--db", db_path, "--month", "2026-11", "--center", "east", "--json")
    assert east["center"] == "east" and east["visits_total"] == 0


def test_files_are_written_and_agree_with_the_json(db_path, tmp_path, capsys):
    xlsx, pdf = tmp_path / "月報.xlsx", tmp_path / "月報.pdf"
    data = _json(capsys, "--db", db_path, "--month", "2026-11", "--xlsx", str(xlsx), "--pdf", str(pdf), "--json")
    wb = openpyxl.load_workbook(xlsx)
    assert wb["摘要"]["B4"].value == data["visits_total"]
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert f"實地訪視\n{data['visits_total']:,} 次" in text


def test_plain_run_prints_a_summary_in_chinese(db_path, capsys):
    assert main(["report", "--db", db_path, "--month", "2026-11"]) == 0
    assert "北區 民國115年11月：訪視" in capsys.readouterr().out


@pytest.mark.parametrize("argv, message", [
    (["--month", "2026-13"], "不存在的月份「2026-13」"),
    (["--month", "十一月"], "看不懂的月份「十一月」"),
    (["--month", "2026-11", "--center", "西區"], "不認得的分區中心「西區」"),
])
def test_mistakes_are_one_line_in_chinese(db_path, capsys, argv, message):
    assert main(["report", "--db", db_path, *argv]) != 0
    err = capsys.readouterr().err.strip()
    assert message in err and "\n" not in err and "Traceback" not in err


def test_missing_database_is_a_clear_error(tmp_path, capsys):
    assert main(["report", "--db", str(tmp_path / "沒有.db"), "--month", "2026-11"]) != 0
    assert "找不到資料庫檔案" in capsys.readouterr().err

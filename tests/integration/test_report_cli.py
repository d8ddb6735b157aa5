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
    assert f"實地訪視（次） {data['visits_total']:,} " in text


def test_plain_run_prints_a_summary_in_chinese(db_path, capsys):
    assert main(["report", "--db", db_path, "--month", "2026-11"]) == 0
    assert "地方創生北區輔導中心 民國115年11月：訪視" in capsys.readouterr().out  # one form of a center's name


@pytest.mark.parametrize("argv, message", [
    (["--month", "2026-13"], "不存在的月份「2026-13」"),
    (["--month", "十一月"], "看不懂的月份「十一月」"),
    (["--month", "2026-11", "--center", "西區"], "不認得的分區中心「西區」"),
    # argparse's own sentences, said in Chinese too (argparse exits 2 itself)
    (["--month", "2026-11", "--year", "2026"], "參數 --year 不能與 --month 同時使用"),
    ([], "必須指定其中一個參數：--month --quarter --year --from"),
    (["--month"], "參數 --month 後面需要一個值"),
    (["--month", "2026-11", "--bogus"], "無法辨識的參數 --bogus"),
])
def test_mistakes_are_one_line_in_chinese(db_path, capsys, argv, message):
    try:
        code = main(["report", "--db", db_path, *argv])
    except SystemExit as exit_:
        code = exit_.code
    assert code == 2
    err = capsys.readouterr().err.strip()
    assert message in err and "\n" not in err and "Traceback" not in err


def test_missing_database_is_a_clear_error(tmp_path, capsys):
    assert main(["report", "--db", str(tmp_path / "沒有.db"), "--month", "2026-11"]) != 0
    assert "找不到資料庫檔案" in capsys.readouterr().err


NEW_KEYS = ("period", "provisional", "plan", "revision", "compare", "by_center", "revision_notes",
            "sent_proposals", "budget_execution", "plans", "public_spaces", "key_visits", "narrative")


def test_json_adds_the_new_keys_with_comparisons(db_path, capsys):
    data = _json(capsys, "--db", db_path, "--month", "2026-10", "--json")
    assert all(k in data for k in ISSUE_KEYS + NEW_KEYS)
    assert data["period"]["from"] == "2026-10-01" and data["period"]["to"] == "2026-10-31"
    assert data["provisional"] is False and data["revision"] == 1 and data["by_center"] is None
    compare = data["compare"]
    assert (compare["previous_period"]["from"], compare["previous_period"]["to"]) == ("2026-09-01", "2026-09-30")
    assert compare["same_period_last_year"]["from"] == "2025-10-01"
    assert compare["year_to_date"]["from"] == "2026-01-01" and compare["year_to_date"]["to"] == "2026-10-31"
    assert compare["year_to_date"]["visits_total"] >= data["visits_total"]
    assert data["plan"]["name"] == "打造永續共好地方創生計畫" and data["plan"]["in_force"]  # ROC 115: the successor


def test_all_centers_quarter_year_and_custom_periods(db_path, capsys):
    every = _json(capsys, "--db", db_path, "--quarter", "115-Q3", "--center", "all", "--json")
    assert every["center"] is None and every["period"]["key"] == "2026-Q3" and every["revision"] is None
    assert set(every["by_center"]) == {"north", "central", "south", "east"}
    assert sum(c["visits_total"] for c in every["by_center"].values()) == every["visits_total"]
    year = _json(capsys, "--db", db_path, "--year", "115", "--json")
    assert (year["period"]["from"], year["period"]["to"]) == ("2026-01-01", "2026-12-31")
    custom = _json(capsys, "--db", db_path, "--from", "115/01/05", "--to", "2026-03-31", "--json")
    assert custom["period"]["kind"] == "custom" and custom["period"]["from"] == "2026-01-05"


def test_a_future_period_is_refused_and_a_missing_folder_is_an_error(db_path, tmp_path, capsys):
    assert main(["report", "--db", db_path, "--year", "2099"]) == 2
    assert "尚未開始" in capsys.readouterr().err
    missing = tmp_path / "沒有這個資料夾" / "月報.pdf"
    assert main(["report", "--db", db_path, "--month", "2026-10", "--pdf", str(missing)]) == 2
    err = capsys.readouterr().err
    assert "沒有這個資料夾" in err and "不存在" in err and not missing.parent.exists()
    assert main(["report", "--db", db_path, "--from", "2026-01-01"]) == 2
    assert "--to" in capsys.readouterr().err


def test_prepared_by_from_the_option_or_the_settings(db_path, tmp_path, capsys, monkeypatch):
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "counsel_desk.ini").write_text('[user]\ncenter=north\nname="林主任, 北區"\n', encoding="utf-8")
    monkeypatch.setenv("COUNSEL_DESK_HOME", str(home))
    pdf = tmp_path / "月報.pdf"
    assert main(["report", "--db", db_path, "--month", "2026-10", "--pdf", str(pdf)]) == 0
    assert "林主任, 北區" in "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages[:1])
    assert main(["report", "--db", db_path, "--month", "2026-10", "--pdf", str(pdf), "--prepared-by", "王承辦"]) == 0
    assert "王承辦" in PdfReader(io.BytesIO(pdf.read_bytes())).pages[0].extract_text()


def test_a_write_error_names_the_users_file_not_a_temporary_one(db_path, tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    taken = out / "月報.pdf"
    taken.mkdir()  # a folder where the file should go: the rename over it fails
    assert main(["report", "--db", db_path, "--month", "2026-10", "--pdf", str(taken)]) == 4
    err = capsys.readouterr().err.strip()
    assert f"無法寫入「{taken}」：那是一個資料夾" in err and ".part" not in err and "\n" not in err
    assert sorted(p.name for p in out.iterdir()) == ["月報.pdf"]  # nothing left beside it


def test_summary_only_is_passed_to_the_renderer_or_refused_cleanly(db_path, tmp_path, capsys):
    import inspect

    from counsel_desk.reports.snapshots import generate

    pdf = tmp_path / "摘要.pdf"
    code = main(["report", "--db", db_path, "--month", "2026-10", "--pdf", str(pdf), "--summary-only"])
    if "summary_only" in inspect.signature(generate).parameters:
        assert code == 0 and pdf.exists()
        full = tmp_path / "全.pdf"
        assert main(["report", "--db", db_path, "--month", "2026-10", "--pdf", str(full)]) == 0
        assert len(PdfReader(str(pdf)).pages) < len(PdfReader(str(full)).pages)
    else:
        assert code == 2 and "--summary-only" in capsys.readouterr().err and not pdf.exists()


def test_a_report_or_an_audit_export_never_overwrites_a_database(tmp_path, capsys):
    """`report --xlsx center.db` once replaced the database with a workbook: any database file (this one, another,
    plain or encrypted) is refused with exit 2, and stays whole; an old report of the same name is replaced."""
    from counsel_desk.store import driver

    db = tmp_path / "center.db"
    assert main(["demo", "--db", str(db), "--visits", "50"]) == 0
    other = tmp_path / "other.db"
    assert main(["demo", "--db", str(other), "--visits", "20", "--center", "南區"]) == 0
    capsys.readouterr()
    before = {p: p.read_bytes() for p in (db, other)}
    for argv in (["report", "--db", str(db), "--month", "2026-11", "--xlsx", str(db)],
                 ["report", "--db", str(db), "--month", "2026-11", "--pdf", str(other)],
                 ["audit", "--db", str(db), "--export", str(db)]):
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert "是資料庫檔案，不會被覆寫" in err and err.count("\n") == 1, err
    assert {p: p.read_bytes() for p in (db, other)} == before
    assert driver.header(db, 16) == before[db][:16]
    assert main(["check", "--db", str(db)]) == 0
    old = tmp_path / "月報.xlsx"
    old.write_bytes(b"PK\x03\x04 an old report")
    assert main(["report", "--db", str(db), "--month", "2026-11", "--xlsx", str(old)]) == 0
    assert openpyxl.load_workbook(old)["摘要"]["B4"].value is not None


def test_a_csv_of_the_length_of_whole_pages_is_replaced_as_any_old_export(tmp_path, capsys):
    """A database is told by its first bytes; an old CSV whose size happens to be whole 512-byte pages is text."""
    db = tmp_path / "center.db"
    assert main(["demo", "--db", str(db), "--visits", "20"]) == 0
    old = tmp_path / "稽核紀錄.csv"
    old.write_bytes(("\ufeff序號,時間,使用者\n" + "甲" * 2000).encode()[:1024])
    assert main(["audit", "--db", str(db), "--export", str(old)]) == 0
    assert old.read_bytes().startswith("\ufeff序號".encode())
    assert len(old.read_bytes()) != 1024

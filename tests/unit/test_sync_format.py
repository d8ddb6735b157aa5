"""The format definition covers the schema; cells, clocks and the CSV writer behave."""

from __future__ import annotations

import csv
from datetime import date, datetime, timezone

import pytest

from counsel_desk import models
from counsel_desk.sync import clock as clocks
from counsel_desk.sync import format as fmt
from counsel_desk.sync.csv_export import cell_text, write_csv
from counsel_desk.sync.values import (
    CellError, date_cell, escape_text, float_cell, int_cell, read_bool, read_date, read_datetime, read_float,
    read_int, read_text,
)


def test_every_column_of_every_synced_table_travels():
    tables = {m.__tablename__: m for m in models.SYNCED_MODELS}
    assert {s.table for s in fmt.SHEETS} == set(tables)
    for sheet in fmt.SHEETS:
        columns = {c.name for c in tables[sheet.table].__table__.columns}
        assert {c.key for c in sheet.db_columns} == columns, sheet.key


def test_every_link_table_travels_inside_its_owner():
    links = {c.link[0] for s in fmt.SHEETS for c in s.link_columns}
    assert links == {"visit_counselor", "visit_contact", "support_counselor", "workstation_contact", "proposal_contact",
                     "youth_team_visit", "youth_team_support", "visit_issue_topic"}


def test_sheet_names_and_keys_are_valid_for_excel_and_unique():
    titles = [s.title for s in fmt.SHEETS] + [fmt.META_SHEET, fmt.LONG_TEXT_SHEET]
    assert len(set(titles)) == len(titles)
    for t in titles:
        assert len(t) <= 31 and not set(t) & set("[]:*?/\\")
    for s in fmt.SHEETS:
        keys = [c.key for c in s.columns]
        assert len(set(keys)) == len(keys) and keys[0] == "id"
        assert {"id", "updated_at", "deleted_at", "sync_versions"} <= set(keys)


def test_personal_data_masked_by_default_is_what_the_issue_names():
    assert fmt.PERSONAL == {"counselors": ("email", "phone"), "contacts": ("phone", "email", "personal_notes"),
                            "youth_team_members": ("name", "birth_year")}


def test_clock_text_and_order():
    a = {"aaaaaaaaaaaa": 2, "bbbbbbbbbbbb": 1}
    assert clocks.parse(clocks.format(a)) == a
    assert clocks.parse("nonsense") is None and clocks.parse("aaaaaaaaaaaa:0") is None
    assert clocks.dominates(a, {"aaaaaaaaaaaa": 1}) and not clocks.dominates(a, a)
    assert not clocks.dominates({"aaaaaaaaaaaa": 1}, {"bbbbbbbbbbbb": 1})
    assert clocks.current(None, None, 3, "cccccccccccc") == {"cccccccccccc": 3}
    assert clocks.current(a, 5, 5, "cccccccccccc") == a
    assert clocks.current(a, 5, 7, "cccccccccccc") == {**a, "cccccccccccc": 2}


def test_escape_text_protects_control_characters_and_look_alikes():
    assert escape_text("普通文字") == "普通文字"
    assert escape_text("a\x0bb") == "a_x000B_b"
    assert escape_text("_x0041_") == "_x005F_x0041_"


def test_cells_outside_excel_range_travel_as_text():
    assert date_cell("2026-11-26") == date(2026, 11, 26)
    assert date_cell("0001-01-01") == "0001-01-01"
    assert int_cell(10 ** 15) == "1000000000000000" and int_cell(5) == 5
    assert float_cell(0.1 + 0.2) == "0.30000000000000004" and float_cell(1.5) == 1.5


def test_reading_cells():
    assert read_int(3.0) == 3 and read_int("1,234") == 1234 and read_int("") is None
    with pytest.raises(CellError):
        read_int(1.5)
    with pytest.raises(CellError):
        read_int(True)
    assert read_float("0.30000000000000004") == 0.30000000000000004
    assert read_bool("是") == 1 and read_bool("否") == 0 and read_bool(True) == 1
    assert read_date(date(2026, 11, 26)) == "2026-11-26" and read_date("115/11/26") == "2026-11-26"
    assert read_date("0001-01-01") == "0001-01-01"
    with pytest.raises(CellError, match="看不懂"):
        read_date("下週二")
    assert read_datetime("2026-11-26 01:02:03") == "2026-11-26 01:02:03.000000"
    assert read_datetime(datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)) == "2026-01-02 03:04:05.000000"
    with pytest.raises(CellError):
        read_datetime("2026-13-01 00:00:00")
    assert read_text(12.0) == "12"


def test_csv_has_bom_and_never_a_formula(tmp_path):
    path = write_csv(tmp_path / "list.csv", ["日期", "內容"],
                     [[date(2026, 11, 26), "=1+1"], ["@x", "+886"], ["-5", "臺東縣"], [None, True], ["\tx", 12]])
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["日期", "內容"]
    assert rows[1] == ["2026-11-26", "'=1+1"] and rows[2] == ["'@x", "'+886"] and rows[3] == ["'-5", "臺東縣"]
    assert rows[4] == ["", "是"] and rows[5][0] == "'\tx"
    assert cell_text("\r") == "'\r"
    assert not list(tmp_path.glob(".*part"))  # written through a temporary file, renamed into place


def test_the_import_limits_are_the_services_own():
    """format.py states the services' limits (importing the services would slow the import's start): the same."""
    from counsel_desk.services.proposals import coaching
    from counsel_desk.services.visits import visits

    from counsel_desk.services import days

    assert (fmt.EARLIEST_VISIT, fmt.DAYS_AHEAD_ALLOWED) == (visits.EARLIEST_VISIT, days.DAYS_AHEAD_ALLOWED)
    assert (fmt.SCORE_MIN, fmt.SCORE_MAX) == (coaching.SCORE_MIN, coaching.SCORE_MAX)

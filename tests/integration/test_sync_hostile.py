"""Broken and hostile workbooks: each gets its clear message and the database stays byte-for-byte the same."""

from __future__ import annotations


import uuid
import zipfile
from pathlib import Path

import openpyxl
import pytest

from counsel_desk.errors import UserError
from counsel_desk.services.safety.backup import list_backups
from counsel_desk.store import open_database
from counsel_desk.sync import export_workbook, import_workbooks
from counsel_desk.sync.format import BY_KEY, FORMAT_VERSION, META_SHEET
from tests.integration.sync_helpers import file_digest, fresh_db, small_world, snapshot


@pytest.fixture
def setup(tmp_path, tmp_path_factory):
    root = tmp_path_factory.getbasetemp()
    laptop = fresh_db(tmp_path, "laptop.db", root)
    ids = small_world(laptop)
    good = tmp_path / "good.xlsx"
    export_workbook(laptop, good, mask=False, actor="測試")
    target = fresh_db(tmp_path, "target.db", root)
    small_world(target)  # the receiving database has data of its own
    yield tmp_path, good, target, ids
    laptop.close()
    target.close()


def edited(good: Path, out: Path, change) -> Path:
    wb = openpyxl.load_workbook(good)
    change(wb)
    wb.save(out)
    return out


def column_of(ws, key: str) -> int:
    return next(c.column for c in ws[1] if c.value == key)


def refused(target, path: Path) -> str:
    """Import ``path``; return the message(s); assert the database file did not change."""
    before = file_digest(target)
    try:
        report = import_workbooks(target, [path], actor="測試")
        assert report.refused and not report.applied
        message = "\n".join(str(p) for p in report.problems.items)
    except UserError as exc:
        message = exc.message
    assert file_digest(target) == before
    # the backup taken while the file was read (services.safety.backup.BackupAhead) is not left behind
    assert target.is_server or list_backups(target.path) == []
    return message


def test_missing_sheet(setup):
    tmp, good, target, _ = setup
    bad = edited(good, tmp / "bad.xlsx", lambda wb: wb.remove(wb[BY_KEY["followups"].title]))
    assert "缺少工作表「追蹤事項」" in refused(target, bad)


def test_missing_column(setup):
    tmp, good, target, _ = setup

    def drop(wb):
        ws = wb[BY_KEY["visits"].title]
        ws.delete_cols(column_of(ws, "visit_date"))
    assert "缺少欄位「訪視日期」" in refused(target, edited(good, tmp / "bad.xlsx", drop))


def test_wrong_type_names_sheet_row_and_column(setup):
    tmp, good, target, _ = setup

    def break_date(wb):
        ws = wb[BY_KEY["visits"].title]
        ws.cell(row=4, column=column_of(ws, "visit_date"), value="下週二")
        ws.cell(row=3, column=column_of(ws, "version"), value="第二版")
    message = refused(target, edited(good, tmp / "bad.xlsx", break_date))
    assert "實地訪視 / 第 4 列 / C（訪視日期） 欄：看不懂的日期「下週二」" in message
    assert "第 3 列" in message and "應為整數" in message
    assert "找不到所指" not in message  # the follow-ups of a rejected visit are not reported again


def test_unknown_township(setup):
    tmp, good, target, _ = setup

    def town(wb):
        ws = wb[BY_KEY["visits"].title]
        ws.cell(row=3, column=column_of(ws, "township_code"), value="99999999")
    assert "不認得的鄉鎮市區代碼「99999999」" in refused(target, edited(good, tmp / "bad.xlsx", town))


def test_unknown_enum_value(setup):
    tmp, good, target, _ = setup

    def mode(wb):
        ws = wb[BY_KEY["visits"].title]
        ws.cell(row=3, column=column_of(ws, "mode"), value="飛鴿傳書")
    assert "「飛鴿傳書」不是可用的選項" in refused(target, edited(good, tmp / "bad.xlsx", mode))


def test_dangling_reference(setup):
    tmp, good, target, _ = setup
    ghost = str(uuid.uuid4())

    def dangle(wb):
        ws = wb[BY_KEY["followups"].title]
        ws.cell(row=3, column=column_of(ws, "visit_id"), value=ghost)
    message = refused(target, edited(good, tmp / "bad.xlsx", dangle))
    assert f"找不到所指的「實地訪視」（識別碼 {ghost}）" in message and "追蹤事項 / 第 3 列" in message


def test_newer_format_is_refused(setup):
    tmp, good, target, _ = setup

    def newer(wb):
        ws = wb[META_SHEET]
        for row in ws.iter_rows():
            if len(row) > 3 and row[3].value == "format_version":
                row[1].value = str(FORMAT_VERSION + 1)
    message = refused(target, edited(good, tmp / "bad.xlsx", newer))
    assert f"較新的交換檔格式第 {FORMAT_VERSION + 1} 版" in message and "請先更新" in message


def test_not_a_workbook(setup):
    tmp, _good, target, _ = setup
    bad = tmp / "bad.xlsx"
    bad.write_bytes(b"this is not a zip" * 100)
    assert "不是 Excel 活頁簿" in refused(target, bad)


def _copy_with(good: Path, out: Path, extra: dict[str, bytes] | None = None, replace: dict[str, bytes] | None = None):
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = (replace or {}).get(info.filename, src.read(info.filename))
            dst.writestr(info.filename, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
        for name, data in (extra or {}).items():
            dst.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return out


def test_zip_bomb_is_refused_before_parsing(setup):
    tmp, good, target, _ = setup
    bomb = _copy_with(good, tmp / "bomb.xlsx", extra={"xl/media/filler.xml": b"\0" * (48 * 1024 * 1024)})
    message = refused(target, bomb)
    assert "壓縮炸彈" in message and "bomb.xlsx" in message


def test_xml_entities_are_refused(setup):
    tmp, good, target, _ = setup
    with zipfile.ZipFile(good) as z:
        sheet = z.read("xl/worksheets/sheet2.xml")
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
              + sheet)
    bad = _copy_with(good, tmp / "laughs.xlsx", replace={"xl/worksheets/sheet2.xml": laughs})
    assert "DOCTYPE" in refused(target, bad)


def test_formula_cells_are_refused_with_their_place(setup):
    tmp, good, target, _ = setup

    def formula(wb):
        ws = wb[BY_KEY["visits"].title]
        ws.cell(row=3, column=column_of(ws, "purpose"), value="=HYPERLINK(\"http://evil\",\"點我\")")
    message = refused(target, edited(good, tmp / "bad.xlsx", formula))
    assert "含有公式" in message and "「實地訪視」" in message


def test_problems_of_several_files_are_all_listed_and_nothing_is_applied(setup):
    tmp, good, target, _ = setup

    def town(wb):
        ws = wb[BY_KEY["visits"].title]
        ws.cell(row=3, column=column_of(ws, "township_code"), value="99999999")
    bad = edited(good, tmp / "bad.xlsx", town)
    before = file_digest(target)
    report = import_workbooks(target, [good, bad], actor="測試")
    assert report.refused and report.totals["rejected"] == 1 and not report.applied
    assert file_digest(target) == before


def test_an_applied_import_keeps_the_backup_of_the_data_before_it(setup):
    tmp, good, target, _ = setup
    before = snapshot(target)
    report = import_workbooks(target, [good], actor="測試")
    assert report.applied and report.totals["added"] > 0
    if target.is_server:
        return  # a server is backed up on the server (pg_dump)
    assert [b.path for b in list_backups(target.path)] == [report.backup]
    copy = open_database(report.backup, read_only=True)
    try:
        assert snapshot(copy) == before
    finally:
        copy.close()


def test_formula_like_text_stays_text_forever(setup, tmp_path_factory):
    tmp, good, target, _ = setup
    tricky = "=cmd|' /C calc'!A0"

    def text_cell(wb):
        ws = wb[BY_KEY["visits"].title]
        cell = ws.cell(row=3, column=column_of(ws, "purpose"))
        cell.value = tricky
        cell.data_type = "s"  # a text cell that looks like a formula (what Excel saves for '=…)
    path = edited(good, tmp / "text.xlsx", text_cell)
    report = import_workbooks(target, [path], actor="測試")
    assert report.applied, [str(p) for p in report.problems.items]
    visits = snapshot(target)["site_visit"]
    assert any(tricky in row for row in visits.values())
    again = tmp / "again.xlsx"
    export_workbook(target, again, mask=False)
    ws = openpyxl.load_workbook(again)[BY_KEY["visits"].title]
    cells = [c for row in ws.iter_rows(min_row=3) for c in row if c.value == tricky]
    assert cells and all(c.data_type == "s" and c.quotePrefix for c in cells)
    with zipfile.ZipFile(again) as z:
        xml = b"".join(z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))
    assert b"<f>" not in xml and b"<f " not in xml


def test_missing_file_and_empty_list(setup):
    tmp, _good, target, _ = setup
    with pytest.raises(UserError, match="找不到檔案"):
        import_workbooks(target, [tmp / "nowhere.xlsx"])
    with pytest.raises(UserError, match="沒有選擇"):
        import_workbooks(target, [])


def test_dry_run_changes_no_data(setup):
    _tmp, good, target, _ = setup
    before = snapshot(target)
    report = import_workbooks(target, [good], dry_run=True, actor="測試")
    assert report.dry_run and not report.applied and report.totals["added"] > 0
    assert snapshot(target) == before




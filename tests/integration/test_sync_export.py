"""Exporting: since the last export to a file, masking and its audit, attachments beside, upgrades, CLI."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from counsel_desk import models as m
from counsel_desk.services.safety import sealed
from counsel_desk.sync import export_workbook, import_workbooks, upgrade
from counsel_desk.sync import format as fmt
from counsel_desk.sync.format import BY_KEY, MASK, META_SHEET
from tests.integration.sync_helpers import create, fresh_db, raw, small_world, snapshot, update


@pytest.fixture
def laptop(tmp_path, tmp_path_factory):
    db = fresh_db(tmp_path, "laptop.db", tmp_path_factory.getbasetemp())
    ids = small_world(db)
    yield db, ids
    db.close()


def rows(path: Path, key: str) -> list[dict]:
    wb = openpyxl.load_workbook(path, read_only=True)
    try:  # a read-only workbook keeps its file open until closed (else a ResourceWarning lands in a later test)
        data = list(wb[BY_KEY[key].title].iter_rows(values_only=True))
    finally:
        wb.close()
    keys = data[0]
    return [dict(zip(keys, r)) for r in data[2:]]


def test_workbook_layout_meta_and_formats(laptop, tmp_path):
    db, ids = laptop
    out = tmp_path / "x.xlsx"
    result = export_workbook(db, out, actor="王小明", center="north")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == META_SHEET and wb.sheetnames[1:-2] == [s.title for s in fmt.SHEETS]
    assert wb.sheetnames[-2:] == [fmt.LONG_TEXT_SHEET, fmt.PROGRAMME_SHEET]
    meta = {r[3].value: [c.value for c in r[:3]] for r in wb[META_SHEET].iter_rows() if len(r) > 3 and r[3].value}
    assert meta["format"][1] == fmt.FORMAT_NAME and meta["format_version"][1] == str(fmt.FORMAT_VERSION) and meta["center"][1] == "north"
    assert meta["masked"][:2] == ["個人資料遮蔽", "是"] and meta["device"][1] and meta["sheet:visits"] == ["實地訪視", 2, 0]
    assert wb[META_SHEET].column_dimensions["D"].hidden
    ws = wb[BY_KEY["visits"].title]
    assert ws.row_dimensions[1].hidden and ws.freeze_panes == "B3"
    assert [c.value for c in ws[2]][:3] == ["識別碼", "分區中心", "訪視日期"]
    visit = next(r for r in ws.iter_rows(min_row=3) if r[0].value == ids["visits"][0])
    by_key = {k.value: c for k, c in zip(ws[1], visit)}
    assert by_key["center_code"].value == "北區" and by_key["mode"].value == "實地"
    assert by_key["visit_date"].is_date and by_key["visit_date"].number_format == "yyyy-mm-dd"
    assert by_key["county_name"].value and by_key["township_name"].value
    budget = rows(out, "budgets")[0]
    assert budget["approved_subsidy"] == 2_500_000
    money = next(c for c in wb[BY_KEY["budgets"].title][3] if c.value == 2_500_000)
    assert money.number_format == "#,##0"
    assert result.counts["visits"] == 2 and result.total == sum(result.counts.values())


def test_personal_data_masked_unless_unmasked_and_the_audit_log_says_which(laptop, tmp_path):
    db, _ids = laptop
    export_workbook(db, tmp_path / "masked.xlsx", actor="王小明")
    contact = rows(tmp_path / "masked.xlsx", "contacts")[0]
    assert contact["phone"] == MASK and contact["personal_notes"] == MASK and contact["name"] == "林美玲"
    export_workbook(db, tmp_path / "open.xlsx", mask=False, actor="王小明")
    assert rows(tmp_path / "open.xlsx", "contacts")[0]["phone"] == "02-2345-6789"
    with raw(db) as con:
        details = [json.loads(d) for (d,) in con.execute("SELECT detail FROM audit_log WHERE action = 'export'")]
    assert [d["masked"] for d in details] == [True, False]


def test_since_last_export_to_the_same_file_has_only_the_changes(laptop, tmp_path, monkeypatch):
    db, ids = laptop
    from counsel_desk.sync import export as export_module
    from datetime import timedelta

    monkeypatch.setattr(export_module, "CUTOFF_MARGIN", timedelta(0))
    out = tmp_path / "to-center.xlsx"
    first = export_workbook(db, out, since_last=True)
    assert first.since is None and first.counts["visits"] == 2
    update(db, m.SiteVisit, ids["visits"][1], {"notes": "補充"})
    second = export_workbook(db, out, since_last=True)
    assert second.since is not None and second.counts["visits"] == 1 and second.total == 1
    other = export_workbook(db, tmp_path / "elsewhere.xlsx", since_last=True)
    assert other.since is None and other.counts["visits"] == 2


def test_records_merged_from_elsewhere_are_passed_on_since_last(laptop, tmp_path, tmp_path_factory, monkeypatch):
    """A center relays to headquarters what its laptops sent, even if they changed it long ago."""
    db, ids = laptop
    from datetime import timedelta

    from counsel_desk.sync import export as export_module

    monkeypatch.setattr(export_module, "CUTOFF_MARGIN", timedelta(0))
    center = fresh_db(tmp_path, "center.db", tmp_path_factory.getbasetemp())
    try:
        to_hq = tmp_path / "to-hq.xlsx"
        export_workbook(center, to_hq, since_last=True)
        laptop_file = tmp_path / "laptop.xlsx"
        export_workbook(db, laptop_file, mask=False)
        import_workbooks(center, [laptop_file])
        relay = export_workbook(center, to_hq, since_last=True)
        assert relay.counts["visits"] == 2 and relay.counts["followups"] == 2
    finally:
        center.close()


def test_attachment_files_travel_in_a_zip_beside_the_workbook(laptop, tmp_path, tmp_path_factory):
    db, ids = laptop
    from counsel_desk.services.attachments import stored_path
    import hashlib

    content = "照片內容".encode()
    sha = hashlib.sha256(content).hexdigest()
    folder = Path(db.attachments_dir)
    folder.mkdir(parents=True, exist_ok=True)
    sealed.write_bytes(stored_path(folder, sha, "現場.jpg"), content, "attachment")
    create(db, m.Attachment(owner_type="site_visit", owner_id=ids["visits"][0], filename="現場.jpg", sha256=sha,
                            size_bytes=len(content), media_type="image/jpeg"))
    out = tmp_path / "with-files.xlsx"
    result = export_workbook(db, out, mask=False, attachments_zip=True)
    assert result.attachments_zip and result.attachments_zip.exists()
    other = fresh_db(tmp_path / "o", "other.db", tmp_path_factory.getbasetemp())
    try:
        report = import_workbooks(other, [out])
        assert report.counts["attachments"]["added"] == 1
        stored = stored_path(other.attachments_dir, sha, "現場.jpg")
        assert sealed.read_bytes(stored, "attachment") == content
        assert (sha in stored.name) is (other.key is None)  # an encrypted database's names don't give it away
        assert (content in stored.read_bytes()) is (other.key is None)  # sealed when the database is encrypted
    finally:
        other.close()


def test_an_older_format_is_upgraded_on_import(laptop, tmp_path, tmp_path_factory, monkeypatch):
    db, _ids = laptop
    out = tmp_path / "v1.xlsx"
    export_workbook(db, out, mask=False)
    # pretend a next format renamed visits' notes to remarks and added a column with a default
    current = fmt.FORMAT_VERSION
    monkeypatch.setattr(fmt, "FORMAT_VERSION", current + 1)
    monkeypatch.setitem(upgrade.UPGRADES, current, upgrade.Step(renamed={"visits": {"notes": "remarks"}},
                                                                added={"visits": {"extra": "預設"}}))
    keys, added = upgrade.upgrade_header(current, "visits", ["id", "notes"])
    assert keys == ["id", "remarks", "extra"] and added == ["預設"]
    monkeypatch.setattr(fmt, "FORMAT_VERSION", current)
    monkeypatch.delitem(upgrade.UPGRADES, current)
    # and a real v1 file: no budget dates, no key-visit flag
    wb = openpyxl.load_workbook(out)
    v1_columns = {"工作站年度經費": {"approved_on"}, "工作站經費明細": {"disbursed_on", "reimbursed_on"},
                  "實地訪視": {"key_visit"}}
    for title, dropped in v1_columns.items():
        ws = wb[title]
        for idx in sorted((c.column for c in ws[1] if c.value in dropped), reverse=True):
            ws.delete_cols(idx)
    for row in wb[META_SHEET].iter_rows():
        if len(row) > 3 and row[3].value == "format_version":
            row[1].value = "1"
    v1 = tmp_path / "real_v1.xlsx"
    wb.save(v1)
    other = fresh_db(tmp_path / "o", "other.db", tmp_path_factory.getbasetemp())
    try:
        assert import_workbooks(other, [v1]).applied
        with raw(other) as con:
            assert con.execute("SELECT count(*), sum(key_visit) FROM site_visit").fetchone()[1] == 0
            assert con.execute("SELECT count(*) FROM budget_line WHERE disbursed_on IS NOT NULL").fetchone() == (0,)
    finally:
        other.close()


def _run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "counsel_desk", *args], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[2])


def test_command_line_export_and_import_json(laptop, tmp_path, tmp_path_factory):
    db, _ids = laptop
    db.close()
    out = tmp_path / "cli.xlsx"
    done = _run_cli("export", "--db", db.url or str(db.path), "--out", str(out), "--no-mask")
    assert done.returncode == 0, done.stderr
    assert "個人資料未遮蔽" in done.stdout and out.exists()
    target = fresh_db(tmp_path / "t", "target.db", tmp_path_factory.getbasetemp())
    target.close()
    done = _run_cli("import", "--db", target.url or str(target.path), str(out), "--dry-run", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert {"added", "updated", "unchanged", "conflicts", "rejected", "entities"} <= set(data)
    assert data["added"] > 0 and data["entities"]["visits"]["added"] == 2 and data["dry_run"] is True
    done = _run_cli("import", "--db", target.url or str(target.path), str(out))
    assert done.returncode == 0 and "已匯入" in done.stdout
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook")
    done = _run_cli("import", "--db", target.url or str(target.path), str(bad))
    assert done.returncode != 0 and "不是 Excel 活頁簿" in done.stderr


@pytest.mark.slow
def test_exported_workbook_opens_in_libreoffice(laptop, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    db, _ids = laptop
    out = tmp_path / "交換檔.xlsx"
    export_workbook(db, out, mask=False)
    profile = tmp_path / "lo-profile"
    done = subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                           "--outdir", str(tmp_path), str(out)], capture_output=True, text=True, timeout=180)
    pdf = tmp_path / "交換檔.pdf"
    assert done.returncode == 0 and pdf.exists() and pdf.stat().st_size > 1000, done.stderr
    assert "error" not in done.stderr.lower()
    assert snapshot(db)  # the database is still readable after the export


def test_headquarters_merges_four_centers_kept_apart_by_center(tmp_path, tmp_path_factory):
    root = tmp_path_factory.getbasetemp()
    hq = fresh_db(tmp_path / "hq", "hq.db", root)
    files = []
    try:
        for code in ("north", "central", "south", "east"):
            center = fresh_db(tmp_path / code, f"{code}.db", root)
            try:
                ids = small_world(center)
                with raw(center) as con:
                    con.execute("UPDATE site_visit SET center_code = ?", (code,))
                    con.execute("UPDATE counselor SET center_code = ?", (code,))
                out = tmp_path / f"{code}.xlsx"
                export_workbook(center, out, actor=code, center=code)
                files.append(out)
                assert ids["visits"]
            finally:
                center.close()
        report = import_workbooks(hq, files, actor="總部")
        assert report.applied and report.totals["conflicts"] == 0
        with raw(hq) as con:
            per_center = dict(con.execute("SELECT center_code, count(*) FROM site_visit GROUP BY center_code"))
        assert per_center == {"north": 2, "central": 2, "south": 2, "east": 2}
        assert [f.center for f in report.files] == ["north", "central", "south", "east"]
    finally:
        hq.close()

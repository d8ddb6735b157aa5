"""The monthly report's Excel and PDF read back: every figure against the JSON and an independent count.

The demo database (600 visits, 北區, today 2026-11-26) gives a realistic month; the counts made here
use plain SQL over the same rows, written independently of reports/figures.py.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from datetime import date

import openpyxl
import pytest
from pypdf import PdfReader

from counsel_desk.errors import UserError, ValidationError
from counsel_desk.models.enums import Route, Stage, VisitMode
from counsel_desk.reports import snapshots
from counsel_desk.reports.summary import summary_rows
from counsel_desk.services.period import Period
from counsel_desk.services.base import ServiceContext
from tests.pg_server import driver_sql

NOV = Period.month(2026, 11)
TODAY = date(2026, 11, 26)


@pytest.fixture
def ctx(demo_db):
    with demo_db.engine.begin() as conn:  # a counselor typed a formula-looking finding
        conn.exec_driver_sql("UPDATE site_visit SET findings = '=HYPERLINK(\"http://x\")+SUM(A1)' WHERE id = "
                             "(SELECT id FROM site_visit WHERE visit_date >= '2026-11-01' ORDER BY visit_date LIMIT 1)")
    return ServiceContext(demo_db.session_factory, actor="王承辦", center_code="north")


@pytest.fixture
def report(ctx):
    return snapshots.generate(ctx, "north", NOV, prepared_by="王承辦", today=TODAY)


def _independent(db) -> dict:
    """The month's figures counted straight from the tables."""
    with db.engine.connect() as c:
        def q(sql: str) -> list:
            return driver_sql(c, sql).fetchall()

        visits = "FROM site_visit WHERE deleted_at IS NULL AND center_code = 'north' " \
                 "AND visit_date >= '2026-11-01' AND visit_date < '2026-12-01'"
        return {
            "visits": q(f"SELECT count(*) {visits}")[0][0],
            "by_county": dict(q(f"SELECT (SELECT name FROM county WHERE code = county_code), count(*) {visits} "
                                "GROUP BY county_code")),
            "by_mode": dict(q(f"SELECT mode, count(*) {visits} GROUP BY mode")),
            "by_town": {(a, b): n for a, b, n in q(
                "SELECT c.name, t.name, count(*) FROM site_visit v JOIN county c ON c.code = v.county_code "
                "JOIN township t ON t.code = v.township_code WHERE v.deleted_at IS NULL AND v.center_code = 'north' "
                "AND v.visit_date >= '2026-11-01' AND v.visit_date < '2026-12-01' GROUP BY v.township_code, c.name, t.name")},
            "followups_opened": q("SELECT count(*) FROM followup f JOIN site_visit v ON v.id = f.visit_id "
                                  "WHERE f.deleted_at IS NULL AND v.deleted_at IS NULL AND v.center_code = 'north' "
                                  "AND CAST(v.visit_date AS TEXT) LIKE '2026-11-%'")[0][0],
            "support": q("SELECT count(*), sum(participants) FROM support_record WHERE deleted_at IS NULL "
                         "AND center_code = 'north' AND CAST(support_date AS TEXT) LIKE '2026-11-%'")[0],
            "events": q("SELECT count(*), sum(participants) FROM center_event WHERE deleted_at IS NULL "
                        "AND center_code = 'north' AND CAST(event_date AS TEXT) LIKE '2026-11-%'")[0],
            "proposals": q("SELECT count(*) FROM proposal WHERE deleted_at IS NULL AND center_code = 'north'")[0][0],
        }


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _n(v, hours: bool = False) -> str:
    """As the PDF shows numbers: hours always with one decimal, counts whole."""
    return f"{float(v):,.1f}" if hours or isinstance(v, float) and not v.is_integer() else f"{round(v):,}"


def test_json_matches_an_independent_count(report, demo_db):
    data, ind = report.data, _independent(demo_db)
    assert data["visits_total"] == ind["visits"] > 0
    assert {k: v for k, v in data["visits_by_county"].items() if v} == ind["by_county"]
    assert {k: v for k, v in data["visits_by_mode"].items() if v} == ind["by_mode"]
    assert {(c, t): n for c, towns in data["visits_by_township"].items() for t, n in towns.items()} == ind["by_town"]
    assert data["followups_opened"] == ind["followups_opened"]
    assert (data["support_sessions"], data["support_participants"]) == tuple(ind["support"])
    assert (data["events"], data["event_participants"]) == (ind["events"][0], ind["events"][1] or 0)
    assert sum(data["proposals_by_stage"].values()) == ind["proposals"]  # all demo proposals predate December


def test_excel_holds_every_figure(report, demo_db):
    wb = openpyxl.load_workbook(io.BytesIO(report.xlsx))
    data, f = report.data, report.figures
    summary = wb["摘要"]
    got = {summary.cell(r, 1).value: summary.cell(r, 2).value for r in range(4, summary.max_row + 1)}
    for label, value, *_ in summary_rows(f):
        assert got[label] == value, label
    assert got["實地訪視"] == _independent(demo_db)["visits"]
    counties = wb["縣市訪視"]
    rows = {counties.cell(r, 1).value: counties.cell(r, 2).value for r in range(4, counties.max_row + 1)}
    assert {k: v for k, v in rows.items() if k != "合計"} == data["visits_by_county"]
    assert rows["合計"] == data["visits_total"]
    towns = wb["鄉鎮訪視"]
    got_towns = {(towns.cell(r, 1).value, towns.cell(r, 2).value): towns.cell(r, 7).value
                 for r in range(4, towns.max_row) if towns.cell(r, 2).value}
    assert got_towns == {(c, t): n for c, ts in data["visits_by_township"].items() for t, n in ts.items()}
    modes = wb["訪視方式"]
    assert {modes.cell(r, 1).value: modes.cell(r, 2).value for r in range(4, 8)} == {
        VisitMode(m).zh: n for m, n in data["visits_by_mode"].items()}
    stages = wb["提案階段"]
    n_stages = len(data["proposals_by_stage"])  # both flows' stages (現行提案流程 and 多元徵案)
    assert {stages.cell(r, 1).value: stages.cell(r, 4).value for r in range(4, 4 + n_stages)} == {
        Stage(s).zh: n for s, n in data["proposals_by_stage"].items()}
    assert [stages.cell(4 + n_stages, c).value for c in (2, 3)] == [data["proposals_by_route"][r.value] for r in Route]
    money = wb["申請經費"]
    assert {money.cell(r, 1).value: money.cell(r, 4).value for r in range(4, 15)} == data[
        "funding_requested_by_work_item"]
    targets = wb["績效指標"]
    assert [(targets.cell(r, 3).value) for r in range(4, 12)] == [t["actual"] for t in data["targets"].values()]
    appendix = wb["附錄_訪視紀錄"]
    assert appendix.max_row - 3 == data["visits_total"]
    events = wb["交流活動"]
    assert events.cell(events.max_row, 6).value == data["event_participants"]


def test_excel_is_tidy_and_formula_text_stays_text(report):
    wb = openpyxl.load_workbook(io.BytesIO(report.xlsx))
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A4", ws.title
        assert ws.auto_filter.ref.startswith("A3:"), ws.title
        assert ws.print_title_rows == "$3:$3", ws.title
        assert int(ws.page_setup.paperSize) == 9 and ws.page_setup.fitToWidth == 1, ws.title  # A4, one page wide
        assert "第 &P 頁／共 &N 頁" in ws.oddFooter.right.text and "北區" in ws.oddHeader.center.text
        assert ws.cell(3, 1).font.b  # header row bold
    assert wb["縣市訪視"].cell(4, 2).number_format == "#,##0"
    cells = [c for row in wb["附錄_訪視紀錄"].iter_rows(min_row=4) for c in row if c.value and str(c.value).startswith("=")]
    assert cells and all(c.data_type == "s" for c in cells)
    assert all(c.quotePrefix for c in cells)  # Excel's quote prefix, as the export gives such text
    assert not wb["附錄_訪視紀錄"].cell(4, 1).quotePrefix  # only formula-like text carries it
    assert cells[0].value == '=HYPERLINK("http://x")+SUM(A1)'
    assert re.fullmatch(r"\d{3}/\d{2}/\d{2}", wb["附錄_訪視紀錄"].cell(4, 1).value)  # ROC date
    with zipfile.ZipFile(io.BytesIO(report.xlsx)) as z:
        chart = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        assert chart and b"barChart" in z.read(chart[0])
        assert not any(b"<f>" in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/sheet"))


def test_pdf_text_holds_every_figure(report, demo_db):
    text = _pdf_text(report.pdf)
    f, data = report.figures, report.data
    assert "地方創生北區輔導中心" in text and "民國115年11月 月報" in text and "王承辦" in text
    assert "民國115年11月26日" in text and "第 1 版" in text and "承辦人" in text and "主任" in text
    for label, value, unit, *_ in summary_rows(f):
        assert re.search(rf"{re.escape(label)}（{unit}） {re.escape(_n(value, unit == '小時'))}[ \n]", text), label
    assert f"實地訪視（次） {_independent(demo_db)['visits']} " in text
    for t in f.targets:
        hours = t.metric == "support_hours"
        target = _n(t.target, hours) if t.target else "未設定"
        assert f"{t.label_zh}\n{target}\n{_n(t.actual, hours)}" in text, t.label_zh
    for county, towns in data["visits_by_township"].items():
        for town, n in towns.items():
            assert re.search(rf"{county} {town}( \d+){{4}} {n}\n", text), town
    for s in Stage:
        assert re.search(rf"\n{s.zh}\n(\d+)\n(\d+)\n{data['proposals_by_stage'][s.value]}\n", text), s.zh
    for w in f.funding:
        assert f"{w.requested:,}" in text
    assert f"附錄二：本期訪視紀錄（{data['visits_total']} 筆）" in text
    pages = len(PdfReader(io.BytesIO(report.pdf)).pages)
    assert all(f"第 {n} 頁／共 {pages} 頁" in text for n in range(1, pages + 1))


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_pdf_fonts_are_embedded(report, tmp_path):
    path = tmp_path / "r.pdf"
    path.write_bytes(report.pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    fonts = [line.split() for line in out.splitlines()[2:] if line.strip()]
    assert fonts and all("NotoSansCJKtc" in f[0] for f in fonts)
    assert all(f[-5] == "yes" for f in fonts)  # the "emb" column


def test_files_are_written_atomically(report, tmp_path):
    from counsel_desk.reports.monthly_xlsx import write_xlsx

    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "月報.xlsx"
    target.write_bytes(b"old")
    write_xlsx(report.figures, target, prepared_by="王承辦", today=TODAY)
    assert zipfile.is_zipfile(target)
    assert [p.name for p in folder.iterdir()] == ["月報.xlsx"]  # no temporary file left behind


def test_provisional_report_cannot_be_sent_and_a_future_one_is_refused(ctx, report):
    assert report.figures.provisional and report.data["provisional"] is True  # made on 26 November
    with pytest.raises(UserError, match="期中暫定"):
        snapshots.mark_as_sent(ctx, report)
    with pytest.raises(ValidationError, match="尚未開始"):
        snapshots.generate(ctx, "north", Period.month(2026, 12), today=TODAY)


def test_sent_report_reopens_exactly_and_a_change_makes_revision_two(ctx, demo_db):
    report = snapshots.generate(ctx, "north", NOV, prepared_by="王承辦", today=date(2026, 12, 3))
    assert not report.figures.provisional
    sent = snapshots.mark_as_sent(ctx, report)
    assert sent.revision == 1
    files = snapshots.open_sent(ctx, sent.id)
    assert files.xlsx == report.xlsx and files.pdf == report.pdf and files.data == report.data
    assert snapshots.compare_with_sent(ctx, "north", NOV).differences == []
    with demo_db.engine.begin() as conn:  # someone corrects the mode of a November visit afterwards
        driver_sql(conn, "UPDATE site_visit SET mode = CASE mode WHEN 'phone' THEN 'video' ELSE 'phone' END "
                   "WHERE id = (SELECT id FROM site_visit WHERE CAST(visit_date AS TEXT) LIKE '2026-11-%' "
                   "AND deleted_at IS NULL ORDER BY id LIMIT 1)")
    comparison = snapshots.compare_with_sent(ctx, "north", NOV)
    assert comparison.differs
    assert {d.name for d in comparison.differences} <= {f"訪視方式：{m.zh}" for m in VisitMode}
    assert len(comparison.differences) == 2 and "已送出的第 1 版與目前資料不同" in comparison.summary_zh()
    with pytest.raises(UserError):
        snapshots.mark_as_sent(ctx, report)  # revision 1 again: refused
    second, made = snapshots.issue_revision(ctx, "north", NOV, prepared_by="王承辦", reason="更正一筆訪視的方式")
    assert second.revision == 2 and "第 2 版" in _pdf_text(made.pdf)
    notes = made.data["revision_notes"]
    assert notes["reason"] == "更正一筆訪視的方式" and notes["previous_revision"] == 1
    assert [(c["label"], c["sent"], c["new"]) for c in notes["changes"]] == [
        (d.name, d.sent, d.current) for d in comparison.differences]
    assert snapshots.compare_with_sent(ctx, "north", NOV).differences == []
    assert [s.revision for s in snapshots.list_sent(ctx, "north", NOV)] == [2, 1]
    first = snapshots.open_sent(ctx, sent.id)
    assert (first.pdf, first.xlsx, first.data) == (report.pdf, report.xlsx, report.data)  # revision 1 unchanged
    assert first.data["revision"] == 1 and first.data["revision_notes"] is None
    with demo_db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM audit_log WHERE action = 'send'").scalar() == 2

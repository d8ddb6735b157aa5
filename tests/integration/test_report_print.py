"""The monthly report printed: the Excel through LibreOffice Calc, the PDF's pages, footers and metadata.

LibreOffice is what Taiwan's government offices print with. A wrapped cell whose row is too low
prints over the rows below it (or is cut): the test renders the workbook to PDF with LibreOffice
and fails when any two words on a page overlap, or when text of the wrapped cells is missing.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections import Counter
from datetime import date

import openpyxl
import pytest
from pypdf import PdfReader

from counsel_desk.models.enums import PublicSpaceStatus
from counsel_desk.reports import snapshots
from counsel_desk.services.period import Period
from counsel_desk.reports.xlsx_sheet import LINE_PT, wrapped_lines
from counsel_desk.services.base import ServiceContext

NOV = Period.month(2026, 11)
TODAY = date(2026, 11, 26)
LONG = ("團隊財務多仰賴政府補助，自主營運能力尚待建立；建議盤點在地資源並規劃體驗遊程。" * 4
        + "\nPhase 2: review the business plan with the township office and the youth station.")


@pytest.fixture
def ctx(demo_db):
    with demo_db.engine.begin() as conn:  # one long, multi-paragraph finding and a formula-looking advice
        first = ("(SELECT id FROM site_visit WHERE visit_date >= '2026-11-01' AND deleted_at IS NULL "
                 "ORDER BY visit_date, id LIMIT 1)")
        conn.exec_driver_sql(f"UPDATE site_visit SET findings = ? WHERE id = {first}", (LONG,))
        conn.exec_driver_sql(f"UPDATE site_visit SET advice = '-1 個月內回報；=A1' WHERE id = {first}")
    return ServiceContext(demo_db.session_factory, actor="王承辦", center_code="north")


@pytest.fixture
def report(ctx):
    return snapshots.generate(ctx, "north", NOV, prepared_by="王承辦", today=TODAY)


def _words(pdf_path) -> list[list[tuple[float, float, float, float, str]]]:
    """Word boxes per page, from poppler's pdftotext."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf_path), "-"], capture_output=True, text=True,
                         check=True).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        pages.append([(*map(float, m.groups()[:4]), m.group(5)) for m in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page)])
    return pages


def _overprinted(pages) -> list[tuple[int, str, str]]:
    found = []
    for n, words in enumerate(pages, start=1):
        words = sorted(words, key=lambda w: w[1])
        for i, a in enumerate(words):
            for b in words[i + 1:]:
                if b[1] >= a[3]:
                    break
                ix = min(a[2], b[2]) - max(a[0], b[0])
                iy = min(a[3], b[3]) - max(a[1], b[1])
                if ix > 1 and iy > 0.3 * min(a[3] - a[1], b[3] - b[1]):
                    found.append((n, a[4], b[4]))
    return found


def test_wrapped_lines_count_cjk_double_and_paragraphs():
    assert wrapped_lines("短", 20) == 1
    assert wrapped_lines("字" * 40, 20) >= 4  # 80 units in a 20-unit column
    assert wrapped_lines("a" * 40, 20) in (3, 4)
    assert wrapped_lines("一\n二\n三", 20) == 3


def test_excel_rows_are_as_tall_as_their_wrapped_text(report):
    wb = openpyxl.load_workbook(io.BytesIO(report.xlsx))
    ws = wb["附錄_訪視紀錄"]
    heights = {r: ws.row_dimensions[r].height for r in range(4, ws.max_row + 1)}
    long_row = next(r for r in heights if ws.cell(r, 8).value == LONG)
    assert heights[long_row] >= 6 * LINE_PT  # four CJK lines at least and the English paragraph
    assert all(h is None or h <= 409 for h in heights.values())
    advice = ws.cell(long_row, 10)
    assert advice.value == "-1 個月內回報；=A1" and advice.data_type == "s" and advice.quotePrefix


def test_footers_say_page_x_of_y_and_every_sheet_its_revision(report):
    wb = openpyxl.load_workbook(io.BytesIO(report.xlsx))
    assert all(ws.oddFooter.right.text == "第 &P 頁／共 &N 頁" for ws in wb.worksheets)
    assert all("版次：第 1 版" in ws.cell(2, 1).value and "製表人：王承辦" in ws.cell(2, 1).value for ws in wb.worksheets)
    pages = PdfReader(io.BytesIO(report.pdf)).pages
    last = pages[-1].extract_text()
    assert f"第 {len(pages)} 頁／共 {len(pages)} 頁" in last
    assert f"第 1 頁／共 {len(pages)} 頁" in pages[0].extract_text()


def test_pdf_metadata_names_the_period(ctx):
    month = snapshots.generate(ctx, "north", NOV, prepared_by="王承辦", today=TODAY)
    meta = PdfReader(io.BytesIO(month.pdf)).metadata
    assert meta.subject == "月報" and "民國115年11月" in meta.title and meta.author == "王承辦"
    year = snapshots.generate(ctx, "north", Period.year(2025), prepared_by="王承辦", today=TODAY, summary_only=True)
    meta = PdfReader(io.BytesIO(year.pdf)).metadata
    assert meta.subject == "年度報告" and "民國114年" in meta.title and "月報" not in meta.title


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("libreoffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice or poppler-utils not installed")
def test_libreoffice_prints_the_workbook_without_overprint(report, tmp_path):
    src = tmp_path / "report.xlsx"
    src.write_bytes(report.xlsx)
    proc = subprocess.run(["libreoffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0 and "Error" not in proc.stderr, proc.stderr
    pages = _words(tmp_path / "report.pdf")
    assert len(pages) > 5
    assert _overprinted(pages) == []
    # nothing of the wrapped cells is cut off either: every character of them is on some page
    printed = Counter("".join(w[4] for words in pages for w in words))
    wb = openpyxl.load_workbook(io.BytesIO(report.xlsx))
    ws = wb["附錄_訪視紀錄"]
    wanted = Counter("".join(str(c.value) for row in ws.iter_rows(min_row=4, min_col=8, max_col=10) for c in row
                             if c.value).replace(" ", "").replace("\n", ""))
    assert not wanted - printed


HEADING = re.compile(r"^([一二三四五六七八九十]、|（[一二三四五六七八九十]）|附錄[一二三]：)")


def _page_lines(pdf: bytes) -> list[list[str]]:
    """Each page's text lines without the footer (the report title, 製表日期 and 第 X 頁／共 Y 頁)."""
    out = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        out.append([line for line in lines if "頁／共" not in line and "製表日期 " not in line])
    return out


def test_summary_pdf_is_short_and_whole_where_it_matters(ctx):
    full = snapshots.generate(ctx, "north", Period.year(2026), prepared_by="王承辦", today=TODAY)
    summary = snapshots.generate(ctx, "north", Period.year(2026), prepared_by="王承辦", today=TODAY,
                                 summary_only=True)
    pages = _page_lines(summary.pdf)
    text = "\n".join(line for page in pages for line in page)
    assert len(pages) <= 12 < len(_page_lines(full.pdf))
    assert not re.search(r"附錄[一二]：", text) and "核章" in text
    assert "其餘" in text and "「鄉鎮訪視」工作表" in text  # the townships beyond the first 15 in one row
    appendix = openpyxl.load_workbook(io.BytesIO(summary.xlsx))["附錄_訪視紀錄"]
    assert appendix.max_row - 3 == summary.data["visits_total"]  # the Excel is whole either way


def test_no_heading_ends_a_page_and_the_sign_off_is_never_alone(ctx):
    for summary_only in (False, True):
        report = snapshots.generate(ctx, "north", NOV, prepared_by="王承辦", today=TODAY, summary_only=summary_only)
        pages = _page_lines(report.pdf)
        for n, lines in enumerate(pages, start=1):
            assert lines and not HEADING.match(lines[-1]), (n, lines[-3:])
        sign_off = next(lines for lines in pages if "核章" in lines)
        assert sign_off.index("核章") >= 3  # rows of the report stand above it on its page


def test_a_table_never_leaves_fewer_than_three_rows_on_a_page():
    from reportlab.lib.units import mm

    from counsel_desk.reports.pdf_tables import PagedTable

    table = PagedTable(["甲", "乙"], [[str(i), "列"] for i in range(10)], [40 * mm, 40 * mm], total=["合計", "10"])
    row, head = table.heights[0], table.header_height
    first, rest = table.split(200, head + 10 * row)  # 10 of 11 rows fit: 3 are kept for the next page
    assert (first.start, first.end) == (0, 8) and rest.start == 8
    assert table.split(200, head + 2 * row) == []  # two rows would be stranded: start on the next page
    short = PagedTable(["甲"], [["1"], ["2"]], [40 * mm], total=["3"])
    assert short.split(200, short.header_height + 2 * row) == []  # a short table is never split


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_a_tables_caption_is_never_left_at_the_foot_of_a_page(tmp_path):
    """The centers' budget table is titled by a caption (分區中心經費執行（金額單位：新臺幣元）), not a numbered
    heading: it printed alone at the foot of a page, its table on the next (the month's report, 115/11)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Spacer

    from counsel_desk.reports.monthly_pdf import _keep_headings
    from counsel_desk.reports.pdf_parts import unit_caption
    from counsel_desk.reports.pdf_tables import PagedTable

    path = tmp_path / "caption.pdf"
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    for filler in range(200, 240, 3):  # the caption falls at every height near the page's foot
        table = PagedTable(["分區中心", "核定補助"], [["北區", "10,020,000"]], [40 * mm, 40 * mm], total=["合計", "1"])
        doc.build(_keep_headings([Spacer(1, filler * mm), unit_caption("分區中心經費執行（金額單位：新臺幣元）"), table]))
        pages = ["".join(w[4] for w in words) for words in _words(path)]
        caption_page = next(n for n, text in enumerate(pages) if "分區中心經費執行" in text)
        assert "核定補助" in pages[caption_page], (filler, pages)


OCT = Period.month(2026, 10)


def _sheet_rows(xlsx: bytes, name: str) -> list[tuple]:
    ws = openpyxl.load_workbook(io.BytesIO(xlsx))[name]
    return [r for r in ws.iter_rows(min_row=4, values_only=True)]


def test_revision_two_shows_its_changes_and_reason_in_both_files(ctx, demo_db):
    first = snapshots.generate(ctx, "north", OCT, prepared_by="王承辦")
    sent = snapshots.mark_as_sent(ctx, first)
    assert "修正說明" not in openpyxl.load_workbook(io.BytesIO(first.xlsx)).sheetnames
    with demo_db.engine.begin() as conn:  # a visit's mode corrected after sending
        conn.exec_driver_sql("UPDATE site_visit SET mode = CASE mode WHEN 'phone' THEN 'video' ELSE 'phone' END "
                             "WHERE id = (SELECT id FROM site_visit WHERE visit_date LIKE '2026-10-%' "
                             "AND deleted_at IS NULL ORDER BY id LIMIT 1)")
    _, second = snapshots.issue_revision(ctx, "north", OCT, reason="更正一筆訪視方式", prepared_by="王承辦")
    changes = second.figures.revision_notes.changes
    assert len(changes) == 2
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(second.pdf)).pages)
    assert "修正說明（第 2 版，修正第 1 版）" in text and "修正原因：更正一筆訪視方式" in text
    for c in changes:
        assert re.search(rf"{re.escape(c.label)} {c.sent} {c.new}\n", text), c.label
    rows = _sheet_rows(second.xlsx, "修正說明")
    assert [(r[0], r[1], r[2]) for r in rows if r[3]] == [(c.label, c.sent, c.new) for c in changes]
    assert any(r[0] == "修正原因：更正一筆訪視方式" for r in rows)
    assert snapshots.open_sent(ctx, sent.id).pdf == first.pdf  # revision 1 unchanged byte for byte


def test_revision_two_says_what_changed_in_the_lists_comparisons_and_texts(ctx, demo_db):
    """Not only the period's own figures: an entry of a list, a comparison and the manager's words."""
    with demo_db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO report_narrative (id, center_code, period_start, period_end, this_month, next_month, "
            "help_needed, created_at, updated_at, updated_by) VALUES ('n1', 'north', '2026-10-01', '2026-10-31', "
            "'完成五處工作站期中訪視', '', '', '2026-11-01 00:00:00', '2026-11-01 00:00:00', '王承辦')")
    first = snapshots.generate(ctx, "north", OCT, prepared_by="王承辦")
    snapshots.mark_as_sent(ctx, first)
    space = first.figures.public_spaces[0]
    new_status = "operating" if space.status != "operating" else "renovating"
    with demo_db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE public_space SET status = ? WHERE name = ?", (new_status, space.name))
        # a September visit deleted afterwards: the previous month and the year to date change, October not
        conn.exec_driver_sql("UPDATE site_visit SET deleted_at = '2026-11-20 00:00:00' WHERE id = (SELECT id FROM "
                             "site_visit WHERE visit_date LIKE '2026-09-%' AND deleted_at IS NULL ORDER BY id LIMIT 1)")
        conn.exec_driver_sql("UPDATE report_narrative SET this_month = '完成六處工作站期中訪視'")
    _, second = snapshots.issue_revision(ctx, "north", OCT, reason="補正公有空間狀態", prepared_by="王承辦")
    changes = {c.label: (c.sent, c.new) for c in second.figures.revision_notes.changes}
    assert changes[f"公有空間：{space.name}（{space.county}{space.township}）／狀態"] == (
        PublicSpaceStatus(space.status).zh, PublicSpaceStatus(new_status).zh)
    was = first.figures.compare.previous_period.figures["visits_total"]
    assert changes["上期：訪視總次數"] == (was, was - 1)
    assert changes["本年累計：訪視總次數"][1] == changes["本年累計：訪視總次數"][0] - 1
    assert changes["本月工作重點（文字修改）"] == ("完成五處工作站期中訪視", "完成六處工作站期中訪視")
    assert "訪視總次數" not in changes  # October itself is unchanged
    text = re.sub(r"\s", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(second.pdf)).pages))
    for label in changes:
        assert re.sub(r"\s", "", label) in text, label
    rows = _sheet_rows(second.xlsx, "修正說明")
    assert {r[0]: (r[1], r[2]) for r in rows if r[3]} == changes


def test_the_offices_content_is_printed(ctx, demo_db):
    with demo_db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO report_narrative (id, center_code, period_start, period_end, this_month, next_month, "
            "help_needed, created_at, updated_at, updated_by) VALUES ('n1', 'north', '2026-10-01', '2026-10-31', "
            "'完成五處工作站期中訪視', '辦理提案撰寫工作坊', '=請協調縣府配合款', '2026-11-01 00:00:00', '2026-11-01 00:00:00', "
            "'王承辦')")
        conn.exec_driver_sql("UPDATE site_visit SET key_visit = 0")  # the demo flags some: one of ours only
        conn.exec_driver_sql("UPDATE site_visit SET key_visit = 1, findings = '重點：青年返鄉團隊已成立' WHERE id = "
                             "(SELECT id FROM site_visit WHERE visit_date LIKE '2026-10-%' AND deleted_at IS NULL "
                             "ORDER BY id LIMIT 1)")
    report = snapshots.generate(ctx, "north", OCT, prepared_by="王承辦", summary_only=True)
    f = report.figures
    assert not f.provisional and len(f.key_visits) == 1
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(report.pdf)).pages)
    for words in ("本月工作重點", "完成五處工作站期中訪視", "下月工作重點", "辦理提案撰寫工作坊", "待協助事項",
                  "=請協調縣府配合款", "重點訪視", "重點：青年返鄉團隊已成立", "地方創生計畫送件與通過", "活化公有空間",
                  "撥款率", "執行率", "上期", "去年同期", "本年累計"):
        assert words in text, words
    assert "期中暫定" not in text
    assert [r[6] for r in _sheet_rows(report.xlsx, "重點訪視")] == ["重點：青年返鄉團隊已成立"]
    narrative = _sheet_rows(report.xlsx, "工作重點")
    assert ("待協助事項", "=請協調縣府配合款") in narrative
    wb = openpyxl.load_workbook(io.BytesIO(report.xlsx))
    assert wb["工作重點"]["B6"].quotePrefix and wb["工作重點"]["B6"].data_type == "s"
    assert len(_sheet_rows(report.xlsx, "公有空間")) == len(f.public_spaces) + 1  # and the total row
    summary = {r[0]: r for r in _sheet_rows(report.xlsx, "摘要")}
    prev = f.compare.previous_period.figures
    assert summary["實地訪視"][1:6] == (f.visits_total, "次", prev["visits_total"],
                                     f.compare.same_period_last_year.figures["visits_total"],
                                     f.compare.year_to_date.figures["visits_total"])


def test_a_provisional_report_says_so_on_every_page_and_sheet(report):
    assert report.figures.provisional
    pages = PdfReader(io.BytesIO(report.pdf)).pages
    assert all("期中暫定" in p.extract_text() for p in pages)
    wb = openpyxl.load_workbook(io.BytesIO(report.xlsx))
    assert all("期中暫定" in ws.cell(2, 1).value and "期中暫定" in ws.oddHeader.center.text for ws in wb.worksheets)


def test_a_provisional_reports_overdue_is_labelled_with_the_day_it_is_counted_to(report):
    """期末逾期 of a period not ended is counted to the day made (115/11/26): its headings say that day, not the
    period's end (115/11/30), which it was not counted to."""
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(report.pdf)).pages)
    assert re.findall(r"期末逾期未結（截至 [\d/]+）", text) == ["期末逾期未結（截至 115/11/26）"]
    title = openpyxl.load_workbook(io.BytesIO(report.xlsx))["逾期追蹤事項"].cell(1, 1).value
    assert title == "期末逾期未結追蹤事項（截至115/11/26）"
    cover = PdfReader(io.BytesIO(report.pdf)).pages[0].extract_text()  # the cover's 資料截止 says the same day
    assert re.search(r"資料截止\s*民國115年11月26日", cover) and "11月30日" not in cover
    assert re.search(r"本年累計\s至115/11/26", cover) and "至115/11/30" not in cover  # the year to date: same day
    header = [c.value for c in openpyxl.load_workbook(io.BytesIO(report.xlsx))["摘要"][3]]
    assert "本年累計（至115/11/26）" in header


def test_the_summary_pdf_lists_the_first_key_visits_and_the_excel_all(ctx, demo_db):
    with demo_db.engine.begin() as conn:  # a busy month: every October visit flagged 重點
        conn.exec_driver_sql("UPDATE site_visit SET key_visit = 1 WHERE visit_date LIKE '2026-10-%'")
    report = snapshots.generate(ctx, "north", OCT, prepared_by="王承辦", summary_only=True)
    flagged = len(report.figures.key_visits)
    assert flagged > 11
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(report.pdf)).pages)
    assert f"本期標記重點訪視 {flagged:,} 次，以下列出前 10 次（全部重點訪視見 Excel「重點訪視」工作表）" in text
    rows = [r for r in _sheet_rows(report.xlsx, "重點訪視") if r[0] and "/" in str(r[0])]
    assert len(rows) == flagged
    full = snapshots.generate(ctx, "north", OCT, prepared_by="王承辦")
    assert "以下列出前" not in "".join(p.extract_text() for p in PdfReader(io.BytesIO(full.pdf)).pages)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_a_long_footer_title_stays_clear_of_the_page_number(tmp_path):
    """The all-centers report over a custom period has a title long enough to reach the centred 「第 X 頁／共 Y
    頁」: it is set smaller (or cut short) instead of printed over the page number."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from counsel_desk.reports.pdf_common import numbered_canvas, styles

    path = tmp_path / "footer.pdf"
    for title in ("地方創生分區輔導中心（全部分區） 115/01/01 至 115/12/31 期間報告",
                  "地方創生分區輔導中心（全部分區）" * 3):
        doc = SimpleDocTemplate(str(path), pagesize=A4)
        doc.build([Paragraph("本文", styles()["body"])],
                  canvasmaker=numbered_canvas(footer_left=title, footer_right="製表日期 115/11/26"))
        pages = _words(path)
        footer = [w for w in pages[0] if w[1] > A4[1] - 40]
        assert any("頁" in w[4] for w in footer) and any("115/11/26" in w[4] for w in footer)
        assert _overprinted([footer]) == []


def test_formula_like_text_gets_the_quote_prefix_the_export_gives_it():
    """Text a spreadsheet would take for a formula — also after a tab, or after a control character
    that is dropped on writing — carries Excel's quote prefix in a report, as services.formatting says for exports."""
    from openpyxl import Workbook

    from counsel_desk.reports.xlsx_sheet import Col, FastRows, ReportSheet
    from counsel_desk.services.formatting import looks_like_formula

    texts = ["\x01=HYPERLINK(\"http://x\")", "\t=1+1", "\x0b=2", "=SUM(A1)", "-3 元", "一般文字"]
    wb = Workbook(write_only=True)
    fast = FastRows()
    ReportSheet(wb, "表", "標題", "副標題", [Col("文字", "wrap"), Col("說明")], header_text="北區",
                fast=fast).write([[t, t] for t in texts])
    ws = openpyxl.load_workbook(io.BytesIO(fast.save(wb)))["表"]
    written = [(ws.cell(r, 1), ws.cell(r, 2)) for r in range(4, 4 + len(texts))]
    for (wrapped, plain), text in zip(written, texts):
        shown = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f]", "", text)
        assert wrapped.value == plain.value == shown and wrapped.data_type == "s"
        assert wrapped.quotePrefix == plain.quotePrefix == looks_like_formula(shown), repr(text)


def test_a_route_or_an_events_kind_is_printed_on_one_line(ctx):
    """「現行提案流程」 broke as 「現行提案流／程」 in the 20 mm 途徑 column of 本期階段異動 (and the 16 mm one of the
    proposals sent), 「培力課程」 as 「培力課／程」 in the 14 mm 類別 column of the events."""
    report = snapshots.generate(ctx, "north", Period.year(2026), prepared_by="王承辦", today=TODAY)
    assert any(m.route == "existing" for m in report.figures.stage_moves)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(report.pdf)).pages)
    assert "現行提案流程" in text and not re.search(r"現行提案流\s*\n\s*程", text)
    assert "培力課程" in text and not re.search(r"培力課\s*\n\s*程", text)

"""The reports page driven like a center manager: figures, files, print, mark as sent, revision 2, targets."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter

from counsel_desk.services.period import Period
from counsel_desk.services.programme import targets
from counsel_desk.ui.reports import page as page_module
from counsel_desk.ui.reports import printing
from tests.ui.test_followups_ui import type_text  # the one Chinese-typing helper

TIMEOUT = 30_000


@pytest.fixture
def ctx(qapp, demo_db):
    from counsel_desk.ui.startup import make_settings, prepare
    from counsel_desk.ui.context import AppContext

    prepare(qapp)
    settings = make_settings()
    settings.setValue("user/name", "王承辦")
    settings.setValue("user/center", "north")
    return AppContext(demo_db, settings)


@pytest.fixture
def page(qtbot, ctx):
    p = page_module.ReportsPage(ctx, today=lambda: date(2026, 11, 26))
    qtbot.addWidget(p)
    p.resize(1100, 700)
    p.show()
    qtbot.waitSignal(p.figures_loaded, timeout=TIMEOUT).wait()  # the first count runs in the background
    return p


def _visits_in_november(db) -> int:
    with db.engine.connect() as c:
        return c.exec_driver_sql("SELECT count(*) FROM site_visit WHERE deleted_at IS NULL AND center_code = 'north' "
                                 "AND visit_date LIKE '2026-11-%'").scalar()


def _make(qtbot, p) -> None:
    with qtbot.waitSignal(p.report_made, timeout=TIMEOUT):
        qtbot.mouseClick(p.make_button, Qt.MouseButton.LeftButton)


def test_figures_show_for_the_chosen_month(page, demo_db, qtmodeltester):
    qtmodeltester.check(page.figures_model)
    qtmodeltester.check(page.revisions_model)
    model = page.figures_model
    assert model.index(0, 0).data() == "實地訪視"
    assert model.index(0, 1).data() == f"{_visits_in_november(demo_db):,}"
    assert page.picker.period().key == "2026-11" and page.picker.center_code() == "north"
    assert "地方創生北區輔導中心 民國115年11月" in page.status.text()  # one form of a center's name (issue 16)
    assert page.picker.center.currentText() == "地方創生北區輔導中心"
    assert not page.open_pdf.isEnabled() and page.banner.isHidden()


def test_make_open_save_and_print(page, qtbot, monkeypatch, tmp_path):
    opened = []
    monkeypatch.setattr(page_module.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    _make(qtbot, page)
    assert page.open_pdf.isEnabled() and page.send_button.isEnabled()
    qtbot.mouseClick(page.open_pdf, Qt.MouseButton.LeftButton)
    assert opened and opened[0].endswith(".pdf") and Path(opened[0]).read_bytes() == page.report.pdf
    target = tmp_path / "北區月報.xlsx"
    monkeypatch.setattr(page_module.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert zipfile.is_zipfile(target) and target.read_bytes() == page.report.xlsx
    printed = tmp_path / "printed.pdf"

    def pdf_printer(*_args):
        printer = QPrinter()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return printer

    monkeypatch.setattr(printing, "make_printer", pdf_printer)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QPrintDialog.DialogCode.Accepted)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert printed.exists() and printed.stat().st_size > 10_000
    assert page.status.text() == "已送至印表機。"


def test_save_as_opens_where_she_saved_the_last_report(page, qtbot, monkeypatch, tmp_path):
    """另存新檔… opened in the home folder every time: now in Documents (or home when there is none) the first
    time, then in the folder she last saved a report into, while it exists."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    offered: list[Path] = []
    target = tmp_path / "月報" / "北區月報.pdf"
    target.parent.mkdir()

    def save_dialog(_parent, _title, suggested, _filters):
        offered.append(Path(suggested))
        return str(target), ""

    monkeypatch.setattr(page_module.QFileDialog, "getSaveFileName", save_dialog)
    _make(qtbot, page)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes() == page.report.pdf
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert [p.parent for p in offered] == [home, target.parent], offered
    assert offered[0].suffix == ".pdf"


def test_mark_as_sent_then_a_changed_visit_asks_for_revision_two(page, qtbot, monkeypatch, ctx, demo_db):
    monkeypatch.setattr(page_module, "confirm", lambda *a, **k: True)
    monkeypatch.setattr(page_module, "ask_reason", lambda *a, **k: "更正訪視方式")
    opened = []
    monkeypatch.setattr(page_module.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    _make(qtbot, page)
    sent_pdf = page.report.pdf
    with qtbot.waitSignal(page.figures_loaded, timeout=TIMEOUT):
        qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)
    assert [r.revision for r in page.revisions_model.reports] == [1]
    assert page.banner.isHidden()
    with demo_db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE site_visit SET visit_date = '2026-10-15' WHERE id = (SELECT id FROM site_visit "
                             "WHERE visit_date LIKE '2026-11-%' AND center_code = 'north' ORDER BY id LIMIT 1)")
    with qtbot.waitSignal(page.figures_loaded, timeout=TIMEOUT):
        ctx.visits_changed.emit()
    assert not page.banner.isHidden()
    assert "已送出的第 1 版與目前資料不同" in page.banner_text.text() and "訪視總次數" in page.banner_text.text()
    assert page.revision_button.text() == "發出第 2 版"
    with qtbot.waitSignal(page.figures_loaded, timeout=TIMEOUT):
        qtbot.mouseClick(page.revision_button, Qt.MouseButton.LeftButton)
    assert [r.revision for r in page.revisions_model.reports] == [2, 1]
    assert page.banner.isHidden()
    page.revisions_view.selectRow(1)
    qtbot.mouseClick(page.sent_pdf, Qt.MouseButton.LeftButton)
    assert Path(opened[-1]).read_bytes() == sent_pdf  # revision 1 exactly as it was sent


def test_yearly_targets_editor_saves_audited_targets(page, qtbot, ctx):
    editor = page.targets_editor
    page.tabs.setCurrentWidget(editor)
    box = editor.fields["events"]
    box.selectAll()
    qtbot.keyClicks(box, "42")
    with qtbot.waitSignal(page.figures_loaded, timeout=TIMEOUT):  # saving recounts the figures
        with qtbot.waitSignal(ctx.reports_changed, timeout=TIMEOUT):
            qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert targets.get_targets(ctx.services(), 2026)["events"] == 42
    assert "已儲存" in editor.note.text()


def test_all_centers_view_cannot_be_sent_or_edit_targets(page, qtbot):
    with qtbot.waitSignal(page.figures_loaded, timeout=TIMEOUT):
        page.picker.center.setCurrentIndex(page.picker.center.findData(""))
    assert page.picker.center_code() is None and not page.targets_editor.isEnabled()
    _make(qtbot, page)
    assert page.open_pdf.isEnabled() and not page.send_button.isEnabled()


def test_the_managers_notes_are_printed_and_kept_per_period(page, qtbot, ctx):
    editor = page.narrative_editor
    page.tabs.setCurrentWidget(editor)
    type_text(editor.this_month, "完成台東三場說明會")
    type_text(editor.help_needed, "請專案辦公室協調縣府配合款")
    _make(qtbot, page)  # making the report stores the words first
    notes = page.report.data["narrative"]
    assert notes == {"this_month": "完成台東三場說明會", "next_month": "", "help_needed": "請專案辦公室協調縣府配合款"}
    other = Period.month(2026, 10)
    editor.set_report("north", other)
    assert editor.this_month.toPlainText() == ""
    editor.set_report("north", Period.month(2026, 11))
    assert editor.this_month.toPlainText() == "完成台東三場說明會"


def test_the_pdf_is_the_summary_unless_appendices_are_asked_for(page, qtbot):
    import io

    from pypdf import PdfReader

    def text() -> str:
        return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(page.report.pdf)).pages)

    assert not page.appendices.isChecked() and page.appendices.text() == "PDF 含附錄"
    _make(qtbot, page)
    summary = text()
    assert "核章" in summary and "附錄一：" not in summary and "附錄二：" not in summary
    qtbot.mouseClick(page.appendices, Qt.MouseButton.LeftButton)
    _make(qtbot, page)
    assert "附錄二：本期訪視紀錄" in text()


def test_the_file_offered_is_named_in_her_language(page, qtbot, monkeypatch):
    _make(qtbot, page)
    offered = []
    monkeypatch.setattr(page_module.QFileDialog, "getSaveFileName", lambda _p, _t, name, _f: offered.append(name) or ("", ""))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert Path(offered[0]).name.startswith("北區輔導中心_月報_115年11月")


def test_figures_in_english_have_english_labels_and_hours_with_one_decimal(qapp, qtbot, ctx, monkeypatch):
    from counsel_desk import i18n
    from counsel_desk.ui.startup import install_translators

    monkeypatch.setenv("COUNSEL_DESK_LANG", "en")
    i18n.set_language("en")
    install_translators(qapp, "en")
    try:
        p = page_module.ReportsPage(ctx, today=lambda: date(2026, 11, 26))
        qtbot.addWidget(p)
        qtbot.waitSignal(p.figures_loaded, timeout=TIMEOUT).wait()
        rows = [[p.figures_model.index(r, c).data() for c in range(3)] for r in range(p.figures_model.rowCount())]
        assert rows[0][0] == "Site visits"
        cjk = [row for row in rows if any("\u3400" <= ch <= "\u9fff" for cell in row for ch in cell)]
        assert not cjk, cjk
        hours = [row for row in rows if "hours" in row[0].lower()]
        assert hours and all(row[1].split(".")[-1].isdigit() and "." in row[1] for row in hours), hours
        _make(qtbot, p)
        offered = []
        monkeypatch.setattr(page_module.QFileDialog, "getSaveFileName",
                            lambda _p, _t, name, _f: offered.append(name) or ("", ""))
        qtbot.mouseClick(p.save_button, Qt.MouseButton.LeftButton)
        assert Path(offered[0]).name.startswith("north-center_monthly-report_2026-11")
    finally:
        install_translators(qapp, "zh_TW")


def test_a_count_that_ends_after_the_page_closed_is_dropped(qtbot, ctx, monkeypatch):
    """The page (and its FiguresModel) deleted while its figures are still being counted: the late
    result is dropped instead of reaching into deleted widgets."""
    import threading

    import shiboken6
    from PySide6.QtCore import QThreadPool

    counting, release = threading.Event(), threading.Event()
    real_compute = page_module.compute

    def slow_compute(*args, **kwargs):
        counting.set()
        release.wait(TIMEOUT / 1000)
        return real_compute(*args, **kwargs)

    monkeypatch.setattr(page_module, "compute", slow_compute)
    p = page_module.ReportsPage(ctx, today=lambda: date(2026, 11, 26))
    p.show()
    p.refresh()
    qtbot.waitUntil(counting.is_set, timeout=TIMEOUT)
    model = p.figures_model
    shiboken6.delete(p)  # the page goes while the count runs
    assert not shiboken6.isValid(model)
    release.set()
    assert QThreadPool.globalInstance().waitForDone(TIMEOUT)
    qtbot.wait(200)  # the queued results arrive here; an exception in them fails the test

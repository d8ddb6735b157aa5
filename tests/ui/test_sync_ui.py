"""The sync page driven like a person: export (masking asks first), preview and apply, conflicts, history."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint, Qt

from counsel_desk import models as m
from counsel_desk.store import driver
from counsel_desk.sync import export_workbook, import_workbooks
from counsel_desk.ui.sync.page import SyncPage
from tests.integration.sync_helpers import fresh_db, small_world, update


@pytest.fixture
def page(qtbot, app_context, monkeypatch):
    boxes = []
    monkeypatch.setattr("counsel_desk.ui.messages.show_error", lambda *a, **k: boxes.append(a))
    small_world(app_context.db)
    p = SyncPage(app_context)
    qtbot.addWidget(p)
    p.resize(1100, 700)
    p.show()
    p.boxes = boxes
    return p


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def tick(qtbot, box) -> None:
    """Click a check box on its indicator (the middle of a wide box may be empty space)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def audit_actions(db) -> list[str]:
    with driver.connect(db.path) as con:
        return [a for (a,) in con.execute("SELECT action FROM audit_log ORDER BY seq")]


def test_models_are_sound(page, qtmodeltester):
    page.tabs.setCurrentWidget(page.history_tab)
    for model in (page.import_tab.summary, page.import_tab.problems, page.conflicts_tab.model,
                  page.history_tab.imports, page.history_tab.exports):
        qtmodeltester.check(model)
    assert page.tabs.tabText(0) == "匯出" and page.tabs.tabText(2) == "衝突"


def test_export_masked_with_progress_and_history(page, qtbot, tmp_path):
    tab = page.export_tab
    out = tmp_path / "to-center.xlsx"
    tab.path_edit.clear()
    qtbot.keyClicks(tab.path_edit, str(out))
    assert "尚未匯出" in tab.since_label.text() and tab.mask_box.isChecked()
    click(qtbot, tab.export_button)
    qtbot.waitUntil(lambda: "已匯出" in tab.status.text(), timeout=20000)
    assert out.exists() and "個人資料已遮蔽" in tab.status.text()
    assert "上次匯出到這個檔案" in tab.since_label.text()
    assert page.history_tab.exports.rowCount() == 1
    assert page.history_tab.exports.data(page.history_tab.exports.index(0, 2)) == "已遮蔽"


def test_the_export_is_offered_in_a_folder_that_exists(qtbot, app_context, monkeypatch, tmp_path):
    """A computer without a Documents folder was offered /root/Documents/交換檔….xlsx: her home folder instead;
    with Documents, there; after an export, the folder she exported to."""
    from counsel_desk.ui import settings as options

    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    app_context.settings.remove(options.SYNC_EXPORT_PATH.key)

    def offered() -> str:
        p = SyncPage(app_context)
        qtbot.addWidget(p)
        return p.export_tab.path_edit.text()

    first = offered()
    assert first.startswith(str(home)) and "Documents" not in first and first.endswith(".xlsx"), first
    (home / "Documents").mkdir()
    assert offered().startswith(str(home / "Documents")), offered()
    options.SYNC_EXPORT_PATH.set(app_context.settings, tmp_path / "gone" / "交換檔.xlsx")  # a folder since removed
    assert offered().startswith(str(home / "Documents"))


def test_unmasking_asks_and_is_audited(page, qtbot, monkeypatch):
    tab = page.export_tab
    answers = iter([False, True])
    monkeypatch.setattr("counsel_desk.ui.sync.export_tab.confirm", lambda *a, **k: next(answers))
    tick(qtbot, tab.mask_box)
    assert tab.mask_box.isChecked()  # declined: still masked
    assert "unmask_confirmed" not in audit_actions(page.ctx.db)
    tick(qtbot, tab.mask_box)
    assert not tab.mask_box.isChecked()
    assert "unmask_confirmed" in audit_actions(page.ctx.db)


def _laptop_workbook(tmp_path, tmp_path_factory):
    """A laptop's workbook with three visits of its own."""
    laptop = fresh_db(tmp_path / "l", "laptop.db", tmp_path_factory.getbasetemp())
    try:
        small_world(laptop, visits=3)
        out = tmp_path / "laptop.xlsx"
        export_workbook(laptop, out, mask=False)
    finally:
        laptop.close()
    return out


def test_import_preview_then_apply(page, qtbot, tmp_path, tmp_path_factory):
    out = _laptop_workbook(tmp_path, tmp_path_factory)
    tab = page.import_tab
    page.tabs.setCurrentWidget(tab)
    tab.add_paths([out])
    assert tab.preview_button.isEnabled() and not tab.apply_button.isEnabled()
    click(qtbot, tab.preview_button)
    qtbot.waitUntil(lambda: tab.apply_button.isEnabled(), timeout=20000)
    assert "預覽" in tab.status.text() and "新增" in tab.status.text()
    rows = {tab.summary.data(tab.summary.index(r, 0)): tab.summary.data(tab.summary.index(r, 1))
            for r in range(tab.summary.rowCount())}
    assert rows["實地訪視"] == "3" and rows["合計"]
    with driver.connect(page.ctx.db.path) as con:
        assert con.execute("SELECT count(*) FROM site_visit").fetchone()[0] == 2  # the preview wrote nothing
    with qtbot.waitSignal(page.ctx.data_imported, timeout=20000):
        click(qtbot, tab.apply_button)
    assert "已匯入" in tab.status.text()
    with driver.connect(page.ctx.db.path) as con:
        assert con.execute("SELECT count(*) FROM site_visit").fetchone()[0] == 5
    assert page.history_tab.imports.rowCount() == 2


def test_problems_are_listed_and_block_apply(page, qtbot, tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 definitely not a workbook")
    tab = page.import_tab
    tab.add_paths([bad])
    click(qtbot, tab.preview_button)
    qtbot.waitUntil(lambda: "未匯入" in tab.status.text(), timeout=20000)
    assert not tab.apply_button.isEnabled() and page.boxes


def test_conflict_resolved_field_by_field(page, qtbot, tmp_path, tmp_path_factory, monkeypatch):
    ctx = page.ctx
    start = tmp_path / "start.xlsx"
    export_workbook(ctx.db, start, mask=False)
    laptop = fresh_db(tmp_path / "l", "laptop.db", tmp_path_factory.getbasetemp())
    try:
        import_workbooks(laptop, [start])
        with driver.connect(ctx.db.path) as con:
            visit = con.execute("SELECT id FROM site_visit ORDER BY visit_date LIMIT 1").fetchone()[0]
        update(ctx.db, m.SiteVisit, visit, {"purpose": "中心的說法"})
        update(laptop, m.SiteVisit, visit, {"purpose": "輔導員的說法"})
        out = tmp_path / "laptop.xlsx"
        export_workbook(laptop, out, mask=False)
    finally:
        laptop.close()
    import_workbooks(ctx.db, [out])
    page.page_activated()
    tab = page.conflicts_tab
    assert tab.model.rowCount() == 1 and page.tabs.tabText(2) == "衝突（1）"
    combo = tab.findChild(type(tab.choices[0].combo), "choice_purpose")
    shown, other = tab.detail.fields[0].mine, tab.detail.fields[0].theirs[0]
    combo.setCurrentIndex(combo.findText("採用對方的"))
    click(qtbot, tab.apply_button)
    assert tab.model.rowCount() == 0 and "已決定" in tab.status.text()
    with driver.connect(ctx.db.path) as con:
        purpose = con.execute("SELECT purpose FROM site_visit WHERE id = ?", (visit,)).fetchone()[0]
        detail = con.execute("SELECT detail FROM audit_log WHERE action = 'resolve_conflict'").fetchone()[0]
    assert purpose == other != shown
    assert json.loads(detail)["fields"]["purpose"]["choice"] == "theirs"
    assert page.tabs.tabText(2) == "衝突"


def test_exporting_from_an_encrypted_database_warns_that_the_files_are_not(page):
    """The workbook and zip travel to a database with another key: said before they leave."""
    warning = page.export_tab.not_encrypted
    encrypted = page.export_tab.ctx.db.key is not None
    assert warning.isHidden() is not encrypted
    assert "沒有加密" in warning.text() and "隨身碟" in warning.text()


def test_the_import_summary_names_the_records_in_english(page, qtbot, tmp_path, tmp_path_factory):
    """Issue 12: no Chinese but data in English — the summary's rows were the workbook's tab titles (實地訪視)."""
    from counsel_desk import i18n

    out = _laptop_workbook(tmp_path, tmp_path_factory)
    tab = page.import_tab
    page.tabs.setCurrentWidget(tab)
    tab.add_paths([out])
    i18n.set_language("en")
    try:
        click(qtbot, tab.preview_button)
        qtbot.waitUntil(lambda: tab.apply_button.isEnabled(), timeout=20000)
    finally:
        i18n.set_language("zh_TW")
    rows = {tab.summary.data(tab.summary.index(r, 0)): tab.summary.data(tab.summary.index(r, 1))
            for r in range(tab.summary.rowCount())}
    assert rows["Site visit"] == "3" and "實地訪視" not in rows

"""The backups page, the audit page, recovery at start and automatic backups, as a person uses them."""

from __future__ import annotations

from pathlib import Path

import errno
from datetime import datetime

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel

from counsel_desk.models import Organization
from counsel_desk.services.safety import backup
from counsel_desk.services.base import create
from counsel_desk.store import driver
from tests.ui.conftest import type_text as type_zh


def add_org(ctx, name: str) -> None:
    services = ctx.services()
    with services.session_factory() as s:
        create(s, Organization(name=name, kind="association"), services.actor, "organization")
        s.commit()


def org_names(db) -> list[str]:
    with db.engine.connect() as c:
        return sorted(r[0] for r in c.exec_driver_sql("SELECT name FROM organization"))


# --- backups page -----------------------------------------------------------------------------------
@pytest.fixture
def backups_page(qtbot, app_context):
    from counsel_desk.ui.safety.backups_page import BackupsPage

    page = BackupsPage(app_context)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    return page


def test_back_up_now_lists_the_checked_backup(qtbot, qtmodeltester, app_context, backups_page):
    page = backups_page
    assert page.model.rowCount() == 0
    assert page.backup_button.text() == "立即備份"
    with qtbot.waitSignal(app_context.backup_made, timeout=20_000):
        qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    qtmodeltester.check(page.model)
    assert page.model.index(0, 1).data() == "手動備份"
    assert "完整性檢查通過" in page.status.text()
    assert str(app_context.db.backups_dir) in page.folder_label.text()


def test_restore_asks_first_and_keeps_a_safety_backup(qtbot, app_context, backups_page, monkeypatch):
    page = backups_page
    add_org(app_context, "備份時就有的單位")
    backup.make_backup(app_context.db.path, "manual", now=datetime(2026, 11, 26, 9, 0))
    add_org(app_context, "備份之後才新增")
    page.reload()
    page.view.selectRow(0)
    questions = []
    monkeypatch.setattr("counsel_desk.ui.safety.backups_page.confirm",
                        lambda parent, text, title=None: questions.append(text) or False)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert "115/11/26 09:00:00" in questions[0] and "安全備份" in questions[0]
    assert org_names(app_context.db) == ["備份之後才新增", "備份時就有的單位"]  # declined: nothing changed

    monkeypatch.setattr("counsel_desk.ui.safety.backups_page.confirm", lambda parent, text, title=None: True)
    with qtbot.waitSignal(app_context.data_imported, timeout=20_000):
        qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert org_names(app_context.db) == ["備份時就有的單位"]
    assert "安全備份" in page.status.text()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert {page.model.index(r, 1).data() for r in range(2)} == {"手動備份", "還原前的安全備份"}


def test_open_folder_opens_the_backups_folder(app_context, backups_page, monkeypatch):
    opened = []
    monkeypatch.setattr("counsel_desk.ui.safety.backups_page.QDesktopServices.openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    backups_page.folder_button.click()
    assert opened == [str(app_context.db.backups_dir)] and app_context.db.backups_dir.is_dir()


def test_a_full_disk_during_back_up_now_is_told_plainly(qtbot, app_context, backups_page, monkeypatch):
    from counsel_desk.services.safety import atomic

    def full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    shown = []
    monkeypatch.setattr(atomic.os, "fsync", full)
    monkeypatch.setattr("counsel_desk.ui.messages.show_error", lambda parent, exc, title=None: shown.append(exc))
    qtbot.mouseClick(backups_page.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert "磁碟空間不足" in backups_page.status.text()
    assert backups_page.model.rowCount() == 0 and backups_page.backup_button.isEnabled()


# --- audit page --------------------------------------------------------------------------------------
@pytest.fixture
def audit_page(qtbot, app_context):
    from counsel_desk.ui.safety.audit_page import AuditPage

    for name in ("池上鄉農會", "鹿野鄉公所", "關山鎮青年會"):
        add_org(app_context, name)
    page = AuditPage(app_context)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    return page


def test_the_audit_count_says_one_entry_in_english(qtbot, qapp, audit_page, monkeypatch):
    from counsel_desk.ui.startup import install_translators

    monkeypatch.setenv("COUNSEL_DESK_LANG", "en")
    install_translators(qapp, "en")
    try:
        type_zh(audit_page.search, "鹿野")
        qtbot.waitUntil(lambda: audit_page.count_label.text() == "1 entry")
        audit_page.search.clear()
        qtbot.waitUntil(lambda: audit_page.count_label.text() == "3 entries")
    finally:
        install_translators(qapp, "zh_TW")


def test_every_record_the_audit_log_names_has_a_proper_name_in_both_languages(qtbot, qapp, app_context, monkeypatch):
    """An export of the interchange workbook read “interchange” (the code) in the Record column, beside
    “Site visit” and “Counselor”: each kind of record and action the code writes has a name."""
    from counsel_desk.store import audit
    from counsel_desk.ui.safety.audit_page import AuditPage
    from counsel_desk.ui.startup import install_translators

    with app_context.db.session_factory() as s:
        audit.record(s, "林怡君", "export", "interchange", "", {"file": "交換檔.xlsx"})
        audit.record(s, "林怡君", "center_split", "county", "10004", {"county": "新竹縣"})
        s.commit()

    def rows(page) -> list[tuple[str, str]]:
        return [(page.model.index(r, 3).data(), page.model.index(r, 4).data()) for r in range(page.model.rowCount())]

    page = AuditPage(app_context)
    qtbot.addWidget(page)
    assert set(rows(page)) == {("匯出", "交換檔"), ("變更縣市所屬中心", "縣市")}, rows(page)
    monkeypatch.setenv("COUNSEL_DESK_LANG", "en")
    install_translators(qapp, "en")
    try:
        page = AuditPage(app_context)
        qtbot.addWidget(page)
        assert set(rows(page)) == {("Exported", "Interchange workbook"), ("Changed the county's center", "County")}
    finally:
        install_translators(qapp, "zh_TW")


def test_audit_list_filters_and_shows_details(qtbot, qtmodeltester, audit_page):
    page = audit_page
    qtmodeltester.check(page.model)
    assert page.count_label.text() == "共 3 筆"
    assert page.model.headerData(1, Qt.Orientation.Horizontal) == "時間"
    assert page.model.index(0, 3).data() == "新增" and page.model.index(0, 4).data() == "單位"
    type_zh(page.search, "鹿野")
    qtbot.waitUntil(lambda: page.count_label.text() == "共 1 筆")
    page.view.selectRow(0)
    assert "新增" in page.detail.toPlainText() and "名稱：鹿野鄉公所" in page.detail.toPlainText()
    assert "SHA-256" not in page.detail.toPlainText() and not page.raw.isVisible()  # raw JSON only behind 詳細
    assert page.raw_button.text() == "詳細"
    qtbot.mouseClick(page.raw_button, Qt.MouseButton.LeftButton)
    assert page.raw.isVisible() and "SHA-256" in page.raw.toPlainText() and '"name"' in page.raw.toPlainText()
    page.search.clear()
    qtbot.waitUntil(lambda: page.count_label.text() == "共 3 筆")
    assert [page.action_box.itemText(i) for i in range(page.action_box.count())] == ["全部動作", "新增"]
    page.action_box.setCurrentIndex(page.action_box.findData("create"))
    assert page.count_label.text() == "共 3 筆"
    qtbot.keyClicks(page.date_to, "2000/01/01")
    qtbot.keyClick(page.date_to, Qt.Key.Key_Return)
    assert page.count_label.text() == "共 0 筆" and page.date_to.text() == "89/01/01"
    page.date_to.clear()
    qtbot.keyClicks(page.date_from, "115/13/45")
    qtbot.keyClick(page.date_from, Qt.Key.Key_Return)
    assert "不存在的日期" in page.date_from.toolTip()  # an impossible date says why, and is not applied
    assert page.count_label.text() == "共 3 筆"


def test_verify_says_intact_then_finds_a_row_edited_by_hand(qtbot, app_context, audit_page):
    page = audit_page
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "完整" in page.result_label.text(), timeout=20_000)
    assert "3 筆" in page.result_label.text()
    con = driver.connect(app_context.db.path)
    con.execute("UPDATE audit_log SET detail='{}' WHERE seq=2")
    con.commit()
    con.close()
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "不符" in page.result_label.text(), timeout=20_000)
    assert "第 2 筆" in page.result_label.text()
    assert page.model.id_at(page.view.currentIndex().row()) == "2"  # the altered entry is shown


def test_export_csv_from_the_page(qtbot, app_context, audit_page, tmp_path):
    out = tmp_path / "稽核紀錄.csv"
    audit_page.export_csv(str(out))
    qtbot.waitUntil(lambda: "已匯出 3 筆" in audit_page.result_label.text(), timeout=20_000)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    qtbot.waitUntil(lambda: audit_page.count_label.text() == "共 4 筆")  # the export is itself recorded


def test_the_audit_export_dialog_opens_where_she_last_exported_not_beside_the_database(qtbot, app_context,
                                                                                       audit_page, tmp_path,
                                                                                       monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    offered: list[str] = []
    chosen = tmp_path / "匯出" / "稽核紀錄.csv"
    chosen.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda _parent, _title, suggested, _filter: (offered.append(suggested),
                                                                                   (str(chosen), ""))[1]))
    audit_page.export_csv()
    qtbot.waitUntil(lambda: "已匯出" in audit_page.result_label.text(), timeout=20_000)
    audit_page.export_csv()
    qtbot.waitUntil(lambda: len(offered) == 2)
    assert Path(offered[0]).parent != app_context.db.path.parent, "not the database's own folder"
    assert Path(offered[1]).parent == chosen.parent, "where she exported last time"


# --- recovery at start ---------------------------------------------------------------------------------
def test_a_damaged_database_at_start_is_quarantined_and_the_backup_offered(qtbot, tmp_path, monkeypatch, qapp):
    from counsel_desk.store import open_database, recovery
    from counsel_desk.ui.safety.recovery_dialog import RecoveryDialog, prepare_database_at_start

    path = tmp_path / "field.db"
    db = open_database(path)
    backup.make_backup(path, "auto", now=datetime(2026, 11, 25, 17, 30))
    db.close()
    path.write_bytes(b"\x00" * 100 + path.read_bytes()[100:])  # zeroed header
    seen = {}

    def click_restore(dialog: RecoveryDialog) -> int:
        seen["text"] = " ".join(w.text() for w in dialog.findChildren(QLabel))
        seen["restore_visible"] = not dialog.restore_button.isHidden()
        dialog.restore_button.click()
        return 1

    monkeypatch.setattr(RecoveryDialog, "exec", click_restore)
    assert prepare_database_at_start(path, actor="測試") is True
    assert "已損毀" in seen["text"] and "115/11/25 17:30:00" in seen["text"] and seen["restore_visible"]
    assert recovery.check_at_start(path).state == recovery.OK
    assert len(list(recovery.quarantine_dir(path).iterdir())) == 1


def test_without_a_backup_the_choice_is_empty_or_quit(qtbot, tmp_path, monkeypatch):
    from counsel_desk.ui.safety.recovery_dialog import RecoveryDialog, prepare_database_at_start

    path = tmp_path / "field.db"
    path.write_bytes(b"garbage" * 2000)
    monkeypatch.setattr(RecoveryDialog, "exec", lambda d: d.quit_button.click() or 0)
    assert prepare_database_at_start(path) is False
    assert not path.exists()  # moved to quarantine, not deleted
    path.write_bytes(b"garbage" * 2000)
    states = []
    monkeypatch.setattr(RecoveryDialog, "exec",
                        lambda d: states.append(d.restore_button.isHidden()) or d.empty_button.click() or 1)
    assert prepare_database_at_start(path) is True and states == [True]


# --- automatic backups and the read-only banner -------------------------------------------------------
def test_automatic_backup_at_start_then_only_when_due(qtbot, app_context):
    from counsel_desk.ui.safety.auto_backup import INTERVAL_MS, AutoBackup

    auto = AutoBackup(app_context)
    assert INTERVAL_MS == 30 * 60 * 1000
    with qtbot.waitSignal(app_context.backup_made, timeout=20_000):
        auto.start()
    assert auto.timer.isActive()
    qtbot.waitUntil(lambda: not auto.running)
    auto.run_now()  # nothing changed, a minute later: no new backup
    qtbot.waitUntil(lambda: not auto.running, timeout=20_000)
    assert len(backup.list_backups(app_context.db.path)) == 1
    auto.stop()
    assert not auto.timer.isActive()


def test_read_only_database_shows_a_banner(qtbot, qapp, tmp_path):
    from counsel_desk.ui.startup import build_main_window, make_settings, prepare
    from counsel_desk.store import open_database

    path = tmp_path / "shared.db"
    open_database(path).close()
    prepare(qapp)
    db = open_database(path, read_only=True)
    settings = make_settings()
    settings.setValue("window/page", "backups")
    window = build_main_window(db, settings)
    qtbot.addWidget(window)
    try:
        banner = window.findChild(QLabel, "readOnlyBanner")
        assert banner is not None and "唯讀" in banner.text()
        page = window.page("backups")
        assert not page.restore_file_button.isEnabled()
    finally:
        window.close()
        db.close()


# --- erasing a contact's personal data ---------------------------------------------------------------
def test_erase_a_contact_from_the_audit_log_after_a_clear_preview(qtbot, app_context, monkeypatch):
    from datetime import date

    from counsel_desk.models import Contact, SiteVisit
    from counsel_desk.services.safety import privacy
    from counsel_desk.ui.safety import erase_dialog
    from counsel_desk.ui.safety.audit_page import AuditPage

    services = app_context.services()
    with services.session_factory() as s:
        org = create(s, Organization(name="關山鎮農會", kind="association"), services.actor, "organization")
        c = create(s, Contact(organization_id=org.id, name="龔曉蓉", title="理事", phone="0937-246-813"),
                   services.actor, "contact")
        create(s, SiteVisit(center_code="north", county_code="10014", township_code="10014030",
                            visit_date=date(2026, 11, 2), visited_name="龔曉蓉", mode="onsite"),
               services.actor, "site_visit")
        s.commit()
    page = AuditPage(app_context)
    qtbot.addWidget(page)
    page.show()
    assert not page.erase_button.isEnabled()
    row = next(r for r in range(page.model.rowCount()) if page.model.index(r, 4).data() == "聯絡人")
    page.view.selectRow(row)
    assert page.erase_button.isEnabled() and page.erase_button.text() == "刪除這位聯絡人的個資…"
    seen = {}

    def answer(dialog: erase_dialog.EraseContactDialog) -> int:
        dialog.show()  # what exec() would do, without blocking the test
        seen["heading"] = dialog.findChildren(QLabel)[0].text()
        seen["mentions"] = dialog.mentions.count()
        seen["enabled_before"] = dialog.erase_button.isEnabled()
        box = dialog.understand  # click on its indicator: a stretched check box's middle is empty space
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
        with qtbot.waitSignal(app_context.data_imported, timeout=20_000):
            qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
        return int(dialog.result())

    monkeypatch.setattr(erase_dialog.EraseContactDialog, "exec", answer)
    qtbot.mouseClick(page.erase_button, Qt.MouseButton.LeftButton)
    assert seen == {"heading": "要刪除 龔曉蓉（理事，關山鎮農會） 的個人資料嗎？", "mentions": 1, "enabled_before": False}
    with app_context.db.session() as s:
        assert s.get(Contact, c.id).name == privacy.ERASED_NAME
    assert b"0937-246-813" not in app_context.db.path.read_bytes()

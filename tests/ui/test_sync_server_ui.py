"""The sync page's center server tab: 「與中心伺服器同步」 in the background, its outcome and the history."""

from __future__ import annotations

from PySide6.QtCore import Qt

from counsel_desk import models as m
from counsel_desk.store import open_database
from counsel_desk.store.profiles import ServerProfile
from counsel_desk.ui import settings as options
from counsel_desk.ui.sync.page import SyncPage
from tests.integration.sync_helpers import small_world, snapshot, update


def make_page(qtbot, app_context, monkeypatch, url: str | None):
    boxes = []
    monkeypatch.setattr("counsel_desk.ui.messages.show_error", lambda *a, **k: boxes.append(a))
    options.SERVER_PROFILES.set(app_context.settings, [ServerProfile("北區中心", url)] if url else [])
    page = SyncPage(app_context)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.tabs.setCurrentWidget(page.server_tab)
    page.boxes = boxes
    return page


def test_sync_with_the_center_server_from_the_sync_page(qtbot, app_context, monkeypatch, pg_url):
    server = open_database(pg_url)
    ids = small_world(server)
    page = make_page(qtbot, app_context, monkeypatch, pg_url)
    tab = page.server_tab
    assert tab.last.text() == "尚未同步" and tab.sync_button.isEnabled()
    qtbot.mouseClick(tab.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已與中心伺服器" in tab.status.text(), timeout=60000)
    assert tab.last.text() != "尚未同步"
    assert snapshot(app_context.db) == snapshot(server)

    update(app_context.db, m.SiteVisit, ids["visits"][0], {"purpose": "筆電上改的"})
    update(server, m.SiteVisit, ids["visits"][0], {"purpose": "伺服器上改的"}, actor="李同事")
    qtbot.mouseClick(tab.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "衝突 1 筆" in tab.status.text(), timeout=60000)
    assert page.tabs.currentWidget() is page.conflicts_tab  # a conflict to decide: shown at once
    assert page.tabs.tabText(page.tabs.indexOf(page.conflicts_tab)) == "衝突（1）"
    page.tabs.setCurrentWidget(page.history_tab)
    assert "上次與中心伺服器" in page.history_tab.server_syncs.text()
    assert not page.boxes
    server.close()


def test_an_unreachable_server_says_so_and_changes_nothing(qtbot, app_context, monkeypatch, tmp_path):
    small_world(app_context.db)
    before = snapshot(app_context.db)
    page = make_page(qtbot, app_context, monkeypatch, f"postgresql://nobody@/nothing?host={tmp_path}/none")
    qtbot.mouseClick(page.server_tab.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "未同步" in page.server_tab.status.text(), timeout=60000)
    assert "無法連線到中心伺服器" in page.server_tab.status.text()
    assert len(page.boxes) == 1  # told in a message box too
    assert snapshot(app_context.db) == before


def test_without_a_server_profile_the_tab_says_where_to_add_one(qtbot, app_context, monkeypatch):
    page = make_page(qtbot, app_context, monkeypatch, None)
    assert not page.server_tab.sync_button.isEnabled()
    assert "偏好設定" in page.server_tab.status.text()

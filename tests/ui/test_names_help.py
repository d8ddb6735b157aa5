"""Names and help as a new user meets them: each page titled as the navigation names it and reached
by a shortcut, a Help menu with the shortcut list and the manual (offline), a new dashboard and empty
lists that say what to do first, questions answered with verbs, and 立即重新啟動 after a new language."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox

from counsel_desk.services.people.people import PeopleService
from counsel_desk.services.visits.visits import VisitData, VisitService
from counsel_desk.ui import messages
from counsel_desk.ui.page_titles import page_title


@pytest.fixture
def window(qtbot, app_context):
    from counsel_desk.ui.startup import build_main_window

    w = build_main_window(app_context.db, app_context.settings)
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    yield w
    if w.auto_backup is not None:
        w.auto_backup.stop()


def add_visit(app_context) -> None:
    services = app_context.services()
    me = PeopleService(services).counselor_named(app_context.actor)
    town = VisitService(services).townships("10004")[0].id
    VisitService(services).create(VisitData(visit_date=date.today(), county_code="10004", township_code=town,
                                            counselor_ids=[me], visited_name="竹北青年協會"))


def test_every_page_is_titled_as_the_navigation_names_it_and_has_a_shortcut(qtbot, window):
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and a.text().startswith("檢視"))
    shortcuts = {a.text(): a.shortcut().toString() for a in view_menu.actions()}
    assert len(shortcuts) == len(window.specs)
    for spec in window.specs:
        title = page_title(spec.key)
        assert shortcuts[title], f"{title} has no shortcut"
        page = window.page(spec.key)
        headings = [label.text() for label in page.findChildren(QLabel) if label.property("role") == "pageTitle"]
        assert any(h == title or h.startswith(title + " — ") for h in headings), (spec.key, title, headings)
    every = [a.shortcut().toString() for m in window.menuBar().actions() if m.menu()
             for a in m.menu().actions() if not a.shortcut().isEmpty()]
    assert len(every) == len(set(every)), "two commands share a shortcut"


def test_help_lists_the_shortcuts_and_opens_the_manual_offline(qtbot, window):
    dialog = window.show_shortcuts()
    rows = [(dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text()) for r in range(dialog.table.rowCount())]
    assert ("輔導員名單", "Ctrl+Shift+U") in rows
    assert ("實地訪視", "Ctrl+2") in rows
    assert any(keys == "Alt+Down / F4" for _c, keys in rows)
    dialog.reject()
    manual = window.show_manual()
    assert manual.browser.source().isLocalFile()
    text = manual.browser.toPlainText()
    assert "第一天" in text and "輔導員名單" in text and "示範資料" in text


def test_a_new_dashboard_and_empty_lists_say_what_to_do_first(qtbot, window, app_context):
    dashboard = window.show_page("dashboard")
    qtbot.waitUntil(lambda: dashboard.overview is not None, timeout=10_000)
    assert dashboard.getting_started.isVisible()
    dashboard.getting_started.roster_button.click()
    assert window.roster_dialog.isVisible()
    window.roster_dialog.reject()
    dashboard.getting_started.visit_button.click()
    visits = window.pages["visits"]
    (editor,) = visits.host.editors.values()
    editor.close()
    assert visits.empty_hint.isVisible() and "Ctrl+N" in visits.empty_hint.text()
    followups = window.show_page("followups")
    assert followups.empty_hint.isVisible()
    spaces = window.show_page("spaces")
    assert spaces.empty_hint.isVisible() and spaces.new_button.text() in spaces.empty_hint.text()

    add_visit(app_context)
    window.ctx.visits_changed.emit()
    window.show_page("visits")
    assert not visits.empty_hint.isVisible()
    window.show_page("dashboard")
    qtbot.waitUntil(lambda: not dashboard.getting_started.isVisible(), timeout=10_000)


def test_a_list_a_search_emptied_says_nothing_matches_and_clears_it(qtbot, window, app_context):
    """「這裡還沒有訪視紀錄」 only while there are none: a search or a filter that matches nothing says so."""
    from tests.ui.conftest import type_text

    add_visit(app_context)
    window.ctx.visits_changed.emit()
    visits = window.show_page("visits")
    assert visits.model.rowCount() == 1 and not visits.empty_hint.isVisible()

    type_text(visits.search, "咖啡烘焙")
    qtbot.waitUntil(lambda: visits.model.rowCount() == 0)
    assert visits.empty_hint.isVisible()
    assert "沒有符合「咖啡烘焙」" in visits.empty_hint.text(), visits.empty_hint.text()
    assert "還沒有" not in visits.empty_hint.text()
    visits.empty_hint.linkActivated.emit("clear")  # 清除搜尋與篩選條件
    assert visits.search.text() == "" and visits.model.rowCount() == 1

    visits.filters.mode.setCurrentIndex(visits.filters.mode.count() - 1)  # a mode no visit has
    if visits.model.rowCount() == 0:
        assert "沒有符合篩選條件" in visits.empty_hint.text(), visits.empty_hint.text()

    followups = window.show_page("followups")
    assert followups.empty_hint.isVisible() and "還沒有" not in followups.empty_hint.text()
    type_text(followups.search, "不存在")
    qtbot.waitUntil(lambda: "沒有符合「不存在」" in followups.empty_hint.text())

    proposals = window.show_page("proposals")
    assert "Ctrl+N" in proposals.empty_hint.text()
    type_text(proposals.filters.search, "不存在")
    proposals.filters.search.returnPressed.emit()
    qtbot.waitUntil(lambda: "沒有符合「不存在」" in proposals.empty_hint.text())
    proposals.empty_hint.linkActivated.emit("clear")
    assert proposals.filters.search.text() == "" and "Ctrl+N" in proposals.empty_hint.text()

    spaces = window.show_page("spaces")
    type_text(spaces.panel.search, "不存在")
    spaces.panel.search.returnPressed.emit()
    assert "沒有符合「不存在」" in spaces.empty_hint.text(), spaces.empty_hint.text()


def test_questions_are_answered_with_verbs(qtbot, message_boxes, monkeypatch):
    shown = []

    def exec_(box):
        shown.append([b.text() for b in box.buttons()])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    assert messages.ask(None, "要將林美玲從輔導員名單移除嗎？", "移除", "保留")
    assert sorted(shown[0]) == sorted(["移除", "保留"])
    assert not any(t in ("是", "否", "&Yes", "&No") for t in shown[0])


def test_a_new_language_offers_to_restart_now(qtbot, window, monkeypatch, qapp):
    from counsel_desk.ui import startup
    from counsel_desk.ui.preferences import PreferencesDialog

    asked = []
    monkeypatch.setattr(messages, "ask", lambda parent, text, do, dont=None, title=None: asked.append((do, dont)) or True)
    def choose_english_and_save(dialog):
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()

    monkeypatch.setattr(PreferencesDialog, "exec", choose_english_and_save)
    monkeypatch.delenv("COUNSEL_DESK_LANG", raising=False)
    try:
        window.show_preferences()
        assert asked == [("立即重新啟動", "稍後")]
        new = startup.current_window()
        qtbot.addWidget(new)
        assert new is not window
        assert new.windowTitle() == "Regional Revitalization Desk"
        if new.auto_backup is not None:
            new.auto_backup.stop()
    finally:
        startup.install_translators(qapp, "zh_TW")
    assert QCoreApplication.translate("Navigation", "Site visits") == "實地訪視"

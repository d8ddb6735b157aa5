"""The 推動課題 screen driven like a counselor would: open it from 編輯 and from the visit editor's topic menu,
add a coded topic and tick it at once, rename it, retire it (never delete a tagged one); in English the
topic menu shows ASCII brackets."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from counsel_desk import i18n
from counsel_desk.services.places import issue_topics
from counsel_desk.services.people.people import PeopleService
from counsel_desk.services.visits.visits import VisitData, VisitService
from counsel_desk.ui import messages
from counsel_desk.ui.stocktaking.topic_picker import TopicPicker
from tests.ui.conftest import type_text

HSINCHU, GUANXI = "10004", "10004040"
TODAY = date.today()


@pytest.fixture
def window(qtbot, app_context, monkeypatch):
    from counsel_desk.ui.startup import build_main_window

    w = build_main_window(app_context.db, app_context.settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _rows(dialog) -> list[list[str]]:
    m = dialog.model
    return [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]


def _fill(qtbot, dialog, code: str, name: str, name_en: str) -> None:
    if code:
        type_text(dialog.code, code)  # (keyClicks knows no Chinese)
    dialog.name.clear()
    type_text(dialog.name, name)
    dialog.name_en.clear()
    qtbot.keyClicks(dialog.name_en, name_en)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_she_adds_renames_and_retires_a_topic_from_the_edit_menu(qtbot, window, monkeypatch):
    action = window.findChild(type(window.action_roster), "actionTopics")
    assert action is not None and action.text().startswith("推動課題")
    action.trigger()
    topics = window.topics_dialog
    qtbot.waitExposed(topics)
    assert ["地方DNA難以形成商業模式", "地方共識不足"] == [r[1] for r in _rows(topics)][:2]

    qtbot.mouseClick(topics.add_button, Qt.MouseButton.LeftButton)
    dialog = topics.dialog
    qtbot.waitExposed(dialog)
    _fill(qtbot, dialog, "水", "水資源不足", "")  # a Chinese code is refused under its field, nothing saved
    assert dialog.isVisible() and "代碼" in dialog.errors["code"].text()
    dialog.code.clear()
    _fill(qtbot, dialog, "water", "水資源不足", "Too little water")
    assert not dialog.isVisible()
    assert ["WATER", "水資源不足", "Too little water", "使用中", "0", "0"] in _rows(topics)
    assert topics.current().topic.code == "WATER" and topics.delete_button.isEnabled()

    qtbot.mouseClick(topics.edit_button, Qt.MouseButton.LeftButton)
    dialog = topics.dialog
    assert dialog.code.isReadOnly() and dialog.code.text() == "WATER"
    _fill(qtbot, dialog, "", "人才不足", "Water")  # another topic's name: refused
    assert dialog.isVisible() and "已經有「人才不足」" in dialog.errors["name"].text()
    _fill(qtbot, dialog, "", "水資源短缺", "Water shortage")
    assert ["WATER", "水資源短缺", "Water shortage", "使用中", "0", "0"] in _rows(topics)

    assert topics.active_button.text() == "停用"
    qtbot.mouseClick(topics.active_button, Qt.MouseButton.LeftButton)
    assert ["WATER", "水資源短缺", "Water shortage", "已停用", "0", "0"] in _rows(topics)
    assert "WATER" not in {t.code for t in issue_topics.topics(window.ctx.services())}
    assert topics.active_button.text() == "恢復使用"
    qtbot.mouseClick(topics.active_button, Qt.MouseButton.LeftButton)
    assert "WATER" in {t.code for t in issue_topics.topics(window.ctx.services())}

    asked = []
    monkeypatch.setattr(messages, "ask", lambda parent, text, do, dont=None, title=None: asked.append(text) or True)
    qtbot.mouseClick(topics.delete_button, Qt.MouseButton.LeftButton)
    assert asked and "水資源短缺" in asked[0]
    assert "WATER" not in [r[0] for r in _rows(topics)]


def test_a_tagged_topic_can_be_retired_but_not_deleted(qtbot, window):
    ctx = window.ctx
    counselor = PeopleService(ctx.services()).create_counselor("王小明").id
    talent = next(t for t in issue_topics.topics(ctx.services()) if t.name == "人才不足")
    vid = VisitService(ctx.services()).save(VisitData(
        visit_date=TODAY - timedelta(days=1), county_code=HSINCHU, township_code=GUANXI, counselor_ids=[counselor],
        visited_name="關西鎮公所", topic_ids=[talent.id]))
    topics = window.show_topics()
    qtbot.waitExposed(topics)
    topics.select_code(talent.code)
    assert _rows(topics)[topics.view.selectionModel().selectedRows()[0].row()][1:] == [
        "人才不足", talent.name_en, "使用中", "1", "0"]
    assert not topics.delete_button.isEnabled()
    qtbot.mouseClick(topics.active_button, Qt.MouseButton.LeftButton)
    assert talent.id not in {t.id for t in issue_topics.topics(ctx.services())}
    assert [r[3] for r in _rows(topics) if r[0] == talent.code] == ["已停用"]
    # the visit keeps it ticked; a fresh picker (a new visit) no longer offers it
    assert VisitService(ctx.services()).get(vid).topic_ids == [talent.id]
    kept = TopicPicker(ctx.services())
    qtbot.addWidget(kept)
    kept.set_ids([talent.id])
    assert kept.actions_by_id[talent.id].isChecked() and kept.chosen.full_text == "人才不足"
    fresh = TopicPicker(ctx.services())
    qtbot.addWidget(fresh)
    assert talent.id not in fresh.actions_by_id


def test_the_visit_editors_topic_menu_opens_the_screen_and_offers_a_new_topic_at_once(qtbot, window):
    ctx = window.ctx
    counselor = PeopleService(ctx.services()).create_counselor("王小明").id
    vid = VisitService(ctx.services()).save(VisitData(visit_date=TODAY - timedelta(days=1), county_code=HSINCHU,
                                                      township_code=GUANXI, counselor_ids=[counselor],
                                                      visited_name="關西鎮公所"))
    visits = window.show_page("visits")
    editor = visits.open_visit(vid)
    qtbot.waitExposed(editor)
    picker = editor.form.topics
    manage = [a for a in picker.menu.actions() if a.objectName() == "manageTopics"]
    assert len(manage) == 1 and "推動課題" in manage[0].text()
    manage[0].trigger()
    topics = picker.topics_dialog
    qtbot.waitExposed(topics)
    qtbot.mouseClick(topics.add_button, Qt.MouseButton.LeftButton)
    _fill(qtbot, topics.dialog, "WATER", "水資源不足", "Too little water")
    topics.close()
    offered = {a.text(): a for a in picker.actions_by_id.values()}
    assert "水資源不足（WATER）" in offered
    offered["水資源不足（WATER）"].trigger()
    assert picker.chosen.full_text == "水資源不足"
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    water = next(t for t in issue_topics.topics(ctx.services()) if t.code == "WATER")
    assert VisitService(ctx.services()).get(vid).topic_ids == [water.id]


def test_the_topic_menu_in_english_uses_ascii_brackets_and_commas(qtbot, app_context, monkeypatch):
    monkeypatch.setenv("COUNSEL_DESK_LANG", "en")
    i18n.set_language("en")
    try:
        picker = TopicPicker(app_context.services())
        qtbot.addWidget(picker)
        texts = [a.text() for a in picker.actions_by_id.values()]
        assert "Too little local consensus (CONSENSUS)" in texts
        assert not any("（" in t or "）" in t for t in texts)
        actions = list(picker.actions_by_id.values())
        actions[0].trigger()
        actions[1].trigger()
        assert "、" not in picker.chosen.full_text and ", " in picker.chosen.full_text
    finally:
        i18n.set_language("zh_TW")


def test_a_topic_added_while_another_program_writes_waits_and_keeps_the_dialog_open(qtbot, window, app_context):
    """Adding a topic while an import in another window holds the database: the add waits in sight; she stops
    waiting, and the topic's dialog stays open with the reason and what she typed (it said nothing before)."""
    from tests.ui.conftest import hold_write_lock, make_active, release, stop_waiting_soon

    window.findChild(type(window.action_roster), "actionTopics").trigger()
    topics = window.topics_dialog
    qtbot.waitExposed(topics)
    qtbot.mouseClick(topics.add_button, Qt.MouseButton.LeftButton)
    dialog = topics.dialog
    make_active(qtbot, dialog)  # where she works: the wait's window opens over it
    holder = hold_write_lock(app_context.db)
    waited: list[tuple[str, str]] = []
    try:
        stop_waiting_soon(waited)
        _fill(qtbot, dialog, "water", "水資源不足", "Too little water")
    finally:
        release(holder)
    assert waited and "另一個匯入或程式正在寫入資料庫" in waited[0][0]
    assert dialog.isVisible() and "另一個匯入或程式寫入中" in dialog.general_error.text()
    assert dialog.code.text() == "water" and dialog.name.text() == "水資源不足"
    assert "WATER" not in [t.code for t in issue_topics.topics(app_context.services())]
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()  # once the import is over
    assert not dialog.isVisible() and "WATER" in [t.code for t in issue_topics.topics(app_context.services())]

"""The visit list and editor driven like a counselor would: type a visit with two counselors, a new
organisation, an attachment and two follow-ups; edit it; find it by a Chinese word; delete and undo;
get a draft back after a crash; be asked before losing changes."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from counsel_desk.services.visits.drafts import DraftStore
from counsel_desk.services.visits.followups import FollowUpDraft
from counsel_desk.services.formatting import roc_date
from counsel_desk.services.people.people import PeopleService
from counsel_desk.services.visits.visits import VisitData, VisitService
from counsel_desk.ui import messages
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.visits.editor import VisitEditor
from counsel_desk.ui.visits.list_page import VisitListPage
from tests.ui.conftest import hold_write_lock, make_active, release, stop_waiting_soon, type_text, waiting_dialogs

HSINCHU, GUANXI = "10004", "10004040"
TODAY = date.today()


@pytest.fixture
def asked(monkeypatch):
    """Every question box answered without blocking; the answers to give can be queued per test."""
    answers: list = []
    calls: list[str] = []

    def question(parent, title, text, *args, **kwargs):
        calls.append(text)
        return answers.pop(0) if answers else QMessageBox.StandardButton.Discard

    def confirm(parent, text, title=None, do=None):
        calls.append(text)
        return answers.pop(0) if answers else True

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(messages, "confirm", confirm)
    monkeypatch.setattr(messages, "show_error", lambda parent, exc, title=None: calls.append(f"ERROR {exc}"))
    return answers, calls


@pytest.fixture
def ctx(app_context):
    people = PeopleService(app_context.services())
    people.create_counselor("測試輔導員")  # the user's own entry: ticked on new visits
    people.create_counselor("林美玲")
    people.create_counselor("陳建宏")
    return app_context


@pytest.fixture
def page(qtbot, ctx, asked):
    p = VisitListPage(ctx)
    qtbot.addWidget(p)
    p.resize(1200, 700)
    p.show()
    qtbot.waitExposed(p)
    return p


def ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def tick(list_widget, name: str) -> None:
    for i in range(list_widget.count()):
        if list_widget.item(i).text().startswith(name):
            list_widget.item(i).setCheckState(Qt.CheckState.Checked)
            return
    raise AssertionError(f"{name} not in the list")


def choose(combo, value) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def open_new_editor(qtbot, page) -> VisitEditor:
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    (editor,) = page.host.editors.values()
    qtbot.waitExposed(editor)
    return editor


def add_followup(qtbot, form, description: str, due: date) -> None:
    qtbot.mouseClick(form.add_followup_button, Qt.MouseButton.LeftButton)
    dialog = form.followup_dialog
    type_text(dialog.description, description)
    qtbot.keyClicks(dialog.due, roc_date(due))
    ok(dialog)
    assert not dialog.isVisible()


def test_create_edit_search_delete_and_undo_a_visit(qtbot, qtmodeltester, page, ctx, tmp_path, monkeypatch):
    editor = open_new_editor(qtbot, page)
    form = editor.form
    assert form.checked(form.counselors), "the user's own name is ticked on a new visit"
    visit_day = TODAY - timedelta(days=6)
    form.visit_date.clear()
    qtbot.keyClicks(form.visit_date, roc_date(visit_day))
    choose(form.county, HSINCHU)
    choose(form.township, GUANXI)
    tick(form.counselors, "林美玲")
    assert len(form.checked(form.counselors)) == 2

    qtbot.mouseClick(form.new_org_button, Qt.MouseButton.LeftButton)
    type_text(form.org_dialog.name, "山海咖啡館")
    ok(form.org_dialog)
    assert form.organization.currentText() == "山海咖啡館"
    assert form.visited_name.text() == "山海咖啡館"

    type_text(form.purpose, "了解返鄉青年創業需求")
    type_text(form.texts["findings"], "返鄉青年在老街經營咖啡烘焙，尚無自有品牌")
    type_text(form.texts["advice"], "建議申請青年培力工作站輔導")
    assert not form.key_visit.isChecked()
    qtbot.mouseClick(form.key_visit, Qt.MouseButton.LeftButton)  # 重點: listed in the month's report (issue 15)

    photo = tmp_path / "現場照片.jpg"
    photo.write_bytes(b"\xff\xd8 photo bytes")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(photo)], ""))
    qtbot.mouseClick(form.attachments.add_button, Qt.MouseButton.LeftButton)
    assert form.attachments.list.count() == 1

    add_followup(qtbot, form, "提供品牌設計資源清單", TODAY + timedelta(days=7))
    add_followup(qtbot, form, "協助聯繫公所承辦人", TODAY + timedelta(days=14))
    assert form.followup_model.rowCount() == 2
    qtmodeltester.check(form.followup_model)

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.summary_error.isVisible()
    visit_id = editor.visit_id
    saved = VisitService(ctx.services()).get(visit_id)
    assert saved.visit_date == visit_day and saved.township_code == GUANXI
    assert saved.key_visit
    assert len(saved.counselor_ids) == 2 and saved.organization_id
    assert [f.description for f in saved.followups] == ["提供品牌設計資源清單", "協助聯繫公所承辦人"]
    assert [a.filename for a in saved.attachments] == ["現場照片.jpg"]
    from counsel_desk.services.attachments import stored_path  # keyed name when the database is encrypted

    assert stored_path(ctx.db.attachments_dir, saved.attachments[0].sha256, "現場照片.jpg").exists()
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    form.attachments.list.setCurrentRow(0)
    qtbot.mouseClick(form.attachments.open_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1 and Path(opened[0]).read_bytes() == b"\xff\xd8 photo bytes"  # plain, for the viewer
    if ctx.db.key is None:
        assert opened == [str(ctx.db.attachments_dir / f"{saved.attachments[0].sha256}.jpg")]
    else:  # sealed in the folder; the viewer gets a private temporary copy under the original name
        assert Path(opened[0]).name == "現場照片.jpg" and oct(Path(opened[0]).stat().st_mode)[-3:] == "600"
    if editor.support_button.isVisible():  # the workstations area's dialog, given this visit
        qtbot.mouseClick(editor.support_button, Qt.MouseButton.LeftButton)
        assert editor.support_dialog.visit_id == visit_id
        editor.support_dialog.reject()

    # the list shows it, in ROC dates
    assert page.model.rowCount() == 1
    qtmodeltester.check(page.model)
    assert page.model.index(0, 0).data() == roc_date(visit_day)
    assert page.model.index(0, 3).data() == "山海咖啡館"
    assert page.model.index(0, 7).data() == "2"
    qtbot.mouseClick(editor.close_button, Qt.MouseButton.LeftButton)
    assert not page.host.editors

    # edit: double-click the row, change the findings, save
    rect = page.view.visualRect(page.model.index(0, 3))
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = page.host.editors[visit_id]
    type_text(editor.form.texts["issues"], "行銷通路不足")
    assert editor.isWindowModified()
    qtbot.mouseClick(editor.save_close_button, Qt.MouseButton.LeftButton)
    assert not page.host.editors
    assert VisitService(ctx.services()).get(visit_id).issues == "行銷通路不足"

    # Enter on a row opens it too
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert visit_id in page.host.editors
    assert page.host.editors[visit_id].close()

    # search by a Chinese word of the findings (2 characters, then 4)
    type_text(page.search, "咖啡")
    assert page.model.rowCount() == 1
    type_text(page.search, "烘焙")
    assert page.model.rowCount() == 1
    page.search.clear()
    type_text(page.search, "稻米")
    assert page.model.rowCount() == 0
    page.search.clear()

    # delete from the editor, then undo from the list
    page.view.selectRow(0)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    editor = page.host.editors[visit_id]
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 0
    assert page.undo_bar.isVisible() and "山海咖啡館" in page.undo_bar.label.text()
    qtbot.mouseClick(page.undo_bar.undo_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 1 and not page.undo_bar.isVisible()
    assert len(VisitService(ctx.services()).get(visit_id).followups) == 2


def test_audit_entries_for_create_update_delete(qtbot, page, ctx):
    from sqlalchemy import text

    vs = VisitService(ctx.services())
    me = PeopleService(ctx.services()).counselor_named("測試輔導員")
    vid = vs.create(VisitData(visit_date=TODAY, county_code=HSINCHU, township_code=GUANXI, counselor_ids=[me]))
    data = vs.get(vid)
    data.notes = "補充"
    vs.update(vid, data)
    vs.delete(vid)
    with ctx.db.session() as s:
        rows = s.connection().execute(text("SELECT action, actor FROM audit_log WHERE entity='site_visit' "
                                           "AND entity_id=:v ORDER BY seq"), {"v": vid}).all()
    assert rows == [("create", "測試輔導員"), ("update", "測試輔導員"), ("delete", "測試輔導員")]


def test_validation_messages_appear_next_to_the_fields(qtbot, page):
    editor = open_new_editor(qtbot, page)
    form = editor.form
    form.visit_date.clear()
    qtbot.keyClicks(form.visit_date, "115/02/30")
    for i in range(form.counselors.count()):
        form.counselors.item(i).setCheckState(Qt.CheckState.Unchecked)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.summary_error.isVisible()
    assert "不存在的日期" in form.errors["visit_date"].text() and form.errors["visit_date"].isVisible()
    # named with the date at once, not only once the date is mended
    assert "請選擇縣市" in form.errors["county_code"].text() and "輔導員" in form.errors["counselor_ids"].text()
    form.visit_date.clear()
    qtbot.keyClicks(form.visit_date, "2199-01-01")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "太遠了" in form.errors["visit_date"].text()
    assert "請選擇縣市" in form.errors["county_code"].text()
    assert "請選擇鄉鎮市區" in form.errors["township_code"].text()
    assert "輔導員" in form.errors["counselor_ids"].text()
    choose(form.county, HSINCHU)
    assert not form.errors["county_code"].isVisible(), "editing a field clears its message"
    assert editor.visit_id is None


def test_a_draft_is_autosaved_and_offered_back_after_a_crash(qtbot, page, ctx, asked):
    answers, calls = asked
    editor = open_new_editor(qtbot, page)
    choose(editor.form.county, HSINCHU)
    choose(editor.form.township, GUANXI)
    type_text(editor.form.texts["findings"], "停電前打的紀錄：茶園轉型")
    editor.form.followup_model.set_rows([FollowUpDraft("回訪茶農", due_date=TODAY + timedelta(days=3))])
    drafts = DraftStore.for_database(ctx.db.path)
    editor.autosave_timer.setInterval(20)
    qtbot.waitUntil(lambda: len(drafts.all("visit")) == 1, timeout=3000)
    # the crash: the process dies, nothing is closed or saved
    editor.autosave_timer.stop()
    editor.hide()

    ctx2 = AppContext(ctx.db, ctx.settings)
    answers.append(True)  # "Restore it?" → yes
    page2 = VisitListPage(ctx2)
    qtbot.addWidget(page2)
    page2.show()
    qtbot.waitUntil(lambda: bool(page2.host.editors), timeout=3000)
    assert any("未儲存" in c or "not saved" in c for c in calls)
    (restored,) = page2.host.editors.values()
    form = restored.form
    assert form.texts["findings"].toPlainText() == "停電前打的紀錄：茶園轉型"
    assert form.township.currentData() == GUANXI
    assert form.followup_model.drafts[0].description == "回訪茶農"
    assert restored.has_unsaved_changes()
    qtbot.mouseClick(restored.save_close_button, Qt.MouseButton.LeftButton)
    assert drafts.all("visit") == []
    assert page2.model.rowCount() == 1


def test_closing_with_unsaved_changes_asks(qtbot, page, ctx, asked):
    answers, calls = asked
    editor = open_new_editor(qtbot, page)
    type_text(editor.form.texts["notes"], "還沒存")
    editor.autosave()
    answers.append(QMessageBox.StandardButton.Cancel)
    assert page.can_close() is False and editor.isVisible()
    assert "not saved" in calls[-1] or "未儲存" in calls[-1]
    answers.append(QMessageBox.StandardButton.Discard)
    assert page.can_close() is True
    assert DraftStore.for_database(ctx.db.path).all() == []


def test_apply_filter_from_the_dashboard_map(qtbot, page, ctx):
    vs = VisitService(ctx.services())
    me = PeopleService(ctx.services()).counselor_named("測試輔導員")
    other_town = vs.townships(HSINCHU)[0].id
    for town in (GUANXI, other_town):
        vs.create(VisitData(visit_date=TODAY, county_code=HSINCHU, township_code=town, counselor_ids=[me]))
    ctx.visits_changed.emit()
    assert page.model.rowCount() == 2
    page.apply_filter({"township_code": GUANXI})
    assert page.filters.county.currentData() == HSINCHU and page.filters.township.currentData() == GUANXI
    assert page.model.rowCount() == 1 and page.model.index(0, 2).data() == "關西鎮"
    page.apply_filter({"date_from": TODAY + timedelta(days=1), "date_to": TODAY + timedelta(days=2)})
    assert page.model.rowCount() == 0 and page.filters.county.currentData() is None
    assert page.current_list_model() is page.model


def test_header_click_sorts_in_sql(qtbot, qtmodeltester, page, ctx):
    vs = VisitService(ctx.services())
    me = PeopleService(ctx.services()).counselor_named("測試輔導員")
    for n, name in enumerate(("乙單位", "甲單位", "丙單位")):
        vs.create(VisitData(visit_date=TODAY - timedelta(days=n), county_code=HSINCHU, township_code=GUANXI,
                            counselor_ids=[me], visited_name=name))
    ctx.visits_changed.emit()
    assert [page.model.index(r, 3).data() for r in range(3)] == ["乙單位", "甲單位", "丙單位"]
    header = page.view.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(3) + 5, header.height() // 2))
    assert [page.model.index(r, 3).data() for r in range(3)] == sorted(["乙單位", "甲單位", "丙單位"])
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(0) + 5, header.height() // 2))
    dates = [page.model.index(r, 0).data() for r in range(3)]
    assert dates in (sorted(dates), sorted(dates, reverse=True))
    qtmodeltester.check(page.model)


def test_a_long_list_shows_its_first_rows_then_the_rest(qtbot, qtmodeltester, ctx, asked, monkeypatch):
    from counsel_desk.ui.visits.progressive_model import ProgressiveIdModel

    monkeypatch.setattr(ProgressiveIdModel, "FIRST", 2)
    vs = VisitService(ctx.services())
    me = PeopleService(ctx.services()).counselor_named("測試輔導員")
    for n in range(5):
        vs.create(VisitData(visit_date=TODAY - timedelta(days=n), county_code=HSINCHU, township_code=GUANXI,
                            counselor_ids=[me], visited_name=f"單位{n}"))
    page = VisitListPage(ctx)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 2 and page.model.loading
    assert len(page.model.ids) == 5, "an export while loading still gets every visit"
    with qtbot.waitSignal(page.model.reloaded, timeout=5000):
        page.show()
    assert page.model.rowCount() == 5 and not page.model.loading
    assert [page.model.index(r, 3).data() for r in range(5)] == [f"單位{n}" for n in range(5)]
    assert page.count_label.text().startswith("共 5") or "5" in page.count_label.text()
    qtmodeltester.check(page.model)


def _new_visit_with_purpose(qtbot, page, monkeypatch):
    """A new visit's editor filled in enough to save, and the list that collects the words of every error box."""
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, exc, title=None: shown.append(messages.describe(exc)))
    editor = open_new_editor(qtbot, page)
    choose(editor.form.county, HSINCHU)
    choose(editor.form.township, GUANXI)
    type_text(editor.form.purpose, "了解返鄉青年創業需求")
    return editor, shown


def test_a_save_while_another_program_writes_waits_in_sight_and_goes_through(qtbot, page, ctx, monkeypatch):
    """An import in another window holds the database: her save waits with a window saying so (the app
    stays responsive meanwhile) and goes through by itself the moment the import ends; nothing to retype."""
    import threading

    editor, shown = _new_visit_with_purpose(qtbot, page, monkeypatch)

    holder = hold_write_lock(ctx.db)
    seen: list[tuple[str, str]] = []

    def look() -> None:  # runs inside the wait: the window still handles events
        seen.extend((d.windowTitle(), d.labelText()) for d in waiting_dialogs())
        threading.Timer(0.2, release, (holder,)).start()  # then the import ends

    QTimer.singleShot(1500, look)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert seen and "另一個匯入或程式正在寫入資料庫" in seen[0][1] and "輸入的內容都還在" in seen[0][1], seen
    assert shown == [] and editor.saved_label.text().startswith("已儲存 "), shown
    assert waiting_dialogs() == []
    assert VisitService(ctx.services()).get(editor.visit_id).purpose == "了解返鄉青年創業需求"


def test_a_save_she_stops_waiting_for_says_so_in_words_and_keeps_her_text(qtbot, page, ctx, monkeypatch):
    """She stops waiting (「不等了」): nothing is saved, she reads why, and what she typed is still there;
    saved again once the import is over, it goes in."""
    editor, shown = _new_visit_with_purpose(qtbot, page, monkeypatch)
    form = editor.form
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    visit_id = editor.visit_id

    holder = hold_write_lock(ctx.db)
    seen: list[tuple[str, str]] = []
    try:
        type_text(form.purpose, "，並介紹青年培力工作站")
        stop_waiting_soon(seen)
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
        assert [button for _text, button in seen] == ["不等了"], seen
        assert len(shown) == 1, shown
        assert "另一個匯入或程式寫入中" in shown[0] and "畫面上輸入的內容都還在" in shown[0]
        assert "OperationalError" not in shown[0] and "Something went wrong" not in shown[0]
        assert editor.isVisible() and form.purpose.text() == "了解返鄉青年創業需求，並介紹青年培力工作站"
        assert VisitService(ctx.services()).get(visit_id).purpose == "了解返鄉青年創業需求"
    finally:
        release(holder)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)  # once the import has finished
    assert len(shown) == 1
    assert VisitService(ctx.services()).get(visit_id).purpose == "了解返鄉青年創業需求，並介紹青年培力工作站"


def test_a_lock_taken_between_the_question_and_the_save_waits_then_says_so(qtbot, page, ctx, monkeypatch):
    """Another program takes the lock just after the save asked whether it was free: SQLite's own wait
    applies (shortened here), then the same words, her text kept."""
    from counsel_desk.store import database

    editor, shown = _new_visit_with_purpose(qtbot, page, monkeypatch)
    form = editor.form
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    ctx.db.engine.dispose()  # connections from now on wait this long for a lock
    monkeypatch.setattr(type(ctx.db), "writer_busy", lambda self: False)  # free when asked…
    holder = hold_write_lock(ctx.db)  # …taken right after
    try:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
        assert len(shown) == 1 and "另一個匯入或程式寫入中" in shown[0] and "畫面上輸入的內容都還在" in shown[0], shown
        assert editor.isVisible() and form.purpose.text() == "了解返鄉青年創業需求"
    finally:
        release(holder)


def test_a_visit_saved_by_someone_else_meanwhile_is_decided_field_by_field(qtbot, page, ctx, monkeypatch):
    """Two people edit one visit (as on a shared server): the second save shows both values side by side;
    she keeps her findings and takes the colleague's purpose — nothing is silently overwritten."""
    from counsel_desk.ui.widgets import conflict_dialog

    vs = VisitService(ctx.services())
    me = PeopleService(ctx.services()).counselor_named("測試輔導員")
    vid = vs.create(VisitData(visit_date=TODAY, county_code=HSINCHU, township_code=GUANXI, counselor_ids=[me],
                              purpose="了解需求", findings="老屋改建"))
    editor = VisitEditor(ctx, visit_id=vid)
    qtbot.addWidget(editor)
    editor.form.texts["findings"].setPlainText("老屋改建為民宿")
    editor.form.purpose.setText("我的目的")
    colleague = VisitService(type(ctx.services())(ctx.db.session_factory, "林美玲", "north"))
    theirs = colleague.get(vid)
    theirs.purpose, theirs.findings = "同仁改的目的", "同仁改的發現"
    colleague.update(vid, theirs)
    shown: list = []

    def decide(dialog) -> int:
        shown.append({b.objectName(): b.text() for g in dialog.groups.values() for b in g.buttons()})
        dialog.choose("purpose", theirs=True)
        return 1

    monkeypatch.setattr(conflict_dialog.ConflictDialog, "exec", decide)
    assert editor.save()
    assert shown == [{"purpose_mine": "我的目的", "purpose_theirs": "同仁改的目的",
                      "findings_mine": "老屋改建為民宿", "findings_theirs": "同仁改的發現"}]
    stored = vs.get(vid)
    assert (stored.purpose, stored.findings, stored.version) == ("同仁改的目的", "老屋改建為民宿", 3)
    assert editor.form.purpose.text() == "同仁改的目的"  # the editor shows what is saved now


def test_the_count_says_one_visit_not_one_visits_in_english(qtbot, qapp, ctx, asked, monkeypatch):
    from counsel_desk.ui.startup import install_translators

    me = PeopleService(ctx.services()).counselor_named("測試輔導員")
    VisitService(ctx.services()).create(VisitData(visit_date=TODAY, county_code=HSINCHU, township_code=GUANXI,
                                                  counselor_ids=[me]))
    monkeypatch.setenv("COUNSEL_DESK_LANG", "en")
    install_translators(qapp, "en")
    try:
        p = VisitListPage(ctx)
        qtbot.addWidget(p)
        p.show()
        qtbot.waitUntil(lambda: p.count_label.text() == "1 visit")
    finally:
        install_translators(qapp, "zh_TW")


def test_a_followup_due_before_its_visit_is_refused_in_its_dialog(qtbot, page):
    """The dialog knows the visit's date: a due date before it is named at once, next to the field."""
    editor = open_new_editor(qtbot, page)
    form = editor.form
    form.visit_date.clear()
    qtbot.keyClicks(form.visit_date, "115/11/20")
    qtbot.mouseClick(form.add_followup_button, Qt.MouseButton.LeftButton)
    dialog = form.followup_dialog
    type_text(dialog.description, "寄送補助辦法")
    qtbot.keyClicks(dialog.due, "115/11/01")
    ok(dialog)
    assert dialog.isVisible(), "refused: the dialog stays open"
    assert "期限 115/11/01 早於訪視日期 115/11/20" in dialog.errors["due_date"].text()
    assert form.followup_model.rowCount() == 0
    dialog.due.clear()
    qtbot.keyClicks(dialog.due, "115/11/27")
    ok(dialog)
    assert not dialog.isVisible() and form.followup_model.rowCount() == 1


def test_the_saved_label_goes_once_the_visit_changes_again(qtbot, page):
    """「已儲存 HH:MM」 says the form is what is stored: a follow-up added after the save makes it untrue."""
    editor = open_new_editor(qtbot, page)
    form = editor.form
    choose(form.county, HSINCHU)
    choose(form.township, GUANXI)
    type_text(form.purpose, "了解返鄉青年創業需求")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.saved_label.text().startswith("已儲存 ")
    assert not editor.isWindowModified()

    add_followup(qtbot, form, "提供品牌設計資源清單", TODAY + timedelta(days=7))
    assert form.followup_model.rowCount() == 1
    assert editor.isWindowModified()
    assert not editor.saved_label.text().startswith("已儲存"), editor.saved_label.text()


def test_the_red_banner_goes_once_the_marked_fields_are_fixed(qtbot, page):
    editor = open_new_editor(qtbot, page)
    form = editor.form
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.summary_error.isVisibleTo(editor)
    assert editor.summary_error.text() == "尚未儲存：請修正以紅字標示的欄位。"
    choose(form.county, HSINCHU)
    assert editor.summary_error.isVisibleTo(editor), "the township is still marked: the banner stays"
    marked = [f for f, e in form.errors.items() if e.isVisibleTo(form)]
    assert marked, "the fields to fix are marked"
    choose(form.county, HSINCHU)
    choose(form.township, GUANXI)
    type_text(form.purpose, "了解返鄉青年創業需求")
    assert [f for f, e in form.errors.items() if e.isVisibleTo(form)] == []
    assert not editor.summary_error.isVisibleTo(editor), "nothing is marked any more: the banner goes"


def test_a_wait_whose_window_goes_away_ends_unsaved_instead_of_hanging(qtbot, ctx):
    """The window she saved from is closed and deleted while the save waits (it takes the wait's window
    along): the wait ends, the save is not made, nothing hangs."""
    from PySide6.QtWidgets import QWidget

    from counsel_desk.ui.writer_wait import wait_for_writer

    window = QWidget()
    window.show()
    make_active(qtbot, window)
    holder = hold_write_lock(ctx.db)
    try:
        QTimer.singleShot(1200, window.deleteLater)
        assert wait_for_writer(ctx.db) is False
    finally:
        release(holder)
    assert wait_for_writer(ctx.db) is True  # free again: at once

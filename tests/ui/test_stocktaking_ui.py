"""Township stocktaking driven like a counselor would: tag a visit's 推動課題 in the editor, see the township's
status and the map's shading change on the dashboard, open the township panel and set the status by a note."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox

from counsel_desk.models.enums import TownshipStatus
from counsel_desk.services.places import issue_topics, stocktaking
from counsel_desk.services.people.people import PeopleService
from counsel_desk.services.visits.visits import VisitData, VisitService
from counsel_desk.ui.dashboard.map_widget import STATUS_COLORS
from counsel_desk.ui.visits.list_page import VisitListPage

HSINCHU, GUANXI = "10004", "10004040"
TODAY = date.today()
TIMEOUT = 10_000


@pytest.fixture
def ctx(app_context, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    people = PeopleService(app_context.services())
    app_context.counselor = people.create_counselor("測試輔導員").id
    return app_context


@pytest.fixture
def dashboard(qtbot, ctx):
    from counsel_desk.ui.dashboard.page import DashboardPage

    page = DashboardPage(ctx, None, today=lambda: TODAY)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.refreshed, timeout=TIMEOUT):
        page.resize(1100, 800)
        page.show()
    qtbot.waitExposed(page)
    return page


def test_tagging_a_visits_topics_moves_the_township_on_the_status_map(qtbot, ctx, dashboard):
    # the map shaded by status: 關西鎮 has nothing yet
    with qtbot.waitSignal(dashboard.refreshed, timeout=TIMEOUT):
        dashboard.shade_box.setCurrentIndex(dashboard.shade_box.findData("status"))
    assert dashboard.map.status(GUANXI) is TownshipStatus.NOT_STARTED
    assert dashboard.map.color_for(GUANXI) == QColor(STATUS_COLORS[TownshipStatus.NOT_STARTED])
    assert "未啟動" in dashboard.map.text_for(GUANXI)

    # a visit to 關西鎮, its 推動課題 ticked in the editor
    visit_id = VisitService(ctx.services()).save(VisitData(
        visit_date=TODAY - timedelta(days=1), county_code=HSINCHU, township_code=GUANXI,
        counselor_ids=[ctx.counselor], visited_name="關西鎮公所"))
    page = VisitListPage(ctx)
    qtbot.addWidget(page)
    editor = page.open_visit(visit_id)
    qtbot.waitExposed(editor)
    picker = editor.form.topics
    by_name = {a.text().split("（")[0]: a for a in picker.actions_by_id.values()}
    by_name["地方共識不足"].trigger()
    by_name["人才不足"].trigger()
    assert "地方共識不足、人才不足" in picker.chosen.full_text
    with qtbot.waitSignal(dashboard.refreshed, timeout=TIMEOUT):  # visits_changed reloads the dashboard
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    stored = VisitService(ctx.services()).get(visit_id).topic_ids
    assert {t.name for t in issue_topics.topics(ctx.services()) if t.id in stored} == {"地方共識不足", "人才不足"}
    assert dashboard.map.status(GUANXI) is TownshipStatus.CONTACT
    assert dashboard.map.color_for(GUANXI) == QColor(STATUS_COLORS[TownshipStatus.CONTACT])

    # the township panel: its topics and history; a dated note sets the status and the map follows
    dialog = dashboard.open_township(GUANXI)
    qtbot.waitExposed(dialog)
    topics = [dialog.topic_list.item(i).text() for i in range(dialog.topic_list.count())]
    assert any("地方共識不足" in t and "1" in t for t in topics)
    assert "接觸中" in dialog.status_label.text()
    dialog.status_box.setCurrentIndex(dialog.status_box.findData(TownshipStatus.COUNSELING.value))
    qtbot.mouseClick(dialog.note_button, Qt.MouseButton.LeftButton)  # no reason written: refused, nothing saved
    assert "理由" in dialog.note_error.text()
    assert dashboard.map.status(GUANXI) is TownshipStatus.CONTACT
    dialog.note_text.setText("公所成立創生小組")
    with qtbot.waitSignal(dashboard.refreshed, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.note_button, Qt.MouseButton.LeftButton)
    assert dashboard.map.status(GUANXI) is TownshipStatus.COUNSELING
    assert dashboard.map.color_for(GUANXI) == QColor(STATUS_COLORS[TownshipStatus.COUNSELING])
    assert "輔導中" in dialog.status_label.text() and "接觸中" in dialog.status_label.text()
    history = [dialog.history.item(i).text() for i in range(dialog.history.count())]
    assert any("公所成立創生小組" in h for h in history) and any("關西鎮公所" in h for h in history)
    dialog.close()

    # back to the visit counts: the same map, shaded by visits again
    dashboard.shade_box.setCurrentIndex(dashboard.shade_box.findData("visits"))
    assert dashboard.map.statuses is None and "1" in dashboard.map.text_for(GUANXI)


def test_a_set_status_lapses_when_a_proposal_moves_the_township_on(qtbot, ctx, dashboard):
    from counsel_desk.services.proposals.drafts import ProposalFields
    from counsel_desk.services.proposals.editing import create_proposal

    VisitService(ctx.services()).save(VisitData(
        visit_date=TODAY - timedelta(days=5), county_code=HSINCHU, township_code=GUANXI,
        counselor_ids=[ctx.counselor], visited_name="關西鎮公所"))
    with qtbot.waitSignal(dashboard.refreshed, timeout=TIMEOUT):
        dashboard.shade_box.setCurrentIndex(dashboard.shade_box.findData("status"))
    dialog = dashboard.open_township(GUANXI)
    qtbot.waitExposed(dialog)
    dialog.status_box.setCurrentIndex(dialog.status_box.findData(TownshipStatus.FILED.value))
    dialog.note_date.set_date(TODAY - timedelta(days=3))
    dialog.note_text.setText("公所說已提報")
    with qtbot.waitSignal(dashboard.refreshed, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.note_button, Qt.MouseButton.LeftButton)
    assert dashboard.map.status(GUANXI) is TownshipStatus.FILED

    # a proposal for 關西 is recorded after the note: the records now say 輔導中, and the note no longer counts
    create_proposal(ctx.services(), ProposalFields(title="關西仙草共好", county_code=HSINCHU, township_code=GUANXI))
    with qtbot.waitSignal(dashboard.refreshed, timeout=TIMEOUT):
        ctx.proposals_changed.emit()
    assert dashboard.map.status(GUANXI) is TownshipStatus.COUNSELING
    assert dashboard.map.color_for(GUANXI) == QColor(STATUS_COLORS[TownshipStatus.COUNSELING])
    dialog.refresh()
    status = dialog.status_label.text()
    assert "輔導中" in status and "已提報" in status and "失效" in status and "關西仙草共好" in status
    history = [dialog.history.item(i).text() for i in range(dialog.history.count())]
    assert any("失效" in h and "關西仙草共好" in h for h in history)
    dialog.close()


def test_a_status_note_recorded_elsewhere_reshades_the_map(qtbot, ctx, dashboard):
    # (on a server, a colleague's note arrives as reports_changed: township_status_note is a 'reports' kind)
    with qtbot.waitSignal(dashboard.refreshed, timeout=TIMEOUT):
        dashboard.shade_box.setCurrentIndex(dashboard.shade_box.findData("status"))
    assert dashboard.map.status(GUANXI) is TownshipStatus.NOT_STARTED
    stocktaking.note_status(ctx.services(), GUANXI, TownshipStatus.WRITING.value, TODAY, "同事記錄：公所開始撰寫")
    with qtbot.waitSignal(dashboard.refreshed, timeout=TIMEOUT):
        ctx.reports_changed.emit()
    assert dashboard.map.status(GUANXI) is TownshipStatus.WRITING
    assert dashboard.map.color_for(GUANXI) == QColor(STATUS_COLORS[TownshipStatus.WRITING])


def test_a_status_note_while_another_program_writes_waits_in_sight(qtbot, ctx, dashboard):
    """The township panel's note goes the same way as an editor's save (ui/writer_wait.py): while an import in
    another window holds the database, it waits with a window; she stops waiting and reads why, nothing noted."""
    from tests.ui.conftest import hold_write_lock, release, stop_waiting_soon

    dialog = dashboard.open_township(GUANXI)
    qtbot.waitExposed(dialog)
    dialog.status_box.setCurrentIndex(dialog.status_box.findData(TownshipStatus.COUNSELING.value))
    dialog.note_text.setText("公所成立創生小組")
    holder = hold_write_lock(ctx.db)
    waited: list[tuple[str, str]] = []
    try:
        stop_waiting_soon(waited)
        qtbot.mouseClick(dialog.note_button, Qt.MouseButton.LeftButton)
    finally:
        release(holder)
    assert waited and "另一個匯入或程式正在寫入資料庫" in waited[0][0]
    assert "另一個匯入或程式寫入中" in dialog.note_error.text()
    assert "畫面上輸入的內容都還在" in dialog.note_error.text()  # and what to do: the same words as every form's
    assert dialog.note_text.text() == "公所成立創生小組"  # what she wrote is still there
    assert not any("公所成立創生小組" in dialog.history.item(i).text() for i in range(dialog.history.count()))
    assert stocktaking.standing(ctx.services(), GUANXI).status is not TownshipStatus.COUNSELING  # nothing noted
    dialog.close()

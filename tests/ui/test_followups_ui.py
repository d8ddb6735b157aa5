"""The follow-up list: due-this-week and overdue counts, overdue rows in red, and a close dialog that
refuses to close without the follow-up date and the result."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from counsel_desk.services.visits.followups import FollowUpDraft, FollowUpService, week_bounds
from counsel_desk.services.formatting import roc_date
from counsel_desk.services.people.people import PeopleService
from counsel_desk.services.visits.visits import VisitData, VisitService
from counsel_desk.ui import messages
from counsel_desk.ui.visits.followups_page import FollowUpListPage
from tests.ui.conftest import type_text

TODAY = date.today()


@pytest.fixture
def followups(app_context, monkeypatch):
    monkeypatch.setattr(messages, "show_error", lambda *a, **k: pytest.fail(f"unexpected error box {a}"))
    services = app_context.services()
    me = PeopleService(services).create_counselor("測試輔導員").id
    visits = VisitService(services)
    town = visits.townships("10004")[0].id
    sunday = week_bounds(TODAY)[1]
    visits.create(VisitData(visit_date=TODAY - timedelta(days=30), county_code="10004", township_code=town,
                            counselor_ids=[me], visited_name="竹北青年協會", followups=[
                                FollowUpDraft("補送計畫書", owner="陳怡君", due_date=TODAY - timedelta(days=5)),
                                FollowUpDraft("確認場地", due_date=sunday),
                                FollowUpDraft("下月回訪", due_date=sunday + timedelta(days=20))]))
    return app_context


@pytest.fixture
def page(qtbot, followups):
    p = FollowUpListPage(followups)
    qtbot.addWidget(p)
    p.resize(1200, 600)
    p.show()
    qtbot.waitExposed(p)
    return p


def test_counts_and_red_overdue_rows(qtbot, qtmodeltester, page):
    assert page.overdue_button.text().endswith("1")
    assert page.week_button.text().endswith("1")
    assert page.open_label.text().endswith("3")
    assert page.model.rowCount() == 3
    qtmodeltester.check(page.model)
    first = page.model.index(0, 2)
    assert first.data() == "補送計畫書"
    assert first.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b3261e"
    assert page.model.index(1, 2).data(Qt.ItemDataRole.ForegroundRole) is None
    qtbot.mouseClick(page.overdue_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 1
    qtbot.mouseClick(page.week_button, Qt.MouseButton.LeftButton)
    assert [page.model.index(r, 2).data() for r in range(page.model.rowCount())] == ["確認場地"]


def test_close_is_refused_without_date_and_result(qtbot, page, followups):
    page.view.selectRow(0)
    fid = page.current_id()
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.waitExposed(dialog)
    dialog.followup_date.clear()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible(), "refused: no date and no result"
    assert "追蹤日期" in dialog.errors["followup_date"].text() and dialog.errors["followup_date"].isVisible()
    assert "辦理結果" in dialog.errors["result"].text()

    qtbot.keyClicks(dialog.followup_date, "115/13/01")
    type_text(dialog.result, "已補送，公所收件")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and not dialog.errors["result"].isVisible()
    assert "不存在的日期" in dialog.errors["followup_date"].text()
    service = FollowUpService(followups.services())
    assert service.get(fid).status == "open"

    dialog.followup_date.clear()
    qtbot.keyClicks(dialog.followup_date, roc_date(TODAY - timedelta(days=1)))
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    got = service.get(fid)
    assert (got.status, got.followup_date, got.result) == ("closed", TODAY - timedelta(days=1), "已補送，公所收件")
    assert page.model.rowCount() == 2 and page.overdue_button.text().endswith("0")


def test_edit_dialog_and_search(qtbot, page):
    type_text(page.search, "陳怡君")
    assert page.model.rowCount() == 1
    page.view.selectRow(0)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    dialog.description.clear()
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "請填寫要追蹤的事項" in dialog.errors["description"].text()
    type_text(dialog.description, "補送修正後計畫書")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert page.model.index(0, 2).data() == "補送修正後計畫書"


def test_open_visit_from_a_followup(qtbot, page):
    page.view.selectRow(0)
    qtbot.mouseClick(page.visit_button, Qt.MouseButton.LeftButton)
    (editor,) = page.host.editors.values()
    assert editor.form.followup_model.rowCount() == 3
    assert editor.close()

"""The counselor roster from the UI: she is on it from her first start, adds a colleague, renames and
deactivates; new visits, follow-ups and proposals start with her; "only mine" shows her follow-ups."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from counsel_desk.services.visits.followups import FollowUpDraft
from counsel_desk.services.people.people import PeopleService
from counsel_desk.services.people.roster import RosterService
from counsel_desk.services.visits.visits import VisitData, VisitService
from counsel_desk.ui import messages
from counsel_desk.ui.visits.followups_page import FollowUpListPage
from tests.ui.conftest import type_text

TODAY = date.today()


@pytest.fixture
def window(qtbot, app_context, monkeypatch):
    from counsel_desk.ui.startup import build_main_window

    monkeypatch.setattr(messages, "show_error", lambda *a, **k: pytest.fail(f"unexpected error box {a}"))
    w = build_main_window(app_context.db, app_context.settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_she_is_on_the_roster_and_adds_renames_deactivates_a_colleague(qtbot, window, monkeypatch):
    ctx = window.ctx
    assert [p.name for p in PeopleService(ctx.services()).counselors()] == ["測試輔導員"]
    window.action_roster.trigger()
    roster = window.roster_dialog
    qtbot.waitExposed(roster)
    assert roster.model.rowCount() == 1 and roster.empty.isHidden()

    qtbot.mouseClick(roster.add_button, Qt.MouseButton.LeftButton)
    dialog = roster.dialog
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.name
    type_text(dialog.name, "林美玲")
    qtbot.keyClicks(dialog.email, "mei@example.tw")
    qtbot.keyClicks(dialog.phone, "03-5551234")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() is False or dialog.errors["email"].isHidden()
    assert [roster.model.index(r, 0).data() for r in range(roster.model.rowCount())] == ["林美玲", "測試輔導員"]
    assert roster.current().name == "林美玲"

    qtbot.mouseClick(roster.edit_button, Qt.MouseButton.LeftButton)
    dialog = roster.dialog
    dialog.email.clear()
    qtbot.keyClicks(dialog.email, "bad address")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and "電子郵件" in dialog.errors["email"].text()
    dialog.email.clear()
    qtbot.keyClicks(dialog.email, "mei@example.org")
    dialog.name.clear()
    type_text(dialog.name, "林美玲（竹北）")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()
    assert roster.model.index(0, 0).data() == "林美玲（竹北）"
    assert roster.model.index(0, 1).data() == "mei@example.org"

    assert roster.active_button.text() == "停用"
    qtbot.mouseClick(roster.active_button, Qt.MouseButton.LeftButton)
    assert [p.name for p in PeopleService(ctx.services()).counselors()] == ["測試輔導員"]
    assert roster.model.rowCount() == 1  # deactivated ones hidden until asked for
    roster.show_inactive.setChecked(True)
    assert roster.model.index(1, 3).data() == "停用"


@pytest.mark.parametrize("email, phone, wrong", [
    ("bob@", "03-5551234", "email"),
    ("bob@example", "", "email"),
    ("bob@example.org", "abc", "phone"),
    ("bob@example.org", "03-555abc", "phone"),
    ("bob@example.org", "+ - ()", "phone"),
])
def test_an_address_or_phone_that_cannot_be_one_is_refused_with_the_whole_reason(qtbot, window, email, phone, wrong):
    window.action_roster.trigger()
    roster = window.roster_dialog
    qtbot.mouseClick(roster.add_button, Qt.MouseButton.LeftButton)
    dialog = roster.dialog
    qtbot.waitExposed(dialog)
    type_text(dialog.name, "王小明")
    qtbot.keyClicks(dialog.email, email)
    qtbot.keyClicks(dialog.phone, phone)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible(), "refused: the dialog stays"
    error = dialog.errors[wrong]
    qtbot.waitUntil(error.isVisible)
    assert ("電子郵件" if wrong == "email" else "電話") in error.text()
    assert "王小明" not in [e.name for e in RosterService(window.ctx.services()).entries()]
    # she reads the whole reason: the label is as tall as its wrapped text and inside the dialog
    qtbot.waitUntil(lambda: error.height() >= error.heightForWidth(error.width()))
    bottom = error.mapTo(dialog, error.rect().bottomRight())
    assert dialog.rect().contains(bottom), (bottom, dialog.size())
    dialog.reject()


@pytest.mark.parametrize("phone", ["03-5551234", "+886 3 555 1234", "(03) 555-1234 分機 12", "0912-345-678 #3",
                                   "03-5551234 ext. 12", "０３－５５５１２３４"])
def test_phone_numbers_as_people_write_them_are_taken(phone):
    from counsel_desk.services.people.roster import phone_problem

    assert phone_problem(phone) is None


def test_someone_with_records_cannot_be_removed(qtbot, window, monkeypatch):
    ctx = window.ctx
    me = PeopleService(ctx.services()).counselor_named(ctx.actor)
    visits = VisitService(ctx.services())
    town = visits.townships("10004")[0].id
    visits.create(VisitData(visit_date=TODAY, county_code="10004", township_code=town, counselor_ids=[me],
                            visited_name="竹北青年協會"))
    RosterService(ctx.services()).add("誤加的人")
    roster = window.show_roster()
    qtbot.waitExposed(roster)
    roster.view.selectRow(0)
    assert roster.current().name == "測試輔導員"
    assert roster.model.index(0, 4).data() == "1"
    assert not roster.remove_button.isEnabled()
    roster.view.selectRow(1)
    assert roster.remove_button.isEnabled()
    asked = []
    monkeypatch.setattr(messages, "ask", lambda parent, text, do, dont=None, title=None: asked.append((do, dont)) or True)
    qtbot.mouseClick(roster.remove_button, Qt.MouseButton.LeftButton)
    assert asked == [("移除", "保留")]
    assert [e.name for e in RosterService(ctx.services()).entries()] == ["測試輔導員"]


def test_new_visit_followup_and_proposal_start_with_her(qtbot, window):
    ctx = window.ctx
    me = PeopleService(ctx.services()).counselor_named(ctx.actor)
    RosterService(ctx.services()).add("林美玲")
    visits = window.show_page("visits")
    visits.new_record()
    (editor,) = visits.host.editors.values()
    qtbot.waitExposed(editor)
    form = editor.form
    assert form.checked(form.counselors) == [me]
    form.add_followup()
    dialog = form.followup_dialog
    assert dialog.owner.currentText() == "測試輔導員"
    assert [dialog.owner.itemText(i) for i in range(dialog.owner.count())] == ["", "林美玲", "測試輔導員"]
    dialog.reject()
    editor.close()

    proposals = window.show_page("proposals")
    proposals.new_record()
    assert proposals.editor.applicant.counselor.currentData() == me


def test_only_mine_shows_the_followups_she_owns(qtbot, window):
    ctx = window.ctx
    me = PeopleService(ctx.services()).counselor_named(ctx.actor)
    visits = VisitService(ctx.services())
    town = visits.townships("10004")[0].id
    visits.create(VisitData(visit_date=TODAY - timedelta(days=3), county_code="10004", township_code=town,
                            counselor_ids=[me], visited_name="竹北青年協會", followups=[
                                FollowUpDraft("補送計畫書", owner="測試輔導員", due_date=TODAY + timedelta(days=3)),
                                FollowUpDraft("聯絡公所", owner="公所承辦人", due_date=TODAY + timedelta(days=3))]))
    page: FollowUpListPage = window.show_page("followups")
    assert page.model.rowCount() == 2
    page.mine.setChecked(True)
    assert [page.model.index(r, 2).data() for r in range(page.model.rowCount())] == ["補送計畫書"]
    assert page.open_label.text().endswith("1")
    page.mine.setChecked(False)
    assert page.model.rowCount() == 2

"""The workstation page driven through its widgets: register, budget cap, personnel rule, support records."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from counsel_desk.services.workstations import workstations as ws_service
from counsel_desk.services.people.people import PeopleService
from counsel_desk.services.visits.visits import VisitData, VisitService
from tests.ui.conftest import Button, type_text
from tests.ui.ws_helpers import choose, click


@pytest.fixture(autouse=True)
def yes_to_questions(message_boxes):
    message_boxes.questions = Button.Yes  # "delete …?" and the like


@pytest.fixture
def counselor(app_context):
    return PeopleService(app_context.services()).create_counselor("測試輔導員")


@pytest.fixture
def page(qtbot, app_context, counselor):
    from counsel_desk.ui.workstations.list_page import WorkstationListPage

    p = WorkstationListPage(app_context)
    qtbot.addWidget(p)
    p.resize(1200, 900)
    p.show()
    return p


def register(qtbot, page, staff: str = "2") -> str:
    click(qtbot, page.new_button)
    assert page.is_showing_station()
    form = page.station.form
    # a place the station needs: the empty boxes say what goes in them (they were blank)
    assert form.county.currentText() == "" and form.county.placeholderText() == "請選擇縣市…"
    assert form.township.placeholderText() == "請選擇鄉鎮市區…"
    type_text(form.name, "關西青年培力工作站")
    type_text(form.operator_name, "社團法人關西青年協會")
    choose(form.county, "新竹縣")
    choose(form.township, "關西鎮")
    type_text(form.team_size, "6", replace=True)
    type_text(form.fulltime_staff, staff, replace=True)
    type_text(form.term_start, "115/3/1")
    click(qtbot, form.save_button)
    assert not form.error.isVisible(), form.error.text()
    assert page.station.station_id
    return page.station.station_id


def test_register_budget_cap_and_personnel_rule(qtbot, qtmodeltester, page, app_context):
    station_id = register(qtbot, page)
    view = page.station
    assert view.title.text() == "關西青年培力工作站"
    assert view.form.term_end.text() == "116/02/28"  # a 12-month term
    budget = view.budget
    assert budget.isEnabled()

    # over the NT$3,000,000 cap of the plan in force in ROC 114: refused, the message names both amounts
    budget.year.setValue(114)
    assert "3,000,000" in budget.cap_note.text() and "加速推動地方創生計畫" in budget.cap_note.text()
    type_text(budget.subsidy, "3200000")
    click(qtbot, budget.save_button)
    assert budget.error.isVisible()
    assert "NT$3,200,000" in budget.error.text() and "NT$3,000,000" in budget.error.text()
    assert ws_service.budgets(app_context.services(), station_id) == []

    # 55% personnel with two full-time staff: saved, flagged in red with the message
    type_text(budget.subsidy, "2000000", replace=True)
    type_text(budget.lines["personnel"]["planned"], "1100000")
    type_text(budget.lines["operations"]["planned"], "900000")
    type_text(budget.lines["personnel"]["disbursed"], "500000")
    type_text(budget.lines["personnel"]["reimbursed"], "400000")
    click(qtbot, budget.save_button)
    assert not budget.error.isVisible(), budget.error.text()
    assert budget.check_message.property("flagged") is True
    assert "55.0%" in budget.check_message.text() and "超過上限 50%" in budget.check_message.text()
    assert "b3261e" in budget.check_message.styleSheet()
    assert budget.check_bar.value() == 1000  # past the limit: a full red bar
    assert budget.totals["planned"].text() == "2,000,000"
    assert budget.disbursed_label.text() == "NT$500,000 / NT$2,000,000"
    qtmodeltester.check(budget.years_model)

    # the station list marks it in red too
    click(qtbot, view.back_button)
    model = page.current_list_model()
    qtmodeltester.check(model)
    assert model.rowCount() == 1
    assert model.data(model.index(0, 8)) == "55.0%"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole).color().name() == "#b3261e"

    # today's staff changes nothing about ROC 114 (judged on that year's staff) …
    page.open_station(station_id)
    type_text(view.form.fulltime_staff, "3", replace=True)
    click(qtbot, view.form.save_button)
    budget.year.setValue(114)
    assert budget.check_message.property("flagged") is True
    # … the year's own three full-time staff put the same budget within the 60% limit
    budget.staff.setValue(3)
    click(qtbot, budget.save_button)
    assert budget.check_message.property("flagged") is False
    assert "未超過上限 60%" in budget.check_message.text()
    page.show_list()
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is None


def test_evaluation_opens_the_extension_and_rules_speak_up_on_the_page(qtbot, page, app_context):
    """Source: 110 年度申請須知（如公開引述）「補助期間 12 個月；經評鑑績效良好者得延續補助一年」 and 「駐點負責人 45 歲
    以下」; the successor plan publishes no cap (unknown: saved with a warning)."""
    station_id = register(qtbot, page)
    view = page.station
    click(qtbot, view.extend_button)  # no evaluation yet: refused with the reason
    assert "尚未記錄評鑑結果" in view.form.error.text()
    budget = view.budget
    budget.year.setValue(115)
    assert "未公布上限" in budget.cap_note.text()
    type_text(budget.subsidy, "3200000")
    click(qtbot, budget.save_button)
    assert not budget.error.isVisible(), budget.error.text()
    assert "打造永續共好地方創生計畫" in budget.notices.text() and "未知" in budget.notices.text()
    choose(budget.evaluation, "績效良好")
    type_text(budget.evaluated_on, "116/2/1")
    click(qtbot, budget.evaluation_button)
    assert not budget.error.isVisible(), budget.error.text()
    years = budget.years_model
    assert years.headerData(5, Qt.Orientation.Horizontal) == "評鑑／延續"
    assert years.index(0, 5).data() == "績效良好"  # each year's 評鑑 in the years table
    click(qtbot, view.extend_button)
    station = ws_service.get_workstation(app_context.services(), station_id)
    assert (station.status, station.term_start) == ("extended", date(2027, 3, 1))
    assert view.status_label.text() == "［延續補助］"
    view.form.host_age.setValue(52)
    view.form.year_approved.setValue(114)  # approved under the seed's plan, whose notes name the age
    click(qtbot, view.form.save_button)
    assert "52 歲" in view.form.notices.text() and "申請須知" in view.form.notices.text()


def test_reimbursed_above_disbursed_is_refused(qtbot, page):
    register(qtbot, page)
    budget = page.station.budget
    type_text(budget.subsidy, "1000000")
    type_text(budget.lines["equipment"]["disbursed"], "100000")
    type_text(budget.lines["equipment"]["reimbursed"], "150000")
    click(qtbot, budget.save_button)
    assert "核銷 NT$150,000 多於撥款 NT$100,000" in budget.error.text()


def test_support_records_from_the_station_page_and_from_a_visit(qtbot, qtmodeltester, page, app_context, counselor):
    from counsel_desk.ui.workstations.support_dialog import SupportRecordDialog

    station_id = register(qtbot, page)
    view = page.station
    assert view.figure_text("support_sessions") == "0"

    click(qtbot, view.add_support_button)
    dialog = view.support_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.workstation.currentData() == station_id
    dialog.support_date.clear()
    type_text(dialog.support_date, "115/11/20")
    choose(dialog.kind, "培訓課程")
    type_text(dialog.hours, "3", replace=True)
    type_text(dialog.participants, "25", replace=True)
    type_text(dialog.topics, "社群行銷課程")
    assert dialog.counselor_ids() == [counselor.id]  # the user's own name is ticked
    with qtbot.waitSignal(app_context.support_records_changed):
        click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    assert view.figure_text("support_sessions") == "1"
    assert view.figure_text("support_hours") == "3"
    assert view.figure_text("participants") == "25"

    # a visit to the station, then a support record made from it (as the visit editor does)
    with app_context.db.session() as s:
        county, town = s.connection().execute(text("SELECT county_code, code FROM township WHERE name='關西鎮'")).one()
    visit_id = VisitService(app_context.services(), today=date(2026, 11, 26)).create(VisitData(
        visit_date=date(2026, 11, 24), county_code=county, township_code=town, counselor_ids=[counselor.id],
        workstation_id=station_id, visited_name="關西工作站", purpose="駐點進度訪視"))
    app_context.visits_changed.emit()
    assert view.figure_text("visits") == "1"
    from_visit = SupportRecordDialog(app_context, view, visit_id=visit_id)
    qtbot.addWidget(from_visit)
    from_visit.open()
    assert from_visit.support_date.text() == "115/11/24"
    assert from_visit.workstation.currentData() == station_id
    assert from_visit.kind.code() == "visit"
    assert from_visit.visit_label.text() == "115/11/24 關西工作站"
    assert from_visit.counselor_ids() == [counselor.id]
    with qtbot.waitSignal(app_context.support_records_changed):
        click(qtbot, from_visit.save_button)
    assert view.figure_text("support_sessions") == "2"
    assert view.figure_text("support_hours") == "5"

    timeline = view.timeline_model
    qtmodeltester.check(timeline)
    kinds = [timeline.data(timeline.index(r, 1)) for r in range(timeline.rowCount())]
    assert sorted(kinds) == ["訪視", "輔導", "輔導"]
    qtmodeltester.check(view.contacts.model)


def test_contacts_and_search(qtbot, page, monkeypatch):
    register(qtbot, page)
    view = page.station
    click(qtbot, view.contacts.add_button)
    dialog = view.contacts.dialog
    type_text(dialog.name, "林小安")
    type_text(dialog.phone, "0912-345-678")
    dialog._accept()  # noqa: SLF001 — the dialog's OK without a modal exec()
    assert view.contacts.model.rowCount() == 1
    page.focus_search()
    assert not page.is_showing_station()
    type_text(page.panel.search, "關西")
    page.panel.apply()
    assert page.current_list_model().rowCount() == 1
    page.panel.search.clear()
    type_text(page.panel.search, "不存在的站")
    page.panel.apply()
    assert page.current_list_model().rowCount() == 0
    assert page.panel.count_label.text() == "0 筆"


def test_a_new_centers_support_record_says_what_it_lacks(qtbot, app_context):
    """A new center has no workstation: the support dialog opened on 「工作站」 with a blank box and answered a save
    with 「請選擇工作站」. The box now says there is none, a save says what to do, and once the center coaches a
    youth team the dialog starts on it."""
    from counsel_desk.services.outcomes import youth_teams as yt
    from counsel_desk.ui.workstations.support_dialog import SupportRecordDialog

    dialog = SupportRecordDialog(app_context)
    qtbot.addWidget(dialog)
    assert dialog.to_station.isChecked() and not dialog.workstation.isEnabled()
    assert dialog.workstation.currentText() == "" and dialog.workstation.placeholderText() == "還沒有任何工作站"
    click(qtbot, dialog.save_button)
    assert "還沒有任何工作站" in dialog.error.text() and "直接輔導青年團隊" in dialog.error.text()
    dialog.to_team.setChecked(True)
    click(qtbot, dialog.save_button)
    assert "還沒有任何青年團隊" in dialog.error.text()
    dialog.reject()

    team = yt.register_team(app_context.services(), {"name": "山海實驗室", "programme": "地方創生利他行動168",
                                                     "roc_year": 115})
    again = SupportRecordDialog(app_context)
    qtbot.addWidget(again)
    assert again.to_team.isChecked() and again.team.isEnabled()
    assert again.team.placeholderText() == "請選擇…" and again.team.findData(team.id) >= 0
    again.reject()

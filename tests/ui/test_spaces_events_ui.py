"""Public spaces (cap, linking a proposal), center events (photos) and the support-record list, via their widgets."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from counsel_desk.models import Proposal
from counsel_desk.services import base
from counsel_desk.services.workstations import spaces as space_service
from counsel_desk.services.workstations import workstations as ws_service
from counsel_desk.services.people.people import PeopleService
from counsel_desk.services.workstations.support import create_support_record
from tests.ui.conftest import Button, type_text
from tests.ui.ws_helpers import choose, click


@pytest.fixture(autouse=True)
def yes_to_questions(message_boxes):
    message_boxes.questions = Button.Yes  # "delete …?" and the like


def place(ctx, town: str) -> tuple[str, str]:
    with ctx.db.session() as s:
        return tuple(s.connection().execute(text("SELECT county_code, code FROM township WHERE name=:n"),
                                            {"n": town}).one())


def show(qtbot, page):
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    return page


def test_register_a_public_space_and_link_a_proposal(qtbot, qtmodeltester, app_context):
    from counsel_desk.ui.workstations.spaces_page import PublicSpaceListPage

    county, town = place(app_context, "關西鎮")
    with app_context.db.session() as s:
        proposal = base.create(s, Proposal(center_code="north", title="穀倉青年共創基地", applicant_type="company",
                                           county_code=county, township_code=town, route="multi"), "t", "proposal")
        s.commit()
    page = show(qtbot, PublicSpaceListPage(app_context))
    page.new_record()
    assert page.editor_title.text() == "新增公有空間"
    type_text(page.name, "關西舊穀倉")
    type_text(page.owning_agency, "關西鎮公所")
    choose(page.county, "新竹縣")
    choose(page.township, "關西鎮")
    choose(page.status, "整修中")
    type_text(page.subsidy, "5200000")
    page.year_approved.setValue(113)  # the cap is the plan in force that year: the seed's NT$5,000,000
    click(qtbot, page.save_button)
    assert "NT$5,200,000" in page.error.text() and "NT$5,000,000" in page.error.text()
    assert page.record_id is None
    type_text(page.subsidy, "4800000", replace=True)
    with qtbot.waitSignal(app_context.public_spaces_changed):
        click(qtbot, page.save_button)
    assert page.record_id and not page.error.isVisible()
    model = page.current_list_model()
    qtmodeltester.check(model)
    assert model.rowCount() == 1 and model.data(model.index(0, 4)) == "4,800,000"

    click(qtbot, page.link_button)
    picker = page.picker
    assert picker is not None and picker.isVisible()
    qtmodeltester.check(picker.model)
    type_text(picker.search, "穀倉")
    assert picker.model.rowCount() == 1 and picker.chosen_id() == proposal.id
    with qtbot.waitSignal(app_context.proposals_changed):
        click(qtbot, picker.buttons.button(picker.buttons.StandardButton.Ok))
    qtmodeltester.check(page.proposals_model)
    assert page.proposals_model.rowCount() == 1
    assert page.proposals_model.data(page.proposals_model.index(0, 0)) == "穀倉青年共創基地"
    assert model.data(model.index(0, 7)) == "1"  # the list counts the linked proposal
    assert [p.id for p in space_service.linked_proposals(app_context.services(), page.record_id)] == [proposal.id]

    page.proposals_view.selectRow(0)
    click(qtbot, page.unlink_button)
    assert page.proposals_model.rowCount() == 0


def test_center_event_with_a_photo(qtbot, qtmodeltester, app_context, tmp_path):
    from counsel_desk.ui.workstations.events_page import EventListPage

    page = show(qtbot, EventListPage(app_context))
    page.new_record()
    assert not page.add_photos_button.isEnabled()  # photos belong to a saved event
    type_text(page.event_date, "115/11/12", replace=True)
    type_text(page.title, "客庄青年交流會")
    choose(page.kind, "交流")
    type_text(page.place, "關西老街")
    choose(page.county, "新竹縣")
    choose(page.township, "關西鎮")
    type_text(page.participants, "45", replace=True)
    with qtbot.waitSignal(app_context.events_changed):
        click(qtbot, page.save_button)
    assert page.record_id and page.add_photos_button.isEnabled()
    photo = tmp_path / "合照.png"
    from PySide6.QtGui import QColor, QImage

    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#2171b5"))
    assert image.save(str(photo))
    assert page.add_photos([str(photo)]) == 1
    assert page.photos.count() == 1 and not page.photos.item(0).icon().isNull()
    model = page.current_list_model()
    qtmodeltester.check(model)
    row = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert row[:3] == ["115/11/12", "客庄青年交流會", "交流"] and row[5] == "關西鎮" and row[7] == "45" and row[8] == "1"
    page.photos.setCurrentRow(0)
    click(qtbot, page.remove_photo_button)
    assert page.photos.count() == 0


def test_support_list_filters_and_opens_records(qtbot, qtmodeltester, app_context):
    from counsel_desk.ui.workstations.support_page import SupportListPage

    sc = app_context.services()
    county, town = place(app_context, "關西鎮")
    station = ws_service.create_workstation(sc, {"name": "關西青年培力工作站", "county_code": county,
                                                 "township_code": town})
    chen = PeopleService(sc).create_counselor("陳輔導")
    lin = PeopleService(sc).create_counselor("林輔導")
    for day, kind, who in ((date(2026, 10, 3), "consultation", chen), (date(2026, 11, 5), "training", lin)):
        create_support_record(sc, {"workstation_id": station.id, "support_date": day, "kind": kind, "hours": 2,
                                   "participants": 3, "topics": f"{kind} 主題"}, [who.id])
    page = show(qtbot, SupportListPage(app_context))
    model = page.current_list_model()
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.data(model.index(0, 0)) == "115/11/05"  # newest first
    choose(page.panel.counselor, "陳輔導")
    assert model.rowCount() == 1 and model.data(model.index(0, 2)) == "諮詢"
    page.panel.clear_filters()
    type_text(page.panel.date_from, "115/11/1")
    page.panel.date_from.editingFinished.emit()
    assert model.rowCount() == 1 and model.data(model.index(0, 2)) == "培訓課程"
    page.panel.clear_filters()
    assert model.rowCount() == 2

    dialog = page.open_record(model.id_at(0))
    assert dialog.windowTitle() == "輔導紀錄" and dialog.topics.toPlainText() == "training 主題"
    type_text(dialog.hours, "4", replace=True)
    with qtbot.waitSignal(app_context.support_records_changed):
        click(qtbot, dialog.save_button)
    assert model.data(model.index(0, 3)) == "4.0"  # hours to one decimal everywhere

    dialog = page.new_record()
    click(qtbot, dialog.save_button)  # nothing chosen: the rule is shown, nothing saved
    assert dialog.isVisible() and dialog.error.isVisible()
    assert model.rowCount() == 2
    dialog.reject()


def test_an_event_in_an_indigenous_township_is_found_by_the_area_filter(qtbot, app_context):
    """培力課程 held in 尖石鄉 (山地) and a 媒合會 in 竹北市: the 原住民族地區 filter on the events list keeps the first."""
    from counsel_desk.services.workstations import events as event_service
    from counsel_desk.ui.workstations.events_page import EventListPage

    sc = app_context.services()
    for town, title, kind in (("尖石鄉", "尖石部落培力課程", "training"), ("竹北市", "竹北資源媒合會", "matchmaking")):
        county, code = place(app_context, town)
        event_service.create_event(sc, {"event_date": date(2026, 11, 5), "title": title, "kind": kind,
                                        "county_code": county, "township_code": code, "participants": 30})
    page = show(qtbot, EventListPage(app_context))
    model = page.current_list_model()
    assert model.rowCount() == 2
    assert page.panel.indigenous is not None and page.panel.indigenous.isVisible()
    choose(page.panel.indigenous, "山地原住民族")
    assert model.rowCount() == 1 and model.data(model.index(0, 1)) == "尖石部落培力課程"
    assert model.data(model.index(0, 5)) == "尖石鄉"
    choose(page.panel.indigenous, "非原住民族地區")
    assert model.rowCount() == 1 and model.data(model.index(0, 1)) == "竹北資源媒合會"


def test_support_given_directly_to_a_youth_team(qtbot, app_context):
    """The support editor gives a record to a youth team that has no workstation; the list names the team."""
    from counsel_desk.services.outcomes import youth_teams as yt
    from counsel_desk.ui.workstations.support_page import SupportListPage

    sc = app_context.services()
    county, code = place(app_context, "尖石鄉")
    team = yt.register_team(sc, {"name": "尖石山海隊", "programme": "地方創生利他行動168", "roc_year": 115,
                                 "county_code": county, "township_code": code})
    PeopleService(sc).create_counselor("陳輔導")
    page = show(qtbot, SupportListPage(app_context))
    model = page.current_list_model()
    dialog = page.new_record()
    # a center with a team and no workstation: the dialog starts on the team
    assert dialog.to_team.isChecked() and dialog.team.isVisible() and not dialog.workstation.isVisible()
    click(qtbot, dialog.to_station)
    assert dialog.workstation.isVisible() and not dialog.team.isVisible()
    click(qtbot, dialog.to_team)
    assert dialog.team.isVisible() and not dialog.workstation.isVisible() and not dialog.proposal.isVisible()
    type_text(dialog.topics, "獎勵計畫提案諮詢")
    dialog.counselors.item(0).setCheckState(Qt.CheckState.Checked)
    click(qtbot, dialog.save_button)  # no team chosen yet: said, nothing saved
    assert dialog.isVisible() and "青年團隊" in dialog.error.text()
    choose(dialog.team, "尖石山海隊（民國 115 年）")
    with qtbot.waitSignal(app_context.support_records_changed):
        click(qtbot, dialog.save_button)
    assert model.rowCount() == 1 and model.data(model.index(0, 1)) == "尖石山海隊"
    assert [s.title for s in yt.team_view(sc, team.id).supports] == ["（直接輔導團隊）"]
    choose(page.panel.indigenous, "山地原住民族")  # where the team is
    assert model.rowCount() == 1
    reopened = page.open_record(model.id_at(0))
    assert reopened.to_team.isChecked() and reopened.team.currentText() == "尖石山海隊（民國 115 年）"
    reopened.reject()

"""Outcomes and youth teams through their pages (issue 17): an outcome recorded in the form shows on
the dashboard and in the month's report; a youth team registered in the form gets a support record linked."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from counsel_desk.models import Counselor
from counsel_desk.models.enums import OutcomeKind
from counsel_desk.reports import snapshots
from counsel_desk.services import base
from counsel_desk.services.workstations import workstations as ws_service
from counsel_desk.services.period import Period
from counsel_desk.services.workstations.support import create_support_record
from tests.ui.conftest import Button, type_text
from tests.ui.ws_helpers import choose, click

TIMEOUT = 10_000


@pytest.fixture(autouse=True)
def yes_to_questions(message_boxes):
    message_boxes.questions = Button.Yes


def _place(ctx, town: str) -> tuple[str, str]:
    with ctx.db.session() as s:
        return tuple(s.connection().execute(text("SELECT county_code, code FROM township WHERE name=:n"),
                                            {"n": town}).one())


def _show(qtbot, page):
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    return page


@pytest.fixture
def station(app_context):
    county, town = _place(app_context, "關西鎮")
    return ws_service.create_workstation(app_context.services(), {
        "name": "關西青年培力工作站", "county_code": county, "township_code": town, "status": "active"})


def test_record_an_outcome_and_see_it_on_the_dashboard_and_in_the_months_report(qtbot, qtmodeltester, app_context,
                                                                                  station):
    from counsel_desk.ui.dashboard.page import DashboardPage
    from counsel_desk.ui.outcomes.outcomes_page import OutcomeListPage

    today = date.today()
    page = _show(qtbot, OutcomeListPage(app_context))
    qtmodeltester.check(page.panel.model)
    page.new_record()
    choose(page.kind, OutcomeKind.YOUTH_RETURNED.zh)
    assert page.people.isVisible() and page.registered.isVisible() and not page.amount.isVisible()
    choose(page.owner, "關西青年培力工作站")
    page.people.setValue(3)
    choose(page.registered, "已設籍")
    with qtbot.waitSignal(app_context.outcomes_changed):
        click(qtbot, page.save_button)
    assert page.error.text() == "" and page.record_id is not None
    assert page.panel.model.rowCount() == 1
    # a second one: revenue needs an amount, and says so in Chinese when it has none
    page.new_record()
    choose(page.kind, OutcomeKind.REVENUE.zh)
    assert page.amount.isVisible() and not page.people.isVisible()
    choose(page.owner, "關西青年培力工作站")
    click(qtbot, page.save_button)
    assert "營收須填寫金額" in page.error.text()
    type_text(page.amount, "250000")
    with qtbot.waitSignal(app_context.outcomes_changed):
        click(qtbot, page.save_button)
    assert page.panel.model.rowCount() == 2

    dashboard = DashboardPage(app_context, None, today=lambda: today)
    qtbot.addWidget(dashboard)
    with qtbot.waitSignal(dashboard.outcomes_card.loaded, timeout=TIMEOUT):
        dashboard.set_period("this_month")
        dashboard.resize(1100, 800)
        dashboard.show()
    card = dashboard.outcomes_card
    assert card.figure_text("youth") == "3（設籍 3）"
    assert card.figure_text("revenue") == "NT$250,000"

    report = snapshots.generate(app_context.services(), "north", Period.month(today.year, today.month),
                                prepared_by="王承辦", today=today)
    assert report.figures.outcomes.totals.youth == 3
    wb = openpyxl.load_workbook(io.BytesIO(report.xlsx), read_only=True)
    rows = {r[0]: r[1] for r in wb["成果"].iter_rows(values_only=True) if len(r) > 1 and r[0]}
    assert rows["青年返鄉"] == 3 and rows["營收"] == 250_000


def test_register_a_youth_team_and_link_a_support_record(qtbot, qtmodeltester, app_context, station):
    from counsel_desk.ui.outcomes.teams_page import YouthTeamListPage

    with app_context.db.session() as s:
        counselor = base.create(s, Counselor(center_code="north", name="王小明"), "t", "counselor")
        s.commit()
        counselor_id = counselor.id
    support = create_support_record(app_context.services(), {
        "workstation_id": station.id, "support_date": date(2026, 11, 4), "kind": "consultation", "hours": 2,
        "topics": "提案諮詢"}, [counselor_id])

    page = _show(qtbot, YouthTeamListPage(app_context))
    qtmodeltester.check(page.panel.model)
    page.new_record()
    assert not page.link_button.isEnabled()  # a new team is saved before anything is linked to it
    type_text(page.name, "山海實驗室")
    choose(page.programme, "地方創生利他行動168")
    assert page.cap.text() == "上限 NT$680,000"
    page.roc_year.setValue(115)
    type_text(page.award, "700000")
    click(qtbot, page.save_button)
    assert "680,000" in page.error.text() and page.record_id is None
    type_text(page.award, "600000", replace=True)
    with qtbot.waitSignal(app_context.youth_teams_changed):
        click(qtbot, page.save_button)
    assert page.record_id is not None and page.link_button.isEnabled()

    type_text(page.member_name, "林冠廷")
    page.member_born.setValue(2005)  # 21 in ROC 115: outside 22–45
    click(qtbot, page.add_member_button)
    assert page.members_model.rowCount() == 1
    assert "林冠廷" in page.warnings.text() and "22–45" in page.warnings.text()
    type_text(page.member_name, "陳宜蓁")
    page.member_born.lineEdit().selectAll()
    qtbot.keyClicks(page.member_born, "84")  # 民國 84, as her ID card writes it
    click(qtbot, page.add_member_button)
    shown = {page.members_model.values_at(r)[0]: page.members_model.values_at(r) for r in range(2)}
    assert [str(v) for v in shown["陳宜蓁"][1:3]] == ["1995", "31"]  # born 1995, 31 in ROC 115: no warning
    assert "陳宜蓁" not in page.warnings.text()

    choose(page.support_choice, page.support_choice.itemText(page.support_choice.findData(support.id)))
    with qtbot.waitSignal(app_context.youth_teams_changed):
        click(qtbot, page.link_button)
    assert page.support_model.rowCount() == 1 and page.support_model.id_at(0) == support.id
    assert page.support_choice.findData(support.id) < 0  # linked: no longer offered
    with app_context.db.session() as s:
        linked = s.connection().execute(text("SELECT support_id FROM youth_team_support")).scalars().all()
    assert linked == [support.id]
    model = page.panel.model
    support_col = [c.key for c in model.source.columns].index("support")
    assert model.rowCount() == 1 and model.data(model.index(0, support_col)) == "1"
    page.supports.selectRow(0)
    click(qtbot, page.unlink_button)
    assert page.support_model.rowCount() == 0 and page.support_choice.findData(support.id) >= 0

    # a visit about the team is linked the same way
    from counsel_desk.services.visits.visits import VisitData, VisitService

    county, town = _place(app_context, "關西鎮")
    visit_id = VisitService(app_context.services()).create(VisitData(
        visit_date=date(2026, 11, 5), county_code=county, township_code=town, counselor_ids=[counselor_id],
        purpose="團隊提案諮詢"))
    page.show_record(page.record_id)
    choose(page.visit_choice, page.visit_choice.itemText(page.visit_choice.findData(visit_id)))
    with qtbot.waitSignal(app_context.youth_teams_changed):
        click(qtbot, page.link_visit_button)
    assert page.visit_model.id_at(0) == visit_id and "團隊提案諮詢" in page.visit_model.values_at(0)[2]


def test_erase_a_team_members_personal_data_from_the_team_page(qtbot, app_context, monkeypatch):
    """The member list's Erase button opens the erase dialog; the same person in another team is offered,
    ticked, and both rows show the placeholder afterwards; a namesake born another year is left alone."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtWidgets import QLabel

    from counsel_desk.services.safety import privacy
    from counsel_desk.services.outcomes import youth_teams as yt
    from counsel_desk.ui.outcomes.teams_page import YouthTeamListPage
    from counsel_desk.ui.safety import erase_dialog

    services = app_context.services()
    first = yt.register_team(services, {"name": "山海實驗室", "programme": "地方創生利他行動168", "roc_year": 114})
    second = yt.register_team(services, {"name": "海線慢旅", "programme": "地方創生利他行動168", "roc_year": 115})
    yt.add_member(services, first.id, {"name": "龔曉蓉", "birth_year": 1991, "role": "隊長"})
    other = yt.add_member(services, second.id, {"name": "龔曉蓉", "birth_year": 1991, "role": "隊員"})
    page = _show(qtbot, YouthTeamListPage(app_context))
    page.show_record(first.id)
    assert page.members_model.values_at(0)[:2] == ["龔曉蓉", "1991"]
    page.members.selectRow(0)
    seen = {}

    def answer(dialog: erase_dialog.EraseContactDialog) -> int:
        dialog.show()
        seen["heading"] = dialog.findChildren(QLabel)[0].text()
        seen["offered"] = [dialog.memberships.item(n).text() for n in range(dialog.memberships.count())]
        dialog.memberships.item(0).setCheckState(Qt.CheckState.Checked)
        box = dialog.understand
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
        with qtbot.waitSignal(app_context.data_imported, timeout=20_000):
            qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
        return int(dialog.result())

    monkeypatch.setattr(erase_dialog.EraseContactDialog, "exec", answer)
    click(qtbot, page.erase_member_button)
    assert seen == {"heading": "要刪除 龔曉蓉（隊長，山海實驗室） 的個人資料嗎？",
                    "offered": ["海線慢旅（民國 115 年），隊員，1991 年生"]}
    assert page.members_model.values_at(0)[:2] == [privacy.ERASED_MEMBER_NAME, ""]
    page.show_record(second.id)
    assert page.members_model.values_at(0)[:2] == [privacy.ERASED_MEMBER_NAME, ""]
    with app_context.db.session() as s:
        erased = s.connection().execute(text(
            "SELECT count(*) FROM audit_log WHERE action = 'erase' AND entity = 'youth_team_member'")).scalar_one()
    assert erased == 2 and other.id


def test_a_teams_members_show_all_four_columns_in_the_narrow_form(qtbot, app_context):
    """At 1366×768 the form beside the list is ~350 px: name, birth year, age and role all in sight, no scrolling."""
    from counsel_desk.ui.outcomes.teams_page import YouthTeamListPage

    page = _show(qtbot, YouthTeamListPage(app_context))
    page.resize(1100, 680)  # the page's share of a 1366-wide window beside the sidebar
    page.new_record()
    qtbot.wait(100)
    header = page.members.horizontalHeader()
    assert header.length() <= page.members.viewport().width()
    assert not page.members.horizontalScrollBar().isVisible()
    assert min(header.sectionSize(i) for i in range(4)) >= 60


def test_an_empty_list_shows_its_column_titles_whole_in_english(qtbot, qapp, app_context, monkeypatch):
    """A new center's empty team list read “ward programm” under its second title: the columns are sized to
    their rows, and an empty list has none. They now take at least their titles' width."""
    from counsel_desk.ui.outcomes.teams_page import YouthTeamListPage
    from counsel_desk.ui.startup import install_translators

    monkeypatch.setenv("COUNSEL_DESK_LANG", "en")
    install_translators(qapp, "en")
    try:
        page = _show(qtbot, YouthTeamListPage(app_context))
        qtbot.wait(100)
        header = page.panel.view.horizontalHeader()
        model = page.panel.view.model()
        titles = {model.headerData(c, Qt.Orientation.Horizontal): (header.sectionSize(c), header.sectionSizeHint(c))
                  for c in range(model.columnCount())}
        assert page.panel.model.rowCount() == 0 and "Award programme" in titles
        assert all(size >= hint for size, hint in titles.values()), titles
    finally:
        install_translators(qapp, "zh_TW")


def test_a_new_centers_first_outcome_is_tied_to_its_township_and_an_empty_tie_says_why(qtbot, app_context):
    """A new center has no workstation, proposal or team: its first outcome opened on “Workstation” with an empty
    record box and was refused with 「請選擇成果連結的紀錄」 — nothing to choose. It now starts on the township; a kind
    with no records says so in the box and, on save, what to do instead."""
    from counsel_desk.ui.outcomes.outcomes_page import OutcomeListPage

    page = _show(qtbot, OutcomeListPage(app_context))
    page.new_record()
    assert page.tie.currentData() == "township" and not page.owner.isVisibleTo(page)
    choose(page.tie, "工作站")
    assert not page.owner.isEnabled() and page.owner.placeholderText() == "還沒有任何工作站"
    click(qtbot, page.save_button)
    assert "還沒有任何工作站" in page.error.text() and "只連結鄉鎮市區" in page.error.text()
    assert page.record_id is None
    choose(page.tie, "只連結鄉鎮市區")
    county, _town = _place(app_context, "關西鎮")
    choose(page.county, page.county.itemText(page.county.findData(county)))
    choose(page.township, "關西鎮")
    page.people.setValue(2)
    with qtbot.waitSignal(app_context.outcomes_changed):
        click(qtbot, page.save_button)
    assert page.error.text() == "" and page.record_id is not None

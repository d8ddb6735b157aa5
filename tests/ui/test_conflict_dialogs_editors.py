"""The field-by-field conflict dialog in the editors that came last: a colleague saves the record while she has it
open; her save shows both values, and what she chooses — her value or theirs, field by field — is what is saved.
Follow-ups, the county's checklist, the yearly targets, the manager's report notes, the roster and issue topics."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from counsel_desk.models.enums import Route
from counsel_desk.reports import narrative
from counsel_desk.reports.figures_types import Narrative
from counsel_desk.services import proposals as ps
from counsel_desk.services.people.people import PeopleService
from counsel_desk.services.people.roster import RosterService
from counsel_desk.services.period import Period
from counsel_desk.services.places import issue_topics
from counsel_desk.services.programme import targets
from counsel_desk.services.visits.followups import FollowUpDraft, FollowUpService
from counsel_desk.services.visits.visits import VisitData, VisitService
from counsel_desk.ui.widgets import conflict_dialog
from tests.ui.conftest import type_text
from tests.ui.test_conflict_dialogs import colleague  # noqa: F401 — a fixture: 林美玲 saving meanwhile
from tests.unit.test_proposals_service import _fields, make_people

TODAY = date.today()


@pytest.fixture
def decisions(monkeypatch):
    """The dialog as she answers it: ``take`` names the fields she takes from the colleague; ``answer`` 0 closes it."""
    seen: list[dict[str, tuple[str, str]]] = []
    take: list[str] = []
    answer = [1]

    def decide(dialog) -> int:
        seen.append({name: (g.button(conflict_dialog.MINE).text(), g.button(conflict_dialog.THEIRS).text())
                     for name, g in dialog.groups.items()})
        for name in take:
            dialog.choose(name, theirs=True)
        return answer[0]

    monkeypatch.setattr(conflict_dialog.ConflictDialog, "exec", decide)
    return seen, take, answer


def _ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def _visit_with_a_followup(services) -> tuple[str, str]:
    """A visit with one open follow-up due today: (visit id, follow-up id)."""
    me = PeopleService(services).create_counselor("測試輔導員").id
    visits = VisitService(services)
    vid = visits.create(VisitData(visit_date=TODAY, county_code="10004", township_code=visits.townships("10004")[0].id,
                                  counselor_ids=[me], visited_name="竹北青年協會",
                                  followups=[FollowUpDraft("補送計畫書", due_date=TODAY)]))
    (fid,) = [f.id for f in visits.get(vid).followups]
    return vid, fid


@pytest.fixture
def followup_dialog(qtbot, app_context):
    """The follow-ups page with her edit dialog open on a visit's follow-up; her result typed in."""
    from counsel_desk.ui.visits.followups_page import FollowUpListPage

    _vid, fid = _visit_with_a_followup(app_context.services())
    page = FollowUpListPage(app_context)
    qtbot.addWidget(page)
    page.view.selectRow(0)
    dialog = page.edit_current()
    type_text(dialog.result, "我寫的結果", replace=True)
    return fid, dialog


@pytest.mark.parametrize("take", [[], ["result"]], ids=["keeps-hers", "takes-theirs"])
def test_a_followup_closed_meanwhile(app_context, colleague, decisions, followup_dialog, take):  # noqa: F811
    seen, taken, _ = decisions
    fid, dialog = followup_dialog
    fu = FollowUpService(colleague).get(fid)
    fu.status, fu.followup_date, fu.result = "closed", TODAY, "同仁寫的結果"
    FollowUpService(colleague).update(fid, fu)
    taken.extend(take)
    _ok(dialog)
    (shown,) = seen
    assert list(shown) == ["status", "followup_date", "result"]
    assert shown["result"] == ("我寫的結果", "同仁寫的結果") and shown["followup_date"][0] == "—"
    assert shown["status"][1] == "已結案"
    assert not dialog.isVisible()
    stored = FollowUpService(app_context.services()).get(fid)
    assert stored.result == ("同仁寫的結果" if take else "我寫的結果")
    assert stored.status == "open"  # she kept her status: the colleague's close is undone by her choice, seen


def test_a_followup_dialog_stays_open_when_she_closes_the_comparison(app_context, colleague,  # noqa: F811
                                                                     decisions, followup_dialog):
    _, _, answer = decisions
    fid, dialog = followup_dialog
    fu = FollowUpService(colleague).get(fid)
    fu.result = "同仁寫的結果"
    FollowUpService(colleague).update(fid, fu)
    answer[0] = 0
    _ok(dialog)
    assert dialog.isVisible() and "尚未儲存" in dialog.general_error.text()
    assert FollowUpService(app_context.services()).get(fid).result == "同仁寫的結果"


@pytest.mark.parametrize("take", [[], ["note"]], ids=["keeps-hers", "takes-theirs"])
def test_the_county_checklist(qtbot, app_context, colleague, decisions, take):  # noqa: F811
    from counsel_desk.ui.proposals.county_dialogs import CountyChecklistDialog

    seen, taken, _ = decisions
    services = app_context.services()
    d = ps.create_proposal(services, _fields(make_people(app_context.db), route=Route.EXISTING.value,
                                             applicant_type="township_office", organization_name="臺東縣池上鄉公所",
                                             workstation_id=None))
    dialog = CountyChecklistDialog(app_context, d.id, "池上米鄉")
    qtbot.addWidget(dialog)
    dialog.set_row("land_use", "settled", date(2026, 11, 20), "我寫的備註")
    ps.save_check(colleague, d.id, "land_use", "settled", date(2026, 11, 20), "同仁寫的備註")
    ps.save_check(colleague, d.id, "environment", "not_applicable", date(2026, 11, 19))  # she left it alone
    taken.extend(take)
    assert dialog.save()
    assert seen == [{"note": ("我寫的備註", "同仁寫的備註")}]
    rows = {r.item: r for r in ps.checklist(services, d.id)}
    assert rows["land_use"].note == ("同仁寫的備註" if take else "我寫的備註")
    assert rows["environment"].status == "not_applicable"  # not overwritten by the row she did not touch


@pytest.mark.parametrize("take", [[], ["visits"]], ids=["keeps-hers", "takes-theirs"])
def test_the_yearly_targets(qtbot, app_context, colleague, decisions, take):  # noqa: F811
    from counsel_desk.ui.reports.targets_editor import TargetsEditor

    seen, taken, _ = decisions
    targets.set_targets(app_context.services(), 2026, {"visits": 100, "events": 10})
    editor = TargetsEditor(app_context, 2026)
    qtbot.addWidget(editor)
    editor.fields["visits"].setValue(150)
    targets.set_targets(colleague, 2026, {"visits": 120, "events": 12})
    taken.extend(take)
    editor.save()
    assert seen == [{"visits": ("150.0", "120.0")}]
    assert targets.get_targets(app_context.services(), 2026) == {"visits": 120.0 if take else 150.0, "events": 12.0}
    assert editor.fields["events"].value() == 12  # the editor shows what is stored now
    assert editor.fields["visits"].value() == (120 if take else 150)


@pytest.mark.parametrize("take", [[], ["this_month"]], ids=["keeps-hers", "takes-theirs"])
def test_the_managers_report_notes(qtbot, app_context, colleague, decisions, take):  # noqa: F811
    from counsel_desk.ui.reports.narrative_editor import NarrativeEditor

    seen, taken, _ = decisions
    period = Period.month(2026, 11)
    editor = NarrativeEditor(app_context)
    qtbot.addWidget(editor)
    editor.set_report("north", period)
    type_text(editor.this_month, "我寫的本月重點")
    narrative.save(colleague, "north", period, Narrative("同仁寫的本月重點", "", ""))
    taken.extend(take)
    assert editor.save()
    assert seen == [{"this_month": ("我寫的本月重點", "同仁寫的本月重點")}]
    expected = "同仁寫的本月重點" if take else "我寫的本月重點"
    assert narrative.read(app_context.services(), "north", period).this_month == expected
    assert editor.this_month.toPlainText() == expected


def test_the_managers_notes_unsaved_when_she_closes_the_comparison(qtbot, app_context, colleague,  # noqa: F811
                                                                  decisions):
    from counsel_desk.ui.reports.narrative_editor import NarrativeEditor

    _, _, answer = decisions
    period = Period.month(2026, 11)
    editor = NarrativeEditor(app_context)
    qtbot.addWidget(editor)
    editor.set_report("north", period)
    type_text(editor.this_month, "我寫的本月重點")
    narrative.save(colleague, "north", period, Narrative("同仁寫的本月重點", "", ""))
    answer[0] = 0
    assert not editor.save()
    assert "尚未儲存" in editor.note.text() and editor.this_month.toPlainText() == "我寫的本月重點"
    assert narrative.read(app_context.services(), "north", period).this_month == "同仁寫的本月重點"


@pytest.mark.parametrize("take", [[], ["email"]], ids=["keeps-hers", "takes-theirs"])
def test_a_counselor_on_the_roster(qtbot, app_context, colleague, decisions, take):  # noqa: F811
    from counsel_desk.ui.people.roster_dialog import RosterDialog

    seen, taken, _ = decisions
    entry = RosterService(app_context.services()).add("林怡君", "lin@example.org")
    roster = RosterDialog(app_context)
    qtbot.addWidget(roster)
    roster.reload(entry.id)
    dialog = roster.edit_current()
    dialog.email.setText("mine@example.org")
    RosterService(colleague).update(entry.id, "林怡君", "theirs@example.org")
    taken.extend(take)
    _ok(dialog)
    assert seen == [{"email": ("mine@example.org", "theirs@example.org")}]
    assert not dialog.isVisible()
    (stored,) = [e for e in RosterService(app_context.services()).entries() if e.id == entry.id]
    assert stored.email == ("theirs@example.org" if take else "mine@example.org")


@pytest.mark.parametrize("take", [[], ["name"]], ids=["keeps-hers", "takes-theirs"])
def test_an_issue_topic_renamed(qtbot, app_context, colleague, decisions, take):  # noqa: F811
    from counsel_desk.ui.stocktaking.topics_dialog import TopicsDialog

    seen, taken, _ = decisions
    topic = issue_topics.add_topic(app_context.services(), "WATER", "水資源", "Water")
    topics = TopicsDialog(app_context.services())
    qtbot.addWidget(topics)
    topics.select_code("WATER")
    dialog = topics.edit_current()
    type_text(dialog.name, "用水", replace=True)
    issue_topics.rename_topic(colleague, topic.id, "水資源管理", "Water")
    taken.extend(take)
    _ok(dialog)
    assert seen == [{"name": ("用水", "水資源管理")}]
    assert [t.name for t in issue_topics.topics(app_context.services()) if t.id == topic.id] == [
        "水資源管理" if take else "用水"]


@pytest.mark.parametrize("take", [[], ["role"]], ids=["keeps-hers", "takes-theirs"])
def test_a_youth_team_member(qtbot, app_context, colleague, decisions, take):  # noqa: F811
    from counsel_desk.services.outcomes import youth_teams as yt
    from counsel_desk.ui.outcomes.teams_page import YouthTeamListPage

    seen, taken, _ = decisions
    services = app_context.services()
    team = yt.register_team(services, {"name": "山海實驗室", "programme": "地方創生利他行動168", "roc_year": 115})
    member = yt.add_member(services, team.id, {"name": "龔曉蓉", "birth_year": 1991, "role": "隊員"})
    page = YouthTeamListPage(app_context)
    qtbot.addWidget(page)
    page.show_record(team.id)
    page.members.selectRow(0)
    dialog = page.edit_member()
    assert (dialog.name.text(), dialog.born.value(), dialog.role.text()) == ("龔曉蓉", 1991, "隊員")
    type_text(dialog.role, "財務", replace=True)
    yt.update_member(colleague, member.id, {"role": "隊長"})
    taken.extend(take)
    _ok(dialog)
    assert seen == [{"role": ("財務", "隊長")}]
    assert not dialog.isVisible()
    assert [m.role for m in yt.team_view(services, team.id).members] == ["隊長" if take else "財務"]
    assert page.members_model.values_at(0)[3] == ("隊長" if take else "財務")


@pytest.mark.parametrize("take", [False, True], ids=["keeps-hers", "takes-theirs"])
def test_the_visit_editor_and_a_followup_closed_on_the_followups_page(qtbot, app_context, colleague,  # noqa: F811
                                                                      decisions, take):
    from counsel_desk.ui.visits.editor import VisitEditor

    seen, taken, _ = decisions
    services = app_context.services()
    vid, fid = _visit_with_a_followup(services)
    visits = VisitService(services)
    editor = VisitEditor(app_context, visit_id=vid)
    qtbot.addWidget(editor)
    editor.form.purpose.setText("我的目的")
    FollowUpService(colleague).close(fid, TODAY, "同仁寫的結果")
    version = FollowUpService(services).get(fid).version
    names = [f"followup:{fid}:{version}:{field}" for field in ("status", "followup_date", "result")]
    if take:
        taken.extend(names)
    assert editor.save()
    (shown,) = seen
    assert list(shown) == names and shown[names[2]] == ("—", "同仁寫的結果")
    stored = visits.get(vid)
    assert stored.purpose == "我的目的"
    assert (stored.followups[0].status, stored.followups[0].result) == (("closed", "同仁寫的結果") if take else ("open", ""))
    assert editor.form.followup_model.drafts[0].status == stored.followups[0].status  # the editor shows what is saved


@pytest.mark.parametrize("take", [[], ["approved"]], ids=["keeps-hers", "takes-theirs"])
def test_the_councils_decision_corrected(qtbot, app_context, colleague, decisions, take):  # noqa: F811
    from counsel_desk.ui.proposals.county_dialogs import DecisionDialog
    from tests.unit.test_save_conflicts_editors import approved_proposal

    seen, taken, _ = decisions
    pid = approved_proposal(app_context.db, app_context.services())
    dialog = DecisionDialog(app_context, "proposal", pid, "池上米鄉", ["農業部", "文化部"])
    qtbot.addWidget(dialog)
    dialog.box.amounts["文化部"].setText("500,000")
    ps.record_decision(colleague, "proposal", pid, ps.Decision(51, date(2025, 11, 18), {"農業部": 1_400_000}))
    taken.extend(take)
    assert dialog.save()
    assert seen == [{"approved": ("文化部: 500,000、農業部: 1,450,000", "農業部: 1,400,000")}]
    expected = {"農業部": 1_400_000} if take else {"農業部": 1_450_000, "文化部": 500_000}
    assert ps.get_decision(app_context.services(), "proposal", pid).amounts == expected


@pytest.mark.parametrize("take", [[], ["evaluation_note"]], ids=["keeps-hers", "takes-theirs"])
def test_a_budget_years_evaluation(qtbot, app_context, colleague, decisions, take):  # noqa: F811
    from counsel_desk.services.workstations import workstations as ws
    from counsel_desk.ui.workstations.budget_panel import BudgetPanel
    from tests.unit.test_support_spaces_events import place

    seen, taken, _ = decisions
    county, town = place(app_context.db, "關西鎮")
    station = ws.create_workstation(app_context.services(), {"name": "關西青年培力工作站", "county_code": county,
                                                             "township_code": town})
    budget = ws.save_budget(app_context.services(), station.id, 115, 1_000_000)
    panel = BudgetPanel(app_context)
    qtbot.addWidget(panel)
    panel.load(station.id, 115)
    panel.evaluation.set_code("good")
    panel.evaluated_on.set_date(date(2027, 2, 1))
    type_text(panel.evaluation_note, "我的評語")
    ws.record_evaluation(colleague, budget.id, "good", date(2027, 2, 1), "同仁的評語")
    taken.extend(take)
    assert panel.save_evaluation()
    assert seen == [{"evaluation_note": ("我的評語", "同仁的評語")}]
    stored = ws.budget_for_year(app_context.services(), station.id, 115)
    assert stored.evaluation_note == ("同仁的評語" if take else "我的評語")

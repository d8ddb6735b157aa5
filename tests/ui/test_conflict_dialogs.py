"""The field-by-field conflict dialog beyond visits: a colleague saves the record while she edits it (as on the
shared server); her save shows both values, she takes one of theirs and keeps the rest of hers — in the
workstation form, the support-record dialog, the list-and-editor pages (outcomes here; public spaces, events
and youth teams share the page) and the proposal editor. Nothing is silently overwritten."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from counsel_desk.services.outcomes import outcomes as oc
from counsel_desk.services import proposals as ps
from counsel_desk.services.workstations import support as su
from counsel_desk.services.workstations import workstations as ws
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.people.people import PeopleService
from counsel_desk.ui.widgets import conflict_dialog
from tests.unit.test_support_spaces_events import place


@pytest.fixture
def colleague(app_context):
    return ServiceContext(app_context.db.session_factory, "林美玲", "north")


@pytest.fixture
def decisions(monkeypatch):
    """The dialog as she answers it: ``take`` names the fields she takes from the colleague."""
    seen: list[dict[str, tuple[str, str]]] = []
    take: list[str] = []

    def decide(dialog) -> int:
        seen.append({name: (g.button(conflict_dialog.MINE).text(), g.button(conflict_dialog.THEIRS).text())
                     for name, g in dialog.groups.items()})
        for name in take:
            dialog.choose(name, theirs=True)
        return 1

    monkeypatch.setattr(conflict_dialog.ConflictDialog, "exec", decide)
    return seen, take


@pytest.fixture
def station(app_context):
    county, town = place(app_context.db, "關西鎮")
    return ws.create_workstation(app_context.services(), {"name": "關西青年培力工作站", "county_code": county,
                                                          "township_code": town})


def test_the_workstation_form(qtbot, app_context, colleague, decisions, station):
    from counsel_desk.ui.workstations.station_form import StationForm

    seen, take = decisions
    form = StationForm(app_context)
    qtbot.addWidget(form)
    form.load(station)
    form.operator_name.setText("我填的營運單位")
    form.notes.setPlainText("我的備註")
    ws.update_workstation(colleague, station.id, {"operator_name": "同仁填的營運單位", "notes": "同仁的備註"})
    take.append("notes")
    assert form.save()
    assert seen == [{"operator_name": ("我填的營運單位", "同仁填的營運單位"), "notes": ("我的備註", "同仁的備註")}]
    stored = ws.get_workstation(app_context.services(), station.id)
    assert (stored.operator_name, stored.notes) == ("我填的營運單位", "同仁的備註")
    assert form.notes.toPlainText() == "同仁的備註"  # the form shows what is saved now


def test_the_support_record_dialog(qtbot, app_context, colleague, decisions, station):
    from counsel_desk.ui.workstations.support_dialog import SupportRecordDialog

    seen, take = decisions
    me = PeopleService(app_context.services()).create_counselor("測試輔導員")
    rec = su.create_support_record(app_context.services(), {"workstation_id": station.id, "kind": "matching",
                                                            "support_date": date(2026, 11, 2), "hours": 2,
                                                            "topics": "媒合通路"}, [me.id])
    dialog = SupportRecordDialog(app_context, record_id=rec.id)
    qtbot.addWidget(dialog)
    dialog.topics.setPlainText("我寫的主題")
    dialog.hours.setValue(3)
    su.update_support_record(colleague, rec.id, {"topics": "同仁寫的主題", "hours": 4})
    take.append("hours")
    dialog.save()
    assert seen == [{"hours": ("3.0", "4.0"), "topics": ("我寫的主題", "同仁寫的主題")}]
    stored = su.get_support_record(app_context.services(), rec.id).record
    assert (stored.topics, stored.hours) == ("我寫的主題", 4)


def test_a_list_and_editor_page_outcomes(qtbot, app_context, colleague, decisions, station):
    from counsel_desk.ui.outcomes.outcomes_page import OutcomeListPage

    seen, take = decisions
    o = oc.record_outcome(app_context.services(), {"workstation_id": station.id, "outcome_date": date(2026, 11, 3),
                                                   "kind": "visitors", "people": 100})
    page = OutcomeListPage(app_context)
    qtbot.addWidget(page)
    page.show_record(o.id)
    page.people.setValue(150)
    page.note.setPlainText("我的說明")
    oc.update_outcome(colleague, o.id, {"people": 120, "note": "同仁的說明"})
    assert page.save()
    assert seen == [{"people": ("150", "120"), "note": ("我的說明", "同仁的說明")}]
    stored = oc.get_outcome(app_context.services(), o.id)
    assert (stored.people, stored.note, stored.version) == (150, "我的說明", 3)

    # cancelling the dialog saves nothing and keeps her form as it was
    monkey_cancel = conflict_dialog.ConflictDialog.exec
    conflict_dialog.ConflictDialog.exec = lambda _d: 0  # type: ignore[method-assign]
    try:
        page.people.setValue(170)
        oc.update_outcome(colleague, o.id, {"people": 130})
        assert not page.save()
        assert oc.get_outcome(app_context.services(), o.id).people == 130 and page.people.value() == 170
    finally:
        conflict_dialog.ConflictDialog.exec = monkey_cancel  # type: ignore[method-assign]


def test_the_proposal_editor(qtbot, app_context, colleague, decisions):
    from counsel_desk.ui.proposals.editor import ProposalEditor

    seen, take = decisions
    county, town = place(app_context.db, "池上鄉")
    d = ps.create_proposal(app_context.services(), ps.ProposalFields("池上穀倉藝術咖啡", county, town),
                           sections={"issues": "人口外流"})
    editor = ProposalEditor(app_context)
    qtbot.addWidget(editor)
    editor.open_proposal(d.id)
    editor.applicant.title.setText("池上穀倉咖啡（我改）")
    editor.sections.editors["issues"].text.setPlainText("我寫的課題")
    theirs = ps.get_proposal(colleague, d.id)
    ps.save_draft(colleague, d.id, fields=replace(theirs.fields(), title="池上穀倉咖啡（同仁改）"),
                  sections={"issues": "同仁寫的課題"})
    take.append("section:issues")
    assert editor.save()
    assert seen[0]["title"] == ("池上穀倉咖啡（我改）", "池上穀倉咖啡（同仁改）")
    assert seen[0]["section:issues"] == ("我寫的課題", "同仁寫的課題")
    stored = ps.get_proposal(app_context.services(), d.id)
    assert (stored.title, stored.sections["issues"]) == ("池上穀倉咖啡（我改）", "同仁寫的課題")


def test_the_plan_editor(qtbot, app_context, db, colleague, decisions):
    from tests.ui.test_proposals_ui import make_page

    seen, take = decisions
    county, town = place(app_context.db, "池上鄉")
    plan = ps.create_plan(app_context.services(), ps.PlanFields("池上鄉地方創生計畫", county, town, "池上鄉公所"))
    plans = make_page(qtbot, app_context, db).plans
    plans.reload()  # as when the plans tab is shown
    plans.select(plan.id)
    plans.notes.setPlainText("我的備註")
    plans.title.setText("池上鄉地方創生計畫（修訂）")
    ps.update_plan(colleague, plan.id, replace(plan.fields(), notes="同仁的備註"))
    take.append("notes")
    assert plans.save()
    assert seen == [{"title": ("池上鄉地方創生計畫（修訂）", "池上鄉地方創生計畫"), "notes": ("我的備註", "同仁的備註")}]
    stored = ps.get_plan(app_context.services(), plan.id)
    assert (stored.title, stored.notes) == ("池上鄉地方創生計畫（修訂）", "同仁的備註")


def test_the_budget_panel(qtbot, app_context, colleague, decisions, station):
    from counsel_desk.ui.workstations.budget_panel import BudgetPanel

    seen, take = decisions
    ws.save_budget(app_context.services(), station.id, 115, 1_000_000, {"personnel": (300_000, 0, 0)})
    panel = BudgetPanel(app_context)
    qtbot.addWidget(panel)
    panel.load(station.id, 115)
    panel.lines["personnel"]["planned"].set_value(350_000)
    panel.staff.setValue(3)
    ws.save_budget(colleague, station.id, 115, 1_000_000, {"personnel": (300_000, 120_000, 0)}, fulltime_staff=2)
    take.append("line:personnel")
    assert panel.save()
    assert set(seen[0]) == {"line:personnel", "fulltime_staff"}
    stored = ws.budget_for_year(app_context.services(), station.id, 115)
    assert (stored.line("personnel").planned, stored.line("personnel").disbursed, stored.fulltime_staff) == (
        300_000, 120_000, 3)

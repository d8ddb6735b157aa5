"""Every editor's save names the version it loaded: a record someone else saved meanwhile (a colleague on the
shared server, a sync import) is refused with both values of each differing field — never overwritten — for
workstations, support records, public spaces, events, outcomes, youth teams and proposals. Two sessions on
one database; the modules run on SQLite and on the real PostgreSQL server (the check is the service's)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from counsel_desk.services.workstations import events as ev
from counsel_desk.services.outcomes import outcomes as oc
from counsel_desk.services import proposals as ps
from counsel_desk.services.workstations import spaces as sp
from counsel_desk.services.workstations import support as su
from counsel_desk.services.workstations import workstations as ws
from counsel_desk.services.outcomes import youth_teams as yt
from counsel_desk.services.base import SaveConflict, ServiceContext
from counsel_desk.services.people.people import PeopleService
from tests.unit.test_support_spaces_events import place

pytestmark = pytest.mark.both_engines
ALTRUISM = "地方創生利他行動168"


@pytest.fixture
def two(db):
    """陳主任 and 林輔導員, each saving through their own sessions."""
    return ServiceContext.for_database(db, "陳主任", "north"), ServiceContext.for_database(db, "林輔導員", "north")


def _decided(first, second, make, update, get, field: str, hers, theirs, other_field: str, other_value):
    """She loads the record; the colleague changes ``field`` (and ``other_field``); her save of ``field`` is
    refused with both values; her save naming the version she has now seen goes through."""
    rec = make(first)
    loaded = rec.version
    update(second, rec.id, {field: theirs, other_field: other_value}, None)
    with pytest.raises(SaveConflict) as err:
        update(first, rec.id, {field: hers}, loaded)
    conflict = err.value
    assert [(f.name, f.mine, f.theirs) for f in conflict.fields] == [(field, hers, theirs)]
    assert conflict.saved_by == "林輔導員" and conflict.version == loaded + 1
    assert getattr(get(first, rec.id), field) == theirs  # nothing overwritten
    update(first, rec.id, {field: hers}, conflict.version)  # she keeps hers, over the version she has seen
    stored = get(first, rec.id)
    assert (getattr(stored, field), getattr(stored, other_field)) == (hers, other_value)
    # the colleague's change of a field she left as it was: nothing to decide, her save goes through
    update(second, rec.id, {other_field: "" if isinstance(other_value, str) else 0}, None)
    update(first, rec.id, {field: hers}, stored.version)
    return rec


def test_a_workstation(db, two):
    county, town = place(db, "關西鎮")
    _decided(*two, lambda sc: ws.create_workstation(sc, {"name": "關西青年培力工作站", "county_code": county,
                                                         "township_code": town}),
             lambda sc, rid, ch, v: ws.update_workstation(sc, rid, ch, v), ws.get_workstation,
             "operator_name", "我改的營運單位", "同仁改的營運單位", "notes", "同仁的備註")


def test_a_support_record_and_its_counselors(db, two):
    first, second = two
    county, town = place(db, "關西鎮")
    station = ws.create_workstation(first, {"name": "關西站", "county_code": county, "township_code": town})
    chen = PeopleService(first).create_counselor("陳輔導")
    lin = PeopleService(first).create_counselor("林輔導")
    rec = su.create_support_record(first, {"workstation_id": station.id, "support_date": date(2026, 11, 2),
                                           "kind": "matching", "hours": 1.5, "topics": "媒合通路"}, [chen.id])
    loaded = rec.version
    su.update_support_record(second, rec.id, {"topics": "同仁改的主題"}, [chen.id, lin.id])
    with pytest.raises(SaveConflict) as err:
        su.update_support_record(first, rec.id, {"topics": "我改的主題"}, [chen.id], loaded)
    assert {(f.name, str(f.mine), str(f.theirs)) for f in err.value.fields} == {
        ("topics", "我改的主題", "同仁改的主題"), ("counselor_ids", str([chen.id]), str(sorted([chen.id, lin.id])))}
    assert su.get_support_record(first, rec.id).record.topics == "同仁改的主題"
    su.update_support_record(first, rec.id, {"topics": "我改的主題"}, sorted([chen.id, lin.id]), err.value.version)
    view = su.get_support_record(first, rec.id)
    assert view.record.topics == "我改的主題" and sorted(view.counselor_ids) == sorted([chen.id, lin.id])


def test_a_public_space(db, two):
    county, town = place(db, "關西鎮")
    _decided(*two, lambda sc: sp.create_space(sc, {"name": "關西舊穀倉", "county_code": county,
                                                   "township_code": town, "subsidy": 1_000_000}),
             lambda sc, rid, ch, v: sp.update_space(sc, rid, ch, v),
             lambda sc, rid: sp.KIND.get(sc, rid), "operating_team", "我找的團隊", "同仁找的團隊", "notes", "同仁備註")


def test_a_center_event(db, two):
    county, _town = place(db, "關西鎮")
    _decided(*two, lambda sc: ev.create_event(sc, {"event_date": date(2026, 11, 12), "title": "客庄青年交流會",
                                                   "kind": "exchange", "county_code": county}),
             lambda sc, rid, ch, v: ev.update_event(sc, rid, ch, v),
             lambda sc, rid: ev.KIND.get(sc, rid), "title", "我改的活動名稱", "同仁改的活動名稱", "place", "關西老街")


def test_an_outcome(db, two):
    county, town = place(db, "關西鎮")
    _decided(*two, lambda sc: oc.record_outcome(sc, {"county_code": county, "township_code": town,
                                                     "outcome_date": date(2026, 11, 2), "kind": "visitors",
                                                     "people": 1500}),
             lambda sc, rid, ch, v: oc.update_outcome(sc, rid, ch, v), oc.get_outcome,
             "people", 1800, 1600, "note", "同仁的說明")


def test_a_youth_team(db, two):
    _decided(*two, lambda sc: yt.register_team(sc, {"name": "山海實驗室", "programme": ALTRUISM, "roc_year": 115}),
             lambda sc, rid, ch, v: yt.update_team(sc, rid, ch, v), lambda sc, rid: yt.KIND.get(sc, rid),
             "themes", "海岸永續", "山城慢旅", "notes", "同仁的備註")


def test_a_proposal_its_sections_and_funding(db, two):
    first, second = two
    county, town = place(db, "池上鄉")
    d = ps.create_proposal(first, ps.ProposalFields("池上穀倉藝術咖啡", county, town), sections={"issues": "人口外流"})
    mine = ps.get_proposal(first, d.id)
    # the colleague changes only a section: the proposal's version still moves, so her editor sees it
    after = ps.save_draft(second, d.id, sections={"issues": "同仁寫的課題"}, version=mine.version)
    assert after.version == mine.version + 1
    with pytest.raises(SaveConflict) as err:
        ps.save_draft(first, d.id, fields=replace(mine.fields(), title="我改的標題"),
                      sections={"issues": "我寫的課題"}, version=mine.version)
    assert [(f.name, f.mine, f.theirs) for f in err.value.fields] == [
        ("title", "我改的標題", "池上穀倉藝術咖啡"), ("section:issues", "我寫的課題", "同仁寫的課題")]
    assert ps.get_proposal(first, d.id).sections["issues"] == "同仁寫的課題"
    # she keeps her title and takes their section
    saved = ps.save_draft(first, d.id, fields=replace(mine.fields(), title="我改的標題"),
                          sections={"issues": "同仁寫的課題"}, version=err.value.version)
    assert (saved.title, saved.sections["issues"]) == ("我改的標題", "同仁寫的課題")


def test_a_plan(db, two):
    first, second = two
    county, town = place(db, "池上鄉")
    plan = ps.create_plan(first, ps.PlanFields("池上鄉地方創生計畫", county, town, "池上鄉公所"))
    ps.update_plan(second, plan.id, replace(plan.fields(), notes="同仁的備註"))
    with pytest.raises(SaveConflict) as err:
        ps.update_plan(first, plan.id, replace(plan.fields(), notes="我的備註"), plan.version)
    assert [(f.name, f.mine, f.theirs) for f in err.value.fields] == [("notes", "我的備註", "同仁的備註")]
    saved = ps.update_plan(first, plan.id, replace(plan.fields(), notes="我的備註"), err.value.version)
    assert saved.notes == "我的備註" and saved.version == plan.version + 2


def test_a_workstation_budget_year(db, two):
    first, second = two
    county, town = place(db, "關西鎮")
    station = ws.create_workstation(first, {"name": "關西站", "county_code": county, "township_code": town,
                                            "fulltime_staff": 2})
    view = ws.save_budget(first, station.id, 115, 1_000_000, {"personnel": (300_000, 0, 0)})
    # the colleague changes only an amount: the year's version still moves, so her panel sees it
    after = ws.save_budget(second, station.id, 115, 1_000_000, {"personnel": (300_000, 100_000, 0)})
    assert after.version == view.version + 1
    with pytest.raises(SaveConflict) as err:
        ws.save_budget(first, station.id, 115, 1_000_000, {"personnel": (350_000, 0, 0)}, version=view.version)
    assert [(f.name, f.mine, f.theirs) for f in err.value.fields] == [
        ("line:personnel", [350_000, 0, 0], [300_000, 100_000, 0])]
    assert ws.budget_for_year(first, station.id, 115).line("personnel").planned == 300_000
    saved = ws.save_budget(first, station.id, 115, 1_000_000, {"personnel": (350_000, 100_000, 0)},
                           version=err.value.version)
    assert (saved.line("personnel").planned, saved.line("personnel").disbursed) == (350_000, 100_000)

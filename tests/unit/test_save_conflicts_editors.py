"""The lost update in the editors that came last: follow-ups, youth-team members, the county's checklist, the yearly
targets, the manager's report notes, the counselor roster and issue topics. Two people on one database, each
through their own sessions: the second save with the version she loaded is refused with both values of each
differing field and nothing is overwritten; saved again over the version she has now seen, her choice stands.
The module runs on SQLite and on the real PostgreSQL server."""

from __future__ import annotations

from datetime import date

import pytest

from counsel_desk.models.enums import Route, Stage
from counsel_desk.reports import narrative
from counsel_desk.reports.figures_types import Narrative
from counsel_desk.services import proposals as ps
from counsel_desk.services.base import SaveConflict, ServiceContext
from counsel_desk.services.outcomes import youth_teams as yt
from counsel_desk.services.people.people import PeopleService
from counsel_desk.services.people.roster import RosterService
from counsel_desk.services.period import Period
from counsel_desk.services.places import issue_topics
from counsel_desk.services.programme import targets
from counsel_desk.services.workstations import workstations as ws
from counsel_desk.services.visits.followups import FollowUpDraft, FollowUpService
from counsel_desk.services.visits.visits import VisitData, VisitService
from tests.unit.test_flows import _existing
from tests.unit.test_support_spaces_events import place
from tests.unit.test_proposals_service import _fields, _walk, make_people

pytestmark = pytest.mark.both_engines
TODAY = date(2026, 11, 26)


@pytest.fixture
def two(db):
    """陳主任 and 林輔導員, each saving through their own sessions."""
    return ServiceContext.for_database(db, "陳主任", "north"), ServiceContext.for_database(db, "林輔導員", "north")


def _refused(call) -> SaveConflict:
    with pytest.raises(SaveConflict) as err:
        call()
    assert err.value.saved_by == "林輔導員"
    return err.value


def _both(conflict: SaveConflict) -> set[tuple]:
    return {(f.name, f.mine, f.theirs) for f in conflict.fields}


def _visit_with_a_followup(ctx: ServiceContext, owner: str = "") -> tuple[VisitService, str, str]:
    """A visit with one open follow-up due today: the service, the visit's id and the follow-up's."""
    counselor = PeopleService(ctx).create_counselor("王小明").id
    visits = VisitService(ctx, today=TODAY)
    vid = visits.create(VisitData(visit_date=date(2026, 11, 16), county_code="10004",
                                  township_code=visits.townships("10004")[0].id, counselor_ids=[counselor],
                                  mode="onsite", visited_name="關西鎮公所",
                                  followups=[FollowUpDraft("送出提案初稿", owner=owner, due_date=TODAY)]))
    (fid,) = [f.id for f in visits.get(vid).followups]
    return visits, vid, fid


def test_a_followup(two):
    me, colleague = two
    _visits, _vid, fid = _visit_with_a_followup(me, owner="王小明")
    mine, theirs = FollowUpService(me, today=TODAY), FollowUpService(colleague, today=TODAY)
    loaded = mine.get(fid)
    colleague_draft = theirs.get(fid)
    colleague_draft.status, colleague_draft.followup_date, colleague_draft.result = "closed", TODAY, "公所已收件"
    theirs.update(fid, colleague_draft)
    loaded.result, loaded.owner = "我寫的結果", "王小明"  # the owner as she loaded it: nothing to decide there
    conflict = _refused(lambda: mine.update(fid, loaded))
    assert _both(conflict) == {("status", "open", "closed"), ("followup_date", None, TODAY),
                               ("result", "我寫的結果", "公所已收件")}
    assert mine.get(fid).result == "公所已收件"  # nothing overwritten
    # she takes their status and date, keeps her result, over the version she has now seen
    loaded.status, loaded.followup_date, loaded.version = "closed", TODAY, conflict.version
    mine.update(fid, loaded)
    stored = mine.get(fid)
    assert (stored.status, stored.followup_date, stored.result) == ("closed", TODAY, "我寫的結果")
    assert stored.version == conflict.version + 1


def test_a_followup_closed_elsewhere_while_her_visit_is_open(two):
    """The visit editor holds the visit's follow-ups as loaded; the colleague closes one on the follow-ups page
    (the visit's own version unchanged); her save of the visit is refused naming the follow-up's fields."""
    me, colleague = two
    visits, vid, fid = _visit_with_a_followup(me)
    loaded = visits.get(vid)
    FollowUpService(colleague, today=TODAY).close(fid, TODAY, "公所已收件")
    loaded.purpose = "我補的目的"
    conflict = _refused(lambda: visits.save(loaded))
    version = FollowUpService(me).get(fid).version
    assert _both(conflict) == {(f"followup:{fid}:{version}:status", "open", "closed"),
                               (f"followup:{fid}:{version}:followup_date", None, TODAY),
                               (f"followup:{fid}:{version}:result", "", "公所已收件")}
    assert conflict.version == loaded.version  # the visit's: saving her choices saves the visit as she loaded it
    stored = visits.get(vid)
    assert stored.purpose == "" and stored.followups[0].status == "closed"  # nothing written
    # she takes all of theirs, over the follow-up's version she has now seen
    fu = loaded.followups[0]
    fu.status, fu.followup_date, fu.result, fu.version = "closed", TODAY, "公所已收件", version
    visits.save(loaded)
    stored = visits.get(vid)
    assert stored.purpose == "我補的目的" and stored.followups[0].result == "公所已收件"


def test_a_youth_team_member(two):
    me, colleague = two
    team = yt.register_team(me, {"name": "山海實驗室", "programme": "地方創生利他行動168", "roc_year": 115})
    member = yt.add_member(me, team.id, {"name": "陳宜蓁", "birth_year": 1990, "role": "隊員"})
    yt.update_member(colleague, member.id, {"role": "隊長"}, member.version)
    conflict = _refused(lambda: yt.update_member(me, member.id, {"role": "財務"}, member.version))
    assert _both(conflict) == {("role", "財務", "隊長")}
    assert [m.role for m in yt.team_view(me, team.id).members] == ["隊長"]
    yt.update_member(me, member.id, {"role": "財務"}, conflict.version)
    assert [m.role for m in yt.team_view(me, team.id).members] == ["財務"]


def test_a_county_check(db, two):
    me, colleague = two
    people = make_people(db)
    d = ps.create_proposal(me, _fields(people, route=Route.EXISTING.value, applicant_type="township_office",
                                       organization_name="臺東縣池上鄉公所", workstation_id=None))
    loaded = {r.item: r for r in ps.checklist(me, d.id)}
    assert loaded["land_use"].version == 0  # never recorded
    # the colleague records land use first; her save of the item (loaded unrecorded) is refused
    ps.save_check(colleague, d.id, "land_use", "issue", date(2026, 11, 20), "農業區待變更", version=0)
    conflict = _refused(lambda: ps.save_check(me, d.id, "land_use", "settled", date(2026, 11, 21), "容許使用",
                                              version=0))
    assert _both(conflict) == {("status", "settled", "issue"), ("checked_on", date(2026, 11, 21), date(2026, 11, 20)),
                               ("note", "容許使用", "農業區待變更")}
    row = {r.item: r for r in ps.checklist(me, d.id)}["land_use"]
    assert (row.status, row.note) == ("issue", "農業區待變更")
    saved = ps.save_check(me, d.id, "land_use", "issue", date(2026, 11, 20), "容許使用", version=conflict.version)
    assert (saved.status, saved.note, saved.version) == ("issue", "容許使用", conflict.version + 1)
    # a stale save of a recorded item is refused too
    ps.save_check(colleague, d.id, "land_use", "settled", date(2026, 11, 22), "容許使用", version=saved.version)
    _refused(lambda: ps.save_check(me, d.id, "land_use", "issue", date(2026, 11, 20), "改回", version=saved.version))
    assert {r.item: r for r in ps.checklist(me, d.id)}["land_use"].status == "settled"


def test_the_yearly_targets(two):
    me, colleague = two
    targets.set_targets(me, 2026, {"visits": 100, "events": 10})
    loaded = targets.targets_version(me, 2026)
    targets.set_targets(colleague, 2026, {"visits": 120, "events": 12}, version=loaded)
    conflict = _refused(lambda: targets.set_targets(me, 2026, {"visits": 150}, version=loaded))
    assert _both(conflict) == {("visits", 150.0, 120.0)}
    assert targets.get_targets(me, 2026) == {"visits": 120.0, "events": 12.0}
    targets.set_targets(me, 2026, {"visits": 150}, version=conflict.version)
    assert targets.get_targets(me, 2026) == {"visits": 150.0, "events": 12.0}
    # the editor sends only the targets she changed: one the colleague changed and she left alone stays theirs
    now = targets.targets_version(me, 2026)
    targets.set_targets(colleague, 2026, {"events": 15}, version=now)
    conflict = _refused(lambda: targets.set_targets(me, 2026, {"visits": 160}, version=now))
    assert _both(conflict) == {("visits", 160.0, 150.0)}
    targets.set_targets(me, 2026, {"visits": 160}, version=conflict.version)
    assert targets.get_targets(me, 2026) == {"visits": 160.0, "events": 15.0}


def test_the_managers_report_notes(two):
    me, colleague = two
    period = Period(date(2026, 11, 1), date(2026, 11, 30))
    words, loaded = narrative.loaded(me, "north", period)
    assert (words, loaded) == (Narrative(), 0)
    narrative.save(colleague, "north", period, Narrative("同仁寫的本月重點", "", ""), version=0)
    conflict = _refused(lambda: narrative.save(me, "north", period, Narrative("我寫的本月重點", "下月", ""),
                                               version=loaded))
    assert _both(conflict) == {("this_month", "我寫的本月重點", "同仁寫的本月重點"), ("next_month", "下月", "")}
    assert narrative.read(me, "north", period).this_month == "同仁寫的本月重點"
    narrative.save(me, "north", period, Narrative("同仁寫的本月重點", "下月", ""), version=conflict.version)
    words, now = narrative.loaded(me, "north", period)
    assert (words, now) == (Narrative("同仁寫的本月重點", "下月", ""), conflict.version + 1)
    narrative.save(colleague, "north", period, Narrative("再改", "下月", ""), version=now)
    _refused(lambda: narrative.save(me, "north", period, Narrative("我的", "下月", ""), version=now))
    assert narrative.read(me, "north", period).this_month == "再改"


def test_a_counselor_on_the_roster(two):
    me, colleague = two
    entry = RosterService(me).add("林怡君", "lin@example.org")
    RosterService(colleague).update(entry.id, "林怡君", "yi@example.org", "03-1234567", entry.version)
    conflict = _refused(lambda: RosterService(me).update(entry.id, "林怡君", "lin2@example.org", "", entry.version))
    assert _both(conflict) == {("email", "lin2@example.org", "yi@example.org"), ("phone", "", "03-1234567")}
    (stored,) = RosterService(me).entries()
    assert (stored.email, stored.phone) == ("yi@example.org", "03-1234567")
    RosterService(me).update(entry.id, "林怡君", "lin2@example.org", "03-1234567", conflict.version)
    (stored,) = RosterService(me).entries()
    assert (stored.email, stored.phone, stored.version) == ("lin2@example.org", "03-1234567", conflict.version + 1)


def test_an_issue_topic_renamed(two):
    me, colleague = two
    topic = issue_topics.add_topic(me, "WATER", "水資源", "Water")
    issue_topics.rename_topic(colleague, topic.id, "水資源管理", "Water", topic.version)
    conflict = _refused(lambda: issue_topics.rename_topic(me, topic.id, "用水", "Water", topic.version))
    assert _both(conflict) == {("name", "用水", "水資源管理")}
    assert [t.name for t in issue_topics.topics(me) if t.id == topic.id] == ["水資源管理"]
    renamed = issue_topics.rename_topic(me, topic.id, "用水", "Water", conflict.version)
    assert (renamed.name, renamed.version) == ("用水", conflict.version + 1)


def approved_proposal(db, ctx: ServiceContext) -> str:
    """An existing-route proposal passed at the 51st working meeting: 農業部 NT$1,450,000."""
    d = _existing(ctx, make_people(db))
    _walk(ctx, d.id, Stage.DRAFTING, Stage.TOWNSHIP_FILED, Stage.COUNTY_REVIEW, Stage.COUNCIL)
    ps.move_proposal(ctx, d.id, Stage.APPROVED.value, "通過",
                     decision=ps.Decision(51, date(2025, 11, 18), {"農業部": 1_450_000}))
    return d.id


def test_the_councils_decision_corrected(db, two):
    me, colleague = two
    pid = approved_proposal(db, me)
    loaded = ps.get_decision(me, "proposal", pid)
    # the colleague corrects only an amount: the proposal's version moves all the same
    ps.record_decision(colleague, "proposal", pid, ps.Decision(51, date(2025, 11, 18), {"農業部": 1_400_000}),
                       loaded.version)
    mine = ps.Decision(52, date(2025, 11, 18), {"農業部": 1_450_000, "文化部": 500_000})
    conflict = _refused(lambda: ps.record_decision(me, "proposal", pid, mine, loaded.version))
    assert [(f.name, f.mine, f.theirs) for f in conflict.fields] == [
        ("council_meeting", 52, 51), ("approved", ["文化部: 500,000", "農業部: 1,450,000"], ["農業部: 1,400,000"])]
    assert ps.get_decision(me, "proposal", pid).amounts == {"農業部": 1_400_000}
    ps.record_decision(me, "proposal", pid, mine, conflict.version)
    stored = ps.get_decision(me, "proposal", pid)
    assert (stored.meeting, stored.amounts) == (52, {"農業部": 1_450_000, "文化部": 500_000})


def test_a_budget_years_evaluation(db, two):
    me, colleague = two
    county, town = place(db, "關西鎮")
    station = ws.create_workstation(me, {"name": "關西青年培力工作站", "county_code": county, "township_code": town})
    budget = ws.save_budget(me, station.id, 115, 1_000_000)
    ws.record_evaluation(colleague, budget.id, "fair", date(2027, 2, 1), "行銷成果不足", budget.version)
    conflict = _refused(lambda: ws.record_evaluation(me, budget.id, "good", date(2027, 2, 1), "", budget.version))
    assert _both(conflict) == {("evaluation", "good", "fair"), ("evaluation_note", "", "行銷成果不足")}
    assert ws.budget_for_year(me, station.id, 115).evaluation == "fair"
    ws.record_evaluation(me, budget.id, "good", date(2027, 2, 1), "行銷成果不足", conflict.version)
    stored = ws.budget_for_year(me, station.id, 115)
    assert (stored.evaluation, stored.evaluation_note) == ("good", "行銷成果不足")

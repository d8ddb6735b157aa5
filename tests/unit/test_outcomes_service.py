"""Outcomes as dated records and youth teams of the award programmes (issue 17, parts 2 and 3)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import text

from counsel_desk.errors import ValidationError
from counsel_desk.services.outcomes import outcomes as oc
from counsel_desk.services.workstations import workstations as ws
from counsel_desk.services.outcomes import youth_teams as yt
from counsel_desk.services.period import Period
from counsel_desk.services.workstations.support import create_support_record

ALTRUISM = "地方創生利他行動168"  # cap NT$680,000, applicants 22–45 (resources/programmes/sustainable-114-117.json)


def place(db, town: str) -> tuple[str, str]:
    with db.session() as s:
        return tuple(s.connection().execute(text("SELECT county_code, code FROM township WHERE name=:n"),
                                            {"n": town}).one())


@pytest.fixture
def station(db, services):
    county, town = place(db, "關西鎮")
    return ws.create_workstation(services, {"name": "關西青年培力工作站", "county_code": county, "township_code": town,
                                            "year_approved": 115, "term_start": date(2026, 3, 1), "status": "active"})


def test_an_outcome_takes_its_place_from_what_it_is_tied_to_and_names_what_is_missing(db, services, station):
    o = oc.record_outcome(services, {"workstation_id": station.id, "outcome_date": date(2026, 11, 3),
                                     "kind": "youth_returned", "people": 2, "registered": True, "amount": 999})
    assert (o.county_code, o.township_code) == place(db, "關西鎮") and o.amount == 0
    with pytest.raises(ValidationError) as e:
        oc.record_outcome(services, {"outcome_date": date(2026, 11, 3), "kind": "jobs", "people": 1})
    assert e.value.field == "workstation_id" and "連結" in e.value.zh
    with pytest.raises(ValidationError) as e:
        oc.record_outcome(services, {"workstation_id": station.id, "outcome_date": date(2026, 11, 3),
                                     "kind": "resource_matching", "amount": 500_000})
    assert e.value.field == "agency" and "部會" in e.value.zh
    with pytest.raises(ValidationError) as e:
        oc.record_outcome(services, {"workstation_id": station.id, "outcome_date": date(2026, 11, 3),
                                     "kind": "revenue", "people": 3})
    assert e.value.field == "amount"
    with pytest.raises(ValidationError) as e:
        oc.record_outcome(services, {"workstation_id": station.id, "outcome_date": date(2026, 11, 3),
                                     "kind": "corporate_csr", "amount": 100})
    assert e.value.field == "company"


def test_period_totals_count_records_by_their_date_and_leave_deleted_owners_out(db, services, station):
    county, town = place(db, "池上鄉")
    nov = Period.month(2026, 11)
    for day, kind, people, amount in ((date(2026, 10, 31), "youth_stayed", 5, 0),  # just before
                                      (date(2026, 11, 1), "youth_stayed", 2, 0),  # first day
                                      (date(2026, 11, 30), "youth_returned", 3, 0),  # last day
                                      (date(2026, 12, 1), "youth_returned", 7, 0),  # just after
                                      (date(2026, 11, 15), "revenue", 0, 120_000)):
        oc.record_outcome(services, {"workstation_id": station.id, "outcome_date": day, "kind": kind,
                                     "people": people, "amount": amount, "registered": kind == "youth_returned"})
    oc.record_outcome(services, {"county_code": county, "township_code": town, "outcome_date": date(2026, 11, 2),
                                 "kind": "visitors", "people": 1500})
    t = oc.period_totals(services, nov)
    assert (t.youth, t.youth_registered, t.of("revenue"), t.of("visitors"), t.records) == (5, 3, 120_000, 1500, 4)
    ws.delete_workstation(services, station.id)
    t = oc.period_totals(services, nov)
    assert (t.youth, t.of("visitors")) == (0, 1500)


def test_national_comparison_adds_up_the_four_centers(db, services, station):
    from counsel_desk.services.base import ServiceContext

    east = ServiceContext(db.session_factory, actor="東區", center_code="east")
    county, town = place(db, "池上鄉")
    oc.record_outcome(services, {"workstation_id": station.id, "outcome_date": date(2026, 1, 5), "kind": "jobs",
                                 "people": 40})
    oc.record_outcome(east, {"county_code": county, "township_code": town, "outcome_date": date(2026, 2, 5),
                             "kind": "jobs", "people": 20})
    with db.session() as s:
        lines = {line.key: line for line in oc.national_comparison(s.connection(), date(2026, 12, 31))}
    jobs = lines["jobs"]
    assert jobs.by_center == {"north": 40, "central": 0, "south": 0, "east": 20}
    assert jobs.centers_total == 60 and jobs.national == 12_000 and jobs.share == 0.005


def test_a_youth_team_award_is_capped_by_its_programme_file(db, services):
    """Source (resources/programmes/sustainable-114-117.json, award_programmes): DOMAIN.md "Since the seed" —
    「獎勵青年投入地方創生行動計畫」「award up to NT$350,000 a team」; 「地方創生利他行動168」「up to NT$680,000 a team for
    one year」 (國發會 2025-12-03: 「提供1年最高68萬元獎勵金」). A cap: refused above it."""
    with pytest.raises(ValidationError) as e:
        yt.register_team(services, {"name": "山海實驗室", "programme": ALTRUISM, "roc_year": 115, "award": 680_001})
    assert e.value.field == "award" and "680,000" in e.value.zh
    with pytest.raises(ValidationError) as e:
        yt.register_team(services, {"name": "山海實驗室", "programme": "不存在的計畫", "roc_year": 115})
    assert e.value.field == "programme"
    team = yt.register_team(services, {"name": "山海實驗室", "programme": ALTRUISM, "roc_year": 115,
                                       "award": 680_000, "themes": "海岸永續廊道，山城慢旅廊道"})
    assert team.themes == "海岸永續廊道、山城慢旅廊道"
    assert {a.name: a.cap_per_team for a in yt.award_programmes(services)} == {
        "獎勵青年投入地方創生行動計畫": 350_000, ALTRUISM: 680_000}


def test_members_outside_the_age_range_are_warnings_and_support_records_link(db, services, station):
    """Source: DOMAIN.md "Since the seed" — 「地方創生利他行動168」「applicants aged 22–45」 (國發會 2025-12-03:
    「邀請22至45歲關心地方議題與社會的青年」). Not absolute: warned about, never refused."""
    team = yt.register_team(services, {"name": "山海實驗室", "programme": ALTRUISM, "roc_year": 115, "award": 500_000})
    yt.add_member(services, team.id, {"name": "陳宜蓁", "birth_year": 1990, "role": "隊長"})  # 36 in 2026
    yt.add_member(services, team.id, {"name": "林冠廷", "birth_year": 2005})  # 21: too young
    old = yt.add_member(services, team.id, {"name": "黃承恩"})
    view = yt.team_view(services, team.id)
    codes = [w.code for w in view.warnings]
    assert codes == ["age_outside", "age_missing"] and "林冠廷" in view.warnings[0].zh and "22–45" in view.warnings[0].zh
    yt.update_member(services, old.id, {"birth_year": 1981})  # 45: inside
    assert [w.code for w in yt.team_view(services, team.id).warnings] == ["age_outside"]
    yt.update_member(services, old.id, {"birth_year": 70})  # 民國 70, as her ID card says: 1981
    assert [m.birth_year for m in yt.team_view(services, team.id).members if m.name == "黃承恩"] == [1981]
    with pytest.raises(ValidationError) as typo:  # 2095 for 1995: refused, not kept as a member not yet born
        yt.update_member(services, old.id, {"birth_year": 2095})
    assert "出生年 2095 不合理" in typo.value.zh
    assert [w.code for w in yt.team_view(services, team.id).warnings] == ["age_outside"]
    from counsel_desk.models import Counselor
    from counsel_desk.services import base

    with db.session() as s:
        counselor = base.create(s, Counselor(center_code="north", name="王小明"), "t", "counselor")
        s.commit()
        counselor_id = counselor.id
    rec = create_support_record(services, {"workstation_id": station.id, "support_date": date(2026, 11, 4),
                                           "kind": "consultation", "hours": 2, "topics": "提案諮詢"}, [counselor_id])
    version = yt.team_view(services, team.id).team.version
    assert yt.set_link(services, team.id, "support", rec.id) is True
    assert yt.set_link(services, team.id, "support", rec.id) is False
    view = yt.team_view(services, team.id)
    assert [s.id for s in view.supports] == [rec.id] and view.team.version == version + 1
    assert [(r.name, r.members, r.supports) for r in yt.list_teams(services)] == [("山海實驗室", 3, 1)]
    assert (rec.id, ) == tuple(c[0] for c in yt.support_choices(services))
    assert yt.support_choices(services)[0][1].startswith("115/11/04\u3000")  # dates as she reads them: 民國
    yt.set_link(services, team.id, "support", rec.id, linked=False)
    assert yt.team_view(services, team.id).supports == []
    yt.remove_member(services, old.id)
    yt.delete_team(services, team.id)
    assert yt.list_teams(services) == []


def test_outcomes_are_edited_listed_and_deleted_like_other_records(db, services, station):
    o = oc.record_outcome(services, {"workstation_id": station.id, "outcome_date": date(2026, 11, 3),
                                     "kind": "corporate_investment", "amount": 300_000, "company": "山海物產股份有限公司"})
    oc.update_outcome(services, o.id, {"amount": 450_000})
    assert oc.get_outcome(services, o.id).amount == 450_000 and oc.get_outcome(services, o.id).version == 2
    (row,) = oc.list_outcomes(services, Period.month(2026, 11))
    assert (row.tied_to, row.detail, row.amount) == ("關西青年培力工作站", "山海物產股份有限公司", 450_000)
    assert oc.owner_choices(services)["workstation"] == [(station.id, "關西青年培力工作站")]
    oc.delete_outcome(services, o.id)
    assert oc.list_outcomes(services) == []
    team = yt.register_team(services, {"name": "山海實驗室", "programme": ALTRUISM, "roc_year": 115})
    assert yt.update_team(services, team.id, {"award": 100_000}).award == 100_000


def test_outcomes_and_youth_teams_are_found_through_their_own_search_index(db, services, station):
    """Issue 17: both lists search like the visit list — words of the record, its township, its
    workstation — each word required; a deleted record is found by no search."""
    from counsel_desk.services.listing import ListQuery
    from counsel_desk.services.outcomes.outcome_lists import OutcomeListSource, YouthTeamListSource

    outcomes = OutcomeListSource(db.session_factory)
    matched = oc.record_outcome(services, {"workstation_id": station.id, "outcome_date": date(2026, 11, 3),
                                           "kind": "resource_matching", "amount": 800_000, "agency": "農業部",
                                           "programme": "農村再生計畫", "note": "協助申請社區產業補助"})
    other = oc.record_outcome(services, {"workstation_id": station.id, "outcome_date": date(2026, 11, 5),
                                         "kind": "jobs", "people": 2, "note": "咖啡館新聘店員"})

    def found(source, words: str) -> list[str]:
        return source.ids(ListQuery(search=words))

    assert found(outcomes, "農村再生") == [matched.id]  # its programme
    assert found(outcomes, "關西鎮") == [other.id, matched.id]  # its township (newest first)
    assert found(outcomes, "關西青年培力") == [other.id, matched.id]  # its workstation's name
    assert found(outcomes, "咖啡 新竹縣") == [other.id]  # a two-character word and the county, both required
    assert found(outcomes, "農業部 咖啡") == []
    oc.update_outcome(services, other.id, {"note": "民宿新聘管家"})
    assert found(outcomes, "咖啡") == [] and found(outcomes, "民宿") == [other.id]  # the edited text replaces the old
    oc.delete_outcome(services, matched.id)
    assert found(outcomes, "農村再生") == []

    teams = YouthTeamListSource(db.session_factory)
    county, town = place(db, "池上鄉")
    team = yt.register_team(services, {"name": "山海實驗室", "programme": ALTRUISM, "roc_year": 115,
                                       "themes": "海岸永續廊道", "county_code": county, "township_code": town})
    yt.register_team(services, {"name": "茶香青年隊", "programme": ALTRUISM, "roc_year": 115})
    assert found(teams, "山海") == [team.id]
    assert found(teams, "永續廊道") == [team.id]
    assert found(teams, "池上") == [team.id]
    assert len(found(teams, "利他行動")) == 2
    yt.delete_team(services, team.id)
    assert found(teams, "山海") == []


def test_a_support_session_or_an_outcome_dated_by_a_typo_of_its_year_is_refused(db, services, station):
    """民國 151 for 115 (2062 for 2026), or 2001 for 2021: refused naming the day, as a visit's day always was
    (services/days.py); a session planned a few weeks ahead still goes in."""
    from counsel_desk.services.people.people import PeopleService

    me = [PeopleService(services).create_counselor("王小明").id]
    ahead = date.today() + timedelta(days=20)
    far = date.today().replace(year=date.today().year + 36)
    with pytest.raises(ValidationError) as e:
        create_support_record(services, {"workstation_id": station.id, "support_date": far, "kind": "consultation",
                                         "hours": 2, "topics": "提案諮詢"}, me)
    assert e.value.field == "support_date" and "輔導日期" in e.value.zh and "太遠了" in e.value.zh
    assert create_support_record(services, {"workstation_id": station.id, "support_date": ahead,
                                            "kind": "consultation", "hours": 2, "topics": "提案諮詢"}, me).id
    with pytest.raises(ValidationError) as e:
        oc.record_outcome(services, {"workstation_id": station.id, "outcome_date": date(2001, 3, 1), "kind": "jobs",
                                     "people": 1})
    assert e.value.field == "outcome_date" and "成果日期" in e.value.zh and "太早了" in e.value.zh

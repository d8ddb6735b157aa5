"""Support given directly to a youth team without a workstation, and events held in a township (issue 17):
recorded through the services, counted in the month's report (its own SQL here), listed and filtered by
原住民族地區, dated just inside and just outside the month."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pytest
from sqlalchemy import text

from counsel_desk.errors import ValidationError
from counsel_desk.models import Counselor
from counsel_desk.reports import snapshots
from counsel_desk.services import base
from counsel_desk.services.workstations import events
from counsel_desk.services.outcomes import youth_teams as yt
from counsel_desk.services.listing import ListQuery
from counsel_desk.services.period import Period
from counsel_desk.services.workstations.program_lists import EventListSource, SupportListSource
from counsel_desk.services.workstations.support import create_support_record, get_support_record, update_support_record

pytestmark = pytest.mark.both_engines  # the report's SQL runs on a server too

NOV = Period.month(2026, 11)
TODAY = date(2026, 12, 2)


def town(db, name: str) -> tuple[str, str]:
    with db.session() as s:
        return tuple(s.connection().execute(text("SELECT county_code, code FROM township WHERE name = :n"),
                                            {"n": name}).one())


@pytest.fixture
def team(db, services):
    county, code = town(db, "尖石鄉")  # 新竹縣尖石鄉: 山地原住民族地區
    return yt.register_team(services, {"name": "尖石山海隊", "programme": "地方創生利他行動168", "roc_year": 115,
                                       "county_code": county, "township_code": code})


@pytest.fixture
def counselor(db):
    with db.session() as s:
        c = base.create(s, Counselor(center_code="north", name="王小明"), "t", "counselor")
        s.commit()
        return c.id


def support(services, counselor, day: date, team_id: str | None, **more):
    fields = {"support_date": day, "kind": "consultation", "hours": 2, "participants": 4, "topics": "提案諮詢", **more}
    return create_support_record(services, fields, [counselor], youth_team_id=team_id)


def test_support_given_directly_to_a_team_needs_no_workstation(db, services, team, counselor):
    with pytest.raises(ValidationError, match="請選擇工作站或青年團隊"):
        support(services, counselor, date(2026, 11, 3), None)
    rec = support(services, counselor, date(2026, 11, 3), team.id)
    view = get_support_record(services, rec.id)
    assert view.record.workstation_id is None and view.team_ids == (team.id,)
    team_view = yt.team_view(services, team.id)
    assert [(s.id, s.title) for s in team_view.supports] == [(rec.id, "（直接輔導團隊）")]
    assert team_view.team.version == 2  # the link travels in the team's row
    # it can't be unlinked from its only team: it would be given to nobody
    with pytest.raises(ValidationError, match="直接給這個團隊"):
        yt.set_link(services, team.id, "support", rec.id, linked=False)
    # changed to another team: linked there, let go here
    other = yt.register_team(services, {"name": "海線慢旅", "programme": "地方創生利他行動168", "roc_year": 115})
    update_support_record(services, rec.id, {"hours": 3}, youth_team_id=other.id)
    assert get_support_record(services, rec.id).team_ids == (other.id,)
    # the support list names the team and places it where the team is (尖石鄉 no longer: 海線慢旅 has no place)
    source = SupportListSource(db.session_factory)
    rows = source.rows(source.ids(ListQuery(filters={})))
    assert rows[rec.id]["workstation"] == "海線慢旅"


def test_the_months_report_counts_team_support_and_events_by_indigenous_area(db, services, team, counselor):
    county, code = town(db, "尖石鄉")
    for day in (date(2026, 10, 31), date(2026, 11, 1), date(2026, 11, 30), date(2026, 12, 1)):
        support(services, counselor, day, team.id)
        events.create_event(services, {"event_date": day, "title": "部落培力課程", "kind": "training",
                                       "county_code": county, "township_code": code, "participants": 20,
                                       "hours": 6, "trainees": 20, "completed": 18})
    with pytest.raises(ValidationError, match="尖石鄉不在臺北市"):
        events.create_event(services, {"event_date": date(2026, 11, 5), "title": "錯置", "kind": "exchange",
                                       "county_code": "63000", "township_code": code})
    report = snapshots.generate(services, "north", NOV, prepared_by="王承辦", today=TODAY)
    f = report.figures
    with db.session() as s:
        own = s.connection().execute(text(
            "SELECT count(*), sum(s.hours) FROM support_record s WHERE s.deleted_at IS NULL AND s.workstation_id IS NULL "
            "AND s.support_date BETWEEN '2026-11-01' AND '2026-11-30' AND s.id IN ("
            "SELECT support_id FROM youth_team_support)")).one()
    assert (f.support_sessions, f.support_hours) == (own[0], own[1]) == (2, 4.0)
    assert [(s.name, s.county, s.township, s.sessions) for s in f.support_by_station] == [
        ("青年團隊：尖石山海隊", "新竹縣", "尖石鄉", 2)]
    areas = {a.code: a for a in f.places.areas}
    assert (areas["mountain"].support_sessions, areas["mountain"].events, areas["mountain"].event_participants) == (2, 2, 40)
    assert areas["other"].events == 0 and f.events == 2
    assert report.data["indigenous_areas"]["mountain"]["events"] == 2
    wb = openpyxl.load_workbook(io.BytesIO(report.xlsx), read_only=True)
    rows = {r[0]: r for r in wb["原住民族地區"].iter_rows(values_only=True) if r and r[0]}
    assert rows["山地原住民族地區"][4] == 2 and rows["山地原住民族地區"][7] == 2
    station_rows = [r for r in wb["工作站輔導"].iter_rows(values_only=True) if r and r[0]]
    assert any(r[0] == "青年團隊：尖石山海隊" and r[3] == 2 for r in station_rows)
    # the team's own line in the report's youth teams counts its sessions (December's: the team was registered then)
    dec = snapshots.generate(services, "north", Period.month(2026, 12), prepared_by="王承辦", today=date(2027, 1, 2))
    assert next(t for t in dec.figures.outcomes.teams if t.name == "尖石山海隊").supports == 1


def test_the_events_list_filters_by_indigenous_area_and_shows_the_township(db, services):
    mountain = town(db, "尖石鄉")
    plain = town(db, "竹北市")
    for (county, code), title in ((mountain, "尖石部落成果展"), (plain, "竹北媒合會")):
        events.create_event(services, {"event_date": date(2026, 11, 5), "title": title, "kind": "showcase",
                                       "county_code": county, "township_code": code})
    events.create_event(services, {"event_date": date(2026, 11, 6), "title": "線上工作坊", "kind": "workshop"})
    source = EventListSource(db.session_factory)

    def titles(value: str | None) -> set[str]:
        ids = source.ids(ListQuery(filters={"indigenous": value} if value else {}))
        return {r["title"] for r in source.rows(ids).values()}

    assert titles(None) == {"尖石部落成果展", "竹北媒合會", "線上工作坊"}
    assert titles("mountain") == titles("any") == {"尖石部落成果展"}
    assert titles("plains") == set() and titles("none") == {"竹北媒合會"}
    rows = source.rows(source.ids(ListQuery(filters={"township_code": mountain[1]})))
    assert [r["township"] for r in rows.values()] == ["尖石鄉"]

"""Every list filters by 原住民族地區 (山地／平地): checked on the demo against the reference data with SQL."""

from __future__ import annotations

import pytest

from counsel_desk.services.base import ServiceContext
from counsel_desk.services.visits.followups import FollowUpListSource
from counsel_desk.services.listing import ListQuery
from counsel_desk.services.outcomes.outcome_lists import OutcomeListSource, YouthTeamListSource
from counsel_desk.services.workstations.program_lists import (
    EventListSource, PublicSpaceListSource, SupportListSource, WorkstationListSource,
)
from counsel_desk.services.proposals.listing import ProposalListSource
from counsel_desk.services.visits.visit_list import VisitListSource
from counsel_desk.store import driver

AREA = {"any": ("山地", "平地"), "mountain": ("山地",), "plains": ("平地",), "none": (None,)}


def _area_of(db, table: str, township_sql: str, ids: list[str]) -> set:
    con = driver.connect(db.path)
    try:
        marks = ",".join("?" * len(ids))
        return {r[0] for r in con.execute(
            f"SELECT tw.indigenous_area FROM {table} t JOIN township tw ON tw.code = {township_sql} "
            f"WHERE t.id IN ({marks})", ids)}
    finally:
        con.close()


@pytest.mark.parametrize("value", list(AREA))
def test_visits_followups_proposals_and_programme_lists_keep_only_the_chosen_areas(demo_db, value):
    sc = ServiceContext(demo_db.session_factory, "測試", "north")
    sf = demo_db.session_factory
    lists = [
        (VisitListSource(sc), "site_visit", "t.township_code"),
        (FollowUpListSource(sc), "followup", "(SELECT v.township_code FROM site_visit v WHERE v.id = t.visit_id)"),
        (ProposalListSource(sc), "proposal", "t.township_code"),
        (WorkstationListSource(sf), "workstation", "t.township_code"),
        (SupportListSource(sf), "support_record",  # the station's township, or the team's given support directly
         "coalesce((SELECT w.township_code FROM workstation w WHERE w.id = t.workstation_id), "
         "(SELECT y.township_code FROM youth_team_support l JOIN youth_team y ON y.id = l.team_id "
         "WHERE l.support_id = t.id AND t.workstation_id IS NULL))"),
        (EventListSource(sf), "center_event", "t.township_code"),
        (PublicSpaceListSource(sf), "public_space", "t.township_code"),
        (YouthTeamListSource(sf), "youth_team", "t.township_code"),
        (OutcomeListSource(sf), "outcome", OutcomeListSource.township_column.replace("t.", "t.")),
    ]
    for source, table, township_sql in lists:
        every = source.ids(ListQuery(filters={}))
        chosen = source.ids(ListQuery(filters={"indigenous": value}))
        others = source.ids(ListQuery(filters={"indigenous": {"none": "any", "any": "none"}.get(value, "none")}))
        assert set(chosen) <= set(every), table
        if chosen:
            assert _area_of(demo_db, table, township_sql, chosen) <= set(AREA[value]), table
        if value in ("any", "none"):  # the two halves make the whole list (rows without a township aside)
            assert len(chosen) + len(others) <= len(every), table
    visits = VisitListSource(sc)
    assert visits.ids(ListQuery(filters={"indigenous": "mountain"})), "the demo's north has 山地 visits (尖石、復興…)"


def test_the_demo_holds_its_events_in_plausible_townships(demo_db):
    """Every demo event has a township in its county, named in its place; some are in indigenous areas."""
    con = driver.connect(demo_db.path)
    try:
        rows = con.execute("SELECT e.place, e.county_code, t.county_code, t.name FROM center_event e "
                           "LEFT JOIN township t ON t.code = e.township_code").fetchall()
    finally:
        con.close()
    assert rows and all(town_county == county and name in place for place, county, town_county, name in rows)
    sf = demo_db.session_factory
    assert EventListSource(sf).ids(ListQuery(filters={"indigenous": "any"})) or len(rows) < 10

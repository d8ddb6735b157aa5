"""The report's places (issue 17): 原住民族地區 and township stocktaking (盤點).

- the period's work by kind of place — 山地, 平地 and the other townships of the center's counties (all
  counties for headquarters): townships, townships visited, visits, support sessions of the stations there
  (or of the youth teams there a center supported directly), proposals alive at the period's end and proposals
  approved by then (their stage history read as of the end), the center's events held there;
- the townships by stocktaking status as of the period's end (derived from plans and proposals, or as a
  counselor's dated note set it; services/places/stocktaking.py);
- the coded 推動課題 the period's visits met: visits and townships per topic.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from counsel_desk.models.enums import TownshipStatus
from counsel_desk.services.places import stocktaking
from counsel_desk.services.figures.figures import center_sql, sql_params, stage_at_end_sql
from counsel_desk.services.period import Period

AREAS = (("mountain", "山地原住民族地區", "t.indigenous_area = '山地'"),
         ("plains", "平地原住民族地區", "t.indigenous_area = '平地'"),
         ("other", "非原住民族地區", "t.indigenous_area IS NULL"))
# the kind of place of a township aliased ``t``: AREAS' codes (a township of none of them has none)
AREA_OF_SQL = "CASE " + " ".join(f"WHEN {cond} THEN '{code}'" for code, _, cond in AREAS) + " END"


@dataclass(frozen=True)
class AreaLine:
    code: str  # mountain, plains, other
    label: str  # zh_TW
    townships: int
    townships_visited: int
    visits: int
    support_sessions: int
    proposals_alive: int  # not deleted, created by the period's end
    proposals_approved: int  # at 通過 at the period's end (read from the stage history)
    events: int = 0  # the center's events held in these townships (an event without a township is in none)
    event_participants: int = 0


@dataclass(frozen=True)
class StatusLine:
    status: str  # TownshipStatus code
    townships: int
    indigenous: int  # of which in 原住民族地區

    @property
    def label(self) -> str:
        return TownshipStatus(self.status).zh


@dataclass(frozen=True)
class TopicLine:
    code: str
    name: str
    visits: int
    townships: int


@dataclass
class PlacesFigures:
    areas: list[AreaLine]
    statuses: list[StatusLine]
    topics: list[TopicLine]
    overridden: int  # townships whose status a counselor's note sets

    def as_json(self) -> dict[str, Any]:
        return {"indigenous_areas": {a.code: {"visits": a.visits, "townships_visited": a.townships_visited,
                                              "support_sessions": a.support_sessions,
                                              "proposals_alive": a.proposals_alive,
                                              "proposals_approved": a.proposals_approved,
                                              "events": a.events, "event_participants": a.event_participants}
                                     for a in self.areas},
                "township_status": {s.status: s.townships for s in self.statuses},
                "issue_topics": {t.code: t.visits for t in self.topics}}


def _scope(center: str | None) -> str:
    """Townships of the center's counties (every township for headquarters), for a table aliased ``t``."""
    return "" if center is None else " AND t.county_code IN (SELECT code FROM county WHERE default_center = :center)"


def _by_area(conn: Connection, sql: str, params: dict[str, Any]) -> dict[str, tuple[Any, ...]]:
    """Area code → the figures of a query whose first column is AREA_OF_SQL, grouped by it (one pass for all areas)."""
    return {area: tuple(rest) for area, *rest in conn.execute(text(sql), params) if area is not None}


def compute(conn: Connection, center: str | None, period: Period) -> PlacesFigures:
    params = sql_params(center, period)
    scope = _scope(center)
    towns = _by_area(conn, f"SELECT {AREA_OF_SQL}, count(*) FROM township t WHERE 1 = 1{scope} GROUP BY 1", params)
    visits = _by_area(conn, (
        f"SELECT {AREA_OF_SQL}, count(*), count(DISTINCT v.township_code) FROM site_visit v "
        "JOIN township t ON t.code = v.township_code "
        f"WHERE +v.deleted_at IS NULL{center_sql('v', center)} AND v.visit_date BETWEEN :start AND :end GROUP BY 1"),
        params)
    # where the support went: the station's township, or (support given directly to a youth team
    # without a station) the team's
    support = _by_area(conn, (
        f"SELECT {AREA_OF_SQL}, count(*) FROM support_record s JOIN township t ON t.code = coalesce("
        "(SELECT w.township_code FROM workstation w WHERE w.id = s.workstation_id), "
        "(SELECT min(y.township_code) FROM youth_team_support l JOIN youth_team y ON y.id = l.team_id "
        "  AND +y.deleted_at IS NULL WHERE l.support_id = s.id AND s.workstation_id IS NULL)) "
        f"WHERE +s.deleted_at IS NULL{center_sql('s', center)} AND s.support_date BETWEEN :start AND :end "
        "GROUP BY 1"), params)
    events = _by_area(conn, (
        f"SELECT {AREA_OF_SQL}, count(*), coalesce(sum(e.participants), 0) FROM center_event e "
        "JOIN township t ON t.code = e.township_code "
        f"WHERE +e.deleted_at IS NULL{center_sql('e', center)} AND e.event_date BETWEEN :start AND :end GROUP BY 1"),
        params)
    proposals = _by_area(conn, (
        stage_at_end_sql(center) + f"SELECT {AREA_OF_SQL}, count(*), coalesce(sum(a.stage = 'approved'), 0) "
        "FROM at_end a JOIN proposal p ON p.id = a.id JOIN township t ON t.code = p.township_code GROUP BY 1"),
        params)
    areas = []
    for code, label, _ in AREAS:
        n_visits, visited = visits.get(code, (0, 0))
        n_events, event_people = events.get(code, (0, 0))
        alive, approved = proposals.get(code, (0, 0))
        areas.append(AreaLine(code, label, int(towns.get(code, (0,))[0]), int(visited), int(n_visits),
                              int(support.get(code, (0,))[0]), int(alive), int(approved), int(n_events),
                              int(event_people)))
    in_scope = {code: area for code, area in conn.execute(
        text(f"SELECT t.code, t.indigenous_area FROM township t WHERE 1 = 1{scope}"), params)}
    standings = stocktaking.standings_in(conn, period.end)
    counts = {s: [0, 0] for s in TownshipStatus}
    overridden = 0
    for code, area in in_scope.items():
        st = standings.get(code)
        status = st.status if st else TownshipStatus.NOT_STARTED
        counts[status][0] += 1
        counts[status][1] += area is not None
        overridden += bool(st and st.overridden)
    topics = [TopicLine(r[0], r[1], int(r[2]), int(r[3])) for r in conn.execute(text(
        "SELECT k.code, k.name, count(*), count(DISTINCT v.township_code) FROM visit_issue_topic l "
        "JOIN site_visit v ON v.id = l.visit_id JOIN issue_topic k ON k.id = l.topic_id "
        f"WHERE +v.deleted_at IS NULL{center_sql('v', center)} AND v.visit_date BETWEEN :start AND :end "
        "GROUP BY k.code, k.name, k.sort_order ORDER BY count(*) DESC, k.sort_order"), params)]
    return PlacesFigures(areas, [StatusLine(s.value, n, ind) for s, (n, ind) in counts.items()], topics, overridden)

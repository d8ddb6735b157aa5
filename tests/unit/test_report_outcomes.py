"""The report's outcomes, youth teams and training (issue 17): summed by date, read back from Excel and PDF.

The month's outcome totals are checked against a count made here in plain SQL over the same rows,
with records dated on the period's first and last day and just outside it.
"""

from __future__ import annotations

import io
from datetime import date

import openpyxl
from pypdf import PdfReader
from sqlalchemy import text

from counsel_desk.models.enums import OutcomeKind
from counsel_desk.reports import snapshots
from counsel_desk.services.workstations import events as events_service
from counsel_desk.services.outcomes import outcomes as oc
from counsel_desk.services.workstations import workstations as ws
from counsel_desk.services.outcomes import youth_teams as yt
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.period import Period

NOV = Period.month(2026, 11)
TODAY = date(2026, 12, 5)


def _town(db, name: str) -> tuple[str, str]:
    with db.session() as s:
        return tuple(s.connection().execute(text("SELECT county_code, code FROM township WHERE name=:n"),
                                            {"n": name}).one())


def _world(db, services) -> None:
    county, town = _town(db, "關西鎮")
    station = ws.create_workstation(services, {"name": "關西青年培力工作站", "county_code": county,
                                               "township_code": town, "status": "active"})
    gone = ws.create_workstation(services, {"name": "已刪除工作站", "county_code": county, "township_code": town,
                                            "status": "active"})
    east = ServiceContext(db.session_factory, actor="東區", center_code="east")
    team = yt.register_team(services, {"name": "山海實驗室", "programme": "地方創生利他行動168", "roc_year": 115,
                                       "award": 600_000, "county_code": county, "township_code": town})
    yt.add_member(services, team.id, {"name": "林冠廷", "birth_year": 2005})
    with db.engine.begin() as conn:  # registered in October (a team registered after the period is not in it)
        conn.exec_driver_sql("UPDATE youth_team SET created_at = '2026-10-01 02:00:00.000000'")
    records = [
        (services, date(2026, 10, 31), "youth_stayed", 100, 0, station.id),  # the day before: out
        (services, date(2026, 11, 1), "youth_stayed", 2, 0, station.id),  # first day: in
        (services, date(2026, 11, 30), "youth_returned", 3, 0, station.id),  # last day: in
        (services, date(2026, 12, 1), "youth_returned", 100, 0, station.id),  # the day after: out
        (services, date(2026, 11, 15), "revenue", 0, 250_000, station.id),
        (services, date(2026, 11, 16), "jobs", 4, 0, gone.id),  # its workstation is deleted below: out
        (east, date(2026, 11, 20), "jobs", 7, 0, None),  # another center: out of 北區, in the national sum
    ]
    for sc, day, kind, people, amount, station_id in records:
        fields = {"outcome_date": day, "kind": kind, "people": people, "amount": amount}
        fields.update({"workstation_id": station_id} if station_id else {"county_code": county, "township_code": town})
        oc.record_outcome(sc, fields)
    deleted = oc.record_outcome(services, {"workstation_id": station.id, "outcome_date": date(2026, 11, 10),
                                           "kind": "visitors", "people": 999})
    oc.delete_outcome(services, deleted.id)
    oc.record_outcome(services, {"youth_team_id": team.id, "outcome_date": date(2026, 11, 12), "kind": "visitors",
                                 "people": 450})
    ws.delete_workstation(services, gone.id)
    for day, kind, hours, trainees, completed in ((date(2026, 11, 3), "training", 6.0, 20, 18),
                                                  (date(2026, 11, 30), "training", 3.5, 10, 7),
                                                  (date(2026, 12, 1), "training", 9.0, 99, 99),
                                                  (date(2026, 11, 8), "showcase", 0.0, 0, 0)):
        events_service.create_event(services, {"event_date": day, "title": f"{kind}{day}", "kind": kind,
                                                "participants": trainees or 80, "hours": hours,
                                                "trainees": trainees, "completed": completed})


def _independent(db) -> dict[str, int]:
    """November's outcomes of 北區 added up here, straight from the tables."""
    sql = ("SELECT o.kind, sum(o.people), sum(o.amount) FROM outcome o "
           "WHERE o.center_code = 'north' AND o.deleted_at IS NULL "
           "AND o.outcome_date >= '2026-11-01' AND o.outcome_date <= '2026-11-30' "
           "AND (o.workstation_id IS NULL OR o.workstation_id IN (SELECT id FROM workstation WHERE deleted_at IS NULL)) "
           "GROUP BY o.kind")
    with db.engine.connect() as c:
        got = {kind: (people if kind in ("youth_stayed", "youth_returned", "jobs", "visitors") else amount)
               for kind, people, amount in c.exec_driver_sql(sql)}
    return {k.value: int(got.get(k.value, 0)) for k in OutcomeKind}


def test_the_months_outcomes_are_the_records_dated_inside_it(db, services):
    _world(db, services)
    report = snapshots.generate(services, "north", NOV, prepared_by="王承辦", today=TODAY)
    o = report.figures.outcomes
    expected = _independent(db)
    assert o.totals.by_kind == expected
    assert expected["youth_stayed"] == 2 and expected["youth_returned"] == 3 and expected["visitors"] == 450
    assert report.data["outcomes"]["youth_total"] == 5 and report.data["training"]["trainees"] == 30
    assert (o.training.courses, o.training.hours, o.training.completed) == (2, 9.5, 25)
    (team,) = o.teams
    assert team.name == "山海實驗室" and any("林冠廷" in w and "22–45" in w for w in team.warnings)

    wb = openpyxl.load_workbook(io.BytesIO(report.xlsx), read_only=True)
    cells = [[c for c in row] for row in wb["成果"].iter_rows(values_only=True)]
    by_label = {r[0]: r[1] for r in cells if r and r[0] in {k.zh for k in OutcomeKind}}
    assert by_label == {OutcomeKind(k).zh: v for k, v in expected.items()}
    summary = {r[0]: r[1] for r in wb["摘要"].iter_rows(values_only=True) if len(r) > 1 and r[0]}
    assert summary["青年留鄉／返鄉（成果紀錄）"] == 5 and summary["培力課程學員"] == 30
    training = [r for r in wb["培力課程"].iter_rows(values_only=True) if r and r[0] == "合計"]
    assert training[0][3:6] == (9.5, 30, 25)
    assert [r[0] for r in wb["青年團隊"].iter_rows(values_only=True) if r and r[0] == "山海實驗室"] == ["山海實驗室"]

    pdf = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(report.pdf)).pages)
    assert "成果、青年團隊與培力課程" in pdf and "青年留鄉／返鄉 5 人" in pdf and "學員 30 人" in pdf


def test_headquarters_adds_up_the_four_centers_beside_the_national_figures(db, services):
    _world(db, services)
    report = snapshots.generate(services, None, NOV, prepared_by="總部", today=TODAY)
    o = report.figures.outcomes
    assert o.by_center["north"].of("jobs") == 0 and o.by_center["east"].of("jobs") == 7
    jobs = next(n for n in o.national if n.key == "jobs")
    assert jobs.centers_total == 7 and jobs.national == 12_000
    wb = openpyxl.load_workbook(io.BytesIO(report.xlsx), read_only=True)
    rows = {r[0]: r for r in wb["全國比較"].iter_rows(values_only=True) if r and r[0]}
    assert rows["就業機會"][5:7] == (7, 12_000)
    # youth to date: 2 + 3 + the 100 dated 31 October (before the end) — not the one of 1 December
    assert rows["青年留鄉／返鄉"][5] == 105

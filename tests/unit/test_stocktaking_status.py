"""Township status over time (盤點): a past period's status read from the proposals' dated stage history, and a
counselor's override that lapses when the records move past the point it was set at.

The history is built by hand (dated proposals, plans, stage moves, visits) and the expected status is worked
out here from those dates, apart from the service's SQL; both engines."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from counsel_desk.models import Plan, Proposal, SiteVisit, StageChange, TownshipStatusNote
from counsel_desk.models.enums import TownshipStatus
from counsel_desk.reports.figures_places import compute as places
from counsel_desk.services.places import stocktaking
from counsel_desk.services.period import Period
from tests.pg_server import driver_sql

pytestmark = pytest.mark.both_engines

HSINCHU, GUANXI, ZHUBEI = "10004", "10004040", "10004010"
NOV, DEC = Period.month(2026, 11), Period.month(2026, 12)


def _at(y: int, m: int, d: int, h: int = 2, mi: int = 0) -> datetime:
    return datetime(y, m, d, h, mi, tzinfo=UTC)


def _proposal(db, title: str, moves: list[tuple[str, str, datetime]], town: str = GUANXI) -> str:
    """A proposal created at its first move's time, moved along ``moves`` (from, to, when); its stage is the last."""
    with db.session() as s:
        p = Proposal(center_code="north", title=title, applicant_type="company", county_code=HSINCHU,
                     township_code=town, route="multi", stage=moves[-1][1], created_at=moves[0][2])
        s.add(p)
        s.flush()
        s.add_all([StageChange(proposal_id=p.id, from_stage=a, to_stage=b, changed_at=at, created_at=at)
                   for a, b, at in moves])
        s.commit()
        return p.id


def _note(db, status: str, noted_on: date, note: str = "公所成立小組", town: str = GUANXI) -> None:
    with db.session() as s:
        s.add(TownshipStatusNote(center_code="north", county_code=HSINCHU, township_code=town, status=status,
                                 noted_on=noted_on, note=note, created_at=_at(noted_on.year, noted_on.month,
                                                                               noted_on.day)))
        s.commit()


def _visit(db, day: date, town: str = GUANXI) -> None:
    with db.session() as s:
        s.add(SiteVisit(center_code="north", visit_date=day, county_code=HSINCHU, township_code=town, mode="onsite"))
        s.commit()


def _status_on(db, day: date, town: str = GUANXI) -> TownshipStatus:
    with db.engine.connect() as c:
        st = stocktaking.standings_in(c, day).get(town)
    return st.status if st else TownshipStatus.NOT_STARTED


def test_a_proposal_approved_in_december_is_not_approved_in_novembers_figures(db, services):
    _proposal(db, "關西仙草共好", [("", "idea", _at(2026, 10, 5)), ("idea", "drafting", _at(2026, 10, 20)),
                               ("drafting", "sent", _at(2026, 11, 10)), ("sent", "council", _at(2026, 11, 20)),
                               ("council", "approved", _at(2026, 12, 2))])
    with db.engine.connect() as c:  # the test's own reading of the history: the last move by the end
        moves = driver_sql(c, "SELECT to_stage, changed_at FROM stage_change ORDER BY changed_at").fetchall()
        stage_now = driver_sql(c, "SELECT stage FROM proposal").scalar()
    assert stage_now == "approved"
    by_nov_end = [to for to, at in moves if datetime.fromisoformat(str(at)[:19]) < datetime(2026, 11, 30, 16)]
    assert by_nov_end[-1] == "council"
    assert _status_on(db, NOV.end) is TownshipStatus.FILED
    assert _status_on(db, DEC.end) is TownshipStatus.APPROVED
    assert _status_on(db, date(2026, 10, 10)) is TownshipStatus.COUNSELING  # an idea then
    assert _status_on(db, date(2026, 10, 4)) is TownshipStatus.NOT_STARTED  # not there yet
    assert stocktaking.standing(services, GUANXI).status is TownshipStatus.APPROVED  # now
    # the month's report counts it among 已提報 in November, 已核定 only in December
    with db.engine.connect() as c:
        nov_places, dec_places = places(c, "north", NOV), places(c, "north", DEC)
    nov = {line.status: line.townships for line in nov_places.statuses}
    dec = {line.status: line.townships for line in dec_places.statuses}
    assert nov["approved"] == 0 and nov["filed"] == 1
    assert dec["approved"] == 1 and dec["filed"] == 0
    # and the 原住民族地區 table's approved proposals (關西 is a 平地 area) follow the same history
    assert [(a.code, a.proposals_approved) for a in nov_places.areas if a.proposals_alive] == [("plains", 0)]
    assert [(a.code, a.proposals_approved) for a in dec_places.areas if a.proposals_alive] == [("plains", 1)]


def test_a_move_late_on_the_last_evening_utc_counts_by_its_taiwan_day(db):
    # 2026-11-30 16:30 UTC is 1 December 00:30 in Taiwan: not yet approved on 30 November
    _proposal(db, "午夜核定", [("", "council", _at(2026, 11, 2)), ("council", "approved", _at(2026, 11, 30, 16, 30))])
    assert _status_on(db, date(2026, 11, 30)) is TownshipStatus.FILED
    assert _status_on(db, date(2026, 12, 1)) is TownshipStatus.APPROVED
    with db.engine.connect() as c:  # the timeline an override's lapse is judged by reads the same day
        timeline = stocktaking.TownshipTimeline(c, GUANXI)
    assert timeline.status_on(date(2026, 11, 30)) is TownshipStatus.FILED
    assert timeline.status_on(date(2026, 12, 1)) is TownshipStatus.APPROVED


def test_a_plan_reads_its_own_moves_not_its_proposals(db):
    with db.session() as s:
        plan = Plan(center_code="north", title="關西地方創生計畫", county_code=HSINCHU, township_code=GUANXI,
                    stage="approved", created_at=_at(2026, 9, 1))
        s.add(plan)
        s.flush()
        s.add_all([StageChange(plan_id=plan.id, from_stage=a, to_stage=b, changed_at=at, created_at=at)
                   for a, b, at in (("", "drafting", _at(2026, 9, 1)), ("drafting", "township_filed", _at(2026, 10, 1)),
                                    ("township_filed", "approved", _at(2026, 12, 10)))])
        s.commit()
    assert _status_on(db, date(2026, 9, 15)) is TownshipStatus.WRITING
    assert _status_on(db, NOV.end) is TownshipStatus.FILED
    assert _status_on(db, DEC.end) is TownshipStatus.APPROVED


def test_an_override_holds_while_the_records_stand_still(db, services):
    _visit(db, date(2026, 10, 1))
    _note(db, "writing", date(2026, 10, 15))
    _visit(db, date(2026, 11, 3))  # another visit changes nothing: the records still say 接觸中
    st = stocktaking.standing(services, GUANXI)
    assert st.status is TownshipStatus.WRITING and st.overridden and st.lapse is None
    assert st.derived is TownshipStatus.CONTACT


def test_an_override_lapses_when_a_later_stage_move_moves_the_derived_status(db, services):
    _proposal(db, "關西仙草共好", [("", "idea", _at(2026, 10, 5)), ("idea", "drafting", _at(2026, 11, 12)),
                               ("drafting", "sent", _at(2026, 12, 3))])
    _note(db, "filed", date(2026, 10, 20), "公所口頭表示已提報")
    # until the proposal moves on, the counselor's word counts
    assert _status_on(db, date(2026, 11, 11)) is TownshipStatus.FILED
    with db.engine.connect() as c:
        nov = stocktaking.standings_in(c, NOV.end)[GUANXI]
    assert nov.status is TownshipStatus.WRITING and not nov.overridden
    assert nov.lapse is not None and nov.lapse.on == date(2026, 11, 12)
    assert nov.lapse.derived is TownshipStatus.WRITING and "關西仙草共好" in nov.lapse.why
    assert nov.set_to is TownshipStatus.FILED
    # the panel says when and why
    panel = stocktaking.township_panel(services, GUANXI)
    lapsed = [e for e in panel.history if "失效" in e.what]
    assert len(lapsed) == 1 and lapsed[0].day == date(2026, 11, 12) and "關西仙草共好" in lapsed[0].what
    # a newer note counts again, until the next move after it (3 December: sent)
    _note(db, "approved", date(2026, 11, 20), "會報已口頭通過")
    assert _status_on(db, date(2026, 12, 2)) is TownshipStatus.APPROVED
    assert _status_on(db, date(2026, 12, 3)) is TownshipStatus.FILED


def test_a_first_visit_lapses_an_override_set_on_a_township_with_nothing(db, services):
    _note(db, "contact", date(2026, 10, 1), "電話聯繫過")
    assert stocktaking.standing(services, GUANXI).overridden
    _visit(db, date(2026, 10, 9))
    st = stocktaking.standing(services, GUANXI)
    assert not st.overridden and st.status is TownshipStatus.CONTACT
    assert st.lapse is not None and st.lapse.on == date(2026, 10, 9)


def test_a_note_handing_back_ends_an_override_explicitly(db, services):
    _visit(db, date(2026, 10, 1))
    _note(db, "approved", date(2026, 10, 2))
    _note(db, "", date(2026, 10, 5), "回到推算")
    st = stocktaking.standing(services, GUANXI)
    assert st.status is TownshipStatus.CONTACT and not st.overridden and st.lapse is None
    assert _status_on(db, date(2026, 10, 3)) is TownshipStatus.APPROVED  # it counted in between


def test_records_of_another_township_leave_the_override_alone(db, services):
    _visit(db, date(2026, 10, 1))
    _note(db, "counseling", date(2026, 10, 2))
    _proposal(db, "竹北案", [("", "drafting", _at(2026, 10, 9))], town=ZHUBEI)
    assert stocktaking.standing(services, GUANXI).overridden


def test_the_lapse_timeline_and_the_reports_sql_agree_on_every_township_and_day(demo_db):
    """Two readings of the same rule: the report's SQL (all townships as of a day) and the per-township
    timeline an override's lapse is judged by."""
    days = [date(2026, 1, 31), date(2026, 6, 30), date(2026, 9, 30), date(2026, 10, 31), date(2026, 11, 26)]
    with demo_db.engine.connect() as c:
        towns = [r[0] for r in driver_sql(c, "SELECT township_code FROM proposal UNION SELECT township_code FROM plan "
                                             "UNION SELECT township_code FROM site_visit UNION SELECT township_code "
                                             "FROM workstation UNION SELECT township_code FROM public_space"
                                          ).fetchall() if r[0]]
        by_day = {d: stocktaking.derived_statuses(c, d) for d in days}
        for town in towns:
            timeline = stocktaking.TownshipTimeline(c, town)
            for d in days:
                assert timeline.status_on(d) is by_day[d].get(town, TownshipStatus.NOT_STARTED), (town, d)
    assert len(towns) > 30 and len({s for d in days for s in by_day[d].values()}) >= 4


def test_the_november_workbook_read_back_counts_the_township_filed_not_approved(db, services):
    import io

    import openpyxl

    from counsel_desk.reports import snapshots

    _proposal(db, "關西仙草共好", [("", "idea", _at(2026, 10, 5)), ("idea", "sent", _at(2026, 11, 10)),
                               ("sent", "council", _at(2026, 11, 20)), ("council", "approved", _at(2026, 12, 2))])

    def statuses(period: Period) -> dict[str, int]:
        report = snapshots.generate(services, "north", period, prepared_by="王承辦", today=date(2026, 12, 20))
        sheet = openpyxl.load_workbook(io.BytesIO(report.xlsx), read_only=True)["鄉鎮盤點"]
        return {r[0]: r[1] for r in sheet.iter_rows(values_only=True) if r and r[0] in {s.zh for s in TownshipStatus}}

    nov, dec = statuses(NOV), statuses(DEC)
    assert nov[TownshipStatus.APPROVED.zh] == 0 and nov[TownshipStatus.FILED.zh] == 1
    assert dec[TownshipStatus.APPROVED.zh] == 1 and dec[TownshipStatus.FILED.zh] == 0

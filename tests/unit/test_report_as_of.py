"""The disputed figures of issue 15, counted as of the period's end and checked against the test's own
count: a follow-up cancelled or closed after the end, a proposal re-submitted after 退回修正, a
reimbursement recorded after the end, a deleted workstation. The test's count reads the raw rows
and applies the written rule (docs/reports.md) in Python, apart from the report's SQL.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import select

from counsel_desk.models import FollowUp, Proposal, SiteVisit, StageChange, SupportRecord, Workstation
from counsel_desk.reports.figures import compute
from counsel_desk.services.period import Period
from counsel_desk.services.workstations import workstation_budgets, workstations
from tests.pg_server import driver_sql

NOV, DEC = Period.month(2026, 11), Period.month(2026, 12)
AFTER = date(2026, 12, 20)  # the day the reports are made: both periods have ended
NEW_TAIPEI, BANQIAO, WULAI = "65000", "65000010", "65000290"


def _tw_day(stamp) -> date:
    return (stamp + timedelta(hours=8)).date()


def own_overdue(db, end: date, center: str = "north") -> int:
    """Overdue on the last day: due before it, visit by then, not closed or cancelled by then."""
    with db.engine.connect() as c:
        rows = driver_sql(c,
            "SELECT f.due_date, f.status, f.followup_date, f.updated_at, v.visit_date FROM followup f "
            "JOIN site_visit v ON v.id = f.visit_id WHERE f.deleted_at IS NULL AND v.deleted_at IS NULL "
            "AND v.center_code = ?", (center,)).fetchall()
    n = 0
    for due, status, settled, updated, visited in rows:
        if due is None or date.fromisoformat(due) >= end or date.fromisoformat(visited) > end:
            continue
        settled_on = date.fromisoformat(settled) if settled else _tw_day(datetime.fromisoformat(updated[:19]))
        if status in ("closed", "cancelled") and settled_on <= end:
            continue
        n += 1
    return n


def own_sent(db, period: Period, center: str = "north") -> tuple[int, int]:
    """(proposals sent in the period, sendings in the period that were not the first). Sent: the center's
    move to 送專案辦公室, or on the existing route the county passing it on (縣府審查 → 會報工作會議審議)."""
    with db.engine.connect() as c:
        moves = driver_sql(c,
            "SELECT sc.proposal_id, sc.changed_at, sc.from_stage, sc.to_stage FROM stage_change sc "
            "JOIN proposal p ON p.id = sc.proposal_id WHERE sc.deleted_at IS NULL AND p.deleted_at IS NULL "
            "AND p.center_code = ? ORDER BY sc.changed_at", (center,)).fetchall()
    seen: set[str] = set()
    proposals, again = set(), 0
    for pid, at, from_stage, to_stage in moves:
        if not (to_stage == "sent" or (from_stage, to_stage) == ("county_review", "council")):
            continue
        day = _tw_day(datetime.fromisoformat(at[:19]))
        if period.start <= day <= period.end:
            proposals.add(pid)
            again += pid in seen
        seen.add(pid)
    return len(proposals), again


def own_execution(db, end: date, roc_year: int) -> dict[str, tuple[int, int, int]]:
    """Live station → (approved, disbursed, reimbursed) dated by the end."""
    out: dict[str, tuple[int, int, int]] = {}
    with db.engine.connect() as c:
        budgets = driver_sql(c,
            "SELECT b.id, w.name, b.approved_subsidy, b.approved_on, b.created_at FROM workstation_budget b "
            "JOIN workstation w ON w.id = b.workstation_id WHERE b.deleted_at IS NULL AND w.deleted_at IS NULL "
            "AND b.roc_year = ?", (roc_year,)).fetchall()
        for bid, name, approved, approved_on, created in budgets:
            day = date.fromisoformat(approved_on) if approved_on else _tw_day(datetime.fromisoformat(created[:19]))
            lines = driver_sql(c, "SELECT disbursed, disbursed_on, reimbursed, reimbursed_on FROM budget_line "
                                      "WHERE budget_id = ? AND deleted_at IS NULL", (bid,)).fetchall()
            out[name] = (approved if day <= end else 0,
                         sum(d for d, on, _, _ in lines if d and date.fromisoformat(on) <= end),
                         sum(r for _, _, r, on in lines if r and date.fromisoformat(on) <= end))
    return out


def own_support(db, period: Period) -> int:
    with db.engine.connect() as c:
        return driver_sql(c,
            "SELECT count(*) FROM support_record s WHERE s.deleted_at IS NULL AND s.support_date BETWEEN ? AND ? "
            "AND (s.workstation_id IN (SELECT id FROM workstation WHERE deleted_at IS NULL) "
            # given directly to a youth team that has no workstation: counted while the team is there
            "     OR s.workstation_id IS NULL AND s.id IN (SELECT l.support_id FROM youth_team_support l "
            "        JOIN youth_team y ON y.id = l.team_id WHERE y.deleted_at IS NULL))",
            (period.start.isoformat(), period.end.isoformat())).scalar()


@pytest.fixture
def world(db, services):
    with db.session() as s:
        v = SiteVisit(center_code="north", visit_date=date(2026, 11, 2), county_code=NEW_TAIPEI,
                      township_code=BANQIAO, mode="onsite")
        s.add(v)
        s.flush()
        s.add_all([
            FollowUp(visit_id=v.id, description="十二月才取消", due_date=date(2026, 11, 10), status="cancelled",
                     followup_date=date(2026, 12, 3), result="不需辦理"),
            FollowUp(visit_id=v.id, description="十一月就取消", due_date=date(2026, 11, 10), status="cancelled",
                     followup_date=date(2026, 11, 20), result="不需辦理"),
            FollowUp(visit_id=v.id, description="十二月才結案", due_date=date(2026, 11, 12), status="closed",
                     followup_date=date(2026, 12, 5), result="已完成"),
            FollowUp(visit_id=v.id, description="仍未辦", due_date=date(2026, 11, 15), status="open"),
        ])
        for title, moves in (("退回後再送", [("idea", "sent", datetime(2026, 10, 3, 2, tzinfo=UTC)),
                                         ("sent", "returned", datetime(2026, 10, 20, 2, tzinfo=UTC)),
                                         ("returned", "sent", datetime(2026, 11, 6, 2, tzinfo=UTC))]),
                             ("同月送兩次", [("idea", "sent", datetime(2026, 11, 2, 2, tzinfo=UTC)),
                                          ("sent", "returned", datetime(2026, 11, 9, 2, tzinfo=UTC)),
                                          ("returned", "sent", datetime(2026, 11, 25, 2, tzinfo=UTC))]),
                             ("初次送件", [("idea", "sent", datetime(2026, 11, 30, 15, 59, tzinfo=UTC))]),
                             # the existing route: sent when the county passes it on, not when the township files
                             ("縣府轉送", [("drafting", "township_filed", datetime(2026, 10, 5, 2, tzinfo=UTC)),
                                       ("township_filed", "county_review", datetime(2026, 11, 3, 2, tzinfo=UTC)),
                                       ("county_review", "council", datetime(2026, 11, 12, 2, tzinfo=UTC))]),
                             ("縣府審查中", [("township_filed", "county_review", datetime(2026, 11, 4, 2, tzinfo=UTC))])):
            p = Proposal(center_code="north", title=title, applicant_type="company", county_code=NEW_TAIPEI,
                         township_code=BANQIAO, route="existing" if title.startswith("縣府") else "multi",
                         stage=moves[-1][1],
                         created_at=datetime(2026, 9, 1, tzinfo=UTC))
            s.add(p)
            s.flush()
            s.add_all([StageChange(proposal_id=p.id, from_stage=a, to_stage=b, changed_at=at, created_at=at)
                       for a, b, at in moves])
        stations = {}
        for name, town in (("烏來工作站", WULAI), ("板橋工作站", BANQIAO)):
            w = Workstation(center_code="north", name=name, county_code=NEW_TAIPEI, township_code=town,
                            status="active", fulltime_staff=1)
            s.add(w)
            s.flush()
            stations[name] = w.id
            s.add_all([SupportRecord(center_code="north", workstation_id=w.id, support_date=date(2026, 11, d),
                                     kind="training", hours=2, participants=5) for d in (3, 17)])
        s.commit()
    # 烏來: approved and paid in November; a reimbursement recorded in December
    workstation_budgets.save_budget(services, stations["烏來工作站"], 115, 2_000_000,
                                    {"operations": (1_000_000, 600_000, 300_000)}, today=date(2026, 11, 10))
    workstation_budgets.save_budget(services, stations["烏來工作站"], 115, 2_000_000,
                                    {"operations": (1_000_000, 600_000, 500_000)}, today=date(2026, 12, 4))
    workstation_budgets.save_budget(services, stations["板橋工作站"], 115, 1_000_000,
                                    {"personnel": (400_000, 200_000, 100_000)}, today=date(2026, 11, 12))
    return services, stations


def test_followups_cancelled_or_closed_after_the_end_were_overdue_on_the_last_day(db, world):
    nov = compute(db.session_factory, "north", NOV, today=AFTER)
    assert nov.followups_overdue == own_overdue(db, NOV.end) == 3  # cancelled in Dec, closed in Dec, still open
    assert {o.description for o in nov.overdue_followups} == {"十二月才取消", "十二月才結案", "仍未辦"}
    dec = compute(db.session_factory, "north", DEC, today=AFTER)
    assert dec.followups_overdue == own_overdue(db, DEC.end) == 1


def test_cancelling_later_leaves_the_months_count_alone(db, world):
    before = compute(db.session_factory, "north", NOV, today=AFTER).followups_overdue
    with db.session() as s:  # the open one is cancelled in December, through the editor's rules
        from counsel_desk.services.visits.followups import FollowUpDraft

        fu = s.exec(select(FollowUp).where(FollowUp.description == "仍未辦")).one()
        fu.status, fu.followup_date = "cancelled", date(2026, 12, 10)
        s.commit()
    assert FollowUpDraft(description="x", status="cancelled").values()["followup_date"] == date.today()
    assert compute(db.session_factory, "north", NOV, today=AFTER).followups_overdue == before == own_overdue(db, NOV.end)


def test_sent_counts_proposals_and_resubmissions_apart(db, world):
    nov = compute(db.session_factory, "north", NOV, today=AFTER)
    assert (nov.proposals_sent, nov.proposals_resubmitted) == own_sent(db, NOV) == (4, 2)
    assert sum(1 for m in nov.stage_moves if m.to_stage == "sent") == 4  # the moves are still all listed
    listed = {p.title: p.resubmission for p in nov.sent_proposals}
    assert listed == {"退回後再送": True, "同月送兩次": True, "初次送件": False, "縣府轉送": False}
    assert [p["title"] for p in nov.as_json()["sent_proposals"]] == [p.title for p in nov.sent_proposals]
    ytd = compute(db.session_factory, "north", NOV, today=AFTER).compare.year_to_date.figures
    assert ytd["proposals_sent"] == own_sent(db, NOV.year_to_date())[0] == 4
    target = {t.metric: t.actual for t in nov.targets}["proposals_sent"]
    assert target == 4  # the yearly target counts proposals, not moves


def test_a_reimbursement_recorded_after_the_end_leaves_the_month_alone(db, world):
    nov = compute(db.session_factory, "north", NOV, today=AFTER)
    dec = compute(db.session_factory, "north", DEC, today=AFTER)
    got_nov = {b.name: (b.approved, b.disbursed, b.reimbursed) for b in nov.budgets}
    got_dec = {b.name: (b.approved, b.disbursed, b.reimbursed) for b in dec.budgets}
    assert got_nov == own_execution(db, NOV.end, 115)
    assert got_dec == own_execution(db, DEC.end, 115)
    assert got_nov["烏來工作站"] == (2_000_000, 600_000, 300_000)
    assert got_dec["烏來工作站"] == (2_000_000, 600_000, 500_000)
    wulai = next(b for b in nov.budgets if b.name == "烏來工作站")
    assert (wulai.disbursement_rate, wulai.execution) == (0.3, 0.15)
    (north,) = nov.center_budgets
    assert (north.approved, north.disbursed, north.reimbursed) == (3_000_000, 800_000, 400_000)
    data = nov.as_json()["budget_execution"]
    assert data["centers"]["north"]["execution_rate"] == round(400_000 / 3_000_000, 4)
    # the form still shows one line per category with today's totals
    view = workstation_budgets.budgets(world[0], world[1]["烏來工作站"])[0]
    assert view.line("operations").reimbursed == 500_000


def _lines(db, station: str) -> list[tuple]:
    with db.engine.connect() as c:
        return driver_sql(c,
            "SELECT l.disbursed, l.disbursed_on, l.reimbursed, l.reimbursed_on FROM budget_line l "
            "JOIN workstation_budget b ON b.id = l.budget_id JOIN workstation w ON w.id = b.workstation_id "
            "WHERE w.name = ? AND l.deleted_at IS NULL ORDER BY l.created_at, l.id", (station,)).fetchall()


def test_a_fall_is_a_dated_adjustment_line_and_earlier_lines_stay(db, world):
    services, stations = world
    before = _lines(db, "烏來工作站")
    # in December the reimbursement is found to be 250,000 all told: less than November's 300,000 already
    workstation_budgets.save_budget(services, stations["烏來工作站"], 115, 2_000_000,
                                    {"operations": (1_000_000, 600_000, 250_000)}, today=date(2026, 12, 6))
    after = _lines(db, "烏來工作站")
    assert after[:len(before)] == before  # no line rewritten
    assert after[len(before):] == [(0, None, -250_000, "2026-12-06")]
    assert own_execution(db, NOV.end, 115)["烏來工作站"] == (2_000_000, 600_000, 300_000)  # as sent
    assert own_execution(db, DEC.end, 115)["烏來工作站"] == (2_000_000, 600_000, 250_000)
    nov = compute(db.session_factory, "north", NOV, today=AFTER)
    dec = compute(db.session_factory, "north", DEC, today=AFTER)
    assert {b.name: b.reimbursed for b in nov.budgets}["烏來工作站"] == 300_000
    assert {b.name: b.reimbursed for b in dec.budgets}["烏來工作站"] == 250_000
    assert workstation_budgets.budgets(services, stations["烏來工作站"])[0].line("operations").reimbursed == 250_000
    # taken back to nothing: the category leaves the form, the history stays dated
    workstation_budgets.save_budget(services, stations["烏來工作站"], 115, 2_000_000,
                                    {"operations": (0, 0, 0)}, today=date(2026, 12, 7))
    assert [ln.category for ln in workstation_budgets.budgets(services, stations["烏來工作站"])[0].lines] == []
    assert own_execution(db, NOV.end, 115)["烏來工作站"] == (2_000_000, 600_000, 300_000)
    assert own_execution(db, DEC.end, 115)["烏來工作站"] == (2_000_000, 0, 0)


def test_a_deleted_workstation_leaves_every_section(db, world):
    services, stations = world
    workstations.delete_workstation(services, stations["板橋工作站"])
    nov = compute(db.session_factory, "north", NOV, today=AFTER)
    assert nov.support_sessions == own_support(db, NOV) == 2
    assert [s.name for s in nov.support_by_station] == ["烏來工作站"]
    assert sum(n for n, _ in nov.support_by_kind.values()) == 2
    assert [b.name for b in nov.budgets] == ["烏來工作站"] == list(own_execution(db, NOV.end, 115))
    assert {t.metric: t.actual for t in nov.targets}["support_sessions"] == 2
    assert nov.compare.year_to_date.figures["support_sessions"] == 2


def test_a_period_not_ended_is_provisional(db, world):
    assert compute(db.session_factory, "north", DEC, today=date(2026, 12, 6)).provisional
    assert compute(db.session_factory, "north", DEC, today=date(2026, 12, 31)).provisional
    assert not compute(db.session_factory, "north", DEC, today=date(2027, 1, 1)).provisional


def test_the_demo_database_agrees_with_the_own_counts(demo_db):
    """On the generated demo data (600 visits), every month of 2026 to date."""
    key_visits = 0
    for month in range(1, 12):
        period = Period.month(2026, month)
        f = compute(demo_db.session_factory, "north", period, today=date(2026, 12, 20))
        assert f.followups_overdue == own_overdue(demo_db, period.end), month
        # the comparisons' overdue counts come from one pass over the follow-ups for all their ends
        assert f.compare.previous_period.figures["followups_overdue"] == own_overdue(demo_db, period.previous().end)
        assert f.compare.same_period_last_year.figures["followups_overdue"] == own_overdue(
            demo_db, period.a_year_before().end)
        assert f.compare.year_to_date.figures["followups_overdue"] == f.followups_overdue
        assert (f.proposals_sent, f.proposals_resubmitted) == own_sent(demo_db, period), month
        assert f.support_sessions == own_support(demo_db, period), month
        with demo_db.engine.connect() as c:
            flagged = driver_sql(c, "SELECT count(*) FROM site_visit WHERE key_visit AND deleted_at IS NULL "
                                        "AND center_code = 'north' AND visit_date BETWEEN ? AND ?",
                                        (period.start.isoformat(), period.end.isoformat())).scalar()
        assert len(f.key_visits) == flagged, month
        key_visits += flagged
    assert key_visits  # the demo flags a few visits 重點


def test_the_national_report_counts_overdue_per_center_as_each_center_does(db, world):
    with db.session() as s:  # a central visit with one overdue follow-up
        v = SiteVisit(center_code="central", visit_date=date(2026, 10, 2), county_code=NEW_TAIPEI,
                      township_code=BANQIAO, mode="phone")
        s.add(v)
        s.flush()
        s.add(FollowUp(visit_id=v.id, description="中區逾期", due_date=date(2026, 10, 20), status="open"))
        s.commit()
    everyone = compute(db.session_factory, None, NOV, today=AFTER)
    by_center = {c: figures["followups_overdue"] for c, figures in everyone.by_center.items()}
    assert by_center == {"north": own_overdue(db, NOV.end), "central": own_overdue(db, NOV.end, "central"),
                         "south": 0, "east": 0} == {"north": 3, "central": 1, "south": 0, "east": 0}
    assert everyone.followups_overdue == 4
    assert everyone.compare.previous_period.figures["followups_overdue"] == own_overdue(
        db, date(2026, 10, 31), "central") + own_overdue(db, date(2026, 10, 31)) == 1


def test_a_public_space_counts_with_its_status_on_the_last_day(db, world):
    from counsel_desk.services.workstations import spaces
    from counsel_desk.services.period import taiwan_day
    from counsel_desk.models import utcnow

    services, _ = world
    space = spaces.create_space(services, {"name": "舊糖廠倉庫", "county_code": NEW_TAIPEI, "township_code": BANQIAO,
                                           "subsidy": 1_000_000, "status": "planning"})
    with db.engine.begin() as c:  # recorded in September
        driver_sql(c, "UPDATE public_space SET created_at = '2026-09-01 02:00:00' WHERE id = ?", (space.id,))
    spaces.update_space(services, space.id, {"status": "renovating", "renovating_since": date(2026, 11, 20)})
    spaces.update_space(services, space.id, {"status": "operating", "operating_since": date(2026, 12, 3)})

    def status(period: Period) -> str | None:
        f = compute(db.session_factory, "north", period, today=AFTER)
        return next((sp.status for sp in f.public_spaces if sp.name == "舊糖廠倉庫"), None)

    assert status(Period.month(2026, 8)) is None  # not recorded yet
    assert status(Period.month(2026, 10)) == "planning"
    assert status(NOV) == "renovating"  # operating since December: a November report does not change
    assert status(DEC) == "operating"
    nov = compute(db.session_factory, "north", NOV, today=AFTER).as_json()["public_spaces"]
    assert nov["by_status"] == {"renovating": 1}
    # a status entered without its day is dated the day it is recorded
    other = spaces.create_space(services, {"name": "舊公所", "county_code": NEW_TAIPEI, "township_code": WULAI,
                                           "status": "renovating"})
    assert spaces.get_space(services, other.id).renovating_since == taiwan_day(utcnow())


def test_a_provisional_report_counts_overdue_as_of_the_day_it_is_made(db, world):
    """「本報告數字計至製表日」: in a December report made on 12/07, a follow-up due 12/20 is not overdue yet; one due
    12/03 is, three days; once December has ended both are (the period's end again)."""
    with db.session() as s:
        v = SiteVisit(center_code="north", visit_date=date(2026, 12, 1), county_code=NEW_TAIPEI,
                      township_code=BANQIAO, mode="onsite")
        s.add(v)
        s.flush()
        s.add_all([FollowUp(visit_id=v.id, description="十二月初到期", due_date=date(2026, 12, 3), status="open"),
                   FollowUp(visit_id=v.id, description="十二月下旬到期", due_date=date(2026, 12, 20), status="open")])
        s.commit()
    made = date(2026, 12, 7)
    dec = compute(db.session_factory, "north", DEC, today=made)
    assert dec.provisional and dec.overdue_counted_to == made
    assert dec.followups_overdue == own_overdue(db, made) == 2  # 仍未辦 (11/15) and 十二月初到期
    assert "十二月下旬到期" not in [o.description for o in dec.overdue_followups]
    assert dict(dec.overdue_by_age)["逾期 30 日內"] == 2
    assert dec.compare.year_to_date.figures["followups_overdue"] == 2
    ended = compute(db.session_factory, "north", DEC, today=date(2027, 1, 5))
    assert not ended.provisional and ended.followups_overdue == own_overdue(db, DEC.end) == 3
    everyone = compute(db.session_factory, None, DEC, today=made)
    assert everyone.by_center["north"]["followups_overdue"] == 2

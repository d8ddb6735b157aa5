"""Workstation registry, budgets with the plan's cap and the personnel-cost rule, figures, timeline, list."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text
from sqlmodel import select

from counsel_desk.errors import ValidationError
from counsel_desk.models import AuditEntry, Proposal
from counsel_desk.services import base
from counsel_desk.services.workstations import workstations as ws
from counsel_desk.services.listing import ListQuery
from counsel_desk.services.workstations.program_lists import WorkstationListSource
from counsel_desk.services.programme import programme
from counsel_desk.services.workstations.workstation_budgets import check_personnel
from counsel_desk.services.workstations.workstation_rules import personnel_rule


def place(db, town: str) -> tuple[str, str]:
    with db.session() as s:
        return tuple(s.connection().execute(text("SELECT county_code, code FROM township WHERE name=:n"),
                                            {"n": town}).one())


@pytest.fixture
def station(db, services):
    county, town = place(db, "關西鎮")
    return ws.create_workstation(services, {
        "name": "關西青年培力工作站", "operator_name": "社團法人關西青年協會", "operator_kind": "association",
        "host_name": "林小安", "team_size": 5, "fulltime_staff": 2, "county_code": county, "township_code": town,
        "year_approved": 115, "term_start": date(2026, 3, 1), "status": "active"})


def audit_actions(db, entity: str) -> list[str]:
    with db.session() as s:
        return list(s.exec(select(AuditEntry.action).where(AuditEntry.entity == entity).order_by(AuditEntry.seq)))


def test_register_fills_the_12_month_term_and_audits(db, station):
    assert station.term_end == date(2027, 2, 28)
    assert station.center_code == "north"
    assert audit_actions(db, "workstation") == ["create"]


def test_registry_rules_name_the_field(db, services, station):
    county, town = place(db, "關西鎮")
    with pytest.raises(ValidationError) as e:
        ws.create_workstation(services, {"name": "  ", "county_code": county, "township_code": town})
    assert e.value.field == "name"
    with pytest.raises(ValidationError) as e:
        ws.create_workstation(services, {"name": "關西青年培力工作站", "county_code": county, "township_code": town})
    assert "已有名為" in e.value.zh
    other_county, _ = place(db, "池上鄉")
    with pytest.raises(ValidationError) as e:
        ws.update_workstation(services, station.id, {"county_code": other_county})
    assert e.value.field == "township_code"
    with pytest.raises(ValidationError) as e:
        ws.update_workstation(services, station.id, {"fulltime_staff": 9})
    assert "多於團隊人數" in e.value.zh
    # nothing was written by the refused updates
    assert ws.get_workstation(services, station.id).version == 1


def test_update_search_delete_and_extend(db, services, station):
    ws.update_workstation(services, station.id, {"notes": "駐點於老街旁的碾米廠"})
    src = WorkstationListSource(db.session_factory)
    assert src.ids(ListQuery(search="碾米廠")) == [station.id]
    assert src.ids(ListQuery(search="關西")) == [station.id]
    budget = ws.save_budget(services, station.id, 115, 1_000_000)
    ws.record_evaluation(services, budget.id, "good", date(2027, 2, 1))
    extended = ws.extend_term(services, station.id)
    assert (extended.term_start, extended.term_end) == (date(2027, 3, 1), date(2028, 2, 29))
    assert extended.status == "extended"
    ws.delete_workstation(services, station.id)
    assert src.ids(ListQuery()) == []
    assert src.ids(ListQuery(search="碾米廠")) == []
    assert audit_actions(db, "workstation") == ["create", "update", "update", "delete"]


def test_subsidy_over_the_cap_is_refused_with_both_amounts(services, station):
    """Source: 加速推動地方創生計畫 叁、一、設置在地青年工作站「每處補助上限以 300 萬元為原則」 — the cap of
    the plan in force in the budget year (ROC 114 is the seed's last year)."""
    with pytest.raises(ValidationError) as e:
        ws.save_budget(services, station.id, 114, 3_200_000)
    assert "NT$3,200,000" in e.value.zh and "NT$3,000,000" in e.value.zh and "加速推動地方創生計畫" in e.value.zh
    assert e.value.field == "approved_subsidy"
    assert ws.budgets(services, station.id) == []
    view = ws.save_budget(services, station.id, 114, 3_000_000)
    assert view.approved_subsidy == 3_000_000 and view.notices == []


def test_personnel_rule_depends_on_the_years_full_time_staff(services, station):
    """Source: 地方創生青年培力工作站 110 年度申請須知（如公開引述）「人事費不超過補助款 50%；聘有專職人員 3 人者
    不超過 60%」 — judged per budget year, on that year's staff (never today's)."""
    lines = {"personnel": (1_100_000, 600_000, 500_000), "operations": (900_000, 300_000, 0)}
    view = ws.save_budget(services, station.id, 113, 2_000_000, lines)
    check = view.check
    assert (check.status, check.personnel, check.limit, check.fulltime_staff) == ("flagged", 1_100_000, 0.5, 2)
    assert check.share == pytest.approx(0.55)
    assert "55.0%" in check.message_zh and "50%" in check.message_zh
    ws.update_workstation(services, station.id, {"fulltime_staff": 3})  # today's staff: 113 is not re-judged
    assert ws.budget_for_year(services, station.id, 113).check.status == "flagged"
    ws.save_budget(services, station.id, 113, 2_000_000, fulltime_staff=3)  # that year had three
    check = ws.budget_for_year(services, station.id, 113).check
    assert (check.status, check.limit) == ("ok", 0.6)
    assert "未超過" in check.message_zh
    new_year = ws.save_budget(services, station.id, 114, 1_000_000)
    assert new_year.fulltime_staff == 3  # a new year starts from the station's count


def test_check_personnel_edges(services):
    seed = personnel_rule(programme.loaded(services), 112)
    assert check_personnel(2_000_000, 1_000_000, 2, seed).ok  # exactly 50% is allowed
    assert not check_personnel(2_000_000, 1_000_001, 2, seed).ok
    assert check_personnel(2_000_000, 1_200_000, 3, seed).ok
    assert check_personnel(0, 0, 0, seed).ok
    assert not check_personnel(0, 10_000, 0, seed).ok


def test_lines_reimbursed_never_above_disbursed(services, station):
    with pytest.raises(ValidationError) as e:
        ws.save_budget(services, station.id, 115, 2_000_000, {"equipment": (300_000, 100_000, 150_000)})
    assert "核銷 NT$150,000 多於撥款 NT$100,000" in e.value.zh
    with pytest.raises(ValidationError) as e:
        ws.save_budget(services, station.id, 115, 1_000_000, {"operations": (1_200_000, 0, 0)})
    assert "超過核定補助款" in e.value.zh


def test_budget_lines_update_merge_and_progress(db, services, station):
    ws.save_budget(services, station.id, 115, 2_000_000, {"personnel": (800_000, 400_000, 200_000),
                                                        "travel": (100_000, 0, 0)})
    view = ws.save_budget(services, station.id, 115, 2_000_000, {"travel": (0, 0, 0),
                                                               "operations": (1_000_000, 600_000, 600_000)})
    assert [ln.category for ln in view.lines] == ["personnel", "operations"]  # travel removed, personnel kept
    p = view.progress
    assert (p.planned, p.disbursed, p.reimbursed) == (1_800_000, 1_000_000, 800_000)
    assert p.disbursed_share == pytest.approx(0.5)
    ws.save_budget(services, station.id, 114, 1_500_000)
    assert [b.roc_year for b in ws.budgets(services, station.id)] == [115, 114]
    ws.delete_budget(services, view.id)
    assert [b.roc_year for b in ws.budgets(services, station.id)] == [114]
    assert "delete" in audit_actions(db, "budget_line")


def test_figures_and_timeline(db, services, station):
    from counsel_desk.services.people.people import PeopleService
    from counsel_desk.services.workstations.support import create_support_record

    counselor = PeopleService(services).create_counselor("陳輔導")
    county, town = place(db, "關西鎮")
    with db.session() as s:
        proposal = base.create(s, Proposal(center_code="north", title="關西仙草創生計畫", applicant_type="company",
                                           county_code=county, township_code=town, route="multi",
                                           workstation_id=station.id), "t", "proposal")
        s.commit()
    for day, hours, people in ((date(2026, 5, 1), 2.0, 3), (date(2026, 6, 1), 3.5, 20)):
        create_support_record(services, {"workstation_id": station.id, "support_date": day, "kind": "training",
                                         "hours": hours, "participants": people, "topics": "行銷課程"},
                              [counselor.id])
    from counsel_desk.services.outcomes.outcomes import record_outcome

    for kind, people in (("youth_stayed", 4), ("youth_returned", 2)):
        record_outcome(services, {"workstation_id": station.id, "outcome_date": date(2026, 6, 1), "kind": kind,
                                  "people": people})
    f = ws.figures(services, station.id)
    assert (f.support_sessions, f.support_hours, f.participants, f.proposals_assisted) == (2, 5.5, 23, 1)
    assert (f.youth_stayed, f.youth_returned, f.visits) == (4, 2, 0)
    entries = ws.timeline(services, station.id)
    assert [e.kind for e in entries][:2] == ["proposal", "support"]  # the proposal was created today
    assert any(e.record_id == proposal.id for e in entries)


def test_list_filters_and_sorts_in_sql(db, services, station):
    county, town = place(db, "池上鄉")
    other = ws.create_workstation(services, {"name": "池上米鄉工作站", "county_code": county, "township_code": town,
                                             "fulltime_staff": 1, "status": "closed",
                                             "term_start": date(2022, 1, 1)})
    ws.save_budget(services, other.id, 111, 1_000_000, {"personnel": (700_000, 0, 0)})
    src = WorkstationListSource(db.session_factory)
    assert set(src.ids(ListQuery())) == {station.id, other.id}
    assert src.ids(ListQuery(filters={"county_code": county})) == [other.id]
    assert src.ids(ListQuery(filters={"status": "active"})) == [station.id]
    assert src.ids(ListQuery(filters={"flagged": True})) == [other.id]
    assert src.ids(ListQuery(filters={"date_from": date(2026, 1, 1)})) == [station.id]
    assert src.ids(ListQuery(sort_key="fulltime_staff")) == [other.id, station.id]
    assert src.ids(ListQuery(sort_key="fulltime_staff", descending=True)) == [station.id, other.id]
    for column in src.columns:
        assert len(src.ids(ListQuery(sort_key=column.key))) == 2
    row = src.rows([other.id])[other.id]
    assert (row["personnel_share"], row["subsidy"], row["_highlight"]) == ("70.0%", 1_000_000, "overdue")


def test_demo_database_fills_every_list(demo_db):
    from counsel_desk.services.base import ServiceContext
    from counsel_desk.services.workstations.program_lists import EventListSource, PublicSpaceListSource, SupportListSource

    for source in (WorkstationListSource, SupportListSource, PublicSpaceListSource, EventListSource):
        src = source(demo_db.session_factory)
        ids = src.ids(ListQuery())
        assert ids, source.__name__
        rows = src.rows(ids[:200])
        assert all(c.key in rows[ids[0]] for c in src.columns)
        for column in src.columns:
            if column.sortable:
                assert len(src.ids(ListQuery(sort_key=column.key, descending=True))) == len(ids)
    stations = WorkstationListSource(demo_db.session_factory)
    sc = ServiceContext(demo_db.session_factory, "t", "north")
    busiest = stations.ids(ListQuery(sort_key="sessions", descending=True))[0]
    f = ws.figures(sc, busiest)
    assert f.support_sessions > 0 and f.support_hours > 0
    assert len(ws.timeline(sc, busiest)) >= f.support_sessions

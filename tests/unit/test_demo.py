"""The demo-data generator: deterministic, complete, within the domain's rules, atomic."""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import text

from counsel_desk.errors import UserError
from counsel_desk.models.enums import Criterion, Route, SectionKey, TargetMetric
from counsel_desk.services.demo.programs import (
    PERSONNEL_SHARE_CAP, PERSONNEL_SHARE_CAP_STAFFED, SUBSIDY_CAP_PUBLIC_SPACE, SUBSIDY_CAP_WORKSTATION,
)
from counsel_desk.services.demo import generate
from counsel_desk.services.proposals.stages import flow_stages
from counsel_desk.store import audit, open_database
from counsel_desk.store import driver
from counsel_desk.store.search import matching_ids

TODAY = date(2026, 11, 26)
VISITS = 300
GENERATED = ("counselor", "organization", "contact", "workstation", "workstation_contact", "workstation_budget",
             "budget_line", "public_space", "site_visit", "visit_counselor", "visit_contact", "followup", "plan",
             "proposal", "proposal_contact", "proposal_section", "funding_line", "proposal_score", "stage_change",
             "proposal_comment", "support_record", "support_counselor", "center_event", "yearly_target")


@pytest.fixture
def frozen_audit_clock(monkeypatch):
    """The audit log stamps entries with the wall clock; freeze it so two runs can be compared whole."""
    monkeypatch.setattr(audit, "utcnow", lambda: datetime(2026, 11, 26, 10, 0, tzinfo=timezone.utc))


def _make(tmp_path, name="d.db", **kw):
    db = open_database(tmp_path / name)
    kw.setdefault("visits", VISITS)
    kw.setdefault("today", TODAY)
    summary = generate(db, **kw)
    return db, summary


def _dump(path) -> dict[str, list]:
    con = driver.connect(path)
    try:
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        out = {n: sorted(con.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr) for n in names}
        # what is this database's own by design: its sync device id (issued at its first open, random)
        # and the audit head's signature (keyed with its own key when encrypted)
        out["app_meta"] = [(k, json.dumps({**json.loads(v), "mac": ""}) if k == "audit_head" else v)
                           for k, v in out["app_meta"] if not k.startswith("device_")]
        return out
    finally:
        con.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """One 300-visit demo database (北區) shared by the read-only checks below."""
    mp = pytest.MonkeyPatch()
    mp.setattr(audit, "utcnow", lambda: datetime(2026, 11, 26, 10, 0, tzinfo=timezone.utc))
    db, summary = _make(tmp_path_factory.mktemp("demo"))
    mp.undo()
    yield db, summary
    db.close()


def _all(db, sql, **params):
    with db.engine.connect() as conn:
        return conn.execute(text(sql), params).all()


def _one(db, sql, **params):
    return _all(db, sql, **params)[0][0]


def test_same_seed_and_day_give_identical_databases(tmp_path, frozen_audit_clock):
    a, _ = _make(tmp_path, "a.db", seed=3)
    b, _ = _make(tmp_path, "b.db", seed=3)
    c, _ = _make(tmp_path, "c.db", seed=4)
    for db in (a, b, c):
        db.close()
    dump_a, dump_b, dump_c = _dump(tmp_path / "a.db"), _dump(tmp_path / "b.db"), _dump(tmp_path / "c.db")
    assert dump_a == dump_b
    assert dump_a["site_visit"] != dump_c["site_visit"]


def test_ids_are_version_4_uuids(demo):
    db, _ = demo
    for (rid,) in _all(db, "SELECT id FROM site_visit LIMIT 50"):
        assert str(uuid.UUID(rid)) == rid and uuid.UUID(rid).version == 4


def test_every_kind_of_record_is_generated_and_counted(demo):
    db, summary = demo
    for table in GENERATED:
        assert _one(db, f"SELECT COUNT(*) FROM {table}") > 0, table
    assert summary.counts["visits"] == VISITS == _one(db, "SELECT COUNT(*) FROM site_visit")
    assert summary.counts["followups"] == _one(db, "SELECT COUNT(*) FROM followup")
    assert summary.counts["search_index"] == _one(db, "SELECT COUNT(*) FROM search_index_doc")
    assert 6 <= summary.counts["counselors"] <= 12
    assert summary.seconds > 0


def test_synced_columns_are_stamped_for_the_actor(demo):
    db, _ = demo
    for table in ("site_visit", "followup", "proposal", "workstation_budget", "contact"):
        assert _all(db, f"SELECT DISTINCT updated_by, version, deleted_at FROM {table}") == [("示範資料", 1, None)]
        assert _one(db, f"SELECT MAX(updated_at) FROM {table}") <= "2026-11-26 10:00:00.000000"
        assert _one(db, f"SELECT COUNT(*) FROM {table} WHERE updated_at < created_at") == 0


def test_one_audit_entry_per_kind_of_record(demo):
    db, _ = demo
    rows = _all(db, "SELECT entity, action, actor FROM audit_log")
    entities = [r[0] for r in rows]
    assert len(entities) == len(set(entities))
    assert {"site_visit", "followup", "proposal", "organization"} <= set(entities)
    assert {(r[1], r[2]) for r in rows} == {("demo", "示範資料")}
    with db.engine.connect() as conn:
        assert audit.verify(conn).ok


def test_visits_are_in_the_centers_counties_and_spread_over_24_months(demo):
    db, _ = demo
    assert _one(db, "SELECT COUNT(*) FROM site_visit v JOIN county c ON c.code = v.county_code "
                    "WHERE c.default_center != 'north' OR v.center_code != 'north'") == 0
    assert _one(db, "SELECT COUNT(*) FROM site_visit v JOIN township t ON t.code = v.township_code "
                    "WHERE t.county_code != v.county_code") == 0
    assert _one(db, "SELECT MIN(visit_date) FROM site_visit") >= (TODAY - timedelta(days=731)).isoformat()
    assert _one(db, "SELECT MAX(visit_date) FROM site_visit") <= TODAY.isoformat()
    months = _one(db, "SELECT COUNT(DISTINCT substr(visit_date, 1, 7)) FROM site_visit")
    assert months >= 24
    assert _one(db, "SELECT COUNT(*) FROM site_visit WHERE visit_date >= '2026-11-01'") > 0
    modes = dict(_all(db, "SELECT mode, COUNT(*) FROM site_visit GROUP BY mode"))
    assert modes["onsite"] > VISITS / 2
    per_visit = _all(db, "SELECT COUNT(*) FROM visit_counselor GROUP BY visit_id")
    assert len(per_visit) == VISITS and {n for (n,) in per_visit} <= {1, 2, 3}


def test_texts_are_traditional_chinese_with_tai_as_in_official_names(demo):
    db, _ = demo
    rows = _all(db, "SELECT purpose || findings || issues || advice || notes || visited_name FROM site_visit")
    assert all(r[0] for r in rows)
    assert not any("台" in r[0] for r in rows)
    assert _one(db, "SELECT COUNT(*) FROM organization WHERE name LIKE '%公所'") > 0


def test_followups_closed_ones_have_date_and_result_and_some_are_overdue(demo):
    db, _ = demo
    statuses = dict(_all(db, "SELECT status, COUNT(*) FROM followup GROUP BY status"))
    assert set(statuses) == {"open", "in_progress", "closed", "cancelled"}
    assert _one(db, "SELECT COUNT(*) FROM followup WHERE status = 'closed' "
                    "AND (followup_date IS NULL OR result = '')") == 0
    assert _one(db, "SELECT COUNT(*) FROM followup WHERE status IN ('open', 'in_progress') "
                    "AND due_date < :today", today=TODAY.isoformat()) > 0
    assert _one(db, "SELECT COUNT(*) FROM followup f JOIN site_visit v ON v.id = f.visit_id "
                    "WHERE f.followup_date < v.visit_date OR f.followup_date > :today",
                today=TODAY.isoformat()) == 0


def test_workstation_money_is_dated_so_a_month_report_shows_its_execution(demo):
    """Reports count money by its 核定日, 撥款日 and 核銷日 (docs/reports.md): undated, the demo's lines were read by the
    day they were generated, and every month report of the year before it showed 撥款 0 and 執行率 0.0%."""
    from counsel_desk.reports.figures import compute
    from counsel_desk.services.period import Period

    db, _ = demo
    assert _one(db, "SELECT COUNT(*) FROM workstation_budget WHERE approved_on IS NULL OR approved_on > :t",
                t=TODAY.isoformat()) == 0
    assert _one(db, "SELECT COUNT(*) FROM budget_line WHERE disbursed != 0 AND (disbursed_on IS NULL OR disbursed_on "
                    "> :t) OR reimbursed != 0 AND (reimbursed_on IS NULL OR reimbursed_on > :t)", t=TODAY.isoformat()) == 0
    reimbursed_so_far = 0
    for month in range(4, 11):  # the year's money comes in tranches; never more reimbursed than disbursed by a day
        f = compute(db.session_factory, "north", Period.month(2026, month), today=TODAY)
        assert all(b.reimbursed <= b.disbursed <= b.approved for b in f.budgets), month
        (north,) = f.center_budgets
        assert north.reimbursed >= reimbursed_so_far
        reimbursed_so_far = north.reimbursed
    assert 0 < north.disbursement_rate < 1 and 0 < north.execution < 1  # October: paid out in part, not all
    last_year = compute(db.session_factory, "north", Period.month(2025, 12), today=TODAY)
    assert last_year.center_budgets[0].execution > 0.8  # a past year was reimbursed nearly whole


def test_workstation_years_follow_the_12_month_term_and_evaluation_rule(demo):
    """Source: 110 年度申請須知（如公開引述）「補助期間 12 個月；經評鑑績效良好者得延續補助一年」 — issue 16: the demo
    used three-year terms. A station funded again the next year was evaluated good first, and that next year is
    its one 延續補助 (an extension year is never followed by another); a station shown as 延續補助 has such a
    year; eligibility facts are recorded."""
    db, _ = demo
    years = _all(db, "SELECT workstation_id, roc_year, extension, evaluation, evaluated_on FROM workstation_budget "
                     "ORDER BY workstation_id, roc_year")
    by_station: dict[str, list] = {}
    for row in years:
        by_station.setdefault(row[0], []).append(row)
    assert any(len(rows) > 1 for rows in by_station.values())
    for rows in by_station.values():
        assert not rows[0][2]  # a station's first year is never an extension
        for before, after in zip(rows, rows[1:]):
            assert after[1] == before[1] + 1 and after[2] == (not before[2])  # 延續補助 for one year, then anew
            if after[2]:
                assert before[3] == "good" and before[4] is not None  # … after a good 評鑑
            assert date.fromisoformat(str(before[4])[:10]).year - 1911 > before[1]  # evaluated after its year
    assert _one(db, "SELECT COUNT(*) FROM workstation w WHERE w.status = 'extended' AND NOT EXISTS ("
                    "SELECT 1 FROM workstation_budget b WHERE b.workstation_id = w.id AND b.extension)") == 0
    assert _one(db, "SELECT COUNT(*) FROM workstation WHERE status != 'applying' AND (host_age IS NULL OR "
                    "host_years_on_site IS NULL OR young_partners IS NULL OR young_partners > team_size)") == 0


def test_workstation_budgets_keep_the_caps_except_the_deliberate_breaches(demo):
    db, _ = demo
    assert _one(db, "SELECT MAX(approved_subsidy) FROM workstation_budget") <= SUBSIDY_CAP_WORKSTATION
    budgets = _all(db, """
        SELECT b.id, b.approved_subsidy, w.fulltime_staff, SUM(l.planned),
               SUM(CASE WHEN l.category = 'personnel' THEN l.planned ELSE 0 END)
        FROM workstation_budget b JOIN workstation w ON w.id = b.workstation_id
        JOIN budget_line l ON l.budget_id = b.id GROUP BY b.id""")
    over = 0
    for _, subsidy, staff, planned, personnel in budgets:
        assert planned == subsidy
        cap = PERSONNEL_SHARE_CAP_STAFFED if staff >= 3 else PERSONNEL_SHARE_CAP
        over += personnel > cap * subsidy
    assert 1 <= over <= 2 < len(budgets)
    assert _one(db, "SELECT COUNT(*) FROM (SELECT budget_id, category FROM budget_line GROUP BY budget_id, category "
                    "HAVING SUM(disbursed) > SUM(planned) OR SUM(reimbursed) > SUM(disbursed))") == 0
    assert _one(db, "SELECT COUNT(DISTINCT status) FROM workstation") >= 2
    assert _one(db, "SELECT COUNT(*) FROM workstation WHERE fulltime_staff NOT BETWEEN 1 AND 5 "
                    "OR year_approved NOT BETWEEN 110 AND 115") == 0


def test_public_spaces_events_support_and_targets(demo):
    db, _ = demo
    assert _one(db, "SELECT MAX(subsidy) FROM public_space") <= SUBSIDY_CAP_PUBLIC_SPACE
    assert _one(db, "SELECT COUNT(*) FROM support_record WHERE hours < 0.5 OR hours > 8") == 0
    assert _one(db, "SELECT COUNT(*) FROM support_record WHERE visit_id IS NOT NULL") > 0
    assert _one(db, "SELECT COUNT(*) FROM center_event") >= 4
    targets = _all(db, "SELECT year, metric FROM yearly_target")
    assert {(y, m.value) for y in (2025, 2026) for m in TargetMetric} == set(targets)


def test_proposals_cover_every_stage_on_both_routes_with_consistent_history(demo):
    db, _ = demo
    combos = set(_all(db, "SELECT stage, route FROM proposal"))
    assert combos == {(s.value, r.value) for r in Route for s in flow_stages(r.value)}  # each route its own flow
    assert _one(db, "SELECT COUNT(*) FROM proposal WHERE plan_id IS NOT NULL AND route != 'existing'") == 0
    assert _one(db, "SELECT COUNT(DISTINCT applicant_type) FROM proposal WHERE route = 'multi'") >= 3
    assert _one(db, "SELECT COUNT(*) FROM proposal WHERE route = 'multi' AND workstation_id IS NOT NULL") > 0
    for pid, stage in _all(db, "SELECT id, stage FROM proposal"):
        history = _all(db, "SELECT from_stage, to_stage FROM stage_change WHERE proposal_id = :p "
                           "ORDER BY changed_at, rowid", p=pid)
        assert history[0] == ("", "idea") and history[-1][1] == stage
        assert all(prev[1] == cur[0] for prev, cur in zip(history, history[1:]))
        sections = {r[0] for r in _all(db, "SELECT section_key FROM proposal_section WHERE proposal_id = :p", p=pid)}
        scores = {r[0] for r in _all(db, "SELECT criterion FROM proposal_score WHERE proposal_id = :p", p=pid)}
        if stage not in ("idea", "drafting"):
            assert sections == {k.value for k in SectionKey}
            assert scores == {c.value for c in Criterion}
        else:
            assert 0 < len(sections) < len(SectionKey) and not scores
    totals = _all(db, "SELECT SUM(amount), MIN(amount) FROM funding_line GROUP BY proposal_id")
    assert all(500_000 <= low and total <= 20_000_000 for total, low in totals)
    assert _one(db, "SELECT COUNT(*) FROM proposal_score WHERE score NOT BETWEEN 1 AND 5") == 0


def test_every_visit_and_record_is_in_the_search_index(demo):
    db, _ = demo
    assert _one(db, "SELECT COUNT(*) FROM site_visit WHERE id NOT IN "
                    "(SELECT record_id FROM search_index_doc WHERE entity = 'site_visit')") == 0
    vid, findings = _all(db, "SELECT id, findings FROM site_visit LIMIT 1")[0]
    word = findings[:6]
    with db.engine.connect() as conn:
        assert vid in matching_ids(conn, "site_visit", word)
    entities = {r[0] for r in _all(db, "SELECT DISTINCT entity FROM search_index_doc")}
    assert entities == {"site_visit", "followup", "workstation", "support_record", "public_space", "center_event",
                        "proposal", "organization", "outcome", "youth_team"}
    # the bulk-load FTS buffer is back to SQLite's default once generation is over
    assert _one(db, "SELECT v FROM search_index_site_visit_config WHERE k = 'hashsize'") == 1024 * 1024


def test_refuses_a_database_that_already_has_data(tmp_path, frozen_audit_clock):
    db, _ = _make(tmp_path, visits=20)
    with pytest.raises(UserError) as err:
        generate(db, visits=20, today=TODAY)
    assert "空白" in err.value.zh
    db.close()


def test_cancelling_through_progress_leaves_nothing_written(tmp_path, frozen_audit_clock):
    db = open_database(tmp_path / "d.db")
    calls = []

    def progress(done, total):
        calls.append((done, total))
        return len(calls) < 5

    with pytest.raises(UserError) as err:
        generate(db, visits=VISITS, today=TODAY, progress=progress)
    assert err.value.zh == "已取消產生示範資料。"
    for table in ("site_visit", "organization", "counselor", "search_index_doc", "audit_log"):
        assert _one(db, f"SELECT COUNT(*) FROM {table}") == 0
    db.close()


def test_progress_rises_to_its_total(tmp_path, frozen_audit_clock):
    db = open_database(tmp_path / "d.db")
    calls = []
    generate(db, visits=VISITS, today=TODAY, progress=lambda d, t: calls.append((d, t)) or True)
    done = [d for d, _ in calls]
    assert done == sorted(done) and len({t for _, t in calls}) == 1
    assert calls[-1][0] == calls[-1][1] and len(calls) > 5
    db.close()


def test_other_centers_and_bad_arguments(tmp_path, frozen_audit_clock):
    db, summary = _make(tmp_path, center="east", visits=200)
    assert summary.counts["visits"] == 200
    counties = {r[0] for r in _all(db, "SELECT DISTINCT c.name FROM site_visit v "
                                       "JOIN county c ON c.code = v.county_code")}
    assert counties <= {"宜蘭縣", "花蓮縣", "臺東縣"}
    db.close()
    other = open_database(tmp_path / "o.db")
    with pytest.raises(UserError):
        generate(other, center="west", today=TODAY)
    with pytest.raises(UserError):
        generate(other, visits=-1, today=TODAY)
    other.close()

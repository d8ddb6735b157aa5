"""The two proposal flows of the seed's 圖 3 (提案流程 2.0), end to end through the services."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from counsel_desk.errors import UserError, ValidationError
from counsel_desk.models.enums import CheckStatus, CountyCheckItem, OrgKind, Route, Stage
from counsel_desk.services import proposals as ps
from counsel_desk.sync.format import enum_lookup

from tests.unit.test_proposals_service import SCORES, SECTIONS, _fields, _walk, make_people

GRID = {("COA", 115): 1_500_000, ("MOC", 115): 500_000}


@pytest.fixture
def people(db, services):
    return make_people(db)


def _complete(services, people, **kw) -> ps.ProposalDetail:
    d = ps.create_proposal(services, _fields(people, **kw))
    return ps.save_draft(services, d.id, sections=SECTIONS, funding=GRID, scores=SCORES)


def _existing(services, people) -> ps.ProposalDetail:
    return _complete(services, people, route=Route.EXISTING.value, applicant_type=OrgKind.TOWNSHIP_OFFICE.value,
                     organization_name="臺東縣池上鄉公所", workstation_id=None)


def test_existing_route_goes_through_the_township_and_the_county(services, people):
    """Source: 加速推動地方創生計畫, 圖 3 提案流程 2.0 — 現行提案流程: 鄉（鎮市區）公所 → 縣（市）政府 → 國發會;
    the county 「確認及協助處理土地使用、環保、補助款核撥、配合款編列、公有空間提供等事宜」."""
    d = _existing(services, people)
    assert ps.allowed_moves("drafting", Route.EXISTING.value) == [Stage.IDEA, Stage.TOWNSHIP_FILED]
    _walk(services, d.id, Stage.DRAFTING)
    with pytest.raises(UserError, match="現行提案流程不能從「撰寫中」直接移到「分區輔導中心審閱」"):
        ps.move_proposal(services, d.id, Stage.CENTER_REVIEW.value, "送中心")
    _walk(services, d.id, Stage.TOWNSHIP_FILED, Stage.COUNTY_REVIEW)
    # the county's checklist: five items, each with status, date and note
    rows = ps.checklist(services, d.id)
    assert [r.item for r in rows] == [i.value for i in CountyCheckItem]
    assert all(r.status == CheckStatus.PENDING for r in rows)
    with pytest.raises(ValidationError, match="「土地使用」標為「已確認」時須填寫確認日期"):
        ps.save_check(services, d.id, "land_use", "settled", None)
    ps.save_check(services, d.id, "land_use", "settled", date(2026, 11, 20), "都市計畫農業區，容許使用")
    ps.save_check(services, d.id, "environment", "not_applicable", date(2026, 11, 20))
    ps.save_check(services, d.id, "subsidy_payment", "issue", date(2026, 11, 21), "縣府撥款程序待確認")
    # moving on with open items is allowed but the rule speaks up, naming them and its source
    move = ps.move_proposal(services, d.id, Stage.COUNCIL.value, "縣府審查完成，送國發會")
    (notice,) = move.notices
    assert "補助款核撥、配合款編列、公有空間提供" in notice.zh and "圖 3" in notice.source_text
    row = {r.item: r for r in ps.checklist(services, d.id)}["land_use"]
    assert (row.status, row.checked_on, row.note) == ("settled", date(2026, 11, 20), "都市計畫農業區，容許使用")


def test_multi_channel_route_goes_through_the_center_and_the_project_office(services, people):
    """Source: 加速推動地方創生計畫, 叁、五、多元徵案 and 圖 3 — 【新增】多元徵案流程: 地方團體／青年培力工作站
    → 分區輔導中心 (諮詢協助、整合) → 專案辦公室 → 會報."""
    d = _complete(services, people)
    assert ps.allowed_moves("drafting", Route.MULTI.value) == [Stage.IDEA, Stage.CENTER_REVIEW]
    _walk(services, d.id, Stage.DRAFTING)
    with pytest.raises(UserError, match="多元徵案不能從「撰寫中」直接移到「公所提報」"):
        ps.move_proposal(services, d.id, Stage.TOWNSHIP_FILED.value, "公所提報")
    with pytest.raises(ValidationError, match="只適用於現行提案流程"):
        ps.save_check(services, d.id, "land_use", "settled", date(2026, 11, 20))
    _walk(services, d.id, Stage.CENTER_REVIEW, Stage.SENT, Stage.COUNCIL)
    assert ps.get_proposal(services, d.id).stage == Stage.COUNCIL


@pytest.mark.parametrize("end", [Stage.APPROVED, Stage.RETURNED, Stage.REJECTED])
def test_both_flows_end_approved_returned_or_rejected(services, people, end):
    """Source: 圖 3 提案流程 2.0; the issue: both flows end 通過／退回修正／未通過."""
    for d, path in ((_existing(services, people), (Stage.TOWNSHIP_FILED, Stage.COUNTY_REVIEW)),
                    (_complete(services, people, title="第二案"), (Stage.CENTER_REVIEW, Stage.SENT))):
        _walk(services, d.id, Stage.DRAFTING, *path, Stage.COUNCIL, end)
        assert ps.get_proposal(services, d.id).stage == end


def test_a_passed_proposal_records_its_working_meeting_and_amounts_per_ministry(services, people, db):
    """Source: 加速推動地方創生計畫 肆 — 「經由『行政院地方創生會報』工作會議通過後動支」; DOMAIN.md: plans pass at
    numbered working meetings (e.g. the 51st, 2025-11) with the amount approved per ministry."""
    d = _existing(services, people)
    _walk(services, d.id, Stage.DRAFTING, Stage.TOWNSHIP_FILED, Stage.COUNTY_REVIEW, Stage.COUNCIL)
    move = ps.move_proposal(services, d.id, Stage.APPROVED.value, "第 51 次工作會議通過",
                            decision=ps.Decision(51, date(2025, 11, 18), {"農業部": 1_450_000, "文化部": 500_000}))
    assert move.notices == []
    decision = ps.get_decision(services, "proposal", d.id)
    assert (decision.meeting, decision.meeting_date, decision.total) == (51, date(2025, 11, 18), 1_950_000)
    # correcting it later: one ministry's amount changes, another is dropped
    ps.record_decision(services, "proposal", d.id, ps.Decision(51, date(2025, 11, 18), {"農業部": 1_400_000}))
    assert ps.get_decision(services, "proposal", d.id).amounts == {"農業部": 1_400_000}
    with pytest.raises(ValidationError, match="第幾次"):
        ps.record_decision(services, "proposal", d.id, ps.Decision(None, None, {}))
    # without a decision the move still happens and says what is missing
    other = _complete(services, people, title="第二案")
    _walk(services, other.id, Stage.DRAFTING, Stage.CENTER_REVIEW, Stage.SENT, Stage.COUNCIL)
    move = ps.move_proposal(services, other.id, Stage.APPROVED.value, "通過")
    assert [n.code for n in move.notices] == ["council_decision_missing"]


def test_records_of_an_older_version_read_in_their_flow(services, people, db):
    """An existing-route record still at 分區中心審閱／送專案辦公室 (written before the two flows) moves on
    from the matching place of its own flow; the labels earlier versions wrote are still read."""
    d = _existing(services, people)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE proposal SET stage = 'sent' WHERE id = :id"), {"id": d.id})
    assert ps.allowed_moves("sent", Route.EXISTING.value) == [Stage.TOWNSHIP_FILED, Stage.COUNCIL, Stage.RETURNED]
    assert enum_lookup(Stage)["分區中心審閱"] == "center_review" and enum_lookup(Route)["現行"] == "existing"
    assert Stage.from_label("會報審議") == Stage.COUNCIL


def test_the_migration_moves_existing_route_records_to_their_flow(tmp_path):
    """Alembic 0005_i16_flows: an existing-route proposal (and a township plan) at 分區中心審閱 goes to 公所提報,
    at 送專案辦公室 to 縣府審查; multi-channel records stay where they are."""
    from alembic import command

    from counsel_desk.store import migrate
    from counsel_desk.store.database import make_engine

    engine = make_engine(tmp_path / "old.db")
    command.upgrade(migrate.config(engine), "0004_i16_programme")
    stamps = "'2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000', '', 1"
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO center (code, name, name_en, sort_order) VALUES ('north', '北區', 'North', 0)"))
        conn.execute(text("INSERT INTO county (code, name, name_en, default_center, sort_order) "
                          "VALUES ('10014', '臺東縣', 'Taitung', 'north', 0)"))
        conn.execute(text("INSERT INTO township (code, county_code, postal_code, name, name_en) "
                          "VALUES ('10014020', '10014', '958', '池上鄉', 'Chishang')"))
        for pid, route, stage in (("a", "existing", "center_review"), ("b", "existing", "sent"),
                                  ("c", "multi", "sent"), ("d", "existing", "council")):
            conn.execute(text(
                "INSERT INTO proposal (id, created_at, updated_at, updated_by, version, center_code, title, "
                "applicant_type, county_code, township_code, route, stage, stage_changed_at, self_funding, "
                f"matching_funds) VALUES (:id, {stamps}, 'north', :id, 'township_office', '10014', '10014020', "
                ":route, :stage, '2026-01-01 00:00:00.000000', 0, 0)"), {"id": pid, "route": route, "stage": stage})
        conn.execute(text(f"INSERT INTO plan (id, created_at, updated_at, updated_by, version, center_code, title, "
                          f"county_code, township_code, stage, notes) VALUES ('p', {stamps}, 'north', '計畫', "
                          "'10014', '10014020', 'sent', '')"))
    migrate.upgrade(engine)
    with engine.connect() as conn:
        stages = dict(conn.execute(text("SELECT id, stage FROM proposal")).all())
        plan = conn.execute(text("SELECT stage FROM plan")).scalar()
    engine.dispose()
    assert stages == {"a": "township_filed", "b": "county_review", "c": "sent", "d": "council"}
    assert plan == "county_review"


def test_a_townships_plan_has_the_countys_checklist_too(services, people):
    """Source: 加速推動地方創生計畫, 圖 3 提案流程 2.0 — the township's plan goes 公所 → 縣（市）政府, which
    「確認及協助處理土地使用、環保、補助款核撥、配合款編列、公有空間提供等事宜」 for the plan as a whole."""
    plan = ps.create_plan(services, ps.PlanFields("池上鄉地方創生計畫", "10014", people["township"],
                                                  organization_name="臺東縣池上鄉公所"))
    d = _existing(services, people)
    ps.set_plan(services, d.id, plan.id)
    for stage in (Stage.DRAFTING, Stage.TOWNSHIP_FILED, Stage.COUNTY_REVIEW):
        ps.move_plan(services, plan.id, stage.value, f"移到{stage.zh}")
    assert all(r.status == CheckStatus.PENDING for r in ps.checklist(services, plan.id, "plan"))
    for item in ("land_use", "environment", "subsidy_payment", "matching_funds"):
        ps.save_check(services, plan.id, item, "settled", date(2026, 11, 20), kind="plan")
    ps.save_check(services, plan.id, "public_space", "issue", date(2026, 11, 21), "閒置校舍移撥中", kind="plan")
    rows = {r.item: r for r in ps.checklist(services, plan.id, "plan")}
    assert rows["public_space"].note == "閒置校舍移撥中" and rows["land_use"].status == "settled"
    assert all(r.status == CheckStatus.PENDING for r in ps.checklist(services, d.id))  # the proposal's own list
    move = ps.move_plan(services, plan.id, Stage.COUNCIL.value, "縣府審查完成")
    plan_notice = [n for n in move.notices if "池上鄉地方創生計畫" in n.zh]
    assert plan_notice and "公有空間提供" in plan_notice[0].zh and "圖 3" in plan_notice[0].source_text


def test_a_townships_plan_passes_with_its_working_meeting_and_amounts_per_ministry(services, people):
    """Source: 加速推動地方創生計畫 肆「經由『行政院地方創生會報』工作會議通過後動支」; DOMAIN.md — 「a passed plan carries its
    meeting and the amount approved per ministry」 (第 51 次工作會議, 2025-11: 花蓮縣三鄉計畫, 各部會合計 4,607 萬元)."""
    plan = ps.create_plan(services, ps.PlanFields("壽豐鄉樂活長青鄉鎮計畫", "10014", people["township"],
                                                  organization_name="臺東縣池上鄉公所"))
    d = _existing(services, people)
    ps.set_plan(services, d.id, plan.id)
    for stage in (Stage.DRAFTING, Stage.TOWNSHIP_FILED, Stage.COUNTY_REVIEW, Stage.COUNCIL):
        ps.move_plan(services, plan.id, stage.value, f"移到{stage.zh}")
    ps.move_plan(services, plan.id, Stage.APPROVED.value, "第 51 次工作會議通過",
                 decision=ps.Decision(51, date(2025, 11, 18), {"農業部": 9_000_000, "衛生福利部": 5_500_000}))
    decision = ps.get_decision(services, "plan", plan.id)
    assert (decision.meeting, decision.meeting_date, decision.total) == (51, date(2025, 11, 18), 14_500_000)
    assert decision.amounts == {"農業部": 9_000_000, "衛生福利部": 5_500_000}
    assert ps.get_proposal(services, d.id).stage == Stage.APPROVED  # its proposals pass with it

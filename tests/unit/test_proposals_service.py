"""Proposal drafts: fields, funding totals, scores, the stage flow with its completeness check, plans,
versions and the list / board queries."""

from __future__ import annotations

import json

import pytest
from sqlmodel import select

from counsel_desk.errors import UserError, ValidationError
from counsel_desk.models import AuditEntry, Counselor, FundingLine, Proposal, StageChange, Workstation
from counsel_desk.models.enums import OrgKind, Route, SectionKey, Stage
from counsel_desk.services import base
from counsel_desk.services import proposals as ps
from counsel_desk.services.listing import ListQuery
from counsel_desk.services.proposals import funding as funding_mod

TAITUNG, CHISHANG = "10014", "10014060"  # 臺東縣池上鄉
TAIPEI, ZHONGZHENG = "63000", "63000050"


def _township(db, county: str, name: str) -> str:
    from counsel_desk.models import Township

    with db.session() as s:
        return s.exec(select(Township.code).where(Township.county_code == county, Township.name == name)).one()


@pytest.fixture
def people(db, services):
    return make_people(db)


def make_people(db) -> dict[str, str]:
    """A counselor and a workstation to point proposals at."""
    with db.session() as s:
        c = base.create(s, Counselor(center_code="north", name="林怡君"), "setup", "counselor")
        w = base.create(s, Workstation(center_code="north", name="池上米鄉青年工作站", county_code=TAITUNG,
                                       township_code=_township(db, TAITUNG, "池上鄉")), "setup", "workstation")
        s.commit()
        return {"counselor": c.id, "workstation": w.id, "township": w.township_code}


def _fields(people, **kw) -> ps.ProposalFields:
    values = dict(title="池上穀倉藝術咖啡", county_code=TAITUNG, township_code=people["township"],
                  route=Route.MULTI.value, applicant_type=OrgKind.SOCIAL_ENTERPRISE.value,
                  organization_name="稻浪社會企業股份有限公司", workstation_id=people["workstation"],
                  counselor_id=people["counselor"], self_funding=500_000, matching_funds=300_000)
    values.update(kw)
    return ps.ProposalFields(**values)


SECTIONS = {k.value: f"{k.zh}：池上的稻作文化與青年返鄉，說明第 {n} 段內容。" for n, k in enumerate(SectionKey)}
GRID = {("MOC", 115): 1_200_000, ("MOC", 116): 800_000, ("COA", 115): 600_000, ("COA", 116): 400_000}
SCORES = {"locality": (5, "在地連結強"), "public": (4, "回饋機制清楚"), "business": (3, "營收需再驗證")}


def _complete(services, people) -> ps.ProposalDetail:
    d = ps.create_proposal(services, _fields(people))
    return ps.save_draft(services, d.id, sections=SECTIONS, funding=GRID, scores=SCORES)


def _walk(services, pid, *stages):
    for st in stages:
        ps.move_proposal(services, pid, st.value, f"移到{st.zh}")


# --- drafts ----------------------------------------------------------------------------------------
def test_create_proposal_resolves_names_and_keeps_a_first_version(services, people, db):
    d = ps.create_proposal(services, _fields(people))
    assert d.stage == Stage.IDEA
    assert (d.county_name, d.township_name) == ("臺東縣", "池上鄉")
    assert d.organization_name == "稻浪社會企業股份有限公司" and d.organization_id
    assert d.counselor_name == "林怡君" and d.workstation_name == "池上米鄉青年工作站"
    versions = ps.list_versions(services, d.id, include_current=False)
    assert len(versions) == 1 and versions[0].to_stage == Stage.IDEA
    # the same organisation is found again, not created twice
    d2 = ps.create_proposal(services, _fields(people, title="第二案"))
    assert d2.organization_id == d.organization_id


BAD_FIELDS = [
    ({"title": "  "}, "title", "提案名稱"),
    ({"county_code": ""}, "county", "縣市"),
    ({"township_code": ZHONGZHENG}, "township", "中正區不在"),
    ({"route": "fax"}, "route", "提案路徑"),
    ({"self_funding": -5}, "self_funding", "自籌款不能是負數"),
]


def test_bad_fields_are_refused_in_chinese(services, people):
    # one database for every case: each one costs a migrated database otherwise
    for change, field, words in BAD_FIELDS:
        with pytest.raises(ValidationError) as err:
            ps.create_proposal(services, _fields(people, **change))
        assert err.value.field == field and words in err.value.zh


def test_save_draft_sections_funding_scores_and_audit(services, people, db):
    d = _complete(services, people)
    assert d.sections[SectionKey.BUDGET.value].startswith("經費需求")
    assert {(f.work_item_code, f.roc_year): f.amount for f in d.funding} == GRID
    assert d.scores["locality"] == ps.ScoreEntry(5, "在地連結強")
    # zero removes a line (tombstoned, not deleted); a changed amount updates in place
    d = ps.save_draft(services, d.id, funding={**GRID, ("COA", 116): 0, ("MOC", 115): 1_000_000})
    assert {(f.work_item_code, f.roc_year): f.amount for f in d.funding} == {
        ("MOC", 115): 1_000_000, ("MOC", 116): 800_000, ("COA", 115): 600_000}
    with db.session() as s:
        assert len(s.exec(select(FundingLine).where(FundingLine.deleted_at.is_not(None))).all()) == 1
        actions = {(a.entity, a.action) for a in s.exec(select(AuditEntry))}
    assert {("proposal", "create"), ("funding_line", "update"), ("funding_line", "delete"),
            ("proposal_score", "create"), ("proposal_section", "create")} <= actions


def test_scores_outside_one_to_five_are_refused(services, people):
    d = ps.create_proposal(services, _fields(people))
    for score in (0, 6, 2.5, True):
        with pytest.raises(ValidationError) as err:
            ps.save_draft(services, d.id, scores={"public": (score, "")})
        assert err.value.field == "score:public" and "1 到 5" in err.value.zh


def test_clearing_a_score_removes_it(services, people):
    d = _complete(services, people)
    d = ps.save_draft(services, d.id, scores={"business": (None, "")})
    assert "business" not in d.scores


def test_funding_refuses_unknown_items_and_years(services, people):
    d = ps.create_proposal(services, _fields(people))
    with pytest.raises(ValidationError, match="表 1 沒有工作項目"):
        ps.save_draft(services, d.id, funding={("XYZ", 115): 1})
    with pytest.raises(ValidationError, match="民國年"):
        ps.save_draft(services, d.id, funding={("MOC", 2026): 1})


def test_contacts_comments_and_timeline(services, people):
    d = ps.create_proposal(services, _fields(people))
    ps.add_contact(services, d.id, "陳美玲", title="執行長", phone="089-123456", email="mei@example.tw")
    with pytest.raises(ValidationError, match="電子郵件"):
        ps.add_contact(services, d.id, "王", email="not-an-email")
    with pytest.raises(ValidationError, match="電子郵件") as err:  # the roster's rule: an address needs its domain
        ps.add_contact(services, d.id, "王", email="bob@")
    assert err.value.field == "contact_email"
    with pytest.raises(ValidationError, match="電話號碼") as err:
        ps.add_contact(services, d.id, "王", phone="abc")
    assert err.value.field == "contact_phone"
    assert [c.name for c in ps.get_proposal(services, d.id).contacts] == ["陳美玲"]
    ps.add_comment(services, d.id, "請補上近十年人口變化數據")
    with pytest.raises(ValidationError):
        ps.add_comment(services, d.id, "  ")
    kinds = [e.kind for e in ps.timeline(services, d.id)]
    assert sorted(kinds) == ["comment", "stage"]


def test_delete_and_undelete_keep_search_in_step(services, people):
    d = ps.create_proposal(services, _fields(people))
    src = ps.ProposalListSource(services)
    assert src.ids(ListQuery(search="穀倉藝術")) == [d.id]
    ps.delete_proposal(services, d.id)
    assert src.ids(ListQuery(search="穀倉藝術")) == []
    assert src.ids(ListQuery()) == []
    ps.undelete_proposal(services, d.id)
    assert src.ids(ListQuery(search="穀倉藝術")) == [d.id]


# --- funding ---------------------------------------------------------------------------------------
def test_summary_totals_and_shares_are_computed(services, people):
    d = _complete(services, people)
    s = ps.proposal_summary(services, d.id)
    assert s.years == [115, 116]
    assert [i.code for i in s.items] == ["COA", "MOC"]  # 表 1 order: 農委會 before 文化部
    moc = next(i for i in s.items if i.code == "MOC")
    assert moc.by_year == {115: 1_200_000, 116: 800_000} and moc.total == 2_000_000
    assert s.year_totals == {115: 1_800_000, 116: 1_200_000}
    assert s.requested_total == 3_000_000
    assert moc.share == pytest.approx(2 / 3)
    assert s.year_shares[115] == pytest.approx(0.6)
    assert (s.self_funding, s.matching_funds, s.project_total) == (500_000, 300_000, 3_800_000)
    assert s.share_of_project(500_000) == pytest.approx(500_000 / 3_800_000)


def test_summarise_is_pure_and_keeps_requested_empty_rows():
    items = [funding_mod.WorkItemInfo("A", "甲部", "甲", 0), funding_mod.WorkItemInfo("B", "乙部", "乙", 1)]
    s = ps.summarise([("A", 115, 10), ("A", 115, 5)], items, years=[116], all_items=True)
    assert s.years == [115, 116] and [i.code for i in s.items] == ["A", "B"]
    assert s.items[0].by_year == {115: 15, 116: 0} and s.requested_total == 15
    empty = ps.summarise([], items)
    assert empty.requested_total == 0 and empty.items == [] and empty.project_total == 0


def test_center_view_per_work_item_beside_allocation(services, people):
    a = _complete(services, people)
    b = ps.create_proposal(services, _fields(people, title="第二案"))
    ps.save_draft(services, b.id, funding={("MOC", 114): 100_000})
    rejected = ps.create_proposal(services, _fields(people, title="未通過案"))
    ps.save_draft(services, rejected.id, funding={("MOC", 115): 9_000_000})
    with services.session_factory() as s:
        s.get(Proposal, rejected.id).stage = Stage.REJECTED.value
        s.commit()
    view = ps.requested_by_work_item(services)
    moc = next(r for r in view.rows if r.code == "MOC")
    assert view.years == [114, 115, 116]
    assert moc.requested == {114: 100_000, 115: 1_200_000, 116: 800_000}
    assert moc.allocation[114] == 100_000_000 and moc.allocation[115] is None  # 表 1 ends at 114
    assert moc.proposals == 2 and view.proposals == 2
    assert view.total == 3_100_000 and view.year_totals[115] == 1_800_000
    assert sum(r.share for r in view.rows) == pytest.approx(1)
    assert a.id  # keeps the complete proposal in the view


# --- stages ----------------------------------------------------------------------------------------
def test_transitions_are_the_plans_flow():
    assert ps.allowed_moves("idea") == [Stage.DRAFTING]
    assert ps.allowed_moves("council") == [Stage.SENT, Stage.APPROVED, Stage.RETURNED, Stage.REJECTED]
    assert ps.allowed_moves("returned") == [Stage.DRAFTING]
    with pytest.raises(UserError, match="不能從「構想」直接移到「通過」"):
        ps.check_transition("idea", "approved")


def test_incomplete_proposal_cannot_be_sent_and_the_gaps_are_listed(services, people):
    d = ps.create_proposal(services, _fields(people, applicant_type="", organization_name=""))
    ps.save_draft(services, d.id, sections={SectionKey.LOCAL_DNA.value: "有內容"}, scores={"locality": (4, "")})
    _walk(services, d.id, Stage.DRAFTING, Stage.CENTER_REVIEW)
    with pytest.raises(ValidationError) as err:
        ps.move_proposal(services, d.id, Stage.SENT.value, "送出")
    missing = [p.zh for p in err.value.problems]
    assert "申請單位類型未填" in missing and "申請單位（組織名稱）未填" in missing
    assert "章節「課題分析」尚未填寫" in missing and "章節「地方 DNA 與現況」尚未填寫" not in missing
    assert any("經費需求" in m for m in missing)
    assert "「公共性」尚未評分" in missing and "「在地性」尚未評分" not in missing
    assert "不能送專案辦公室" in err.value.zh and "・課題分析" not in err.value.zh
    assert ps.get_proposal(services, d.id).stage == Stage.CENTER_REVIEW  # blocked: nothing moved
    assert [p.zh for p in ps.check_completeness(services, d.id)] == missing


def test_complete_proposal_walks_to_approved_with_who_when_and_snapshots(services, people, db):
    d = _complete(services, people)
    _walk(services, d.id, Stage.DRAFTING, Stage.CENTER_REVIEW, Stage.SENT, Stage.COUNCIL, Stage.APPROVED)
    assert ps.get_proposal(services, d.id).stage == Stage.APPROVED
    with db.session() as s:
        changes = s.exec(select(StageChange).where(StageChange.proposal_id == d.id)
                         .order_by(StageChange.changed_at)).all()
    assert [c.to_stage for c in changes] == ["idea", "drafting", "center_review", "sent", "council", "approved"]
    assert all(c.updated_by == "測試輔導員" for c in changes)
    assert changes[-1].comment == "移到通過"
    snap = json.loads(changes[3].snapshot_json)
    assert snap["stage"] == "sent" and snap["applicant"]["organization"] == "稻浪社會企業股份有限公司"
    assert snap["sections"]["budget"] and len(snap["funding"]["lines"]) == 4 and snap["scores"]["public"]["score"] == 4


def test_a_move_needs_a_comment_and_an_allowed_target(services, people):
    d = ps.create_proposal(services, _fields(people))
    with pytest.raises(ValidationError, match="說明"):
        ps.move_proposal(services, d.id, Stage.DRAFTING.value, "   ")
    with pytest.raises(UserError, match="不能從"):
        ps.move_proposal(services, d.id, Stage.COUNCIL.value, "跳過")


def test_returned_goes_back_to_drafting_and_round_again(services, people):
    d = _complete(services, people)
    _walk(services, d.id, Stage.DRAFTING, Stage.CENTER_REVIEW, Stage.SENT, Stage.RETURNED)
    assert ps.allowed_moves(ps.get_proposal(services, d.id).stage) == [Stage.DRAFTING]
    _walk(services, d.id, Stage.DRAFTING, Stage.CENTER_REVIEW, Stage.SENT)
    assert ps.get_proposal(services, d.id).stage == Stage.SENT


# --- plans -----------------------------------------------------------------------------------------
def test_plan_moves_as_a_whole_with_rolled_up_totals(services, people, db):
    plan = ps.create_plan(services, ps.PlanFields("池上鄉地方創生計畫", TAITUNG, people["township"],
                                                  organization_name="臺東縣池上鄉公所"))
    a = _complete(services, people)
    b = ps.create_proposal(services, _fields(people, title="稻米體驗遊程", plan_id=plan.id))
    ps.set_plan(services, a.id, plan.id)
    ps.save_draft(services, b.id, funding={("MOTC-TOUR", 115): 1_000_000})
    detail = ps.get_plan(services, plan.id)
    assert [p.title for p in detail.proposals] == ["池上穀倉藝術咖啡", "稻米體驗遊程"]
    assert detail.funding.requested_total == 4_000_000
    assert detail.funding.self_funding == 1_000_000 and detail.funding.matching_funds == 600_000
    # a proposal of a plan moves with its plan, never alone
    with pytest.raises(UserError, match="隨計畫一起移動"):
        ps.move_proposal(services, a.id, Stage.DRAFTING.value, "單獨移動")
    ps.move_plan(services, plan.id, Stage.DRAFTING.value, "開始撰寫")
    # a township's plan follows the existing route: 公所提報 → 縣府審查, never 分區輔導中心審閱
    with pytest.raises(UserError, match="現行提案流程不能從「撰寫中」直接移到「分區輔導中心審閱」"):
        ps.move_plan(services, plan.id, Stage.CENTER_REVIEW.value, "中心審閱")
    with pytest.raises(ValidationError) as err:  # b lacks sections and scores
        ps.move_plan(services, plan.id, Stage.TOWNSHIP_FILED.value, "公所提報")
    assert all(p.zh.startswith("「稻米體驗遊程」") for p in err.value.problems)
    ps.save_draft(services, b.id, fields=_fields(people, title="稻米體驗遊程", plan_id=plan.id),
                  sections=SECTIONS, scores=SCORES)
    ps.move_plan(services, plan.id, Stage.TOWNSHIP_FILED.value, "公所提報")
    move = ps.move_plan(services, plan.id, Stage.COUNTY_REVIEW.value, "送縣府審查")
    assert sorted(move.proposal_ids) == sorted([a.id, b.id])
    assert {ps.get_proposal(services, i).stage for i in (a.id, b.id)} == {Stage.COUNTY_REVIEW}
    assert ps.get_plan(services, plan.id).stage == Stage.COUNTY_REVIEW
    rows = ps.list_plans(services)
    assert rows[0].proposals == 2 and rows[0].requested == 4_000_000 and rows[0].place == "臺東縣池上鄉"


def test_joining_a_plan_aligns_the_stage_as_a_recorded_move(services, people):
    plan = ps.create_plan(services, ps.PlanFields("計畫", TAITUNG, people["township"]))
    ps.move_plan(services, plan.id, Stage.DRAFTING.value, "撰寫")
    d = ps.create_proposal(services, _fields(people, plan_id=plan.id))
    assert d.stage == Stage.DRAFTING and d.plan_title == "計畫"
    assert "加入地方創生計畫" in ps.timeline(services, d.id)[0].text
    ps.delete_plan(services, plan.id)
    assert ps.get_proposal(services, d.id).plan_id is None


# --- versions --------------------------------------------------------------------------------------
def test_compare_two_versions_marks_inserted_and_deleted_text(services, people):
    d = _complete(services, people)
    _walk(services, d.id, Stage.DRAFTING)
    new_dna = SECTIONS["local_dna"].replace("青年返鄉", "青年返鄉與新住民")
    ps.save_draft(services, d.id, sections={"local_dna": new_dna, "issues": ""},
                  funding={**GRID, ("MOC", 116): 900_000}, scores={"business": (4, "營收模型已修正")})
    _walk(services, d.id, Stage.CENTER_REVIEW)
    versions = ps.list_versions(services, d.id)
    assert [v.to_stage for v in versions] == ["idea", "drafting", "center_review", ""]
    assert versions[-1].id == ps.CURRENT and "→" in versions[2].label
    cmp = ps.compare_versions(services, d.id, versions[1].id, versions[2].id)
    changed = {f.key: f for f in cmp.changes}
    dna = changed["section:local_dna"]
    assert [s for s in dna.segments if s.op == "insert"] == [ps.Segment("insert", "與新住民")]
    assert not [s for s in dna.segments if s.op == "delete"]
    issues = changed["section:issues"]
    assert issues.new == "" and issues.segments[0].op == "delete"
    assert (changed["funding:MOC:116"].old, changed["funding:MOC:116"].new) == ("800,000", "900,000")
    assert changed["funding:requested"].new == "3,100,000"
    assert (changed["score:business"].old, changed["score:business"].new) == ("3 分", "4 分")
    assert changed["stage"].new == "分區輔導中心審閱"
    assert "section:budget" not in changed
    # the current draft compares with the last version: nothing changed since
    assert ps.compare_versions(services, d.id, versions[2].id, ps.CURRENT).changes == []


def test_diff_segments_replace_gives_delete_then_insert():
    segs = ps.diff_segments("池上米", "關山米")
    assert segs == [ps.Segment("delete", "池上"), ps.Segment("insert", "關山"), ps.Segment("equal", "米")]


# --- list and board --------------------------------------------------------------------------------
def test_list_filters_search_and_sorting_in_sql(services, people):
    a = _complete(services, people)
    b = ps.create_proposal(services, _fields(people, title="萬華老街共享廚房", county_code=TAIPEI,
                                             township_code=ZHONGZHENG, route=Route.EXISTING.value,
                                             applicant_type=OrgKind.TOWNSHIP_OFFICE.value, workstation_id=None,
                                             counselor_id=None, organization_name="中正區公所"))
    src = ps.ProposalListSource(services)
    assert set(src.ids(ListQuery())) == {a.id, b.id}
    assert src.ids(ListQuery(filters={"route": "existing"})) == [b.id]
    assert src.ids(ListQuery(filters={"county_code": TAITUNG})) == [a.id]
    assert src.ids(ListQuery(filters={"applicant_type": "social_enterprise"})) == [a.id]
    assert src.ids(ListQuery(filters={"counselor_id": people["counselor"]})) == [a.id]
    assert src.ids(ListQuery(filters={"workstation_id": people["workstation"]})) == [a.id]
    assert src.ids(ListQuery(filters={"stage": "idea"})) and not src.ids(ListQuery(filters={"stage": "sent"}))
    assert src.ids(ListQuery(search="稻作文化")) == [a.id]  # section text is searchable
    assert src.ids(ListQuery(search="中正區公所")) == [b.id]  # so is the applicant
    assert src.ids(ListQuery(sort_key="requested", descending=True)) == [a.id, b.id]
    assert src.ids(ListQuery(sort_key="requested")) == [b.id, a.id]
    row = src.rows([a.id])[a.id]
    assert row["route"] == "多元徵案" and row["stage"] == "構想" and row["requested"] == 3_000_000
    assert row["applicant_type"] == "社會企業" and row["place"] == "臺東縣池上鄉"
    for col in ps.ProposalListSource.columns:
        assert col.key in row
        src.ids(ListQuery(sort_key=col.key))


def test_board_has_a_column_per_stage_and_plans_as_single_cards(services, people):
    a = _complete(services, people)
    plan = ps.create_plan(services, ps.PlanFields("池上鄉計畫", TAITUNG, people["township"]))
    b = ps.create_proposal(services, _fields(people, title="計畫內提案", plan_id=plan.id))
    ps.create_plan(services, ps.PlanFields("空計畫", TAITUNG, people["township"]))
    _walk(services, a.id, Stage.DRAFTING)
    board = ps.board(services, ListQuery())
    assert list(board.columns) == [s.value for s in Stage]
    assert [c.id for c in board.columns["drafting"]] == [a.id]
    assert {c.title for c in board.columns["idea"]} == {"池上鄉計畫", "空計畫"}
    plan_card = next(c for c in board.columns["idea"] if c.id == plan.id)
    assert plan_card.kind == "plan" and plan_card.proposals == 1
    assert b.id not in {c.id for cards in board.columns.values() for c in cards}
    # a proposal-only filter keeps plans only when one of their proposals matches
    only_multi = ps.board(services, ListQuery(filters={"route": "multi"}))
    assert {c.title for c in only_multi.columns["idea"]} == {"池上鄉計畫"}

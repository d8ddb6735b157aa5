"""Both flows of 圖 3 through the stage board: the columns a card may go to, the county checklist,
the council's decision recorded when a proposal passes."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from counsel_desk.models.enums import OrgKind, Route, Stage
from counsel_desk.services import proposals as ps

from tests.ui.test_proposals_ui import CHISHANG, TAITUNG, capture_warnings, make_page, type_zh
from tests.unit.test_proposals_service import SCORES, SECTIONS

GRID = {("COA", 115): 1_500_000}


@pytest.fixture
def page(qtbot, app_context, db):
    return make_page(qtbot, app_context, db)


@pytest.fixture
def warnings(monkeypatch):
    return capture_warnings(monkeypatch)


def _proposal(svc, title: str, route: Route) -> str:
    kind = OrgKind.TOWNSHIP_OFFICE if route == Route.EXISTING else OrgKind.COMPANY
    d = ps.create_proposal(svc, ps.ProposalFields(title, TAITUNG, CHISHANG, route=route.value,
                                                  applicant_type=kind.value, organization_name=f"{title}申請單位"))
    ps.save_draft(svc, d.id, sections=SECTIONS, funding=GRID, scores=SCORES)
    return d.id


def _move_on_board(qtbot, page, card_id: str, stage: Stage, comment: str, decision=None) -> list[str]:
    """Drop-equivalent: the board asks to move the card; fill the move dialog (and the decision box)."""
    from counsel_desk.ui.proposals.dialogs import MoveDialog

    offered: list[str] = []

    def fill():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, MoveDialog):
            QTimer.singleShot(20, fill)
            return
        offered.extend(dialog.target.itemData(i) for i in range(dialog.target.count()))
        try:
            dialog.target.setCurrentIndex(dialog.target.findData(stage.value))
            assert dialog.decision_box.isVisible() == (stage == Stage.APPROVED)
            if decision:
                meeting, amounts = decision
                dialog.decision_box.meeting.setValue(meeting)
                for agency, amount in amounts.items():
                    qtbot.keyClicks(dialog.decision_box.amounts[agency], str(amount))
            type_zh(dialog.comment, comment)
            qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, fill)
    page.board.move_requested.emit("proposal", card_id, "")
    return offered


def test_existing_route_on_the_board_with_the_county_checklist(qtbot, page, app_context, warnings):
    """Source: 加速推動地方創生計畫 圖 3 提案流程 2.0 — 現行提案流程: 鄉（鎮市區）公所 → 縣（市）政府「確認及協助處理土地使用、
    環保、補助款核撥、配合款編列、公有空間提供等事宜」 → 國發會; 肆「經由『行政院地方創生會報』工作會議通過後動支」."""
    svc = app_context.services()
    pid = _proposal(svc, "池上米食文化館", Route.EXISTING)
    page.reload()
    card = page.board.columns["idea"].cards()[0]
    from counsel_desk.ui.proposals.board import card_moves

    assert card_moves(card) == [Stage.DRAFTING]
    _move_on_board(qtbot, page, pid, Stage.DRAFTING, "開始撰寫")
    qtbot.waitUntil(lambda: ps.get_proposal(svc, pid).stage == "drafting")
    offered = _move_on_board(qtbot, page, pid, Stage.TOWNSHIP_FILED, "公所提報縣府")
    assert offered == ["idea", "township_filed"]  # never the multi-channel route's 分區輔導中心審閱
    qtbot.waitUntil(lambda: ps.get_proposal(svc, pid).stage == "township_filed")
    _move_on_board(qtbot, page, pid, Stage.COUNTY_REVIEW, "送縣府審查")
    qtbot.waitUntil(lambda: [c.id for c in page.board.columns["county_review"].cards()] == [pid])
    assert "縣府審查" in page.board.headers["county_review"].text()

    # the checklist, opened from the card
    page.board.checklist_requested.emit("proposal", pid)
    dialog = page.checklist_dialog
    assert [dialog.rows[i][0].currentText() for i in dialog.rows] == ["待確認"] * 5
    dialog.set_row("land_use", "settled", None)
    assert dialog.save() is False and "土地使用" in dialog.error.text() and "須填寫確認日期" in dialog.error.text()
    for item in ("land_use", "environment", "subsidy_payment", "matching_funds"):
        dialog.set_row(item, "settled", date(2026, 11, 20))
    dialog.set_row("public_space", "issue", date(2026, 11, 21))
    type_zh(dialog.rows["public_space"][2], "閒置校舍移撥中")
    assert dialog.save() is True
    rows = {r.item: r for r in ps.checklist(svc, pid)}
    assert rows["public_space"].status == "issue" and rows["public_space"].note == "閒置校舍移撥中"

    # on to the council: the open item speaks up with its source
    _move_on_board(qtbot, page, pid, Stage.COUNCIL, "縣府審查完成")
    qtbot.waitUntil(lambda: ps.get_proposal(svc, pid).stage == "council")
    assert any("公有空間提供" in w and "圖 3" in w for w in warnings)
    # passes, with its working meeting and the amounts per ministry
    _move_on_board(qtbot, page, pid, Stage.APPROVED, "第 51 次工作會議通過", decision=(51, {"農業部（原行政院農業委員會）": 1200000}))
    qtbot.waitUntil(lambda: ps.get_proposal(svc, pid).stage == "approved")
    decision = ps.get_decision(svc, "proposal", pid)
    assert decision.meeting == 51 and decision.amounts == {"農業部（原行政院農業委員會）": 1_200_000}

    # the decision corrected later from the card: a wrong meeting number and amount (audited)
    page.reload()
    page.board.decision_requested.emit("proposal", pid)
    fix = page.decision_dialog
    assert fix.box.meeting.value() == 51 and fix.box.amounts["農業部（原行政院農業委員會）"].text() == "1,200,000"
    fix.box.meeting.setValue(0)
    assert fix.save() is False and "第幾次" in fix.error.text()
    fix.box.meeting.setValue(52)
    fix.box.amounts["農業部（原行政院農業委員會）"].setText("1,500,000")
    assert fix.save() is True
    decision = ps.get_decision(svc, "proposal", pid)
    assert decision.meeting == 52 and decision.amounts == {"農業部（原行政院農業委員會）": 1_500_000}
    with app_context.db.session() as s:
        actions = [r[0] for r in s.connection().exec_driver_sql(
            "SELECT action || ':' || entity FROM audit_log WHERE entity IN ('proposal', 'approved_amount') "
            "ORDER BY seq DESC LIMIT 2")]
    assert set(actions) == {"update:proposal", "update:approved_amount"}


def test_multi_channel_route_on_the_board(qtbot, page, app_context, warnings):
    """Source: 加速推動地方創生計畫 叁、五、多元徵案 and 圖 3 — 【新增】多元徵案流程: 地方團體／青年培力工作站 → 分區輔導中心
    「協助整合」 → 專案辦公室 → 會報; never through 公所提報 or 縣府審查."""
    svc = app_context.services()
    pid = _proposal(svc, "稻田咖啡", Route.MULTI)
    page.reload()
    for stage in (Stage.DRAFTING, Stage.CENTER_REVIEW, Stage.SENT, Stage.COUNCIL):
        offered = _move_on_board(qtbot, page, pid, stage, f"移到{stage.zh}")
        qtbot.waitUntil(lambda s=stage: ps.get_proposal(svc, pid).stage == s.value)
        assert "township_filed" not in offered and "county_review" not in offered
    _move_on_board(qtbot, page, pid, Stage.RETURNED, "請補充財務規劃")
    qtbot.waitUntil(lambda: [c.id for c in page.board.columns["returned"].cards()] == [pid])


def test_the_editor_lists_the_rules_that_speak_up_with_their_source(qtbot, page, app_context):
    """Where the user acts: the editor's 完整性 area lists each warning with its source, as the draft changes."""
    svc = app_context.services()
    pid = _proposal(svc, "公所多元案", Route.MULTI)  # a township office on the multi-channel route
    ps.save_draft(svc, pid, fields=ps.ProposalFields("公所多元案", TAITUNG, CHISHANG, route=Route.MULTI.value,
                                                      applicant_type=OrgKind.TOWNSHIP_OFFICE.value,
                                                      organization_name="池上鄉公所"))
    page.open_card("proposal", pid)
    editor = page.editor
    qtbot.waitUntil(lambda: editor.rules.isVisible())
    text = editor.rules.text()
    assert "「鄉鎮市區公所」不符多元徵案" in text and "叁、五" in text
    assert "不在地方創生北區輔導中心的縣市內" in text  # 臺東縣 is the east center's by the shipped default
    # choosing the existing route silences the route rule while typing, before saving
    editor.applicant.route_existing.setChecked(True)
    qtbot.waitUntil(lambda: "不符" not in editor.rules.text())


def test_the_funding_page_loads_a_programme_file_and_uses_it(qtbot, page, app_context, warnings, monkeypatch,
                                                               tmp_path, qtmodeltester):
    """A center laptop loads the project office's programme file on the funding page: the ROC 115 column
    shows the new allocation; an older file is refused with a message and changes nothing."""
    import json
    from pathlib import Path

    from PySide6.QtWidgets import QFileDialog, QMessageBox

    svc = app_context.services()
    _proposal(svc, "稻田咖啡", Route.MULTI)
    shipped = Path(__file__).resolve().parents[2] / "resources" / "programmes" / "sustainable-114-117.json"
    d = json.loads(shipped.read_text(encoding="utf-8"))
    new = d["version"] + 1  # the next edition headquarters issues
    d["version"] = new
    d["work_items"] = [{"code": "COA", "agency": "農業部", "name": "地方創生農山漁村發展建設",
                        "allocations_100m": {"115": 2.5}}]
    newer = tmp_path / "v2.json"
    newer.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    infos: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _p, _t, text, *a, **k: infos.append(text)))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(newer), "")))
    page.tabs.setCurrentIndex(3)
    demand = page.demand
    demand.with_allocation.setChecked(True)
    qtbot.mouseClick(demand.load_button, Qt.MouseButton.LeftButton)
    assert infos and f"第 {new} 版" in infos[0]
    qtmodeltester.check(demand.model)
    heads = [demand.model.headerData(c, Qt.Orientation.Horizontal) for c in range(demand.model.columnCount())]
    col = heads.index("核定額度 115")
    coa = next(r for r in range(demand.model.rowCount()) if demand.model.index(r, 1).data() == "農業部（原行政院農業委員會）"
               or demand.model.index(r, 0).data() == "地方創生農山漁村發展建設")
    assert demand.model.index(coa, col).data() == "250,000,000"
    assert "民國 115 年：打造永續共好地方創生計畫" in demand.plans.text()
    # the shipped edition is older: refused, the new one stays
    demand.load_programme_file(str(shipped))
    assert any(f"比已載入的第 {new} 版舊" in w for w in warnings)
    from counsel_desk.services.programme import programme

    assert programme.plan_in_force(svc, 115).version == new
    assert demand.model.index(coa, col).data() == "250,000,000"


def test_a_plan_card_opens_the_countys_checklist(qtbot, page, app_context):
    """Source: 圖 3 提案流程 2.0 — the township's plan is reviewed by the county government as a whole."""
    svc = app_context.services()
    plan = ps.create_plan(svc, ps.PlanFields("池上鄉地方創生計畫", TAITUNG, CHISHANG, organization_name="池上鄉公所"))
    pid = _proposal(svc, "池上米食文化館", Route.EXISTING)
    ps.set_plan(svc, pid, plan.id)
    for stage in (Stage.DRAFTING, Stage.TOWNSHIP_FILED, Stage.COUNTY_REVIEW):
        ps.move_plan(svc, plan.id, stage.value, f"移到{stage.zh}")
    page.reload()
    assert plan.id in [c.id for c in page.board.columns["county_review"].cards()]
    page.board.checklist_requested.emit("plan", plan.id)  # what the plan card's menu sends
    dialog = page.checklist_dialog
    assert dialog.kind == "plan" and list(dialog.rows) == ["land_use", "environment", "subsidy_payment",
                                                           "matching_funds", "public_space"]
    for item in dialog.rows:
        dialog.set_row(item, "settled", date(2026, 11, 20))
    assert dialog.save() is True
    assert all(r.status == "settled" for r in ps.checklist(svc, plan.id, "plan"))
    assert all(r.status == "pending" for r in ps.checklist(svc, pid))  # the proposal keeps its own list


def test_the_funding_page_says_which_allocations_are_provisional(qtbot, page, app_context):
    """Source: 加速推動地方創生計畫 表 1 註「除 110-111 年外，本表所列各部會工作項目經費均為暫列」 — issue 16: 暫列 as the
    seed says, where requests are set beside the allocation."""
    svc = app_context.services()
    pid = _proposal(svc, "稻田咖啡", Route.MULTI)
    ps.save_draft(svc, pid, funding={("NDC", 111): 1_000_000, ("NDC", 113): 2_000_000})
    page.tabs.setCurrentIndex(3)
    demand = page.demand
    demand.with_allocation.setChecked(True)
    model = demand.model
    heads = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    ndc = next(r for r in range(model.rowCount()) if model.index(r, 1).data() == "國家發展委員會")
    assert model.index(ndc, heads.index("核定額度 111")).data() == "400,000,000"
    assert model.index(ndc, heads.index("核定額度 113")).data() == "400,000,000（暫列）"

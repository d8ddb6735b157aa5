"""The proposals page driven through its real widgets: a 多元徵案 proposal of a social enterprise from
first draft to 通過, blocked once on the way for what it lacks, then two versions compared; plans,
the list and the PDF export."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QMessageBox

from counsel_desk.models import Counselor, Workstation
from counsel_desk.models.enums import OrgKind, SectionKey, Stage
from counsel_desk.services import base
from counsel_desk.services import proposals as ps
from tests.ui.conftest import type_text as type_zh

TAITUNG, CHISHANG = "10014", "10014060"
SECTION_TEXT = {k.value: f"{k.zh}：池上稻作文化與青年返鄉的第{n + 1}段說明。" for n, k in enumerate(SectionKey)}


@pytest.fixture
def page(qtbot, app_context, db):
    return make_page(qtbot, app_context, db)


def make_page(qtbot, app_context, db):
    """The proposals page over a database with one counselor and one workstation."""
    with db.session() as s:
        base.create(s, Counselor(center_code="north", name="林怡君"), "setup", "counselor")
        base.create(s, Workstation(center_code="north", name="池上米鄉青年工作站", county_code=TAITUNG,
                                   township_code=CHISHANG), "setup", "workstation")
        s.commit()
    from counsel_desk.ui.proposals.page import ProposalsPage

    widget = ProposalsPage(app_context)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    return widget


@pytest.fixture
def warnings(monkeypatch):
    return capture_warnings(monkeypatch)


def capture_warnings(monkeypatch) -> list[str]:
    """Every QMessageBox.warning shown, captured instead of blocking."""
    shown: list[str] = []

    def fake(_parent, _title, text, *args, **kwargs):
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(fake))
    return shown


def answer_move(qtbot, stage: Stage, comment: str) -> list:
    """Fill the modal move dialog once it opens: choose the stage, write the comment, press Move."""
    from counsel_desk.ui.proposals.dialogs import MoveDialog

    seen: list = []

    def fill():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, MoveDialog):
            QTimer.singleShot(20, fill)
            return
        seen.append([dialog.target.itemText(i) for i in range(dialog.target.count())])
        try:
            dialog.target.setCurrentIndex(dialog.target.findData(stage.value))
            ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
            assert not ok.isEnabled()  # no move without a comment
            type_zh(dialog.comment, comment)
            qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, fill)
    return seen


def choose(combo, value) -> None:
    combo.setCurrentIndex(combo.findData(value))


def type_amount(qtbot, view, row: int, col: int, text: str) -> None:
    index = view.model().index(row, col)
    view.setCurrentIndex(index)
    view.edit(index)
    # The cell's editor (the previous cell's one is hidden and waiting for deletion).
    editor = next(w for w in view.viewport().findChildren(QLineEdit) if w.isVisible())
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits on Return through a queued call, then closes (and deletes) the editor.
    qtbot.waitUntil(lambda: view.model().index(row, col).data() != "" or not view.viewport().findChildren(QLineEdit))


def test_a_social_enterprise_proposal_from_draft_to_approved(qtbot, page, warnings, qtmodeltester, app_context):
    moved: list[tuple[str, str]] = []
    app_context.proposal_stage_changed.connect(lambda pid, st: moved.append((pid, st)))
    editor = page.editor
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert page.stack.currentWidget() is editor

    # applicant and route
    form = editor.applicant
    type_zh(form.title, "池上穀倉藝術咖啡")
    choose(form.applicant_type, OrgKind.SOCIAL_ENTERPRISE.value)
    type_zh(form.organization, "稻浪社會企業股份有限公司")
    choose(form.county, TAITUNG)
    choose(form.township, CHISHANG)
    qtbot.mouseClick(form.route_multi, Qt.MouseButton.LeftButton)
    choose(form.workstation, form.workstation.itemData(1))
    choose(form.counselor, form.counselor.itemData(1))

    # sections, with live character counts
    editor.tabs.setCurrentIndex(1)
    for row, (key, text) in enumerate(SECTION_TEXT.items()):
        editor.sections.index.setCurrentRow(row)
        type_zh(editor.sections.editors[key].text, text)
    dna = editor.sections.editors["local_dna"]
    assert dna.count.text().startswith(f"{len(SECTION_TEXT['local_dna'].replace(' ', ''))} ")
    assert "✓" in editor.sections.index.item(0).text()

    # funding over two work items and two years: the totals appear as the cells are typed
    editor.tabs.setCurrentIndex(2)
    grid = editor.funding
    model = grid.model
    qtmodeltester.check(model)
    assert len(model.years) == 2  # this ROC year and the next, before anything is typed
    codes = [w.code for w in model.work_items]
    y1, y2 = model.years[0], model.years[1]
    for code, col, amount in (("MOC", 1, "1,200,000"), ("MOC", 2, "800000"), ("COA", 1, "600000"), ("COA", 2, "400000")):
        type_amount(qtbot, grid.view, codes.index(code), col, amount)
    total_row = model.rowCount() - 1
    assert model.index(total_row, 1).data() == "1,800,000" and model.index(total_row, 2).data() == "1,200,000"
    assert model.index(total_row, 3).data() == "3,000,000"
    assert model.index(codes.index("MOC"), 3).data() == "2,000,000"
    assert model.index(codes.index("MOC"), 4).data() == "66.7%"
    qtbot.keyClicks(grid.self_funding, "500000")
    qtbot.keyClicks(grid.matching_funds, "300000")
    assert "NT$3,000,000" in grid.summary_label.text() and "NT$3,800,000" in grid.summary_label.text()
    assert model.flags(model.index(total_row, 1)) & Qt.ItemFlag.ItemIsEditable == Qt.ItemFlag.NoItemFlags

    # the three scores are still missing: the editor says so while typing
    assert "「在地性」尚未評分" in editor.completeness.text()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.detail is not None and not editor.dirty
    pid = editor.detail.id
    saved = ps.get_proposal(app_context.services(), pid)
    assert saved.route == "multi" and saved.applicant_type == "social_enterprise"
    assert {(f.work_item_code, f.roc_year): f.amount for f in saved.funding} == {
        ("MOC", y1): 1_200_000, ("MOC", y2): 800_000, ("COA", y1): 600_000, ("COA", y2): 400_000}
    assert (saved.self_funding, saved.matching_funds) == (500_000, 300_000)

    # a coaching comment
    editor.tabs.setCurrentIndex(4)
    type_zh(editor.timeline.new_comment, "請補上近十年人口變化")
    qtbot.mouseClick(editor.timeline.add_button, Qt.MouseButton.LeftButton)
    assert "請補上近十年人口變化" in editor.timeline.browser.toPlainText()

    # through the stages from the editor, each move with its comment
    for stage in (Stage.DRAFTING, Stage.CENTER_REVIEW):
        answer_move(qtbot, stage, f"進入{stage.zh}")
        qtbot.mouseClick(editor.move_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda s=stage: editor.detail.stage == s.value)
    assert "分區輔導中心審閱" in editor.stage_badge.text()

    # sending it incomplete is blocked, with the list of what is missing, in Chinese
    answer_move(qtbot, Stage.SENT, "送專案辦公室")
    qtbot.mouseClick(editor.move_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(warnings))
    assert "不能送專案辦公室" in warnings[-1]
    for missing in ("「在地性」尚未評分", "「公共性」尚未評分", "「商業模式」尚未評分"):
        assert missing in warnings[-1]
    assert "章節" not in warnings[-1]
    assert editor.detail.stage == Stage.CENTER_REVIEW.value
    assert editor.tabs.currentIndex() == 3  # taken to the scores

    # complete it: three scores with comments
    for crit, n, comment in (("locality", 5, "在地連結強"), ("public", 4, "回饋機制清楚"), ("business", 3, "營收待驗證")):
        box = editor.scores.boxes[crit]
        qtbot.mouseClick(box.group.button(n), Qt.MouseButton.LeftButton)
        type_zh(box.comment, comment)
    qtbot.waitUntil(lambda: editor.completeness.text().startswith("資料完整"))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    answer_move(qtbot, Stage.SENT, "資料齊全，送專案辦公室")
    qtbot.mouseClick(editor.move_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.detail.stage == Stage.SENT.value)

    # the rest of the way on the board: select the card, "Move selected to…"
    qtbot.mouseClick(editor.back_button, Qt.MouseButton.LeftButton)
    page.tabs.setCurrentIndex(0)
    for stage in (Stage.COUNCIL, Stage.APPROVED):
        assert page.board.select(pid)
        options = answer_move(qtbot, stage, f"會報：{stage.zh}")
        qtbot.mouseClick(page.move_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda s=stage: [c.id for c in page.board.columns[s.value].cards()] == [pid])
    assert options[0] == ["送專案辦公室", "通過", "退回修正", "未通過"]  # what 會報工作會議審議 may move to
    assert "通過" in page.board.headers["approved"].text()
    assert [st for _p, st in moved] == ["drafting", "center_review", "sent", "council", "approved"]

    # two versions compared side by side: the draft when it went to review vs when it was sent
    page.open_proposal(pid)
    qtbot.mouseClick(editor.versions_button, Qt.MouseButton.LeftButton)
    dialog = page.versions_dialog
    versions = ps.list_versions(app_context.services(), pid)
    review = next(v for v in versions if v.to_stage == "center_review")
    sent = next(v for v in versions if v.to_stage == "sent")
    dialog.choose(review.id, sent.id)
    changed = {f.key for f in dialog.comparison.changes}
    assert {"score:locality", "score_comment:business", "stage"} <= changed
    assert "section:local_dna" not in changed
    business = next(f for f in dialog.comparison.changes if f.key == "score_comment:business")
    assert (business.old, business.new) == ("", "營收待驗證")
    html = dialog.view.toHtml().lower()
    assert "營收待驗證" in dialog.view.toPlainText() and "#dcf3dc" in html  # inserted text is marked in green
    dialog.close()


def test_list_filters_and_search(qtbot, page, app_context, qtmodeltester):
    svc = app_context.services()
    a = ps.create_proposal(svc, ps.ProposalFields("池上穀倉藝術咖啡", TAITUNG, CHISHANG, "multi", "social_enterprise",
                                                  "稻浪社會企業"))
    ps.create_proposal(svc, ps.ProposalFields("關山親水公園市集", TAITUNG, "10014070", "existing", "township_office",
                                              "關山鎮公所"))
    app_context.proposals_changed.emit()
    page.tabs.setCurrentIndex(1)
    model = page.current_list_model()
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    choose(page.filters.route, "multi")
    assert model.rowCount() == 1 and model.id_at(0) == a.id
    assert model.index(0, 0).data() == "池上穀倉藝術咖啡" and model.index(0, 4).data() == "多元徵案"
    page.filters.clear()
    page.focus_search()
    type_zh(page.filters.search, "關山鎮")
    qtbot.keyClick(page.filters.search, Qt.Key.Key_Return)
    assert model.rowCount() == 1 and model.index(0, 0).data() == "關山親水公園市集"
    page.apply_filter({"applicant_type": "social_enterprise", "search": ""})
    assert model.rowCount() == 1 and model.id_at(0) == a.id


def test_plan_moves_as_a_whole_on_the_board(qtbot, page, app_context, warnings, qtmodeltester):
    svc = app_context.services()
    announced: list[str] = []  # the saves' own signals (services declare them, ctx.run sends them once each)
    app_context.proposals_changed.connect(lambda: announced.append("proposals"))
    page.tabs.setCurrentIndex(2)
    plans = page.plans
    qtbot.mouseClick(plans.new_button, Qt.MouseButton.LeftButton)
    type_zh(plans.title, "池上鄉地方創生計畫")
    type_zh(plans.organization, "臺東縣池上鄉公所")
    choose(plans.county, TAITUNG)
    choose(plans.township, CHISHANG)
    qtbot.mouseClick(plans.save_button, Qt.MouseButton.LeftButton)
    plan_id = plans.plan_id
    assert plan_id and plans.model.rowCount() == 1
    assert announced == ["proposals"]
    for title in ("穀倉咖啡", "稻田遊程"):
        d = ps.create_proposal(svc, ps.ProposalFields(title, TAITUNG, CHISHANG, plan_id=plan_id))
        ps.save_draft(svc, d.id, funding={("COA", 115): 1_000_000})
    plans.select(plan_id)
    qtmodeltester.check(plans.model)
    qtmodeltester.check(plans.proposals_model)
    qtmodeltester.check(plans.funding_model)
    assert plans.proposals_model.rowCount() == 2
    assert "NT$2,000,000" in plans.totals.text()
    answer_move(qtbot, Stage.DRAFTING, "公所開始撰寫")
    qtbot.mouseClick(plans.move_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ps.get_plan(svc, plan_id).stage == "drafting")
    assert {p.stage for p in ps.get_plan(svc, plan_id).proposals} == {"drafting"}
    assert announced == ["proposals", "proposals"]  # the move, once
    page.tabs.setCurrentIndex(0)
    cards = page.board.columns["drafting"].cards()
    assert [(c.kind, c.title, c.proposals) for c in cards] == [("plan", "池上鄉地方創生計畫", 2)]
    page.tabs.setCurrentIndex(3)
    qtmodeltester.check(page.demand.model)
    assert page.demand.summary.text() == "共 2 件提案，申請補助合計新臺幣 2,000,000 元。"


def test_export_pdf_from_the_editor(qtbot, page, app_context, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    svc = app_context.services()
    d = ps.create_proposal(svc, ps.ProposalFields("池上穀倉藝術咖啡", TAITUNG, CHISHANG))
    target = tmp_path / "提案.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    page.open_proposal(d.id)
    qtbot.mouseClick(page.editor.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(page, "last_export", None) is not None, timeout=15000)
    assert Path(page.last_export) == target and target.read_bytes().startswith(b"%PDF")


def test_forms_offer_her_centers_active_counselors_and_a_new_plan_is_hers(qtbot, app_context, db):
    """Not the other centers' people nor those who left — except the one an older proposal names."""
    with db.session() as s:
        me = base.create(s, Counselor(center_code="north", name="測試輔導員"), "setup", "counselor")
        left = base.create(s, Counselor(center_code="north", name="已離職", active=False), "setup", "counselor")
        base.create(s, Counselor(center_code="south", name="南區同仁"), "setup", "counselor")
        s.commit()
        me_id, left_id = me.id, left.id
    page = make_page(qtbot, app_context, db)
    svc = app_context.services()

    def offered(combo) -> list[str]:
        return [combo.itemText(i) for i in range(1, combo.count())]

    page.tabs.setCurrentIndex(2)
    qtbot.mouseClick(page.plans.new_button, Qt.MouseButton.LeftButton)
    assert page.plans.counselor.currentData() == me_id
    assert offered(page.plans.counselor) == sorted(["林怡君", "測試輔導員"])
    fresh = ps.create_proposal(svc, ps.ProposalFields("新提案", TAITUNG, CHISHANG))
    page.open_proposal(fresh.id)
    assert offered(page.editor.applicant.counselor) == sorted(["林怡君", "測試輔導員"])
    older = ps.create_proposal(svc, ps.ProposalFields("舊提案", TAITUNG, CHISHANG, counselor_id=left_id))
    page.editor.dirty = False
    page.open_proposal(older.id)
    assert page.editor.applicant.counselor.currentText() == "已離職"
    assert "南區同仁" not in offered(page.editor.applicant.counselor)


def test_a_cards_sum_is_never_cut_the_badge_gives_way(qapp):
    """Issue 12: amounts never clipped — elide words, not digits. A plan's English badge beside NT$123.4 M on a
    board card shortened the sum to '…M'; now the badge is shortened and the whole sum shows."""
    from PySide6.QtGui import QFont, QFontMetrics

    from counsel_desk.ui.proposals.board import COLUMN_WIDTH, badge_beside, card_money

    metrics = QFontMetrics(QFont(QApplication.font().family(), 8))
    inner = COLUMN_WIDTH - 16 - 8 - 20  # the card's size hint, less its margin and padding (CardDelegate.paint)
    money = card_money(1_234_000_000)
    badge = badge_beside(metrics, "Regional revitalization plan · multi-channel call", money, inner)
    assert badge.endswith("…") and money in ("NT$1,234.0 M", "12.34 億元")
    assert metrics.horizontalAdvance(badge) + 12 + 6 + metrics.horizontalAdvance(money) <= inner
    assert badge_beside(metrics, "Plan", money, inner) == "Plan"

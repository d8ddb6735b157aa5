"""Issue 16's new fields travel in the interchange workbook: the county's checklist, the council's
decision (working meeting, amounts per ministry) and a workstation budget year's staff, 評鑑 and 延續補助."""

from __future__ import annotations

from datetime import date

from counsel_desk.models.enums import OrgKind, Route, Stage
from counsel_desk.services import proposals as ps
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.workstations import workstations as ws
from counsel_desk.sync import export_workbook, import_workbooks

from tests.integration.sync_helpers import COUNTY, TOWNSHIP, fresh_db
from tests.unit.test_proposals_service import SCORES, SECTIONS


def _svc(db) -> ServiceContext:
    return ServiceContext.for_database(db, actor="北區輔導員", center_code="north")


def test_the_checklist_the_decision_and_the_budget_years_evaluation_travel(tmp_path, tmp_path_factory):
    """Source: 加速推動地方創生計畫 圖 3 (縣府「確認及協助處理土地使用、環保、補助款核撥、配合款編列、公有空間提供」),
    肆 (「經由『行政院地方創生會報』工作會議通過後動支」); 110 年度申請須知（如公開引述）「經評鑑績效良好者得延續補助一年」."""
    laptop = fresh_db(tmp_path / "laptop", "laptop.db", tmp_path_factory.getbasetemp(), file=True)
    hq = fresh_db(tmp_path / "hq", "hq.db", tmp_path_factory.getbasetemp())
    try:
        svc = _svc(laptop)
        d = ps.create_proposal(svc, ps.ProposalFields("大安社區食堂", COUNTY, TOWNSHIP, route=Route.EXISTING.value,
                                                      applicant_type=OrgKind.TOWNSHIP_OFFICE.value,
                                                      organization_name="臺北市大安區公所"))
        ps.save_draft(svc, d.id, sections=SECTIONS, funding={("COA", 115): 1_500_000}, scores=SCORES)
        for stage in (Stage.DRAFTING, Stage.TOWNSHIP_FILED, Stage.COUNTY_REVIEW):
            ps.move_proposal(svc, d.id, stage.value, f"移到{stage.zh}")
        ps.save_check(svc, d.id, "land_use", "settled", date(2026, 11, 20), "都市計畫住宅區，容許使用")
        ps.save_check(svc, d.id, "public_space", "issue", date(2026, 11, 21), "閒置校舍移撥中")
        ps.move_proposal(svc, d.id, Stage.COUNCIL.value, "送國發會")
        ps.move_proposal(svc, d.id, Stage.APPROVED.value, "第 51 次工作會議通過",
                         decision=ps.Decision(51, date(2025, 11, 18), {"農業部": 1_450_000, "文化部": 500_000}))
        station = ws.create_workstation(svc, {"name": "大安青年培力工作站", "county_code": COUNTY,
                                              "township_code": TOWNSHIP, "status": "active", "year_approved": 114,
                                              "fulltime_staff": 2, "term_start": date(2025, 3, 1)})
        first = ws.save_budget(svc, station.id, 114, 2_000_000, fulltime_staff=3)
        ws.record_evaluation(svc, first.id, "good", date(2026, 2, 10), "成果豐碩")
        ws.save_budget(svc, station.id, 115, 1_800_000, fulltime_staff=1, extension=True)

        out = tmp_path / "north.xlsx"
        export_workbook(laptop, out)
        assert import_workbooks(hq, [out], actor="專案辦公室").applied

        there = _svc(hq)
        rows = {r.item: r for r in ps.checklist(there, d.id)}
        assert (rows["land_use"].status, rows["land_use"].checked_on, rows["land_use"].note) == (
            "settled", date(2026, 11, 20), "都市計畫住宅區，容許使用")
        assert (rows["public_space"].status, rows["public_space"].note) == ("issue", "閒置校舍移撥中")
        decision = ps.get_decision(there, "proposal", d.id)
        assert (decision.meeting, decision.meeting_date) == (51, date(2025, 11, 18))
        assert decision.amounts == {"農業部": 1_450_000, "文化部": 500_000}
        years = {b.roc_year: b for b in ws.budgets(there, station.id)}
        assert (years[114].fulltime_staff, years[114].evaluation, years[114].evaluated_on,
                years[114].evaluation_note) == (3, "good", date(2026, 2, 10), "成果豐碩")
        assert (years[115].fulltime_staff, years[115].extension) == (1, True)
    finally:
        laptop.close()
        hq.close()

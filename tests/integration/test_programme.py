"""Programme definitions as data: the plan in force per year, its allocations, an updated file
travelling from headquarters to a center laptop in the interchange workbook, never downgraded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from counsel_desk import models as m
from counsel_desk.errors import UserError
from counsel_desk.reports.figures import compute
from counsel_desk.reports.monthly_pdf import pdf_bytes
from counsel_desk.services.period import Period
from counsel_desk.services.programme import programme
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.proposals.funding import requested_by_work_item
from counsel_desk.store import programmes as store
from counsel_desk.sync import export_workbook, import_workbooks

from tests.integration.sync_helpers import COUNTY, TOWNSHIP, create

SEED = Path(__file__).resolve().parents[2] / "resources" / "programmes" / "accelerating-110-114.json"
SUCCESSOR = SEED.with_name("sustainable-114-117.json")


def _svc(db, actor="專案辦公室") -> ServiceContext:
    return ServiceContext.for_database(db, actor=actor, center_code="north")


def _proposal_asking(db, amounts: dict[tuple[str, int], int]) -> None:
    p = create(db, m.Proposal(center_code="north", title="刺蔥品牌", applicant_type="company", county_code=COUNTY,
                              township_code=TOWNSHIP, route="multi", stage="drafting"))
    for (code, year), amount in amounts.items():
        create(db, m.FundingLine(proposal_id=p.id, work_item_code=code, roc_year=year, amount=amount))


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader
    import io

    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages[:1])


SHIPPED = json.loads(SUCCESSOR.read_text(encoding="utf-8"))["version"]  # the successor's shipped edition
NEW = SHIPPED + 1  # what headquarters issues next


def _edited_successor(version: int, ndc_115_100m: float | None) -> str:
    """What headquarters issues: the successor's file with a work item and a yearly amount filled in."""
    d = json.loads(SUCCESSOR.read_text(encoding="utf-8"))
    d["version"] = version
    d["work_items"] = [{"code": "NDC", "agency": "國家發展委員會",
                        "name": "辦理地方創生青年培力工作站、空間環境整備及相關輔導協助",
                        "allocations_100m": {"115": ndc_115_100m}}]
    d["source_of"]["work_items"] = ["domain", "專案辦公室發布之分年經費（測試）"]
    return json.dumps(d, ensure_ascii=False, indent=2)


TABLE_1 = {  # the seed's 表 1 (單位：億元), agency as the table prints it
    "NDC": ("國家發展委員會", "辦理地方創生青年培力工作站、空間環境整備及相關輔導協助", (3.1, 4, 4, 4, 4)),
    "MOI": ("內政部", "地方創生城鄉風貌營造", (0.5, 0.5, 0.5, 0.5, 0.5)),
    "MOE": ("教育部", "發展及整備地方創生青聚點", (0.4, 0.6, 0.5, 0.5, 0.5)),
    "MOEA": ("經濟部", "配合地方創生推動城鄉特色產業發展", (0.3, 0.3, 0.3, 0.3, 0.3)),
    "MOTC-TOUR": ("交通部", "地方創生觀光旅遊環境營造", (0.2, 0.2, 0.2, 0.2, 0.2)),
    "MOTC-TRANSIT": ("交通部", "地方創生公共運輸服務升級", (0.5, 0.5, 0.5, 0.5, 0.5)),
    "COA": ("行政院農業委員會", "地方創生農山漁村發展建設", (4, 2.9, 3, 3, 3)),
    "MOHW": ("衛生福利部", "地方創生長照衛福據點整備", (1.5, 1.5, 1.5, 1.5, 1.5)),
    "MOC": ("文化部", "地方創生文化環境營造", (1, 1, 1, 1, 1)),
    "CIP": ("原住民族委員會", "地方創生原民部落營造、原住民族多元產業發展", (0.3, 0.3, 0.3, 0.3, 0.3)),
    "HAC": ("客家委員會", "地方創生推動客庄產業發展", (0.2, 0.2, 0.2, 0.2, 0.2)),
}


def test_the_seed_plan_is_table_1_exactly(hq):
    """Source: 加速推動地方創生計畫 肆、推動期程、經費及工作項目 and 表 1 (單位：億元): 60 億元, 110–114,
    "除 110-111 年外，本表所列各部會工作項目經費均為暫列"; 行政院農業委員會 is now 農業部."""
    seed = store.in_force(programme.loaded(_svc(hq)), 113)
    assert seed.name == "加速推動地方創生計畫" and (seed.first_year, seed.last_year) == (110, 114)
    assert seed.total == 6_000_000_000
    assert sum(a for w in seed.work_items for a in w.allocations.values()) == 6_000_000_000
    for y in seed.years:
        assert sum(w.allocations[y] for w in seed.work_items) == 1_200_000_000
    assert seed.work_item("NDC").allocations[110] == 310_000_000
    for code, (agency, name, amounts) in TABLE_1.items():  # every cell of 表 1, item by item
        item = seed.work_item(code)
        assert (item.agency_as_listed or item.agency, item.name) == (agency, name)
        assert [item.allocations[y] for y in seed.years] == [round(a * 100_000_000) for a in amounts]
    assert [w.code for w in seed.work_items] == list(TABLE_1)
    assert seed.work_item("COA").allocations[111] == 290_000_000
    assert not seed.is_provisional(111) and seed.is_provisional(112)
    coa = seed.work_item("COA")
    assert coa.agency == "農業部" and coa.agency_as_listed == "行政院農業委員會"
    with hq.engine.connect() as conn:
        agency = conn.execute(text("SELECT agency FROM work_item WHERE code = 'COA'")).scalar()
    assert agency == "農業部（原行政院農業委員會）"


def test_each_year_takes_the_plan_in_force_and_unknown_stays_unknown(hq):
    plans = programme.loaded(_svc(hq))
    assert programme.plan_in_force(_svc(hq), 113).code == "accelerating-110"
    assert programme.plan_in_force(_svc(hq), 115).name == "打造永續共好地方創生計畫"
    assert programme.allocation(plans, "NDC", 113).amount == 400_000_000
    assert programme.allocation(plans, "NDC", 113).status == "provisional"
    successor = programme.allocation(plans, "NDC", 115)
    assert successor.amount is None and successor.status == "unknown"
    assert programme.plan_in_force(_svc(hq), 120) is None
    notice = programme.year_notice(plans, 120)
    assert "120" in notice.zh and "不在任何已載入計畫" in notice.zh
    assert programme.year_notice(plans, 115) is None


def test_a_report_for_115_names_the_successor_and_says_the_allocation_is_unknown(hq):
    _proposal_asking(hq, {("NDC", 115): 9_000_000, ("NDC", 113): 1_000_000})
    f = compute(hq.session_factory, "north", Period.month(2026, 12))  # ROC 115 (the records are made today)
    assert f.plan.name == "打造永續共好地方創生計畫"
    assert f.as_json()["plan"]["name"] == "打造永續共好地方創生計畫"
    ndc = next(w for w in f.funding if w.code == "NDC")
    assert ndc.requested == 9_000_000 and ndc.allocation is None and ndc.share is None  # not 2015.8 %
    assert "打造永續共好地方創生計畫" in _pdf_text(pdf_bytes(f))
    old = compute(hq.session_factory, "north", Period.month(2024, 11))  # ROC 113
    assert old.plan.name == old.as_json()["plan"]["name"] == "加速推動地方創生計畫"
    assert old.as_json()["plan"]["allocation_provisional"] is True  # 暫列 from ROC 112
    assert "加速推動地方創生計畫" in _pdf_text(pdf_bytes(old))
    assert next(w for w in old.funding if w.code == "NDC").allocation == 400_000_000


def test_an_edited_programme_travels_to_a_laptop_and_an_older_one_does_not_replace_it(hq, laptop, tmp_path):
    edited = tmp_path / "sustainable-new.json"
    edited.write_text(_edited_successor(NEW, 4.2), encoding="utf-8")
    outcome = programme.load_file(_svc(hq), edited)
    assert outcome.action == "loaded" and outcome.previous == SHIPPED
    assert f"第 {NEW} 版" in programme.describe_outcome(outcome)
    out = tmp_path / "hq.xlsx"
    export_workbook(hq, out, mask=True)

    _proposal_asking(laptop, {("NDC", 115): 21_000_000})
    report = import_workbooks(laptop, [out], actor="北區主任")
    assert report.applied
    assert [(p.code, p.outcome.action) for p in report.programmes if p.outcome.action != "same"] == [
        ("sustainable-114", "loaded")]
    # the laptop's funding page …
    view = requested_by_work_item(_svc(laptop, "北區主任"), center_code="north")
    ndc = next(r for r in view.rows if r.code == "NDC")
    assert ndc.allocation[115] == 420_000_000 and view.plans[115] == "打造永續共好地方創生計畫"
    # … and its report use it
    f = compute(laptop.session_factory, "north", Period.month(2026, 12))
    assert f.plan.version == NEW
    assert next(w for w in f.funding if w.code == "NDC").allocation == 420_000_000

    # an older file (the shipped v1, or an HQ workbook exported before the edit) does not replace v2
    older = tmp_path / "sustainable-v1.json"
    older.write_text(SUCCESSOR.read_text(encoding="utf-8"), encoding="utf-8")
    kept = programme.load_file(_svc(laptop), older)
    assert kept.action == "older" and f"比已載入的第 {NEW} 版舊" in programme.describe_outcome(kept)
    assert programme.plan_in_force(_svc(laptop), 115).version == NEW
    with laptop.engine.connect() as conn:
        actions = [r[0] for r in conn.execute(text(
            "SELECT action FROM audit_log WHERE entity = 'programme' ORDER BY seq"))]
    assert actions == ["programme_loaded", "programme_older"]


def test_a_broken_programme_file_is_refused_with_a_chinese_message(hq, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(_edited_successor(NEW + 1, -1), encoding="utf-8")
    with pytest.raises(UserError, match="非負數"):
        programme.load_file(_svc(hq), bad)
    with pytest.raises(UserError, match="找不到檔案"):
        programme.load_file(_svc(hq), tmp_path / "none.json")
    assert programme.plan_in_force(_svc(hq), 115).version == SHIPPED


def test_a_format_1_workbook_without_the_programme_sheet_still_imports(hq, laptop, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "v1.xlsx"
    export_workbook(hq, out)
    wb = load_workbook(out)
    del wb["計畫定義"]
    for row in wb["檔案資訊"].iter_rows():
        if len(row) > 3 and row[3].value == "format_version":
            row[1].value = "1"
    wb.save(out)
    report = import_workbooks(laptop, [out])
    assert report.applied and report.programmes == []
    assert programme.plan_in_force(_svc(laptop), 113).name == "加速推動地方創生計畫"


def test_a_workbook_carrying_an_older_programme_file_does_not_replace_a_newer_one(hq, laptop, tmp_path):
    """Issue 16: 「versions are compared and never silently downgraded」 — a workbook exported before
    headquarters' edit (the shipped edition) reaches a laptop that already has the newer file: kept, and said."""
    from counsel_desk.sync.importer import describe

    old = tmp_path / "before-the-edit.xlsx"
    export_workbook(hq, old, mask=True)  # headquarters still has the shipped edition
    edited = tmp_path / "sustainable-new.json"
    edited.write_text(_edited_successor(NEW, 4.2), encoding="utf-8")
    assert programme.load_file(_svc(laptop), edited).action == "loaded"

    report = import_workbooks(laptop, [old], actor="北區主任")
    assert report.applied
    (kept,) = [p for p in report.programmes if p.code == "sustainable-114"]
    assert kept.outcome.action == "older"
    assert f"比已載入的第 {NEW} 版舊" in describe(report)
    assert programme.plan_in_force(_svc(laptop), 115).version == NEW
    f = compute(laptop.session_factory, "north", Period.month(2026, 12))
    assert f.plan.version == NEW


def test_the_audit_page_names_a_programme_load(hq, tmp_path):
    """Issue 16: 「loading is audited」 — and the audit page reads it in words, as every other entry."""
    from counsel_desk.services.safety.audit_log import action_label, entity_label

    edited = tmp_path / "sustainable-new.json"
    edited.write_text(_edited_successor(NEW, 4.2), encoding="utf-8")
    programme.load_file(_svc(hq), edited)
    older = tmp_path / "sustainable-old.json"
    older.write_text(SUCCESSOR.read_text(encoding="utf-8"), encoding="utf-8")
    programme.load_file(_svc(hq), older)
    clash = tmp_path / "sustainable-clash.json"
    clash.write_text(_edited_successor(NEW, 5.0), encoding="utf-8")
    programme.load_file(_svc(hq), clash)
    with hq.engine.connect() as conn:
        rows = conn.execute(text("SELECT action, entity FROM audit_log WHERE entity = 'programme' ORDER BY seq")).all()
    assert [a for a, _e in rows] == ["programme_loaded", "programme_older", "programme_conflict"]
    assert [action_label(a) for a, _e in rows] == ["載入計畫定義檔", "未載入較舊的計畫定義檔", "未載入版號相同但內容不同的計畫定義檔"]
    assert entity_label("programme") == "計畫定義檔"

"""The report lists the rule warnings (規則提醒) where they matter: JSON, Excel sheet and PDF section."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from counsel_desk.models.enums import OrgKind, Route
from counsel_desk.reports.figures import compute
from counsel_desk.reports.monthly_pdf import pdf_bytes
from counsel_desk.reports.monthly_xlsx import xlsx_bytes
from counsel_desk.services import proposals as ps
from counsel_desk.services.workstations import workstations as ws
from counsel_desk.services.period import Period

from tests.unit.test_proposals_service import _fields, make_people

HUALIEN, HUALIEN_CITY = "10015", "10015010"


@pytest.fixture
def warned(db, services):
    people = make_people(db)  # its workstation is in 臺東縣: outside the north center's counties
    ps.create_proposal(services, _fields(people, title="公所多元案", route=Route.MULTI.value,
                                         applicant_type=OrgKind.TOWNSHIP_OFFICE.value,
                                         county_code=HUALIEN, township_code=HUALIEN_CITY))
    station = ws.create_workstation(services, {
        "name": "花蓮市青年工作站", "county_code": HUALIEN, "township_code": HUALIEN_CITY, "status": "active",
        "year_approved": 113, "host_age": 52, "team_size": 5, "fulltime_staff": 2,
        "term_start": date(2024, 3, 1)})
    ws.save_budget(services, station.id, 113, 2_000_000, {"personnel": (1_200_000, 0, 0)}, today=date(2024, 3, 1))
    return people


def test_the_report_lists_each_rule_warning_with_its_source(db, warned):
    """Sources: 加速推動地方創生計畫 圖 3 and 叁、五 (applicants per route), 叁、三 (分區輔導中心; the county split
    is the app's default), 110 年度申請須知（如公開引述） (host ≤ 45; personnel ≤ 50 %)."""
    assert warned["workstation"]  # make_people's station in 臺東縣 is outside the north center's counties too
    f = compute(db.session_factory, "north", Period.month(2026, 12), today=date(2026, 12, 1))
    found = {(w["subject"], w["rule"]): w for w in f.as_json()["rule_warnings"]}
    assert "叁、五" in found[("公所多元案", "applicant_route")]["source"]
    assert "地方創生北區輔導中心" in found[("公所多元案", "outside_center")]["message"]
    assert "52 歲" in found[("花蓮市青年工作站", "host_age")]["message"]
    assert "申請須知" in found[("花蓮市青年工作站", "host_age")]["source"]
    assert ("花蓮市青年工作站", "outside_center") in found
    # ROC 113's budget, judged under the seed's rule on that year's two full-time staff
    old = compute(db.session_factory, "north", Period.month(2024, 11), today=date(2026, 12, 1))
    personnel = {(w["subject"], w["rule"]): w for w in old.as_json()["rule_warnings"]}[
        ("花蓮市青年工作站", "personnel_share")]
    assert "60.0%" in personnel["message"] and "人事費比例" in personnel["source"]

    wb = load_workbook(io.BytesIO(xlsx_bytes(f, today=date(2026, 12, 1))), read_only=True)
    cells = [str(c) for row in wb["規則提醒"].iter_rows(values_only=True) for c in row if c]
    assert any("52 歲" in c for c in cells) and any("叁、五" in c for c in cells)

    from pypdf import PdfReader

    pdf = PdfReader(io.BytesIO(pdf_bytes(f)))
    text = "".join(page.extract_text() for page in pdf.pages)
    assert "規則提醒" in text and "公所多元案" in text

"""The monthly report's 原住民族地區 breakdown and township stocktaking, checked against SQL of the test's own on
the demo (visits dated just inside and just outside the month count only inside), in the workbook and the PDF."""

from __future__ import annotations

import io
from datetime import date, timedelta

import openpyxl
from pypdf import PdfReader

from counsel_desk.models.enums import TownshipStatus
from counsel_desk.reports import snapshots
from counsel_desk.services.places import issue_topics, stocktaking
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.period import Period
from counsel_desk.services.visits.visits import VisitData, VisitService
from counsel_desk.store import driver

NOV = Period.month(2026, 11)
TODAY = date(2026, 11, 26)
WUFENG = "10004130"  # 新竹縣五峰鄉, 山地


def _sql(db, sql, *args):
    con = driver.connect(db.path)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def test_the_months_work_by_indigenous_area_and_the_townships_by_status(demo_db):
    sc = ServiceContext(demo_db.session_factory, "測試", "north")
    counselor = _sql(demo_db, "SELECT id FROM counselor LIMIT 1")[0][0]
    talent = next(t.id for t in issue_topics.topics(sc) if t.code == "TALENT")
    visits = VisitService(sc, today=TODAY)
    for day in (date(2026, 10, 31), date(2026, 11, 1), date(2026, 11, 30), date(2026, 12, 1)):
        visits.save(VisitData(visit_date=day, county_code="10004", township_code=WUFENG, counselor_ids=[counselor],
                              visited_name="五峰鄉公所", topic_ids=[talent]))
    stocktaking.note_status(sc, WUFENG, "writing", TODAY - timedelta(days=400), "部落會議通過計畫方向")

    report = snapshots.generate(sc, "north", NOV, prepared_by="王承辦", today=TODAY)
    p = report.figures.places
    expected = dict(_sql(demo_db, "SELECT coalesce(t.indigenous_area, 'other'), count(*) FROM site_visit v "
                                  "JOIN township t ON t.code = v.township_code WHERE v.deleted_at IS NULL "
                                  "AND v.center_code = 'north' AND v.visit_date BETWEEN '2026-11-01' AND '2026-11-30' "
                                  "GROUP BY 1"))
    got = {a.code: a.visits for a in p.areas}
    assert got == {"mountain": expected.get("山地", 0), "plains": expected.get("平地", 0),
                   "other": expected.get("other", 0)}
    assert got["mountain"] >= 2  # the two visits inside the month, not the two just outside
    towns = dict(_sql(demo_db, "SELECT coalesce(t.indigenous_area, 'other'), count(*) FROM township t "
                               "JOIN county c ON c.code = t.county_code WHERE c.default_center = 'north' GROUP BY 1"))
    assert {a.code: a.townships for a in p.areas} == {"mountain": towns["山地"], "plains": towns.get("平地", 0),
                                                      "other": towns["other"]}
    statuses = {s.status: s.townships for s in p.statuses}
    assert sum(statuses.values()) == sum(towns.values()) == 87
    assert statuses[TownshipStatus.WRITING] >= 1 and p.overridden >= 1
    talent_line = next(t for t in p.topics if t.code == "TALENT")
    in_month = _sql(demo_db, "SELECT count(*) FROM visit_issue_topic l JOIN site_visit v ON v.id = l.visit_id "
                             "JOIN issue_topic k ON k.id = l.topic_id WHERE k.code = 'TALENT' AND v.deleted_at IS NULL "
                             "AND v.visit_date BETWEEN '2026-11-01' AND '2026-11-30'")[0][0]
    assert talent_line.visits == in_month
    assert report.data["indigenous_areas"]["mountain"]["visits"] == got["mountain"]

    wb = openpyxl.load_workbook(io.BytesIO(report.xlsx), read_only=True)
    rows = {r[0]: r for r in wb["原住民族地區"].iter_rows(values_only=True) if r and r[0]}
    assert rows["山地原住民族地區"][3] == got["mountain"] and rows["非原住民族地區"][3] == got["other"]
    status_rows = {r[0]: r[1] for r in wb["鄉鎮盤點"].iter_rows(values_only=True) if len(r) > 1 and r[0]}
    assert status_rows["計畫撰寫中"] == statuses[TownshipStatus.WRITING]
    assert status_rows["課題：人才不足"] == talent_line.townships
    pdf = "\n".join(pg.extract_text() for pg in PdfReader(io.BytesIO(report.pdf)).pages)
    assert "原住民族地區與鄉鎮盤點" in pdf and "山地原住民族地區" in pdf and "人才不足" in pdf

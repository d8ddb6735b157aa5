"""Format v11 travels: support given directly to a youth team (no workstation) and an event's township."""

from __future__ import annotations

from datetime import date

from counsel_desk import models as m
from counsel_desk.sync import export_workbook, import_workbooks
from tests.integration.sync_helpers import create, fresh_db, set_links, snapshot

JIANSHI = ("10004", "10004120")  # 新竹縣尖石鄉


def test_team_support_and_event_township_survive_a_round_trip(tmp_path, tmp_path_factory):
    root = tmp_path_factory.getbasetemp()
    laptop = fresh_db(tmp_path, "laptop.db", root)
    hq = fresh_db(tmp_path, "hq.db", root)
    try:
        team = create(laptop, m.YouthTeam(center_code="north", name="尖石山海隊", programme="地方創生利他行動168",
                                          roc_year=115, county_code=JIANSHI[0], township_code=JIANSHI[1]))
        rec = create(laptop, m.SupportRecord(center_code="north", workstation_id=None, support_date=date(2026, 11, 3),
                                             kind="consultation", hours=2.0, participants=4, topics="提案諮詢"))
        set_links(laptop, m.YouthTeam, team.id, "youth_team_support", "team_id", "support_id", [rec.id])
        create(laptop, m.CenterEvent(center_code="north", event_date=date(2026, 11, 5), title="部落培力課程",
                                     kind="training", county_code=JIANSHI[0], township_code=JIANSHI[1]))
        out = tmp_path / "v11.xlsx"
        export_workbook(laptop, out, mask=False)
        report = import_workbooks(hq, [out])
        assert not report.problems
        assert snapshot(hq) == snapshot(laptop)
        again = import_workbooks(hq, [out])
        assert again.totals["added"] == again.totals["updated"] == 0
    finally:
        laptop.close()
        hq.close()

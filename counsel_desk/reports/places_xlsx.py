"""The report workbook's sheets for 原住民族地區 and township stocktaking (issue 17): 原住民族地區, 鄉鎮盤點."""

from __future__ import annotations

from typing import Any, Callable

from counsel_desk.reports.figures_types import ReportFigures
from counsel_desk.reports.xlsx_sheet import Col
from counsel_desk.services.formatting import roc_date


def places_sheets(f: ReportFigures, sheet: Callable[..., Any]) -> None:
    p = f.places
    if p is None:
        return
    sheet("原住民族地區", "本期工作依原住民族地區（山地／平地）分列",
          [Col("地區"), Col("鄉鎮市區數", "int"), Col("有訪視之鄉鎮", "int"), Col("訪視", "int"),
           Col("輔導紀錄", "int"), Col("提案（期末）", "int"), Col("其中通過", "int"), Col("中心活動", "int"),
           Col("活動參與人次", "int")]).write(
        [[a.label, a.townships, a.townships_visited, a.visits, a.support_sessions, a.proposals_alive,
          a.proposals_approved, a.events, a.event_participants] for a in p.areas],
        total=["合計", sum(a.townships for a in p.areas), sum(a.townships_visited for a in p.areas),
               sum(a.visits for a in p.areas), sum(a.support_sessions for a in p.areas),
               sum(a.proposals_alive for a in p.areas), sum(a.proposals_approved for a in p.areas),
               sum(a.events for a in p.areas), sum(a.event_participants for a in p.areas)],
        extra=["原住民族地區依原住民族委員會核定之 55 個鄉鎮市區（山地 30、平地 25）；輔導紀錄依工作站所在地"
               "（直接輔導青年團隊者依團隊所在地），中心活動依舉辦的鄉鎮市區（未填鄉鎮市區的活動不列入）。"])
    sheet("鄉鎮盤點", f"鄉鎮推動狀態（截至{roc_date(f.period.end)}）與本期推動課題",
          [Col("狀態／課題"), Col("鄉鎮市區數", "int"), Col("其中原住民族地區", "int"), Col("本期訪視", "int")]).write(
        [[s.label, s.townships, s.indigenous, None] for s in p.statuses]
        + [[f"課題：{t.name}", t.townships, None, t.visits] for t in p.topics],
        extra=[f"狀態依各鄉鎮的計畫與提案推算；其中 {p.overridden:,} 個鄉鎮由輔導員加註日期與理由改定。"
               "課題列為本期訪視所標記的推動課題（訪視次數與涉及鄉鎮數）。"])

"""The report PDF's section for 原住民族地區 and township stocktaking (issue 17)."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from counsel_desk.reports.figures_types import ReportFigures
from counsel_desk.reports.pdf_parts import WIDTH, Sections, count, para, table
from counsel_desk.services.formatting import roc_date

TOPICS_SHOWN = 12


def section(f: ReportFigures, sec: Sections, summary_only: bool) -> list[Flowable]:
    p = f.places
    if p is None:
        return []
    out: list[Flowable] = [*sec.heading("原住民族地區與鄉鎮盤點"), sec.sub("本期工作依原住民族地區分列")]
    data = [["地區", "鄉鎮數", "有訪視", "訪視", "輔導紀錄", "提案", "通過", "活動"]] + [
        [a.label, count(a.townships), count(a.townships_visited), count(a.visits), count(a.support_sessions),
         count(a.proposals_alive), count(a.proposals_approved), count(a.events)] for a in p.areas]
    w = WIDTH / 9.2
    out.append(KeepTogether(table(data, [w * 2.2] + [w] * 7, font_size=9)))
    out.append(sec.sub(f"鄉鎮推動狀態（截至 {roc_date(f.period.end)}）"))
    data = [["狀態", "鄉鎮數", "其中原住民族地區"]] + [[s.label, count(s.townships), count(s.indigenous)]
                                                    for s in p.statuses]
    out.append(KeepTogether(table(data, [WIDTH * 0.4, WIDTH * 0.3, WIDTH * 0.3], font_size=9)))
    out.append(para(f"狀態依各鄉鎮的計畫與提案推算；{p.overridden:,} 個鄉鎮由輔導員加註日期與理由改定。", "small"))
    out.append(sec.sub("本期訪視的推動課題"))
    if not p.topics:
        out.append(para("本期訪視未標記推動課題。"))
    else:
        shown = p.topics[:TOPICS_SHOWN] if summary_only else p.topics
        data = [["推動課題", "訪視", "涉及鄉鎮"]] + [[t.name, count(t.visits), count(t.townships)] for t in shown]
        out.append(KeepTogether(table(data, [WIDTH * 0.5, WIDTH * 0.25, WIDTH * 0.25], font_size=9)))
    return out

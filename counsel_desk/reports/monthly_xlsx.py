"""The monthly report (月報) as an Excel workbook: one sheet per section, zh_TW throughout.

Built in openpyxl's write-only mode so a year's appendix of tens of thousands of visits stays
fast and small in memory. The workbook is made in memory (:func:`xlsx_bytes`) — a sent snapshot
keeps exactly those bytes — and :func:`write_xlsx` puts it on disk atomically.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.label import DataLabelList

from counsel_desk.models.enums import STAGE_ORDER, EventKind, FollowUpStatus, Route, Stage, SupportKind, VisitMode
from counsel_desk.reports.figures_types import (
    ReportFigures, allocation_title, center_title, funding_note, plan_title,
)
from counsel_desk.reports.xlsx_sheet import FIRST_DATA_ROW, HEADER_ROW, Col, FastRows, ReportSheet
from counsel_desk.services import atomic
from counsel_desk.services.formatting import roc_date

Progress = Callable[[int, int], bool]


def _roc(d: date | None) -> str:
    return roc_date(d)


def report_title(f: ReportFigures) -> str:
    """地方創生北區輔導中心 民國115年11月 月報."""
    return f"{center_title(f)} {f.period.label_zh} {f.period.title_zh}"


def summary_rows(f: ReportFigures) -> list[list]:
    """項目, 數值, 單位 — the headline figures, shared by the summary sheet and the PDF's first table."""
    money_year = f"{f.funding_roc_year}年"
    rows = [
        ["實地訪視", f.visits_total, "次"],
        ["新增追蹤事項", f.followups_opened, "件"],
        ["結案追蹤事項", f.followups_closed, "件"],
        ["期末逾期未結追蹤事項", f.followups_overdue, "件"],
        ["工作站輔導場次", f.support_sessions, "場"],
        ["工作站輔導時數", f.support_hours, "小時"],
        ["工作站輔導參與人次", f.support_participants, "人次"],
        ["期末提案數", f.proposals_total, "件"],
        ["本期新增提案", f.proposals_new, "件"],
        ["本期提案階段異動", len(f.stage_moves), "次"],
        ["本期送專案辦公室提案", f.proposals_sent, "件"],
        ["本期核定提案", f.proposals_approved, "件"],
        [f"申請經費合計（{money_year}）", f.funding_requested_total, "元"],
        ["交流、學習與推廣活動", f.events, "場"],
        ["活動參與人次", f.event_participants, "人次"],
        ["人事費超過上限之工作站", f.budgets_flagged, "站"],
    ]
    return rows


def _subtitle(f: ReportFigures, prepared_by: str, today: date) -> str:
    parts = [f"{f.center_name} {f.period.label_zh}", f"期間：{_roc(f.period.start)}–{_roc(f.period.end)}"]
    if prepared_by:
        parts.append(f"製表人：{prepared_by}")
    parts.append(f"製表日期：{_roc(today)}")
    return "　".join(parts)


def build_workbook(f: ReportFigures, *, prepared_by: str = "", today: date | None = None,
                   progress: Progress | None = None) -> tuple[Workbook, FastRows]:
    today = today or date.today()
    wb = Workbook(write_only=True)
    fast = FastRows()
    title = report_title(f)
    sub = _subtitle(f, prepared_by, today)
    header_text = f"{f.center_name} {f.period.label_zh} {f.period.title_zh}"
    steps = 13

    def sheet(name: str, heading: str, cols: list[Col], landscape: bool = False) -> ReportSheet:
        return ReportSheet(wb, name, heading, sub, cols, header_text=header_text, footer_text=f"{title}－{name}",
                           landscape=landscape, fast=fast)

    def step(n: int) -> None:
        if progress is not None and progress(n, steps) is False:
            from counsel_desk.errors import UserError

            raise UserError("已取消產生報表。", "Report generation cancelled.")

    sheet("摘要", "摘要", [Col("項目"), Col("數值", "num"), Col("單位", "code")]).write(
        [[label, value, unit] for label, value, unit in summary_rows(f)])
    step(1)
    sheet("績效指標", f"績效指標（{f.period.end.year - 1911}年累計至{_roc(f.period.end)}）",
          [Col("指標"), Col("年度目標", "num"), Col("累計實績", "num"), Col("達成率", "pct")]).write(
        [[t.label_zh, t.target if t.target else None, t.actual, t.share] for t in f.targets])
    step(2)
    _visits_sheets(f, sheet)
    step(5)
    sheet("逾期追蹤事項", f"期末逾期未結追蹤事項（截至{_roc(f.period.end)}）",
          [Col("訪視日期", "date"), Col("縣市"), Col("鄉鎮市區"), Col("追蹤事項", "wrap", 46), Col("負責人"),
           Col("預定完成日", "date"), Col("狀態", "code")], landscape=True).write(
        [[_roc(o.visit_date), o.county, o.township, o.description, o.owner, _roc(o.due_date),
          FollowUpStatus(o.status).zh] for o in f.overdue_followups],
        extra=[f"本期新增 {f.followups_opened:,} 件、結案 {f.followups_closed:,} 件、期末逾期 {f.followups_overdue:,} 件。"])
    step(6)
    _workstation_sheets(f, sheet)
    step(8)
    _proposal_sheets(f, sheet)
    step(11)
    sheet("交流活動", "交流、學習與推廣活動",
          [Col("日期", "date"), Col("活動名稱", "wrap", 34), Col("類別", "code"), Col("地點", "wrap", 28),
           Col("合作單位", "wrap", 30), Col("參與人次", "int")], landscape=True).write(
        [[_roc(e.event_date), e.title, EventKind(e.kind).zh, e.place, e.partners, e.participants] for e in f.event_list],
        total=["合計", None, None, None, None, f.event_participants])
    step(12)
    sheet("附錄_訪視紀錄", "附錄：本期訪視紀錄",
          [Col("日期", "date"), Col("縣市"), Col("鄉鎮市區"), Col("受訪對象", "wrap", 22), Col("方式", "code"),
           Col("輔導員", "wrap", 14), Col("目的", "wrap", 24), Col("發現", "wrap", 40), Col("課題", "wrap", 30),
           Col("輔導建議", "wrap", 40)], landscape=True).write(
        [[_roc(v.visit_date), v.county, v.township, v.visited, VisitMode(v.mode).zh, v.counselors, v.purpose,
          v.findings, v.issues, v.advice] for v in f.visits])
    step(13)
    return wb, fast


def _visits_sheets(f: ReportFigures, sheet) -> None:
    by_county = f.visits_by_county
    table = sheet("縣市訪視", "各縣市訪視次數", [Col("縣市"), Col("訪視次數", "int")])
    ws = table.write([[c.county, c.count] for c in by_county], total=["合計", f.visits_total])
    if by_county:
        chart = BarChart()
        chart.type = "bar"  # horizontal bars read well with county names
        chart.style = 10
        chart.title = "各縣市訪視次數"
        chart.y_axis.title = "次數"
        chart.y_axis.majorGridlines = None
        chart.legend = None
        first, last = FIRST_DATA_ROW, HEADER_ROW + len(by_county)
        chart.add_data(Reference(ws, min_col=2, min_row=HEADER_ROW, max_row=last), titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
        chart.x_axis.scaling.orientation = "maxMin"  # first county at the top, as in the table
        chart.x_axis.delete = False
        chart.y_axis.delete = False
        chart.dataLabels = DataLabelList()
        chart.dataLabels.showVal = True
        chart.dataLabels.showSerName = chart.dataLabels.showCatName = chart.dataLabels.showLegendKey = False
        chart.height = max(7.5, 0.6 * len(by_county) + 2)
        chart.width = max(12.0, sum(table.widths) * 0.2)  # cm; as wide as the table above it
        ws.add_chart(chart, f"A{last + 3}")  # below the table, so the printed page keeps its scale
    modes = [m.value for m in VisitMode]
    sheet("鄉鎮訪視", "各鄉鎮市區訪視次數",
          [Col("縣市"), Col("鄉鎮市區"), *[Col(VisitMode(m).zh, "int") for m in modes], Col("合計", "int")]).write(
        [[t.county, t.township, *[t.by_mode.get(m, 0) for m in modes], t.total] for t in f.visits_by_township],
        total=["合計", None, *[f.visits_by_mode.get(m, 0) for m in modes], f.visits_total])
    total = f.visits_total or 1
    sheet("訪視方式", "訪視方式", [Col("方式"), Col("次數", "int"), Col("比例", "pct")]).write(
        [[VisitMode(m).zh, n, n / total] for m, n in f.visits_by_mode.items()], total=["合計", f.visits_total, None])


def _workstation_sheets(f: ReportFigures, sheet) -> None:
    sheet("工作站輔導", "青年培力工作站輔導",
          [Col("工作站"), Col("縣市"), Col("鄉鎮市區"), Col("場次", "int"), Col("時數", "hours"),
           Col("參與人次", "int")]).write(
        [[s.name, s.county, s.township, s.sessions, s.hours, s.participants] for s in f.support_by_station],
        total=["合計", None, None, f.support_sessions, f.support_hours, f.support_participants],
        extra=["輔導類別：" + "、".join(f"{SupportKind(k).zh} {n:,} 場 {h:,.1f} 小時"
                                    for k, (n, h) in f.support_by_kind.items() if n)])
    year = f.funding_roc_year
    sheet("工作站經費", f"工作站經費執行（{year}年度）",
          [Col("工作站"), Col("核定補助", "money"), Col("已撥款", "money"), Col("已核銷", "money"),
           Col("核銷率", "pct"), Col("專職人數", "int"), Col("人事費", "money"), Col("人事費占比", "pct"),
           Col("上限", "pct"), Col("人事費規定", "text")], landscape=True).write(
        [[b.name, b.approved, b.disbursed, b.reimbursed, b.execution, b.fulltime_staff, b.personnel,
          b.personnel_share, b.personnel_limit, "符合" if b.rule_ok else "超過上限"] for b in f.budgets],
        total=["合計", sum(b.approved for b in f.budgets), sum(b.disbursed for b in f.budgets),
               sum(b.reimbursed for b in f.budgets), None, None, sum(b.personnel for b in f.budgets), None, None,
               f"{f.budgets_flagged} 站超過上限" if f.budgets_flagged else "全數符合"],
        extra=["人事費上限：補助款之 50%；專職人員達 3 人者 60%。核銷率＝已核銷÷核定補助。"])


def _proposal_sheets(f: ReportFigures, sheet) -> None:
    routes = [r.value for r in Route]
    sheet("提案階段", f"事業提案階段（截至{_roc(f.period.end)}）",
          [Col("階段"), *[Col(Route(r).zh, "int") for r in routes], Col("合計", "int")]).write(
        [[s.zh, *[f.proposals_by_stage_route.get((s.value, r), 0) for r in routes], f.proposals_by_stage[s.value]]
         for s in STAGE_ORDER],
        total=["合計", *[f.proposals_by_route[r] for r in routes], f.proposals_total],
        extra=[f"本期新增提案 {f.proposals_new:,} 件；送專案辦公室 {f.proposals_sent:,} 件；核定 {f.proposals_approved:,} 件。"])
    sheet("階段異動", "本期提案階段異動",
          [Col("日期", "date"), Col("提案", "wrap", 40), Col("途徑", "code"), Col("原階段", "code"),
           Col("新階段", "code")]).write(
        [[_roc(m.day), m.title, Route(m.route).zh if m.route in Route._value2member_map_ else m.route,
          Stage(m.from_stage).zh if m.from_stage else "（新建）", Stage(m.to_stage).zh] for m in f.stage_moves])
    alloc = allocation_title(f)
    sheet("申請經費", f"各工作項目申請經費（{f.funding_roc_year}年度）",
          [Col("代碼", "code"), Col("主管機關"), Col("工作項目", "wrap", 44), Col("申請金額", "money"),
           Col(alloc, "money"), Col("占額度比例", "pct")], landscape=True).write(
        [[w.code, w.agency, w.name, w.requested, w.allocation, w.share] for w in f.funding],
        total=["合計", None, None, f.funding_requested_total,
               sum(w.allocation or 0 for w in f.funding) or None, None],
        extra=[plan_title(f), funding_note(f)])


def xlsx_bytes(f: ReportFigures, *, prepared_by: str = "", today: date | None = None,
               progress: Progress | None = None) -> bytes:
    wb, fast = build_workbook(f, prepared_by=prepared_by, today=today, progress=progress)
    return fast.save(wb)


def write_xlsx(f: ReportFigures, path: Path | str, *, prepared_by: str = "", today: date | None = None,
               progress: Progress | None = None) -> Path:
    """Write the workbook to ``path`` atomically (temp file beside it, fsync, rename)."""
    data = xlsx_bytes(f, prepared_by=prepared_by, today=today, progress=progress)
    atomic.write_bytes(path, data)
    return Path(path)

"""The monthly report (月報) as an Excel workbook: one sheet per section, zh_TW throughout.

Built in openpyxl's write-only mode so a year's appendix of tens of thousands of visits stays
fast and small in memory. The workbook is made in memory (:func:`xlsx_bytes`) — a sent snapshot
keeps exactly those bytes — and :func:`write_xlsx` puts it on disk atomically.
"""

from __future__ import annotations

from concurrent.futures import Executor, Future
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Callable

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.label import DataLabelList

from counsel_desk.models.enums import (
    STAGE_ORDER, EventKind, FollowUpStatus, Route, Stage, SupportKind, TargetMetric, VisitMode,
)
from counsel_desk.reports.figures_types import (
    ReportFigures, allocation_title, center_title, funding_note, plan_title,
)
from counsel_desk.reports import outcomes_xlsx, places_xlsx
from counsel_desk.reports.gc_pause import gc_paused
from counsel_desk.reports.summary import summary_rows
from counsel_desk.reports.xlsx_sheet import FIRST_DATA_ROW, HEADER_ROW, Col, FastRows, ReportSheet
from counsel_desk.services.safety import atomic
from counsel_desk.services.formatting import ROC_OFFSET, roc_date

Progress = Callable[[int, int], bool]


@lru_cache(maxsize=4096)
def _roc(d: date | None) -> str:
    """ROC date text; remembered, as a year's appendix repeats each day hundreds of times."""
    return roc_date(d)


def report_title(f: ReportFigures) -> str:
    """地方創生北區輔導中心 民國115年11月 月報."""
    return f"{center_title(f)} {f.period.label_zh} {f.period.title_zh}"


def _metric_value(metric: str, value: float) -> int | float:
    """Hours stay a float (shown with one decimal); every other target metric is a count."""
    return float(value) if metric == TargetMetric.SUPPORT_HOURS.value else int(round(value))


def _subtitle(f: ReportFigures, prepared_by: str, today: date, revision: int | None) -> str:
    parts = (["【期中暫定】"] if f.provisional else []) + [
        f"{center_title(f)} {f.period.label_zh}", f"期間：{_roc(f.period.start)}–{_roc(f.period.end)}"]
    if revision is not None:
        parts.append(f"版次：第 {revision} 版")
    if prepared_by:
        parts.append(f"製表人：{prepared_by}")
    parts.append(f"製表日期：{_roc(today)}")
    return "　".join(parts)


def build_workbook(f: ReportFigures, *, prepared_by: str = "", today: date | None = None, revision: int | None = None,
                   progress: Progress | None = None) -> tuple[Workbook, FastRows]:
    today = today or date.today()
    wb = Workbook(write_only=True)
    fast = FastRows()
    title = report_title(f)
    sub = _subtitle(f, prepared_by, today, revision)
    header_text = f"{center_title(f)} {f.period.label_zh} {f.period.title_zh}" + ("（期中暫定）" if f.provisional else "")
    steps = 13

    def sheet(name: str, heading: str, cols: list[Col], landscape: bool = False) -> ReportSheet:
        return ReportSheet(wb, name, heading, sub, cols, header_text=header_text, footer_text=f"{title}－{name}",
                           landscape=landscape, fast=fast)

    def step(n: int) -> None:
        if progress is not None and progress(n, steps) is False:
            from counsel_desk.errors import UserError

            raise UserError("已取消產生報表。", "Report generation cancelled.")

    _revision_sheet(f, sheet)
    _summary_sheet(f, sheet)
    _by_center_sheet(f, sheet)
    step(1)
    sheet("績效指標", f"績效指標（{f.period.end.year - ROC_OFFSET}年累計至{_roc(f.period.end)}）",
          [Col("指標"), Col("年度目標", "num"), Col("累計實績", "num"), Col("達成率", "pct")]).write(
        [[t.label_zh, _metric_value(t.metric, t.target) if t.target else None, _metric_value(t.metric, t.actual),
          t.share] for t in f.targets])
    step(2)
    _visits_sheets(f, sheet)
    step(5)
    sheet("逾期追蹤事項", f"期末逾期未結追蹤事項（截至{_roc(f.overdue_as_of)}）",
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
    outcomes_xlsx.outcome_sheets(f, sheet)
    places_xlsx.places_sheets(f, sheet)
    _content_sheets(f, sheet)
    _rule_warnings_sheet(f, sheet)
    step(12)
    modes = {m.value: m.zh for m in VisitMode}
    sheet("附錄_訪視紀錄", "附錄：本期訪視紀錄",
          [Col("日期", "date"), Col("縣市"), Col("鄉鎮市區"), Col("受訪對象", "wrap", 22), Col("方式", "code"),
           Col("輔導員", "wrap", 14), Col("目的", "wrap", 24), Col("發現", "wrap", 40), Col("課題", "wrap", 30),
           Col("輔導建議", "wrap", 40)], landscape=True).write(
        [[_roc(v.visit_date), v.county, v.township, v.visited, modes.get(v.mode) or VisitMode(v.mode).zh,
          v.counselors, v.purpose, v.findings, v.issues, v.advice] for v in f.visits])
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
    approved, disbursed, reimbursed = (sum(b.approved for b in f.budgets), sum(b.disbursed for b in f.budgets),
                                       sum(b.reimbursed for b in f.budgets))
    sheet("工作站經費", f"工作站經費執行（{year}年度，單位：新臺幣元）",
          [Col("工作站"), Col("核定補助", "money"), Col("已撥款", "money"), Col("撥款率", "pct"), Col("已核銷", "money"),
           Col("執行率", "pct"), Col("專職人數", "int"), Col("人事費", "money"), Col("人事費占比", "pct"),
           Col("上限", "pct"), Col("人事費規定", "text")], landscape=True).write(
        [[b.name, b.approved, b.disbursed, b.disbursement_rate, b.reimbursed, b.execution, b.fulltime_staff,
          b.personnel, b.personnel_share, b.personnel_limit,
          ("符合" if b.rule_ok else "超過上限") if b.personnel_limit is not None else "規定未公布"] for b in f.budgets],
        total=["合計", approved, disbursed, disbursed / approved if approved else None, reimbursed,
               reimbursed / approved if approved else None, None, sum(b.personnel for b in f.budgets), None, None,
               f"{f.budgets_flagged} 站超過上限" if f.budgets_flagged else "全數符合"],
        extra=["人事費上限：補助款之 50%；專職人員達 3 人者 60%。撥款率＝已撥款÷核定補助；執行率＝已核銷÷核定補助。"
               f"金額計至 {_roc(f.period.end)}。"])
    if f.center_budgets:
        centers = f.center_budgets
        a, d, r = (sum(c.approved for c in centers), sum(c.disbursed for c in centers),
                   sum(c.reimbursed for c in centers))
        sheet("分區經費", f"分區中心經費執行（{year}年度，單位：新臺幣元）",
              [Col("分區中心"), Col("工作站數", "int"), Col("核定補助", "money"), Col("已撥款", "money"),
               Col("撥款率", "pct"), Col("已核銷", "money"), Col("執行率", "pct")]).write(
            [[c.center_name, c.stations, c.approved, c.disbursed, c.disbursement_rate, c.reimbursed, c.execution]
             for c in centers],
            total=["合計", sum(c.stations for c in centers), a, d, d / a if a else None, r, r / a if a else None])


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
    sheet("申請經費", f"各工作項目申請經費（{f.funding_roc_year}年度，單位：新臺幣元）",
          [Col("代碼", "code"), Col("主管機關"), Col("工作項目", "wrap", 44), Col("申請金額", "money"),
           Col(alloc, "money"), Col("占額度比例", "pct")], landscape=True).write(
        [[w.code, w.agency, w.name, w.requested, w.allocation, w.share] for w in f.funding],
        total=["合計", None, None, f.funding_requested_total,
               sum(w.allocation or 0 for w in f.funding) or None, None],
        extra=[plan_title(f), funding_note(f)])


def xlsx_bytes(f: ReportFigures, *, prepared_by: str = "", today: date | None = None, revision: int | None = None,
               progress: Progress | None = None) -> bytes:
    """The workbook; ``revision`` (版次) is named on every sheet under the title."""
    with gc_paused():
        wb, fast = build_workbook(f, prepared_by=prepared_by, today=today, revision=revision, progress=progress)
        return fast.save(wb)


def xlsx_packed_by(packer: Executor, f: ReportFigures, *, prepared_by: str = "", today: date | None = None,
                   revision: int | None = None, progress: Progress | None = None) -> Future[bytes]:
    """:func:`xlsx_bytes`, the workbook built here and zipped by ``packer``: zlib lets go of the GIL, so a
    year's 200 MB of sheet XML is compressed on the other core while the caller makes the PDF."""
    with gc_paused():
        wb, fast = build_workbook(f, prepared_by=prepared_by, today=today, revision=revision, progress=progress)
    return packer.submit(fast.save, wb)


def write_xlsx(f: ReportFigures, path: Path | str, *, prepared_by: str = "", today: date | None = None,
               revision: int | None = None, progress: Progress | None = None) -> Path:
    """Write the workbook to ``path`` atomically (temp file beside it, fsync, rename)."""
    data = xlsx_bytes(f, prepared_by=prepared_by, today=today, revision=revision, progress=progress)
    atomic.write_bytes(path, data)
    return Path(path)


# -- issue 15: revisions, comparisons, the national view and the office's content ----------------

def _revision_sheet(f: ReportFigures, sheet) -> None:
    """修正說明: the reason and each figure changed since the revision before, sent → new."""
    notes = f.revision_notes
    if notes is None:
        return
    sheet("修正說明", f"修正說明（第 {f.revision} 版，修正第 {notes.previous_revision} 版）",
          [Col("項目", "wrap", 40), Col(f"第 {notes.previous_revision} 版送出值", "num"),
           Col(f"第 {f.revision} 版數值", "num"), Col("資料欄位", "code")]).write(
        [[c.label, _plain(c.sent), _plain(c.new), c.figure] for c in notes.changes],
        extra=["修正原因：" + (notes.reason or "（未填寫）"),
               f"共 {len(notes.changes):,} 項與第 {notes.previous_revision} 版不同。" if notes.changes
               else "各項數字與前一版相同。"])


def _plain(value):
    """A changed figure as a cell: numbers stay numbers, anything else its text."""
    if value is None or isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def _headline_value(key: str, value):
    if value is None:
        return None
    return float(value) if key == "support_hours" else int(round(value))


def _summary_sheet(f: ReportFigures, sheet) -> None:
    """摘要: 項目, 數值, 單位, then the headline figures of 上期, 去年同期 and 本年累計."""
    c = f.compare
    others = [] if c is None else [c.previous_period, c.same_period_last_year, c.year_to_date]
    cols = [Col("項目"), Col("數值", "num"), Col("單位", "code")]
    if c is not None:
        cols += [Col(f"上期（{c.previous_period.period.label_zh.removeprefix('民國')}）", "num"),
                 Col(f"去年同期（{c.same_period_last_year.period.label_zh.removeprefix('民國')}）", "num"),
                 Col(f"本年累計（至{_roc(min(c.year_to_date.period.end, f.overdue_as_of))}）", "num")]  # 期中暫定: day made
    rows = []
    for r in summary_rows(f):
        rows.append([r.label, r.value, r.unit,
                     *[_headline_value(r.key, o.figures.get(r.key)) if r.key else None for o in others]])
    sheet("摘要", "摘要", cols).write(rows)


def _by_center_sheet(f: ReportFigures, sheet) -> None:
    if not f.by_center:
        return
    from counsel_desk.models.enums import CenterCode
    from counsel_desk.reports.figure_changes import figure_label
    from counsel_desk.services.figures.figures import HEADLINE_KEYS

    centers = [c for c in CenterCode if c.value in f.by_center]
    sheet("各分區", "各分區中心比較", [Col("項目"), *[Col(c.full_name_zh, "num") for c in centers], Col("合計", "num")]).write(
        [[figure_label((k,)), *[_headline_value(k, f.by_center[c.value].get(k)) for c in centers],
          _headline_value(k, sum(f.by_center[c.value].get(k) or 0 for c in centers))] for k in HEADLINE_KEYS])


def _content_sheets(f: ReportFigures, sheet) -> None:
    """送件提案, 地方創生計畫, 公有空間, 重點訪視 and 工作重點 (the manager's words)."""
    from counsel_desk.models.enums import PublicSpaceStatus

    sent = f.sent_proposals
    sheet("送件提案", "本期送專案辦公室提案（單位：新臺幣元）",
          [Col("送件日期", "date"), Col("提案", "wrap", 36), Col("途徑", "code"), Col("縣市"), Col("鄉鎮市區"),
           Col("提案單位", "wrap", 24), Col("申請金額", "money"), Col("再送件", "code")], landscape=True).write(
        [[_roc(p.day), p.title, Route(p.route).zh if p.route in Route._value2member_map_ else p.route, p.county,
          p.township, p.applicant, p.amount_requested, "是" if p.resubmission else ""] for p in sent],
        total=["合計", f"{len(sent):,} 件", None, None, None, None, sum(p.amount_requested for p in sent),
               f"{sum(p.resubmission for p in sent):,} 件"])
    p = f.plans
    sheet("地方創生計畫", "地方創生計畫送件與通過",
          [Col("項目"), Col("件數", "int")]).write(
        [["本期送件", p.filed], ["本期通過", p.passed], ["累計送件（至期末）", p.filed_to_date],
         ["累計通過（至期末）", p.passed_to_date], ["審查中（期末）", p.in_progress]])

    def status(code: str) -> str:
        return PublicSpaceStatus(code).zh if code in PublicSpaceStatus._value2member_map_ else code

    spaces = f.public_spaces
    sheet("公有空間", f"活化公有空間（截至{_roc(f.period.end)}，單位：新臺幣元）",
          [Col("空間名稱", "wrap", 30), Col("縣市"), Col("鄉鎮市區"), Col("狀態", "code"), Col("補助金額", "money"),
           Col("本期訪視", "int")]).write(
        [[sp.name, sp.county, sp.township, status(sp.status), sp.subsidy, sp.visits] for sp in spaces],
        total=["合計", None, None, f"{len(spaces):,} 處", sum(sp.subsidy for sp in spaces),
               sum(sp.visits for sp in spaces)])
    sheet("重點訪視", "本期重點訪視",
          [Col("日期", "date"), Col("縣市"), Col("鄉鎮市區"), Col("受訪對象", "wrap", 22), Col("方式", "code"),
           Col("輔導員", "wrap", 14), Col("發現", "wrap", 40), Col("課題", "wrap", 30), Col("輔導建議", "wrap", 40)],
          landscape=True).write(
        [[_roc(v.visit_date), v.county, v.township, v.visited, VisitMode(v.mode).zh, v.counselors, v.findings,
          v.issues, v.advice] for v in f.key_visits])
    n = f.narrative
    this, following = ("本月", "下月") if f.period.kind == "month" else ("本期", "下期")
    rows = []
    for title, text in ((f"{this}工作重點", n.this_month), (f"{following}工作重點", n.next_month),
                        ("待協助事項", n.help_needed)):
        paras = [line for line in (text or "").splitlines() if line.strip()] or ["（未填寫）"]
        rows += [[title if i == 0 else "", line] for i, line in enumerate(paras)]
    sheet("工作重點", "工作重點與待協助事項", [Col("項目", "text"), Col("內容", "wrap", 90)]).write(rows)


def _rule_warnings_sheet(f: ReportFigures, sheet) -> None:
    """規則提醒: each warning about a proposal or workstation with its rule's source."""
    kinds = {"proposal": "提案", "workstation": "工作站"}
    sheet("規則提醒", f"規則提醒（截至{_roc(f.period.end)}；僅為提醒，資料均已儲存）",
          [Col("對象", "code"), Col("名稱", "wrap", 30), Col("提醒", "wrap", 60), Col("依據", "wrap", 50)],
          landscape=True).write([[kinds.get(w.kind, w.kind), w.subject, w.message, w.source]
                                 for w in f.rule_warnings])

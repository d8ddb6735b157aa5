"""The monthly report (月報) as a PDF a center director signs: A4, Noto Sans TC embedded, zh_TW throughout.

Cover block (center, 民國 period, prepared by, date), the figures section by section with charts
of visits by county and proposals by stage and a township map shaded by the period's visits,
「第 X 頁／共 Y 頁」 page footers, a sign-off block for 承辦人 and 主任, then the appendices of
overdue follow-ups and of the period's visits with findings and advice. ``summary_only`` leaves
the appendices out and shortens the long lists (the Excel file keeps them whole): a month's summary
stays within about a dozen pages. Made in memory (:func:`pdf_bytes`, which a sent snapshot keeps
byte for byte) and written to disk atomically by :func:`write_pdf`.

Print rules: headings stay with what follows (:class:`KeepStart`), tables leave at least three
rows on a page, the sign-off block is kept with the report's last rows, money tables carry their
unit, hours always show one decimal, and nothing is told by colour alone (greyscale print).
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Callable

from reportlab import rl_config
from reportlab.graphics import shapes
from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle,
)

from counsel_desk.errors import UserError
from counsel_desk.models.enums import (
    STAGE_ORDER, EventKind, FollowUpStatus, Route, Stage, SupportKind, TargetMetric, VisitMode,
)
from counsel_desk.reports.figures_types import (
    ReportFigures, allocation_title, center_title, funding_note, plan_title,
)
from counsel_desk.reports.pdf_charts import county_chart, stage_chart, township_map
from counsel_desk.reports.pdf_common import (
    ACCENT, FONT, FONT_BOLD, INK, MARGIN, PAGE_SIZE, RULE, escape, numbered_canvas, register_fonts, styles,
)
from counsel_desk.reports.pdf_parts import WARN, WIDTH, Sections as _Sections, count as _n, hours as _hours
from counsel_desk.reports.pdf_parts import para as _p, pct as _pct, table as _table, unit_caption as _unit_caption
from counsel_desk.reports.pdf_tables import KeepStart, PagedTable
from counsel_desk.reports import outcomes_pdf, pdf_sections, places_pdf
from counsel_desk.services.safety import atomic
from counsel_desk.services.formatting import ROC_OFFSET, ntd, roc_date, roc_date_long

Progress = Callable[[int, int], bool]
# A signed PDF stays printable: longer lists are cut here, with a note; the Excel file is always complete.
# (A real center records some 50–150 visits a month; even the 100,000-visit stress database has 4,400.)
PDF_VISIT_LIMIT = 5000
PDF_OVERDUE_LIMIT = 500
SUMMARY_TOWNSHIPS = 15  # the summary lists the most visited townships; the rest are one row
SUMMARY_EVENTS = 20


# -- cover block ---------------------------------------------------------------------------------

def _cover(f: ReportFigures, prepared_by: str, today: date, revision: int | None) -> list:
    s = styles()
    from reportlab.lib.styles import ParagraphStyle

    kicker = ParagraphStyle("kicker", parent=s["body"], fontName=FONT_BOLD, fontSize=10.5, leading=16,
                            textColor=ACCENT, alignment=1)
    big = ParagraphStyle("cover_title", parent=s["title"], fontSize=22, leading=30, spaceAfter=2 * mm)
    period = ParagraphStyle("cover_period", parent=s["title"], fontSize=17, leading=24, spaceAfter=5 * mm)
    info = [
        ["分區中心", f.center_name, "報告期間", f"{roc_date(f.period.start)} 至 {roc_date(f.period.end)}"],
        ["製表人", prepared_by or "—", "製表日期", roc_date_long(today)],
    ]
    if revision is not None:
        # a period not ended (期中暫定) is counted to the day made, as its red note says: not to the period's end
        info.append(["版次", f"第 {revision} 版", "資料截止", roc_date_long(f.overdue_as_of)])
    t = Table(info, colWidths=[24 * mm, WIDTH / 2 - 24 * mm, 24 * mm, WIDTH / 2 - 24 * mm])
    t.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, 10, 14),
        ("FONT", (0, 0), (0, -1), FONT_BOLD, 10, 14),
        ("FONT", (2, 0), (2, -1), FONT_BOLD, 10, 14),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("LINEABOVE", (0, 0), (-1, 0), 1.2, ACCENT),
        ("LINEBELOW", (0, -1), (-1, -1), 1.2, ACCENT),
        ("LINEBELOW", (0, 0), (-1, -2), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return [Spacer(1, 4 * mm), Paragraph(escape(plan_title(f)), kicker), Spacer(1, 2 * mm),
            Paragraph(escape(center_title(f)), big),
            Paragraph(escape(f"{f.period.label_zh}　{f.period.title_zh}"), period), t, Spacer(1, 2 * mm)]


# -- sections ------------------------------------------------------------------------------------

def _progress_bar(share: float | None, pace: float, width: float = 30 * mm) -> Drawing:
    """The share reached as a bar, with a black tick where the calendar says it should be by now."""
    d = Drawing(width, 10)
    d.add(Rect(0, 1.5, width, 7, fillColor=colors.HexColor("#e6ebf0"), strokeColor=RULE, strokeWidth=0.3))
    if share:
        behind = share < pace
        d.add(Rect(0, 1.5, width * min(share, 1.0), 7, strokeColor=None,
                   fillColor=colors.HexColor("#e08a1e") if behind else ACCENT))
    x = width * min(pace, 1.0)
    d.add(shapes.Line(x, 0, x, 10, strokeColor=INK, strokeWidth=1.2))
    return d


def _targets(f: ReportFigures, sec: _Sections) -> list:
    year = f.period.end.year - ROC_OFFSET
    pace = _expected_share(f)
    data = [["績效指標", "年度目標", "累計實績", "達成率", "進度（｜為時程）", "狀態"]]
    behind_rows: list[int] = []
    for i, t in enumerate(f.targets, start=1):
        fmt = _hours if t.metric == TargetMetric.SUPPORT_HOURS.value else _n
        behind = t.share is not None and t.share < pace
        if behind:
            behind_rows.append(i)
        status = "—" if t.share is None else ("落後" if behind else "符合進度")
        data.append([t.label_zh, fmt(t.target) if t.target else "未設定", fmt(t.actual), _pct(t.share),
                     _progress_bar(t.share, pace), status])
    behind_names = [t.label_zh for t in f.targets if t.share is not None and t.share < pace]
    note = (f"依時程（至 {roc_date(f.period.end)} 應達約 {pace:.0%}，即進度條上的直線）尚待加強：{'、'.join(behind_names)}。"
            if behind_names else "各項指標均達時程進度。")
    # behind pace is told by the word 落後 in bold and the bar short of the line, not by colour alone
    extra: list[tuple[object, ...]] = [("VALIGN", (4, 1), (4, -1), "MIDDLE")]
    extra += [cmd for r in behind_rows for cmd in (("FONT", (5, r), (5, r), FONT_BOLD, 9, 9 * 1.35),
                                                   ("TEXTCOLOR", (5, r), (5, r), WARN))]
    return [*sec.heading(f"績效指標達成情形（{year}年累計）"),
            KeepTogether([_table(data, [46 * mm, 24 * mm, 24 * mm, 20 * mm, WIDTH - 134 * mm, 20 * mm], font_size=9,
                                 align_right=(1, 2, 3), align_center=(5,), extra=extra),
                          Spacer(1, 1.5 * mm), _p(note, "small")])]


def _expected_share(f: ReportFigures) -> float:
    end = f.period.end
    return ((end - date(end.year, 1, 1)).days + 1) / ((date(end.year, 12, 31) - date(end.year, 1, 1)).days + 1)


def _visits(f: ReportFigures, sec: _Sections, county_codes: list[str], summary_only: bool) -> list:
    out = [*sec.heading("實地訪視"),
           _p(f"本期訪視 {f.visits_total:,} 次，涵蓋 {len(f.visits_by_township):,} 個鄉鎮市區。"
              + "方式：" + "、".join(f"{VisitMode(m).zh} {n:,} 次" for m, n in f.visits_by_mode.items()) + "。"),
           sec.sub("各縣市訪視次數"), county_chart(f, WIDTH)]
    if county_codes:
        out += [sec.sub("鄉鎮市區訪視分布"), township_map(f, county_codes, WIDTH, 105 * mm)]
    modes = [m.value for m in VisitMode]
    towns = f.visits_by_township
    title = "各鄉鎮市區訪視次數"
    if summary_only and len(towns) > SUMMARY_TOWNSHIPS + 1:
        towns = sorted(towns, key=lambda t: -t.total)[:SUMMARY_TOWNSHIPS]
        title = f"訪視最多的 {SUMMARY_TOWNSHIPS} 個鄉鎮市區"
    rows = [[t.county, t.township, *[_n(t.by_mode.get(m, 0)) for m in modes], _n(t.total)] for t in towns]
    rest = len(f.visits_by_township) - len(towns)
    if rest:
        shown = {m: sum(t.by_mode.get(m, 0) for t in towns) for m in modes}
        rows.append([f"其餘 {rest:,} 個鄉鎮市區", "", *[_n(f.visits_by_mode.get(m, 0) - shown[m]) for m in modes],
                     _n(f.visits_total - sum(t.total for t in towns))])
    w = (WIDTH - 50 * mm) / 5
    out += [sec.sub(title),
            PagedTable(["縣市", "鄉鎮市區", *[VisitMode(m).zh for m in modes], "合計"], rows,
                       [22 * mm, 28 * mm, w, w, w, w, w], align_right=(2, 3, 4, 5, 6),
                       total=["合計", "", *[_n(f.visits_by_mode.get(m, 0)) for m in modes], _n(f.visits_total)],
                       trailer=[_p("各鄉鎮市區之完整次數見同期 Excel 檔「鄉鎮訪視」工作表。", "small")] if rest else ())]
    return out


def _followups(f: ReportFigures, sec: _Sections, summary_only: bool) -> list:
    w = WIDTH / 3
    counts = _table([["本期新增", "本期結案", f"期末逾期未結（截至 {roc_date(f.overdue_as_of)}）"],
                     [_n(f.followups_opened), _n(f.followups_closed), _n(f.followups_overdue)]],
                    [w, w, w], font_size=9.5, align_center=(0, 1, 2))
    out = [*sec.heading("追蹤事項"), counts]
    if f.overdue_followups:
        ages = f.overdue_by_age
        aw = WIDTH / len(ages)
        out += [Spacer(1, 3 * mm),
                _table([[label for label, _ in ages], [_n(n) for _, n in ages]], [aw] * len(ages), font_size=9,
                       align_center=tuple(range(len(ages)))),
                _p("逾期未結追蹤事項之明細見" + ("同期 Excel 檔「逾期追蹤事項」工作表" if summary_only else "附錄一")
                   + "；結案須填寫追蹤日期與結果。", "small")]
    return out


def _workstations(f: ReportFigures, sec: _Sections) -> list:
    out = [*sec.heading("青年培力工作站輔導與經費")]
    kinds = "、".join(f"{SupportKind(k).zh} {n:,} 場" for k, (n, _) in f.support_by_kind.items() if n)
    out.append(_p(f"本期輔導 {f.support_sessions:,} 場、{_hours(f.support_hours)} 小時、{f.support_participants:,} 人次"
                  + (f"（{kinds}）。" if kinds else "。")))
    if f.support_by_station:
        rows = [[s.name, f"{s.county}{s.township}", _n(s.sessions), _hours(s.hours), _n(s.participants)]
                for s in f.support_by_station]
        out += [sec.sub("各工作站輔導情形"),
                PagedTable(["工作站", "地點", "場次", "時數", "參與人次"], rows,
                           [WIDTH - 106 * mm, 34 * mm, 24 * mm, 24 * mm, 24 * mm], wrap_cols=(0,),
                           align_right=(2, 3, 4),
                           total=["合計", "", _n(f.support_sessions), _hours(f.support_hours),
                                  _n(f.support_participants)])]
    if f.budgets:
        rows = [[b.name, ntd(b.approved), ntd(b.disbursed), _pct(b.disbursement_rate), ntd(b.reimbursed),
                 _pct(b.execution), f"{_pct(b.personnel_share)}／" + (f"{b.personnel_limit:.0%}" if b.personnel_limit is not None else "未知"),
                 ("符合" if b.rule_ok else "超過上限") if b.personnel_limit is not None else "規定未公布"] for b in f.budgets]
        approved = sum(b.approved for b in f.budgets)
        disbursed = sum(b.disbursed for b in f.budgets)
        reimbursed = sum(b.reimbursed for b in f.budgets)
        total = ["合計", ntd(approved), ntd(disbursed), _pct(disbursed / approved if approved else None),
                 ntd(reimbursed), _pct(reimbursed / approved if approved else None), "",
                 f"{f.budgets_flagged} 站超過" if f.budgets_flagged else "全數符合"]
        out += [sec.sub(f"{f.funding_roc_year}年度經費執行與人事費規定（截至 {roc_date(f.period.end)}）"),
                _unit_caption(),
                PagedTable(["工作站", "核定補助", "已撥款", "撥款率", "已核銷", "執行率", "人事費占比／上限",
                            "人事費規定"], rows,
                           [WIDTH - 142 * mm, 22 * mm, 22 * mm, 15 * mm, 22 * mm, 15 * mm, 28 * mm, 18 * mm],
                           wrap_cols=(0,), align_right=(1, 2, 3, 4, 5, 6), align_center=(7,), warn_col=7, total=total,
                           trailer=[_p("人事費上限為補助款之 50%，專職人員達 3 人者為 60%；撥款率＝已撥款÷核定補助，"
                                       "執行率＝已核銷÷核定補助。"
                                       + (f"本期有 {f.budgets_flagged} 站人事費超過上限，請輔導改善。"
                                          if f.budgets_flagged else ""), "small")]),
                *pdf_sections.center_budgets(f)]
    return out


def _proposals(f: ReportFigures, sec: _Sections, summary_only: bool) -> list:
    routes = [r.value for r in Route]
    data = [["階段", *[Route(r).zh for r in routes], "合計"]]
    for s in STAGE_ORDER:
        data.append([s.zh, *[_n(f.proposals_by_stage_route.get((s.value, r), 0)) for r in routes],
                     _n(f.proposals_by_stage[s.value])])
    data.append(["合計", *[_n(f.proposals_by_route[r]) for r in routes], _n(f.proposals_total)])
    table = _table(data, [34 * mm, 24 * mm, 24 * mm, 22 * mm], font_size=8.5, align_right=(1, 2, 3), total_row=True)
    table.hAlign = "LEFT"
    out = [*sec.heading("事業提案"),
           _p(f"截至 {roc_date(f.period.end)} 共 {f.proposals_total:,} 件提案；本期新增 {f.proposals_new:,} 件，"
              f"階段異動 {len(f.stage_moves):,} 次，送專案辦公室 {f.proposals_sent:,} 件"
              + (f"（其中退回修正後再送件 {f.proposals_resubmitted:,} 件）" if f.proposals_resubmitted else "")
              + f"，核定 {f.proposals_approved:,} 件。"),
           sec.sub("各階段提案數（依途徑）"), KeepTogether([table, Spacer(1, 3 * mm), stage_chart(f, WIDTH, 150)])]
    if f.stage_moves and summary_only:
        out.append(_p(f"本期 {len(f.stage_moves):,} 次階段異動之明細見同期 Excel 檔「階段異動」工作表。", "small"))
    elif f.stage_moves:
        rows = [[roc_date(m.day), m.title, Route(m.route).zh if m.route in {r.value for r in Route} else m.route,
                 Stage(m.from_stage).zh if m.from_stage else "（新建）", Stage(m.to_stage).zh] for m in f.stage_moves]
        out += [sec.sub("本期階段異動"),
                PagedTable(["日期", "提案", "途徑", "原階段", "新階段"], rows,
                           [20 * mm, WIDTH - 105 * mm, 25 * mm, 30 * mm, 30 * mm], wrap_cols=(1,),
                           align_center=(0, 2, 3, 4))]
    out += pdf_sections.proposals_sent(f, sec, summary_only)
    alloc = allocation_title(f)
    rows = [[w.code, w.agency, w.name, ntd(w.requested), ntd(w.allocation) if w.allocation else "—", _pct(w.share)]
            for w in f.funding]
    out += [sec.sub(f"各工作項目申請經費（{f.funding_roc_year}年度）"), _unit_caption(),
            PagedTable(["代碼", "主管機關", "工作項目", "申請金額", alloc, "占比"], rows,
                       [27 * mm, 26 * mm, WIDTH - 127 * mm, 26 * mm, 30 * mm, 18 * mm], wrap_cols=(1, 2),
                       align_right=(3, 4, 5),
                       total=["合計", "", "", ntd(f.funding_requested_total),
                              ntd(sum(w.allocation or 0 for w in f.funding)), ""],
                       trailer=[_p(funding_note(f), "small")])]
    return out


def _events(f: ReportFigures, sec: _Sections, summary_only: bool) -> list:
    out = [*sec.heading("交流、學習與推廣活動"),
           _p(f"本期辦理 {f.events:,} 場，參與 {f.event_participants:,} 人次。")]
    if f.event_list:
        events = f.event_list[:SUMMARY_EVENTS] if summary_only and len(f.event_list) > SUMMARY_EVENTS + 1 \
            else f.event_list
        rows = [[roc_date(e.event_date), e.title, EventKind(e.kind).zh, e.place, _n(e.participants)] for e in events]
        if len(events) < len(f.event_list):
            rest = f.event_list[len(events):]
            rows.append(["", f"其餘 {len(rest):,} 場（見 Excel「交流活動」工作表）", "", "",
                         _n(sum(e.participants for e in rest))])
        out.append(PagedTable(["日期", "活動名稱", "類別", "地點", "人次"], rows,
                              [20 * mm, WIDTH - 114 * mm, 20 * mm, 56 * mm, 18 * mm], wrap_cols=(1, 3),
                              align_center=(0, 2), align_right=(4,),
                              total=["合計", "", "", "", _n(f.event_participants)]))
    return out


def _sign_off() -> list:
    w = WIDTH / 2
    t = Table([["承辦人", "主任"], ["", ""], ["日期：　　　年　　月　　日", "日期：　　　年　　月　　日"]],
              colWidths=[w, w], rowHeights=[9 * mm, 26 * mm, 9 * mm])
    t.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, 0), FONT_BOLD, 11, 14),
        ("FONT", (0, 1), (-1, -1), FONT, 9.5, 13),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("BOX", (0, 0), (-1, -1), 0.8, INK),
        ("INNERGRID", (0, 0), (-1, -1), 0.4, RULE),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6eef6")),
    ]))
    return [Spacer(1, 6 * mm), _p("核章", "h2"), t]


def _overflow_note(shown: int, total: int, sheet: str) -> list:
    if total <= shown:
        return []
    return [Spacer(1, 2 * mm), _p(f"本附錄列出前 {shown:,} 筆；其餘 {total - shown:,} 筆見同期 Excel 檔「{sheet}」工作表。",
                                  "small")]


def _appendix_overdue(f: ReportFigures) -> list:
    if not f.overdue_followups:
        return []
    shown = f.overdue_followups[:PDF_OVERDUE_LIMIT]
    rows = [[roc_date(o.visit_date), f"{o.county}{o.township}", o.description, o.owner, roc_date(o.due_date),
             FollowUpStatus(o.status).zh] for o in shown]
    return [PageBreak(), _p(f"附錄一：期末逾期未結追蹤事項（{len(f.overdue_followups):,} 件，依預定完成日排列）", "h1"),
            PagedTable(["訪視日期", "地點", "追蹤事項", "負責人", "預定完成", "狀態"], rows,
                       [18 * mm, 26 * mm, WIDTH - 92 * mm, 18 * mm, 18 * mm, 12 * mm], wrap_cols=(2,),
                       align_center=(0, 4, 5)),
            *_overflow_note(len(shown), len(f.overdue_followups), "逾期追蹤事項")]


def _appendix_visits(f: ReportFigures) -> list:
    number = "二" if f.overdue_followups else "一"
    out: list = [PageBreak(), _p(f"附錄{number}：本期訪視紀錄（{len(f.visits):,} 筆）", "h1")]
    if not f.visits:
        return out + [_p("本期沒有訪視紀錄。")]
    rows = []
    for v in f.visits[:PDF_VISIT_LIMIT]:
        who = v.visited or "—"
        meta = f"{who}\n{VisitMode(v.mode).zh}" + (f"／{v.counselors}" if v.counselors else "")
        findings = v.findings + (f"\n課題：{v.issues}" if v.issues else "")
        rows.append([roc_date(v.visit_date), f"{v.county}\n{v.township}", meta, findings, v.advice])
    out.append(PagedTable(["日期", "地點", "受訪對象／方式", "發現與課題", "輔導建議"], rows,
                          [16 * mm, 18 * mm, 34 * mm, (WIDTH - 68 * mm) / 2, (WIDTH - 68 * mm) / 2],
                          wrap_cols=(2, 3, 4), font_size=7.8, align_center=(0,)))
    return out + _overflow_note(len(rows), len(f.visits), "附錄_訪視紀錄")


# -- the document --------------------------------------------------------------------------------

def _keep_headings(story: list) -> list:
    """Each heading (with the short text under it) goes before a :class:`KeepStart` for what follows; so does a
    table's caption (the ``unit`` style: 「分區中心經費執行（金額單位：新臺幣元）」), which printed alone at a page's foot."""
    out: list = []
    i = 0
    while i < len(story):
        item = story[i]
        if isinstance(item, Paragraph) and item.style.name in ("h1", "h2", "unit"):
            j = i + 1
            while j < len(story) and isinstance(story[j], Paragraph) and j - i < 4:
                j += 1
            out.append(KeepStart(story[i:j], story[j] if j < len(story) else None))
            out.extend(story[i:j])
            i = j
            continue
        out.append(item)
        i += 1
    return out


def _with_sign_off(body: list) -> list:
    """The sign-off block never stands alone on a page: it goes with the body's last rows or text."""
    sign_off = _sign_off()
    last = body[-1]
    if isinstance(last, PagedTable):
        last.trailer = [*last.trailer, *sign_off]
        return body
    # trailing text (the manager's words, their headings) goes over with it, as far as a page holds
    start = len(body) - 1
    while start > 0 and len(body) - start < 8 and isinstance(body[start - 1], Paragraph):
        start -= 1
    return [*body[:start], KeepTogether([*body[start:], *sign_off])]


def build_story(f: ReportFigures, *, county_codes: list[str], prepared_by: str, today: date,
                revision: int | None, summary_only: bool = False) -> list:
    sec = _Sections()
    body = [*_cover(f, prepared_by, today, revision), *pdf_sections.provisional_note(f, today),
            *pdf_sections.revision_notes(f), *pdf_sections.summary(f, sec),
            *pdf_sections.by_center(f, sec), *_targets(f, sec), *_visits(f, sec, county_codes, summary_only),
            *pdf_sections.key_visits(f, sec, summary_only), *_followups(f, sec, summary_only), *_workstations(f, sec),
            *_proposals(f, sec, summary_only), *pdf_sections.plans_and_spaces(f, sec, summary_only),
            *_events(f, sec, summary_only), *outcomes_pdf.section(f, sec, summary_only),
            *places_pdf.section(f, sec, summary_only),
            *pdf_sections.rule_warnings(f, sec), *pdf_sections.narrative(f, sec)]
    story = _with_sign_off(body)
    if not summary_only:
        story += [*_appendix_overdue(f), *_appendix_visits(f)]
    return _keep_headings(story)


def pdf_bytes(f: ReportFigures, *, county_codes: list[str] | None = None, prepared_by: str = "",
              today: date | None = None, revision: int | None = None, summary_only: bool = False,
              progress: Progress | None = None) -> bytes:
    """The report PDF; ``county_codes`` are the counties the township map shows (default: those visited).

    ``summary_only``: without the appendices and with the long lists shortened (the Excel keeps them).
    """
    register_fonts()
    today = today or date.today()
    if county_codes is None:
        county_codes = [c.county_code for c in f.visits_by_county if c.count]

    def step(n: int) -> None:
        if progress is not None and progress(n, 3) is False:
            raise UserError("已取消產生報表。", "Report generation cancelled.")

    step(0)
    story = build_story(f, county_codes=county_codes, prepared_by=prepared_by, today=today, revision=revision,
                        summary_only=summary_only)
    step(1)
    buf = io.BytesIO()
    title = f"{center_title(f)} {f.period.label_zh} {f.period.title_zh}"
    doc = SimpleDocTemplate(buf, pagesize=PAGE_SIZE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=16 * mm,
                            bottomMargin=18 * mm, title=title, author=prepared_by or center_title(f),
                            subject=f.period.title_zh, creator="counsel_desk",
                            keywords=", ".join([f.center_name, f.period.label_zh, f.period.key]
                                               + (["期中暫定"] if f.provisional else [])),
                            # every page starts in our font, so no unembedded Helvetica is referenced
                            initialFontName=FONT, initialFontSize=10)
    # reportlab drawings start from Times-Roman, which would be referenced unembedded: start them in ours.
    # Page streams go out zlib-compressed without the ASCII85 layer (pure Python, seconds on a long report).
    saved = shapes.STATE_DEFAULTS["fontName"], rl_config.useA85
    shapes.STATE_DEFAULTS["fontName"], rl_config.useA85 = FONT, 0
    try:
        doc.build(story, canvasmaker=numbered_canvas(footer_left=title, footer_right=f"製表日期 {roc_date(today)}",
                                                     stamp="期中暫定" if f.provisional else ""))
    finally:
        shapes.STATE_DEFAULTS["fontName"], rl_config.useA85 = saved
    step(3)
    return buf.getvalue()


def write_pdf(f: ReportFigures, path: Path | str, **kwargs) -> Path:
    """Write the PDF to ``path`` atomically (temp file beside it, fsync, rename)."""
    atomic.write_bytes(path, pdf_bytes(f, **kwargs))
    return Path(path)

"""The report PDF's sections beyond the period's own counts (issue 15): what the project office asks for.

- 修正說明 of a revision (the reason and each changed figure, sent → new) right after the cover;
- the headline figures beside the previous period, the same period a year before and the year to
  date (:func:`summary`);
- for the national report, the headline figures by center with a chart (:func:`by_center`);
- the proposals sent to the project office with their amounts, and each center's 撥款率／執行率;
- plans (地方創生計畫) filed and passed, and the public spaces;
- the visits flagged 重點, and the manager's own words (本月工作重點, 下月工作重點, 待協助事項).

Each returns a list of flowables; the summary PDF shortens the long lists (the Excel keeps them whole).
"""

from __future__ import annotations

from datetime import date

from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from counsel_desk.models.enums import CenterCode, PublicSpaceStatus, Route, VisitMode
from counsel_desk.reports.figure_changes import figure_label
from counsel_desk.reports.figures_types import ReportFigures
from counsel_desk.services.figures.figures import HEADLINE_KEYS
from counsel_desk.reports.pdf_charts import count_bars
from counsel_desk.reports.pdf_parts import WIDTH, Sections, count, hours, para, pct, table, unit_caption
from counsel_desk.reports.pdf_tables import PagedTable
from counsel_desk.reports.summary import HEADLINE_UNITS, HOURS, summary_rows
from counsel_desk.services.formatting import ntd, roc_date

SUMMARY_LIST = 20  # rows of a long list the summary PDF shows; the rest become one row
SUMMARY_KEY_VISITS = 10  # key visits (each a few lines of findings and advice) the summary PDF shows


def headline_text(key: str, value: float | None) -> str:
    """A headline figure as printed: hours with one decimal, counts whole."""
    return hours(value) if key == "support_hours" else count(value)


def provisional_note(f: ReportFigures, today: date) -> list[Flowable]:
    if not f.provisional:
        return []
    return [para(f"【期中暫定】報告期間至 {roc_date(f.period.end)} 止尚未結束，本報告數字計至製表日 {roc_date(today)}，"
                 "期末後將再變動，不得作為正式送件版本。", "warn")]


def revision_notes(f: ReportFigures) -> list[Flowable]:
    """修正說明: why this revision was issued and each change (figures, comparisons, lists, texts), sent → new."""
    notes = f.revision_notes
    if notes is None:
        return []
    out = [para(f"修正說明（第 {f.revision} 版，修正第 {notes.previous_revision} 版）", "h1"),
           para("修正原因：" + (notes.reason or "（未填寫）"))]
    if notes.changes:
        rows = [[c.label, _value(c.sent), _value(c.new)] for c in notes.changes]
        out += [Spacer(1, 2 * mm),
                PagedTable(["項目", f"第 {notes.previous_revision} 版送出值", f"第 {f.revision} 版數值"], rows,
                           [WIDTH - 84 * mm, 42 * mm, 42 * mm], wrap_cols=(0,), align_right=(1, 2))]
    else:
        out.append(para("各項數字與前一版相同。", "small"))
    return out


def _value(v: object) -> str:
    if v is None:
        return "—"
    if isinstance(v, bool):
        return "是" if v else "否"
    if isinstance(v, float):  # a share (0.4567) as it is; anything else a float is hours, one decimal
        return f"{v:.4g}" if abs(v) < 1.5 else f"{v:,.1f}"
    if isinstance(v, int):
        return count(v)
    return str(v)


def summary(f: ReportFigures, sec: Sections) -> list[Flowable]:
    """本期摘要: every summary row; the headline ones beside 上期, 去年同期 and 本年累計."""
    c = f.compare
    header = ["項目", "本期"]
    if c is not None:
        header += [f"上期\n{c.previous_period.period.label_zh.removeprefix('民國')}",
                   f"去年同期\n{c.same_period_last_year.period.label_zh.removeprefix('民國')}",
                   f"本年累計\n至{roc_date(min(c.year_to_date.period.end, f.overdue_as_of))}"]  # 期中暫定: the day made
    data = [header]
    for r in summary_rows(f):
        line = [f"{r.label}（{r.unit}）", hours(r.value) if r.unit == HOURS else count(r.value)]
        if c is not None:
            line += ([headline_text(r.key, p.figures.get(r.key)) for p in
                      (c.previous_period, c.same_period_last_year, c.year_to_date)] if r.key else ["", "", ""])
        data.append(line)
    widths = [WIDTH - 108 * mm, 27 * mm, 27 * mm, 27 * mm, 27 * mm] if c is not None else [WIDTH - 40 * mm, 40 * mm]
    t = PagedTable(data[0], data[1:], widths, wrap_cols=(0,), align_right=tuple(range(1, len(header))),
                   font_size=8.5)
    return [*sec.heading("本期摘要"), t]


def by_center(f: ReportFigures, sec: Sections) -> list[Flowable]:
    """The national report: each center's headline figures side by side, and its visits as bars."""
    by = f.by_center
    if not by:
        return []
    centers = [c for c in CenterCode if c.value in by]
    data = [[figure_label((k,)) + f"（{HEADLINE_UNITS[k]}）", *[headline_text(k, by[c.value].get(k)) for c in centers],
             headline_text(k, sum(by[c.value].get(k) or 0 for c in centers))] for k in HEADLINE_KEYS]
    w = (WIDTH - 62 * mm) / (len(centers) + 1)
    return [*sec.heading("各分區中心比較"),
            PagedTable(["項目", *[c.full_name_zh for c in centers], "合計"], data,
                       [62 * mm] + [w] * (len(centers) + 1),  # the centers' names wrap in the heading
                       wrap_cols=tuple(range(len(centers) + 1)), align_right=tuple(range(1, len(centers) + 2))),
            Spacer(1, 3 * mm), _center_chart(f, centers)]


def _center_chart(f: ReportFigures, centers: list[CenterCode]) -> Drawing:
    by = f.by_center or {}
    values = [int(by[c.value].get("visits_total") or 0) for c in centers]
    return count_bars([c.full_name_zh for c in centers], values, WIDTH, "各分區訪視次數（次）", bar_h=18)


def proposals_sent(f: ReportFigures, sec: Sections, summary_only: bool) -> list[Flowable]:
    """The proposals sent to the project office in the period, with the money each requests."""
    sent = f.sent_proposals
    if not sent:
        return []
    shown = sent[:SUMMARY_LIST] if summary_only and len(sent) > SUMMARY_LIST + 1 else sent
    rows = [[roc_date(p.day), p.title + ("（再送件）" if p.resubmission else ""),
             Route(p.route).zh if p.route in Route._value2member_map_ else p.route,
             f"{p.county}{p.township}", p.applicant, ntd(p.amount_requested)] for p in shown]
    if len(shown) < len(sent):
        rest = sent[len(shown):]
        rows.append(["", f"其餘 {len(rest):,} 件（見 Excel「送件提案」工作表）", "", "", "",
                     ntd(sum(p.amount_requested for p in rest))])
    total = ["合計", f"{len(sent):,} 件（再送件 {sum(p.resubmission for p in sent):,} 件）", "", "", "",
             ntd(sum(p.amount_requested for p in sent))]
    return [sec.sub("本期送專案辦公室提案"), unit_caption(),
            PagedTable(["送件日期", "提案", "途徑", "地點", "提案單位", "申請金額"], rows,
                       [18 * mm, WIDTH - 131 * mm, 25 * mm, 28 * mm, 34 * mm, 26 * mm], wrap_cols=(1, 3, 4),
                       align_center=(0, 2), align_right=(5,), total=total)]


def center_budgets(f: ReportFigures) -> list[Flowable]:
    """撥款率／執行率 of each center (and of all, for the national report)."""
    if not f.center_budgets:
        return []
    rows = [[c.center_name, count(c.stations), ntd(c.approved), ntd(c.disbursed), pct(c.disbursement_rate),
             ntd(c.reimbursed), pct(c.execution)] for c in f.center_budgets]
    total = None
    if len(f.center_budgets) > 1:
        a = sum(c.approved for c in f.center_budgets)
        d = sum(c.disbursed for c in f.center_budgets)
        r = sum(c.reimbursed for c in f.center_budgets)
        total = ["合計", count(sum(c.stations for c in f.center_budgets)), ntd(a), ntd(d), pct(d / a if a else None),
                 ntd(r), pct(r / a if a else None)]
    return [Spacer(1, 2 * mm), unit_caption("分區中心經費執行（金額單位：新臺幣元）"),
            PagedTable(["分區中心", "工作站數", "核定補助", "已撥款", "撥款率", "已核銷", "執行率"], rows,
                       [WIDTH - 132 * mm, 16 * mm, 26 * mm, 26 * mm, 16 * mm, 26 * mm, 22 * mm],
                       align_right=(1, 2, 3, 4, 5, 6), total=total)]


def plans_and_spaces(f: ReportFigures, sec: Sections, summary_only: bool) -> list[Flowable]:
    p = f.plans
    out = [*sec.heading("地方創生計畫與公有空間"), sec.sub("地方創生計畫送件與通過"),
           KeepTogether(table([["本期送件", "本期通過", "累計送件", "累計通過", "審查中（期末）"],
                               [count(p.filed), count(p.passed), count(p.filed_to_date), count(p.passed_to_date),
                                count(p.in_progress)]], [WIDTH / 5] * 5, font_size=9,
                              align_center=(0, 1, 2, 3, 4)))]
    spaces = f.public_spaces
    out.append(sec.sub("活化公有空間"))
    if not spaces:
        return out + [para("截至期末尚無登錄之公有空間。")]
    by_status = {s: sum(1 for sp in spaces if sp.status == s.value) for s in PublicSpaceStatus}
    out.append(para(f"截至 {roc_date(f.period.end)} 共 {len(spaces):,} 處："
                    + "、".join(f"{s.zh} {n:,} 處" for s, n in by_status.items() if n)
                    + f"；本期訪視 {sum(sp.visits for sp in spaces):,} 次。"))
    shown = spaces[:SUMMARY_LIST] if summary_only and len(spaces) > SUMMARY_LIST + 1 else spaces
    rows = [[sp.name, f"{sp.county}{sp.township}", _status(sp.status), ntd(sp.subsidy), count(sp.visits)]
            for sp in shown]
    if len(shown) < len(spaces):
        rest = spaces[len(shown):]
        rows.append([f"其餘 {len(rest):,} 處（見 Excel「公有空間」工作表）", "", "",
                     ntd(sum(sp.subsidy for sp in rest)), count(sum(sp.visits for sp in rest))])
    return out + [unit_caption(),
                  PagedTable(["空間名稱", "地點", "狀態", "補助金額", "本期訪視"], rows,
                             [WIDTH - 100 * mm, 34 * mm, 18 * mm, 28 * mm, 20 * mm], wrap_cols=(0, 1),
                             align_center=(2,), align_right=(3, 4),
                             total=["合計", "", "", ntd(sum(sp.subsidy for sp in spaces)),
                                    count(sum(sp.visits for sp in spaces))])]


def _status(code: str) -> str:
    try:
        return PublicSpaceStatus(code).zh
    except ValueError:
        return code


def key_visits(f: ReportFigures, sec: Sections, summary_only: bool = False) -> list[Flowable]:
    """The visits the counselors flagged 重點, with what was found and advised (the summary PDF: the first
    SUMMARY_KEY_VISITS; a busy month of the 100,000-visit demo flags 114, ten pages)."""
    out = [*sec.heading("重點訪視")]
    if not f.key_visits:
        return out + [para("本期沒有標記為重點的訪視。")]
    shown = f.key_visits[:SUMMARY_KEY_VISITS] if summary_only and len(f.key_visits) > SUMMARY_KEY_VISITS + 1 \
        else f.key_visits
    rows = []
    for v in shown:
        meta = f"{v.visited or '—'}\n{VisitMode(v.mode).zh}" + (f"／{v.counselors}" if v.counselors else "")
        rows.append([roc_date(v.visit_date), f"{v.county}\n{v.township}", meta,
                     v.findings + (f"\n課題：{v.issues}" if v.issues else ""), v.advice])
    listed = (f"，以下列出前 {len(shown):,} 次（全部重點訪視見 Excel「重點訪視」工作表）" if len(shown) < len(f.key_visits)
              else "（全部訪視紀錄見 Excel「附錄_訪視紀錄」工作表）")
    return out + [para(f"本期標記重點訪視 {len(f.key_visits):,} 次{listed}。"),
                  PagedTable(["日期", "地點", "受訪對象／方式", "發現與課題", "輔導建議"], rows,
                             [16 * mm, 18 * mm, 34 * mm, (WIDTH - 68 * mm) / 2, (WIDTH - 68 * mm) / 2],
                             wrap_cols=(2, 3, 4), font_size=7.8, align_center=(0,))]


def narrative(f: ReportFigures, sec: Sections) -> list[Flowable]:
    """The manager's own words, as frozen with the report."""
    n = f.narrative
    word = "本期" if f.period.kind != "month" else "本月"
    following = "下期" if f.period.kind != "month" else "下月"
    out = [*sec.heading("工作重點與待協助事項")]
    for title, text in ((f"{word}工作重點", n.this_month), (f"{following}工作重點", n.next_month),
                        ("待協助事項", n.help_needed)):
        out += [sec.sub(title), para(text.strip() or "（未填寫）")]
    return out


def rule_warnings(f: ReportFigures, sec: Sections) -> list[Flowable]:
    """規則提醒: what the rules say about the center's proposals and workstations, each with its source."""
    out = [*sec.heading("規則提醒")]
    if not f.rule_warnings:
        return out + [para("期末沒有規則提醒。")]
    kinds = {"proposal": "提案", "workstation": "工作站"}
    rows = [[kinds.get(w.kind, w.kind), w.subject, w.message, w.source] for w in f.rule_warnings]
    return out + [para(f"期末共有 {len(rows):,} 項規則提醒（僅為提醒，資料均已儲存；依據見最後一欄）。"),
                  PagedTable(["對象", "名稱", "提醒", "依據"], rows,
                             [14 * mm, 36 * mm, (WIDTH - 50 * mm) * 0.55, (WIDTH - 50 * mm) * 0.45],
                             wrap_cols=(1, 2, 3), font_size=7.6)]

"""The report workbook's sheets for issue 17: 成果 (outcomes), 成果紀錄, 青年團隊 and 培力課程.

Sheet names stay within Excel's 31 characters; amounts in NT$ with thousands separators, dates in
the ROC calendar as the rest of the report.
"""

from __future__ import annotations

from typing import Any, Callable

from counsel_desk.models.enums import PEOPLE_OUTCOMES, CenterCode, EventKind, OutcomeKind
from counsel_desk.reports.figures_types import ReportFigures
from counsel_desk.reports.xlsx_sheet import Col
from counsel_desk.services.formatting import roc_date

UNITS = {"youth_stayed": "人", "youth_returned": "人", "jobs": "個", "visitors": "人次"}


def unit_of(kind: str) -> str:
    return UNITS.get(kind, "元")


def outcome_sheets(f: ReportFigures, sheet: Callable[..., Any]) -> None:
    o = f.outcomes
    if o is None:
        return
    t = o.totals
    rows = [[OutcomeKind(k).zh, v, unit_of(k)] for k, v in t.by_kind.items()]
    extra = [f"青年留鄉／返鄉合計 {t.youth:,} 人，其中設籍 {t.youth_registered:,} 人。成果依紀錄日期計入；"
             f"期間 {roc_date(f.period.start)}–{roc_date(f.period.end)}。"]
    cols = [Col("成果類別"), Col("本期", "int"), Col("單位", "code")]
    if o.by_center is not None:
        centers = list(CenterCode)
        cols = [Col("成果類別"), *[Col(c.full_name_zh, "int") for c in centers], Col("合計", "int"), Col("單位", "code")]
        rows = [[OutcomeKind(k).zh, *[o.by_center[c.value].of(k) for c in centers], v, unit_of(k)]
                for k, v in t.by_kind.items()]
    sheet("成果", "本期成果（依成果紀錄日期加總）", cols).write(rows, extra=extra)
    if o.national is not None:
        centers = list(CenterCode)
        sheet("全國比較", f"四分區累計成果與全國數字（截至{roc_date(f.period.end)}）",
              [Col("項目"), *[Col(c.full_name_zh, "int") for c in centers], Col("四分區合計", "int"),
               Col(o.national_label or "全國", "int"), Col("占全國", "pct"), Col("單位", "code")]).write(
            [[n.label, *[n.by_center[c.value] for c in centers], n.centers_total, n.national, n.share, n.unit]
             for n in o.national],
            extra=[f"全國數字出處：{o.national_source}" if o.national_source else "全國數字：未載入。",
                   "四分區合計為各中心至期末止登錄之全部成果紀錄。"])
    sheet("成果紀錄", "本期成果紀錄",
          [Col("日期", "date"), Col("類別", "code"), Col("人數／人次", "int"), Col("金額", "money"), Col("設籍", "code"),
           Col("連結", "wrap", 26), Col("地點"), Col("部會／計畫／企業", "wrap", 30), Col("說明", "wrap", 30)],
          landscape=True).write(
        [[roc_date(r.day), OutcomeKind(r.kind).zh, r.people if OutcomeKind(r.kind) in PEOPLE_OUTCOMES else None,
          None if OutcomeKind(r.kind) in PEOPLE_OUTCOMES else r.amount,
          "" if r.registered is None else ("是" if r.registered else "否"), r.tied_to, r.place, r.detail, r.note]
         for r in o.records])
    sheet("青年團隊", "獎勵計畫青年團隊（單位：新臺幣元）",
          [Col("團隊"), Col("獎勵計畫", "wrap", 26), Col("年度", "int"), Col("獎勵金額", "money"), Col("地點"),
           Col("主題", "wrap", 20), Col("成員", "int"), Col("本期輔導", "int"), Col("本期訪視", "int"),
           Col("本期留鄉／返鄉", "int"), Col("資格提醒", "wrap", 40)], landscape=True).write(
        [[tm.name, tm.programme, tm.roc_year, tm.award, tm.place, tm.themes, tm.members, tm.supports, tm.visits,
          tm.youth, "\n".join(tm.warnings)] for tm in o.teams],
        total=["合計", f"{len(o.teams):,} 隊", None, sum(tm.award for tm in o.teams), None, None,
               sum(tm.members for tm in o.teams), sum(tm.supports for tm in o.teams),
               sum(tm.visits for tm in o.teams), sum(tm.youth for tm in o.teams), None])
    tr = o.training
    sheet("培力課程", "培力課程、成果展、媒合會與工作坊",
          [Col("日期", "date"), Col("名稱", "wrap", 34), Col("類別", "code"), Col("時數", "hours"), Col("學員", "int"),
           Col("結訓", "int"), Col("結訓率", "pct"), Col("參與人次", "int")], landscape=True).write(
        [[roc_date(e.day), e.title, EventKind(e.kind).zh, e.hours or None, e.trainees or None, e.completed or None,
          e.completion, e.participants] for e in o.training_list],
        total=["合計", None, None, tr.hours, tr.trainees, tr.completed, tr.completion,
               sum(e.participants for e in o.training_list)],
        extra=[f"培力課程 {tr.courses:,} 場、{tr.hours:,.1f} 小時、學員 {tr.trainees:,} 人、結訓 {tr.completed:,} 人；"
               f"成果展 {tr.by_kind.get('showcase', 0):,} 場、媒合會 {tr.by_kind.get('matchmaking', 0):,} 場、"
               f"工作坊 {tr.by_kind.get('workshop', 0):,} 場。時數、學員與結訓只計培力課程。"])

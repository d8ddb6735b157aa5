"""The report PDF's section for issue 17: 成果、青年團隊與培力課程.

Outcomes of the period by kind (by center for headquarters, with the four centers' totals to date
beside the national figures), the youth teams with their eligibility warnings, and the training
courses with their hours, trainees and completion.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether

from counsel_desk.models.enums import CenterCode, EventKind, OutcomeKind
from counsel_desk.reports.figures_types import ReportFigures
from counsel_desk.reports.outcomes_xlsx import unit_of
from counsel_desk.reports.pdf_parts import WIDTH, Sections, count, hours, para, pct, table
from counsel_desk.reports.pdf_tables import PagedTable
from counsel_desk.services.formatting import ntd, roc_date

SUMMARY_LIST = 20


def _value(kind: str, value: int) -> str:
    return count(value) if unit_of(kind) != "元" else ntd(value)


def section(f: ReportFigures, sec: Sections, summary_only: bool) -> list[Flowable]:
    o = f.outcomes
    if o is None:
        return []
    t = o.totals
    out: list[Flowable] = [*sec.heading("成果、青年團隊與培力課程"), sec.sub("本期成果（依成果紀錄日期加總）"),
                           para(f"本期登錄成果 {t.records:,} 筆：青年留鄉／返鄉 {t.youth:,} 人（其中設籍 "
                                f"{t.youth_registered:,} 人）、就業機會 {t.of('jobs'):,} 個、觀光 {t.of('visitors'):,} 人次、"
                                f"營收 {ntd(t.of('revenue'))} 元。")]
    kinds = [k.value for k in OutcomeKind]
    if o.by_center is None:
        data = [["成果類別", "本期", "單位"]] + [[OutcomeKind(k).zh, _value(k, t.of(k)), unit_of(k)] for k in kinds]
        out.append(KeepTogether(table(data, [WIDTH * 0.5, WIDTH * 0.3, WIDTH * 0.2], font_size=9, align_center=(2,))))
    else:
        centers = list(CenterCode)
        w = WIDTH / (len(centers) + 3)
        data = [["成果類別", *[para(c.full_name_zh, "cell_bold") for c in centers], "合計", "單位"]] + [
            [OutcomeKind(k).zh, *[_value(k, o.by_center[c.value].of(k)) for c in centers], _value(k, t.of(k)),
             unit_of(k)] for k in kinds]
        out.append(KeepTogether(table(data, [w * 1.6] + [w * 0.95] * (len(centers) + 1) + [w * 0.65], font_size=8.5)))
    if o.national is not None:
        out.append(sec.sub(f"四分區累計成果與全國數字（截至 {roc_date(f.period.end)}）"))
        data = [["項目", "四分區合計", o.national_label or "全國", "占全國"]] + [
            [n.label, f"{ntd(n.centers_total)} {n.unit}", "—" if n.national is None else f"{ntd(n.national)} {n.unit}",
             pct(n.share)] for n in o.national]
        out += [KeepTogether(table(data, [WIDTH * 0.25, WIDTH * 0.25, WIDTH * 0.3, WIDTH * 0.2], font_size=9)),
                para(f"全國數字出處：{o.national_source}" if o.national_source else "全國數字未載入。", "small")]
    out.append(sec.sub("獎勵計畫青年團隊"))
    if not o.teams:
        out.append(para("截至期末尚未登錄青年團隊。"))
    else:
        warned = sum(1 for tm in o.teams if tm.warnings)
        out.append(para(f"登錄 {len(o.teams):,} 隊，獎勵金額合計 {ntd(sum(tm.award for tm in o.teams))} 元；"
                        f"本期輔導 {sum(tm.supports for tm in o.teams):,} 次、訪視 {sum(tm.visits for tm in o.teams):,} 次；"
                        f"{warned:,} 隊有資格提醒。"))
        rows = [[tm.name, f"{tm.programme}（{tm.roc_year}年）", ntd(tm.award), count(tm.members), count(tm.supports),
                 count(tm.visits), "\n".join(tm.warnings) or "—"] for tm in o.teams]
        out.append(PagedTable(["團隊", "獎勵計畫", "獎勵金額", "成員", "本期輔導", "本期訪視", "資格提醒"], rows,
                              [28 * mm, 40 * mm, 20 * mm, 12 * mm, 14 * mm, 14 * mm, WIDTH - 128 * mm],
                              wrap_cols=(0, 1, 6), align_right=(2, 3, 4, 5), font_size=7.8))
    tr = o.training
    out += [sec.sub("培力課程、成果展、媒合會與工作坊"),
            para(f"培力課程 {tr.courses:,} 場、{hours(tr.hours)} 小時、學員 {tr.trainees:,} 人、結訓 {tr.completed:,} 人"
                 f"（結訓率 {pct(tr.completion)}）；成果展 {tr.by_kind.get('showcase', 0):,} 場、媒合會 "
                 f"{tr.by_kind.get('matchmaking', 0):,} 場、工作坊 {tr.by_kind.get('workshop', 0):,} 場。")]
    if o.training_list:
        shown = o.training_list[:SUMMARY_LIST] if summary_only else o.training_list
        rows = [[roc_date(e.day), e.title, EventKind(e.kind).zh, hours(e.hours) if e.hours else "—",
                 count(e.trainees) if e.trainees else "—", count(e.completed) if e.trainees else "—"] for e in shown]
        out.append(PagedTable(["日期", "名稱", "類別", "時數", "學員", "結訓"], rows,
                              [20 * mm, WIDTH - 94 * mm, 20 * mm, 18 * mm, 18 * mm, 18 * mm], wrap_cols=(1,),
                              align_center=(0, 2), align_right=(3, 4, 5),
                              total=["合計", "", "", hours(tr.hours), count(tr.trainees), count(tr.completed)]))
    return out

"""The report's summary (摘要): its items, each named once in both languages.

The workbook's 摘要 sheet and the PDF's 本期摘要 print the Chinese label and unit; the reports page
shows the same rows in the app's language. The items that are headline figures carry their key
(:data:`~counsel_desk.services.figures.figures.HEADLINE_KEYS`): those are the ones the comparisons
(上期, 去年同期, 本年累計) hold.
"""

from __future__ import annotations

from typing import NamedTuple

from counsel_desk.i18n import pick
from counsel_desk.reports.figures_types import ReportFigures
from counsel_desk.services.formatting import ROC_OFFSET

UNIT_EN = {"次": "times", "件": "items", "場": "sessions", "小時": "hours", "人次": "people", "元": "NT$",
           "站": "stations", "人": "people", "個": "jobs"}
HOURS = "小時"
# the unit of each headline figure (HEADLINE_KEYS), in the summary and in the by-center comparison
HEADLINE_UNITS = {"visits_total": "次", "followups_opened": "件", "followups_closed": "件", "followups_overdue": "件",
                  "support_sessions": "場", "support_hours": HOURS, "support_participants": "人次",
                  "proposals_new": "件", "proposals_sent": "件", "proposals_resubmitted": "件",
                  "proposals_approved": "件", "events": "場", "event_participants": "人次"}


class SummaryRow(NamedTuple):
    label: str
    value: int | float
    unit: str
    label_en: str
    key: str | None = None  # the headline figure this row is, where it is one

    def shown_label(self) -> str:
        return pick(self.label, self.label_en)

    def shown_unit(self) -> str:
        return pick(self.unit, UNIT_EN.get(self.unit, self.unit))


def summary_rows(f: ReportFigures) -> list[SummaryRow]:
    """The summary's rows, in the order the report prints them (outcomes and training last)."""
    year = f.funding_roc_year

    def headline(label: str, label_en: str, key: str) -> SummaryRow:
        value = getattr(f, key)
        return SummaryRow(label, float(value) if HEADLINE_UNITS[key] == HOURS else value, HEADLINE_UNITS[key],
                          label_en, key)

    rows = [
        headline("實地訪視", "Site visits", "visits_total"),
        headline("新增追蹤事項", "Follow-ups opened", "followups_opened"),
        headline("結案追蹤事項", "Follow-ups closed", "followups_closed"),
        headline("期末逾期未結追蹤事項", "Follow-ups overdue at period end", "followups_overdue"),
        headline("工作站輔導場次", "Workstation support sessions", "support_sessions"),
        headline("工作站輔導時數", "Workstation support hours", "support_hours"),
        headline("工作站輔導參與人次", "Workstation support participants", "support_participants"),
        SummaryRow("期末提案數", f.proposals_total, "件", "Proposals at period end"),
        headline("本期新增提案", "New proposals", "proposals_new"),
        SummaryRow("本期提案階段異動", len(f.stage_moves), "次", "Proposal stage changes"),
        headline("本期送專案辦公室提案", "Proposals sent to the project office", "proposals_sent"),
        headline("其中再送件（退回修正後）", "of which resubmitted after revision", "proposals_resubmitted"),
        headline("本期核定提案", "Proposals approved", "proposals_approved"),
        SummaryRow(f"申請經費合計（{year}年）", f.funding_requested_total, "元",
                   f"Funding requested ({year + ROC_OFFSET})"),
        headline("交流、學習與推廣活動", "Exchange, learning and promotion events", "events"),
        headline("活動參與人次", "Event participants", "event_participants"),
        SummaryRow("人事費超過上限之工作站", f.budgets_flagged, "站", "Workstations over the personnel cost cap"),
    ]
    o = f.outcomes
    if o is not None:
        rows += [
            SummaryRow("青年留鄉／返鄉（成果紀錄）", o.totals.youth, "人",
                       "Young people who stayed or returned (outcome records)"),
            SummaryRow("就業機會（成果紀錄）", o.totals.of("jobs"), "個", "Jobs (outcome records)"),
            SummaryRow("培力課程", o.training.courses, "場", "Training courses"),
            SummaryRow("培力課程時數", float(o.training.hours), HOURS, "Training hours"),
            SummaryRow("培力課程學員", o.training.trainees, "人", "Trainees"),
        ]
    return rows

"""The seven sections of a business proposal (事業提案) with the guidance a counselor gives for each.

The guidance follows what the plan asks of a proposal — local character (在地性), public benefit
(公共性) and a sound business model (適當商業模式) — and the funding work items of 表 1.
"""

from __future__ import annotations

from dataclasses import dataclass

from counsel_desk.i18n import pick
from counsel_desk.models.enums import SectionKey


@dataclass(frozen=True)
class SectionGuide:
    key: SectionKey
    guidance_zh: str
    guidance_en: str
    suggested_chars: int  # a length below which the section usually says too little

    @property
    def title(self) -> str:
        return self.key.label

    @property
    def guidance(self) -> str:
        return pick(self.guidance_zh, self.guidance_en)


GUIDES: tuple[SectionGuide, ...] = (
    SectionGuide(
        SectionKey.LOCAL_DNA,
        "說明地方的「人、文、地、產、景」特色（地方 DNA），以及人口、產業與空間的現況；"
        "請引用具體數據，例如近十年人口變化、主要產業產值、閒置空間。",
        "Describe the place's people, culture, land, products and landscape (its local DNA) and the current "
        "population, industry and space, with figures such as ten years of population change.",
        300),
    SectionGuide(
        SectionKey.ISSUES,
        "分析地方面臨的課題（如人口外流、產業斷鏈、青年就業不足、公共服務缺口），說明成因，"
        "並指出本提案要回應的是哪幾項。",
        "Analyse the issues the place faces (out-migration, broken supply chains, few jobs for the young, gaps "
        "in public services), their causes, and which of them this proposal answers.",
        200),
    SectionGuide(
        SectionKey.BUSINESS_MODEL,
        "說明事業構想：目標客群、產品或服務、通路、營收來源與成本結構，"
        "以及補助結束後如何自主營運（適當商業模式）。",
        "Describe the business: customers, products or services, channels, revenue and costs, and how it runs "
        "on its own once the subsidy ends (a sound business model).",
        300),
    SectionGuide(
        SectionKey.PUBLIC_BENEFIT,
        "說明事業如何回饋地方：在地雇用、收益回饋、公共服務或空間開放，兼顧公共性與商業性。",
        "Explain how the business gives back: local hiring, sharing of profit, public services or open space — "
        "balancing public benefit and business.",
        150),
    SectionGuide(
        SectionKey.OUTCOMES,
        "列出可衡量的預期效益與 KPI（如新增就業人數、青年留鄉／返鄉人數、營業額、參與人次），"
        "並說明如何衡量與何時達成。",
        "List measurable outcomes and KPIs (new jobs, young people who stay or return, turnover, participants), "
        "how each is measured and by when.",
        150),
    SectionGuide(
        SectionKey.SCHEDULE,
        "依年度列出主要工作項目與期程（以民國年月表示），標示重要里程碑與負責單位。",
        "List the main tasks by year (ROC year and month), with milestones and who is responsible.",
        100),
    SectionGuide(
        SectionKey.BUDGET,
        "說明經費需求與用途，對應表 1 各部會工作項目；並說明自籌款與縣市政府配合款的來源。",
        "Explain the funding needed and what it pays for, per work item of table 1, and where the self-funding "
        "and the county's matching funds come from.",
        150),
)

GUIDE_BY_KEY: dict[str, SectionGuide] = {g.key.value: g for g in GUIDES}


def char_count(text: str | None) -> int:
    """Characters a reader counts (字數): whitespace and line breaks are not counted."""
    return sum(1 for ch in (text or "") if not ch.isspace())

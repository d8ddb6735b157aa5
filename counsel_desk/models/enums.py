"""Coded values of the domain and their zh_TW labels.

Codes are stable ASCII strings stored in the database and the interchange workbook; the labels are
what people read. ``ZH`` / ``EN`` below (also named ``LABELS_ZH`` / ``LABELS_EN``) hold both languages' words. The one way to label a value:
``member.label`` and ``Enum.label_of(code)`` give it in the language in use (``i18n.pick``), which is all
screens need; ``member.zh`` is for what is always written in Chinese (the reports, the workbook).
"""

from __future__ import annotations

from enum import StrEnum

from counsel_desk.i18n import pick


class Labelled(StrEnum):
    """A StrEnum whose members carry a zh_TW and an English label."""

    @classmethod
    def labels_zh(cls) -> dict[str, str]:
        return {m.value: ZH[cls.__name__][m.value] for m in cls}

    @classmethod
    def labels_en(cls) -> dict[str, str]:
        return {m.value: EN[cls.__name__][m.value] for m in cls}

    @property
    def zh(self) -> str:
        return ZH[type(self).__name__][self.value]

    @property
    def en(self) -> str:
        return EN[type(self).__name__][self.value]

    @property
    def label(self) -> str:
        """The label in the language in use (zh_TW or English)."""
        return pick(self.zh, self.en)

    @classmethod
    def label_of(cls, code: str | None) -> str:
        """The label of a stored code in the language in use; an unknown or empty code reads as itself."""
        if not code:
            return ""
        try:
            return cls(code).label
        except ValueError:
            return code

    @classmethod
    def from_label(cls, text: str) -> "Labelled":
        """Accept a code, a zh_TW label, an English label or a label an earlier version wrote."""
        text = (text or "").strip()
        for m in cls:
            if text in (m.value, m.zh, m.en):
                return m
        if text in FORMER_ZH.get(cls.__name__, {}):
            return cls(FORMER_ZH[cls.__name__][text])
        raise ValueError(text)


class CenterCode(Labelled):
    NORTH = "north"
    CENTRAL = "central"
    SOUTH = "south"
    EAST = "east"

    @property
    def full_name(self) -> str:
        """One form of a center's name everywhere (dashboard, PDFs, reports, warnings): 地方創生北區輔導中心."""
        return pick(f"地方創生{self.zh}輔導中心", f"{self.en} Regional Revitalization Counseling Center")

    @property
    def full_name_zh(self) -> str:
        return f"地方創生{self.zh}輔導中心"


class VisitMode(Labelled):
    ONSITE = "onsite"
    PHONE = "phone"
    VIDEO = "video"
    MEETING = "meeting"


class FollowUpStatus(Labelled):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    CLOSED = "closed"
    CANCELLED = "cancelled"


class OrgKind(Labelled):
    TOWNSHIP_OFFICE = "township_office"
    COUNTY_GOVERNMENT = "county_government"
    SHOP = "shop"
    COMPANY = "company"
    SOCIAL_ENTERPRISE = "social_enterprise"
    ASSOCIATION = "association"
    LOCAL_GROUP = "local_group"
    SCHOOL = "school"
    OTHER = "other"


class OperatorKind(Labelled):
    ASSOCIATION = "association"
    COMPANY = "company"


class WorkstationStatus(Labelled):
    APPLYING = "applying"
    ACTIVE = "active"
    EXTENDED = "extended"
    CLOSED = "closed"
    TERMINATED = "terminated"


class Evaluation(Labelled):
    """評鑑 result of a workstation's budget year; only GOOD opens 延續補助."""

    GOOD = "good"
    FAIR = "fair"
    POOR = "poor"


class BudgetCategory(Labelled):
    PERSONNEL = "personnel"
    OPERATIONS = "operations"
    EQUIPMENT = "equipment"
    TRAVEL = "travel"
    OTHER = "other"


class SupportKind(Labelled):
    CONSULTATION = "consultation"
    TRAINING = "training"
    MATCHING = "matching"
    PROPOSAL = "proposal"
    EVENT = "event"
    VISIT = "visit"


class PublicSpaceStatus(Labelled):
    PLANNING = "planning"
    RENOVATING = "renovating"
    OPERATING = "operating"


class EventKind(Labelled):
    EXCHANGE = "exchange"
    LEARNING = "learning"
    PROMOTION = "promotion"
    TRAINING = "training"  # 培力課程: hours, trainees, completion
    SHOWCASE = "showcase"  # 成果展
    MATCHMAKING = "matchmaking"  # 媒合會
    WORKSHOP = "workshop"  # 工作坊


class OutcomeKind(Labelled):
    """成果 kinds: people (youth, jobs, visitors) or money (revenue, matched resources, company money)."""

    YOUTH_STAYED = "youth_stayed"
    YOUTH_RETURNED = "youth_returned"
    JOBS = "jobs"
    VISITORS = "visitors"
    REVENUE = "revenue"
    RESOURCE_MATCHING = "resource_matching"
    CORPORATE_INVESTMENT = "corporate_investment"
    CORPORATE_CSR = "corporate_csr"

    @property
    def is_youth(self) -> bool:
        return self in (OutcomeKind.YOUTH_STAYED, OutcomeKind.YOUTH_RETURNED)


class Route(Labelled):
    EXISTING = "existing"
    MULTI = "multi"


class Stage(Labelled):
    """Stages of both flows of 圖 3 (提案流程 2.0); which follow which depends on the route (stages.py)."""

    IDEA = "idea"
    DRAFTING = "drafting"
    TOWNSHIP_FILED = "township_filed"  # 現行提案流程: 公所提報
    COUNTY_REVIEW = "county_review"  # 現行提案流程: 縣府審查 (the county's checklist)
    CENTER_REVIEW = "center_review"
    SENT = "sent"
    COUNCIL = "council"
    APPROVED = "approved"
    RETURNED = "returned"
    REJECTED = "rejected"


class CountyCheckItem(Labelled):
    """What the county government settles (圖 3: 確認及協助處理土地使用、環保、補助款核撥、配合款編列、公有空間提供)."""

    LAND_USE = "land_use"
    ENVIRONMENT = "environment"
    SUBSIDY_PAYMENT = "subsidy_payment"
    MATCHING_FUNDS = "matching_funds"
    PUBLIC_SPACE = "public_space"


class CheckStatus(Labelled):
    PENDING = "pending"
    SETTLED = "settled"
    ISSUE = "issue"
    NOT_APPLICABLE = "not_applicable"


class SectionKey(Labelled):
    LOCAL_DNA = "local_dna"
    ISSUES = "issues"
    BUSINESS_MODEL = "business_model"
    PUBLIC_BENEFIT = "public_benefit"
    OUTCOMES = "outcomes"
    SCHEDULE = "schedule"
    BUDGET = "budget"


class Criterion(Labelled):
    LOCALITY = "locality"
    PUBLIC = "public"
    BUSINESS = "business"


class TargetMetric(Labelled):
    VISITS = "visits"
    SUPPORT_SESSIONS = "support_sessions"
    SUPPORT_HOURS = "support_hours"
    EVENTS = "events"
    EVENT_PARTICIPANTS = "event_participants"
    PROPOSALS_SENT = "proposals_sent"
    PROPOSALS_APPROVED = "proposals_approved"
    YOUTH_STAYED_RETURNED = "youth_stayed_returned"


class TownshipStatus(Labelled):
    """盤點: where a township stands, from nothing yet to an approved plan (services/places/stocktaking.py)."""

    NOT_STARTED = "not_started"
    CONTACT = "contact"
    COUNSELING = "counseling"
    WRITING = "writing"
    FILED = "filed"
    APPROVED = "approved"


ZH: dict[str, dict[str, str]] = {
    "CenterCode": {"north": "北區", "central": "中區", "south": "南區", "east": "東區"},
    "VisitMode": {"onsite": "實地", "phone": "電話", "video": "視訊", "meeting": "會議"},
    "FollowUpStatus": {"open": "待辦", "in_progress": "處理中", "closed": "已結案", "cancelled": "已取消"},
    "OrgKind": {
        "township_office": "鄉鎮市區公所", "county_government": "縣市政府", "shop": "商號",
        "company": "公司", "social_enterprise": "社會企業", "association": "社團法人",
        "local_group": "地方團體", "school": "學校", "other": "其他",
    },
    "OperatorKind": {"association": "社團法人", "company": "公司行號/商號"},
    "WorkstationStatus": {
        "applying": "申請中", "active": "執行中", "extended": "延續補助", "closed": "結案", "terminated": "終止",
    },
    "Evaluation": {"good": "績效良好", "fair": "尚可", "poor": "待改善"},
    "BudgetCategory": {
        "personnel": "人事費", "operations": "業務費", "equipment": "設備費", "travel": "差旅費", "other": "其他",
    },
    "SupportKind": {
        "consultation": "諮詢", "training": "培訓課程", "matching": "資源媒合", "proposal": "提案輔導",
        "event": "活動", "visit": "訪視",
    },
    "PublicSpaceStatus": {"planning": "規劃", "renovating": "整修中", "operating": "營運中"},
    "EventKind": {"exchange": "交流", "learning": "學習", "promotion": "推廣", "training": "培力課程",
                  "showcase": "成果展", "matchmaking": "媒合會", "workshop": "工作坊"},
    "OutcomeKind": {
        "youth_stayed": "青年留鄉", "youth_returned": "青年返鄉", "jobs": "就業機會", "visitors": "觀光人次",
        "revenue": "營收", "resource_matching": "跨部會資源媒合", "corporate_investment": "企業投資",
        "corporate_csr": "企業社會責任",
    },
    "Route": {"existing": "現行提案流程", "multi": "多元徵案"},
    "Stage": {
        "idea": "構想", "drafting": "撰寫中", "township_filed": "公所提報", "county_review": "縣府審查",
        "center_review": "分區輔導中心審閱", "sent": "送專案辦公室", "council": "會報工作會議審議", "approved": "通過",
        "returned": "退回修正", "rejected": "未通過",
    },
    "CountyCheckItem": {
        "land_use": "土地使用", "environment": "環保", "subsidy_payment": "補助款核撥", "matching_funds": "配合款編列",
        "public_space": "公有空間提供",
    },
    "CheckStatus": {"pending": "待確認", "settled": "已確認", "issue": "待處理問題", "not_applicable": "不適用"},
    "SectionKey": {
        "local_dna": "地方 DNA 與現況", "issues": "課題分析", "business_model": "事業構想與商業模式",
        "public_benefit": "公共性與公益回饋", "outcomes": "預期效益與 KPI", "schedule": "執行期程",
        "budget": "經費需求",
    },
    "Criterion": {"locality": "在地性", "public": "公共性", "business": "商業模式"},
    "TargetMetric": {
        "visits": "實地訪視次數", "support_sessions": "工作站輔導場次", "support_hours": "工作站輔導時數",
        "events": "交流活動場次", "event_participants": "活動參與人次", "proposals_sent": "送專案辦公室提案數",
        "proposals_approved": "核定提案數", "youth_stayed_returned": "青年留鄉/返鄉人數",
    },
    "TownshipStatus": {
        "not_started": "未啟動", "contact": "接觸中", "counseling": "輔導中", "writing": "計畫撰寫中",
        "filed": "已提報", "approved": "已核定",
    },
}

# Labels earlier versions wrote (workbooks and snapshots keep them): still read, never written.
FORMER_ZH: dict[str, dict[str, str]] = {
    "Route": {"現行": "existing"},
    "Stage": {"分區中心審閱": "center_review", "會報審議": "council"},
    "WorkstationStatus": {"展延": "extended"},
}

EN: dict[str, dict[str, str]] = {
    "CenterCode": {"north": "North", "central": "Central", "south": "South", "east": "East"},
    "VisitMode": {"onsite": "On site", "phone": "Phone", "video": "Video", "meeting": "Meeting"},
    "FollowUpStatus": {"open": "Open", "in_progress": "In progress", "closed": "Closed", "cancelled": "Cancelled"},
    "OrgKind": {
        "township_office": "Township office", "county_government": "County government", "shop": "Shop",
        "company": "Company", "social_enterprise": "Social enterprise", "association": "Association",
        "local_group": "Local group", "school": "School", "other": "Other",
    },
    "OperatorKind": {"association": "Association", "company": "Company / shop"},
    "WorkstationStatus": {
        "applying": "Applying", "active": "Active", "extended": "Extended", "closed": "Closed",
        "terminated": "Terminated",
    },
    "Evaluation": {"good": "Good", "fair": "Fair", "poor": "Poor"},
    "BudgetCategory": {
        "personnel": "Personnel", "operations": "Operations", "equipment": "Equipment", "travel": "Travel",
        "other": "Other",
    },
    "SupportKind": {
        "consultation": "Consultation", "training": "Training", "matching": "Resource matching",
        "proposal": "Proposal coaching", "event": "Event", "visit": "Visit",
    },
    "PublicSpaceStatus": {"planning": "Planning", "renovating": "Renovating", "operating": "Operating"},
    "EventKind": {"exchange": "Exchange", "learning": "Learning", "promotion": "Promotion",
                  "training": "Training course", "showcase": "Showcase", "matchmaking": "Matchmaking fair",
                  "workshop": "Workshop"},
    "OutcomeKind": {
        "youth_stayed": "Youth stayed", "youth_returned": "Youth returned", "jobs": "Jobs", "visitors": "Visitors",
        "revenue": "Revenue", "resource_matching": "Resources matched", "corporate_investment": "Company investment",
        "corporate_csr": "Company CSR",
    },
    "Route": {"existing": "Existing route", "multi": "Multi-channel"},
    "Stage": {
        "idea": "Idea", "drafting": "Drafting", "township_filed": "Filed by township", "county_review": "County review",
        "center_review": "Center review", "sent": "Sent to office", "council": "Council working meeting",
        "approved": "Approved", "returned": "Returned", "rejected": "Rejected",
    },
    "CountyCheckItem": {
        "land_use": "Land use", "environment": "Environment", "subsidy_payment": "Subsidy payment",
        "matching_funds": "Matching funds", "public_space": "Public space",
    },
    "CheckStatus": {"pending": "Pending", "settled": "Settled", "issue": "Issue open", "not_applicable": "N/A"},
    "SectionKey": {
        "local_dna": "Local DNA and situation", "issues": "Issue analysis",
        "business_model": "Business idea and model", "public_benefit": "Public benefit",
        "outcomes": "Expected outcomes and KPIs", "schedule": "Schedule", "budget": "Budget needs",
    },
    "Criterion": {"locality": "Locality", "public": "Public benefit", "business": "Business model"},
    "TargetMetric": {
        "visits": "Site visits", "support_sessions": "Support sessions", "support_hours": "Support hours",
        "events": "Events", "event_participants": "Event participants", "proposals_sent": "Proposals sent",
        "proposals_approved": "Proposals approved", "youth_stayed_returned": "Youth stayed/returned",
    },
    "TownshipStatus": {
        "not_started": "Not started", "contact": "In contact", "counseling": "Being counseled",
        "writing": "Plan being written", "filed": "Filed", "approved": "Approved",
    },
}

LABELS_ZH = ZH
LABELS_EN = EN

# Stage order for boards and reports: the existing route's 公所提報 and 縣府審查 sit beside the
# multi-channel route's 分區輔導中心審閱 and 送專案辦公室; RETURNED goes back to DRAFTING.
STAGE_ORDER = [Stage.IDEA, Stage.DRAFTING, Stage.TOWNSHIP_FILED, Stage.COUNTY_REVIEW, Stage.CENTER_REVIEW, Stage.SENT,
               Stage.COUNCIL, Stage.APPROVED, Stage.RETURNED, Stage.REJECTED]

# Outcome kinds counted in people (人數、人次、就業機會); the others are amounts in NT$.
PEOPLE_OUTCOMES = frozenset({OutcomeKind.YOUTH_STAYED, OutcomeKind.YOUTH_RETURNED, OutcomeKind.JOBS,
                             OutcomeKind.VISITORS})

"""The interchange workbook, format v11: its sheets, stable column keys, zh_TW titles, types and rules.

This module is the format's single definition; ``docs/interchange-format.md`` describes it for the
project office's staff and a test checks that every column of every synced table is covered here,
so a schema change can't silently drop a field from the exchange.

Layout of a data sheet: row 1 holds the stable column keys (hidden in Excel), row 2 the zh_TW
titles (frozen), data from row 3. The sheet's tab name is its zh_TW title; the meta sheet lists
``key → tab`` as well. Link tables (visit_counselor, …) travel inside their owner's row as
``;``-separated ids, so the owner's ``version`` covers them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Optional

from counsel_desk.models import enums
from counsel_desk.services.days import DAYS_AHEAD_ALLOWED, EARLIEST

FORMAT_NAME = "counsel_desk-interchange"
FORMAT_VERSION = 13  # v2: budget dates (核定日, 撥款日, 核銷日) and the key-visit flag (重點); v3: the programme
# definitions (計畫定義); v4: the two proposal flows — county checklist, council decisions (會報工作會議);
# v5: the audit log's end in meta; v6: outcomes as dated records (成果紀錄), youth teams (青年團隊) and their
# members, the training figures of events — and the workstation's two youth counters gone
# v7: township stocktaking — 推動課題, their tags on visits and townships, dated township status notes
# v8: the public space's status days (整修開始日, 營運開始日)
# v9: workstations by the rules' year — each budget year's full-time staff, 延續補助 and 評鑑, the station's
# eligibility facts, a public space's year approved; a plan's county checklist (縣府審查)
# v10: a youth-team member's name and birth year are personal data (masked; a masked number cell holds the
# mask's text too) and a member can be erased (個資刪除時間)
# v11: support given directly to a youth team has no workstation (linked to the team in the team's row);
# an event's township (鄉鎮市區), for the 原住民族地區 filter and breakdown
# v12: the manager's report notes (月報工作重點: 本月／下月工作重點, 待協助事項), per center and period
# v13: the center → county split headquarters set (分區縣市調整) and when, in meta: the later one is taken
OLDEST_READABLE_VERSION = 1  # older files are upgraded step by step (see reader.UPGRADES)

META_SHEET = "檔案資訊"
META_SHEET_KEY = "meta"
LONG_TEXT_SHEET = "長文字"
LONG_TEXT_SHEET_KEY = "long_texts"
# The programme files (計畫定義檔, docs/programme.md) the exporting database uses: one row each with
# code, version, name and the file's JSON text (split over columns past CELL_TEXT_LIMIT). The
# importing database keeps a file only when its version is newer than its own (never a downgrade).
PROGRAMME_SHEET = "計畫定義"
PROGRAMME_SHEET_KEY = "programmes"
PROGRAMME_COLUMNS = ("code", "version", "name", "body")
KEY_ROW = 1
TITLE_ROW = 2
FIRST_DATA_ROW = 3

# The services' own limits, which the import applies too: a visit's day from services/days.py (a small module:
# the services' packages themselves would double the import's start-up time); the scores kept equal by
# tests/unit/test_sync_format.py
EARLIEST_VISIT, DAYS_AHEAD_ALLOWED = EARLIEST, DAYS_AHEAD_ALLOWED
SCORE_MIN, SCORE_MAX = 1, 5  # services/proposals/coaching.py

MASK = "（已遮蔽）"  # what a masked personal cell holds; on import it means "not sent", never a value
CELL_TEXT_LIMIT = 30_000  # Excel holds 32,767 characters a cell; longer text continues in the long_texts sheet
EXCEL_INT_LIMIT = 10 ** 15  # Excel keeps 15 significant digits: larger integers travel as text


class Kind(str, Enum):
    """How a column's cells are written and read."""

    ID = "id"  # UUID of the row's record
    TEXT = "text"
    INT = "int"
    MONEY = "money"  # NT$, whole dollars, shown #,##0
    FLOAT = "float"
    BOOL = "bool"  # 是 / 否
    DATE = "date"  # an Excel date (yyyy-mm-dd); text YYYY-MM-DD outside Excel's range
    DATETIME = "datetime"  # text "YYYY-MM-DD HH:MM:SS.ffffff", UTC (exact, sorts as text)
    ENUM = "enum"  # the zh_TW label is written; the code or either label is read
    REF = "ref"  # id of a record in another sheet (or already in the database)
    IDS = "ids"  # ;-separated ids of records in another sheet (a link table)
    CENTER = "center"  # 北區/中區/南區/東區 (code north/central/south/east read too)
    COUNTY = "county"  # MOI county code, e.g. 63000
    TOWNSHIP = "township"  # MOI town code, e.g. 63000050
    WORK_ITEM = "work_item"  # code of a funding work item of 表 1
    CLOCK = "clock"  # version vector "device:counter;…"
    DERIVED = "derived"  # written for people to read (e.g. the township's name); ignored on import


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # zh_TW title shown in row 2
    kind: Kind
    required: bool = False
    max_len: Optional[int] = None
    enum: Optional[type] = None  # a models.enums.Labelled
    ref: Optional[str] = None  # sheet key a REF/IDS column points to
    personal: bool = False  # 個人資料: masked on export unless the user unmasks
    link: Optional[tuple[str, str, str]] = None  # IDS: (link table, owner column, target column)
    derived_from: Optional[str] = None  # DERIVED: the code column it names
    width: Optional[int] = None
    # What the services allow (a workbook from a valid database always passes; the reader refuses the rest):
    low: Optional[int] = None  # INT/MONEY: the smallest value (0: a count or amount is never negative)
    high: Optional[int] = None  # INT/MONEY: the largest value
    earliest: Optional[date] = None  # DATE: the earliest day
    days_ahead: Optional[int] = None  # DATE: at most this many days after today

    @property
    def content(self) -> bool:
        """Part of the record's content (hashed and merged), as opposed to sync bookkeeping."""
        return self.key not in META_KEYS and self.kind not in (Kind.ID, Kind.DERIVED, Kind.CLOCK)


@dataclass(frozen=True)
class RowRule:
    """A rule between a row's columns, as its service checks it: ``bad`` is an SQL condition over the staged
    row (storage form) that holds when the row breaks it; the problem is reported at ``column``."""

    column: str
    bad: str
    zh: str
    en: str


@dataclass(frozen=True)
class Sheet:
    key: str  # stable key, e.g. "visits"
    table: str  # database table
    title: str  # zh_TW tab name
    columns: tuple[Column, ...]
    search: tuple[str, ...] = ()  # columns whose text feeds the search index (entity = table)
    unique: tuple[tuple[str, ...], ...] = ()  # unique keys besides id (as in the schema)
    rules: tuple[RowRule, ...] = ()  # rules between columns (checks.py runs them over the staged batch)
    masked_note: str = ""
    by_key: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self.by_key.update({c.key: c for c in self.columns})

    def column(self, key: str) -> Column:
        return self.by_key[key]

    @property
    def content_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.content)

    @property
    def db_columns(self) -> tuple[Column, ...]:
        """Columns stored in the sheet's own table (links and derived names live elsewhere)."""
        return tuple(c for c in self.columns if c.kind not in (Kind.IDS, Kind.DERIVED, Kind.CLOCK))

    @property
    def link_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.kind is Kind.IDS)

    @property
    def personal_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.personal)


# --- building blocks ---------------------------------------------------------------------------

def text(key: str, title: str, *, required: bool = False, max_len: int | None = None, personal: bool = False,
         width: int | None = None) -> Column:
    return Column(key, title, Kind.TEXT, required=required, max_len=max_len, personal=personal,
                  width=width or (14 if max_len and max_len <= 64 else 30))


def enum(key: str, title: str, cls: type, *, required: bool = True) -> Column:
    return Column(key, title, Kind.ENUM, required=required, enum=cls, width=12)


def ref(key: str, title: str, sheet: str, *, required: bool = False) -> Column:
    return Column(key, title, Kind.REF, required=required, ref=sheet, width=38)


def ids(key: str, title: str, sheet: str, link: tuple[str, str, str]) -> Column:
    return Column(key, title, Kind.IDS, ref=sheet, link=link, width=38)


def num(key: str, title: str, kind: Kind = Kind.INT, *, required: bool = True, personal: bool = False,
        low: int | None = None, high: int | None = None) -> Column:
    return Column(key, title, kind, required=required, personal=personal, width=14 if kind is Kind.MONEY else 10,
                  low=low, high=high)


def day(key: str, title: str, *, required: bool = False, earliest: date | None = None,
        days_ahead: int | None = None) -> Column:
    return Column(key, title, Kind.DATE, required=required, width=12, earliest=earliest, days_ahead=days_ahead)


def moment(key: str, title: str, *, required: bool = False) -> Column:
    return Column(key, title, Kind.DATETIME, required=required, width=26)


def center() -> Column:
    return Column("center_code", "分區中心", Kind.CENTER, required=True, width=8)


def place(required: bool = True, township: bool = True) -> tuple[Column, ...]:
    """County and township codes, each followed by its name for people to read."""
    cols = [Column("county_code", "縣市代碼", Kind.COUNTY, required=required, width=8),
            Column("county_name", "縣市", Kind.DERIVED, derived_from="county_code", width=8)]
    if township:
        cols += [Column("township_code", "鄉鎮市區代碼", Kind.TOWNSHIP, required=required, width=10),
                 Column("township_name", "鄉鎮市區", Kind.DERIVED, derived_from="township_code", width=8)]
    return tuple(cols)


ID = Column("id", "識別碼", Kind.ID, required=True, width=38)
META = (
    moment("created_at", "建立時間（UTC）", required=True),
    moment("updated_at", "最後修改時間（UTC）", required=True),
    Column("updated_by", "最後修改者", Kind.TEXT, max_len=120, width=12),
    Column("version", "版本", Kind.INT, required=True, width=6),
    moment("deleted_at", "刪除時間（UTC；空白＝未刪除）"),
    Column("sync_versions", "同步版本向量", Kind.CLOCK, width=24),
)
META_KEYS = frozenset({"created_at", "updated_at", "updated_by", "version", "sync_versions"})


def sheet(key: str, table: str, title: str, *cols: Column | tuple[Column, ...], search: tuple[str, ...] = (),
          unique: tuple[tuple[str, ...], ...] = (), rules: tuple[RowRule, ...] = ()) -> Sheet:
    flat: list[Column] = [ID]
    for c in cols:
        flat.extend(c if isinstance(c, tuple) else (c,))
    # deleted_at is content (a deletion is a change); the other stamps are bookkeeping.
    return Sheet(key, table, title, tuple(flat) + META, search=search, unique=unique, rules=rules)


def _no_more_than_team(key: str, zh: str, en: str) -> RowRule:
    """services/workstations/workstations.py: staff and young partners are counted within the team."""
    return RowRule(key, f"team_size > 0 AND {key} > team_size", f"{zh}多於團隊人數", f"{en} cannot outnumber the team")


E = enums
SHEETS: tuple[Sheet, ...] = (
    sheet("counselors", "counselor", "輔導員",
          center(), text("name", "姓名", required=True, max_len=64),
          text("email", "電子郵件", max_len=128, personal=True), text("phone", "電話", max_len=32, personal=True),
          Column("active", "在職", Kind.BOOL, required=True, width=6)),
    sheet("organizations", "organization", "單位",
          text("name", "名稱", required=True, max_len=128, width=24), enum("kind", "類型", E.OrgKind),
          place(required=False), text("address", "地址", max_len=256), text("phone", "電話", max_len=32),
          text("email", "電子郵件", max_len=128), text("notes", "備註"),
          search=("name", "address", "notes")),
    sheet("contacts", "contact", "聯絡人",
          ref("organization_id", "所屬單位", "organizations"), text("name", "姓名", required=True, max_len=64),
          text("title", "職稱", max_len=64), text("phone", "電話", max_len=32, personal=True),
          text("email", "電子郵件", max_len=128, personal=True), text("personal_notes", "個人備註", personal=True),
          moment("erased_at", "個資刪除時間（UTC）")),
    sheet("workstations", "workstation", "青年培力工作站",
          center(), text("name", "名稱", required=True, max_len=128, width=24),
          text("operator_name", "營運單位", max_len=128), enum("operator_kind", "營運單位類型", E.OperatorKind),
          ref("organization_id", "營運單位（單位）", "organizations"), text("host_name", "駐點負責人", max_len=64),
          num("team_size", "團隊人數", low=0), num("fulltime_staff", "專職人數", low=0),
          num("host_age", "駐點負責人年齡", required=False, low=0),
          num("host_years_on_site", "在地蹲點年數", required=False, low=0),
          num("young_partners", "20–45 歲夥伴人數", required=False, low=0), place(),
          num("year_approved", "核定年度（民國）"), day("term_start", "執行起日"), day("term_end", "執行迄日"),
          enum("status", "狀態", E.WorkstationStatus), text("notes", "備註"),
          ids("contact_ids", "聯絡人識別碼", "contacts", ("workstation_contact", "workstation_id", "contact_id")),
          search=("name", "operator_name", "notes"),
          rules=(RowRule("term_end", "term_end < term_start", "期程結束日早於開始日", "the term ends before it starts"),
                 _no_more_than_team("fulltime_staff", "專職人數", "full-time staff"),
                 _no_more_than_team("young_partners", "20–45 歲夥伴人數", "partners aged 20–45"))),
    sheet("budgets", "workstation_budget", "工作站年度經費",
          ref("workstation_id", "工作站", "workstations", required=True), num("roc_year", "年度（民國）"),
          num("approved_subsidy", "核定補助（元）", Kind.MONEY, low=0), day("approved_on", "核定日"),
          num("fulltime_staff", "該年度專職人數", required=False, low=0),
          Column("extension", "延續補助", Kind.BOOL, required=True, width=6),
          enum("evaluation", "評鑑結果", E.Evaluation, required=False), day("evaluated_on", "評鑑日期"),
          text("evaluation_note", "評鑑說明"),
          unique=(("workstation_id", "roc_year"),)),
    sheet("budget_lines", "budget_line", "工作站經費明細",
          ref("budget_id", "年度經費", "budgets", required=True), enum("category", "科目", E.BudgetCategory),
          num("planned", "編列（元）", Kind.MONEY), num("disbursed", "撥款（元）", Kind.MONEY),
          num("reimbursed", "核銷（元）", Kind.MONEY), day("disbursed_on", "撥款日"), day("reimbursed_on", "核銷日")),
    sheet("public_spaces", "public_space", "公有空間",
          center(), text("name", "名稱", required=True, max_len=128, width=24), text("address", "地址", max_len=256),
          text("owning_agency", "管理機關", max_len=128), place(), num("subsidy", "補助（元）", Kind.MONEY),
          num("year_approved", "核定年度（民國）", required=False),
          enum("status", "狀態", E.PublicSpaceStatus), day("renovating_since", "整修開始日"),
          day("operating_since", "營運開始日"), text("operating_team", "營運團隊", max_len=128),
          text("notes", "備註"),
          search=("name", "address", "owning_agency", "operating_team", "notes")),
    sheet("issue_topics", "issue_topic", "推動課題",
          text("code", "代碼", required=True, max_len=16), text("name", "課題", required=True, max_len=64),
          text("name_en", "課題（英文）", max_len=128), Column("active", "使用中", Kind.BOOL, required=True, width=6),
          num("sort_order", "排序"),
          unique=(("code",),)),
    sheet("visits", "site_visit", "實地訪視",
          center(), day("visit_date", "訪視日期", required=True, earliest=EARLIEST_VISIT, days_ahead=DAYS_AHEAD_ALLOWED),
          place(),
          ref("organization_id", "受訪單位", "organizations"), ref("workstation_id", "工作站", "workstations"),
          ref("public_space_id", "公有空間", "public_spaces"), text("visited_name", "受訪者", max_len=128),
          enum("mode", "方式", E.VisitMode), text("purpose", "目的"), text("findings", "訪視發現"),
          text("issues", "課題"), text("advice", "輔導建議"), text("notes", "備註"),
          Column("key_visit", "重點", Kind.BOOL, required=True, width=6),
          ids("counselor_ids", "輔導員識別碼", "counselors", ("visit_counselor", "visit_id", "counselor_id")),
          ids("contact_ids", "聯絡人識別碼", "contacts", ("visit_contact", "visit_id", "contact_id")),
          ids("issue_topic_ids", "推動課題識別碼", "issue_topics", ("visit_issue_topic", "visit_id", "topic_id")),
          search=("visited_name", "purpose", "findings", "issues", "advice", "notes")),
    sheet("township_issues", "township_issue", "鄉鎮推動課題",
          center(), place(), ref("topic_id", "推動課題", "issue_topics", required=True),
          day("noted_on", "記錄日期", required=True), text("note", "說明"),
          unique=(("center_code", "township_code", "topic_id"),)),
    sheet("township_status_notes", "township_status_note", "鄉鎮盤點狀態紀錄",
          center(), place(), enum("status", "狀態（空白＝依計畫與提案推算）", E.TownshipStatus, required=False),
          day("noted_on", "記錄日期", required=True), text("note", "說明")),
    sheet("followups", "followup", "追蹤事項",
          ref("visit_id", "訪視", "visits", required=True), text("description", "事項", required=True),
          text("owner", "負責人", max_len=64), day("due_date", "預定完成日"),
          enum("status", "狀態", E.FollowUpStatus), day("followup_date", "追蹤日期"), text("result", "辦理結果"),
          search=("description", "owner", "result"),
          # services/visits/followups.py followup_problems: closing needs the day followed up and the result
          rules=(RowRule("followup_date", "status = 'closed' AND followup_date IS NULL",
                         "結案必須填寫追蹤日期", "closing needs the date it was followed up"),
                 RowRule("result", "status = 'closed' AND (result IS NULL OR trim(result) = '')",
                         "結案必須填寫辦理結果", "closing needs the result"))),
    sheet("plans", "plan", "地方創生計畫",
          center(), text("title", "計畫名稱", required=True, max_len=200, width=30),
          ref("organization_id", "提案單位", "organizations"), place(),
          ref("counselor_id", "輔導員", "counselors"), enum("stage", "階段", E.Stage), text("notes", "備註"),
          num("council_meeting", "通過之會報工作會議（第幾次）", required=False), day("council_date", "會議日期")),
    sheet("proposals", "proposal", "事業提案",
          center(), ref("plan_id", "所屬計畫", "plans"), text("title", "提案名稱", required=True, max_len=200, width=30),
          enum("applicant_type", "提案者類型", E.OrgKind), ref("organization_id", "提案單位", "organizations"),
          place(), enum("route", "提案途徑", E.Route), ref("workstation_id", "協助工作站", "workstations"),
          ref("counselor_id", "輔導員", "counselors"), ref("public_space_id", "公有空間", "public_spaces"),
          enum("stage", "階段", E.Stage), moment("stage_changed_at", "階段變更時間（UTC）", required=True),
          num("self_funding", "自籌款（元）", Kind.MONEY), num("matching_funds", "配合款（元）", Kind.MONEY),
          num("council_meeting", "通過之會報工作會議（第幾次）", required=False), day("council_date", "會議日期"),
          ids("contact_ids", "聯絡人識別碼", "contacts", ("proposal_contact", "proposal_id", "contact_id")),
          search=("title",)),
    sheet("proposal_sections", "proposal_section", "提案內容",
          ref("proposal_id", "提案", "proposals", required=True), enum("section_key", "章節", E.SectionKey),
          text("body", "內容", width=60),
          unique=(("proposal_id", "section_key"),)),
    sheet("funding_lines", "funding_line", "提案經費需求",
          ref("proposal_id", "提案", "proposals", required=True),
          Column("work_item_code", "工作項目代碼", Kind.WORK_ITEM, required=True, width=10),
          num("roc_year", "年度（民國）"), num("amount", "金額（元）", Kind.MONEY)),
    sheet("proposal_scores", "proposal_score", "提案評分",
          ref("proposal_id", "提案", "proposals", required=True), enum("criterion", "構面", E.Criterion),
          num("score", "分數（1–5）", low=SCORE_MIN, high=SCORE_MAX), text("comment", "評語"),
          unique=(("proposal_id", "criterion"),)),
    sheet("stage_changes", "stage_change", "提案階段紀錄",
          ref("proposal_id", "提案", "proposals"), ref("plan_id", "計畫", "plans"),
          enum("from_stage", "原階段", E.Stage, required=False), enum("to_stage", "新階段", E.Stage),
          text("comment", "說明"), moment("changed_at", "變更時間（UTC）", required=True),
          text("snapshot_json", "當時草稿（JSON）", width=40)),
    sheet("county_checks", "county_check", "縣府審查項目",
          ref("proposal_id", "提案", "proposals"), ref("plan_id", "計畫", "plans"),
          enum("item", "審查項目", E.CountyCheckItem),
          enum("status", "狀態", E.CheckStatus), day("checked_on", "確認日期"), text("note", "說明"),
          unique=(("proposal_id", "item"), ("plan_id", "item"))),
    sheet("approved_amounts", "approved_amount", "會報核定金額",
          ref("proposal_id", "提案", "proposals"), ref("plan_id", "計畫", "plans"),
          text("agency", "部會", required=True, max_len=64), num("amount", "核定金額（元）", Kind.MONEY)),
    sheet("proposal_comments", "proposal_comment", "提案輔導意見",
          ref("proposal_id", "提案", "proposals", required=True), text("author", "撰寫者", max_len=64),
          text("body", "內容", width=60)),
    sheet("support_records", "support_record", "輔導紀錄",
          center(), ref("workstation_id", "工作站（空白＝直接輔導青年團隊）", "workstations"),
          day("support_date", "日期", required=True), enum("kind", "類型", E.SupportKind),
          num("hours", "時數", Kind.FLOAT), num("participants", "參與人數", low=0), text("topics", "主題"),
          text("outcome", "成果"), ref("visit_id", "訪視", "visits"), ref("proposal_id", "提案", "proposals"),
          ids("counselor_ids", "輔導員識別碼", "counselors", ("support_counselor", "support_id", "counselor_id")),
          search=("topics", "outcome")),
    sheet("events", "center_event", "中心活動",
          center(), day("event_date", "日期", required=True), text("title", "活動名稱", required=True, max_len=128),
          text("place", "地點", max_len=128), place(required=False),
          enum("kind", "類型", E.EventKind), text("partners", "合作單位"), num("participants", "參與人次", low=0),
          text("record", "紀錄"), num("hours", "課程時數", Kind.FLOAT), num("trainees", "學員人數", low=0),
          num("completed", "結訓人數", low=0),
          search=("title", "place", "partners", "record"),
          # services/workstations/events.py
          rules=(RowRule("completed", "completed > trainees", "結訓人數多於學員人數", "more trainees completed than enrolled"),)),
    sheet("yearly_targets", "yearly_target", "績效指標",
          center(), num("year", "年度（西元）"), enum("metric", "指標", E.TargetMetric),
          num("target", "目標值", Kind.FLOAT),
          unique=(("center_code", "year", "metric"),)),
    # reports/narrative.py: at most 4,000 characters a section; one record per center and period
    sheet("report_narratives", "report_narrative", "月報工作重點",
          center(), day("period_start", "報告期間起日", required=True), day("period_end", "報告期間迄日", required=True),
          text("this_month", "本期工作重點", max_len=4000, width=40),
          text("next_month", "下期工作重點", max_len=4000, width=40),
          text("help_needed", "待協助事項", max_len=4000, width=40),
          unique=(("center_code", "period_start", "period_end"),),
          rules=(RowRule("period_end", "period_end < period_start", "報告期間迄日早於起日",
                         "the period ends before it starts"),)),
    sheet("youth_teams", "youth_team", "青年團隊",
          center(), text("name", "團隊名稱", required=True, max_len=128, width=24),
          text("programme", "獎勵計畫", required=True, max_len=200, width=28), num("roc_year", "年度（民國）"),
          num("award", "獎勵金額（元）", Kind.MONEY), text("themes", "主題"), place(required=False),
          ref("workstation_id", "輔導工作站", "workstations"), text("notes", "備註"),
          ids("visit_ids", "訪視識別碼", "visits", ("youth_team_visit", "team_id", "visit_id")),
          ids("support_ids", "輔導紀錄識別碼", "support_records", ("youth_team_support", "team_id", "support_id")),
          search=("name", "programme", "themes", "notes")),
    sheet("youth_team_members", "youth_team_member", "青年團隊成員",
          ref("team_id", "青年團隊", "youth_teams", required=True),
          text("name", "姓名", required=True, max_len=64, personal=True),
          num("birth_year", "出生年（西元）", required=False, personal=True), text("role", "角色", max_len=64),
          moment("erased_at", "個資刪除時間（UTC）")),
    sheet("outcomes", "outcome", "成果紀錄",
          center(), day("outcome_date", "日期", required=True), enum("kind", "成果類別", E.OutcomeKind),
          num("people", "人數／人次"), num("amount", "金額（元）", Kind.MONEY),
          Column("registered", "設籍", Kind.BOOL, width=6), text("agency", "部會", max_len=128),
          text("programme", "計畫", max_len=200), text("company", "企業", max_len=128),
          ref("workstation_id", "工作站", "workstations"), ref("proposal_id", "提案", "proposals"),
          ref("youth_team_id", "青年團隊", "youth_teams"), place(required=False), text("note", "說明"),
          search=("note", "agency", "programme", "company")),
    sheet("attachments", "attachment", "附件",
          Column("owner_type", "所屬資料類型", Kind.TEXT, required=True, max_len=32, width=14),
          Column("owner_id", "所屬資料識別碼", Kind.TEXT, required=True, max_len=36, width=38),
          text("filename", "檔名", required=True, max_len=255, width=24),
          Column("sha256", "SHA-256", Kind.TEXT, required=True, max_len=64, width=20),
          num("size_bytes", "大小（位元組）"), text("media_type", "檔案類型", max_len=128)),
)

BY_KEY: dict[str, Sheet] = {s.key: s for s in SHEETS}
# Sheets added after v1: a file written before the version named here has none, and that is no problem.
SHEET_SINCE: dict[str, int] = {"county_checks": 4, "approved_amounts": 4, "youth_teams": 6, "youth_team_members": 6,
                               "outcomes": 6, "issue_topics": 7, "township_issues": 7, "township_status_notes": 7,
                               "report_narratives": 12}
BY_TABLE: dict[str, Sheet] = {s.table: s for s in SHEETS}
# An attachment's owner_type names a table; these are the ones that can own files.
ATTACHMENT_OWNERS = ("site_visit", "center_event", "proposal", "workstation", "support_record", "public_space",
                     "plan", "followup", "organization")

# Personal data masked by default on export (個人資料): contact phone, e-mail and personal notes,
# counselor phone and e-mail, a youth-team member's name and birth year. Any kind of column can be
# personal: masked, its cell holds MASK (a number column too), which the reader takes as "not sent".
PERSONAL = {s.key: tuple(c.key for c in s.personal_columns) for s in SHEETS if s.personal_columns}

BOOL_TRUE = ("是", "TRUE", "True", "true", "1", "Y", "y", "yes")
BOOL_FALSE = ("否", "FALSE", "False", "false", "0", "N", "n", "no", "")

META_FIELDS: tuple[tuple[str, str], ...] = (
    ("format", "檔案格式"),
    ("format_version", "格式版本"),
    ("center", "分區中心"),
    ("center_name", "分區中心名稱"),
    ("device", "匯出裝置代碼"),
    ("exported_at", "匯出時間（UTC）"),
    ("exported_by", "匯出者"),
    ("app_version", "程式版本"),
    ("masked", "個人資料遮蔽"),
    ("since", "只含此時間後的變更（UTC；空白＝全部資料）"),
    # v5: the exporting database's audit log end (store.audit.Head) — a copy kept where deleting rows can't reach
    ("audit_count", "稽核紀錄筆數"),
    ("audit_seq", "稽核紀錄最後一筆序號"),
    ("audit_hash", "稽核紀錄最後一筆雜湊"),
    # v13: headquarters' moves of counties between centers (county code → center) and when last set (UTC)
    ("center_split", "分區縣市調整（總部）"),
    ("center_split_at", "分區縣市調整時間（UTC）"),
)


def enum_lookup(cls: type) -> dict[str, str]:
    """Every accepted spelling (code, zh_TW label, English label) → code."""
    out: dict[str, str] = dict(enums.FORMER_ZH.get(cls.__name__, {}))
    for m in cls:
        out[m.value] = m.value
        out[m.zh] = m.value
        out[m.en] = m.value
        out[m.en.lower()] = m.value
    return out

"""Each field's label as people see it (zh_TW, English): the audit log's words, and the services' messages.

One table for every record's columns, by column name (a name means the same thing in every table).
"""

from __future__ import annotations

from counsel_desk.i18n import pick

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "name": ("名稱", "Name"), "title": ("標題", "Title"), "phone": ("電話", "Phone"), "email": ("電子郵件", "E-mail"),
    "personal_notes": ("個人備註", "Personal notes"), "visited_name": ("受訪對象", "Visited"),
    "host_name": ("駐點負責人", "Host"), "owner": ("負責人", "Owner"), "purpose": ("訪視目的", "Purpose"),
    "findings": ("訪視發現", "Findings"), "issues": ("課題", "Issues"), "advice": ("輔導建議", "Advice"),
    "notes": ("備註", "Notes"), "description": ("追蹤事項", "Follow-up"), "result": ("辦理結果", "Result"),
    "topics": ("主題", "Topics"), "outcome": ("成果", "Outcome"), "partners": ("合作單位", "Partners"),
    "record": ("紀錄", "Record"), "body": ("內文", "Text"), "comment": ("意見", "Comment"), "address": ("地址", "Address"),
    "center_code": ("分區", "Center"), "county_code": ("縣市", "County"), "township_code": ("鄉鎮市區", "Township"),
    "visit_date": ("日期", "Date"), "mode": ("方式", "Mode"), "key_visit": ("重點訪視", "Key visit"),
    "organization_id": ("單位", "Organisation"), "workstation_id": ("青年培力工作站", "Workstation"),
    "public_space_id": ("公有空間", "Public space"), "counselor_id": ("輔導員", "Counselor"),
    "counselor_ids": ("輔導員", "Counselors"), "contact_ids": ("會晤聯絡人", "Contacts met"),
    "contact_id": ("聯絡人", "Contact"), "visit_id": ("訪視", "Visit"), "proposal_id": ("事業提案", "Proposal"),
    "plan_id": ("地方創生計畫", "Plan"), "budget_id": ("年度經費", "Budget"), "support_id": ("輔導紀錄", "Support record"),
    "due_date": ("期限", "Due"), "status": ("狀態", "Status"), "followup_date": ("追蹤日期", "Followed up on"),
    "kind": ("類別", "Kind"), "active": ("在職", "Active"), "operator_name": ("營運單位", "Operator"),
    "operator_kind": ("營運單位類型", "Operator kind"), "team_size": ("團隊人數", "Team size"),
    "fulltime_staff": ("專職人數", "Full-time staff"), "year_approved": ("核定年度", "Year approved"),
    "term_start": ("執行起日", "Term starts"), "term_end": ("執行迄日", "Term ends"),
    "youth_stayed": ("青年留鄉人數", "Youth stayed"), "youth_returned": ("青年返鄉人數", "Youth returned"),
    "roc_year": ("年度", "Year"), "approved_subsidy": ("核定補助", "Approved subsidy"), "approved_on": ("核定日", "Approved on"),
    "category": ("經費類別", "Category"), "planned": ("預算", "Planned"), "disbursed": ("已撥付", "Disbursed"),
    "reimbursed": ("已核銷", "Reimbursed"), "disbursed_on": ("撥付日", "Disbursed on"),
    "reimbursed_on": ("核銷日", "Reimbursed on"), "support_date": ("日期", "Date"), "hours": ("時數", "Hours"),
    "participants": ("參與人數", "Participants"), "owning_agency": ("管理機關", "Owning agency"),
    "subsidy": ("補助金額", "Subsidy"), "operating_team": ("營運團隊", "Operating team"),
    "event_date": ("日期", "Date"), "place": ("地點", "Place"), "applicant_type": ("申請單位類型", "Applicant type"),
    "route": ("提案路徑", "Route"), "stage": ("階段", "Stage"), "stage_changed_at": ("階段變更時間", "Stage changed"),
    "self_funding": ("自籌款", "Self-funding"), "matching_funds": ("配合款", "Matching funds"),
    "work_item_code": ("工作項目", "Work item"), "amount": ("金額", "Amount"), "author": ("作者", "Author"),
    "criterion": ("評分項目", "Criterion"), "score": ("分數", "Score"), "section_key": ("章節", "Section"),
    "from_stage": ("原階段", "From stage"), "to_stage": ("新階段", "To stage"), "changed_at": ("變更時間", "Changed at"),
    "year": ("年度", "Year"), "metric": ("指標", "Metric"), "target": ("目標", "Target"),
    "period_start": ("期間起日", "Period starts"), "period_end": ("期間迄日", "Period ends"),
    "this_month": ("本期工作重點", "Main work this period"), "next_month": ("下期工作重點", "Main work next period"),
    "help_needed": ("待協助事項", "Help needed"),
    "revision": ("修訂版", "Revision"), "sent_at": ("送出時間", "Sent at"), "sent_by": ("送出者", "Sent by"),
    "filename": ("檔名", "File name"), "size_bytes": ("大小", "Size"), "erased_at": ("個資刪除時間", "Erased at"),
    "fields": ("欄位", "Fields"), "file": ("檔案", "File"), "rows": ("筆數", "Rows"), "search": ("搜尋", "Search"),
    "filters": ("篩選", "Filters"), "visits": ("訪視筆數", "Visits"), "owner_type": ("所屬", "Belongs to"),
    # issue 17: outcomes, youth teams, training
    "outcome_date": ("日期", "Date"), "people": ("人數／人次", "People"), "registered": ("設籍", "Registered"),
    "agency": ("部會", "Agency"), "programme": ("計畫", "Programme"), "company": ("企業", "Company"),
    "youth_team_id": ("青年團隊", "Youth team"), "team_id": ("青年團隊", "Youth team"), "note": ("說明", "Note"),
    "themes": ("主題", "Themes"), "award": ("獎勵金額", "Award"), "birth_year": ("出生年", "Birth year"),
    "role": ("角色", "Role"), "trainees": ("學員人數", "Trainees"), "completed": ("結訓人數", "Completed"),
    "support_ids": ("輔導紀錄", "Support records"), "visit_ids": ("訪視", "Visits"),
    # named by the services' length check (base.check_lengths) and nowhere else yet
    "updated_by": ("最後修改者", "Last changed by"), "evaluation": ("年度評核", "Evaluation"),
    "item": ("檢核項目", "Item"), "code": ("代碼", "Code"), "name_en": ("英文名稱", "English name"),
    "media_type": ("檔案類型", "File type"), "topic_id": ("課題", "Topic"),
    # the interchange workbook's other columns, as a conflict names them (sync/conflicts.column_name)
    "checked_on": ("確認日期", "Checked on"), "council_date": ("會議日期", "Meeting date"),
    "council_meeting": ("會報工作會議", "Council working meeting"), "deleted_at": ("刪除時間", "Deleted at"),
    "evaluated_on": ("評鑑日期", "Evaluated on"), "evaluation_note": ("評鑑說明", "Evaluation note"),
    "extension": ("延續補助", "Extension year"), "host_age": ("駐點負責人年齡", "Host's age"),
    "host_years_on_site": ("在地蹲點年數", "Host's years on site"), "issue_topic_ids": ("推動課題", "Issue topics"),
    "noted_on": ("記錄日期", "Noted on"), "operating_since": ("營運開始日", "Operating since"),
    "owner_id": ("所屬資料", "Belongs to"), "renovating_since": ("整修開始日", "Renovating since"),
    "sha256": ("SHA-256", "SHA-256"), "snapshot_json": ("當時草稿", "Draft at the time"),
    "sort_order": ("排序", "Order"), "young_partners": ("20–45 歲夥伴人數", "Partners aged 20–45"),
}


def field_label_pair(field: str) -> tuple[str, str]:
    """(zh_TW, English) — for a UserError that carries both."""
    return FIELD_LABELS.get(field, (field, field.replace("_", " ")))


def field_label(field: str) -> str:
    """The field's name in the user's language."""
    return pick(*field_label_pair(field))

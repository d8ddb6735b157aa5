"""Record counts per entity (``counsel-desk stats``): live records only, tombstones left out."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from counsel_desk import models as m

# JSON key → (table, counts tombstoned rows?)
ENTITIES: dict[str, type] = {
    "centers": m.Center,
    "counties": m.County,
    "townships": m.Township,
    "work_items": m.WorkItem,
    "counselors": m.Counselor,
    "visits": m.SiteVisit,
    "followups": m.FollowUp,
    "attachments": m.Attachment,
    "workstations": m.Workstation,
    "budgets": m.WorkstationBudget,
    "support_records": m.SupportRecord,
    "public_spaces": m.PublicSpace,
    "events": m.CenterEvent,
    "plans": m.Plan,
    "proposals": m.Proposal,
    "organizations": m.Organization,
    "contacts": m.Contact,
    "yearly_targets": m.YearlyTarget,
    "audit_entries": m.AuditEntry,
}

LABELS_ZH = {
    "centers": "分區中心", "counties": "縣市", "townships": "鄉鎮市區", "work_items": "經費工作項目",
    "counselors": "輔導員", "visits": "實地訪視", "followups": "追蹤事項", "attachments": "附件",
    "workstations": "青年培力工作站", "budgets": "工作站年度經費", "support_records": "輔導紀錄",
    "public_spaces": "公有空間", "events": "中心活動", "plans": "地方創生計畫", "proposals": "事業提案",
    "organizations": "單位", "contacts": "聯絡人", "yearly_targets": "績效指標", "audit_entries": "稽核紀錄",
}


def record_counts(engine: Engine) -> dict[str, int]:
    out: dict[str, int] = {}
    with engine.connect() as conn:
        for key, model in ENTITIES.items():
            table = model.__table__
            q = select(func.count()).select_from(table)
            if "deleted_at" in table.c:
                q = q.where(table.c.deleted_at.is_(None))
            out[key] = conn.execute(q).scalar_one()
    return out

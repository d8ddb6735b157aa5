"""The audit log in words a manager reads: field labels, formatted values, records called by their names.

The log stores what the code knows — table and column names, codes, ids, ISO dates, JSON. This
module turns an entry into 「訪視 115/11/26 河岸設計有限公司」 and 「日期：115/11/25 → 115/11/26」:
column names become field labels, codes their enum labels, ids the names of the records they point
to, county and township codes place names, money NT$ with thousands separators, dates ROC (Western
in English). The raw JSON stays available to the page behind its 「詳細」 expander.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Callable

from sqlalchemy import inspect, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from counsel_desk.i18n import pick
from counsel_desk.models import enums as e
from counsel_desk.services.base import REDACTED
from counsel_desk.services.field_labels import field_label
from counsel_desk.services.formatting import ntd, shown_date, shown_datetime

# Columns that say nothing to a reader (the record's own id, sync stamps, hashes, stored blobs).
HIDDEN = {"id", "created_at", "updated_at", "updated_by", "version", "deleted_at", "sha256", "xlsx_sha256",
          "pdf_sha256", "xlsx_bytes", "pdf_bytes", "figures_json", "snapshot_json", "media_type", "owner_id"}
ENUMS: dict[str, type[e.Labelled]] = {
    "mode": e.VisitMode, "center_code": e.CenterCode, "operator_kind": e.OperatorKind, "category": e.BudgetCategory,
    "route": e.Route, "stage": e.Stage, "from_stage": e.Stage, "to_stage": e.Stage, "criterion": e.Criterion,
    "section_key": e.SectionKey, "metric": e.TargetMetric, "applicant_type": e.OrgKind,
}
ENUMS_BY_TABLE: dict[tuple[str, str], type[e.Labelled]] = {
    ("followup", "status"): e.FollowUpStatus, ("workstation", "status"): e.WorkstationStatus,
    ("public_space", "status"): e.PublicSpaceStatus, ("organization", "kind"): e.OrgKind,
    ("center_event", "kind"): e.EventKind, ("support_record", "kind"): e.SupportKind,
    ("outcome", "kind"): e.OutcomeKind,
}
MONEY = {"self_funding", "matching_funds", "subsidy", "approved_subsidy", "planned", "disbursed", "reimbursed", "amount",
         "award"}
# field → (table, column naming a row of it)
REFERENCES: dict[str, tuple[str, str]] = {
    "organization_id": ("organization", "name"), "workstation_id": ("workstation", "name"),
    "public_space_id": ("public_space", "name"), "counselor_id": ("counselor", "name"),
    "counselor_ids": ("counselor", "name"), "contact_id": ("contact", "name"), "contact_ids": ("contact", "name"),
    "plan_id": ("plan", "title"), "proposal_id": ("proposal", "title"), "visit_id": ("site_visit", "visited_name"),
    "youth_team_id": ("youth_team", "name"), "team_id": ("youth_team", "name"),
}
SHORT_NAMES = {"site_visit": ("訪視", "Visit")}
# entity → (date column or "", name column or a reference field) for naming a record
NAMING: dict[str, tuple[str, str]] = {
    "site_visit": ("visit_date", "visited_name"), "followup": ("due_date", "description"),
    "support_record": ("support_date", "workstation_id"), "center_event": ("event_date", "title"),
    "workstation": ("", "name"), "organization": ("", "name"), "public_space": ("", "name"),
    "counselor": ("", "name"), "contact": ("", "name"), "proposal": ("", "title"), "plan": ("", "title"),
    "workstation_budget": ("", "workstation_id"), "funding_line": ("", "proposal_id"),
    "proposal_section": ("", "proposal_id"), "proposal_score": ("", "proposal_id"),
    "proposal_comment": ("", "proposal_id"), "stage_change": ("", "proposal_id"), "proposal_contact": ("", "proposal_id"),
    "outcome": ("outcome_date", "workstation_id"), "youth_team": ("", "name"), "youth_team_member": ("", "team_id"),
}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")
_ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}")
_SAFE_NAME = re.compile(r"[a-z_]+$")


@dataclass(frozen=True)
class Change:
    field: str  # the label
    old: str | None  # None for a create or a plain value
    new: str


class AuditReader:
    """Names and values for audit entries; caches what it looked up, so one reader serves a page of rows."""

    def __init__(self, session_factory: Callable[[], Session] | None):
        self.session_factory = session_factory
        self._names: dict[tuple[str, str], str] = {}
        self._places: dict[str, str] | None = None

    # --- looking things up ---------------------------------------------------------------------------
    def _row(self, table: str, record_id: str) -> dict[str, Any] | None:
        if self.session_factory is None or not _SAFE_NAME.match(table) or not record_id:
            return None
        with self.session_factory() as s:
            try:
                found = s.connection().execute(text(f'SELECT * FROM "{table}" WHERE id = :i'), {"i": record_id})
            except OperationalError:  # an entity without a table of its own (database, report): nothing to name
                return None
            row = found.mappings().first()
        return dict(row) if row is not None else None

    def place(self, code: str) -> str:
        if self._places is None:
            self._places = {}
            if self.session_factory is None:
                return str(code)
            with self.session_factory() as s:
                conn = s.connection()
                for table in ("county", "township"):
                    cols = {c["name"] for c in inspect(conn).get_columns(table)}
                    english = "name_en" if "name_en" in cols else "name"
                    for code_, zh, en in conn.execute(text(f"SELECT code, name, {english} FROM {table}")):
                        self._places[str(code_)] = pick(zh, en or zh)
        return self._places.get(str(code), str(code))

    def referenced(self, field: str, record_id: str) -> str:
        table, column = REFERENCES[field]
        key = (table, record_id)
        if key not in self._names:
            row = self._row(table, record_id)
            if row is None:
                self._names[key] = record_id
            elif table == "site_visit":
                self._names[key] = self._visit_name(row)
            else:
                self._names[key] = str(row.get(column) or record_id)
        return self._names[key]

    def _visit_name(self, row: dict[str, Any]) -> str:
        who = row.get("visited_name") or (self.referenced("organization_id", row["organization_id"])
                                          if row.get("organization_id") else "")
        return " ".join(x for x in (self.shown("visit_date", row.get("visit_date")), who) if x)

    # --- naming and values ----------------------------------------------------------------------------
    def record_name(self, entity: str, record_id: str, detail: dict[str, Any] | None = None) -> str:
        """115/11/26 河岸設計有限公司 for a visit, the title of a proposal, … (the stored row, else the detail)."""
        naming = NAMING.get(entity)
        if naming is None:
            return ""
        row = self._row(entity, record_id) or {k: v for k, v in (detail or {}).items() if not isinstance(v, list)}
        if entity == "site_visit" and row:
            return self._visit_name(row)
        when, what = naming
        parts = [self.shown(when, row.get(when)) if when else ""]
        value = row.get(what)
        if what in REFERENCES and value:
            parts.append(self.referenced(what, str(value)))
        elif value:
            parts.append(str(value))
        return " ".join(p for p in parts if p)

    def title(self, entity: str, entity_label: str, record_id: str, detail: dict[str, Any] | None = None) -> str:
        """「訪視 115/11/26 河岸設計有限公司」: the kind of record and its name."""
        zh, en = SHORT_NAMES.get(entity, (entity_label, entity_label))
        name = self.record_name(entity, record_id, detail)
        return f"{pick(zh, en)} {name}".strip()

    def shown(self, field: str, value: Any, entity: str = "") -> str:
        if value is None or value == "" or value == []:
            return "—"
        if isinstance(value, list):
            return pick("、", ", ").join(self.shown(field, v, entity) for v in value)
        if value == REDACTED:  # free text may hold personal data: the log keeps that it changed, not what it says
            return pick("（文字，不記入稽核紀錄）", "(text, not kept in the log)")
        if isinstance(value, bool) or field in ("active", "key_visit"):
            return pick("是", "Yes") if value else pick("否", "No")
        enum = ENUMS_BY_TABLE.get((entity, field)) or ENUMS.get(field)
        if enum is not None:
            return enum.label_of(str(value))
        if field in MONEY and isinstance(value, (int, float)):
            return f"NT${ntd(value)}"
        if field in ("county_code", "township_code"):
            return self.place(str(value))
        if field in REFERENCES:
            return self.referenced(field, str(value))
        if isinstance(value, (date, datetime)):
            value = value.isoformat()
        if isinstance(value, str) and _ISO_TIME.match(value):
            return shown_datetime(datetime.fromisoformat(value.replace("T", " ")[:19]))
        if isinstance(value, str) and _ISO_DATE.match(value):
            return shown_date(date.fromisoformat(value))
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return f"{value:,}"
        if isinstance(value, dict):
            return json.dumps(value, ensure_ascii=False)
        return str(value)

    def changes(self, entity: str, action: str, detail: Any) -> list[Change]:
        """What an entry recorded, field by field, in words."""
        if not isinstance(detail, dict):
            return [Change(pick("內容", "Detail"), None, str(detail))] if detail not in (None, "") else []
        out = []
        for key, v in detail.items():
            if key in HIDDEN:
                continue
            if key == "fields" and isinstance(v, list):
                out.append(Change(field_label(key), None, pick("、", ", ").join(field_label(str(f)) for f in v)))
            elif action == "update" and isinstance(v, list) and len(v) == 2:
                out.append(Change(field_label(key), self.shown(key, v[0], entity), self.shown(key, v[1], entity)))
            elif v not in (None, "", [], {}):  # a new record's empty fields say nothing
                out.append(Change(field_label(key), None, self.shown(key, v, entity)))
        return out


def change_text(c: Change) -> str:
    colon = pick("：", ": ")
    return f"{c.field}{colon}{c.old} → {c.new}" if c.old is not None else f"{c.field}{colon}{c.new}"


def parse_detail(detail: str) -> Any:
    try:
        return json.loads(detail) if detail else {}
    except json.JSONDecodeError:
        return detail

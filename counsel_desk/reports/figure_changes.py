"""What changed between two reports' JSON, named as the project office reads it: the "differs from
sent" banner of the reports page and the 修正說明 of a revision (sent value → new value).

Every figure of the period is compared (counts, amounts, targets' actuals), and so are what the
report shows beside them: the comparisons (上期, 去年同期, 本年累計), the by-center table, the lists
(送件提案 with their amounts, 重點訪視, 公有空間 with their status) — an entry added or taken out,
or its amount or status changed — and the manager's three texts. Shares and rates are left out:
they follow from the amounts, which are compared.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from counsel_desk.models.enums import (
    CenterCode, OutcomeKind, PublicSpaceStatus, Route, Stage, TargetMetric, TownshipStatus, VisitMode,
)
from counsel_desk.services.formatting import roc_date


_TOP_LABELS = {
    "visits_total": "訪視總次數", "followups_opened": "新增追蹤事項", "followups_closed": "結案追蹤事項",
    "followups_overdue": "逾期未結追蹤事項", "support_sessions": "工作站輔導場次", "support_hours": "工作站輔導時數",
    "support_participants": "工作站輔導參與人次", "proposals_new": "本期新增提案",
    "proposals_stage_moves": "提案階段異動", "proposals_sent": "送專案辦公室提案", "proposals_approved": "核定提案",
    "events": "交流活動場次", "event_participants": "活動參與人次",
    "proposals_resubmitted": "再送件（退回修正後）",
    "youth_teams": "青年團隊數", "youth_team_warnings": "青年團隊資格提醒",
}
_GROUP_LABELS = {
    "visits_by_county": "縣市訪視次數", "visits_by_township": "鄉鎮市區訪視次數", "visits_by_mode": "訪視方式",
    "support_by_workstation": "工作站輔導", "budgets": "工作站經費", "proposals_by_stage": "提案階段",
    "proposals_by_route": "提案途徑", "funding_requested_by_work_item": "申請經費", "targets": "績效指標",
    "budget_execution": "經費執行", "plans": "地方創生計畫", "public_spaces": "公有空間",
    "indigenous_areas": "原住民族地區", "township_status": "鄉鎮盤點狀態", "issue_topics": "推動課題",
}
# issue 17's breakdowns by place come after the period's own figures in a list of changes
_LATE_GROUPS = {"indigenous_areas", "township_status", "issue_topics"}
_AREA_LABELS = {"mountain": "山地", "plains": "平地", "other": "非原住民族地區"}
_LEAF_LABELS = {
    "sessions": "場次", "hours": "時數", "participants": "人次", "approved": "核定補助", "disbursed": "已撥款",
    "reimbursed": "已核銷", "personnel": "人事費", "personnel_share": "人事費比例", "personnel_ok": "人事費規定",
    "roc_year": "年度", "target": "目標值", "actual": "實績值", "share": "達成率",
    "filed": "本期提出", "passed": "本期通過", "filed_to_date": "累計提出", "passed_to_date": "累計通過",
    "in_progress": "輔導中", "total": "總數", "visits": "訪視次數", "by_status": "狀態",
    "youth_total": "青年留鄉／返鄉合計", "youth_registered": "其中設籍", "records": "紀錄筆數",
    "courses": "課程場次", "trainees": "學員人數", "completed": "結訓人數", "showcases": "成果展",
    "matchmaking": "媒合會", "workshops": "工作坊",
    "townships_visited": "有訪視鄉鎮", "support_sessions": "工作站輔導場次", "proposals_alive": "提案",
    "proposals_approved": "通過提案",
}
# What a report is rather than a figure of it; the lists, comparisons and texts are compared apart (below).
_IGNORED = {"center", "center_name", "month", "period", "json_version", "funding_allocation_by_work_item",
            "funding_allocation_roc_year", "funding_roc_year", "provisional", "plan", "revision", "revision_notes",
            "compare", "by_center", "narrative", "sent_proposals", "proposals_sent_list", "key_visits"}
_DERIVED_LEAVES = {"share", "disbursement_rate", "execution_rate", "personnel_share"}


def _code_label(group: str, code: str) -> str:
    enum = {"visits_by_mode": VisitMode, "proposals_by_stage": Stage, "proposals_by_route": Route,
            "targets": TargetMetric, "outcomes": OutcomeKind, "township_status": TownshipStatus}.get(group)
    if enum is not None:
        try:
            return enum(code).zh
        except ValueError:
            return _LEAF_LABELS.get(code, code)
    if group == "indigenous_areas":
        return _AREA_LABELS.get(code, code)
    return _LEAF_LABELS.get(code, code) if group in ("outcomes", "training") else code


def _flatten(data: dict[str, Any]) -> dict[tuple[str, ...], object]:
    out: dict[tuple[str, ...], object] = {}

    def walk(prefix: tuple[str, ...], value: Any) -> None:
        if isinstance(value, list):
            return
        if isinstance(value, dict):
            for k, v in value.items():
                walk(prefix + (str(k),), v)
        else:
            out[prefix] = value

    for key, value in data.items():
        if key not in _IGNORED:
            walk((key,), value)
    return out


def _center_zh(code: str) -> str:
    """One form of a center's name everywhere: 地方創生北區輔導中心."""
    return CenterCode(code).full_name_zh if code in CenterCode._value2member_map_ else code


def _enum_zh(enum: Any, code: str) -> str:
    try:
        return str(enum(code).zh)
    except ValueError:
        return code


def figure_label(path: tuple[str, ...]) -> str:
    """A figure's name in Chinese: ('visits_by_county', '臺東縣') → 縣市訪視次數：臺東縣."""
    head = path[0]
    if head in _TOP_LABELS:
        return _TOP_LABELS[head]
    parts = [_GROUP_LABELS.get(head, head)]
    rest = list(path[1:])
    if head == "public_spaces" and len(rest) == 2 and rest[0] == "by_status":
        return f"{parts[0]}：{_enum_zh(PublicSpaceStatus, rest[1])}（處）"
    if head == "budget_execution" and len(rest) == 3:  # (stations|centers, name or center code, amount)
        name = rest[1] if rest[0] == "stations" else _center_zh(rest[1])
        return f"{parts[0]}：{name}／{_LEAF_LABELS.get(rest[2], rest[2])}"
    if rest:
        parts.append(_code_label(head, rest[0]) if head != "visits_by_township" else " ".join(rest[:2]))
        leaf = rest[-1] if head != "visits_by_township" and len(rest) > 1 else None
        if leaf:
            parts.append(_LEAF_LABELS.get(leaf, leaf))
    return parts[0] + "：" + "／".join(parts[1:]) if len(parts) > 1 else parts[0]


@dataclass(frozen=True)
class FigureDifference:
    name: str  # in Chinese
    sent: object
    current: object
    path: tuple[str, ...] = ()


def differences(sent: dict[str, Any], current: dict[str, Any]) -> list[FigureDifference]:
    """What differs between a sent report's JSON and the current one, named in Chinese: the period's
    figures, then the comparisons and the by-center table, the lists and the manager's texts.

    Target shares and budget rates are left out: they follow from the amounts, which are compared.
    """
    a, b = _flatten(sent), _flatten(current)
    out = []
    for path in sorted(dict.fromkeys([*a, *b]), key=lambda p: p[0] in _LATE_GROUPS):  # stable: order kept
        if path[0] not in sent or path[0] not in current:
            continue  # a group of figures the other side's version of the report did not have (e.g. outcomes)
        if path[-1] in _DERIVED_LEAVES and path[0] in ("targets", "budget_execution"):
            continue
        va, vb = a.get(path), b.get(path)
        if _same(va, vb):
            continue
        out.append(FigureDifference(figure_label(path), va, vb, path))
    return out + _headline_changes(sent, current) + _list_changes(sent, current) + _text_changes(sent, current)


_COMPARE_LABELS = {"previous_period": "上期", "same_period_last_year": "去年同期", "year_to_date": "本年累計"}


def _headline_changes(sent: dict[str, Any], current: dict[str, Any]) -> list[FigureDifference]:
    """The headline figures of the comparisons (上期, 去年同期, 本年累計) and of each center."""
    out = []
    groups = [("compare", key, label) for key, label in _COMPARE_LABELS.items()]
    groups += [("by_center", code, _center_zh(code)) for code in dict.fromkeys(
        [*(sent.get("by_center") or {}), *(current.get("by_center") or {})])]
    for top, key, label in groups:
        if top not in sent or top not in current:
            continue
        was, now = (sent.get(top) or {}).get(key) or {}, (current.get(top) or {}).get(key) or {}
        for figure in dict.fromkeys([*was, *now]):
            if figure in ("from", "to") or _same(was.get(figure), now.get(figure)):
                continue
            out.append(FigureDifference(f"{label}：{figure_label((figure,))}", was.get(figure), now.get(figure),
                                        (top, key, figure)))
    return out


_NOT_LISTED, _TAKEN_OUT = "（未列）", "（已不在清單）"  # an entry added since, or taken out


def _list_changes(sent: dict[str, Any], current: dict[str, Any]) -> list[FigureDifference]:
    """Entries of the report's lists added, taken out or changed, each named as the list shows it."""
    out = []
    for key, title, ident, fields in _LISTS:
        if _entries(sent, key) is None or _entries(current, key) is None:
            continue  # a list the other side's version of the report did not have
        was = {ident(x): x for x in _entries(sent, key) or []}
        now = {ident(x): x for x in _entries(current, key) or []}
        for name in dict.fromkeys([*was, *now]):
            old, new = was.get(name), now.get(name)
            label = f"{title}：{name}"
            if old is None:
                out.append(FigureDifference(label, _NOT_LISTED, _summary(key, new), (key, name)))
            elif new is None:
                out.append(FigureDifference(label, _summary(key, old), _TAKEN_OUT, (key, name)))
            else:
                for field, field_zh in fields:
                    if not _same(old.get(field), new.get(field)):
                        out.append(FigureDifference(f"{label}／{field_zh}", _shown(field, old.get(field)),
                                                    _shown(field, new.get(field)), (key, name, field)))
    return out


def _entries(data: dict[str, Any], key: str) -> list[dict[str, Any]] | None:
    """A list of the report's JSON; None when that version of the report had none."""
    if key == "public_spaces":
        found = (data.get("public_spaces") or {}).get("list")
    elif key == "sent_proposals":  # JSON v2 called it proposals_sent_list
        found = data.get("sent_proposals", data.get("proposals_sent_list"))
    else:
        found = data.get(key)
    return None if found is None else list(found)


def _place(x: dict[str, Any]) -> str:
    return f"{x.get('county', '')}{x.get('township', '')}"


def _day(value: Any) -> str:
    try:
        return roc_date(date.fromisoformat(str(value)))
    except ValueError:
        return str(value or "")


_LISTS: list[tuple[str, str, Any, list[tuple[str, str]]]] = [
    ("sent_proposals", "送件提案", lambda x: f"「{x.get('title', '')}」（{_place(x)}）",
     [("amount_requested", "申請金額（元）"), ("date", "送件日"), ("resubmission", "再送件")]),
    ("key_visits", "重點訪視", lambda x: f"{_day(x.get('date'))} {_place(x)} {x.get('visited', '')}".strip(), []),
    ("public_spaces", "公有空間", lambda x: f"{x.get('name', '')}（{_place(x)}）",
     [("status", "狀態"), ("subsidy", "補助（元）"), ("visits", "本期訪視次數")]),
]


def _summary(key: str, x: dict[str, Any] | None) -> str:
    """An entry as the revision note names it when it is added or taken out."""
    if x is None:
        return ""
    if key == "sent_proposals":
        return f"{_day(x.get('date'))} 送件，申請 {int(x.get('amount_requested') or 0):,} 元"
    if key == "public_spaces":
        return f"{_enum_zh(PublicSpaceStatus, str(x.get('status', '')))}，補助 {int(x.get('subsidy') or 0):,} 元"
    return "列為重點訪視"


def _shown(field: str, value: Any) -> Any:
    if field == "status":
        return _enum_zh(PublicSpaceStatus, str(value))
    if field == "date":
        return _day(value)
    return value


_TEXTS = (("this_month", "本月工作重點"), ("next_month", "下月工作重點"), ("help_needed", "待協助事項"))


def _text_changes(sent: dict[str, Any], current: dict[str, Any]) -> list[FigureDifference]:
    """The manager's texts, rewritten: the opening words before and after."""
    if "narrative" not in sent or "narrative" not in current:
        return []
    was, now = sent["narrative"] or {}, current["narrative"] or {}
    return [FigureDifference(f"{zh}（文字修改）", _opening(was.get(key)), _opening(now.get(key)), ("narrative", key))
            for key, zh in _TEXTS if (was.get(key) or "").strip() != (now.get(key) or "").strip()]


def _opening(text: str | None, most: int = 30) -> str:
    words = " ".join((text or "").split())
    if not words:
        return "（空白）"
    return words if len(words) <= most else words[:most] + "…"


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return abs(float(a) - float(b)) < 1e-6
    # a missing county or township is a zero
    if a is None and b == 0 or b is None and a == 0:
        return True
    return bool(a == b)

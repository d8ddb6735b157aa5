"""Reading the audit log (稽核紀錄): the list behind the audit page, chain verification, CSV export.

The log itself is written by ``store.audit`` in the same transaction as each change; this module
only reads it — except that exporting it is itself recorded, as every export is.

Times are stored in UTC and shown in the computer's local time as 民國 dates (115/11/26 14:30:05).
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any, Callable

from sqlalchemy import text

from counsel_desk.errors import UserError
from counsel_desk.i18n import pick
from counsel_desk.services.safety.atomic import atomic_write
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.safety.audit_readable import AuditReader, change_text, parse_detail
from counsel_desk.services.formatting import shown_datetime
from counsel_desk.services.listing import QT_TRANSLATE_NOOP, Column, ListQuery
from counsel_desk.store import audit

ACTIONS: dict[str, tuple[str, str]] = {
    "create": ("新增", "Created"), "update": ("修改", "Changed"), "delete": ("刪除", "Deleted"),
    "undelete": ("復原刪除", "Undeleted"), "link": ("連結", "Linked"), "unlink": ("取消連結", "Unlinked"),
    "restore": ("還原備份", "Restored a backup"), "export": ("匯出", "Exported"), "import": ("匯入", "Imported"),
    "merge": ("合併", "Merged"), "erase": ("刪除個資", "Erased personal data"), "demo": ("示範資料", "Demo data"),
    "send": ("送出", "Sent"), "stage": ("階段變更", "Stage changed"),
    "center_split": ("變更縣市所屬中心", "Changed the county's center"),
    "center_split_received": ("採用交換檔的分區縣市（總部調整）", "Took headquarters' center split from a workbook"),
    # store.programmes.store writes f"programme_{action}"
    "programme_loaded": ("載入計畫定義檔", "Loaded a programme file"),
    "programme_older": ("未載入較舊的計畫定義檔", "Kept out an older programme file"),
    "programme_conflict": ("未載入版號相同但內容不同的計畫定義檔", "Kept out a programme file that differs at the same version"),
    "unmask_confirmed": ("確認匯出未遮蔽的個資", "Confirmed an export with personal data"),
}
ENTITIES: dict[str, tuple[str, str]] = {
    "site_visit": ("實地訪視", "Site visit"), "followup": ("追蹤事項", "Follow-up"), "attachment": ("附件", "Attachment"),
    "counselor": ("輔導員", "Counselor"), "organization": ("單位", "Organisation"), "contact": ("聯絡人", "Contact"),
    "workstation": ("青年培力工作站", "Workstation"), "workstation_budget": ("工作站年度經費", "Workstation budget"),
    "budget_line": ("經費項目", "Budget line"), "support_record": ("輔導紀錄", "Support record"),
    "public_space": ("公有空間", "Public space"), "center_event": ("中心活動", "Center event"),
    "plan": ("地方創生計畫", "Plan"), "proposal": ("事業提案", "Proposal"),
    "proposal_section": ("提案內容", "Proposal section"), "funding_line": ("經費需求", "Funding line"),
    "proposal_score": ("評分", "Score"), "stage_change": ("階段變更", "Stage change"),
    "proposal_comment": ("提案意見", "Proposal comment"), "yearly_target": ("績效指標", "Yearly target"),
    "report": ("報表", "Report"), "report_snapshot": ("已送出月報", "Sent report"), "database": ("資料庫", "Database"),
    "audit_log": ("稽核紀錄", "Audit log"),
    "youth_team": ("青年團隊", "Youth team"), "youth_team_member": ("青年團隊成員", "Youth-team member"),
    "outcome": ("成果紀錄", "Outcome"), "issue_topic": ("推動課題", "Issue topic"),
    "township_issue": ("鄉鎮推動課題", "Township issue"), "township_status_note": ("鄉鎮盤點狀態紀錄", "Township status note"),
    "county_check": ("縣府審查項目", "County check"), "approved_amount": ("會報核定金額", "Approved amount"),
    "interchange": ("交換檔", "Interchange workbook"), "county": ("縣市", "County"),
    "proposal_contact": ("提案聯絡人", "Proposal contact"), "programme": ("計畫定義檔", "Programme file"),
    "report_narrative": ("月報工作重點", "Report notes"),
}
COLUMNS = [
    Column("seq", QT_TRANSLATE_NOOP("AuditColumns", "No."), align_right=True),
    Column("at", QT_TRANSLATE_NOOP("AuditColumns", "Time")),
    Column("actor", QT_TRANSLATE_NOOP("AuditColumns", "Who")),
    Column("action", QT_TRANSLATE_NOOP("AuditColumns", "Action")),
    Column("entity", QT_TRANSLATE_NOOP("AuditColumns", "Record")),
    Column("name", QT_TRANSLATE_NOOP("AuditColumns", "Name"), sortable=False),
    Column("detail", QT_TRANSLATE_NOOP("AuditColumns", "Detail"), sortable=False),
]
SORTS = {"seq": "seq", "at": "seq", "actor": "actor", "action": "action", "entity": "entity"}
DETAIL_PREVIEW = 120  # characters of the detail shown in the list; the page shows all of it


def action_label(action: str) -> str:
    zh, en = ACTIONS.get(action, (action, action))
    return pick(zh, en)


def entity_label(entity: str) -> str:
    zh, en = ENTITIES.get(entity, (entity, entity))
    return pick(zh, en)


def local_time(at: datetime | str | None) -> datetime | None:
    """A stored UTC timestamp in the computer's local time (naive, for display)."""
    if at is None:
        return None
    if isinstance(at, str):
        at = datetime.fromisoformat(at)
    return at.replace(tzinfo=timezone.utc).astimezone().replace(tzinfo=None)


def roc_datetime(at: datetime | str | None) -> str:
    """A stored UTC time as she reads it: 115/11/26 14:30:05 (2026-11-26 14:30:05 in English). Stored text that is
    no time (edited outside the program; verify names the entry) is shown as it is."""
    try:
        return shown_datetime(local_time(at), seconds=True)
    except ValueError:
        return str(at)


def _utc_bound(d: date, end: bool) -> str:
    local = datetime.combine(d + timedelta(days=1) if end else d, time()).astimezone()
    return local.astimezone(timezone.utc).replace(tzinfo=None).isoformat(sep=" ")


def _where(filters: dict[str, Any], search: str) -> tuple[str, dict]:
    conds, params = ["1=1"], {}
    for key in ("action", "entity", "actor", "entity_id"):
        value = filters.get(key)
        if value:
            conds.append(f"{key} = :{key}")
            params[key] = value
    if filters.get("date_from"):
        conds.append("at >= :date_from")
        params["date_from"] = _utc_bound(filters["date_from"], end=False)
    if filters.get("date_to"):
        conds.append("at < :date_to")
        params["date_to"] = _utc_bound(filters["date_to"], end=True)
    for n, word in enumerate(w for w in search.replace("\u3000", " ").split() if w):
        conds.append(f"(instr(actor, :w{n}) > 0 OR instr(detail, :w{n}) > 0 OR instr(entity_id, :w{n}) > 0)")
        params[f"w{n}"] = word
    return " AND ".join(conds), params


def summarize(detail: str, action: str = "", limit: int = DETAIL_PREVIEW, entity: str = "",
              reader: AuditReader | None = None) -> str:
    """The detail as one readable line: 「日期：115/11/25 → 115/11/26；方式：電話」 (labels, formatted values)."""
    reader = reader or AuditReader(None)
    line = pick("；", "; ").join(change_text(c) for c in reader.changes(entity, action, parse_detail(detail)))
    return line if len(line) <= limit else line[: limit - 1] + "…"


class AuditListSource:
    """The audit log as a ``services.listing.ListSource`` (ids are sequence numbers as text)."""

    columns = COLUMNS

    def __init__(self, session_factory: Callable):
        self.session_factory = session_factory

    def ids(self, query: ListQuery) -> list[str]:
        where, params = _where(query.filters, query.search)
        key = SORTS.get(query.sort_key or "seq", "seq")
        # Newest first unless asked otherwise: the log is read from the latest change backwards.
        descending = query.descending if query.sort_key else True
        order = f"{key} {'DESC' if descending else 'ASC'}" + ("" if key == "seq" else ", seq DESC")
        with self.session_factory() as s:
            rows = s.connection().execute(text(f"SELECT seq FROM audit_log WHERE {where} ORDER BY {order}"), params)
            return [str(r[0]) for r in rows]

    def rows(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        if not ids:
            return {}
        marks = ", ".join(f":s{n}" for n in range(len(ids)))
        params = {f"s{n}": int(i) for n, i in enumerate(ids)}
        with self.session_factory() as s:
            found = s.connection().execute(text(
                f"SELECT seq, at, actor, action, entity, entity_id, detail FROM audit_log WHERE seq IN ({marks})"), params)
            found = list(found)
        reader = AuditReader(self.session_factory)
        out = {}
        for seq, at, actor, action, entity, entity_id, detail in found:
            data = parse_detail(detail)
            out[str(seq)] = {"seq": seq, "at": roc_datetime(at), "actor": actor, "action": action_label(action),
                             "entity": entity_label(entity), "entity_id": entity_id,
                             "name": reader.record_name(entity, entity_id, data if isinstance(data, dict) else None),
                             "detail": summarize(detail, action, entity=entity, reader=reader)}
        return out


@dataclass(frozen=True)
class AuditEntryView:
    seq: int
    at: str
    actor: str
    action: str
    entity: str
    entity_id: str
    detail: str  # pretty JSON, for the page's 「詳細」 expander
    hash: str
    entity_code: str = ""  # the table name behind the ``entity`` label
    title: str = ""  # 「訪視 115/11/26 河岸設計有限公司」
    changes: tuple[str, ...] = ()  # 「日期：115/11/25 → 115/11/26」, one line per field


def entry(session_factory: Callable, seq: int | str) -> AuditEntryView | None:
    with session_factory() as s:
        row = s.connection().execute(text(
            "SELECT seq, at, actor, action, entity, entity_id, detail, hash FROM audit_log WHERE seq=:s"),
            {"s": int(seq)}).first()
    if row is None:
        return None
    seq, at, actor, action, entity, entity_id, detail, h = row
    data = parse_detail(detail)
    pretty = detail if isinstance(data, str) else json.dumps(data, ensure_ascii=False, indent=2) if detail else ""
    reader = AuditReader(session_factory)
    title = reader.title(entity, entity_label(entity), entity_id, data if isinstance(data, dict) else None)
    changes = tuple(change_text(c) for c in reader.changes(entity, action, data))
    return AuditEntryView(seq, roc_datetime(at), actor, action_label(action), entity_label(entity), entity_id, pretty, h,
                          entity, title, changes)


def filter_choices(session_factory: Callable) -> dict[str, list[tuple[str, str]]]:
    """The actions, records and people present in the log, as (code, label) for the filter boxes."""
    with session_factory() as s:
        conn = s.connection()
        actions = [r[0] for r in conn.execute(text("SELECT DISTINCT action FROM audit_log ORDER BY action"))]
        entities = [r[0] for r in conn.execute(text("SELECT DISTINCT entity FROM audit_log WHERE entity != '' "
                                                    "ORDER BY entity"))]
        actors = [r[0] for r in conn.execute(text("SELECT DISTINCT actor FROM audit_log WHERE actor != '' "
                                                  "ORDER BY actor"))]
    return {"action": [(a, action_label(a)) for a in actions], "entity": [(e, entity_label(e)) for e in entities],
            "actor": [(a, a) for a in actors]}


@dataclass(frozen=True)
class Anchor:
    """A head kept elsewhere — in a backup or an exported workbook — that the live chain must contain."""

    source: str  # what a person recognises: the backup's or workbook's file name
    count: int
    seq: int
    hash: str
    workbook: bool = False  # an exported workbook's (perhaps of another database), not a backup's


@dataclass(frozen=True)
class ChainResult:
    ok: bool
    entries: int
    first_bad_seq: int | None
    end_problem: str | None = None
    head: audit.Head | None = None
    last_seq: int = 0
    lost: tuple[Anchor, ...] = ()  # anchors from backups and workbooks the live chain no longer holds
    anchors_checked: int = 0

    @property
    def message(self) -> str:
        lines = [self._chain_line()]
        for a in self.lost:
            lines.append(pick(
                f"「{a.source}」記錄稽核紀錄當時有 {a.count:,} 筆、最後一筆是第 {a.seq} 筆（雜湊 {a.hash[:12]}…），"
                f"但目前的紀錄裡沒有這一筆：在那之後到第 {a.seq} 筆之間的紀錄被刪除或改寫了。",
                f"'{a.source}' recorded {a.count:,} audit entries ending with entry {a.seq} (hash {a.hash[:12]}…), "
                f"which the log no longer holds: entries up to {a.seq} were deleted or rewritten.")
                if not a.workbook else pick(
                f"「{a.source}」記錄匯出時的稽核紀錄有 {a.count:,} 筆、最後一筆是第 {a.seq} 筆（雜湊 {a.hash[:12]}…），"
                f"目前的紀錄裡沒有這一筆。若這個檔案是這個資料庫匯出的，第 {a.seq} 筆以前的紀錄被刪除或改寫了；"
                f"若是別的資料庫（別台電腦、別的中心）匯出的，兩者本來就不同，請改用這個資料庫匯出的檔案核對。",
                f"'{a.source}' recorded {a.count:,} audit entries when exported, ending with entry {a.seq} (hash "
                f"{a.hash[:12]}…), which the log does not hold. If this database exported it, entries up to {a.seq} were "
                f"deleted or rewritten; if another database (another computer or center) did, they differ anyway — "
                f"check against a file this database exported."))
        if self.ok and self.anchors_checked:
            lines.append(pick(f"也與 {self.anchors_checked} 份備份或匯出檔記錄的結尾相符。",
                              f"It also matches the end recorded in {self.anchors_checked} backup(s) or exported file(s)."))
        return "\n".join(lines)

    def _chain_line(self) -> str:
        if self.first_bad_seq is not None:
            return pick(f"稽核紀錄第 {self.first_bad_seq} 筆與雜湊鏈不符：這一筆或它前面的紀錄曾在程式之外被修改或刪除。",
                        f"Audit entry {self.first_bad_seq} does not fit the hash chain: it or an entry before it "
                        f"was changed or deleted outside the program.")
        h = self.head
        if self.end_problem == audit.TAIL_MISSING and h is not None:
            gone = h.count - self.entries
            first = self.last_seq + 1
            return pick(f"稽核紀錄的結尾被刪除了：資料庫記錄應有 {h.count:,} 筆、最後一筆是第 {h.seq} 筆，"
                        f"現在只剩 {self.entries:,} 筆（到第 {self.last_seq} 筆）——最新的 {gone:,} 筆"
                        f"（第 {first} 到第 {h.seq} 筆）不見了。",
                        f"The end of the audit log was cut off: the database records {h.count:,} entries ending with "
                        f"entry {h.seq}, but only {self.entries:,} remain (up to entry {self.last_seq}) — the newest "
                        f"{gone:,} (entries {first} to {h.seq}) are missing.")
        if self.end_problem == audit.TAIL_REPLACED and h is not None:
            return pick(f"稽核紀錄的最後一筆不是程式寫下的那一筆（應為第 {h.seq} 筆，雜湊 {h.hash[:12]}…）：結尾被改寫了。",
                        f"The last audit entry is not the one the program wrote (entry {h.seq}, hash {h.hash[:12]}…): "
                        f"the end was rewritten.")
        if self.end_problem == audit.UNANCHORED and h is not None:
            return pick(f"稽核紀錄有 {self.entries:,} 筆，比程式記錄的 {h.count:,} 筆多：有紀錄是在程式之外加入的。",
                        f"The audit log holds {self.entries:,} entries, more than the {h.count:,} the program recorded: "
                        f"some were added outside the program.")
        if self.end_problem == audit.HEAD_MISSING:
            return pick("稽核紀錄的結尾記錄（筆數與最後雜湊）不見了：它只會在程式之外被刪除，紀錄的結尾可能也被刪除了。",
                        "The record of the audit log's end (count and last hash) is gone: only a change outside the "
                        "program removes it, and the log's end may have been cut off with it.")
        if self.end_problem == audit.HEAD_FORGED:
            return pick("稽核紀錄結尾記錄的金鑰簽章不符：整條紀錄連同結尾記錄都被改寫過。",
                        "The key signature of the audit log's end does not fit: the log and its end were rewritten.")
        if self.lost:
            return pick(f"稽核紀錄本身前後相符（{self.entries:,} 筆），但與備份或匯出檔記錄的結尾不符：",
                        f"The audit log is consistent in itself ({self.entries:,} entries) but misses what backups or "
                        f"exported files recorded:")
        return pick(f"稽核紀錄完整：已檢查 {self.entries:,} 筆，雜湊鏈前後相符，結尾也與資料庫的記錄相符，沒有被竄改的跡象。",
                    f"The audit log is intact: {self.entries:,} entries checked, the hash chain holds and ends where "
                    f"the database recorded.")


def backup_anchors(db_path: Path | str) -> list[Anchor]:
    """The head kept in each backup of the database (a backup is a copy of the file, head included)."""
    from counsel_desk.errors import DatabaseError
    from counsel_desk.services.safety.backup import list_backups
    from counsel_desk.store import driver

    out = []
    for info in list_backups(db_path):
        try:
            con = driver.connect(info.path, read_only=True)  # keyed like the database it copies
            try:
                row = con.execute("SELECT value FROM app_meta WHERE key = ?", (audit.HEAD_KEY,)).fetchone()
                head = audit.Head.from_text(row[0] if row else None)
                if head is None:  # a backup from before the head was kept: its chain's own end
                    last = con.execute("SELECT count(*), coalesce(max(seq), 0) FROM audit_log").fetchone()
                    h = con.execute("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
                    head = audit.Head(int(last[0]), int(last[1]), h[0] if h else "")
            finally:
                con.close()
        except (driver.Error, DatabaseError):  # DatabaseError: an encrypted backup whose key isn't here
            continue  # a damaged backup vouches for nothing; restore and recovery say so elsewhere
        if head.count:
            out.append(Anchor(info.path.name, head.count, head.seq, head.hash))
    return out


def _after_last_restore(conn: Any) -> str | None:
    """UTC time of the newest restore: backups taken before it hold a chain that was replaced."""
    at = conn.execute(text("SELECT max(at) FROM audit_log WHERE action = 'restore'")).scalar()
    return None if at is None else str(at)


def verify_chain(session_factory: Callable, *, db_path: Path | str | None = None,
                 against: list[Anchor] | None = None) -> ChainResult:
    """Walk the chain, compare its end with the head in the database; with ``db_path`` also with the
    head kept in every backup, and with the heads ``against`` (``sync.workbook_anchor`` of exported
    workbooks)."""
    with session_factory() as s:
        conn = s.connection()
        check = audit.verify(s)
        restored_at = _after_last_restore(conn)
        anchors: list[Anchor] = []
        if db_path is not None:
            from counsel_desk.services.safety.backup import list_backups

            taken = {b.path.name: b.taken_at for b in list_backups(db_path)}
            for a in backup_anchors(db_path):
                when = taken.get(a.source)
                if restored_at and when is not None and _utc_text(when) <= restored_at:
                    continue  # taken before the newest restore: that chain was replaced on purpose
                anchors.append(a)
        anchors += against or []
        lost = tuple(a for a in anchors if conn.execute(
            text("SELECT hash FROM audit_log WHERE seq = :s"), {"s": a.seq}).scalar() != a.hash)
    return ChainResult(check.ok and not lost, check.entries, check.first_bad_seq, check.end_problem, check.head,
                       check.last_seq, lost, len(anchors))


def _utc_text(local: datetime) -> str:
    """A backup's local time of day as the audit log stores times (UTC, ISO text)."""
    return local.astimezone(timezone.utc).replace(tzinfo=None).isoformat(sep=" ")


CSV_HEADER = (("序號", "No."), ("時間", "Time"), ("使用者", "Who"), ("動作", "Action"), ("對象", "Record"),
              ("對象編號", "Record id"), ("內容", "Detail"), ("動作代碼", "Action code"), ("對象代碼", "Record code"),
              ("前一筆雜湊", "Previous hash"), ("雜湊", "Hash"), ("UTC 時間", "UTC time"))


def _cell(text: str) -> str:
    """Text Excel would run as a formula (=, +, -, @ first) is kept as text with a leading apostrophe."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def export_csv(ctx: ServiceContext, path: Path | str, query: ListQuery | None = None,
               progress: Callable[[int, int], bool] | None = None) -> int:
    """Write the (filtered) audit log to a CSV Excel opens (UTF-8 with BOM); returns the rows written.

    The hashes go along, so the export can be checked against the database later. Written
    atomically: a full disk leaves no partial file. The export itself is recorded in the log.
    """
    query = query or ListQuery()
    path = Path(path)
    where, params = _where(query.filters, query.search)
    n = 0
    with ctx.session_factory() as s:
        total = s.connection().execute(text(f"SELECT count(*) FROM audit_log WHERE {where}"), params).scalar_one()
        rows = s.connection().execute(text(
            f"SELECT seq, at, actor, action, entity, entity_id, detail, prev_hash, hash FROM audit_log "
            f"WHERE {where} ORDER BY seq"), params)
        with atomic_write(path, "w", encoding="utf-8-sig", newline="") as f:
            out = csv.writer(f)
            out.writerow([pick(zh, en) for zh, en in CSV_HEADER])
            for seq, at, actor, action, entity, entity_id, detail, prev_hash, h in rows:
                utc = at if isinstance(at, str) else at.isoformat(sep=" ")
                out.writerow([seq, roc_datetime(at), _cell(actor), action_label(action), entity_label(entity),
                              _cell(entity_id), _cell(detail), action, entity, prev_hash, h, utc])
                n += 1
                if progress is not None and n % 2000 == 0 and progress(n, total) is False:
                    raise UserError("已取消匯出，沒有寫入檔案。", "Export cancelled; no file was written.")
    with ctx.session_factory() as s:
        audit.record(s, ctx.actor, "export", "audit_log", "", {"file": path.name, "rows": n,
                                                              "filters": {k: str(v) for k, v in query.filters.items()},
                                                              "search": query.search})
        s.commit()
    return n

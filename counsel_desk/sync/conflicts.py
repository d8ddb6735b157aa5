"""The conflicts list and its resolution, field by field: keep mine / take theirs / edit.

"Mine" is the record as this database shows it now (the version the tie-break picked, plus any
edit made here since); "theirs" is another version kept beside it. Resolving writes the chosen
values through ``services.base.update`` (stamps, audit), gives the result a clock newer than every
version decided between — so it replaces them wherever it travels — and records each field's
choice in the audit log (personal values redacted).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from sqlalchemy import text

from counsel_desk import models
from counsel_desk.errors import UserError, ValidationError
from counsel_desk.i18n import pick
from counsel_desk.services import base
from counsel_desk.services.formatting import ntd, roc_date
from counsel_desk.store import audit, search
from counsel_desk.sync import clock as clocks
from counsel_desk.sync import db as syncdb
from counsel_desk.sync import format as fmt
from counsel_desk.sync.search_text import SearchText
from counsel_desk.sync.shape import Shape
from counsel_desk.sync.sheet_names import column_name, sheet_name
from counsel_desk.sync.format import Kind
from counsel_desk.sync.merge import Variant, resolved_clock
from counsel_desk.sync.cells import converter
from counsel_desk.sync.values import CellError, datetime_text

MODELS = {m.__tablename__: m for m in models.SYNCED_MODELS}
LABEL_FIELDS = ("title", "name", "visited_name", "description", "topics", "body", "comment", "filename", "metric")
DATE_FIELDS = ("visit_date", "support_date", "event_date", "due_date", "changed_at")


@dataclass
class ConflictSummary:
    id: str
    entity: str  # sheet key
    entity_title: str
    record_id: str
    label: str
    fields: list[str]  # zh_TW titles
    detected_at: datetime
    source: str
    status: str


@dataclass
class ConflictField:
    key: str
    title: str
    mine: str
    theirs: list[str]  # one per other version
    editable: bool = True


@dataclass
class ConflictDetail:
    summary: ConflictSummary
    fields: list[ConflictField]
    mine_stamp: str  # "王小明，2026-11-20 03:04 UTC"
    their_stamps: list[str] = field(default_factory=list)


def _parse_utc(stored: str | None) -> datetime | None:
    return datetime.fromisoformat(stored).replace(tzinfo=timezone.utc) if stored else None


def display(col, value, ref: syncdb.Reference | None = None, names: dict | None = None) -> str:
    """A stored value as a person reads it (ROC dates, labels, NT$)."""
    if value is None or value == "":
        return ""
    kind = col.kind
    if kind is Kind.ENUM:
        try:
            return col.enum(value).zh
        except ValueError:
            return str(value)
    if kind is Kind.CENTER:
        return (ref.centers.get(value) if ref else None) or str(value)
    if kind is Kind.COUNTY and ref:
        return ref.county_name(value) or value
    if kind is Kind.TOWNSHIP and ref:
        return ref.township_name(value) or value
    if kind is Kind.DATE:
        try:
            return roc_date(date.fromisoformat(value))
        except ValueError:
            return str(value)
    if kind is Kind.DATETIME:
        return str(value)[:19] + " UTC"
    if kind is Kind.BOOL:
        return "是" if value else "否"
    if kind is Kind.MONEY:
        return ntd(value)
    if kind in (Kind.REF, Kind.IDS) and names is not None:
        ids = str(value).split(";")
        return "、".join(names.get(i) or i[:8] for i in ids)
    return str(value)


def _label(values: dict, sheet: fmt.Sheet) -> str:
    parts = []
    for k in DATE_FIELDS:
        v = values.get(k)
        if v:
            parts.append(display(sheet.column(k), v) if k != "changed_at" else str(v)[:10])
            break
    for k in LABEL_FIELDS:
        v = values.get(k)
        if v:
            text_value = str(v).replace("\n", " ")
            parts.append(text_value[:40] + ("…" if len(text_value) > 40 else ""))
            break
    return " ".join(parts) or values.get("id", "")[:8]


def list_conflicts(db, *, status: str = "open") -> list[ConflictSummary]:
    out = []
    with syncdb.connection(db) as (_conn, raw):
        rows = raw.execute("SELECT id, entity, record_id, fields, detected_at, source, status, local_values "
                           "FROM sync_conflict WHERE status = :s ORDER BY detected_at DESC, id", {"s": status}).fetchall()
    for cid, table, rid, fields, detected, source, st, local in rows:
        sheet = fmt.BY_TABLE.get(table)
        if sheet is None:
            continue
        values = json.loads(local or "{}").get("values", {})
        titles = [column_name(sheet.column(k)) for k in json.loads(fields or "[]") if k in sheet.by_key]
        out.append(ConflictSummary(cid, sheet.key, sheet_name(sheet), rid, _label(values, sheet), titles,
                                   _parse_utc(detected), source, st))
    return out


def _load(raw: syncdb.SyncConnection, conflict_id: str):
    row = raw.execute("SELECT entity, record_id, status, remote_values, detected_at, source, fields "
                      "FROM sync_conflict WHERE id = :id", {"id": conflict_id}).fetchone()
    if row is None:
        raise UserError("找不到這筆衝突。", "This conflict was not found.")
    table, rid, status, remote, detected, source, fields = row
    sheet = fmt.BY_TABLE[table]
    shape = Shape(sheet)
    live = raw.execute(shape.live_sql + "(:rid)", {"rid": rid}).fetchone()
    if live is None:
        raise UserError("衝突所屬的資料已不存在。", "The record of this conflict no longer exists.")
    others = [Variant.from_json(d) for d in json.loads(remote or "[]")]
    return sheet, shape, rid, status, others, dict(zip(shape.cols, live)), detected, source


def _names(raw: syncdb.SyncConnection) -> dict[str, str]:
    names: dict[str, str] = {}
    for table in ("counselor", "organization", "workstation", "contact", "public_space", "plan", "proposal"):
        col = "title" if table in ("plan", "proposal") else "name"
        names.update(raw.execute(f"SELECT id, {col} FROM {table}"))
    return names


def conflict_detail(db, conflict_id: str) -> ConflictDetail:
    with syncdb.connection(db) as (_conn, raw):
        sheet, shape, rid, status, others, mine, detected, source = _load(raw, conflict_id)
        ref = syncdb.Reference.load(raw)
        names = _names(raw)
    content = [c for c in sheet.content_columns]
    differing = [o for o in others if o.values and any(o.values.get(c.key) != mine.get(c.key) for c in content
                                                       if not (o.withheld and c.personal))]
    fields = []
    for c in content:
        theirs = [o.values.get(c.key) for o in differing]
        if any(v != mine.get(c.key) for v, o in zip(theirs, differing) if not (o.withheld and c.personal)):
            fields.append(ConflictField(c.key, column_name(c), display(c, mine.get(c.key), ref, names),
                                        [display(c, v, ref, names) if not (o.withheld and c.personal) else fmt.MASK
                                         for v, o in zip(theirs, differing)],
                                        editable=c.kind not in (Kind.IDS,)))
    summary = ConflictSummary(conflict_id, sheet.key, sheet_name(sheet), rid, _label(mine, sheet), [f.title for f in fields],
                              _parse_utc(detected), source, status)
    stamp = pick("{who}，{at} UTC", "{who}, {at} UTC")
    return ConflictDetail(
        summary, fields,
        stamp.format(who=mine.get("updated_by") or "?", at=str(mine.get("updated_at") or "")[:16]),
        [stamp.format(who=(o.values or {}).get("updated_by") or "?", at=o.updated_at[:16]) + f"（{o.source}）"
         for o in differing])


@dataclass(frozen=True)
class Choice:
    """What a person chose for one field: ``mine``, ``theirs`` (the ``version``-th other) or ``edit``."""

    kind: str
    version: int = 0
    value: str = ""


def _python(col, stored):
    """Storage form → what the ORM model expects."""
    if stored is None:
        return None
    if col.kind is Kind.DATE:
        return date.fromisoformat(stored)
    if col.kind is Kind.DATETIME:
        return datetime.fromisoformat(stored).replace(tzinfo=timezone.utc)
    if col.kind is Kind.BOOL:
        return bool(stored)
    return stored


def resolve(db, conflict_id: str, choices: dict[str, Choice], *, actor: str = "") -> dict[str, str]:
    """Apply a person's decision; returns field → chosen kind. Fields not named keep "mine"."""
    with syncdb.connection(db) as (_conn, raw):
        device = syncdb.device_id(raw)
    with db.session() as session:
        raw = syncdb.SyncConnection(session.connection())
        sheet, shape, rid, status, others, mine, _detected, _source = _load(raw, conflict_id)
        if status != "open":
            raise UserError("這筆衝突已經處理過了。", "This conflict has already been resolved.")
        ref = syncdb.Reference.load(raw)
        new = dict(mine)
        decided: dict[str, dict] = {}
        for key, choice in choices.items():
            col = sheet.by_key.get(key)
            if col is None or not col.content:
                raise UserError(f"欄位 {key} 不能在衝突中選擇。", f"Field {key} can't be chosen in a conflict.")
            if choice.kind == "mine":
                value = mine.get(key)
            elif choice.kind == "theirs":
                if not 0 <= choice.version < len(others):
                    raise UserError("選擇的版本不存在。", "The chosen version does not exist.")
                other = others[choice.version]
                if other.withheld and col.personal:
                    raise UserError(f"對方的「{col.title}」已遮蔽，無法採用。", f"Their '{col.title}' was masked.")
                value = (other.values or {}).get(key)
            elif choice.kind == "edit":
                try:
                    value = converter(col, ref)(choice.value)
                except CellError as exc:
                    raise ValidationError(f"「{col.title}」：{exc}", f"'{col.title}': {exc}", field=key) from None
            else:
                raise UserError(f"不明的選擇：{choice.kind}", f"Unknown choice: {choice.kind}")
            new[key] = value
            decided[key] = {"choice": choice.kind, "version": choice.version, "value": value}
        _write(session, raw, sheet, shape, rid, mine, new, actor)
        version = raw.execute(f"SELECT version FROM {sheet.table} WHERE id = :rid", {"rid": rid}).fetchone()[0]
        b = raw.execute("SELECT clock, local_version, withheld FROM sync_base WHERE entity = :e AND record_id = :rid",
                        {"e": sheet.table, "rid": rid}).fetchone()
        b_clock, b_version, b_withheld = b if b else (None, None, 0)
        mine_clock = clocks.current(clocks.parse(b_clock) if b_clock is not None else None, b_version,
                                    mine.get("version") or 1, device)
        current = Variant(mine_clock, "", "", False, "")
        clock = resolved_clock([current] + others, device)
        row = raw.execute(shape.live_sql + "(:rid)", {"rid": rid}).fetchone()
        full, _public = shape.hashes(row, bool(b_withheld))
        now = datetime_text(datetime.now(timezone.utc))
        session.execute(text(
            "INSERT INTO sync_base (entity, record_id, clock, content_hash, local_version, withheld, merged_at) "
            "VALUES (:e, :r, :c, :h, :v, :w, :m) ON CONFLICT (entity, record_id) DO UPDATE SET clock = excluded.clock, "
            "content_hash = excluded.content_hash, local_version = excluded.local_version, merged_at = excluded.merged_at, "
            "twins = ''"),
            {"e": sheet.table, "r": rid, "c": clocks.format(clock), "h": full, "v": version, "w": bool(b_withheld),
             "m": now})
        redacted = base.redact(sheet.table, {k: v["value"] for k, v in decided.items()})
        resolution = {k: {**v, "value": redacted[k]} for k, v in decided.items()}
        session.execute(text("UPDATE sync_conflict SET status = 'resolved', resolution = :res, resolved_by = :who, "
                             "resolved_at = :at, changed_at = :at WHERE id = :id"),
                        {"res": json.dumps(resolution, ensure_ascii=False, sort_keys=True), "who": actor[:120], "at": now,
                         "id": conflict_id})
        audit.record(session, actor, "resolve_conflict", sheet.table, rid,
                     {"conflict": conflict_id, "fields": resolution})
        session.commit()
    return {k: v["choice"] for k, v in decided.items()}


def _write(session, raw, sheet: fmt.Sheet, shape: Shape, rid: str, mine: dict, new: dict, actor: str) -> None:
    """The chosen values through services.base (stamps and audit); links and search text after."""
    model = MODELS[sheet.table]
    obj = session.get(model, rid)
    changes = {c.key: _python(c, new.get(c.key)) for c in sheet.content_columns
               if c.kind is not Kind.IDS and new.get(c.key) != mine.get(c.key)}
    changed = base.update(session, obj, actor, sheet.table, changes) if changes else {}
    links_changed = [c for c in sheet.link_columns if (new.get(c.key) or "") != (mine.get(c.key) or "")]
    for c in links_changed:
        table, owner, target = c.link
        session.execute(text(f"DELETE FROM {table} WHERE {owner} = :r"), {"r": rid})
        for other in [i for i in (new.get(c.key) or "").split(";") if i]:
            session.execute(text(f"INSERT INTO {table} ({owner}, {target}) VALUES (:r, :o)"), {"r": rid, "o": other})
    if links_changed and not changed:
        base.stamp_change(obj, actor)
        session.add(obj)
        session.flush()
        audit.record(session, actor, "update", sheet.table, rid, {c.key: "changed" for c in links_changed})
    if sheet.search:
        search.index(session, sheet.table, rid, SearchText(raw, syncdb.Reference.load(raw)).body(sheet, new))

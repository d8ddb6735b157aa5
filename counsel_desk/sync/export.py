"""Writing the interchange workbook: every synced record, or what changed since the last export there.

Rows stream from one read transaction (a consistent snapshot) into openpyxl's write-only sheets,
so 100,000 visits take about what openpyxl itself needs for the cells. Personal data is masked
unless the caller unmasks (the UI asks for a confirmation; the audit log records every export
and whether it was masked). Text that a spreadsheet could take for a formula is written as a
text cell with Excel's quote prefix, so it shows as typed and stays text when edited.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from counsel_desk import __version__
from counsel_desk.errors import UserError
from counsel_desk.services.programme import center_split
from counsel_desk.services.safety.atomic import save_workbook
from counsel_desk.store import audit
from counsel_desk.sync import clock as clocks
from counsel_desk.sync import db as syncdb
from counsel_desk.sync.format import (
    CELL_TEXT_LIMIT, EXCEL_INT_LIMIT, FORMAT_NAME, FORMAT_VERSION, LONG_TEXT_SHEET, MASK, PROGRAMME_COLUMNS, PROGRAMME_SHEET, META_FIELDS, META_SHEET, PERSONAL, SHEETS, Kind,
    Sheet,
)
from counsel_desk.sync.problems import Cancelled
from counsel_desk.sync.sheet_xml import SheetStream, Styled
from counsel_desk.sync.values import (
    FORMULA_START, date_cell, datetime_text, escape_text, file_sha256, float_cell, int_cell,
)

Progress = Callable[[int, int], bool]
CUTOFF_MARGIN = timedelta(minutes=10)  # edits committed while an export runs are caught by the next one
PROGRESS_EVERY = 2000
MONEY_FORMAT = "#,##0"
_TITLE_FONT = Font(bold=True)
_TITLE_FILL = PatternFill("solid", fgColor="DDE7F0")
_KEY_FONT = Font(color="888888", size=8)


@dataclass
class ExportResult:
    path: Path
    counts: dict[str, int]  # sheet key → rows written (tombstones included)
    tombstones: dict[str, int]
    masked: bool
    since: datetime | None  # None: everything
    seconds: float
    sha256: str
    attachments_zip: Path | None = None
    files_missing: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _cancelled() -> UserError:
    return Cancelled("已取消匯出，沒有寫出任何檔案。", "Export cancelled; no file was written.")


def _sql_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _case(expr: str, mapping: dict[str, str]) -> str:
    whens = " ".join(f"WHEN {_sql_literal(k)} THEN {_sql_literal(v)}" for k, v in mapping.items())
    return f"CASE {expr} {whens} ELSE {expr} END"


# Text that needs care: a formula-like start, characters XML can't carry, an "_xHHHH_" look-alike.
_ATTENTION = re.compile(r"^[=+\-@\t\r]|[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_")
TEXT_KINDS = (Kind.TEXT, Kind.ID, Kind.REF, Kind.IDS, Kind.COUNTY, Kind.TOWNSHIP, Kind.WORK_ITEM)


def _moment_text(x: str, server: bool) -> str:
    """A moment as the workbook writes it: storage text, without a zero fraction of a second."""
    if server:
        return (f"to_char({x} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || "
                f"CASE WHEN to_char({x}, 'US') = '000000' THEN '' ELSE '.' || to_char({x}, 'US') END")
    return f"CASE WHEN {x} LIKE '%.000000' THEN substr({x}, 1, 19) ELSE {x} END"


def _select_sql(sheet: Sheet, ref: syncdb.Reference, since: bool, server: bool = False) -> str:
    """One row per record with the cells already in their written form where SQL can do it.

    After the sheet's columns come the base clock and the base version (for the records changed
    here since their last merge, whose clock Python advances).
    """
    cols, joins = [], []
    for c in sheet.columns:
        x = f"t.{c.key}"
        if c.kind is Kind.IDS:
            table, owner, target = c.link
            x = (f"(SELECT group_concat(x, ';') FROM (SELECT {target} AS x FROM {table} "
                 f"WHERE {owner} = t.id ORDER BY x) AS xs)")
        if c.kind in TEXT_KINDS:
            cols.append(f"NULLIF({x}, '')")
        elif c.kind is Kind.DATETIME:
            cols.append(_moment_text(x, server))
        elif c.kind is Kind.INT and server:
            cols.append(x)  # a server's CASE can't mix numbers and text: _SheetWriter writes the big ones as text
        elif c.kind is Kind.INT:
            # no abs(): SQLite's abs(-2**63) raises "integer overflow"
            cols.append(f"CASE WHEN {x} >= {EXCEL_INT_LIMIT} OR {x} <= -{EXCEL_INT_LIMIT} THEN CAST({x} AS TEXT) "
                        f"ELSE {x} END")
        elif c.kind is Kind.BOOL:
            cols.append(f"CASE WHEN {x} THEN '是' WHEN NOT {x} THEN '否' END")
        elif c.kind is Kind.ENUM:
            cols.append(f"NULLIF({_case(x, c.enum.labels_zh())}, '')")
        elif c.kind is Kind.CENTER:
            cols.append(_case(x, ref.centers))
        elif c.kind is Kind.DERIVED:
            alias = f"d{len(joins)}"
            table = "county" if c.derived_from == "county_code" else "township"
            joins.append(f"LEFT JOIN {table} {alias} ON {alias}.code = t.{c.derived_from}")
            cols.append(f"{alias}.name")
        elif c.kind is Kind.CLOCK:
            cols.append("CASE WHEN b.clock IS NULL THEN CAST(:device AS TEXT) || ':' || max(1, t.version) "
                        "WHEN t.version = b.local_version THEN b.clock END")
        else:  # DATE, MONEY and FLOAT: Python makes the cell
            cols.append(x)
        if c.personal:
            # Masked: a value is hidden, an empty field stays empty — whatever the column's kind (a
            # number cell then holds the mask's text). Withheld (this database never got the real
            # values): always the mask, so nobody takes our blanks for data.
            has_value = f"{x} != ''" if c.kind in TEXT_KINDS else f"{x} IS NOT NULL"
            shown = cols[-1] if c.kind in TEXT_KINDS or not server else f"CAST({cols[-1]} AS TEXT)"  # one type per CASE
            cols[-1] = f"CASE WHEN b.withheld OR (:masked AND {has_value}) THEN {_sql_literal(MASK)} ELSE {shown} END"
    cols += ["b.clock", "b.local_version"]
    where = " WHERE t.updated_at > :since OR b.merged_at > :since" if since else ""
    return (f"SELECT {', '.join(cols)} FROM {sheet.table} t LEFT JOIN sync_base b "
            f"ON b.entity = '{sheet.table}' AND b.record_id = t.id {' '.join(joins)}{where} ORDER BY t.rowid")


def _count_sql(sheet: Sheet, since: bool) -> str:
    where = " WHERE t.updated_at > :since OR b.merged_at > :since" if since else ""
    return (f"SELECT count(*) FROM {sheet.table} t LEFT JOIN sync_base b "
            f"ON b.entity = '{sheet.table}' AND b.record_id = t.id{where}")


class _SheetWriter:
    """Writes one sheet: cells mostly prepared by SQL, dates and money made here, rare texts escaped."""

    def __init__(self, wb: Workbook, sheet: Sheet, device: str, server: bool = False):
        self.sheet = sheet
        cols = sheet.columns
        self.out = SheetStream(wb, sheet.title, [c.width or 14 for c in cols], freeze="B3", hidden_rows=(1,),
                               print_title_rows="2:2", landscape=True)  # printed, every page repeats the titles
        self.device = device
        self.overflow: list[tuple[str, str, str]] = []  # (record id, column key, full text)
        self.width = len(cols)
        self.clock_at = next(i for i, c in enumerate(cols) if c.kind is Kind.CLOCK)
        self.version_at = next(i for i, c in enumerate(cols) if c.key == "version")
        self.deleted_at = next(i for i, c in enumerate(cols) if c.key == "deleted_at")
        plain = [(i, c) for i, c in enumerate(cols) if not c.personal]
        self.dates = [i for i, c in plain if c.kind is Kind.DATE]
        self.money = [i for i, c in plain if c.kind is Kind.MONEY]
        self.floats = [i for i, c in plain if c.kind is Kind.FLOAT]
        # a personal cell may hold MASK instead of its date or number: made only when it holds a value
        makers: dict[Kind, Callable[[Any], Any]] = {Kind.DATE: date_cell, Kind.MONEY: self._money, Kind.FLOAT: float_cell}
        if server:  # a server gave the value as text beside the mask's (_select_sql)
            makers.update({Kind.MONEY: lambda v: self._money(int(v)), Kind.FLOAT: lambda v: float_cell(float(v)),
                           Kind.INT: lambda v: int_cell(int(v))})  # a member's birth year a number again
        self.personal_made = [(i, makers[c.kind]) for i, c in enumerate(cols) if c.personal and c.kind in makers]
        self.ints = [i for i, c in plain if c.kind is Kind.INT] if server else []
        self.texts = [(i, c.key) for i, c in enumerate(cols) if c.kind is Kind.TEXT]
        self.money_style = self.out.style(number_format=MONEY_FORMAT)
        self.quoted_style = self.out.style(quotePrefix=True)
        key_style = self.out.style(font=_KEY_FONT)
        title_style = self.out.style(font=_TITLE_FONT, fill=_TITLE_FILL,
                                     alignment=Alignment(wrap_text=True, vertical="top"))
        self.out.row([Styled(c.key, key_style) for c in cols])
        self.out.row([Styled(c.title, title_style) for c in cols])

    def _text(self, rid: str, key: str, v: str):
        if len(v) > CELL_TEXT_LIMIT:
            self.overflow.append((rid, key, v))
            v = v[:CELL_TEXT_LIMIT]
        v = escape_text(v)
        return Styled(v, self.quoted_style) if v[0] in FORMULA_START else v

    def _money(self, v: Any) -> Any:
        v = int_cell(v)
        return v if isinstance(v, str) else Styled(v, self.money_style)

    def write(self, rec: tuple) -> bool:
        """Write one record; returns True when it is a tombstone."""
        width = self.width
        row = list(rec[:width])
        for i in self.dates:
            v = row[i]
            if v is not None:
                row[i] = date_cell(v)
        for i in self.money:
            v = row[i]
            if v is not None:
                v = int_cell(v)
                row[i] = v if isinstance(v, str) else Styled(v, self.money_style)
        for i in self.floats:
            v = row[i]
            if v is not None:
                row[i] = float_cell(v)
        for i in self.ints:
            v = row[i]
            if v is not None and (v >= EXCEL_INT_LIMIT or v <= -EXCEL_INT_LIMIT):
                row[i] = str(v)
        for i, make in self.personal_made:
            v = row[i]
            if v is not None and v != MASK:
                row[i] = make(v)
        if row[self.clock_at] is None:  # changed here since the last merge: advance this device's counter
            base = clocks.parse(rec[width]) or {}
            row[self.clock_at] = clocks.format(clocks.current(base, rec[width + 1], row[self.version_at], self.device))
        for i, key in self.texts:
            v = row[i]
            if v is not None and (_ATTENTION.search(v) is not None or len(v) > CELL_TEXT_LIMIT):
                row[i] = self._text(row[0], key, v)
        self.out.row(row)
        return row[self.deleted_at] is not None


def _write_meta(meta_sheet: SheetStream, meta: dict[str, str], table: list[tuple[str, str, int, int]]) -> None:
    """Rows of (項目, 值, —, key) then (工作表, 筆數, 其中已刪除, sheet:key); the key column is hidden."""
    out = meta_sheet
    title = out.style(font=_TITLE_FONT, fill=_TITLE_FILL)
    out.row([Styled(t, title) for t in ("項目", "值", "", "key")])
    for key, label in META_FIELDS:
        out.row([label, meta.get(key) or None, None, key])
    out.row([])
    out.row([Styled(t, title) for t in ("工作表", "筆數", "其中已刪除", "sheet")])
    for key, label, rows, tombstones in table:
        out.row([label, rows, tombstones, f"sheet:{key}"])
    out.close()


def _write_long_texts(wb: Workbook, overflow: list[tuple[str, str, str, str]]) -> None:
    """Text longer than a cell holds: the cell has the first part, this sheet the rest in order."""
    out = SheetStream(wb, LONG_TEXT_SHEET, [16, 38, 16, 8, 60], hidden_rows=(1,))
    quoted = out.style(quotePrefix=True)
    out.row(["sheet", "id", "column", "part", "text"])
    out.row(["工作表", "識別碼", "欄位", "段落", "內容（接在儲存格文字之後）"])
    for sheet_key, rid, col, full in overflow:
        for n, start in enumerate(range(CELL_TEXT_LIMIT, len(full), CELL_TEXT_LIMIT), 2):
            part = escape_text(full[start:start + CELL_TEXT_LIMIT])
            out.row([sheet_key, rid, col, n, part if part[0] not in FORMULA_START else Styled(part, quoted)])
    out.close()


def _write_programmes(wb: Workbook, link: syncdb.SyncConnection) -> None:
    """The programme files this database uses, each as loaded (see format.PROGRAMME_SHEET)."""
    out = SheetStream(wb, PROGRAMME_SHEET, [20, 8, 30, 60], hidden_rows=(1,))
    quoted = out.style(quotePrefix=True)
    out.row(list(PROGRAMME_COLUMNS))
    out.row(["計畫代碼", "版本", "計畫名稱", "計畫定義檔內容（JSON；過長時接續於右側儲存格）"])
    for code, version, name, body in link.execute("SELECT code, programme_version, name, body FROM programme_file "
                                                  "ORDER BY code"):
        parts = [escape_text(body[i:i + CELL_TEXT_LIMIT]) for i in range(0, len(body), CELL_TEXT_LIMIT)]
        out.row([code, version, name, *(p if p[0] not in FORMULA_START else Styled(p, quoted) for p in parts)])
    out.close()


def last_export(link: syncdb.SyncConnection, destination: str):
    return link.execute("SELECT cutoff FROM export_log WHERE destination = :d ORDER BY id DESC LIMIT 1",
                        {"d": destination}).fetchone()


def export_workbook(db, out: Path | str, *, since_last: bool = False, mask: bool = True, actor: str = "",
                    center: str = "", progress: Progress | None = None,
                    attachments_zip: bool = False) -> ExportResult:
    """Write the interchange workbook to ``out`` (atomically: a crash or cancel leaves no half file)."""
    started = time.perf_counter()
    out = Path(out).expanduser().resolve()
    if out.suffix.lower() != ".xlsx":
        raise UserError(f"匯出檔名須以 .xlsx 結尾：{out.name}", f"The export file name must end in .xlsx: {out.name}")
    destination = str(out)
    with syncdb.connection(db) as (conn, raw):
        device = syncdb.device_id(raw)
        center = center or syncdb.home_center(raw)
        raw.begin(snapshot=True)  # one snapshot for every sheet
        prev = last_export(raw, destination) if since_last else None
        since = prev[0] if prev else None
        cutoff = datetime.now(timezone.utc) - CUTOFF_MARGIN
        ref = syncdb.Reference.load(raw)
        params = {"since": since, "masked": mask, "device": device}
        total = 0
        for s in SHEETS:
            total += raw.execute(_count_sql(s, bool(since)), params).fetchone()[0]
        if progress is not None and progress(0, total) is False:
            raise _cancelled()
        wb = Workbook(write_only=True)
        meta_sheet = SheetStream(wb, META_SHEET, [40, 34, 12, 24], hidden_columns=(4,))
        counts: dict[str, int] = {}
        tombstones: dict[str, int] = {}
        overflow: list[tuple[str, str, str, str]] = []
        attachment_rows: list[tuple[str, str]] = []
        done = 0
        for s in SHEETS:
            writer = _SheetWriter(wb, s, device, raw.server)
            n = dead = 0
            files = (s.columns.index(s.column("sha256")), s.columns.index(s.column("filename"))) \
                if s.key == "attachments" else None
            for rec in raw.execute(_select_sql(s, ref, bool(since), raw.server), params):
                dead += writer.write(rec)
                n += 1
                if files is not None:
                    attachment_rows.append((rec[files[0]], rec[files[1]]))
                if (done + n) % PROGRESS_EVERY == 0 and progress is not None and progress(done + n, total) is False:
                    raise _cancelled()
            writer.out.close()
            done += n
            counts[s.key] = n
            tombstones[s.key] = dead
            overflow.extend((s.key, rid, k, v) for rid, k, v in writer.overflow)
        head = audit.Head.from_text(syncdb.meta_value(raw, audit.HEAD_KEY)) or audit.Head(0, 0, "")
        split_at = syncdb.meta_value(raw, center_split.SPLIT_AT_KEY) or ""  # headquarters' split, when ever set
        split = (syncdb.meta_value(raw, center_split.SPLIT_KEY) or "{}") if split_at else ""
        raw.rollback()
        exported_at = datetime.now(timezone.utc)
        meta = {
            "format": FORMAT_NAME, "format_version": str(FORMAT_VERSION), "center": center,
            "center_name": ref.centers.get(center, ""), "device": device,
            "exported_at": datetime_text(exported_at), "exported_by": actor, "app_version": __version__,
            "masked": "是" if mask else "否", "since": since or "",
            "audit_count": str(head.count), "audit_seq": str(head.seq), "audit_hash": head.hash,
            "center_split": split, "center_split_at": split_at,
        }
        _write_meta(meta_sheet, meta, [(s.key, s.title, counts[s.key], tombstones[s.key]) for s in SHEETS])
        _write_long_texts(wb, overflow)
        _write_programmes(wb, raw)
        if progress is not None and progress(total, total) is False:
            raise _cancelled()
        save_workbook(wb, out)
        digest = file_sha256(out)
        zip_path, missing = (None, [])
        if attachments_zip and attachment_rows:
            from counsel_desk.sync.attachments import write_zip

            zip_path, missing = write_zip(db, out, attachment_rows)
        _log_export(conn, raw, actor=actor, destination=destination, cutoff=cutoff, since=since, masked=mask,
                    sha256=digest, counts=counts)
    return ExportResult(out, counts, tombstones, mask, syncdb_since(since), time.perf_counter() - started, digest,
                        zip_path, missing)


def syncdb_since(since: str | None) -> datetime | None:
    return datetime.fromisoformat(since).replace(tzinfo=timezone.utc) if since else None


def _log_export(conn, raw: syncdb.SyncConnection, *, actor: str, destination: str, cutoff: datetime,
                since: str | None, masked: bool, sha256: str, counts: dict[str, int]) -> None:
    raw.begin(write=True)
    try:
        log_export(raw, actor=actor, destination=destination, cutoff=cutoff, since=since, masked=masked,
                   sha256=sha256, counts=counts)
        audit.record_many(conn, actor, "export", "interchange", [("", {
            "file": Path(destination).name, "masked": masked, "since": since, "sha256": sha256,
            "records": sum(counts.values())})])
        raw.commit()
    except BaseException:
        raw.rollback()
        raise


def log_export(link: syncdb.SyncConnection, *, actor: str, destination: str, cutoff: datetime, since: str | None,
               masked: bool, sha256: str, counts: dict[str, int]) -> None:
    """What went where, up to which moment: the next "only what changed since" starts there."""
    link.execute(
        "INSERT INTO export_log (at, actor, destination, cutoff, since, masked, sha256, counts) "
        "VALUES (:at, :actor, :dest, :cutoff, :since, :masked, :sha, :counts)",
        {"at": datetime_text(datetime.now(timezone.utc)), "actor": actor, "dest": destination,
         "cutoff": datetime_text(cutoff), "since": since, "masked": masked, "sha": sha256,
         "counts": json.dumps(counts)})


def record_unmask(db, actor: str, destination: Path | str) -> None:
    """A person confirmed that personal data may leave unmasked: that confirmation goes in the audit log."""
    with syncdb.connection(db) as (conn, raw):
        raw.begin(write=True)
        try:
            audit.record_many(conn, actor, "unmask_confirmed", "interchange",
                              [("", {"file": Path(destination).name, "fields": ", ".join(
                                  f"{sheet}.{key}" for sheet, keys in PERSONAL.items() for key in keys)})])
            raw.commit()
        except BaseException:
            raw.rollback()
            raise

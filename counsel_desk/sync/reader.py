"""Reading an interchange workbook: meta sheet, format version, every row checked and staged.

The file has passed :mod:`counsel_desk.sync.safety` first. python-calamine (a Rust reader, far
faster than openpyxl) parses one sheet at a time; each row is converted to storage form, checked
cell by cell (type, required, length, code lists) and, when clean, written to a temporary staging
table (SQLite's ``temp`` schema: the database file itself is not touched). Only ids and a few
counters stay in Python, so a 100,000-visit file needs little memory. Problems are collected with
sheet, row, column and a zh_TW reason; nothing is applied unless the whole batch is clean.
"""

from __future__ import annotations

import ctypes
import queue
import sys
import threading
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from python_calamine import CalamineError, CalamineWorkbook

from counsel_desk.errors import UserError
from counsel_desk.i18n import pick
from counsel_desk.sync import clock as clocks
from counsel_desk.sync import format as fmt
from counsel_desk.sync import legacy_counters, safety
from counsel_desk.sync.format import FIRST_DATA_ROW, MASK, Kind, Sheet
from counsel_desk.sync.cells import converter, masked_or, meta_problem
from counsel_desk.sync.db import SyncConnection
from counsel_desk.sync.problems import Problem, Problems
from counsel_desk.sync.search_text import NAMED
from counsel_desk.sync.shape import Shape, stage_columns
from counsel_desk.sync.upgrade import upgrade_header
from counsel_desk.sync.values import (
    CellError, read_text,
)
from openpyxl.utils import get_column_letter

if TYPE_CHECKING:
    from counsel_desk.sync.index_ahead import IndexAhead

STAGE_BATCH = 2000
BOOKKEEPING = ("_file", "_row", "_clock", "_withheld")


@dataclass
class FileMeta:
    format_version: int
    center: str
    device: str
    exported_at: str | None
    exported_by: str
    app_version: str
    masked: bool
    since: str | None
    counts: dict[str, int] = field(default_factory=dict)
    center_split: str = ""  # v13: headquarters' moves (JSON) and when set ('' = none): services/programme/center_split
    center_split_at: str = ""


@dataclass
class StagedFile:
    number: int
    path: Path
    sha256: str
    meta: FileMeta | None = None
    staged: dict[str, int] = field(default_factory=dict)  # sheet key → rows staged
    rejected: dict[str, int] = field(default_factory=dict)  # sheet key → rows with problems
    letters: dict[str, dict[str, str]] = field(default_factory=dict)  # sheet key → column key → "D（訪視日期）"
    rejected_ids: dict[str, set[str]] = field(default_factory=dict)  # rows with problems (already reported)
    formula_parts: list[str] = field(default_factory=list)  # big worksheet parts the reader found formulas in
    programmes: list[tuple[str, str]] = field(default_factory=list)  # (code, JSON text) of the programme sheet

    @property
    def name(self) -> str:
        return self.path.name


def stage_table(sheet: Sheet) -> str:
    return f"sync_stage_{sheet.table}"


BOOKKEEPING_TYPES = {"_file": "INTEGER", "_row": "INTEGER", "_clock": "TEXT", "_withheld": "INTEGER"}


def create_staging(link: SyncConnection) -> None:
    """One temporary table per sheet (the database itself is not touched while files are read)."""
    for s in fmt.SHEETS:
        link.create_temp_table(stage_table(s), list(BOOKKEEPING) + stage_columns(s), like=s.table,
                               types=BOOKKEEPING_TYPES)
    if not link.server:
        link.execute("PRAGMA temp.cache_size = -32768")  # staging spills to its temp file less often


def index_staging(link: SyncConnection) -> None:
    """Index the staged ids once every row is in (cheaper than keeping the index up while loading)."""
    for s in fmt.SHEETS:
        link.execute(f"CREATE INDEX {stage_table(s)}_id ON {stage_table(s)} (id)")
    link.refresh_statistics([stage_table(s) for s in fmt.SHEETS])  # autovacuum never analyses temporary tables


def drop_staging(link: SyncConnection) -> None:
    for s in fmt.SHEETS:
        link.drop_table(stage_table(s))


# --- meta --------------------------------------------------------------------------------------

def _refuse(path: Path, zh: str, en: str) -> UserError:
    return UserError(f"無法匯入「{path.name}」：{zh}資料庫未做任何變更。",
                     f"Cannot import '{path.name}': {en} The database was not changed.")


def read_meta(path: Path, wb: CalamineWorkbook) -> FileMeta:
    names = wb.sheet_names
    tab = fmt.META_SHEET if fmt.META_SHEET in names else (fmt.META_SHEET_KEY if fmt.META_SHEET_KEY in names else None)
    if tab is None:
        raise _refuse(path, f"缺少「{fmt.META_SHEET}」工作表，這不是 counsel_desk 的交換檔。",
                      f"the '{fmt.META_SHEET}' sheet is missing: not a counsel_desk interchange file.")
    values: dict[str, object] = {}
    counts: dict[str, int] = {}
    for row in wb.get_sheet_by_name(tab).iter_rows():
        # (項目, 值, 其中已刪除, key): the stable key is in the fourth column
        key = str(row[3]).strip() if len(row) > 3 and isinstance(row[3], str) else ""
        if key.startswith("sheet:"):
            try:
                counts[key[6:]] = int(row[1])
            except (TypeError, ValueError):
                pass
        elif key and key not in values:
            values[key] = row[1]
    if str(values.get("format", "")).strip() != fmt.FORMAT_NAME:
        raise _refuse(path, "不是 counsel_desk 的交換檔（檔案格式欄位不符）。",
                      "not a counsel_desk interchange file (wrong format name).")
    try:
        version = int(float(str(values.get("format_version", "")).strip()))
    except ValueError:
        raise _refuse(path, "格式版本無法辨識。", "the format version is unreadable.") from None
    if version > fmt.FORMAT_VERSION:
        raise _refuse(path, f"這個檔案是較新的交換檔格式第 {version} 版，本程式只能讀取到第 {fmt.FORMAT_VERSION} 版。"
                            f"請先更新 counsel_desk 再匯入。",
                      f"the file is interchange format version {version}; this program reads up to version "
                      f"{fmt.FORMAT_VERSION}. Update counsel_desk first.")
    if version < fmt.OLDEST_READABLE_VERSION:
        raise _refuse(path, f"格式第 {version} 版太舊，無法升級。", f"format version {version} is too old to upgrade.")
    device = str(values.get("device", "")).strip()
    if not clocks.DEVICE_RE.fullmatch(device):
        raise _refuse(path, "檔案資訊中的匯出裝置代碼無效。", "the exporting device id in the meta sheet is invalid.")
    since = str(values.get("since") or "").strip() or None
    exported_at = str(values.get("exported_at") or "").strip() or None
    if (wrong := meta_problem(str(values.get("center") or "").strip(), exported_at)) is not None:
        raise _refuse(path, *wrong)
    return FileMeta(format_version=version, center=str(values.get("center") or "").strip(), device=device,
                    exported_at=exported_at, exported_by=str(values.get("exported_by") or ""),
                    app_version=str(values.get("app_version") or ""),
                    masked=str(values.get("masked", "")).strip() in fmt.BOOL_TRUE, since=since, counts=counts,
                    center_split=str(values.get("center_split") or "").strip(),
                    center_split_at=str(values.get("center_split_at") or "").strip())


def read_long_texts(wb: CalamineWorkbook) -> dict[tuple[str, str, str], str]:
    """(sheet key, id, column) → the text that continues the cell (parts joined in order)."""
    if fmt.LONG_TEXT_SHEET not in wb.sheet_names:
        return {}
    parts: dict[tuple[str, str, str], list[tuple[int, str]]] = {}
    for n, row in enumerate(wb.get_sheet_by_name(fmt.LONG_TEXT_SHEET).iter_rows(), 1):
        if n < FIRST_DATA_ROW or len(row) < 5 or not row[0]:
            continue
        try:
            part = int(row[3])
        except (TypeError, ValueError):
            continue
        parts.setdefault((str(row[0]), str(row[1]).lower(), str(row[2])), []).append((part, read_text(row[4])))
    return {k: "".join(t for _, t in sorted(v)) for k, v in parts.items()}


def read_programmes(wb: CalamineWorkbook) -> list[tuple[str, str]]:
    """(code, JSON text) of each programme file the workbook carries (format v2 on; none before)."""
    if fmt.PROGRAMME_SHEET not in wb.sheet_names:
        return []
    out = []
    for n, row in enumerate(wb.get_sheet_by_name(fmt.PROGRAMME_SHEET).iter_rows(), 1):
        if n < FIRST_DATA_ROW or len(row) < 4 or not row[0]:
            continue
        out.append((str(row[0]), "".join(read_text(c) or "" for c in row[3:] if c not in (None, ""))))
    return out


# --- a sheet -----------------------------------------------------------------------------------

class SheetReader:
    """Checks and stages the rows of one sheet of one file."""

    def __init__(self, writer: "StageWriter", staged: StagedFile, sheet: Sheet, ref, problems: Problems,
                 long_texts: dict, ahead: "IndexAhead | None" = None):
        self.writer, self.file, self.sheet, self.ref, self.problems = writer, staged, sheet, ref, problems
        self.ahead = ahead
        self.long_texts = {(i, c): t for (k, i, c), t in long_texts.items() if k == sheet.key}
        self.ids: set[str] = set()
        cols = [c for c in sheet.columns if c.kind is not Kind.DERIVED]
        self.columns = cols
        self.pos = {c.key: i for i, c in enumerate(cols)}
        # a masked cell holds MASK whatever the column's kind; withheld, the column takes its empty value
        self.personal_at = [(self.pos[c.key], "" if c.kind is Kind.TEXT else None) for c in sheet.personal_columns]
        self.shape = Shape(sheet)
        order = self.shape.cols
        self.stage_of = itemgetter(*[self.pos[k] for k in order])
        self.target = (stage_table(sheet), list(BOOKKEEPING) + order)

    def problem(self, row: int | None, column: str, reason: str) -> None:
        self.problems.add(Problem(self.file.name, self.sheet.title, row, column, reason))

    def read(self, rows, header: list) -> None:
        own = [str(k).strip() if isinstance(k, str) else "" for k in header]
        keys, added = upgrade_header(self.file.meta.format_version, self.sheet.key, own)
        if added:  # columns the file's older format did not have: their documented values
            rows = (list(r[:len(own)]) + [""] * (len(own) - len(r)) + added for r in rows)
        at = {k: i for i, k in enumerate(keys) if k}
        missing = [c for c in self.columns if c.key not in at]
        for c in missing:
            self.problem(fmt.KEY_ROW, c.title, pick(f"缺少欄位「{c.title}」（{c.key}）",
                                                     f"column '{c.title}' ({c.key}) is missing"))
        if missing:
            self.file.rejected[self.sheet.key] = sum(1 for _ in rows)
            return
        plan = [(at[c.key], c, masked_or(converter(c, self.ref)) if c.personal else converter(c, self.ref),
                 f"{get_column_letter(at[c.key] + 1)}（{c.title}）") for c in self.columns]
        # a workbook before v6: the workstations' youth counters become outcome rows (sync/legacy_counters.py)
        legacy = legacy_counters.Collector.for_sheet(self.file.meta.format_version, self.sheet.key, at)
        self.file.letters[self.sheet.key] = {c.key: label for _, c, _, label in plan}
        self._fast = [(i, conv) for i, _, conv, _ in plan]
        width = max(at.values()) + 1
        batch: list[tuple] = []
        staged = rejected = 0
        # a first import's search texts, composed here for the index built beside (sync/index_ahead.py),
        # and the names they take from this workbook's own people, organisations and workstations
        texts = names = None
        if self.ahead is not None:
            texts = self.ahead.texts(self.sheet, self.pos, self.file.meta.counts.get(self.sheet.key, 0), self.ref)
            if self.sheet.key in NAMED:
                names, name_at = self.ahead.names(self.sheet.key), self.pos["name"]
        for n, row in enumerate(rows, FIRST_DATA_ROW):
            if len(row) < width:
                row = list(row) + [""] * (width - len(row))
            if not any(row):  # an empty row (every data row has at least its id)
                continue
            values = self._convert(n, row, plan)
            if values is None:
                rejected += 1
                continue
            if legacy is not None:
                legacy.add(n, {c.key: values[i] for i, c in enumerate(self.columns)}, row)
            batch.append((self.file.number, n) + self._finish(values))
            staged += 1
            if texts is not None:
                texts.add(values)
            if names is not None:
                names[values[0]] = values[name_at]
            if len(batch) >= STAGE_BATCH:
                self.writer.put(self.target, batch)
                batch = []
        if batch:
            self.writer.put(self.target, batch)
        if texts is not None:
            texts.done()
        self.file.staged[self.sheet.key] = staged
        self.file.rejected[self.sheet.key] = rejected
        if legacy is not None and legacy.rows:
            self._stage_legacy(legacy)

    def _stage_legacy(self, legacy: "legacy_counters.Collector") -> None:
        """Stage the outcome rows made from an older workbook's workstation counters."""
        sheet = fmt.BY_KEY["outcomes"]
        order = Shape(sheet).cols
        target = (stage_table(sheet), list(BOOKKEEPING) + order)
        clock = f"{self.file.meta.device}:1"
        self.writer.put(target, [(self.file.number, n, clock, 0) + tuple(values[k] for k in order)
                              for n, values in legacy.rows])
        self.file.staged["outcomes"] = self.file.staged.get("outcomes", 0) + len(legacy.rows)
        self.file.rejected.setdefault("outcomes", 0)

    def _convert(self, n: int, row, plan) -> list | None:
        try:
            values = [conv(row[i]) for i, conv in self._fast]
        except CellError:
            values = []
            for i, _col, conv, label in plan:  # again, cell by cell, to name every problem of the row
                try:
                    values.append(conv(row[i]))
                except CellError as exc:
                    self.problem(n, label, str(exc))
                    values.append(None)
            self._reject(values[0])
            return None
        rid = values[0]
        if rid in self.ids:
            self.problem(n, plan[0][3], pick(f"識別碼 {rid} 在這個工作表出現不只一次", f"id {rid} appears more than once"))
            self._reject(rid)
            return None
        self.ids.add(rid)
        if "township_code" in self.pos:
            town, county = values[self.pos["township_code"]], values[self.pos["county_code"]]
            if town and self.ref.townships[town][0] != county:
                self.problem(n, plan[self.pos["township_code"]][3],
                             pick(f"鄉鎮市區「{self.ref.township_name(town)}」不在縣市「{self.ref.county_name(county)}」",
                                  f"township {town} is not in county {county}"))
                self._reject(rid)
                return None
        if self.long_texts:
            for c in self.columns:
                extra = self.long_texts.get((rid, c.key))
                if extra is not None:
                    values[self.pos[c.key]] += extra
        return values

    def _reject(self, rid: str | None) -> None:
        """Remember a rejected row's id: references to it are not reported a second time."""
        if rid:
            self.file.rejected_ids.setdefault(self.sheet.key, set()).add(rid)

    def _finish(self, values: list) -> tuple:
        withheld = any(values[i] == MASK for i, _empty in self.personal_at)
        if withheld:
            for i, empty in self.personal_at:
                values[i] = empty
        clock = values[self.pos["sync_versions"]] or f"{self.file.meta.device}:{max(1, values[self.pos['version']])}"
        return (clock, int(withheld)) + self.stage_of(values)


class StageWriter:
    """Writes staged batches on a second thread: SQLite works off the GIL while Python converts.

    The reading thread hands over each batch and never touches the connection meanwhile; at the
    end (or on an error) the writer is drained and its first error, if any, raised.
    """

    def __init__(self, link: SyncConnection):
        self.link = link
        self.queue: queue.Queue = queue.Queue(maxsize=4)  # a few batches in flight: memory stays flat
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="sync-stage", daemon=True)

    def __enter__(self) -> "StageWriter":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.queue.put(None)
        self.thread.join()
        if self.error is not None and exc[0] is None:
            raise self.error

    def _run(self) -> None:
        while (item := self.queue.get()) is not None:
            if self.error is None:
                try:
                    (name, columns), batch = item
                    self.link.copy_rows(name, columns, batch)
                except BaseException as exc:  # noqa: BLE001 — handed to the reading thread
                    self.error = exc

    def put(self, target: tuple[str, list[str]], batch: list[tuple]) -> None:
        if self.error is not None:
            raise self.error
        self.queue.put((target, batch))


SMALL_ROWS = 20_000  # sheets this small are read through the second handle while the big ones are being parsed


def stage_file(link: SyncConnection, staged: StagedFile, ref, problems: Problems,
               progress: Callable[[str], None] | None = None, index_ahead: "IndexAhead | None" = None) -> None:
    """Read every sheet of one (safety-checked) file into the staging tables.

    Parsing (calamine, Rust, off the GIL) and converting (Python) overlap on the two cores: the
    biggest sheet is parsed from the start while the small sheets and then the other big ones are
    converted (those parsed one ahead on a second thread), and the biggest is converted last. Each
    parsed grid's memory goes back to the system once its rows are staged.
    """
    rows_checked = RowLimit(staged)
    try:
        wb = CalamineWorkbook.from_path(str(staged.path))
    except (CalamineError, OSError, ValueError) as exc:
        raise _refuse(staged.path, f"活頁簿無法讀取（{exc}）。", f"the workbook can't be read ({exc}).") from None
    try:
        staged.meta = read_meta(staged.path, wb)
        for key, declared in staged.meta.counts.items():
            if declared > safety.MAX_SHEET_ROWS:
                title = fmt.BY_KEY[key].title if key in fmt.BY_KEY else key
                raise safety.too_many_rows(staged.path, title, declared)
        long_texts = read_long_texts(wb)
        staged.programmes = read_programmes(wb)
        names = set(wb.sheet_names)
        todo = []
        for sheet in fmt.SHEETS:
            tab = sheet.title if sheet.title in names else (sheet.key if sheet.key in names else None)
            if tab is None and staged.meta.format_version < fmt.SHEET_SINCE.get(sheet.key, 0):
                continue  # the file predates this sheet
            if tab is None:
                problems.add(Problem(staged.name, sheet.title, None, "",
                                     pick(f"缺少工作表「{sheet.title}」", f"the sheet '{sheet.title}' is missing")))
                staged.rejected[sheet.key] = 0
            else:
                todo.append((staged.meta.counts.get(sheet.key, 0), sheet, tab))
        # the biggest sheet first (its parse starts at once); the others in reference order, so the names a
        # record's search text takes (people, organisations, workstations) are read before it (sync/index_ahead.py)
        large = [t for t in todo if t[0] > SMALL_ROWS]
        first = max(large, key=lambda t: t[0], default=None)
        big = [first, *(t for t in large if t is not first)] if first is not None else []
        small = [t for t in todo if t[0] <= SMALL_ROWS]

        def read(rows_data, sheet) -> None:
            if progress is not None:
                progress(sheet.key)
            rows = iter(rows_data.iter_rows())
            header = next(rows, [])
            next(rows, None)  # the title row
            SheetReader(writer, staged, sheet, ref, problems, long_texts, index_ahead).read(rows, list(header))

        with ThreadPoolExecutor(max_workers=2, thread_name_prefix="sync-read") as pool, StageWriter(link) as writer:
            # The biggest sheet is parsed (Rust, off the GIL) from the start, on a thread of its own: it is the
            # longest parse. Meanwhile this thread reads the small sheets (a second handle on the file), then
            # the other big ones, each parsed one ahead on the second thread (a third handle), and the
            # biggest last. Each sheet's rows are counted (streaming) before calamine builds its grid, by the
            # thread that then parses it.
            biggest = pool.submit(rows_checked.parse, wb, big[0][2]) if big else None
            rest = big[1:]
            handles = [CalamineWorkbook.from_path(str(staged.path)) for _ in range(bool(small) + bool(rest))]
            try:
                mid = handles[-1] if rest else None
                following = pool.submit(rows_checked.parse, mid, rest[0][2]) if rest else None
                for _rows, sheet, tab in small:
                    read(rows_checked.parse(handles[0], tab), sheet)
                for n, (_rows, sheet, _tab) in enumerate(rest):
                    assert following is not None
                    data = following.result()
                    following = pool.submit(rows_checked.parse, mid, rest[n + 1][2]) if n + 1 < len(rest) else None
                    read(data, sheet)
                    del data
                    give_back_memory()
            finally:
                for handle in handles:
                    handle.close()
            if biggest is not None:
                data = biggest.result()
                read(data, big[0][1])
                del data
                give_back_memory()
    except CalamineError as exc:
        raise _refuse(staged.path, f"活頁簿內容無法解析（{exc}）。", f"the workbook's content can't be parsed ({exc}).") from None
    finally:
        wb.close()
        rows_checked.close()


def give_back_memory() -> None:
    """Return the heap memory freed since to the system: a parsed sheet's grid is allocated by the parsing
    thread, and glibc keeps what threads free in their own arenas (~50-100 MB after a 100,000-visit file,
    which a 500 MB import cannot spare); elsewhere nothing to do."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None).malloc_trim(0)
        except (OSError, AttributeError):
            pass


DATA_TITLES = frozenset(s.title for s in fmt.SHEETS)  # tab names of the data sheets (the reader parses these itself)


class RowLimit:
    """Sheets parsed only after their rows were counted against the format's limit (safety.MAX_SHEET_ROWS).

    Small worksheet parts, and every part that is not a data sheet (the meta sheet among them), are
    scanned when the file is opened; a big data sheet just before it is parsed, by the thread that
    parses it — in one pass with the content scan the importer's scanner leaves to it
    (``safety.big_sheet_parts``). Formulas found that way are noted in ``staged.formula_parts``.
    """

    def __init__(self, staged: StagedFile):
        self.staged = staged
        self.path = path = staged.path
        self.zf = zipfile.ZipFile(path)
        self.parts = {tab: part for part, tab in safety.sheet_parts(path).items()}
        self.big = safety.big_sheet_parts(path)
        later = {part for tab, part in self.parts.items() if tab in DATA_TITLES and part in self.big}
        by_part = {part: tab for tab, part in self.parts.items()}
        for info in self.zf.infolist():
            part = info.filename
            if part.startswith("xl/worksheets/") and part.endswith(".xml") and part not in later:
                self._scan(self.zf, part, by_part.get(part, part))

    def _scan(self, zf: zipfile.ZipFile, part: str, tab: str) -> None:
        if safety.scan_sheet(self.path, zf, part, tab) and part in self.big:
            self.staged.formula_parts.append(part)  # the importer's scanner skipped this part

    def parse(self, wb: CalamineWorkbook, tab: str):
        part = self.parts.get(tab)
        if part is not None and part in self.big and tab in DATA_TITLES:
            with zipfile.ZipFile(self.path) as zf:  # a handle of its own: this may run in the pool thread
                self._scan(zf, part, tab)
        return wb.get_sheet_by_name(tab)

    def close(self) -> None:
        self.zf.close()

"""Importing one or several interchange workbooks: check everything, then apply in one transaction.

1. Each file passes the safety checks (size, zip bomb, XML declarations, formulas) — a hostile
   file stops the whole batch before any parser reads it.
2. Every sheet of every file is read, each row checked and staged (temporary tables); then
   references between sheets, files and the database, and unique keys, are checked in SQL.
3. Any problem: nothing is written, the report lists each with sheet, row, column and reason.
4. Otherwise a backup is taken (``services.safety.backup.backup_before``; a server is backed up by its
   pg_dump) and all files are merged in one transaction, sheet by sheet in reference order.
   On a file or a server alike (:mod:`counsel_desk.sync.db`). A dry run does the same and
   rolls back, so the preview is exactly what applying would do; it is noted in the import history.
"""

from __future__ import annotations

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator

from sqlalchemy.exc import DBAPIError

from counsel_desk.errors import UserError
from counsel_desk.i18n import pick
from counsel_desk.services.programme import center_split
from counsel_desk.services.safety.backup import BackupAhead
from counsel_desk.store import audit, programmes, search
from counsel_desk.sync import apply as applying
from counsel_desk.sync import db as syncdb
from counsel_desk.sync import format as fmt
from counsel_desk.sync import natural_keys, safety
from counsel_desk.sync.checks import check_batch
from counsel_desk.sync.index_ahead import IndexAhead
from counsel_desk.sync.refusals import refused_by_server
from counsel_desk.sync.search_build import SideBuild
from counsel_desk.sync.search_text import SearchText
from counsel_desk.sync.problems import OUTCOMES, Cancelled, Problems, empty_counts
from counsel_desk.sync.reader import (
    StagedFile, create_staging, drop_staging, index_staging, stage_file, stage_table,
)
from counsel_desk.sync.values import datetime_text, file_sha256

Progress = Callable[[int, int], bool]


@dataclass
class FileReport:
    name: str
    sha256: str
    center: str = ""
    device: str = ""
    exported_at: str | None = None
    masked: bool = False
    since: str | None = None
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # sheet key → outcome → n


@dataclass
class ProgrammeOutcome:
    """A programme file found in an imported workbook: loaded, kept out (older/same) or unreadable."""

    file: str
    code: str
    outcome: programmes.LoadOutcome | None  # None: the file's text was not a valid programme
    problem: str = ""


@dataclass
class ImportReport:
    files: list[FileReport]
    counts: dict[str, dict[str, int]]  # sheet key → outcome → n (all files)
    problems: Problems
    dry_run: bool
    applied: bool
    seconds: float = 0.0
    backup: Path | None = None
    programmes: list[ProgrammeOutcome] = field(default_factory=list)  # what became of each programme file
    center_split: center_split.SplitReceived | None = None  # a center split a workbook carried (the newest)

    @property
    def totals(self) -> dict[str, int]:
        out = empty_counts()
        for c in self.counts.values():
            for k in OUTCOMES:
                out[k] += c[k]
        return out

    @property
    def conflicts(self) -> int:
        return self.totals["conflicts"]

    @property
    def refused(self) -> bool:
        return bool(self.problems)

    def as_json(self) -> dict:
        return {
            **self.totals,
            "entities": self.counts,
            "dry_run": self.dry_run,
            "applied": self.applied,
            "files": [{"name": f.name, "sha256": f.sha256, "center": f.center, "device": f.device,
                       "exported_at": f.exported_at, "masked": f.masked, "since": f.since} for f in self.files],
            "problems": [p.as_dict() for p in self.problems.items],
            "problems_total": self.problems.total,
            "programmes": [{"file": p.file, "code": p.code, "action": p.outcome.action if p.outcome else "invalid",
                            "version": p.outcome.version if p.outcome else None,
                            "previous_version": p.outcome.previous if p.outcome else None, "problem": p.problem}
                           for p in self.programmes],
            "center_split": None if self.center_split is None else {
                "file": self.center_split.file, "action": self.center_split.action, "set_at": self.center_split.at,
                "moves": self.center_split.moves, "problem": self.center_split.problem},
            "seconds": round(self.seconds, 2),
        }


def _cancelled() -> UserError:
    return Cancelled("已取消匯入，資料庫未做任何變更。", "Import cancelled; the database was not changed.")


def _formula_refusal(path: Path, parts: list[str]) -> UserError:
    names = safety.sheet_parts(path)
    where = []
    for part in parts[:5]:
        cells = safety.formula_cells(path, part, limit=5)
        where.append(f"「{names.get(part, part)}」{', '.join(cells)}")
    listed = "；".join(where)
    return UserError(
        f"無法匯入「{path.name}」：檔案含有公式（{listed}）。交換檔只接受資料，不接受公式；"
        f"請將公式儲存格改為純文字或數值後再匯入。資料庫未做任何變更。",
        f"Cannot import '{path.name}': it contains formulas ({listed}). Interchange files carry data, never "
        f"formulas; turn those cells into plain values first. The database was not changed.")


def _backup_ahead(db, dry_run: bool) -> BackupAhead | None:
    """A file is copied aside (checked) while the workbooks are read and checked, on the other core;
    a server is backed up on the server (pg_dump, docs/server.md); a preview changes nothing."""
    return None if dry_run or db.is_server else BackupAhead(db, "import")


def import_workbooks(db, paths: Iterable[Path | str], *, dry_run: bool = False, actor: str = "",
                     progress: Progress | None = None) -> ImportReport:
    """Check and merge interchange workbooks into ``db``; see the module docstring for the steps."""
    started = time.perf_counter()
    paths = [Path(p).expanduser() for p in paths]
    if not paths:
        raise UserError("沒有選擇要匯入的檔案。", "No file chosen to import.")
    for p in paths:
        if not p.is_file():
            raise UserError(f"找不到檔案：{p}", f"File not found: {p}")
    for p in paths:
        safety.check_file(p, scan=False)  # size and zip-bomb checks: before any parser touches it
    files = [StagedFile(n, p, file_sha256(p)) for n, p in enumerate(paths, 1)]
    problems = Problems()
    ticker = _Ticker(progress, files)
    # The content scan (XML declarations, formulas) inflates every part once more; it runs on the
    # other core while the reader parses — nothing is written before both have finished.
    scanner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-scan")
    stop_scan = threading.Event()
    # the big worksheets are scanned by the reader instead, in one pass with their row count
    scans = [scanner.submit(safety.scan_file, p, stop_scan, safety.big_sheet_parts(p)) for p in paths]
    ahead = _backup_ahead(db, dry_run)
    try:
        report = _import(db, files, problems, ticker, scanner, scans, stop_scan, ahead, dry_run, actor)
    finally:
        if ahead is not None:
            ahead.discard()  # unless taken: refused or failed before merging, no backup is left behind
    report.seconds = time.perf_counter() - started
    return report


def _import(db, files: list[StagedFile], problems: Problems, ticker: "_Ticker", scanner: ThreadPoolExecutor,
            scans: list, stop_scan: threading.Event, ahead: BackupAhead | None, dry_run: bool,
            actor: str) -> ImportReport:
    # a first import's search index: the texts composed while reading, the index built beside the merge
    with syncdb.connection(db) as (conn, link), scanner, staging(link), \
            IndexAhead.opened(link, files, dry_run) as index_ahead:
        ref = syncdb.Reference.load(link)
        link.begin()  # staging writes go to the temporary tables only
        try:
            for f in files:
                stage_file(link, f, ref, problems, progress=ticker.sheet_read, index_ahead=index_ahead)
            index_staging(link)
            natural_keys.unify(link)  # one record per natural key, before the keys are checked
            extra = check_batch(link, files, problems)
        except safety.SheetTooLarge:
            stop_scan.set()  # refused already: don't inflate the rest of a hostile file
            raise
        finally:
            # a hostile file's own message beats whatever the reader made of it
            for f, scan in zip(files, scans):
                if not scan.cancel() and (formulas := scan.result() + f.formula_parts):
                    raise _formula_refusal(f.path, formulas)
        link.commit()
        for (number, key), n in extra.items():
            f = files[number - 1]
            f.rejected[key] = f.rejected.get(key, 0) + n
        counts = {s.key: empty_counts() for s in fmt.SHEETS}
        reports = [_file_report(f) for f in files]
        for f, r in zip(files, reports):
            for key, n in f.rejected.items():
                counts[key]["rejected"] += n
                r.counts.setdefault(key, empty_counts())["rejected"] += n
        report = ImportReport(reports, counts, problems, dry_run, applied=False)
        if problems:
            return report
        if ahead is not None:
            report.backup = ahead.take()
        try:
            split: list[center_split.SplitReceived] = []
            merge_batch(conn, link, files, reports, counts, ref, actor, dry_run, ticker, report.programmes,
                        index_ahead=index_ahead, split_outcome=split)
            report.center_split = split[0] if split else None
        except DBAPIError as exc:  # a counselor's login, another center's records: the server's row-level security
            refusal = refused_by_server(link, exc, "、".join(f.name for f in files),
                                        ("其他中心的紀錄請由該中心（或總部）匯入",
                                         "leave other centers' records for that center (or headquarters) to import"))
            if refusal is None:
                raise
            raise refusal from None
        report.applied = not dry_run
        if report.applied:
            _copy_attachment_files(db, link, files)
    return report


@contextmanager
def staging(link: syncdb.SyncConnection) -> Iterator[None]:
    """The temporary tables a batch is staged, checked and merged through; gone afterwards, whatever happened."""
    create_staging(link)
    applying.create_pick_table(link)
    natural_keys.create_rename_table(link)
    link.commit()
    try:
        yield
    finally:
        link.rollback()
        drop_staging(link)
        applying.drop_pick_table(link)
        natural_keys.drop_rename_table(link)
        link.commit()


def _copy_attachment_files(db, link: syncdb.SyncConnection, files: list[StagedFile]) -> None:
    """Files from a ``-附件.zip`` beside a workbook, for the attachments it names (content-checked)."""
    from counsel_desk.sync.attachments import read_zip

    table = stage_table(fmt.BY_KEY["attachments"])
    for f in files:
        wanted = dict(link.execute(f"SELECT sha256, filename FROM {table} WHERE _file = :f", {"f": f.number}))
        if wanted:
            read_zip(db, f.path, wanted)


def _file_report(f: StagedFile) -> FileReport:
    m = f.meta
    return FileReport(f.name, f.sha256, center=m.center, device=m.device, exported_at=m.exported_at,
                      masked=m.masked, since=m.since)


def merge_batch(conn, link: syncdb.SyncConnection, files: list[StagedFile], reports: list[FileReport], counts: dict,
                ref, actor: str, dry_run: bool, ticker: "_Ticker", programme_outcomes: list[ProgrammeOutcome], *,
                now: str | None = None, index_ahead: IndexAhead | None = None,
                split_outcome: list[center_split.SplitReceived] | None = None) -> None:
    """Merge the checked, staged batch in one transaction (rolled back again for a dry run) and log it."""
    now = now or datetime_text(datetime.now(timezone.utc))
    link.cache_pages(65536)
    link.begin(write=True)

    device = syncdb.device_id(link)
    renamed = natural_keys.rename_records(link)
    if index_ahead is not None:
        index_ahead.reserve(link)  # before anything else numbers records in search_index_doc
    conflicts: list[tuple[str, str, dict]] = []
    search_text = SearchText(link, ref)
    incoming = {} if dry_run else {search.fts_table(s.table): sum(f.staged.get(s.key, 0) for f in files)
                                   for s in fmt.SHEETS if s.search}
    side = SideBuild.start(conn.engine, link, incoming, len(files))  # a large load's search tables: built beside the merge
    try:
        with search.bulk_indexing(conn):  # each sheet's new records are indexed in one statement
            for sheet in fmt.SHEETS:
                for f, r in zip(files, reports):
                    per_file = r.counts.setdefault(sheet.key, empty_counts())
                    before = dict(per_file)
                    found: list[tuple[str, dict]] = []
                    applying.SheetApplier(conn, link, sheet, f, device, now, ref, search_text, per_file, found,
                                          side=side, ahead=index_ahead).run()
                    for k in ("added", "updated", "unchanged", "conflicts"):
                        counts[sheet.key][k] += per_file[k] - before[k]
                    conflicts.extend((sheet.table, rid, detail) for rid, detail in found)
                    ticker.sheet_merged(f, sheet.key)
                if side is not None and sheet.search:
                    side.sheet_done(search.fts_table(sheet.table))
        if index_ahead is not None:  # after bulk_indexing: no FTS5 statement touches an index once copied in
            index_ahead.land(conn, link)
        if side is not None:
            side.finish(link)
        if dry_run:
            link.rollback()
            link.begin(write=True)
            _log(link, files, reports, actor, now, dry_run=True)
            link.commit()
            return
        entries: list[tuple[str, str, str, dict | str]] = [
            ("merge", table, new, {"same_record_as": old}) for table, old, new in renamed]
        entries += [("sync_conflict", table, rid, detail) for table, rid, detail in conflicts]
        for f, r in zip(files, reports):
            added = {k: v for k, v in r.counts.items() if any(v[o] for o in ("added", "updated", "conflicts"))}
            entries.append(("import", "interchange", "", {
                "file": f.name, "sha256": f.sha256, "center": f.meta.center, "device": f.meta.device,
                "counts": added}))
        _log(link, files, reports, actor, now, dry_run=False)
        programme_outcomes.extend(_load_programmes(conn, files, actor))
        if (split := _receive_split(conn, files)) is not None:
            if split_outcome is not None:
                split_outcome.append(split)
            if split.action == "loaded":
                entries.append(("center_split_received", "county", "", {"file": split.file, "set_at": split.at,
                                                                         "moves": split.moves}))
        # last: on a server the audit chain's lock is held from here to COMMIT, not while the batch merged
        audit.append_entries(conn, actor, entries)
        link.commit()
    except BaseException:
        if side is not None:  # its copies are dropped once this transaction has let go of them
            link.rollback()
            side.abandon()
        raise
    finally:
        if side is not None:
            side.release(link)



def _load_programmes(conn, files: list[StagedFile], actor: str) -> list[ProgrammeOutcome]:
    """Keep the programme files the workbooks carry where newer than ours (store.programmes.store audits)."""
    out: list[ProgrammeOutcome] = []
    for f in files:
        for code, body in f.programmes:
            origin = f"{pick('交換檔', 'workbook')}: {f.name}"
            try:
                programme = programmes.parse(body, f"{f.name} / {code}")
            except UserError as exc:
                out.append(ProgrammeOutcome(f.name, code, None, exc.message))
                continue
            outcome = programmes.store(conn, programme, origin=origin, actor=actor)
            out.append(ProgrammeOutcome(f.name, code, outcome, ""))
    return out


def _receive_split(conn, files: list[StagedFile]) -> center_split.SplitReceived | None:
    """The newest center split the workbooks carry, taken when set later than this database's own."""
    carried = [f for f in files if f.meta is not None and f.meta.center_split_at]
    if not carried:
        return None
    newest = max(carried, key=lambda f: f.meta.center_split_at if f.meta else "")
    assert newest.meta is not None
    return center_split.receive(conn, newest.name, newest.meta.center_split, newest.meta.center_split_at)


def _log(link: syncdb.SyncConnection, files: list[StagedFile], reports: list[FileReport], actor: str, now: str, *,
         dry_run: bool) -> None:
    for f, r in zip(files, reports):
        link.execute(
            "INSERT INTO import_log (at, actor, file_name, sha256, format_version, source_device, source_center, "
            "exported_at, dry_run, counts) VALUES (:at, :actor, :name, :sha, :v, :device, :center, :exported, :dry, "
            ":counts)",
            {"at": now, "actor": actor, "name": f.name[:255], "sha": f.sha256, "v": f.meta.format_version,
             "device": f.meta.device, "center": f.meta.center[:16], "exported": f.meta.exported_at, "dry": dry_run,
             "counts": json.dumps(r.counts)})


class _Ticker:
    """Progress over the batch: reading counts each sheet once, merging counts it again."""

    def __init__(self, progress: Progress | None, files: list[StagedFile]):
        self.progress = progress
        self.total = 2 * len(files) * len(fmt.SHEETS)
        self.done = 0

    def _tick(self) -> None:
        self.done += 1
        if self.progress is not None and self.progress(self.done, self.total) is False:
            raise _cancelled()

    def sheet_read(self, _key: str) -> None:
        self._tick()

    def sheet_merged(self, _f, _key: str) -> None:
        self._tick()


def describe(report: ImportReport) -> str:
    """One paragraph for the CLI and the message boxes."""
    t = report.totals
    head = pick("預覽（未寫入）" if report.dry_run else ("已匯入" if report.applied else "未匯入"),
                "Preview (nothing written)" if report.dry_run else ("Imported" if report.applied else "Not imported"))
    body = pick(f"新增 {t['added']:,}、更新 {t['updated']:,}、未變更 {t['unchanged']:,}、衝突 {t['conflicts']:,}、"
                f"拒收 {t['rejected']:,} 筆。",
                f"added {t['added']:,}, updated {t['updated']:,}, unchanged {t['unchanged']:,}, "
                f"conflicts {t['conflicts']:,}, rejected {t['rejected']:,}.")
    if report.problems:
        body += pick(f"發現 {report.problems.total:,} 個問題，資料庫未做任何變更。",
                     f" {report.problems.total:,} problems found; the database was not changed.")
    for p in report.programmes:
        if p.outcome is None or p.outcome.action != "same":
            body += " " + (p.outcome.describe() if p.outcome else p.problem)
    if report.center_split is not None and (said := report.center_split.describe()):
        body += " " + said
    return f"{head}：{body}" if pick("zh", "en") == "zh" else f"{head}: {body}"

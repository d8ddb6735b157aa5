"""與中心伺服器同步: a laptop's file and its center's server exchange their changes without a workbook.

One engine, two transports. A workbook carries a database's changes as sheets of cells; here the same
change rows — every synced record changed since the last exchange, in storage form, with its clock —
stream from one database's connection into the other's staging tables, and from there go through the
importer's own checks (:func:`counsel_desk.sync.checks.check_batch`) and merge
(:func:`counsel_desk.sync.importer.merge_batch`): the same merge rules, the same conflict store.

1. **Pull**: the server's changes since it last sent to this laptop are merged into the laptop (one
   transaction on the laptop). A record changed on both sides is a stored conflict on the laptop, both
   values kept; a person decides it there.
2. **Push**: the laptop's changes since it last sent to this server go to the server (one transaction
   there) — except records with an open conflict here, which travel once decided (the decision's clock
   is newer than both versions, so it replaces the server's), and records the pull just brought.
3. Each side notes what it sent and up to when in its ``export_log`` (the laptop: ``server:<address>``,
   the server: ``device:<laptop's device id>``), so the next sync sends only what changed since — and
   after a failure in between, sends it again, which changes nothing.

A laptop that can't reach the server is told so and nothing changes; offline work continues as before.
The push is written under the person's own login: when the server's row-level security refuses a
record of another center in it, nothing of the push is written and she is told which center's records
(:func:`counsel_desk.sync.refusals.refused_by_server`).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from counsel_desk import __version__
from counsel_desk.errors import UserError
from counsel_desk.i18n import pick
from counsel_desk.sync import clock as clocks
from counsel_desk.sync import db as syncdb
from counsel_desk.sync import format as fmt
from counsel_desk.sync import natural_keys
from counsel_desk.sync.checks import check_batch
from counsel_desk.sync.export import CUTOFF_MARGIN, last_export, log_export
from counsel_desk.sync.importer import FileReport, merge_batch, staging
from counsel_desk.sync.refusals import refused_by_server
from counsel_desk.sync.problems import OUTCOMES, Cancelled, Problems, empty_counts
from counsel_desk.sync.reader import BOOKKEEPING, FileMeta, StagedFile, index_staging, stage_table
from counsel_desk.sync.shape import Shape, link_expr
from counsel_desk.sync.values import datetime_text

if TYPE_CHECKING:
    from counsel_desk.store.database import Database

Progress = Callable[[int, int], bool]
BATCH = 2000
SERVER_PREFIX = "server:"  # the laptop's export_log destination for a server
DEVICE_PREFIX = "device:"  # the server's export_log destination for a laptop


@dataclass
class Direction:
    """What one direction of a sync did: counts per sheet and outcome, as an import reports them."""

    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    sent: int = 0

    @property
    def totals(self) -> dict[str, int]:
        out = empty_counts()
        for c in self.counts.values():
            for k in OUTCOMES:
                out[k] += c.get(k, 0)
        return out


@dataclass
class ServerSyncReport:
    server: str  # the server database's address (no password)
    pulled: Direction
    pushed: Direction
    seconds: float = 0.0

    @property
    def conflicts(self) -> int:
        return self.pulled.totals["conflicts"] + self.pushed.totals["conflicts"]

    def as_json(self) -> dict[str, object]:
        return {"server": self.server, "pulled": self.pulled.totals, "pushed": self.pushed.totals,
                "seconds": round(self.seconds, 2)}


class StagedStream(StagedFile):
    """The change rows of one database, staged as a workbook's rows are (``name`` says where from)."""

    def __init__(self, label: str, meta: FileMeta):
        super().__init__(1, Path("server-sync"), "", meta=meta)
        self.label = label

    @property
    def name(self) -> str:
        return self.label


def unreachable(where: str, reason: object) -> UserError:
    return UserError(
        f"無法連線到中心伺服器 {where}（{reason}）。這台電腦上的資料沒有任何變更；可以繼續離線工作，"
        f"能連上伺服器時再同步。",
        f"Cannot reach the center server {where} ({reason}). Nothing was changed on this computer; keep "
        f"working offline and sync when the server can be reached.")


def open_server(target: str, password: str | None = None) -> Database:
    """The center server's database (password: given, else the keyring's); unreachable: a message in words."""
    from counsel_desk.errors import DatabaseError
    from counsel_desk.store import open_database
    from counsel_desk.store.server import display_name, is_server_target

    if not is_server_target(target):
        raise UserError(f"「{target}」不是伺服器位址（應為 postgresql://帳號@主機/資料庫）。",
                        f"'{target}' is not a server address (postgresql://login@host/database).")
    where = display_name(target)
    try:
        if password is not None:
            from counsel_desk.store.server import open_server as connect

            connect(target, password=password, create=False).engine.dispose()  # checks the schema first
        return open_database(target, create=False)
    except DatabaseError as exc:
        raise unreachable(where, exc.message) from None
    except Exception as exc:  # noqa: BLE001 — the driver's own errors (no route, refused, timed out)
        raise unreachable(where, getattr(exc, "orig", None) or exc) from None


def sync_with_server(laptop: Database, server: Database, *, actor: str = "", progress: Progress | None = None) -> ServerSyncReport:
    """Pull the server's changes into ``laptop``, then push the laptop's to ``server`` (both open Databases)."""
    started = time.perf_counter()
    if laptop.is_server or not server.is_server:
        raise UserError("與中心伺服器同步需要這台電腦的資料庫檔案與一個伺服器資料庫。",
                        "Syncing with the center server needs this computer's database file and a server database.")
    where = server.where
    ticker = _Ticker(progress)
    with syncdb.connection(laptop) as (l_conn, lap), syncdb.connection(server) as (s_conn, srv):
        lap_device, srv_device = syncdb.device_id(lap), syncdb.device_id(srv)
        lap.commit()
        srv.commit()
        pulled_at = datetime_text(datetime.now(timezone.utc))
        pulled = _send(srv, srv_device, f"{DEVICE_PREFIX}{lap_device}", lap, l_conn, actor, ticker,
                       label=pick(f"中心伺服器 {where}", f"center server {where}"), now=pulled_at,
                       cancelled=("已取消同步，這台電腦與伺服器的資料都沒有變更。",
                                  "Sync cancelled; nothing changed on this computer or the server."))
        pushed = _send(lap, lap_device, f"{SERVER_PREFIX}{where}", srv, s_conn, actor, ticker,
                       label=pick(f"筆電 {lap_device}", f"laptop {lap_device}"), skip_merged_at=pulled_at,
                       cancelled=("已取消送出：伺服器的變更已取回這台電腦，這台電腦的變更尚未送出。",
                                  "Sending cancelled: the server's changes are on this computer, this "
                                  "computer's changes were not sent."))
    return ServerSyncReport(where, pulled, pushed, time.perf_counter() - started)


def _send(source: syncdb.SyncConnection, source_device: str, destination: str, target: syncdb.SyncConnection,
          target_conn: Connection, actor: str, ticker: "_Ticker", *, label: str, cancelled: tuple[str, str], now: str | None = None,
          skip_merged_at: str | None = None) -> Direction:
    """Stream ``source``'s changes since it last sent to ``destination`` into ``target``, check and merge them
    there, then note the sending at the source."""
    prev = last_export(source, destination)
    since = prev[0] if prev else None
    cutoff = datetime.now(timezone.utc) - CUTOFF_MARGIN
    meta = FileMeta(format_version=fmt.FORMAT_VERSION, center=syncdb.home_center(source), device=source_device,
                    exported_at=datetime_text(datetime.now(timezone.utc)), exported_by=actor, app_version=__version__,
                    masked=False, since=since)
    staged = StagedStream(label, meta)
    problems = Problems()
    direction = Direction()
    with staging(target):
        ref = syncdb.Reference.load(target)
        source.begin(snapshot=True)  # one consistent state of the source for every sheet
        target.begin()
        try:
            for sheet in fmt.SHEETS:
                n = _stage_sheet(source, source_device, target, staged, sheet, since, skip_merged_at)
                staged.staged[sheet.key] = n
                direction.sent += n
                ticker.tick(cancelled)
        finally:
            source.rollback()
        index_staging(target)
        natural_keys.unify(target)
        check_batch(target, [staged], problems)
        target.commit()
        if problems:
            first = "；".join(f"{p.sheet} {p.column}：{p.reason}" for p in problems.items[:3])
            raise UserError(f"{label} 的變更有 {problems.total} 個問題，未合併（{first}）。資料庫未做任何變更。",
                            f"{problems.total} problems in the changes from {label}; nothing merged ({first}). "
                            f"The database was not changed.")
        counts = {s.key: empty_counts() for s in fmt.SHEETS}
        report = FileReport(staged.name, "", center=meta.center, device=source_device, exported_at=meta.exported_at,
                            since=since)
        try:
            merge_batch(target_conn, target, [staged], [report], counts, ref, actor, False,
                        ticker.merging(cancelled), [], now=now)
        except DBAPIError as exc:
            refusal = refused_by_server(target, exc, label, (
                "這台電腦上的資料也都還在；請把那些紀錄改回，或交由該中心處理後再同步",
                "everything on this computer is still there; undo those records or leave them to that center, "
                "then sync again"))
            if refusal is None:
                raise
            raise refusal from None
    direction.counts = counts
    source.begin(write=True)
    log_export(source, actor=actor, destination=destination, cutoff=cutoff, since=since, masked=False, sha256="",
               counts={k: v for k, v in staged.staged.items() if v})
    source.commit()
    return direction


def _stage_sheet(source: syncdb.SyncConnection, device: str, target: syncdb.SyncConnection, staged: StagedStream,
                 sheet: fmt.Sheet, since: str | None, skip_merged_at: str | None) -> int:
    """Copy one sheet's changed records (storage form, with their clocks) into the target's staging table."""
    shape = Shape(sheet)
    exprs = [f"t.{k}" for k in shape.db_cols] + [link_expr(c) for c in shape.links]
    where = ["NOT EXISTS (SELECT 1 FROM sync_conflict c WHERE c.entity = :e AND c.record_id = t.id "
             "AND c.status = 'open')"]  # decided first, then it travels
    params: dict[str, object] = {"e": sheet.table}
    if since is not None:
        where.append("(t.updated_at > :since OR b.merged_at > :since)")
        params["since"] = since
    if skip_merged_at is not None:  # just brought from the other side, unchanged since: it has it
        where.append("NOT (b.merged_at IS NOT NULL AND b.merged_at = :merged AND t.version = b.local_version)")
        params["merged"] = skip_merged_at
    rows = source.execute(
        f"SELECT {', '.join(exprs)}, b.clock, b.local_version, b.withheld FROM {sheet.table} t "
        f"LEFT JOIN sync_base b ON b.entity = :e AND b.record_id = t.id WHERE {' AND '.join(where)} ORDER BY t.rowid",
        params)
    version_at = shape.pos["version"]
    width = len(shape.cols)
    personal = [shape.pos[k] for k in shape.personal]
    columns = list(BOOKKEEPING) + shape.cols
    table = stage_table(sheet)
    n = 0
    while chunk := rows.fetchmany(BATCH):
        batch = []
        for row in chunk:
            values = list(row[:width])
            b_clock, b_version, b_withheld = row[width], row[width + 1], row[width + 2]
            clock = clocks.current(clocks.parse(b_clock) if b_clock is not None else None, b_version,
                                   values[version_at], device)
            if b_withheld:  # this database never had the personal fields: they don't travel as blanks
                for i in personal:
                    values[i] = ""
            n += 1
            batch.append((staged.number, n, clocks.format(clock), int(bool(b_withheld)), *values))
        target.copy_rows(table, columns, batch)
    return n


class _Ticker:
    """Progress over both directions: each sheet once when read and once when merged."""

    def __init__(self, progress: Progress | None):
        self.progress = progress
        self.total = 4 * len(fmt.SHEETS)
        self.done = 0

    def tick(self, cancelled: tuple[str, str]) -> None:
        self.done += 1
        if self.progress is not None and self.progress(self.done, self.total) is False:
            raise Cancelled(*cancelled)

    def merging(self, cancelled: tuple[str, str]) -> Any:
        ticker = self

        class _Merged:
            def sheet_merged(self, _f: object, _key: str) -> None:
                ticker.tick(cancelled)

        return _Merged()


def describe(report: ServerSyncReport) -> str:
    """One paragraph for the CLI and the message boxes."""
    def part(t: dict[str, int]) -> str:
        return pick(f"新增 {t['added']:,}、更新 {t['updated']:,}、衝突 {t['conflicts']:,} 筆",
                    f"added {t['added']:,}, updated {t['updated']:,}, conflicts {t['conflicts']:,}")

    text = pick(f"已與中心伺服器 {report.server} 同步。取回：{part(report.pulled.totals)}；"
                f"送出：{part(report.pushed.totals)}。",
                f"Synced with the center server {report.server}. Received: {part(report.pulled.totals)}; "
                f"sent: {part(report.pushed.totals)}.")
    if report.conflicts:
        text += pick(" 有衝突需要決定：請到「衝突」分頁逐欄選擇。", " Some conflicts need a decision: see the Conflicts tab.")
    return text

"""Sent means frozen: report snapshots (已送出版本) and their revisions.

"Mark as sent" stores the report's figures (JSON) and the exact Excel and PDF bytes with their
SHA-256 in a ReportSnapshot, revision 1, 2, … per center and period. A sent revision reopens
byte for byte as it was sent (the hashes are checked). When the data of a sent period changes
later, :func:`compare_with_sent` names the figures that differ (in Chinese) and
:func:`issue_revision` sends the current report as the next revision; earlier revisions stay.
"""

from __future__ import annotations

import hashlib
import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime
from typing import Callable

from sqlalchemy import func
from sqlmodel import select

from counsel_desk.errors import UserError
from counsel_desk.models import ReportSnapshot, utcnow
from counsel_desk.reports.figures import compute
from counsel_desk.reports.figure_changes import FigureDifference, differences
from counsel_desk.reports.figures_types import FigureChange, ReportFigures, RevisionNotes
from counsel_desk.reports.monthly_pdf import pdf_bytes
from counsel_desk.reports.gc_pause import gc_paused
from counsel_desk.reports.monthly_xlsx import xlsx_packed_by
from counsel_desk.services.period import Period
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.formatting import roc_date
from counsel_desk.store import audit
from counsel_desk.services.changes import Kind, changes

Progress = Callable[[int, int], bool]
ENTITY = "report_snapshot"


@dataclass
class GeneratedReport:
    """A report made from the current data: figures, their JSON and the two files' bytes."""

    figures: ReportFigures
    data: dict
    xlsx: bytes
    pdf: bytes
    revision: int  # the revision this report becomes when it is marked as sent
    prepared_by: str
    made_on: date

    @property
    def period(self) -> Period:
        return self.figures.period


@dataclass(frozen=True)
class SentReport:
    id: str
    center_code: str
    period_start: date
    period_end: date
    revision: int
    sent_at: datetime
    sent_by: str
    xlsx_sha256: str
    pdf_sha256: str

    @property
    def label(self) -> str:
        return f"第 {self.revision} 版（{roc_date(self.sent_at.date())} 由 {self.sent_by or '—'} 送出）"


@dataclass(frozen=True)
class SentFiles:
    report: SentReport
    data: dict
    xlsx: bytes
    pdf: bytes


@dataclass(frozen=True)
class Comparison:
    latest: SentReport | None
    differences: list[FigureDifference]

    @property
    def differs(self) -> bool:
        return self.latest is not None and bool(self.differences)

    def summary_zh(self, most: int = 6) -> str:
        """「已送出的第 1 版與目前資料不同：訪視總次數（送出 110，目前 111）、…」."""
        if not self.differs:
            return ""
        parts = [f"{d.name}（送出 {_show(d.sent)}，目前 {_show(d.current)}）" for d in self.differences[:most]]
        more = f"等 {len(self.differences)} 項" if len(self.differences) > most else ""
        return f"已送出的第 {self.latest.revision} 版與目前資料不同：{'、'.join(parts)}{more}。"


def _show(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return f"{value:,.4g}" if abs(value) < 10 else f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _require_center(center: str | None) -> str:
    if center is None:
        raise UserError("全部分區的彙整報表不能標記為已送出；請選擇一個分區中心。",
                        "A report of all centers cannot be marked as sent; choose one center.")
    return center


def _sent(row: ReportSnapshot) -> SentReport:
    return SentReport(row.id, row.center_code, row.period_start, row.period_end, row.revision, row.sent_at,
                      row.sent_by, row.xlsx_sha256, row.pdf_sha256)


def _where(center: str, period: Period):
    return (ReportSnapshot.center_code == center, ReportSnapshot.period_start == period.start,
            ReportSnapshot.period_end == period.end)


def next_revision(ctx: ServiceContext, center: str | None, period: Period) -> int:
    if center is None:
        return 1
    with ctx.session_factory() as session:
        latest = session.exec(select(func.max(ReportSnapshot.revision)).where(*_where(center, period))).one()
    return (latest or 0) + 1


def generate(ctx: ServiceContext, center: str | None, period: Period, *, prepared_by: str | None = None,
             today: date | None = None, summary_only: bool = False, progress: Progress | None = None,
             reason: str = "") -> GeneratedReport:
    """Figures, JSON, Excel and PDF of the current data; safe to run off the GUI thread.

    A period wholly in the future is refused; one not yet ended is made provisional (期中暫定). From
    revision 2 on the report carries its 修正說明: ``reason`` and the figures changed since the
    latest sent revision. ``summary_only``: the PDF without appendices and with long lists shortened
    (the Excel is whole).
    """
    today = today or date.today()
    period.refuse_future(today)
    prepared_by = ctx.actor if prepared_by is None else prepared_by
    revision = next_revision(ctx, center, period)

    def part(offset: int):
        if progress is None:
            return None
        return lambda done, total: progress(offset + done * 4 // max(total, 1), 10)

    if progress is not None and progress(0, 10) is False:
        raise UserError("已取消產生報表。", "Report generation cancelled.")
    figures = compute(ctx.session_factory, center, period, today=today)
    if center is not None:
        figures.revision = revision
        if revision > 1:
            figures.revision_notes = revision_notes(ctx, center, period, figures.as_json(), reason)
    if progress is not None and progress(2, 10) is False:
        raise UserError("已取消產生報表。", "Report generation cancelled.")
    # the workbook is zipped on a thread of its own while the PDF is made (zlib runs outside the GIL)
    with gc_paused(), ThreadPoolExecutor(1, thread_name_prefix="report-xlsx") as packer:
        xlsx_done = xlsx_packed_by(packer, figures, prepared_by=prepared_by, today=today,
                                   revision=revision if center is not None else None, progress=part(2))
        pdf = pdf_bytes(figures, county_codes=_county_codes(ctx, center, figures), prepared_by=prepared_by,
                        today=today, revision=revision if center is not None else None, summary_only=summary_only,
                        progress=part(6))
        xlsx = xlsx_done.result()
    if progress is not None:
        progress(10, 10)
    return GeneratedReport(figures, figures.as_json(), xlsx, pdf, revision, prepared_by, today)


def revision_notes(ctx: ServiceContext, center: str, period: Period, current: dict, reason: str) -> RevisionNotes:
    """修正說明: each figure that differs from the latest sent revision (sent value → new value) and the reason."""
    latest = latest_sent(ctx, center, period)
    if latest is None:
        return RevisionNotes(reason.strip(), [], 0)
    sent = open_sent(ctx, latest.id).data
    changes = [FigureChange(".".join(d.path), d.name, d.sent, d.current) for d in differences(sent, current)]
    return RevisionNotes(reason.strip(), changes, latest.revision)


def _county_codes(ctx: ServiceContext, center: str | None, figures: ReportFigures) -> list[str]:
    """The map shows the center's own counties and any other county visited in the period."""
    if center is None:
        return [c.county_code for c in figures.visits_by_county]
    from sqlalchemy import text

    with ctx.session_factory() as session:
        own = set(session.connection().execute(text("SELECT code FROM county WHERE default_center = :c"),
                                               {"c": center}).scalars())
    return [c.county_code for c in figures.visits_by_county if c.count or c.county_code in own]


@changes(Kind.REPORTS)
def mark_as_sent(ctx: ServiceContext, report: GeneratedReport) -> SentReport:
    """Freeze a generated report as the next revision of its center and period (audited)."""
    center = _require_center(report.figures.center)
    period = report.period
    if report.figures.provisional:
        raise UserError(f"{period.label_zh}尚未結束，報表為期中暫定，不能標記為已送出；請於 {roc_date(period.end)} 之後再產生。",
                        f"The period {period.key} has not ended: a provisional report cannot be marked as sent.")
    notes = report.figures.revision_notes
    if report.revision > 1 and (notes is None or not notes.reason):
        raise UserError(f"發出第 {report.revision} 版須說明修正原因（修正說明）。",
                        f"Revision {report.revision} needs the reason it is issued.")
    with ctx.session_factory() as session:
        latest = session.exec(select(func.max(ReportSnapshot.revision)).where(*_where(center, period))).one() or 0
        if report.revision != latest + 1:
            raise UserError(f"這份報表準備為第 {report.revision} 版，但已有第 {latest} 版送出；請重新產生報表後再送出。",
                            f"This report was made as revision {report.revision} but revision {latest} has been "
                            "sent meanwhile; generate it again.")
        row = ReportSnapshot(center_code=center, period_start=period.start, period_end=period.end,
                             revision=report.revision, sent_at=utcnow(), sent_by=ctx.actor,
                             figures_json=json.dumps(report.data, ensure_ascii=False, sort_keys=True),
                             xlsx_sha256=sha256(report.xlsx), pdf_sha256=sha256(report.pdf),
                             xlsx_bytes=report.xlsx, pdf_bytes=report.pdf)
        session.add(row)
        session.flush()
        audit.record(session, ctx.actor, "send", ENTITY, row.id,
                     {"center": center, "period": period.key, "revision": row.revision,
                      "xlsx_sha256": row.xlsx_sha256, "pdf_sha256": row.pdf_sha256})
        session.commit()
        return _sent(row)


def list_sent(ctx: ServiceContext, center: str | None = None, period: Period | None = None) -> list[SentReport]:
    """Sent revisions, newest first; for one center and/or period when given."""
    with ctx.session_factory() as session:
        q = select(ReportSnapshot.id, ReportSnapshot.center_code, ReportSnapshot.period_start,
                   ReportSnapshot.period_end, ReportSnapshot.revision, ReportSnapshot.sent_at,
                   ReportSnapshot.sent_by, ReportSnapshot.xlsx_sha256, ReportSnapshot.pdf_sha256)
        if center is not None:
            q = q.where(ReportSnapshot.center_code == center)
        if period is not None:
            q = q.where(ReportSnapshot.period_start == period.start, ReportSnapshot.period_end == period.end)
        rows = session.exec(q.order_by(ReportSnapshot.period_start.desc(), ReportSnapshot.revision.desc())).all()
    return [SentReport(*r) for r in rows]


def open_sent(ctx: ServiceContext, snapshot_id: str) -> SentFiles:
    """A sent revision exactly as sent; refuses files whose bytes no longer match their stored hash."""
    with ctx.session_factory() as session:
        row = session.get(ReportSnapshot, snapshot_id)
        if row is None:
            raise UserError("找不到這個已送出的報表版本。", "No such sent report revision.")
        xlsx, pdf = row.xlsx_bytes or b"", row.pdf_bytes or b""
        if sha256(xlsx) != row.xlsx_sha256 or sha256(pdf) != row.pdf_sha256:
            raise UserError(f"已送出的第 {row.revision} 版檔案與送出時的雜湊值不符，可能已遭修改。",
                            f"The files of sent revision {row.revision} do not match their hashes.")
        return SentFiles(_sent(row), json.loads(row.figures_json or "{}"), xlsx, pdf)


def latest_sent(ctx: ServiceContext, center: str, period: Period) -> SentReport | None:
    found = list_sent(ctx, center, period)
    return found[0] if found else None


def compare_with_sent(ctx: ServiceContext, center: str | None, period: Period,
                      current: dict | None = None) -> Comparison:
    """The figures of the latest sent revision that differ from the current data (none sent: empty)."""
    if center is None:
        return Comparison(None, [])
    latest = latest_sent(ctx, center, period)
    if latest is None:
        return Comparison(None, [])
    sent = open_sent(ctx, latest.id).data
    if current is None:
        current = compute(ctx.session_factory, center, period).as_json()
    return Comparison(latest, differences(sent, current))


def issue_revision(ctx: ServiceContext, center: str, period: Period, *, reason: str, prepared_by: str | None = None,
                   progress: Progress | None = None) -> tuple[SentReport, GeneratedReport]:
    """Make the report from the current data, with its 修正說明, and send it as the next revision."""
    if not (reason or "").strip():
        raise UserError("請說明發出修正版的原因。", "Give the reason for the revision.")
    report = generate(ctx, _require_center(center), period, prepared_by=prepared_by, progress=progress, reason=reason)
    return mark_as_sent(ctx, report), report

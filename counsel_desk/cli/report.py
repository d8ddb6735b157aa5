"""``counsel-desk report``: the monthly report (月報) of a center as Excel, PDF and/or JSON.

Without ``--center`` the report is for the database's own center: the one with the most visits
(a center's laptop holds its own center's records; a merged headquarters database gets the
largest center, and ``--center`` picks another). Nothing is marked as sent from here; that is
done in the app, which keeps the sent revisions.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sqlalchemy import text

from counsel_desk.cli.common import add_db_option, center_code, open_existing, print_json
from counsel_desk.i18n import pick


def register(sub) -> None:
    p = sub.add_parser("report", help=pick("產生分區中心月報（Excel、PDF 或 JSON）",
                                           "make a center's monthly report (Excel, PDF or JSON)"))
    add_db_option(p, required=True)
    p.add_argument("--month", required=True, metavar="YYYY-MM",
                   help=pick("報告月份，例如 2026-11（亦可 115-11）", "the month, e.g. 2026-11 (or ROC 115-11)"))
    p.add_argument("--center", metavar="NAME", help=pick("北區、中區、南區 或 東區（預設：資料庫中訪視最多的分區）",
                                                          "north, central, south or east (default: the center "
                                                          "with the most visits in the database)"))
    p.add_argument("--xlsx", type=Path, metavar="FILE", help=pick("寫出 Excel 檔", "write the Excel workbook"))
    p.add_argument("--pdf", type=Path, metavar="FILE", help=pick("寫出 PDF 檔", "write the PDF"))
    p.add_argument("--json", action="store_true", help=pick("以 JSON 印出各項數字", "print the figures as JSON"))
    p.set_defaults(func=run_report)


def database_center(db) -> str:
    """The center with the most live visits (north for an empty database)."""
    with db.engine.connect() as conn:
        row = conn.execute(text("SELECT center_code FROM site_visit WHERE deleted_at IS NULL "
                                "GROUP BY center_code ORDER BY count(*) DESC, center_code LIMIT 1")).first()
    return row[0] if row else "north"


def run_report(args: argparse.Namespace) -> int:
    from counsel_desk.reports.period import Period
    from counsel_desk.reports.snapshots import generate
    from counsel_desk.services.base import ServiceContext

    period = Period.parse_month(args.month)  # a clear zh message for a bad month, before opening anything
    center = center_code(args.center) if args.center else None
    db = open_existing(args)
    try:
        center = center or database_center(db)
        ctx = ServiceContext(db.session_factory, actor="", center_code=center)
        report = generate(ctx, center, period, prepared_by="")
    finally:
        db.close()
    from counsel_desk.services import atomic

    written = []
    if args.xlsx:
        atomic.write_bytes(args.xlsx, report.xlsx)
        written.append(str(args.xlsx))
    if args.pdf:
        atomic.write_bytes(args.pdf, report.pdf)
        written.append(str(args.pdf))
    if args.json:
        print_json(report.data)
    elif not written:
        f = report.figures
        print(pick(f"{f.center_name} {f.period.label_zh}：訪視 {f.visits_total:,} 次、追蹤事項新增 {f.followups_opened:,} 件、"
                   f"逾期 {f.followups_overdue:,} 件、工作站輔導 {f.support_sessions:,} 場、活動 {f.events:,} 場。"
                   "（用 --xlsx、--pdf 或 --json 輸出）",
                   f"{f.center} {f.period.key}: {f.visits_total:,} visits, {f.followups_opened:,} follow-ups opened, "
                   f"{f.followups_overdue:,} overdue, {f.support_sessions:,} support sessions, {f.events:,} events. "
                   "(use --xlsx, --pdf or --json)"))
    for path in written:
        if not args.json:
            print(pick(f"已寫出 {path}", f"Wrote {path}"))
    return 0

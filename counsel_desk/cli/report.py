"""``counsel-desk report``: a center's report (月報, 季報, 年度報告 or any period) as Excel, PDF and/or JSON.

Without ``--center`` the report is for the database's own center: the one with the most visits
(a center's laptop holds its own center's records; a merged headquarters database gets the
largest center, and ``--center`` picks another; ``--center all`` reports the four centers together,
with a by-center breakdown). The period is one of ``--month``, ``--quarter``, ``--year`` (ROC years
accepted) or ``--from``/``--to``. 製表人 is ``--prepared-by`` or the user's name from the app's
settings. Nothing is marked as sent from here; that is done in the app, which keeps the sent revisions.
"""

from __future__ import annotations

import argparse
import configparser
import inspect
from datetime import date
from pathlib import Path

from sqlalchemy import text

from counsel_desk import errors, paths
from counsel_desk.cli.common import add_db_option, center_code, open_existing, print_json
from counsel_desk.errors import UserError
from counsel_desk.i18n import pick

ALL_CENTERS = ("all", "全部", "全部分區")


def register(sub) -> None:
    p = sub.add_parser("report", help=pick("產生分區中心報表：月報、季報、年度報告（Excel、PDF 或 JSON）",
                                           "make a center's report for a month, quarter, year or period "
                                           "(Excel, PDF or JSON)"))
    add_db_option(p, required=True)
    when = p.add_mutually_exclusive_group(required=True)
    when.add_argument("--month", metavar="YYYY-MM",
                      help=pick("報告月份，例如 2026-11（亦可 115-11）", "the month, e.g. 2026-11 (or ROC 115-11)"))
    when.add_argument("--quarter", metavar="YYYY-Qn",
                      help=pick("報告季別，例如 2026-Q4（亦可 115-Q4）", "the quarter, e.g. 2026-Q4 (or ROC 115-Q4)"))
    when.add_argument("--year", metavar="YYYY",
                      help=pick("報告年度，西元 2026 或民國 115", "the year, e.g. 2026 or the ROC year 115"))
    when.add_argument("--from", dest="date_from", metavar="DATE",
                      help=pick("自訂期間的開始日（須與 --to 同用），例如 115/01/05",
                                "first day of a custom period (with --to), e.g. 2026-01-05"))
    p.add_argument("--to", dest="date_to", metavar="DATE",
                   help=pick("自訂期間的結束日（含）", "last day of a custom period (inclusive)"))
    p.add_argument("--center", metavar="NAME",
                   help=pick("北區、中區、南區、東區，或 all（全部分區）；預設：資料庫中訪視最多的分區",
                             "north, central, south, east or all (default: the center with the most visits)"))
    p.add_argument("--xlsx", type=Path, metavar="FILE", help=pick("寫出 Excel 檔", "write the Excel workbook"))
    p.add_argument("--pdf", type=Path, metavar="FILE", help=pick("寫出 PDF 檔", "write the PDF"))
    p.add_argument("--summary-only", action="store_true",
                   help=pick("PDF 只印摘要（不含附錄；完整清單在 Excel）",
                             "the PDF without appendices (the full lists stay in the Excel)"))
    p.add_argument("--prepared-by", metavar="NAME",
                   help=pick("製表人（預設：程式設定中的使用者名稱）", "prepared by (default: the user's name in settings)"))
    p.add_argument("--json", action="store_true", help=pick("以 JSON 印出各項數字", "print the figures as JSON"))
    p.set_defaults(func=run_report)


def database_center(db) -> str:
    """The center with the most live visits (north for an empty database)."""
    with db.engine.connect() as conn:
        row = conn.execute(text("SELECT center_code FROM site_visit WHERE deleted_at IS NULL "
                                "GROUP BY center_code ORDER BY count(*) DESC, center_code LIMIT 1")).first()
    return row[0] if row else "north"


def report_period(args: argparse.Namespace, today: date):
    """The period the options name; a clear Chinese message for a bad or future one (exit 2)."""
    from counsel_desk.services.period import Period
    from counsel_desk.services.formatting import parse_date

    if args.month:
        period = Period.parse_month(args.month)
    elif args.quarter:
        period = Period.parse_quarter(args.quarter)
    elif args.year:
        period = Period.parse_year(args.year)
    else:
        if not args.date_to:
            raise UserError("自訂期間須同時指定 --from 與 --to。", "A custom period needs both --from and --to.")
        period = Period.custom(parse_date(args.date_from), parse_date(args.date_to))
    if args.date_to and not args.date_from:
        raise UserError("--to 須與 --from 同用。", "--to goes with --from.")
    period.refuse_future(today)
    return period


def settings_user_name() -> str:
    """The user's name as the app keeps it (QSettings ini, [user] name), read without Qt; '' if none."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(paths.settings_file(), encoding="utf-8")
        raw = parser.get("user", "name", fallback="").strip()
    except (OSError, configparser.Error, UnicodeDecodeError):
        return ""
    if len(raw) >= 2 and raw[0] == raw[-1] == '"':
        raw = raw[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    return raw


def _check_target(path: Path | None) -> None:
    """An output file's folder must exist: it is not created silently."""
    if path is None:
        return
    folder = path.expanduser().resolve().parent
    if not folder.is_dir():
        raise UserError(f"輸出資料夾「{folder}」不存在；請先建立它，或指定另一個位置給「{path.name}」。",
                        f"The output folder '{folder}' does not exist; create it or choose another place for "
                        f"'{path.name}'.")


def _write(path: Path, data: bytes) -> None:
    """Write atomically; an error names the user's file, not the temporary file beside it."""
    from counsel_desk.services.safety import atomic

    try:
        atomic.write_bytes(path, data)
    except OSError as exc:
        raise (errors.file_error(path, exc) or UserError(f"無法寫出「{path}」：{exc.strerror or exc}",
                                                         f"Cannot write '{path}': {exc.strerror or exc}")) from None


def _summary(args: argparse.Namespace, generate) -> dict[str, bool]:
    """``--summary-only`` passed through to the renderer, which makes the summary PDF (appendices left out)."""
    if not args.summary_only:
        return {}
    if "summary_only" not in inspect.signature(generate).parameters:  # a renderer without the summary PDF
        raise UserError("這個版本的報表還不能只印摘要（--summary-only）；請不加此選項再試一次。",
                        "This version cannot make the summary PDF (--summary-only) yet; try without it.")
    return {"summary_only": True}


def run_report(args: argparse.Namespace) -> int:
    from counsel_desk.reports.snapshots import generate
    from counsel_desk.services.base import ServiceContext

    today = date.today()
    period = report_period(args, today)  # a clear zh message for a bad period, before opening anything
    all_centers = bool(args.center) and args.center.strip().lower() in ALL_CENTERS
    center = center_code(args.center) if args.center and not all_centers else None
    _check_target(args.xlsx)
    _check_target(args.pdf)
    prepared_by = args.prepared_by if args.prepared_by is not None else settings_user_name()
    db = open_existing(args)
    try:
        if not all_centers:
            center = center or database_center(db)
        ctx = ServiceContext(db.session_factory, actor=prepared_by, center_code=center or "north")
        report = generate(ctx, center, period, prepared_by=prepared_by, today=today, **_summary(args, generate))
    finally:
        db.close()
    written = []
    if args.xlsx:
        _write(args.xlsx, report.xlsx)
        written.append(str(args.xlsx))
    if args.pdf:
        _write(args.pdf, report.pdf)
        written.append(str(args.pdf))
    if args.json:
        print_json(report.data)
    elif not written:
        f = report.figures
        provisional = pick("（期中暫定）", " (provisional)") if f.provisional else ""
        print(pick(f"{f.center_name} {f.period.label_zh}{provisional}：訪視 {f.visits_total:,} 次、追蹤事項新增 "
                   f"{f.followups_opened:,} 件、逾期 {f.followups_overdue:,} 件、工作站輔導 {f.support_sessions:,} 場、"
                   f"活動 {f.events:,} 場。（用 --xlsx、--pdf 或 --json 輸出）",
                   f"{f.center or 'all'} {f.period.key}{provisional}: {f.visits_total:,} visits, "
                   f"{f.followups_opened:,} follow-ups opened, {f.followups_overdue:,} overdue, "
                   f"{f.support_sessions:,} support sessions, {f.events:,} events. (use --xlsx, --pdf or --json)"))
    for path in written:
        if not args.json:
            print(pick(f"已寫出 {path}", f"Wrote {path}"))
    return 0

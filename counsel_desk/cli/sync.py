"""``counsel-desk export`` / ``import``: the interchange workbook; ``sync-server``: the same without a file.

    counsel-desk export --db PATH --out FILE.xlsx [--since-last] [--no-mask]
    counsel-desk import --db PATH FILE.xlsx [FILE ...] [--dry-run] [--json]
    counsel-desk sync-server --db PATH --server postgresql://login@host/db [--json]

``--no-mask`` is the command line's confirmation that personal data may leave unmasked; the
audit log records it. ``import --json`` prints ``added``, ``updated``, ``unchanged``,
``conflicts`` and ``rejected`` in total and per entity (``entities``), and the problems found.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from counsel_desk.cli.common import add_db_option, open_existing, print_json
from counsel_desk import errors
from counsel_desk.i18n import pick


def register(sub) -> None:
    p = sub.add_parser("export", help=pick("匯出交換檔（Excel 活頁簿）", "export the interchange workbook (Excel)"))
    add_db_option(p, required=True)
    p.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx",
                   help=pick("要寫出的活頁簿", "the workbook to write"))
    p.add_argument("--since-last", action="store_true",
                   help=pick("只匯出上次匯出到同一檔案之後的變更", "only what changed since the last export to the same file"))
    p.add_argument("--no-mask", action="store_true",
                   help=pick("不遮蔽個人資料（電話、電子郵件、個人備註；青年團隊成員的姓名與出生年）；會記錄於稽核紀錄",
                             "leave personal data (phone, e-mail, personal notes; team members' names and birth "
                             "years) unmasked; recorded in the audit log"))
    p.set_defaults(func=run_export)

    p = sub.add_parser("import", help=pick("匯入一或多個交換檔並合併", "import and merge one or more interchange workbooks"))
    add_db_option(p, required=True)
    p.add_argument("files", nargs="+", type=Path, metavar="FILE.xlsx",
                   help=pick("要匯入的交換檔（可多個，依序合併）", "the interchange workbooks (several are merged in turn)"))
    p.add_argument("--dry-run", action="store_true",
                   help=pick("只預覽會新增、更新、衝突的筆數，不寫入", "preview what would change; write nothing"))
    p.add_argument("--json", action="store_true", help=pick("以 JSON 輸出結果", "print the result as JSON"))
    p.set_defaults(func=run_import)

    p = sub.add_parser("sync-server", help=pick("與中心伺服器同步：送出這台電腦的變更、取回伺服器的變更",
                                                "sync with the center server: send this computer's changes, "
                                                "receive the server's"))
    add_db_option(p, required=True)
    p.add_argument("--server", required=True, metavar="postgresql://…",
                   help=pick("中心伺服器的資料庫位址（密碼取自作業系統的金鑰圈或 .pgpass）",
                             "the center server's database address (password from the keyring or .pgpass)"))
    p.add_argument("--json", action="store_true", help=pick("以 JSON 輸出結果", "print the result as JSON"))
    p.set_defaults(func=run_sync_server)


def run_export(args: argparse.Namespace) -> int:
    from counsel_desk.sync import export_workbook

    db = open_existing(args)
    try:
        result = export_workbook(db, args.out, since_last=args.since_last, mask=not args.no_mask,
                                 actor=pick("命令列", "command line"))
    finally:
        db.close()
    masked = pick("個人資料已遮蔽", "personal data masked") if result.masked else pick("個人資料未遮蔽",
                                                                                     "personal data NOT masked")
    scope = (pick(f"自 {result.since:%Y-%m-%d %H:%M} UTC 之後的變更", f"changes since {result.since:%Y-%m-%d %H:%M} UTC")
             if result.since else pick("全部資料", "all records"))
    print(pick(f"已匯出 {result.total:,} 筆（{scope}，{masked}）到 {result.path}，耗時 {result.seconds:.1f} 秒。",
               f"Exported {result.total:,} records ({scope}, {masked}) to {result.path} in {result.seconds:.1f} s."))
    return 0


def run_import(args: argparse.Namespace) -> int:
    from counsel_desk.sync import describe, import_workbooks

    db = open_existing(args)
    try:
        report = import_workbooks(db, args.files, dry_run=args.dry_run, actor=pick("命令列", "command line"))
    except Exception as exc:
        if errors.kind_of(exc) == errors.BUSY:
            raise errors.busy(doing_import=True) from exc  # the CLI's one line: another import is running
        raise
    finally:
        db.close()
    if args.json:
        print_json(report.as_json())
    else:
        print(describe(report))
        for problem in report.problems.items:
            print(f"  {problem}", file=sys.stderr)
        if report.problems.unlisted:
            print(pick(f"  另有 {report.problems.unlisted:,} 個問題未列出。",
                       f"  {report.problems.unlisted:,} more problems not listed."), file=sys.stderr)
    return 1 if report.refused else 0


def run_sync_server(args: argparse.Namespace) -> int:
    from counsel_desk.sync import server_sync

    server = server_sync.open_server(args.server)
    try:
        db = open_existing(args)
        try:
            report = server_sync.sync_with_server(db, server, actor=pick("命令列", "command line"))
        finally:
            db.close()
    finally:
        server.close()
    if args.json:
        print_json(report.as_json())
    else:
        print(server_sync.describe(report))
    return 0

"""Core subcommands: ``gui``, ``demo``, ``stats``, ``check``."""

from __future__ import annotations

import argparse
import sys

from counsel_desk.cli.common import add_db_option, center_code, db_path, db_target, open_existing, print_json
from counsel_desk.errors import UserError
from counsel_desk.i18n import pick


def register(sub) -> None:
    p = sub.add_parser("gui", help=pick("開啟桌面程式", "start the desktop app"))
    add_db_option(p)
    p.add_argument("--demo", action="store_true",
                   help=pick("開啟示範資料庫（第一次會自動產生）", "open the demo database (created on first use)"))
    p.set_defaults(func=run_gui)

    p = sub.add_parser("demo", help=pick("產生示範資料庫", "generate a demo database"))
    add_db_option(p, required=True)
    p.add_argument("--visits", type=int, default=2000, metavar="N",
                   help=pick("訪視筆數（預設 2000）", "how many visits (default 2000)"))
    p.add_argument("--seed", type=int, default=115, metavar="S",
                   help=pick("亂數種子：同一個種子產生同樣的資料（預設 115）",
                             "random seed: the same seed makes the same data (default 115)"))
    p.add_argument("--center", default="北區", metavar="北區|中區|南區|東區",
                   help=pick("資料庫所屬的分區中心（預設北區）", "the database's own center (default 北區, north)"))
    p.set_defaults(func=run_demo)

    p = sub.add_parser("stats", help=pick("各類資料筆數", "record counts per entity"))
    add_db_option(p, required=True)
    p.add_argument("--json", action="store_true", help=pick("以 JSON 輸出", "print JSON"))
    p.set_defaults(func=run_stats)

    p = sub.add_parser("check", help=pick("檢查資料庫完整性與結構版本", "check integrity and schema version"))
    add_db_option(p, required=True)
    p.add_argument("--json", action="store_true", help=pick("以 JSON 輸出", "print JSON"))
    p.set_defaults(func=run_check)


def run_gui(args: argparse.Namespace) -> int:
    from counsel_desk.ui.startup import run_app

    return run_app(db=args.db, demo=args.demo)


def run_demo(args: argparse.Namespace) -> int:
    from counsel_desk.services.demo import generate
    from counsel_desk.store import open_database

    if args.visits < 0 or args.visits > 1_000_000:
        raise UserError("--visits 必須介於 0 到 1,000,000。", "--visits must be between 0 and 1,000,000.")
    center = center_code(args.center)
    db = open_database(db_target(args))
    try:
        summary = generate(db, visits=args.visits, seed=args.seed, center=center)
    finally:
        db.close()
    print(pick(f"已產生示範資料：{summary.counts.get('visits', 0):,} 筆訪視，耗時 {summary.seconds:.1f} 秒。",
               f"Demo data generated: {summary.counts.get('visits', 0):,} visits in {summary.seconds:.1f} s."))
    if db.created and db.key is not None:
        from counsel_desk.cli.encryption import print_recovery_key

        print_recovery_key(db.key)
    return 0


def run_stats(args: argparse.Namespace) -> int:
    from counsel_desk.services.figures.stats import LABELS_ZH, record_counts

    db = open_existing(args)
    try:
        counts = record_counts(db.engine)
    finally:
        db.close()
    if args.json:
        print_json(counts)
    else:
        width = max(len(k) for k in counts)
        for key, n in counts.items():
            label = pick(LABELS_ZH.get(key, key), key)
            print(f"{key:<{width}}  {n:>10,}  {label}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    from counsel_desk.store.check import check_database

    result = check_database(db_path(args))
    if args.json:
        print_json(result.as_dict())
    else:
        state = pick("正常", "healthy") if result.ok else pick("有問題", "PROBLEMS FOUND")
        print(pick(f"資料庫：{result.path}", f"Database: {result.path}"))
        print(pick(f"結構版本：{result.schema_revision}（本程式：{result.schema_head}）",
                   f"Schema revision: {result.schema_revision} (this program: {result.schema_head})"))
        print(pick(f"完整性檢查：{'; '.join(result.integrity)}", f"Integrity check: {'; '.join(result.integrity)}"))
        print(pick(f"外鍵錯誤：{result.foreign_key_violations}", f"Foreign key violations: {result.foreign_key_violations}"))
        print(pick(f"結果：{state}", f"Result: {state}"))
    if not result.ok and result.needs_upgrade and result.integrity == ["ok"]:
        print(pick("此資料庫需要升級；用 counsel-desk 開啟時會先備份再升級。",
                   "This database needs an upgrade; counsel-desk backs it up and upgrades it when opening."),
              file=sys.stderr)
    return 0 if result.ok else 1

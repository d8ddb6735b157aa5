"""``counsel-desk programme``: the programme definitions (計畫定義檔) a database uses.

    counsel-desk programme list --db PATH [--json]
    counsel-desk programme load --db PATH FILE.json
    counsel-desk programme year --db PATH 115
    counsel-desk programme split --db PATH [--county 花蓮縣 --center 東區]

``load`` keeps the file only when its version is newer than the one loaded (an older or equal one
is reported and left out); every load is recorded in the audit log. ``split`` lists which counties each
regional center serves (預設 = the shipped split, 總部調整 = moved by headquarters) and, with
``--county`` and ``--center``, moves a county (headquarters only; audited). See docs/programme.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from counsel_desk.cli.common import add_db_option, open_existing, print_json
from counsel_desk.i18n import pick
from counsel_desk.services.formatting import ROC_OFFSET
from counsel_desk.services.period import Period


def register(sub) -> None:
    p = sub.add_parser("programme", help=pick("計畫定義檔：列出、載入、查詢年度適用計畫",
                                              "programme files: list, load, which plan is in force in a year"))
    inner = p.add_subparsers(dest="programme_command", required=True)
    q = inner.add_parser("list", help=pick("列出已載入的計畫", "list the loaded plans"))
    add_db_option(q, required=True)
    q.add_argument("--json", action="store_true", help=pick("以 JSON 輸出", "print JSON"))
    q.set_defaults(func=run_list)
    q = inner.add_parser("load", help=pick("載入專案辦公室發布的計畫定義檔", "load a programme file issued by the project office"))
    add_db_option(q, required=True)
    q.add_argument("file", type=Path, metavar="FILE.json", help=pick("計畫定義檔", "the programme file"))
    q.set_defaults(func=run_load)
    q = inner.add_parser("year", help=pick("某民國年度適用的計畫", "the plan in force in an ROC year"))
    add_db_option(q, required=True)
    q.add_argument("year", metavar="YEAR",
                   help=pick("年度：民國 115 或西元 2026", "the year: ROC 115 or 2026"))
    q.set_defaults(func=run_year)
    q = inner.add_parser("split", help=pick("分區中心與縣市的分工：列出，或由總部調整",
                                            "which counties each center serves: list, or move one (headquarters)"))
    add_db_option(q, required=True)
    q.add_argument("--county", help=pick("要調整的縣市（名稱或代碼）", "the county to move (name or code)"))
    q.add_argument("--center", help=pick("改由哪個分區中心（北區、中區、南區、東區）", "its new center"))
    q.set_defaults(func=run_split)


def _services(db):
    from counsel_desk.services.base import ServiceContext

    return ServiceContext.for_database(db, actor=pick("命令列", "command line"))


def run_list(args: argparse.Namespace) -> int:
    from counsel_desk.services.programme import programme

    db = open_existing(args)
    try:
        plans = programme.loaded(_services(db))
    finally:
        db.close()
    if args.json:
        print_json([{"code": p.code, "name": p.name, "version": p.version, "period_roc": [p.first_year, p.last_year],
                     "total_ntd": p.total, "work_items_known": p.work_items is not None} for p in plans])
    else:
        for p in plans:
            print(f"{p.code}\t{p.name}\tv{p.version}\t{p.first_year}–{p.last_year}")
    return 0


def run_load(args: argparse.Namespace) -> int:
    from counsel_desk.services.programme import programme

    db = open_existing(args)
    try:
        outcome = programme.load_file(_services(db), args.file)
    finally:
        db.close()
    print(programme.describe_outcome(outcome))
    return 0 if outcome.action in ("loaded", "same") else 1


def run_year(args: argparse.Namespace) -> int:
    from counsel_desk.services.programme import programme

    roc_year = Period.parse_year(args.year).start.year - ROC_OFFSET  # 115 or 2026, as the report's --year
    db = open_existing(args)
    try:
        svc = _services(db)
        plans = programme.loaded(svc)
    finally:
        db.close()
    plan = programme.plan_in_force(svc, roc_year, plans)
    if plan is None:
        notice = programme.year_notice(plans, roc_year)
        print(notice.message if notice else "")
        return 1
    print(f"{plan.name}（{plan.code} v{plan.version}，{plan.first_year}–{plan.last_year}）")
    return 0


def run_split(args: argparse.Namespace) -> int:
    from counsel_desk.errors import UserError
    from counsel_desk.services.programme import center_split

    if bool(args.county) != bool(args.center):
        raise UserError("請同時指定 --county 與 --center。", "Give both --county and --center.")
    db = open_existing(args)
    try:
        svc = _services(db)
        if args.county:
            moved = center_split.set_county_center(svc, args.county, args.center)
            print(pick(f"{moved.county}：{center_split.center_name(moved.center_code)}（{moved.label}）",
                       f"{moved.county}: {moved.center_code} ({moved.label})"))
            return 0
        for c in center_split.split(svc):
            print(f"{c.county}\t{center_split.center_name(c.center_code)}\t{c.label}")
    finally:
        db.close()
    return 0

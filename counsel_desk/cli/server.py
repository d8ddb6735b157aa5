"""``counsel-desk server``: a center's or headquarters' shared PostgreSQL database (docs/server.md).

``server init`` prints (or with ``--apply`` runs, as the database's owner) the roles, privileges and
row-level security policies; ``server add-person`` a person's own login in their center's group;
``server backup`` a pg_dump into a folder, recorded for the programs' backups page (for a schedule).
"""

from __future__ import annotations

import argparse
import sys

from counsel_desk.cli.common import center_code
from counsel_desk.errors import UserError
from counsel_desk.i18n import pick


def register(sub) -> None:
    p = sub.add_parser("server", help=pick("中心伺服器（PostgreSQL）的帳號與權限", "the shared PostgreSQL server: logins and rights"))
    s = p.add_subparsers(dest="server_command", metavar="init|add-person|remember-password|backup")
    q = s.add_parser("init", help=pick("建立資料表、角色與各中心的資料列權限（印出 SQL，或 --apply 直接執行）",
                                       "create the tables, roles and per-center row security (print SQL, or --apply)"))
    q.add_argument("--db", metavar="postgresql://…", help=pick("以資料庫擁有者連線的位址", "address, as the database owner"))
    q.add_argument("--apply", action="store_true", help=pick("直接在伺服器上執行", "run it on the server"))
    q.set_defaults(func=run_init)
    q = s.add_parser("add-person", help=pick("新增一位同仁的登入帳號", "add a person's own login"))
    q.add_argument("login")
    q.add_argument("--center", metavar="北區|中區|南區|東區")
    q.add_argument("--hq", action="store_true", help=pick("總部人員（可讀寫各中心）", "headquarters staff (all centers)"))
    q.add_argument("--password", help=pick("初始密碼（請對方第一次登入後更改）", "first password (to be changed)"))
    q.add_argument("--db", metavar="postgresql://…")
    q.add_argument("--apply", action="store_true")
    q.set_defaults(func=run_add_person)
    q = s.add_parser("remember-password", help=pick("把登入密碼存在作業系統的金鑰圈（不寫入設定檔）",
                                                    "keep the login's password in the OS keyring (never in settings)"))
    q.add_argument("--db", metavar="postgresql://…", required=True)
    q.set_defaults(func=run_remember_password)
    q = s.add_parser("backup", help=pick("以 pg_dump 備份伺服器資料庫到資料夾並記錄（供排程執行）",
                                         "pg_dump the server database into a folder and record it (for a schedule)"))
    q.add_argument("--db", metavar="postgresql://…", required=True)
    q.add_argument("--folder", required=True, help=pick("備份檔存放的資料夾", "the folder for the dumps"))
    q.add_argument("--keep-days", type=int, default=30,
                   help=pick("刪除此資料夾中超過幾天的舊備份（0：不刪）", "remove this command's dumps older than this (0: keep all)"))
    q.set_defaults(func=run_backup)
    p.set_defaults(func=lambda _a: p.print_help() or 2)


def _target(args: argparse.Namespace) -> str:
    from counsel_desk.paths import is_server_target

    if not is_server_target(args.db or ""):
        raise UserError("請用 --db postgresql://擁有者@主機/資料庫 指定中心伺服器的資料庫。",
                        "Give the server database with --db postgresql://owner@host/dbname.")
    return str(args.db)


def run_init(args: argparse.Namespace) -> int:
    from counsel_desk.store import server_roles

    if not args.apply:
        sys.stdout.write(server_roles.init_sql())
        return 0
    from counsel_desk.store import open_database

    db = open_database(_target(args))  # creates or upgrades the tables first
    try:
        with db.engine.begin() as conn:
            server_roles.apply(conn, server_roles.init_sql())
            missing = server_roles.bulk_grant_missing(conn)
    finally:
        db.close()
    print(pick("已建立角色與資料列權限。", "Roles and row-level security are in place."))
    if missing:
        grant = f"GRANT SET ON PARAMETER session_replication_role TO {server_roles.HQ}"
        print(pick(f"提示：總部匯入大量資料時可較快完成，需由資料庫超級使用者（postgres）執行一次：{grant}（見 docs/server.md）。",
                   f"Hint: headquarters' large imports run faster once a superuser (postgres) runs: {grant} "
                   "(see docs/server.md)."))
    return 0


def run_add_person(args: argparse.Namespace) -> int:
    from counsel_desk.store import server_roles

    sql = server_roles.person_sql(args.login, center=center_code(args.center) if args.center else None,
                                  hq=args.hq, password=args.password)
    if not args.apply:
        sys.stdout.write(sql)
        return 0
    from counsel_desk.store.server import make_server_engine

    engine = make_server_engine(_target(args))
    try:
        with engine.begin() as conn:
            server_roles.apply(conn, sql)
    finally:
        engine.dispose()
    print(pick(f"已新增登入帳號 {args.login}。", f"Login {args.login} added."))
    return 0


def run_remember_password(args: argparse.Namespace) -> int:
    import getpass

    from counsel_desk.store.server import display_name, remember_password

    target = _target(args)
    password = getpass.getpass(pick(f"{display_name(target)} 的密碼：", f"Password for {display_name(target)}: "))
    if not password:
        raise UserError("沒有輸入密碼。", "No password given.")
    if not remember_password(target, password):
        raise UserError("無法存入作業系統的金鑰圈（Windows 認證管理員）；請改用 .pgpass 檔。",
                        "The OS keyring (Windows Credential Manager) could not keep it; use a .pgpass file instead.")
    print(pick("密碼已存入作業系統的金鑰圈。", "The password is kept in the OS keyring."))
    return 0


def run_backup(args: argparse.Namespace) -> int:
    from pathlib import Path

    from counsel_desk.services.formatting import file_size, shown_datetime
    from counsel_desk.store import open_database, server_backup

    db = open_database(_target(args), create=False)
    try:
        record = server_backup.take(db.engine, _target(args), Path(args.folder), keep_days=args.keep_days)
    finally:
        db.close()
    size = file_size(record.size)
    when = shown_datetime(record.taken_at)
    print(pick(f"已備份到 {record.path}（{size}，{when}）。", f"Backed up to {record.path} ({size}, {when})."))
    return 0

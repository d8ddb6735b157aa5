"""Data-safety subcommands: ``backup``, ``restore``, ``audit`` and ``erase-contact``.

``restore`` also rescues a damaged database: the damaged file is moved to the quarantine folder
(never deleted) and the backup is put in its place.
"""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path

from counsel_desk.cli.common import add_db_option, db_path, open_existing, print_json
from counsel_desk.errors import DatabaseError, UserError
from counsel_desk.i18n import pick


def register(sub) -> None:
    p = sub.add_parser("backup", help=pick("備份資料庫（SQLite 線上備份，檢查完整性後才存入）",
                                           "back up the database (SQLite online backup, checked before it is kept)"))
    add_db_option(p, required=True)
    p.add_argument("--out", type=Path, metavar="FILE",
                   help=pick("寫到這個檔案（預設：資料庫旁的備份資料夾）", "write to this file (default: the backups folder)"))
    p.add_argument("--list", action="store_true", help=pick("列出現有備份", "list the existing backups"))
    p.add_argument("--json", action="store_true", help=pick("以 JSON 輸出", "print JSON"))
    p.set_defaults(func=run_backup)

    p = sub.add_parser("restore", help=pick("從備份還原（先自動做一份安全備份）",
                                            "restore from a backup (a safety backup is made first)"))
    add_db_option(p, required=True)
    p.add_argument("file", type=Path, metavar="FILE", help=pick("備份檔", "the backup file"))
    p.set_defaults(func=run_restore)

    p = sub.add_parser("audit", help=pick("稽核紀錄：驗證雜湊鏈、匯出 CSV", "audit log: verify the hash chain, export CSV"))
    add_db_option(p, required=True)
    p.add_argument("--verify", action="store_true",
                   help=pick("驗證雜湊鏈與結尾（資料庫記錄的結尾、每份備份）", "verify the hash chain and its end (the database's record, every backup)"))
    p.add_argument("--against", type=Path, nargs="+", metavar="FILE.xlsx", default=[],
                   help=pick("也和這些匯出檔記錄的稽核紀錄結尾比對", "also check against the audit log end these exported workbooks recorded"))
    p.add_argument("--export", type=Path, metavar="FILE", help=pick("匯出成 CSV", "export as CSV"))
    p.set_defaults(func=run_audit)

    p = sub.add_parser("erase-contact", help=pick("依當事人請求刪除聯絡人的個人資料（保留匿名紀錄）",
                                                  "erase a contact's personal data on request (an anonymous record stays)"))
    add_db_option(p, required=True)
    p.add_argument("contact_id", metavar="CONTACT_ID")
    p.add_argument("--keep-mentions", action="store_true",
                   help=pick("不要清除其他紀錄文字中提到的姓名、電話、電子郵件",
                             "leave mentions of the name, phone and e-mail in other records' text"))
    p.add_argument("--with-memberships", action="store_true",
                   help=pick("也刪除同名（青年團隊成員）的姓名與出生年", "also erase youth-team member rows with the same name"))
    p.set_defaults(func=run_erase)

    p = sub.add_parser("erase-member", help=pick("依當事人請求刪除青年團隊成員的姓名與出生年（保留匿名紀錄）",
                                                 "erase a youth-team member's name and birth year on request"))
    add_db_option(p, required=True)
    p.add_argument("member_id", metavar="MEMBER_ID")
    p.add_argument("--keep-mentions", action="store_true",
                   help=pick("不要清除其他紀錄文字中提到的姓名", "leave mentions of the name in other records' text"))
    p.add_argument("--with-memberships", action="store_true",
                   help=pick("也刪除同一人在其他團隊的成員資料（同名且出生年相同或未填）",
                             "also erase the same person's rows in other teams (same name, same or no birth year)"))
    p.set_defaults(func=run_erase_member)


def _actor() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def _size(n: int) -> str:
    return f"{n / 1_048_576:,.1f} MB" if n >= 1_048_576 else f"{n / 1024:,.0f} KB"


def run_backup(args: argparse.Namespace) -> int:
    from counsel_desk.services.safety import backup

    path = db_path(args)
    if args.list:
        items = backup.list_backups(path)
        if args.json:
            print_json([{"file": str(b.path), "taken_at": b.taken_at.isoformat(), "reason": b.reason, "size": b.size}
                        for b in items])
        elif not items:
            print(pick("還沒有任何備份。", "No backups yet."))
        else:
            for b in items:
                zh, en = backup.reason_label(b.reason)
                print(f"{b.taken_at:%Y-%m-%d %H:%M:%S}  {_size(b.size):>10}  {pick(zh, en)}  {b.path}")
        return 0
    from counsel_desk.store.recovery import DAMAGED, LOCKED, MISSING, WRONG_KEY, check_at_start

    health = check_at_start(path)
    if health.state in (MISSING, DAMAGED, LOCKED, WRONG_KEY):
        raise DatabaseError(health.message)
    written = backup.make_backup(path, "manual", out=args.out)
    print(pick(f"已備份到 {written}（完整性檢查通過）", f"Backed up to {written} (integrity check passed)"))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from counsel_desk.services.safety import backup
    from counsel_desk.store import open_database
    from counsel_desk.store.recovery import DAMAGED, LOCKED, MISSING, OK, WRONG_KEY, check_at_start, quarantine

    path = db_path(args)
    source = Path(args.file).expanduser()
    backup.validate_backup(source)  # a backup the key can't open is refused here, before anything moves
    health = check_at_start(path)
    # A file no key opens while its backup does is as good as damaged: it goes to quarantine (never deleted).
    if health.state in (MISSING, DAMAGED, LOCKED, WRONG_KEY):
        folder = quarantine(path) if health.state != MISSING else None
        if folder is not None:
            print(pick(f"{health.message} 已移到隔離資料夾：{folder}", f"{health.message} Moved to quarantine: {folder}"))
        backup.recover(path, source, actor=_actor(), quarantined=folder).close()
        print(pick(f"已從 {source.name} 還原到 {path}。", f"Restored {path} from {source.name}."))
        return 0
    if health.state != OK:
        raise DatabaseError(health.message)
    db = open_database(path, create=False)
    try:
        result = backup.restore(db, source, actor=_actor())
    finally:
        db.close()
    print(pick(f"已從 {source.name} 還原。還原前的資料已另存為安全備份：{result.safety_backup}",
               f"Restored from {source.name}. The data from before is in the safety backup {result.safety_backup}"))
    if result.reapplied_erasures:
        print(pick(f"備份中有 {result.reapplied_erasures} 位已刪除個資的聯絡人或青年團隊成員，已再次刪除。",
                   f"{result.reapplied_erasures} contact(s) or team member(s) erased since that backup were erased again."))
    return 0


def run_audit(args: argparse.Namespace) -> int:
    from counsel_desk.services.safety import audit_log
    from counsel_desk.services.base import ServiceContext

    if not args.verify and args.export is None:
        raise UserError("請指定 --verify 或 --export FILE。", "Give --verify or --export FILE.")
    db = open_existing(args)
    try:
        status = 0
        if args.verify:
            from counsel_desk.sync.history import workbook_anchor

            anchors = [a for p in args.against if (a := workbook_anchor(p)) is not None]
            result = audit_log.verify_chain(db.session_factory, db_path=db.path, against=anchors)
            print(result.message)
            status = 0 if result.ok else 1
        if args.export is not None:
            n = audit_log.export_csv(ServiceContext(db.session_factory, _actor()), args.export)
            print(pick(f"已匯出 {n:,} 筆稽核紀錄到 {args.export}", f"Exported {n:,} audit entries to {args.export}"))
    finally:
        db.close()
    return status


def run_erase(args: argparse.Namespace) -> int:
    result = _erase(args, args.contact_id, member=False)
    print(pick(f"已刪除聯絡人 {args.contact_id} 的個人資料；另清除 {len(result.scrubbed)} 筆紀錄中的提及、"
               f"{result.search_docs} 筆搜尋索引。",
               f"Erased the personal data of contact {args.contact_id}; also cleared mentions in "
               f"{len(result.scrubbed)} record(s) and {result.search_docs} search entries."))
    return _erased_also(result)


def run_erase_member(args: argparse.Namespace) -> int:
    result = _erase(args, args.member_id, member=True)
    print(pick(f"已刪除青年團隊成員 {args.member_id} 的姓名與出生年；另清除 {len(result.scrubbed)} 筆紀錄中的提及。",
               f"Erased the name and birth year of youth-team member {args.member_id}; also cleared mentions in "
               f"{len(result.scrubbed)} record(s)."))
    return _erased_also(result)


def _erase(args: argparse.Namespace, record_id: str, *, member: bool):
    """Erase a contact or a team member, with the same person's member rows when asked (--with-memberships)."""
    from counsel_desk.services.safety import privacy
    from counsel_desk.services.base import ServiceContext

    db = open_existing(args)
    try:
        ctx = ServiceContext(db.session_factory, _actor())
        preview = privacy.preview_member(ctx, record_id) if member else privacy.preview(ctx, record_id)
        others = [m.member_id for m in preview.memberships] if args.with_memberships else []
        if member:
            return privacy.erase_member(ctx, record_id, scrub_mentions=not args.keep_mentions, also=others)
        return privacy.erase_contact(ctx, record_id, scrub_mentions=not args.keep_mentions, members=others)
    finally:
        db.close()


def _erased_also(result) -> int:
    others = [m for m in result.members if m != result.record_id]
    if others:
        print(pick(f"另刪除同一人在 {len(others)} 個團隊中的成員資料。",
                   f"Also erased the person's member rows in {len(others)} team(s)."))
    if result.audit_mentions:
        print(pick(f"注意：有 {result.audit_mentions} 筆較早的稽核紀錄仍含這些資料（稽核紀錄不可修改）。",
                   f"Note: {result.audit_mentions} older audit entries still contain these values "
                   f"(the audit log cannot be altered)."))
    return 0

"""``encrypt`` / ``decrypt``: turn encryption at rest on or off for an existing database.

The key of ``encrypt`` comes from ``COUNSEL_DESK_PASSPHRASE``, else the OS keyring, else a passphrase
typed twice at the terminal. Its recovery key is printed once, to be printed or written down.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from counsel_desk.cli.common import add_db_option, db_path
from counsel_desk.errors import UserError
from counsel_desk.i18n import pick


def register(sub) -> None:
    p = sub.add_parser("encrypt", help=pick("把未加密的資料庫（連同備份、附件、草稿）加密",
                                            "encrypt a plain database (with its backups, attachments and drafts)"))
    add_db_option(p, required=True)
    p.add_argument("--passphrase", action="store_true",
                   help=pick("用自選的密碼（在終端機輸入兩次），不用系統金鑰圈",
                             "use a passphrase typed twice at the terminal instead of the OS keyring"))
    p.set_defaults(func=run_encrypt)

    p = sub.add_parser("decrypt", help=pick("把加密的資料庫（連同備份、附件、草稿）還原成未加密",
                                            "write an encrypted database (with its backups, attachments, drafts) in the clear"))
    add_db_option(p, required=True)
    p.set_defaults(func=run_decrypt)


def terminal_prompt(path: Path, retry: bool) -> str | None:
    """Ask for a passphrase or recovery key at a terminal (registered by the CLI when stdin is one)."""
    if retry:
        print(pick("密碼或復原金鑰不正確。", "Wrong passphrase or recovery key."), file=sys.stderr)
    try:
        return getpass.getpass(pick(f"{path.name} 的密碼或復原金鑰：", f"Passphrase or recovery key of {path.name}: "))
    except (EOFError, KeyboardInterrupt):
        return None


def _typed_passphrase() -> str:
    """A new passphrase typed twice at the terminal (also the CLI's answer when there is no keyring)."""
    from counsel_desk.store import keys

    if not sys.stdin.isatty():
        raise UserError(f"沒有終端機可以輸入密碼：請設定環境變數 {keys.ENV_PASSPHRASE}。",
                        f"No terminal to type a passphrase: set {keys.ENV_PASSPHRASE}.")
    first = getpass.getpass(pick("自選密碼（至少 8 個字元）：", "Choose a passphrase (8 characters or more): "))
    keys.check_new_passphrase(first)
    if getpass.getpass(pick("再輸入一次：", "Type it again: ")) != first:
        raise UserError("兩次輸入的密碼不一樣，資料庫未變更。", "The two passphrases differ; the database was not changed.")
    return first


def new_terminal_passphrase() -> str | None:
    print(pick("這台電腦沒有系統金鑰圈：請自選一個密碼來加密新的資料庫（忘記了只能用復原金鑰開啟）。",
               "This computer has no keyring: choose a passphrase for the new database (if forgotten, only "
               "the recovery key opens it)."), file=sys.stderr)
    return _typed_passphrase()


def run_encrypt(args: argparse.Namespace) -> int:
    from counsel_desk.services.safety import encryption
    from counsel_desk.store import keys

    path = db_path(args)
    passphrase = _typed_passphrase() if args.passphrase and not os.environ.get(keys.ENV_PASSPHRASE) else None
    key = keys.new_key(passphrase)
    result = encryption.encrypt(path, key)
    print(pick(f"已加密 {path}（另有 {len(result.backups)} 份備份、{result.files} 個附件與草稿檔）。",
               f"Encrypted {path} (and {len(result.backups)} backups, {result.files} attachment and draft files)."))
    print_recovery_key(key)
    return 0


def print_recovery_key(key) -> None:
    """Where the key lives and the recovery key, printed once (the last line is the key alone)."""
    from counsel_desk.store import keys

    where = pick("系統金鑰圈", "the OS keyring") if key.source == keys.KEYRING else pick("你的密碼", "your passphrase")
    print(pick(f"資料庫已加密，金鑰來源：{where}。", f"The database is encrypted; the key comes from {where}."))
    print(pick("復原金鑰（只顯示這一次；請列印或抄下，與電腦分開保管。忘記密碼或重灌電腦時，用它開啟資料）：",
               "Recovery key (shown only this once; print or write it down and keep it away from the laptop. "
               "It opens the data if the passphrase or the Windows profile is lost):"))
    print(key.recovery_key)


def run_decrypt(args: argparse.Namespace) -> int:
    from counsel_desk.services.safety import encryption

    path = db_path(args)
    result = encryption.decrypt(path)
    print(pick(f"已解密 {path}（另有 {len(result.backups)} 份備份、{result.files} 個附件與草稿檔）。"
               f"注意：檔案現在任何人複製後都能讀取。",
               f"Decrypted {path} (and {len(result.backups)} backups, {result.files} attachment and draft files). "
               f"Note: anyone who copies the files can now read them."))
    return 0

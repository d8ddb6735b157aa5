"""The ``counsel-desk`` command line.

Each subcommand lives in a module of this package with ``register(subparsers)``; list new modules
in ``COMMAND_MODULES``. A :class:`~counsel_desk.errors.UserError` becomes one line on stderr and a
non-zero exit code — never a traceback for a user's mistake.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from counsel_desk import __version__, errors
from counsel_desk.errors import UserError
from counsel_desk.i18n import pick

COMMAND_MODULES = [
    "counsel_desk.cli.core",
    "counsel_desk.cli.safety",
    "counsel_desk.cli.report",
    "counsel_desk.cli.sync",
    "counsel_desk.cli.programme",
    "counsel_desk.cli.server",
    "counsel_desk.cli.encryption",
]


# argparse's own sentences (Python 3.11–3.13), said in Chinese: (pattern, what it becomes)
_ARGPARSE_ZH = (
    (r"the following arguments are required: (.+)", r"缺少必要的參數 \1"),
    (r"argument (\S+): not allowed with argument (\S+)", r"參數 \1 不能與 \2 同時使用"),
    (r"one of the arguments (.+) is required", r"必須指定其中一個參數：\1"),
    (r"argument [^-\s]\S*: invalid choice: '([^']*)' \(choose from (.+)\)", r"沒有「\1」這個指令，可用的有 \2"),
    (r"argument (\S+): invalid choice: '([^']*)' \(choose from (.+)\)", r"參數 \1 不接受「\2」，可用的有 \3"),
    (r"argument (\S+): invalid int value: '([^']*)'", r"參數 \1 的值「\2」不是整數"),
    (r"argument (\S+): invalid float value: '([^']*)'", r"參數 \1 的值「\2」不是數字"),
    (r"argument (\S+): invalid \w+ value: '([^']*)'", r"參數 \1 的值「\2」不正確"),
    (r"argument (\S+): expected one argument", r"參數 \1 後面需要一個值"),
    (r"argument (\S+): expected at least one argument", r"參數 \1 後面至少需要一個值"),
    (r"unrecognized arguments: (.+)", r"無法辨識的參數 \1"),
    (r"invalid choice: '([^']*)' \(choose from (.+)\)", r"沒有「\1」這個指令，可用的有 \2"),
)


def argparse_in_chinese(message: str) -> str:
    """argparse's message in Chinese where it is one of its known sentences, else as it is."""
    import re

    for pattern, zh in _ARGPARSE_ZH:
        if re.fullmatch(pattern, message):
            return re.sub(pattern, zh, message)
    return message


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage mistakes as one translated line (exit 2)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, pick(f"counsel-desk：指令參數有誤：{argparse_in_chinese(message)}（用 --help 查看用法）\n",
                          f"counsel-desk: bad arguments: {message} (see --help)\n"))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="counsel-desk",
                     description=pick("地方創生分區輔導中心的桌面工具。", "Desktop tool for regional revitalization counseling centers."))
    parser.add_argument("--version", action="version", version=f"counsel-desk {__version__}")
    parser.add_argument("--smoke-test", action="store_true",
                        help=pick("啟動、建立暫存資料庫、載入翻譯與字型、建立主視窗後結束（安裝檢查用）",
                                  "start, create a temporary database, load translations and fonts, build the main window, exit"))
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.smoke_test:
            from counsel_desk.app import smoke_test

            return smoke_test()
        if args.command is None:
            args = parser.parse_args(["gui", *argv])
        if sys.stdin is not None and sys.stdin.isatty() and args.command != "gui":
            from counsel_desk.cli.encryption import new_terminal_passphrase, terminal_prompt
            from counsel_desk.store import keys

            keys.set_prompt(terminal_prompt, new_terminal_passphrase)  # no key here: ask at the terminal
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print(pick("counsel-desk：已中斷。", "counsel-desk: interrupted."), file=sys.stderr)
        return 130
    except Exception as exc:  # sorted once, by code (errors.known): a person's problem is one line
        known = errors.known(exc, getattr(args, "db", None))
        if known is None and isinstance(exc, OSError):
            # A missing folder, a permission problem: say which file and why.
            where = getattr(exc, "filename", None) or ""
            known = UserError(f"檔案系統錯誤 {where}：{exc.strerror or exc}", f"file system error {where}: {exc.strerror or exc}")
            known.exit_code = 4
        if known is None:
            raise
        print(f"counsel-desk：{known.message}" if "zh" in pick("zh", "en") else f"counsel-desk: {known.message}",
              file=sys.stderr)
        return known.exit_code

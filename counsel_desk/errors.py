"""Errors a person can act on, each with a zh_TW and an English message.

The CLI prints ``str(error)`` as one line on stderr and exits non-zero; the UI shows it in a
message box. Programming errors are not wrapped: they stay tracebacks.
"""

from __future__ import annotations

from counsel_desk.i18n import pick


class UserError(Exception):
    """Something the user can fix: a missing file, a bad month, a database from a newer version…"""

    exit_code = 2

    def __init__(self, zh: str, en: str | None = None, *, field: str | None = None):
        self.zh = zh
        self.en = en or zh
        self.field = field  # the form field the message belongs next to, when there is one
        super().__init__(zh)

    @property
    def message(self) -> str:
        return pick(self.zh, self.en)

    def __str__(self) -> str:
        return self.message


class ValidationError(UserError):
    """Input that breaks a rule of the domain (a cap, a required field, an impossible date)."""

    def __init__(self, zh: str, en: str | None = None, *, field: str | None = None,
                 problems: list["UserError"] | None = None):
        super().__init__(zh, en, field=field)
        self.problems = problems or []


class DatabaseError(UserError):
    """The database file can't be used as it is (newer version, corrupt, unreadable)."""

    exit_code = 3

"""Message boxes with the app's wording (user errors in plain Chinese, bugs with details to copy) and the
one error boundary every UI action goes through (:func:`guarded`)."""

from __future__ import annotations

import logging
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from counsel_desk import errors
from counsel_desk.ui.widgets.text import fmt

log = logging.getLogger(__name__)


def describe(exc: BaseException) -> str:
    """One clear sentence for an exception a person may meet (sorted by code in ``errors.known``)."""
    known = errors.known(exc)
    if known is not None and errors.kind_of(known) == errors.BUSY:  # SQLite waited for the lock, in vain
        return known.message + QCoreApplication.translate(
            "Messages", " What you entered is still here: save again in a moment.")
    if known is not None and errors.kind_of(known) == errors.DAMAGED:  # the command line's step, and the window's
        return known.message + QCoreApplication.translate(
            "Messages", " In the window: close the Desk and open it again — it puts the damaged file aside "
                        "and offers the newest good backup.")
    if known is not None:
        return known.message
    if isinstance(exc, OSError):
        where = exc.filename or ""
        return fmt(QCoreApplication.translate("Messages", "A file could not be read or written: %1 (%2)"), str(where),
                   exc.strerror or str(exc))
    return fmt(QCoreApplication.translate("Messages", "Something went wrong and was not saved: %1"),
               f"{type(exc).__name__}: {exc}")


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    if errors.known(exc) is None:
        log.error("unexpected error", exc_info=exc)
    box = QMessageBox(QMessageBox.Icon.Warning, title or app_title(), describe(exc),
                      QMessageBox.StandardButton.Ok, parent)
    details = getattr(exc, "__traceback_text__", None)
    if details and errors.known(exc) is None:
        box.setDetailedText(details)
    box.exec()


class Guard:
    """The error boundary of a UI action: what the action raises is said, never lost and never a crash.

    ::

        with guarded(self, into=self.error) as done:
            record = service.save(...)
        if not done:
            return False

    An error a person can act on (``errors.known``: a UserError, a full disk, a locked database…) goes
    ``into`` the form's message label (anything with ``show_message`` or ``setText``, or a callable taking
    the UserError) when one is given, else into a message box; anything else — a bug — into a message box
    with its traceback, and the log. The services roll back what they had begun, so nothing is half-saved.
    ``done`` is true when the block ran through; ``done.error`` holds what stopped it.
    """

    def __init__(self, parent: QWidget | None, *, into: Any = None, title: str | None = None):
        self.parent, self.into, self.title = parent, into, title
        self.error: BaseException | None = None

    def __enter__(self) -> "Guard":
        return self

    def __exit__(self, *raised: Any) -> bool:
        exc: BaseException | None = raised[1]
        if exc is None or not isinstance(exc, Exception):
            return False  # ran through, or KeyboardInterrupt/SystemExit: not ours to swallow
        self.error = exc
        known = errors.known(exc)
        if known is not None and self.into is not None:
            _say(self.into, known, describe(exc))
        else:
            show_error(self.parent, exc, self.title)
        return True

    def __bool__(self) -> bool:
        return self.error is None


def guarded(parent: QWidget | None, *, into: Any = None, title: str | None = None) -> Guard:
    """``with guarded(self) as done: …``: see :class:`Guard`."""
    return Guard(parent, into=into, title=title)


def _say(into: Any, error: errors.UserError, sentence: str) -> None:
    """``sentence``: :func:`describe`'s words — for a busy or damaged database, what to do next as well."""
    if hasattr(into, "show_message"):
        into.show_message(sentence)
    elif hasattr(into, "setText"):
        into.setText(sentence)
    else:
        call: Callable[[errors.UserError], None] = into
        call(error)


def ask(parent: QWidget | None, text: str, do: str, dont: str | None = None, title: str | None = None) -> bool:
    """A question answered with verbs (「移除」／「保留」), never 是／否; True when ``do`` was chosen.

    ``dont`` defaults to 取消; Esc and closing the box choose it. The buttons are Qt's Yes and
    Cancel with the verbs written on them, so ``exec()`` answers with a standard button.
    """
    box = QMessageBox(QMessageBox.Icon.Question, title or app_title(), text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, parent)
    box.button(QMessageBox.StandardButton.Yes).setText(do)
    box.button(QMessageBox.StandardButton.Cancel).setText(dont or QCoreApplication.translate("Messages", "Cancel"))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Yes


def confirm(parent: QWidget | None, text: str, title: str | None = None, do: str | None = None) -> bool:
    """A question before an action, answered with verbs: ``do`` or 取消 (never 是／否).

    Without ``do`` the title names the action (「還原備份」) and so becomes the button; else 「繼續」.
    """
    return ask(parent, text, do or title or QCoreApplication.translate("Messages", "Continue"), None, title)


def app_title() -> str:
    """The product's name as people see it (「地方創生輔導桌」), never the package name."""
    return QCoreApplication.translate("Messages", "Regional Revitalization Desk")

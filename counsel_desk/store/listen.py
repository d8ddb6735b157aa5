"""What others changed on a shared server, as it happens (PostgreSQL LISTEN/NOTIFY).

Every change to a listed record's table makes the server NOTIFY ``counsel_desk_changed`` with the kind
of record and the changing program's ``application_name`` (the triggers of migration 0014,
:data:`counsel_desk.store.dialects.CHANGE_KINDS`). :class:`ChangeListener` keeps one connection of its
own listening, in a daemon thread, and calls ``on_change(kind)`` for every notice that another program
sent — its own program's saves are already shown where they were made. A dropped connection is
reconnected, with a growing pause; :meth:`stop` ends the thread.

No Qt here: the UI (``ui/live_refresh.py``) turns the calls into its signals on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from typing import Any, Callable

from sqlalchemy import create_engine

from counsel_desk.store.dialects import CHANGES_CHANNEL

log = logging.getLogger(__name__)


class ChangeListener:
    def __init__(self, target: str, on_change: Callable[[str], None], *, ignore: str | None = None,
                 password: str | None = None, poll_seconds: float = 0.5):
        self.target = target
        self.on_change = on_change
        self.ignore = ignore  # this program's application_name: its own notices are left out
        self._password = password
        self._poll = poll_seconds
        self._stop = threading.Event()
        self._listening = threading.Event()
        self._thread = threading.Thread(target=self._run, name="counsel_desk-listen", daemon=True)

    def start(self) -> "ChangeListener":
        self._thread.start()
        return self

    def wait_listening(self, timeout: float = 10.0) -> bool:
        """True once the connection listens (tests; a notice sent before that is not seen)."""
        return self._listening.wait(timeout)

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _connect(self) -> Any:
        """The driver's own connection (psycopg), reached through SQLAlchemy like every other server
        connection: the driver is never imported here, so a build without it says why (store/server.py)."""
        from sqlalchemy.pool import NullPool

        from counsel_desk.store.server import remembered_password, server_url

        url = server_url(self.target, self._password or remembered_password(self.target))
        engine = create_engine(url, poolclass=NullPool, isolation_level="AUTOCOMMIT",
                               connect_args={"connect_timeout": 10, "application_name": "counsel_desk-listen"})
        pooled = engine.raw_connection()  # kept while listening: dropping it would close the connection
        driver = pooled.driver_connection
        assert driver is not None  # a connection just checked out
        driver.execute(f"LISTEN {CHANGES_CHANNEL}")
        return pooled

    def _run(self) -> None:
        pause = 1.0
        while not self._stop.is_set():
            try:
                pooled = self._connect()
            except Exception as exc:  # noqa: BLE001 — the server away: lists refresh when it is back
                log.info("listening for changes: cannot connect (%s); again in %.0f s", exc, pause)
                self._stop.wait(pause)
                pause = min(pause * 2, 60.0)
                continue
            pause = 1.0
            self._listening.set()
            try:
                while not self._stop.is_set():
                    for notice in pooled.driver_connection.notifies(timeout=self._poll):
                        self._deliver(notice.payload)
            except Exception as exc:  # noqa: BLE001 — dropped: reconnect
                log.info("listening for changes: connection lost (%s)", exc)
            finally:
                self._listening.clear()
                pooled.close()

    def _deliver(self, payload: str) -> None:
        kind, _, sender = payload.partition(" ")
        if self.ignore is not None and sender == self.ignore:
            return
        try:
            self.on_change(kind)
        except Exception:
            log.exception("change notice %r not delivered", kind)

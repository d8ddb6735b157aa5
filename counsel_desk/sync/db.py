"""Database access shared by export and import: a raw sqlite3 connection, the device id, reference data.

Export and import move hundreds of thousands of rows, so they talk to SQLite through the plain
``sqlite3`` connection under the engine (values in storage form, no ORM), with transactions opened
explicitly (``BEGIN IMMEDIATE`` … ``COMMIT``). The same connection also serves SQLAlchemy Core for
the audit log and the search index, so everything lands in one transaction.
"""

from __future__ import annotations

import hashlib
import socket
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

from sqlalchemy.engine import Connection

from counsel_desk.store import driver
from counsel_desk.sync import clock


@contextmanager
def connection(db) -> Iterator[tuple[Connection, driver.Connection]]:
    """An SQLAlchemy connection and its sqlite3 connection in autocommit mode (we say BEGIN ourselves)."""
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection
        previous = raw.isolation_level
        caches = (raw.execute("PRAGMA cache_size").fetchone()[0], raw.execute("PRAGMA temp.cache_size").fetchone()[0])
        raw.isolation_level = None
        try:
            yield conn, raw
        finally:
            if raw.in_transaction:
                raw.execute("ROLLBACK")
            # bulk work may enlarge the page caches; the pooled connection goes back as it came
            raw.execute(f"PRAGMA cache_size = {int(caches[0])}")
            raw.execute(f"PRAGMA temp.cache_size = {int(caches[1])}")
            raw.isolation_level = previous


def _machine() -> str:
    """A fingerprint of this computer: a database file copied to another laptop gets a new device id."""
    node = uuid.getnode()
    mac = "" if (node >> 40) & 1 else f"{node:012x}"  # the multicast bit marks a random stand-in
    return hashlib.sha256(f"{mac}|{socket.gethostname()}".encode()).hexdigest()[:16]


def meta_value(raw: driver.Connection, key: str) -> str | None:
    row = raw.execute("SELECT value FROM app_meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_meta(raw: driver.Connection, key: str, value: str) -> None:
    raw.execute("INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value))


def device_id(raw: driver.Connection) -> str:
    """This database's device id for version vectors, created on first use (own small transaction).

    Two databases must never share one (their edits would look like one device's), so a copy of
    the file that turns up on another computer gets a fresh id; the old ones are kept for the record.
    """
    current = meta_value(raw, "device_id")
    machine = _machine()
    if current and clock.DEVICE_RE.fullmatch(current) and meta_value(raw, "device_machine") == machine:
        return current
    new = clock.new_device_id()
    own = not raw.in_transaction  # inside an import's transaction the id is written with it
    if own:
        raw.execute("BEGIN IMMEDIATE")
    try:
        if current:
            history = meta_value(raw, "device_history") or ""
            set_meta(raw, "device_history", ";".join(p for p in (history, current) if p))
        set_meta(raw, "device_id", new)
        set_meta(raw, "device_machine", machine)
        if own:
            raw.execute("COMMIT")
    except BaseException:
        if own:
            raw.execute("ROLLBACK")
        raise
    return new


def home_center(raw: driver.Connection) -> str:
    """The center this database belongs to: ``app_meta.center`` if set, else its counselors' center."""
    stored = meta_value(raw, "center")
    if stored:
        return stored
    row = raw.execute("SELECT center_code FROM counselor WHERE deleted_at IS NULL GROUP BY center_code "
                      "ORDER BY count(*) DESC, center_code LIMIT 1").fetchone()
    return row[0] if row else ""


@dataclass(frozen=True)
class Reference:
    """The shipped reference data a workbook's codes are checked against."""

    centers: dict[str, str]  # code → 北區…
    counties: dict[str, str]  # code → 臺北市…
    townships: dict[str, tuple[str, str]]  # code → (county code, 大安區…)
    work_items: frozenset[str]

    @classmethod
    def load(cls, raw: driver.Connection) -> "Reference":
        return cls(
            centers=dict(raw.execute("SELECT code, name FROM center")),
            counties=dict(raw.execute("SELECT code, name FROM county")),
            townships={c: (k, n) for c, k, n in raw.execute("SELECT code, county_code, name FROM township")},
            work_items=frozenset(r[0] for r in raw.execute("SELECT code FROM work_item")),
        )

    def county_name(self, code: str | None) -> str:
        return self.counties.get(code or "", "")

    def township_name(self, code: str | None) -> str:
        t = self.townships.get(code or "")
        return t[1] if t else ""

"""Database access shared by export and import: a raw sqlite3 connection, the device id, reference data.

Export and import move hundreds of thousands of rows, so they talk to SQLite through the plain
``sqlite3`` connection under the engine (values in storage form, no ORM), with transactions opened
explicitly (``BEGIN IMMEDIATE`` … ``COMMIT``). The same connection also serves SQLAlchemy Core for
the audit log and the search index, so everything lands in one transaction.
"""

from __future__ import annotations

import hashlib
import socket
import sqlite3
import uuid
from contextlib import contextmanager
from pathlib import Path
from dataclasses import dataclass
from typing import Iterator

from sqlalchemy.engine import Connection

from counsel_desk.sync import clock


@contextmanager
def connection(db) -> Iterator[tuple[Connection, sqlite3.Connection]]:
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


def _machine(raw: sqlite3.Connection | None = None) -> str:
    """Where this database is: this computer, and the file's place on it.

    A file copied to another laptop — or beside itself on this one — is somewhere else, so it
    gets its own device id the first time it is opened there (:func:`recognise_copy`).
    """
    node = uuid.getnode()
    mac = "" if (node >> 40) & 1 else f"{node:012x}"  # the multicast bit marks a random stand-in
    where = ""
    if raw is not None:
        row = raw.execute("PRAGMA database_list").fetchone()
        where = str(Path(row[2]).resolve()) if row and row[2] else ""
    return hashlib.sha256(f"{mac}|{socket.gethostname()}|{where}".encode()).hexdigest()[:16]


def meta_value(raw: sqlite3.Connection, key: str) -> str | None:
    row = raw.execute("SELECT value FROM app_meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_meta(raw: sqlite3.Connection, key: str, value: str) -> None:
    raw.execute("INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value))


def device_id(raw: sqlite3.Connection) -> str:
    """This database's device id for version vectors, created on first use (own small transaction).

    Two databases must never share one (their edits would look like one device's), so a copy of
    the file that turns up on another computer gets a fresh id (:func:`recognise_copy`).
    """
    current = meta_value(raw, "device_id")
    if current and clock.DEVICE_RE.fullmatch(current) and meta_value(raw, "device_machine") == _machine(raw):
        return current
    return _issue(raw, current)


def recognise_copy(raw: sqlite3.Connection) -> bool:
    """At open: a file last used on another computer (a copy) gets its own device id now, before
    anything is edited here. True when it did.

    Without this, every record of a copy that was never merged would take the clock
    ``{new id: version}`` — unrelated to the same record's ``{old id: version}`` in the other copies
    — and merging two copies would show conflicts where there are only updates.
    """
    current = meta_value(raw, "device_id")
    if current and clock.DEVICE_RE.fullmatch(current) and meta_value(raw, "device_machine") == _machine(raw):
        return False
    _issue(raw, current)  # also the first id of a new database: a copy made later carries it
    return True


def _issue(raw: sqlite3.Connection, old: str | None) -> str:
    """A new device id for this database (own transaction unless inside one).

    What the records are now was made under the old id: each record whose clock is derived from
    the old id (never merged, or changed since its last merge) gets that clock pinned in
    ``sync_base`` first. Record rows, versions and the audit log are left as they are.
    """
    new = clock.new_device_id()
    own = not raw.in_transaction  # inside an import's transaction the id is written with it
    if own:
        raw.execute("BEGIN IMMEDIATE")
    try:
        if old and clock.DEVICE_RE.fullmatch(old):
            _pin_clocks(raw, old)
            history = meta_value(raw, "device_history") or ""
            set_meta(raw, "device_history", ";".join(p for p in (history, old) if p))
        set_meta(raw, "device_id", new)
        set_meta(raw, "device_machine", _machine(raw))
        if own:
            raw.execute("COMMIT")
    except BaseException:
        if own:
            raw.execute("ROLLBACK")
        raise
    return new


def _pin_clocks(raw: sqlite3.Connection, old: str) -> None:
    from counsel_desk.sync.format import SHEETS

    for sheet in SHEETS:
        t = sheet.table
        # never merged: {old: version}; merged_at stays the record's own time (a since-last export
        # is not widened by the pinning)
        raw.execute(
            f"INSERT INTO sync_base (entity, record_id, clock, content_hash, local_version, withheld, merged_at) "
            f"SELECT ?, t.id, ? || ':' || max(1, t.version), '', t.version, 0, t.updated_at FROM {t} t "
            f"WHERE NOT EXISTS (SELECT 1 FROM sync_base b WHERE b.entity = ? AND b.record_id = t.id)", (t, old, t))
        # merged, then changed here under the old id: the merged clock advanced by those edits
        changed = raw.execute(
            f"SELECT b.record_id, b.clock, b.local_version, t.version FROM sync_base b JOIN {t} t ON t.id = b.record_id "
            f"WHERE b.entity = ? AND b.local_version != t.version", (t,)).fetchall()
        raw.executemany(
            "UPDATE sync_base SET clock = ?, local_version = ? WHERE entity = ? AND record_id = ?",
            [(clock.format(clock.current(clock.parse(c) or {}, bv, v, old)), v, t, rid) for rid, c, bv, v in changed])


def home_center(raw: sqlite3.Connection) -> str:
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
    def load(cls, raw: sqlite3.Connection) -> "Reference":
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

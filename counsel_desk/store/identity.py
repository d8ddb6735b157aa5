"""Which database this is, for sync: a device id kept with the file and tied to its place.

Version vectors name the device (database) that made each edit, so two databases must never share
an id. The id lives in ``app_meta`` with the place it was issued for (computer and path): a file
copied to another laptop — or beside itself on this one — is somewhere else, and the first open
there (``store.database.open_database``) issues a new id. What the records are at that moment was
made under the old id: each record whose clock is derived from the old id (never merged, or changed
since its last merge) gets that clock pinned in ``sync_base`` first, so copies of one file merge as
updates, not conflicts. Record rows, versions and the audit log are left as they are.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import socket
import uuid
from pathlib import Path

from counsel_desk.store import driver

DEVICE_RE = re.compile(r"[0-9a-f]{12}")


def new_device_id() -> str:
    return secrets.token_hex(6)


def _machine(raw: driver.Connection | None = None) -> str:
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


def meta_value(raw: driver.Connection, key: str) -> str | None:
    row = raw.execute("SELECT value FROM app_meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_meta(raw: driver.Connection, key: str, value: str) -> None:
    raw.execute("INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value))


def device_id(raw: driver.Connection) -> str:
    """This database's device id for version vectors, created on first use (own small transaction).

    Two databases must never share one (their edits would look like one device's), so a copy of
    the file that turns up on another computer gets a fresh id (:func:`recognise_copy`).
    """
    current = meta_value(raw, "device_id")
    if current and DEVICE_RE.fullmatch(current) and meta_value(raw, "device_machine") == _machine(raw):
        return current
    return _issue(raw, current)


def recognise_copy(raw: driver.Connection) -> bool:
    """At open: a file last used on another computer (a copy) gets its own device id now, before
    anything is edited here. True when it did.

    Without this, every record of a copy that was never merged would take the clock
    ``{new id: version}`` — unrelated to the same record's ``{old id: version}`` in the other copies
    — and merging two copies would show conflicts where there are only updates.

    A database gets its id at its first open (not at its first sync), so a file copied before it
    ever synced is recognised as well. One from before that rule, holding records but no id, pins
    them under an id derived from its own history (:func:`_origin`): every copy of it derives the
    same one, so its copies' records stay versions of the same records.
    """
    current = meta_value(raw, "device_id")
    if not current or not DEVICE_RE.fullmatch(current):
        _issue(raw, _origin(raw))
        return False
    if meta_value(raw, "device_machine") == _machine(raw):
        return False
    _issue(raw, current)
    return True


def _origin(raw: driver.Connection) -> str | None:
    """An id every copy of this database computes alike: from its audit log's first entry (its hash
    covers the time, the person and what was done). None for a database with no entries (no records)."""
    row = raw.execute("SELECT hash FROM audit_log ORDER BY seq LIMIT 1").fetchone()
    return hashlib.sha256(f"counsel_desk/origin/{row[0]}".encode()).hexdigest()[:12] if row and row[0] else None


def _issue(raw: driver.Connection, old: str | None) -> str:
    """A new device id for this database (own transaction unless inside one).

    What the records are now was made under the old id: each record whose clock is derived from
    the old id (never merged, or changed since its last merge) gets that clock pinned in
    ``sync_base`` first. Record rows, versions and the audit log are left as they are.
    """
    new = new_device_id()
    own = not raw.in_transaction  # inside an import's transaction the id is written with it
    if own:
        raw.execute("BEGIN IMMEDIATE")
    try:
        if old and DEVICE_RE.fullmatch(old):
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


def _synced_tables() -> list[str]:
    from counsel_desk.models.base import Synced

    out, todo = [], list(Synced.__subclasses__())
    while todo:
        cls = todo.pop()
        todo += cls.__subclasses__()
        table = getattr(cls, "__tablename__", None)
        if isinstance(table, str) and getattr(cls, "__table__", None) is not None:
            out.append(table)
    return sorted(set(out))


def _bump(clock_text: str, old: str, steps: int) -> str:
    """``clock_text`` with ``old``'s counter advanced by ``steps`` (sync.clock's format: sorted ``dev:n;…``)."""
    parts = dict(p.split(":") for p in clock_text.split(";") if ":" in p)
    parts[old] = str(int(parts.get(old, "0")) + max(1, steps))
    return ";".join(f"{d}:{parts[d]}" for d in sorted(parts) if int(parts[d]) > 0)


def _pin_clocks(raw: driver.Connection, old: str) -> None:
    for t in _synced_tables():
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
            [(_bump(c, old, v - (bv or 0)), v, t, rid) for rid, c, bv, v in changed])



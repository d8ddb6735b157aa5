"""Database access shared by export and import: a raw sqlite3 connection, the device id, reference data.

Export and import move hundreds of thousands of rows, so they talk to SQLite through the plain
``sqlite3`` connection under the engine (values in storage form, no ORM), with transactions opened
explicitly (``BEGIN IMMEDIATE`` … ``COMMIT``). The same connection also serves SQLAlchemy Core for
the audit log and the search index, so everything lands in one transaction.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

from sqlalchemy.engine import Connection

from counsel_desk.store import driver, identity
from counsel_desk.store.identity import meta_value as meta_value  # the sync layer reads and writes app_meta through these
from counsel_desk.store.identity import set_meta as set_meta


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


def device_id(raw: driver.Connection) -> str:
    """This database's device id for version vectors (store/identity.py keeps it with the file)."""
    return identity.device_id(raw)


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

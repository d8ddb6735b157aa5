"""Helpers for the sync tests: quick fresh databases, records made through services.base, state snapshots.

A migrated database is built once per test session and copied for every laptop a test needs
(running the migrations each time would dominate the property tests' run time).
"""

from __future__ import annotations

import hashlib
import shutil
from contextlib import contextmanager
from datetime import date, datetime, timezone
from pathlib import Path

from sqlmodel import Session

from counsel_desk import models as m
from counsel_desk.services import base
from counsel_desk.store import driver
from counsel_desk.store import open_database
from counsel_desk.sync import format as fmt
from tests.pg_server import driver_sql

_TEMPLATE: dict[str, Path] = {}
SERVER: dict = {}  # the PostgreSQL run (tests/integration/conftest.py): server, template, databases made
ACTOR = "測試輔導員"
LINK_TABLES = ("visit_counselor", "visit_contact", "support_counselor", "workstation_contact", "proposal_contact",
               "youth_team_visit", "youth_team_support", "visit_issue_topic")
# a township and its county from the shipped reference data: 臺北市大安區
COUNTY, TOWNSHIP = "63000", "63000030"


def template_db(tmp_root: Path) -> Path:
    if "path" not in _TEMPLATE:
        path = tmp_root / "template.db"
        open_database(path).close()
        _TEMPLATE["path"] = path
    return _TEMPLATE["path"]


def on_server() -> bool:
    return bool(SERVER)


@contextmanager
def raw(db):
    """A DB-API connection to ``db`` on either engine taking ``?`` parameters (values as SQLite gives them)."""
    from tests.pg_server import RawConnection

    con = RawConnection(db)
    try:
        yield con
        con.commit()
    finally:
        con.close()


def fresh_db(folder: Path, name: str, tmp_root: Path, *, file: bool = False):
    """A migrated, empty database at ``folder/name`` (copied from the session's template); in the
    PostgreSQL run a server database unless ``file`` (a laptop)."""
    if SERVER and not file:
        made = SERVER["server"].new_database(template=SERVER["template"])
        SERVER["made"].append(made)
        return open_database(SERVER["server"].url(made))
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    shutil.copyfile(template_db(tmp_root), target)
    return open_database(target)


def town(db) -> tuple[str, str]:
    with raw(db) as con:
        row = con.execute("SELECT county_code, code FROM township ORDER BY code LIMIT 1").fetchone()
    return row[0], row[1]


def create(db, obj, actor: str = ACTOR):
    with Session(db.engine, expire_on_commit=False) as s:
        base.create(s, obj, actor, obj.__tablename__)
        s.commit()
    return obj


def update(db, model, rid: str, changes: dict, actor: str = ACTOR) -> dict:
    with Session(db.engine, expire_on_commit=False) as s:
        obj = s.get(model, rid)
        changed = base.update(s, obj, actor, model.__tablename__, changes)
        s.commit()
    return changed


def delete(db, model, rid: str, actor: str = ACTOR) -> None:
    with Session(db.engine, expire_on_commit=False) as s:
        base.soft_delete(s, s.get(model, rid), actor, model.__tablename__)
        s.commit()


def set_links(db, model, rid: str, link_table: str, owner: str, target: str, ids: list[str]) -> None:
    """Replace a record's links the way services do: rows rewritten, the owner stamped."""
    with Session(db.engine, expire_on_commit=False) as s:
        conn = s.connection()
        driver_sql(conn, f"DELETE FROM {link_table} WHERE {owner} = ?", (rid,))
        for i in ids:
            driver_sql(conn, f"INSERT INTO {link_table} ({owner}, {target}) VALUES (?, ?)", (rid, i))
        obj = s.get(model, rid)
        base.stamp_change(obj, ACTOR)
        s.add(obj)
        s.commit()


def small_world(db, *, visits: int = 2) -> dict[str, list[str]]:
    """A counselor, an organisation with a contact, a workstation with a budget, visits with follow-ups."""
    county, township = town(db)
    ids: dict[str, list[str]] = {}
    c = create(db, m.Counselor(center_code="north", name="王小明", email="wang@example.com", phone="0912-345-678"))
    o = create(db, m.Organization(name="大安社區發展協會", kind="association", county_code=county, township_code=township))
    ct = create(db, m.Contact(organization_id=o.id, name="林美玲", phone="02-2345-6789", email="lin@example.com",
                              personal_notes="喜歡喝咖啡"))
    w = create(db, m.Workstation(center_code="north", name="大安青年工作站", county_code=county, township_code=township,
                                 organization_id=o.id, status="active"))
    b = create(db, m.WorkstationBudget(workstation_id=w.id, roc_year=115, approved_subsidy=2_500_000))
    ids.update(counselors=[c.id], organizations=[o.id], contacts=[ct.id], workstations=[w.id], budgets=[b.id],
               visits=[], followups=[])
    for n in range(visits):
        v = create(db, m.SiteVisit(center_code="north", visit_date=date(2026, 11, 1 + n), county_code=county,
                                   township_code=township, organization_id=o.id, mode="onsite",
                                   purpose=f"第 {n + 1} 次訪視", findings="地方 DNA 盤點"))
        set_links(db, m.SiteVisit, v.id, "visit_counselor", "visit_id", "counselor_id", [c.id])
        f = create(db, m.FollowUp(visit_id=v.id, description="補件", due_date=date(2026, 12, 1)))
        ids["visits"].append(v.id)
        ids["followups"].append(f.id)
    return ids


def snapshot(db, *, skip: tuple[str, ...] = ()) -> dict:
    """Every synced table (all columns) and link table, keyed by id, for comparing databases."""
    out = {}
    with raw(db) as con:
        for sheet in fmt.SHEETS:
            cols = [c.key for c in sheet.db_columns if c.key not in skip]
            out[sheet.table] = {r[0]: r for r in con.execute(f"SELECT {', '.join(cols)} FROM {sheet.table}")}
        for table in LINK_TABLES:
            cols = "*"
            if db.is_server:  # not the rowid a server's tables have as SQLite's stand-in
                cols = ", ".join(r[0] for r in con.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = ? AND column_name <> 'rowid' "
                    "AND table_schema = current_schema() ORDER BY ordinal_position", (table,)))
            out[table] = set(con.execute(f"SELECT {cols} FROM {table}"))
    return out


def open_conflicts(db) -> set:
    """(table, record id, shown content hash, {other content hashes}) of the open conflicts."""
    import json

    with raw(db) as con:
        rows = con.execute("SELECT entity, record_id, local_values, remote_values FROM sync_conflict "
                           "WHERE status = 'open'").fetchall()
    out = set()
    for table, rid, local, remote in rows:
        shown = json.loads(local)
        others = json.loads(remote)
        out.add((table, rid, shown["phash"], frozenset(o["phash"] for o in others)))
    return out


def file_digest(db) -> str:
    """SHA-256 of the database file after checkpointing the WAL (so committed changes are in it); of a
    server database, of everything it holds that sync or the audit log writes."""
    if db.is_server:
        with raw(db) as con:
            state = [sorted(map(repr, con.execute(f"SELECT * FROM {t}").fetchall()))
                     for t in ("audit_log", "sync_base", "sync_conflict", "import_log", "export_log", "app_meta")]
        return hashlib.sha256(repr((snapshot(db), state)).encode()).hexdigest()
    db.engine.dispose()
    with driver.connect(db.path) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return hashlib.sha256(Path(db.path).read_bytes()).hexdigest()


def now() -> datetime:
    return datetime.now(timezone.utc)

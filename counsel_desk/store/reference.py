"""Loading the shipped reference data (centers, counties, townships, programme files) into a database.

Runs at every open; it does nothing when the stored fingerprint of the resource files matches, so
a release that corrects a township name updates existing databases too.
"""

from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Engine

from counsel_desk import paths
from counsel_desk.models import AppMeta, Center, County, Township
from counsel_desk.models.enums import CenterCode
from counsel_desk.store import programmes

SPLIT_KEY = "center_split"  # headquarters' moves of counties between centers (services/programme/center_split.py)
CENTERS = [(c.value, c.zh, c.en, n) for n, c in enumerate(CenterCode)]


def data_file(name: str) -> Path:
    return paths.resources_dir() / "data" / name


@dataclass(frozen=True)
class TownshipRow:
    code: str
    county_code: str
    county: str
    postal_code: str
    name: str
    name_en: str
    county_en: str
    default_center: str  # CenterCode value
    indigenous_area: str | None


@lru_cache(maxsize=1)
def townships() -> tuple[TownshipRow, ...]:
    by_label = {c.zh: c.value for c in CenterCode}
    with data_file("taiwan_townships.csv").open(encoding="utf-8") as f:
        return tuple(
            TownshipRow(code=r["town_code"], county_code=r["county_code"], county=r["county"],
                        postal_code=r["postal_code"], name=r["township"], name_en=r["township_en"],
                        county_en=r["county_en"], default_center=by_label[r["default_center"]],
                        indigenous_area=r["indigenous_area"] or None)
            for r in csv.DictReader(f))


def _fingerprint() -> str:
    h = hashlib.sha256()
    h.update(data_file("taiwan_townships.csv").read_bytes())
    h.update(programmes.shipped_fingerprint().encode())
    return h.hexdigest()


def ensure_reference_data(engine: Engine) -> bool:
    """Load or refresh the reference tables; returns True when it wrote anything."""
    fp = _fingerprint()
    with engine.begin() as conn:
        stored = conn.execute(select(AppMeta.value).where(AppMeta.key == "reference_fingerprint")).scalar()
        if stored == fp:
            return False
        _upsert(conn, Center.__table__, "code",
                [{"code": c, "name": zh, "name_en": en, "sort_order": n} for c, zh, en, n in CENTERS])
        counties: dict[str, dict] = {}
        for t in townships():
            counties.setdefault(t.county_code, {"code": t.county_code, "name": t.county, "name_en": t.county_en,
                                                "default_center": t.default_center, "sort_order": len(counties)})
        _upsert(conn, County.__table__, "code", list(counties.values()))
        _apply_split(conn)
        _upsert(conn, Township.__table__, "code", [
            {"code": t.code, "county_code": t.county_code, "postal_code": t.postal_code, "name": t.name,
             "name_en": t.name_en, "indigenous_area": t.indigenous_area} for t in townships()])
        programmes.ensure_shipped(conn)  # work items and allocations come from the programme files
        conn.execute(delete(AppMeta.__table__).where(AppMeta.key == "reference_fingerprint"))
        conn.execute(insert(AppMeta.__table__), [{"key": "reference_fingerprint", "value": fp}])
    return True


def _apply_split(conn) -> None:
    """Headquarters' moves again after the shipped split is refreshed (never silently undone)."""
    raw = conn.execute(select(AppMeta.value).where(AppMeta.key == SPLIT_KEY)).scalar()
    try:
        moves = json.loads(raw) if raw else {}
    except ValueError:
        moves = {}
    for code, center in moves.items():
        conn.execute(County.__table__.update().where(County.code == code).values(default_center=center))


def _upsert(conn, table, key: str, rows: list[dict]) -> None:
    existing = {r[0] for r in conn.execute(select(table.c[key]))}
    new = [r for r in rows if r[key] not in existing]
    old = [r for r in rows if r[key] in existing]
    if new:
        conn.execute(insert(table), new)
    for r in old:
        conn.execute(table.update().where(table.c[key] == r[key]).values(**r))

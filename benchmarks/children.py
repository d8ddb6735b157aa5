"""Work that benchmarks run in child processes (so each has its own peak memory)."""

from __future__ import annotations

from pathlib import Path


def make_demo(path: str, visits: int) -> dict:
    from benchmarks.common import TODAY
    from counsel_desk.services.demo import generate
    from counsel_desk.store import open_database

    db = open_database(Path(path))
    summary = generate(db, visits=visits, seed=115, center="north", today=TODAY)
    db.close()
    return {"seconds": summary.seconds, "visits": summary.counts.get("visits", 0)}

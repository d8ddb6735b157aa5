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


def parents_first(parents: dict[str, set[str]]) -> list[str]:
    """Tables ordered so that each comes after the tables it refers to (``parents``: table → tables it refers to;
    references to itself or to tables not listed ignored): rows inserted in that order pass their foreign keys."""
    left = {t: p & parents.keys() - {t} for t, p in parents.items()}
    order: list[str] = []
    while left:
        ready = sorted(t for t, p in left.items() if not p - set(order))
        if not ready:
            raise ValueError(f"foreign keys in a circle: {sorted(left)}")
        order += ready
        left = {t: p for t, p in left.items() if t not in ready}
    return order

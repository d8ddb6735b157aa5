"""The demo-data run: build rows in plain Python and write them in one transaction.

Rows go in through SQLAlchemy Core ``executemany`` in chunks (one ORM object at a time is ten
times slower), with their search-index text, and one audit entry per kind of record at the end.
Visits are built and written 5,000 at a time so memory stays flat at 100,000 visits. A crash or
a cancel rolls the whole transaction back: the database is never left half-filled.
"""

from __future__ import annotations

import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Callable, Iterator

from sqlalchemy import func, insert, select

from counsel_desk.errors import UserError
from counsel_desk.models import Organization, Proposal, SiteVisit, Workstation, metadata
from counsel_desk.models.enums import CenterCode, TargetMetric
from counsel_desk.services.demo.context import Ctx
from counsel_desk.services.demo.outcomes import build_outcomes
from counsel_desk.services.demo.people import People, build_counselors, build_organizations
from counsel_desk.services.demo.programs import build_events, build_public_spaces, build_support, build_workstations
from counsel_desk.services.demo.proposals import build_proposals
from counsel_desk.services.demo.visits import build_visits
from counsel_desk.services.figures.stats import ENTITIES
from counsel_desk.store import audit, dialects, search

# Insertion order follows the foreign keys; each group is written when it has been built.
FIRST = ("counselor", "organization", "contact", "workstation", "workstation_contact", "workstation_budget",
         "budget_line", "public_space")
VISITS = ("site_visit", "visit_counselor", "visit_contact", "visit_issue_topic", "followup")
LAST = ("plan", "proposal", "proposal_contact", "proposal_section", "funding_line", "proposal_score",
        "stage_change", "proposal_comment", "support_record", "support_counselor", "center_event", "yearly_target",
        "youth_team", "youth_team_member", "youth_team_support", "outcome")
TABLES = FIRST + VISITS + LAST
LINK_TABLES = {"workstation_contact", "visit_counselor", "visit_contact", "proposal_contact", "support_counselor",
               "youth_team_support", "visit_issue_topic"}
COUNT_KEYS = {model.__tablename__: key for key, model in ENTITIES.items()}  # site_visit → visits, as `stats`
CHUNK = 5000
MAX_VISITS = 1_000_000
ROWS_PER_10_VISITS = 67  # rows and index entries written per ten visits, measured: sizes the progress bar
DEMO_HASHSIZE = 64 * 1024 * 1024  # FTS5 pending-terms buffer while loading (about 40 % less indexing time)
BULK_CACHE_KIB = 131_072  # page cache while loading, so index pages are not spilled and re-read


@dataclass
class DemoSummary:
    counts: dict[str, int]  # "visits", "followups", … (as `counsel-desk stats`), other tables by name
    seconds: float


def generate(db, *, visits: int = 2000, seed: int = 115, center: str = "north", today: date | None = None,
             progress: Callable[[int, int], bool] | None = None, actor: str = "示範資料") -> DemoSummary:
    """Fill an empty database with a center's demo data; same seed and ``today`` give the same rows.

    ``progress(done, total)`` is called every few thousand rows; returning False cancels with a
    UserError and nothing is written.
    """
    started = time.perf_counter()
    try:
        center = CenterCode(center).value
    except ValueError:
        raise UserError(f"不明的分區中心代碼：{center}", f"Unknown center code: {center}", field="center") from None
    if not 0 <= visits <= MAX_VISITS:
        raise UserError(f"訪視筆數須介於 0 到 {MAX_VISITS:,}。",
                        f"The number of visits must be between 0 and {MAX_VISITS:,}.", field="visits")
    ctx = Ctx(seed=seed, center=center, today=today or date.today(), actor=actor)
    counts: Counter = Counter()
    total = ROWS_PER_10_VISITS * visits // 10 + 800
    written = 0

    def flush(conn, tables: tuple[str, ...]) -> None:
        """Write and drop what has been built of ``tables`` and the search text gathered so far."""
        nonlocal written
        for table in tables:
            rows = ctx.rows.pop(table, [])
            statement = insert(metadata.tables[table])
            for i in range(0, len(rows), CHUNK):
                conn.execute(statement, rows[i:i + CHUNK])
                written += len(rows[i:i + CHUNK])
                report(written)
            counts[table] += len(rows)
        for entity in list(ctx.docs):
            docs = ctx.docs.pop(entity)
            for i in range(0, len(docs), CHUNK):
                search.index_many(conn, entity, docs[i:i + CHUNK])
                written += len(docs[i:i + CHUNK])
                report(written)
            counts["search_index"] += len(docs)

    def report(done: int) -> None:
        if progress is not None and progress(min(done, total - 1), total) is False:
            raise UserError("已取消產生示範資料。", "Demo generation cancelled.")

    with db.engine.begin() as conn, _bulk_load(conn):
        _refuse_non_empty(conn)
        report(0)
        ctx.load_geography(conn)
        people = People()
        build_counselors(ctx, people, visits)
        build_organizations(ctx, people, visits)
        stations = build_workstations(ctx, people, visits)
        spaces = build_public_spaces(ctx, people, visits)
        flush(conn, FIRST)
        for _ in build_visits(ctx, people, stations, spaces, visits, chunk=CHUNK):
            flush(conn, VISITS)
        build_proposals(ctx, people, stations, spaces, visits)
        build_support(ctx, people, stations, visits)
        build_events(ctx, people, visits)
        build_outcomes(ctx, stations)
        build_targets(ctx)  # before the flush: it reads this run's support, event and stage rows
        flush(conn, LAST)
        detail = {"seed": seed, "center": center, "today": ctx.today.isoformat(), "visits": visits}
        for table in TABLES:
            if table not in LINK_TABLES and counts[table]:
                audit.record_many(conn, actor, "demo", table, [("", {**detail, "count": counts[table]})])
    dialects.refresh_statistics(db.engine)
    if progress is not None:
        progress(total, total)
    summary = {COUNT_KEYS.get(table, table): counts[table] for table in TABLES}
    summary["search_index"] = counts["search_index"]
    return DemoSummary(summary, time.perf_counter() - started)


def _refuse_non_empty(conn) -> None:
    for model in (SiteVisit, Organization, Workstation, Proposal):
        if conn.execute(select(func.count()).select_from(model.__table__)).scalar_one():
            raise UserError("資料庫中已有資料；示範資料只能產生在空白的資料庫中。",
                            "The database already has data; demo data goes into an empty database only.")


@contextmanager
def _bulk_load(conn) -> Iterator[None]:
    """SQLite settings for one big load: a larger page cache and FTS5 buffer (``store.search.bulk_indexing``),
    restored afterwards."""
    if conn.dialect.name != "sqlite":
        yield
        return
    cache = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
    conn.exec_driver_sql(f"PRAGMA cache_size=-{BULK_CACHE_KIB}")
    try:
        with search.bulk_indexing(conn, hashsize=DEMO_HASHSIZE):
            yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size={int(cache)}")


def build_targets(ctx: Ctx) -> None:
    """Yearly targets (績效指標) for last year and this year, near what the demo data achieves.

    This year's figures are annualised from the days so far; a random factor of 0.9–1.25 leaves
    some metrics behind target, as the 2021–2023 budget review found of several centers.
    """
    rng = ctx.rng("targets")
    rows = ctx.rows
    for year in (ctx.today.year - 1, ctx.today.year):
        c: Counter = Counter()
        c["visits"] = ctx.visit_years[year]
        support = [r for r in rows["support_record"] if r["support_date"].year == year]
        c["support_sessions"] = len(support)
        c["support_hours"] = sum(r["hours"] for r in support)
        events = [r for r in rows["center_event"] if r["event_date"].year == year]
        c["events"] = len(events)
        c["event_participants"] = sum(r["participants"] for r in events)
        for r in rows["stage_change"]:
            if r["proposal_id"] and r["changed_at"].year == year and r["to_stage"] in ("sent", "approved"):
                c["proposals_" + r["to_stage"]] += 1
        c["youth_stayed_returned"] = ctx.youth // 2
        annualise = 1.0
        if year == ctx.today.year:
            annualise = 365 / ((ctx.today - date(year, 1, 1)).days + 1)
        created = min(datetime(year, 1, 5, 2, 0, tzinfo=timezone.utc), ctx.now)
        for metric in TargetMetric:
            value = c[metric.value] * annualise * (0.9 + rng.random() * 0.35)
            step = 10 if metric.value in ("visits", "support_hours", "event_participants") and value > 100 else 1
            ctx.add("yearly_target", {**ctx.synced(ctx.new_id(), created), "center_code": ctx.center, "year": year,
                                      "metric": metric.value, "target": float(max(1, round(value / step) * step))})

"""The proposals list and the stage board: filtered, searched and sorted in SQL.

:class:`ProposalListSource` is the lazy list's source (``services/listing.py``): filters on stage,
route, county, applicant type, counselor, workstation and plan, the search box over title,
applicant and section texts. :func:`board` turns the same query into cards per stage, with a plan
(地方創生計畫) shown as one card because it moves as a whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import text

from counsel_desk.models.enums import STAGE_ORDER, OrgKind, Route, Stage
from counsel_desk.services.places import places
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.formatting import shown_date
from counsel_desk.services.listing import QT_TRANSLATE_NOOP, Column, ListQuery
from counsel_desk.services.proposals.display import local_time
from counsel_desk.store import search
from counsel_desk.store.dialects import dialect_of

FILTER_COLUMNS = {
    "stage": "p.stage", "route": "p.route", "county_code": "p.county_code", "township_code": "p.township_code",
    "applicant_type": "p.applicant_type", "counselor_id": "p.counselor_id", "workstation_id": "p.workstation_id",
    "plan_id": "p.plan_id", "center_code": "p.center_code",
}
# Filters that say something about the proposals themselves (a plan card shows only when one matches).
PROPOSAL_ONLY_FILTERS = {"route", "applicant_type", "workstation_id"}

STAGE_RANK = "CASE p.stage " + " ".join(f"WHEN '{s.value}' THEN {n}" for n, s in enumerate(STAGE_ORDER)) + " END"
REQUESTED = ("(SELECT COALESCE(SUM(f.amount), 0) FROM funding_line f "
             "WHERE f.proposal_id = p.id AND f.deleted_at IS NULL)")
SORTS: dict[str, tuple[str, ...]] = {
    "title": ("p.title",), "applicant": ("COALESCE(o.name, '')",), "applicant_type": ("p.applicant_type",),
    "place": ("c.sort_order", "p.township_code"), "route": ("p.route",), "stage": (STAGE_RANK,),
    "workstation": ("COALESCE(w.name, '')",), "counselor": ("COALESCE(cs.name, '')",),
    "plan": ("COALESCE(pl.title, '')",), "requested": (REQUESTED,), "stage_changed": ("p.stage_changed_at",),
}
# Per-plan proposal counts and money, aggregated once (a correlated subquery per plan made SQLite scan
# every funding line for each plan: seconds on a large database).
PLAN_TOTALS = (
    "LEFT JOIN (SELECT p.plan_id AS plan_id, COUNT(*) AS n FROM proposal p "
    "  WHERE p.deleted_at IS NULL AND p.plan_id IS NOT NULL GROUP BY p.plan_id) pc ON pc.plan_id = pl.id "
    "LEFT JOIN (SELECT p.plan_id AS plan_id, SUM(f.amount) AS amount FROM proposal p "
    "  JOIN funding_line f ON f.proposal_id = p.id AND f.deleted_at IS NULL "
    "  WHERE p.deleted_at IS NULL AND p.plan_id IS NOT NULL GROUP BY p.plan_id) pf ON pf.plan_id = pl.id ")
JOINS = ("FROM proposal p JOIN county c ON c.code = p.county_code JOIN township t ON t.code = p.township_code "
         "LEFT JOIN organization o ON o.id = p.organization_id LEFT JOIN workstation w ON w.id = p.workstation_id "
         "LEFT JOIN counselor cs ON cs.id = p.counselor_id LEFT JOIN plan pl ON pl.id = p.plan_id ")


def _where(query: ListQuery, dialect: str) -> tuple[str, dict[str, Any]]:
    conds = ["p.deleted_at IS NULL"]
    params: dict[str, Any] = {}
    for key, column in FILTER_COLUMNS.items():
        value = query.filters.get(key)
        if value:
            conds.append(f"{column} = :f_{key}")
            params[f"f_{key}"] = value
    indigenous = places.indigenous_condition("p.township_code", query.filters.get("indigenous"))
    if indigenous:
        conds.append(indigenous)
    cond, search_params = search.match_clause("proposal", query.search, "p.id", dialect)
    conds.append(cond)
    params.update(search_params)
    return " AND ".join(conds), params


class ProposalListSource:
    """Business proposals (事業提案) for the lazy list."""

    columns = [
        Column("title", QT_TRANSLATE_NOOP("ProposalColumns", "Title")),
        Column("applicant", QT_TRANSLATE_NOOP("ProposalColumns", "Applicant")),
        Column("applicant_type", QT_TRANSLATE_NOOP("ProposalColumns", "Applicant type")),
        Column("place", QT_TRANSLATE_NOOP("ProposalColumns", "County / township")),
        Column("route", QT_TRANSLATE_NOOP("ProposalColumns", "Route")),
        Column("stage", QT_TRANSLATE_NOOP("ProposalColumns", "Stage")),
        Column("workstation", QT_TRANSLATE_NOOP("ProposalColumns", "Workstation")),
        Column("counselor", QT_TRANSLATE_NOOP("ProposalColumns", "Counselor")),
        Column("plan", QT_TRANSLATE_NOOP("ProposalColumns", "Plan")),
        Column("requested", QT_TRANSLATE_NOOP("ProposalColumns", "Requested (NT$)"), align_right=True),
        Column("stage_changed", QT_TRANSLATE_NOOP("ProposalColumns", "In stage since")),
    ]

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def ids(self, query: ListQuery) -> list[str]:
        where, params = _where(query, dialect_of(self.ctx.session_factory))
        order = SORTS.get(query.sort_key or "", SORTS["stage_changed"])
        direction = "DESC" if (query.descending or not query.sort_key) else "ASC"
        order_sql = ", ".join(f"{part} {direction}" for part in order)
        sql = f"SELECT p.id {JOINS} WHERE {where} ORDER BY {order_sql}, p.id"
        with self.ctx.session_factory() as s:
            return [r[0] for r in s.connection().execute(text(sql), params)]

    def rows(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        if not ids:
            return {}
        marks = ", ".join(f":i{n}" for n in range(len(ids)))
        sql = (f"SELECT p.id, p.title, COALESCE(o.name, ''), p.applicant_type, c.name, t.name, p.route, p.stage, "
               f"COALESCE(w.name, ''), COALESCE(cs.name, ''), COALESCE(pl.title, ''), {REQUESTED}, "
               f"p.stage_changed_at, p.plan_id, p.counselor_id {JOINS} WHERE p.id IN ({marks})")
        out: dict[str, dict[str, Any]] = {}
        with self.ctx.session_factory() as s:
            for r in s.connection().execute(text(sql), {f"i{n}": v for n, v in enumerate(ids)}):
                since = _as_datetime(r[12])
                local = local_time(since)
                out[r[0]] = {
                    "title": r[1], "applicant": r[2], "applicant_type": OrgKind.label_of(r[3]),
                    "place": f"{r[4]}{r[5]}", "route": Route.label_of(r[6]), "stage": Stage.label_of(r[7]),
                    "workstation": r[8], "counselor": r[9], "plan": r[10], "requested": int(r[11] or 0),
                    "stage_changed": shown_date(local.date()) if local else "",
                    "_stage": r[7], "_route": r[6], "_plan_id": r[13], "_since": since,
                    "_highlight": {Stage.REJECTED.value: "muted", Stage.RETURNED.value: "warning"}.get(r[7]),
                }
        return out


@dataclass(frozen=True)
class BoardCard:
    kind: str  # "proposal" or "plan"
    id: str
    title: str
    applicant: str
    place: str
    route: str  # Route code ("" for a plan)
    stage: str
    requested: int
    since: datetime | None  # UTC
    counselor: str = ""
    proposals: int = 0  # a plan's proposal count


@dataclass
class Board:
    columns: dict[str, list[BoardCard]]
    counts: dict[str, int]  # cards per stage before the per-column limit


def board(ctx: ServiceContext, query: ListQuery, *, per_column: int = 200) -> Board:
    """Cards per stage for the same filters and search as the list; each plan is one card.

    SQL keeps the newest ``per_column`` standalone proposals of each stage and counts the rest, so a
    center with ten thousand proposals gets its board as fast as one with ten.
    """
    where, params = _where(query, dialect_of(ctx.session_factory))
    params["limit"] = per_column
    newest = (f"SELECT x.id, x.title, x.applicant, x.place, x.route, x.stage, {REQUESTED.replace('p.id', 'x.id')}, "
              "x.since, x.counselor FROM ("
              "SELECT p.id, p.title, COALESCE(o.name, '') AS applicant, c.name || t.name AS place, p.route, p.stage, "
              "p.stage_changed_at AS since, COALESCE(cs.name, '') AS counselor, "
              "ROW_NUMBER() OVER (PARTITION BY p.stage ORDER BY p.stage_changed_at DESC) AS rn "
              f"{JOINS}WHERE {where} AND p.plan_id IS NULL) x WHERE x.rn <= :limit")
    counts_sql = f"SELECT p.stage, COUNT(*) {JOINS}WHERE {where} AND p.plan_id IS NULL GROUP BY p.stage"
    plans_sql = f"SELECT DISTINCT p.plan_id {JOINS}WHERE {where} AND p.plan_id IS NOT NULL"
    counts: dict[str, int] = {s.value: 0 for s in STAGE_ORDER}
    with ctx.session_factory() as s:
        conn = s.connection()
        cards = [BoardCard("proposal", r[0], r[1], r[2], r[3], r[4], r[5], int(r[6] or 0), _as_datetime(r[7]), r[8])
                 for r in conn.execute(text(newest), params)]
        for stage, n in conn.execute(text(counts_sql), params):
            counts[stage] = counts.get(stage, 0) + n
        plan_ids = [r[0] for r in conn.execute(text(plans_sql), params)]
    plan_cards = _plan_cards(ctx, query, plan_ids)
    for card in plan_cards:
        counts[card.stage] = counts.get(card.stage, 0) + 1
    columns: dict[str, list[BoardCard]] = {s.value: [] for s in STAGE_ORDER}
    for card in cards + plan_cards:
        columns.setdefault(card.stage, []).append(card)
    for v in columns.values():
        v.sort(key=lambda c: _sort_key(c.since), reverse=True)
        del v[per_column:]
    return Board(columns, counts)


def _as_datetime(value) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def _sort_key(at: datetime | None) -> str:
    # Stored times may come back naive or aware (UTC either way): compare them as text.
    return at.replace(tzinfo=None).isoformat() if at else ""


def _plan_cards(ctx: ServiceContext, query: ListQuery, plan_ids: list[str]) -> list[BoardCard]:
    """Plans with a matching proposal, and — unless a proposal-only filter is set — matching empty plans."""
    params: dict[str, Any] = {}
    conds = ["pl.deleted_at IS NULL"]
    marks = ", ".join(f":pl{n}" for n in range(len(plan_ids))) or "''"
    params.update({f"pl{n}": v for n, v in enumerate(plan_ids)})
    if any(query.filters.get(k) for k in PROPOSAL_ONLY_FILTERS):
        conds.append(f"pl.id IN ({marks})")
    else:
        extra = ["pl.deleted_at IS NULL"]
        for key, column in (("stage", "pl.stage"), ("county_code", "pl.county_code"),
                            ("township_code", "pl.township_code"), ("counselor_id", "pl.counselor_id"),
                            ("center_code", "pl.center_code"), ("plan_id", "pl.id")):
            if query.filters.get(key):
                extra.append(f"{column} = :g_{key}")
                params[f"g_{key}"] = query.filters[key]
        indigenous = places.indigenous_condition("pl.township_code", query.filters.get("indigenous"))
        if indigenous:
            extra.append(indigenous)
        cond, search_params = search.match_clause("plan", query.search, "pl.id", dialect_of(ctx.session_factory))
        params.update(search_params)
        extra.append(cond)
        conds.append(f"(pl.id IN ({marks}) OR ({' AND '.join(extra)}))")
    sql = ("SELECT pl.id, pl.title, COALESCE(o.name, ''), c.name || t.name, pl.stage, COALESCE(cs.name, ''), "
           " COALESCE(pc.n, 0), COALESCE(pf.amount, 0), "
           " (SELECT MAX(sc.changed_at) FROM stage_change sc WHERE sc.plan_id = pl.id AND sc.proposal_id IS NULL), "
           " pl.created_at "
           "FROM plan pl JOIN county c ON c.code = pl.county_code JOIN township t ON t.code = pl.township_code "
           "LEFT JOIN organization o ON o.id = pl.organization_id LEFT JOIN counselor cs ON cs.id = pl.counselor_id "
           f"{PLAN_TOTALS}WHERE {' AND '.join(conds)}")
    out = []
    with ctx.session_factory() as s:
        for r in s.connection().execute(text(sql), params):
            since = _as_datetime(r[8] or r[9])
            out.append(BoardCard("plan", r[0], r[1], r[2], r[3], "", r[4], int(r[7] or 0), since, r[5], int(r[6])))
    return out

"""The proposals list and the stage board: filtered, searched and sorted in SQL.

:class:`ProposalListSource` is the lazy list's source (``services/listing.py``): filters on stage,
route, county, applicant type, counselor, workstation and plan, the search box over title,
applicant and section texts. :func:`board` turns the same query into cards per stage, with a plan
(地方創生計畫) shown as one card because it moves as a whole.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import text

from counsel_desk.models.enums import STAGE_ORDER, OrgKind, Route, Stage
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.formatting import roc_date
from counsel_desk.services.listing import Column, ListQuery
from counsel_desk.services.proposals.display import label, local_time
from counsel_desk.store import search

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
JOINS = ("FROM proposal p JOIN county c ON c.code = p.county_code JOIN township t ON t.code = p.township_code "
         "LEFT JOIN organization o ON o.id = p.organization_id LEFT JOIN workstation w ON w.id = p.workstation_id "
         "LEFT JOIN counselor cs ON cs.id = p.counselor_id LEFT JOIN plan pl ON pl.id = p.plan_id ")


def _where(query: ListQuery) -> tuple[str, dict[str, Any]]:
    conds = ["p.deleted_at IS NULL"]
    params: dict[str, Any] = {}
    for key, column in FILTER_COLUMNS.items():
        value = query.filters.get(key)
        if value:
            conds.append(f"{column} = :f_{key}")
            params[f"f_{key}"] = value
    cond, search_params = search.match_clause("proposal", query.search, "p.id")
    conds.append(cond)
    params.update(search_params)
    return " AND ".join(conds), params


class ProposalListSource:
    """Business proposals (事業提案) for the lazy list."""

    columns = [
        Column("title", "Title"),
        Column("applicant", "Applicant"),
        Column("applicant_type", "Applicant type"),
        Column("place", "County / township"),
        Column("route", "Route"),
        Column("stage", "Stage"),
        Column("workstation", "Workstation"),
        Column("counselor", "Counselor"),
        Column("plan", "Plan"),
        Column("requested", "Requested (NT$)", align_right=True),
        Column("stage_changed", "In stage since"),
    ]

    def __init__(self, svc: ServiceContext):
        self.svc = svc

    def ids(self, query: ListQuery) -> list[str]:
        where, params = _where(query)
        order = SORTS.get(query.sort_key or "", SORTS["stage_changed"])
        direction = "DESC" if (query.descending or not query.sort_key) else "ASC"
        order_sql = ", ".join(f"{part} {direction}" for part in order)
        sql = f"SELECT p.id {JOINS} WHERE {where} ORDER BY {order_sql}, p.id"
        with self.svc.session_factory() as s:
            return [r[0] for r in s.connection().execute(text(sql), params)]

    def rows(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        if not ids:
            return {}
        marks = ", ".join(f":i{n}" for n in range(len(ids)))
        sql = (f"SELECT p.id, p.title, COALESCE(o.name, ''), p.applicant_type, c.name, t.name, p.route, p.stage, "
               f"COALESCE(w.name, ''), COALESCE(cs.name, ''), COALESCE(pl.title, ''), {REQUESTED}, "
               f"p.stage_changed_at, p.plan_id, p.counselor_id {JOINS} WHERE p.id IN ({marks})")
        out: dict[str, dict[str, Any]] = {}
        with self.svc.session_factory() as s:
            for r in s.connection().execute(text(sql), {f"i{n}": v for n, v in enumerate(ids)}):
                since = r[12] if isinstance(r[12], datetime) or r[12] is None else datetime.fromisoformat(r[12])
                local = local_time(since)
                out[r[0]] = {
                    "title": r[1], "applicant": r[2], "applicant_type": label(OrgKind, r[3]),
                    "place": f"{r[4]}{r[5]}", "route": label(Route, r[6]), "stage": label(Stage, r[7]),
                    "workstation": r[8], "counselor": r[9], "plan": r[10], "requested": int(r[11] or 0),
                    "stage_changed": roc_date(local.date()) if local else "",
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


def board(svc: ServiceContext, query: ListQuery, *, per_column: int = 200) -> Board:
    """Cards per stage for the same filters and search as the list; each plan is one card."""
    source = ProposalListSource(svc)
    query = replace(query, sort_key="stage_changed", descending=True)
    ids = source.ids(query)
    rows = source.rows(ids)
    cards: list[BoardCard] = []
    plan_ids: list[str] = []
    for pid in ids:
        r = rows.get(pid)
        if r is None:
            continue
        if r["_plan_id"]:
            if r["_plan_id"] not in plan_ids:
                plan_ids.append(r["_plan_id"])
            continue
        cards.append(BoardCard("proposal", pid, r["title"], r["applicant"], r["place"], r["_route"], r["_stage"],
                               r["requested"], r["_since"], r["counselor"]))
    cards += _plan_cards(svc, query, plan_ids)
    columns: dict[str, list[BoardCard]] = {s.value: [] for s in STAGE_ORDER}
    for card in cards:
        columns.setdefault(card.stage, []).append(card)
    counts = {k: len(v) for k, v in columns.items()}
    for k, v in columns.items():
        v.sort(key=lambda c: c.since or datetime.min, reverse=True)
        del v[per_column:]
    return Board(columns, counts)


def _plan_cards(svc: ServiceContext, query: ListQuery, plan_ids: list[str]) -> list[BoardCard]:
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
        cond, search_params = search.match_clause("plan", query.search, "pl.id")
        params.update(search_params)
        extra.append(cond)
        conds.append(f"(pl.id IN ({marks}) OR ({' AND '.join(extra)}))")
    sql = ("SELECT pl.id, pl.title, COALESCE(o.name, ''), c.name || t.name, pl.stage, COALESCE(cs.name, ''), "
           " (SELECT COUNT(*) FROM proposal p WHERE p.plan_id = pl.id AND p.deleted_at IS NULL), "
           " (SELECT COALESCE(SUM(f.amount), 0) FROM funding_line f JOIN proposal p ON p.id = f.proposal_id "
           "  WHERE p.plan_id = pl.id AND p.deleted_at IS NULL AND f.deleted_at IS NULL), "
           " (SELECT MAX(sc.changed_at) FROM stage_change sc WHERE sc.plan_id = pl.id AND sc.proposal_id IS NULL), "
           " pl.created_at "
           "FROM plan pl JOIN county c ON c.code = pl.county_code JOIN township t ON t.code = pl.township_code "
           "LEFT JOIN organization o ON o.id = pl.organization_id LEFT JOIN counselor cs ON cs.id = pl.counselor_id "
           f"WHERE {' AND '.join(conds)}")
    out = []
    with svc.session_factory() as s:
        for r in s.connection().execute(text(sql), params):
            since = r[8] or r[9]
            if isinstance(since, str):
                since = datetime.fromisoformat(since)
            out.append(BoardCard("plan", r[0], r[1], r[2], r[3], "", r[4], int(r[7] or 0), since, r[5], int(r[6])))
    return out

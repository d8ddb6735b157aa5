"""The visit list's query (a ``services.listing.ListSource``): filters, search and sort, all in SQL.

``ids()`` returns only the ids in display order — one narrow query that stays fast at 100,000
visits because the default order walks the ``visit_date`` index and every filter is an indexed
column or an ``IN (subquery)`` over an index. ``rows()`` fetches one page (≤ 200 ids) with the
names joined in and the counselors gathered by GROUP_CONCAT (a correlated subquery per row,
so only the page's visits are touched).

Filters (all optional): ``date_from``/``date_to`` (dates or ISO text), ``county_code``,
``township_code``, ``counselor_id``, ``mode``, ``center_code`` and ``followups``: ``open`` (has an
open follow-up), ``overdue`` (has an overdue one) or ``no_open`` (has none open).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import text

from counsel_desk.i18n import pick
from counsel_desk.models.enums import FollowUpStatus, VisitMode
from counsel_desk.services.places import places
from counsel_desk.services import base
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.formatting import listed, shown_date
from counsel_desk.services.list_search import IdListCache, OrderedIds, freeze, match, search_join
from counsel_desk.services.listing import QT_TRANSLATE_NOOP, Column, ListQuery
from counsel_desk.store import search
from counsel_desk.store.dialects import UNPREPARED, dialect_of

OPEN_STATUSES = (FollowUpStatus.OPEN.value, FollowUpStatus.IN_PROGRESS.value)
_OPEN_SQL = "('open', 'in_progress')"

VISIT_COLUMNS = [
    Column("visit_date", QT_TRANSLATE_NOOP("VisitColumns", "Date")),
    Column("county", QT_TRANSLATE_NOOP("VisitColumns", "County")),
    Column("township", QT_TRANSLATE_NOOP("VisitColumns", "Township")),
    Column("visited", QT_TRANSLATE_NOOP("VisitColumns", "Visited")),
    Column("mode", QT_TRANSLATE_NOOP("VisitColumns", "Mode")),
    Column("counselors", QT_TRANSLATE_NOOP("VisitColumns", "Counselors")),
    Column("purpose", QT_TRANSLATE_NOOP("VisitColumns", "Purpose")),
    Column("open_followups", QT_TRANSLATE_NOOP("VisitColumns", "Open follow-ups"), align_right=True),
]

_MODE_ORDER = "CASE v.mode " + " ".join(f"WHEN '{m.value}' THEN {n}" for n, m in enumerate(VisitMode)) + " END"
_COUNSELOR_NAMES = ("(SELECT group_concat(name, '\x1f') FROM (SELECT c.name FROM visit_counselor vc "
                    "JOIN counselor c ON c.id = vc.counselor_id WHERE vc.visit_id = v.id ORDER BY c.name) AS names)")
_OPEN_COUNT = (f"(SELECT count(*) FROM followup f WHERE f.visit_id = v.id AND f.deleted_at IS NULL "
               f"AND f.status IN {_OPEN_SQL})")
# Column key → SQL it sorts by (ties fall back to the newest visit first).
SORTS = {
    "visit_date": "v.visit_date",
    "county": "(SELECT sort_order FROM county WHERE code = v.county_code)",
    "township": "v.township_code",  # MOI codes run county by county, town by town: a geographic order
    "visited": "v.visited_name",
    "mode": _MODE_ORDER,
    "counselors": _COUNSELOR_NAMES,
    "purpose": "v.purpose",
    "open_followups": _OPEN_COUNT,
}


# Changes to any of these make cached orders stale (every save stamps updated_at; new rows raise max rowid).
FINGERPRINT = ("SELECT (SELECT max(updated_at) FROM site_visit), (SELECT max(rowid) FROM site_visit), "
               "(SELECT max(updated_at) FROM followup), (SELECT max(rowid) FROM followup), "
               "(SELECT max(updated_at) FROM counselor)")


def date_or_none(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def visit_conditions(filters: dict, today: date) -> tuple[list[str], dict]:
    """WHERE conditions on a ``site_visit`` aliased ``v`` for the list filters (shared with follow-ups)."""
    conds: list[str] = []
    params: dict[str, Any] = {}
    lo, hi = date_or_none(filters.get("date_from")), date_or_none(filters.get("date_to"))
    if lo:
        conds.append("v.visit_date >= :date_from")
        params["date_from"] = lo.isoformat()
    if hi:
        conds.append("v.visit_date <= :date_to")
        params["date_to"] = hi.isoformat()
    for key in ("county_code", "township_code", "mode", "center_code"):
        if filters.get(key):
            conds.append(f"v.{key} = :{key}")
            params[key] = filters[key]
    indigenous = places.indigenous_condition("v.township_code", filters.get("indigenous"))
    if indigenous:
        conds.append(indigenous)
    if filters.get("counselor_id"):
        conds.append("v.id IN (SELECT visit_id FROM visit_counselor WHERE counselor_id = :counselor_id)")
        params["counselor_id"] = filters["counselor_id"]
    fu = filters.get("followups")
    if fu in ("open", "overdue", "no_open"):
        sub = f"SELECT visit_id FROM followup WHERE status IN {_OPEN_SQL} AND deleted_at IS NULL"
        if fu == "overdue":
            sub += " AND due_date < :fu_today"
            params["fu_today"] = today.isoformat()
        conds.append(f"v.id {'NOT IN' if fu == 'no_open' else 'IN'} ({sub})")
    return conds, params


class DatedService:
    """A service acting for a context, with a fixed "today" when given (tests, the demo's day)."""

    def __init__(self, ctx: ServiceContext, today: date | None = None):
        self.ctx = ctx
        self._today = today

    @property
    def today(self) -> date:
        return self._today or date.today()


class VisitListSource(DatedService):
    """Site visits for the lazy table: ids by SQL, a page of display rows by SQL."""

    columns = VISIT_COLUMNS

    def __init__(self, ctx: ServiceContext, today: date | None = None):
        super().__init__(ctx, today)
        self._cache = IdListCache(FINGERPRINT)

    def where(self, filters: dict, search_text: str = "") -> tuple[str, dict]:
        conds, params = visit_conditions(filters, self.today)
        cond, sparams = search.match_clause("site_visit", search_text, "v.id", dialect_of(self.ctx.session_factory))
        # The date orders must walk the visit_date index in display order, not sort 100,000 rows.
        # Tombstones have no index any more, but databases made before still carry one, and with
        # nearly every row live the planner would pick it: "+" rules it out either way.
        conds = ["+v.deleted_at IS NULL", *conds, cond]
        return " AND ".join(conds), {**params, **sparams}

    def ids_sql(self, query: ListQuery) -> tuple[str, dict]:
        """The SQL of the ids in display order (search included, for EXPLAIN and exports)."""
        where, params = self.where(query.filters, query.search)
        return f"SELECT v.id FROM site_visit v WHERE {where} ORDER BY {self._order(query)}", params

    @staticmethod
    def _order(query: ListQuery) -> str:
        direction = "DESC" if query.descending else "ASC"
        if query.sort_key in SORTS and query.sort_key != "visit_date":
            return f"{SORTS[query.sort_key]} {direction}, v.visit_date DESC, v.rowid DESC"
        if query.sort_key == "visit_date":
            # (visit_date, rowid) is the order of the visit_date index: no sort step
            return f"v.visit_date {direction}, v.rowid {direction}"
        return "v.visit_date DESC, v.rowid DESC"

    def _key(self, query: ListQuery) -> tuple:
        return freeze(query.filters), query.sort_key, query.descending, self.today

    def ids(self, query: ListQuery, limit: int | None = None) -> list[str]:
        """Ids in display order. The order of the filters is cached; a search keeps that order and
        asks only the index which visits match. ``limit`` gives the first ids cheaply (the first
        screen of a list while the rest loads)."""
        with base.reading(self.ctx.session_factory) as conn:
            key = self._key(query)
            if query.search.strip() and conn.dialect.name != "sqlite":
                # On a server every colleague's save makes a cached order stale: the server orders the
                # matches itself (its indexes find them), one query outside a transaction.
                where, params = self.where(query.filters, query.search)
                sql = f"SELECT v.id FROM site_visit v WHERE {where} ORDER BY {self._order(query)}"
                if limit is not None:
                    sql, params = sql + " LIMIT :_limit", {**params, "_limit": limit}
                return list(conn.execute(text(sql).execution_options(**UNPREPARED), params).scalars().all())
            if limit is not None and not query.search.strip() and not self._cache.cached(key):
                where, params = self.where(query.filters)
                sql = f"SELECT v.id FROM site_visit v WHERE {where} ORDER BY {self._order(query)} LIMIT :_limit"
                return [r[0] for r in conn.execute(text(sql), {**params, "_limit": limit})]

            def load() -> OrderedIds:
                where, params = self.where(query.filters)
                return OrderedIds.load(conn, f"SELECT v.id, d.rowid FROM site_visit v {search_join('v.id')} "
                                             f"WHERE {where} ORDER BY {self._order(query)}", params)

            found = self._cache.get_or_load(conn, key, load).restrict(match(conn, "site_visit", query.search))
            return found[:limit] if limit is not None else found

    def prefix_is_cheap(self, query: ListQuery) -> bool:
        """Whether ``ids(limit=…)`` is much cheaper than all ids (the date orders walk an index)."""
        return query.sort_key in (None, "visit_date") and not query.search.strip() \
            and not self._cache.cached(self._key(query))

    def invalidate(self) -> None:
        self._cache.clear()

    def count(self, filters: dict, search_text: str = "") -> int:
        where, params = self.where(filters, search_text)
        with self.ctx.session_factory() as s:
            return s.connection().execute(text(f"SELECT count(*) FROM site_visit v WHERE {where}"), params).scalar_one()

    def rows(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        if not ids:
            return {}
        marks = ", ".join(f":i{n}" for n in range(len(ids)))
        params: dict[str, Any] = {f"i{n}": i for n, i in enumerate(ids)}
        params["today"] = self.today.isoformat()
        sql = (
            "SELECT v.id, v.visit_date, c.name, c.name_en, t.name, t.name_en, v.visited_name, o.name, v.mode, "
            f"v.purpose, {_COUNSELOR_NAMES}, "
            f"(SELECT count(*) FROM followup f WHERE f.visit_id = v.id AND f.deleted_at IS NULL "
            f" AND f.status IN {_OPEN_SQL}), "
            f"(SELECT count(*) FROM followup f WHERE f.visit_id = v.id AND f.deleted_at IS NULL "
            f" AND f.status IN {_OPEN_SQL} AND f.due_date < :today) "
            "FROM site_visit v JOIN county c ON c.code = v.county_code JOIN township t ON t.code = v.township_code "
            "LEFT JOIN organization o ON o.id = v.organization_id "
            f"WHERE v.id IN ({marks})")
        out: dict[str, dict[str, Any]] = {}
        with self.ctx.session_factory() as s:
            for (vid, vdate, cz, ce, tz, te, visited, org, mode, purpose, counselors, open_n, overdue_n) in \
                    s.connection().execute(text(sql), params):
                try:
                    mode_label = pick(VisitMode(mode).zh, VisitMode(mode).en)
                except ValueError:
                    mode_label = mode
                row = {"visit_date": shown_date(date_or_none(vdate)), "county": pick(cz, ce), "township": pick(tz, te),
                       "visited": visited or org or "", "mode": mode_label, "counselors": listed(counselors),
                       "purpose": " ".join((purpose or "").split()), "open_followups": open_n or 0,
                       "_overdue": overdue_n or 0}
                if overdue_n:
                    row["_highlight"] = "warning"  # a visit with overdue follow-ups wants attention
                out[vid] = row
        return out

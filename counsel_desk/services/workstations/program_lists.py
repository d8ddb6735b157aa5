"""The lists of workstations, support records, public spaces and center events (``ListSource``s).

Each list filters, searches and sorts in SQL (:class:`~counsel_desk.services.programme.program_base.SqlListSource`)
and formats one page of rows at a time: ROC dates, NT$ amounts as integers (the table model adds
the separators), labels in the user's language. Filters, beyond the common ones:

- workstations: ``status``, ``date_from``/``date_to`` (term overlaps the period), ``counselor_id``
  (supported by), ``flagged`` (latest budget breaks the personnel rule of the plan in force in its
  year, judged on that year's full-time staff);
- support records: ``kind``, period, ``county_code``/``township_code`` (of the station),
  ``workstation_id``, ``counselor_id``, ``visit_id``;
- public spaces: ``status``; center events: ``kind``, period, ``county_code``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from counsel_desk.i18n import pick
from counsel_desk.models.enums import EventKind, PublicSpaceStatus, SupportKind, WorkstationStatus
from counsel_desk.services.workstations.workstation_rules import personnel_rule
from counsel_desk.store import programmes as programmes_store
from counsel_desk.services.formatting import hours_text, listed, shown_date
from counsel_desk.services.listing import QT_TRANSLATE_NOOP, Column
from counsel_desk.services.programme.program_base import (
    COUNTY_ORDER, PLACE_COLUMNS, PLACE_JOINS, PLACE_SORTS, SqlListSource, as_date, in_params, place_names,
)


def _order_of(enum_cls, column: str) -> str:
    return f"CASE {column} " + " ".join(f"WHEN '{m.value}' THEN {n}" for n, m in enumerate(enum_cls)) + " END"


_COUNSELED_BY = ("EXISTS (SELECT 1 FROM support_counselor x WHERE x.support_id = {rid} "
                 "AND x.counselor_id = :f_counselor)")


def _day(value) -> Any:
    return as_date(value)


# --- workstations ---------------------------------------------------------------------------------
_LATEST_BUDGET = ("(SELECT b.id FROM workstation_budget b WHERE b.workstation_id = t.id AND b.deleted_at IS NULL "
                  "ORDER BY b.roc_year DESC LIMIT 1)")
_LATEST_SUBSIDY = f"(SELECT approved_subsidy FROM workstation_budget WHERE id = {_LATEST_BUDGET})"
_LATEST_PERSONNEL = ("(SELECT COALESCE(MAX(MAX(l.planned, l.disbursed, l.reimbursed)), 0) FROM budget_line l "
                     f"WHERE l.budget_id = {_LATEST_BUDGET} AND l.category = 'personnel' AND l.deleted_at IS NULL)")
_SHARE = f"(CAST({_LATEST_PERSONNEL} AS DOUBLE PRECISION) / NULLIF({_LATEST_SUBSIDY}, 0))"
_LATEST_YEAR = f"(SELECT roc_year FROM workstation_budget WHERE id = {_LATEST_BUDGET})"
_LATEST_STAFF = f"(SELECT COALESCE(fulltime_staff, t.fulltime_staff) FROM workstation_budget WHERE id = {_LATEST_BUDGET})"


def _limit_sql(plans) -> str:
    """The personnel limit of the latest budget's year under the plan in force then, on that year's staff
    (NULL where the plan does not publish the rule: such a year is never flagged)."""
    whens = []
    for year in sorted({y for p in plans for y in p.years}):
        rule = personnel_rule(plans, year)
        if rule.share is None:
            continue
        staffed = (f"CASE WHEN {_LATEST_STAFF} >= {int(rule.staffed_from)} THEN {float(rule.share_staffed)} "
                   f"ELSE {float(rule.share)} END") if rule.staffed_from and rule.share_staffed is not None \
            else str(float(rule.share))
        whens.append(f"WHEN {int(year)} THEN ({staffed})")
    # DOUBLE PRECISION: a server would give decimal literals back as Decimal (SQLite: float)
    return (f"CAST((CASE {_LATEST_YEAR} {' '.join(whens)} ELSE NULL END) AS DOUBLE PRECISION)" if whens
            else "CAST(NULL AS DOUBLE PRECISION)")
# support per station, aggregated once (a correlated count per station would read the records twice)
_SUPPORT_AGG = ("LEFT JOIN (SELECT workstation_id, COUNT(*) AS n, SUM(hours) AS h FROM support_record "
                "WHERE deleted_at IS NULL {where} GROUP BY workstation_id) agg ON agg.workstation_id = t.id")


class WorkstationListSource(SqlListSource):
    table = "workstation t"
    entity = "workstation"
    filterable = ("status",)
    columns = [
        Column("name", QT_TRANSLATE_NOOP("WorkstationColumns", "Name")),
        Column("county", QT_TRANSLATE_NOOP("WorkstationColumns", "County")),
        Column("township", QT_TRANSLATE_NOOP("WorkstationColumns", "Township")),
        Column("operator", QT_TRANSLATE_NOOP("WorkstationColumns", "Operator")),
        Column("status", QT_TRANSLATE_NOOP("WorkstationColumns", "Status")),
        Column("year_approved", QT_TRANSLATE_NOOP("WorkstationColumns", "Year approved"), align_right=True),
        Column("fulltime_staff", QT_TRANSLATE_NOOP("WorkstationColumns", "Full-time staff"), align_right=True),
        Column("subsidy", QT_TRANSLATE_NOOP("WorkstationColumns", "Subsidy (latest year)"), align_right=True),
        Column("personnel_share", QT_TRANSLATE_NOOP("WorkstationColumns", "Personnel share"), align_right=True),
        Column("sessions", QT_TRANSLATE_NOOP("WorkstationColumns", "Support sessions"), align_right=True),
        Column("hours", QT_TRANSLATE_NOOP("WorkstationColumns", "Support hours"), align_right=True),
    ]
    sort_sql = {
        "name": "t.name", **PLACE_SORTS, "operator": "t.operator_name",
        "status": _order_of(WorkstationStatus, "t.status"), "year_approved": "t.year_approved",
        "fulltime_staff": "t.fulltime_staff", "subsidy": _LATEST_SUBSIDY, "personnel_share": _SHARE,
        "sessions": "COALESCE(agg.n, 0)", "hours": "COALESCE(agg.h, 0)",
    }
    sort_joins = {"sessions": _SUPPORT_AGG.format(where=""), "hours": _SUPPORT_AGG.format(where="")}
    default_sort = f"{COUNTY_ORDER}, t.name"

    def _limit(self) -> str:
        with self.session_factory() as s:
            return _limit_sql(programmes_store.loaded(s.connection()))

    def extra_conditions(self, filters: dict[str, Any], params: dict[str, Any]) -> list[str]:
        conds = []
        lo, hi = as_date(filters.get("date_from")), as_date(filters.get("date_to"))
        if lo:  # the term overlaps the period; a station with no term yet (申請中) is kept
            conds.append("(t.term_end IS NULL OR t.term_end >= :f_lo)")
            params["f_lo"] = lo.isoformat()
        if hi:
            conds.append("(t.term_start IS NULL OR t.term_start <= :f_hi)")
            params["f_hi"] = hi.isoformat()
        if filters.get("counselor_id"):
            conds.append("EXISTS (SELECT 1 FROM support_record r WHERE r.workstation_id = t.id AND r.deleted_at IS NULL "
                         f"AND {_COUNSELED_BY.format(rid='r.id')})")
            params["f_counselor"] = filters["counselor_id"]
        if filters.get("flagged"):
            conds.append(f"COALESCE({_SHARE}, CASE WHEN {_LATEST_PERSONNEL} > 0 THEN 1e9 ELSE 0 END) > "
                         f"{self._limit()} + 1e-9")
        return conds

    def fetch_rows(self, conn, ids: list[str]) -> dict[str, dict[str, Any]]:
        where, params = in_params(ids)
        support = _SUPPORT_AGG.format(where=f"AND workstation_id IN {where}")
        sql = (f"SELECT t.id, t.name, {PLACE_COLUMNS}, t.operator_name, t.status, "
               f"t.year_approved, t.fulltime_staff, {_LATEST_SUBSIDY}, {_LATEST_PERSONNEL}, COALESCE(agg.n, 0), "
               f"COALESCE(agg.h, 0), {_limit_sql(programmes_store.loaded(conn))} FROM workstation t {PLACE_JOINS} "
               f"{support} WHERE t.id IN {where}")
        out = {}
        for (rid, name, county, county_en, town, town_en, operator, status, year, staff, subsidy, personnel,
             sessions, hours, limit) in conn.execute(text(sql), params):
            share = personnel / subsidy if subsidy else None
            flagged = limit is not None and ((share is not None and share > limit + 1e-9)
                                             or (not subsidy and personnel > 0))
            out[rid] = {
                "name": name, **place_names(county, county_en, town, town_en),
                "operator": operator, "status": WorkstationStatus.label_of(status),
                "year_approved": str(year) if year else "", "fulltime_staff": int(staff),
                "subsidy": int(subsidy) if subsidy is not None else "",
                "personnel_share": f"{share:.1%}" if share is not None else "",
                "sessions": int(sessions), "hours": hours_text(hours),
                "_highlight": "overdue" if flagged else ("muted" if status in ("closed", "terminated") else None),
            }
        return out


# --- support records ------------------------------------------------------------------------------
_SUPPORT_COUNSELORS = ("(SELECT group_concat(name, '\x1f') FROM (SELECT c.name FROM support_counselor x "
                       "JOIN counselor c ON c.id = x.counselor_id WHERE x.support_id = t.id ORDER BY c.name) AS names)")
_FIRST_COUNSELOR = ("(SELECT MIN(c.name) FROM support_counselor x JOIN counselor c ON c.id = x.counselor_id "
                    "WHERE x.support_id = t.id)")  # the shown names are in this order too
_STATION_NAME = "(SELECT name FROM workstation WHERE id = t.workstation_id)"
# support given directly to a youth team has no station: the team linked to it names it and gives its place
_DIRECT_TEAM = ("(SELECT min(y.{col}) FROM youth_team_support l JOIN youth_team y ON y.id = l.team_id "
                "WHERE l.support_id = t.id AND t.workstation_id IS NULL)")
_RECIPIENT_NAME = f"coalesce({_STATION_NAME}, {_DIRECT_TEAM.format(col='name')})"


def _support_place(key: str) -> str:
    """The county or township code of whom the support was given to: the station's, else the team's."""
    return f"coalesce((SELECT w.{key} FROM workstation w WHERE w.id = t.workstation_id), {_DIRECT_TEAM.format(col=key)})"


class SupportListSource(SqlListSource):
    table = "support_record t"
    entity = "support_record"
    code_filters = ("center_code", "workstation_id", "visit_id", "proposal_id")
    filterable = ("kind",)
    date_column = "t.support_date"
    township_column = _support_place("township_code")
    columns = [
        Column("date", QT_TRANSLATE_NOOP("WorkstationColumns", "Date")),
        Column("workstation", QT_TRANSLATE_NOOP("WorkstationColumns", "Workstation or team")),
        Column("kind", QT_TRANSLATE_NOOP("WorkstationColumns", "Type")),
        Column("hours", QT_TRANSLATE_NOOP("WorkstationColumns", "Hours"), align_right=True),
        Column("participants", QT_TRANSLATE_NOOP("WorkstationColumns", "Participants"), align_right=True),
        Column("topics", QT_TRANSLATE_NOOP("WorkstationColumns", "Topics")),
        Column("counselors", QT_TRANSLATE_NOOP("WorkstationColumns", "Counselors")),
        Column("linked", QT_TRANSLATE_NOOP("WorkstationColumns", "Linked to"), sortable=False),
    ]
    sort_sql = {
        "date": "t.support_date", "workstation": _RECIPIENT_NAME, "kind": _order_of(SupportKind, "t.kind"),
        "hours": "t.hours", "participants": "t.participants", "topics": "t.topics", "counselors": _FIRST_COUNSELOR,
    }
    default_sort = "t.support_date"
    default_descending = True

    def extra_conditions(self, filters: dict[str, Any], params: dict[str, Any]) -> list[str]:
        conds = []
        for key in ("county_code", "township_code"):
            if filters.get(key):
                conds.append(f"{_support_place(key)} = :f_ws_{key}")
                params[f"f_ws_{key}"] = filters[key]
        if filters.get("counselor_id"):
            conds.append(_COUNSELED_BY.format(rid="t.id"))
            params["f_counselor"] = filters["counselor_id"]
        return conds

    def fetch_rows(self, conn, ids: list[str]) -> dict[str, dict[str, Any]]:
        where, params = in_params(ids)
        sql = (f"SELECT t.id, t.support_date, {_RECIPIENT_NAME}, t.kind, t.hours, t.participants, t.topics, "
               f"{_SUPPORT_COUNSELORS}, v.visit_date, v.visited_name, p.title FROM support_record t "
               f"LEFT JOIN site_visit v ON v.id = t.visit_id LEFT JOIN proposal p ON p.id = t.proposal_id "
               f"WHERE t.id IN {where}")
        out = {}
        for rid, day, station, kind, hours, people, topics, names, vday, vname, ptitle in conn.execute(text(sql), params):
            linked = []
            if vday:
                linked.append(pick("訪視 ", "Visit ") + f"{shown_date(_day(vday))} {vname or ''}".strip())
            if ptitle:
                linked.append(pick("提案 ", "Proposal ") + ptitle)
            out[rid] = {"date": shown_date(_day(day)), "workstation": station or "", "kind": SupportKind.label_of(kind),
                        "hours": hours_text(hours), "participants": int(people), "topics": topics.splitlines()[0] if topics
                        else "", "counselors": listed(names), "linked": pick("；", "; ").join(linked)}
        return out


# --- public spaces --------------------------------------------------------------------------------
_LINKED = "(SELECT COUNT(*) FROM proposal p WHERE p.public_space_id = t.id AND p.deleted_at IS NULL)"
_SPACE_VISITS = "(SELECT COUNT(*) FROM site_visit v WHERE v.public_space_id = t.id AND v.deleted_at IS NULL)"


class PublicSpaceListSource(SqlListSource):
    table = "public_space t"
    entity = "public_space"
    filterable = ("status",)
    columns = [
        Column("name", QT_TRANSLATE_NOOP("WorkstationColumns", "Name")),
        Column("county", QT_TRANSLATE_NOOP("WorkstationColumns", "County")),
        Column("township", QT_TRANSLATE_NOOP("WorkstationColumns", "Township")),
        Column("agency", QT_TRANSLATE_NOOP("WorkstationColumns", "Owning agency")),
        Column("subsidy", QT_TRANSLATE_NOOP("WorkstationColumns", "Subsidy"), align_right=True),
        Column("status", QT_TRANSLATE_NOOP("WorkstationColumns", "Status")),
        Column("team", QT_TRANSLATE_NOOP("WorkstationColumns", "Operating team")),
        Column("proposals", QT_TRANSLATE_NOOP("WorkstationColumns", "Linked proposals"), align_right=True),
        Column("visits", QT_TRANSLATE_NOOP("WorkstationColumns", "Visits"), align_right=True),
    ]
    sort_sql = {
        "name": "t.name", **PLACE_SORTS, "agency": "t.owning_agency",
        "subsidy": "t.subsidy", "status": _order_of(PublicSpaceStatus, "t.status"), "team": "t.operating_team",
        "proposals": _LINKED, "visits": _SPACE_VISITS,
    }
    default_sort = f"{COUNTY_ORDER}, t.name"

    def fetch_rows(self, conn, ids: list[str]) -> dict[str, dict[str, Any]]:
        where, params = in_params(ids)
        sql = (f"SELECT t.id, t.name, {PLACE_COLUMNS}, t.owning_agency, t.subsidy, t.status, "
               f"t.operating_team, {_LINKED}, {_SPACE_VISITS} FROM public_space t {PLACE_JOINS} WHERE t.id IN {where}")
        out = {}
        for rid, name, county, county_en, town, town_en, agency, subsidy, status, team, linked, visits in conn.execute(
                text(sql), params):
            out[rid] = {"name": name, **place_names(county, county_en, town, town_en), "agency": agency,
                        "subsidy": int(subsidy),
                        "status": PublicSpaceStatus.label_of(status), "team": team, "proposals": int(linked),
                        "visits": int(visits)}
        return out


# --- center events --------------------------------------------------------------------------------
_PHOTOS = ("(SELECT COUNT(*) FROM attachment a WHERE a.owner_type = 'center_event' AND a.owner_id = t.id "
           "AND a.deleted_at IS NULL)")


class EventListSource(SqlListSource):
    table = "center_event t"
    entity = "center_event"
    code_filters = ("county_code", "township_code", "center_code")
    filterable = ("kind",)
    date_column = "t.event_date"
    township_column = "t.township_code"  # where it was held (an event recorded before v11 may have none)
    columns = [
        Column("date", QT_TRANSLATE_NOOP("WorkstationColumns", "Date")),
        Column("title", QT_TRANSLATE_NOOP("WorkstationColumns", "Title")),
        Column("kind", QT_TRANSLATE_NOOP("WorkstationColumns", "Kind")),
        Column("place", QT_TRANSLATE_NOOP("WorkstationColumns", "Place")),
        Column("county", QT_TRANSLATE_NOOP("WorkstationColumns", "County")),
        Column("township", QT_TRANSLATE_NOOP("WorkstationColumns", "Township")),
        Column("partners", QT_TRANSLATE_NOOP("WorkstationColumns", "Partners")),
        Column("participants", QT_TRANSLATE_NOOP("WorkstationColumns", "Participants"), align_right=True),
        Column("photos", QT_TRANSLATE_NOOP("WorkstationColumns", "Photos"), align_right=True),
    ]
    sort_sql = {
        "date": "t.event_date", "title": "t.title", "kind": _order_of(EventKind, "t.kind"), "place": "t.place",
        **PLACE_SORTS, "partners": "t.partners", "participants": "t.participants", "photos": _PHOTOS,
    }
    default_sort = "t.event_date"
    default_descending = True

    def fetch_rows(self, conn, ids: list[str]) -> dict[str, dict[str, Any]]:
        where, params = in_params(ids)
        sql = (f"SELECT t.id, t.event_date, t.title, t.kind, t.place, {PLACE_COLUMNS}, "
               f"t.partners, t.participants, {_PHOTOS} FROM center_event t {PLACE_JOINS} WHERE t.id IN {where}")
        out = {}
        for rid, day, title, kind, place, county, county_en, town, town_en, partners, people, photos in conn.execute(
                text(sql), params):
            out[rid] = {"date": shown_date(_day(day)), "title": title, "kind": EventKind.label_of(kind), "place": place,
                        **place_names(county, county_en, town, town_en), "partners": partners,
                        "participants": int(people), "photos": int(photos)}
        return out

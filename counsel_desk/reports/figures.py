"""Every figure of the report (月報, 季報, 年度報告): the counts of the shared read model
(``services/figures/figures.py``, which the dashboard reads too) with the report's lists and tables.

The Excel, the PDF, the reports screen and the command line all read their numbers from here, so
they can never disagree. A figure is computed for one center (or ``None``: all centers, for
headquarters) and any :class:`Period`.

Counting rules (also in docs/reports.md):
- only live records (``deleted_at IS NULL``) count;
- visits, support sessions and events count by their own date; timestamps (proposal created,
  stage moves) by their Taiwan calendar day (UTC+8);
- a follow-up is *opened* in the period of its visit's date, *closed* on its follow-up date, and
  *overdue at period end* when it was opened by then, is due before the period's last day and was
  neither closed nor cancelled by the last day (both read by their follow-up date);
- a proposal's stage is its stage at the end of the period, read from its stage history; sent and
  approved count proposals (a re-submission is counted apart, as proposals_resubmitted); sent to the
  project office is the multi-channel route's move to 送專案辦公室 or the existing route's county passing
  it on (縣府審查 → 會報工作會議審議);
- workstation money counts as of the period's end by its dates (核定日, 撥款日, 核銷日);
- a deleted workstation leaves every section: neither its support sessions nor its budget count;
- money requested counts the funding lines of the period's ROC year of the center's proposals that
  existed at period end and were not rejected by then.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any

from sqlalchemy import text

from counsel_desk.models.enums import STAGE_ORDER, CenterCode, VisitMode
from counsel_desk.reports.figures_types import (
    Comparisons, CountyCount, EventRow, OverdueFollowUp, PeriodHeadline, ReportFigures, StageMove,
    StationBudget, StationSupport, TownshipCount, VisitRow, WorkItemFunding,
)
from counsel_desk.reports import figures_content as content
from counsel_desk.reports.gc_pause import gc_paused
from counsel_desk.reports.rule_warnings import rule_warnings
from counsel_desk.reports import figures_outcomes, figures_places
from counsel_desk.services.figures.figures import (
    LIVE_RECIPIENT_SQL, LIVE_STATION_SQL, PeriodCounts, as_date, center_sql, headline, moves_to, proposals_new,
    proposals_sent, resubmissions, sql_params, stage_at_end_sql, target_progress, targets_period, overdue_at,
)
from counsel_desk.services.period import Period
from counsel_desk.store import dialects, programmes
from counsel_desk.services.workstations.workstation_budgets import check_personnel
from counsel_desk.services.workstations.workstation_rules import personnel_rule

__all__ = ["compute", "ReportFigures"]


# -- site visits --------------------------------------------------------------------------------

def _visit_tally(conn, center: str | None, period: Period) -> dict[tuple[str, str, str], int]:
    """(county code, township code, mode) → the period's visits: the counts by county, township and mode all
    read from this one pass over the period's visits."""
    return {(county, town, mode): int(n) for county, town, mode, n in conn.execute(text(
        f"SELECT v.county_code, v.township_code, v.mode, count(*) FROM site_visit v WHERE +v.deleted_at IS NULL"
        f"{center_sql('v', center)} AND v.visit_date BETWEEN :start AND :end "
        "GROUP BY v.county_code, v.township_code, v.mode"), sql_params(center, period))}


def _visits_by_county(conn, center: str | None, tally: dict[tuple[str, str, str], int]) -> list[CountyCount]:
    """Every county of the center (all 22 for all centers; zero included) and any other county visited,
    in the official order."""
    counts: dict[str, int] = {}
    for (county, _, _), n in tally.items():
        counts[county] = counts.get(county, 0) + n
    rows = conn.execute(text("SELECT code, name, default_center FROM county ORDER BY sort_order"))
    return [CountyCount(code, name, counts.get(code, 0)) for code, name, home in rows
            if center is None or home == center or counts.get(code)]


def _visits_by_township(conn, tally: dict[tuple[str, str, str], int]) -> list[TownshipCount]:
    counts: dict[tuple[str, str], int] = {}
    for (_, town, mode), n in tally.items():
        counts[(town, mode)] = counts.get((town, mode), 0) + n
    visited = {town for town, _ in counts}
    out = []
    for code, county, town in conn.execute(text(
            "SELECT t.code, c.name, t.name FROM township t JOIN county c ON c.code = t.county_code "
            "ORDER BY c.sort_order, t.code")):
        if code in visited:
            by_mode = {m.value: counts.get((code, m.value), 0) for m in VisitMode}
            out.append(TownshipCount(code, county, town, sum(by_mode.values()), by_mode))
    return out


def _visits_by_mode(tally: dict[tuple[str, str, str], int]) -> dict[str, int]:
    out = {m.value: 0 for m in VisitMode}
    for (_, _, mode), n in tally.items():
        out[mode] = out.get(mode, 0) + n
    return out


def _visit_list(conn, center: str | None, period: Period) -> tuple[list[VisitRow], list[VisitRow]]:
    """The appendix: the period's visits with findings and advice, oldest first, and the key visits (重點) of them."""
    chosen = f"+v.deleted_at IS NULL{center_sql('v', center)} AND v.visit_date BETWEEN :start AND :end"
    params = sql_params(center, period)
    names = _counselor_names(conn, chosen, params)
    rows = conn.execute(text(
        "SELECT v.visit_date, c.name, t.name, coalesce(nullif(v.visited_name, ''), o.name, ''), v.mode, "
        "  v.id, v.purpose, v.findings, v.issues, v.advice, v.key_visit "
        "FROM site_visit v JOIN county c ON c.code = v.county_code JOIN township t ON t.code = v.township_code "
        "LEFT JOIN organization o ON o.id = v.organization_id "
        f"WHERE {chosen} ORDER BY v.visit_date, c.sort_order, t.code, v.id"), params).all()  # fetched at once:
    # row by row, the driver's and SQLAlchemy's per-row fetch cost ~1 s of a national year's 180,000 visits
    visits, key_visits = [], []
    for r in rows:
        visit = VisitRow(as_date(r[0]), r[1], r[2], r[3] or "", r[4], names.get(r[5], ""), r[6] or "", r[7] or "",
                         r[8] or "", r[9] or "")
        visits.append(visit)
        if r[10]:
            key_visits.append(visit)
    return visits, key_visits


def _apart(read, session_factory, *args):
    """``read(conn, *args)`` on a connection of its own, while the other figures are counted on the first."""
    with session_factory() as session:
        conn = session.connection()
        dialects.analytic_reads(conn)
        try:
            return read(conn, *args)
        finally:
            session.rollback()


def _counselor_names(conn, chosen: str, params: dict[str, Any]) -> dict[str, str]:
    """Visit id → its counselors' names joined with 、, in the order of the counselors' ids (SQLite's order of
    old, which a server's plan left to chance), for the visits ``chosen`` (a condition on ``v``).

    Gathered in one pass over the visits' links, put together here: a subquery per visit cost ~65 µs a visit on a
    server (3 s for a national year's 45,000), and grouping the names on the server ~1 s of its CPU at 180,000.
    """
    counselors = dict(conn.execute(text("SELECT id, name FROM counselor")).all())
    ids: dict[str, list[str]] = {}
    for visit_id, counselor_id in conn.execute(text(
            f"SELECT vc.visit_id, vc.counselor_id FROM visit_counselor vc JOIN site_visit v ON v.id = vc.visit_id "
            f"WHERE {chosen}"), params).all():
        if counselors.get(counselor_id) is not None:
            ids.setdefault(visit_id, []).append(counselor_id)
    return {visit: "、".join(counselors[c] for c in sorted(linked)) for visit, linked in ids.items()}


# -- follow-ups (追蹤事項) -----------------------------------------------------------------------

def _overdue_list(conn, rows: list[tuple[Any, ...]]) -> list[OverdueFollowUp]:
    """Follow-ups overdue at the period end (their count is the report's 逾期 figure), from ``overdue_at``."""
    counties = dict(conn.execute(text("SELECT code, name FROM county")).all())
    towns = dict(conn.execute(text("SELECT code, name FROM township")).all())
    return [OverdueFollowUp(as_date(visited), counties.get(county, county), towns.get(town, town), what or "",
                            owner or "", as_date(due), status)
            for _, visited, county, town, what, owner, due, status in rows]


# -- workstations ------------------------------------------------------------------------------

def _support_by_station(conn, center: str | None, period: Period) -> list[StationSupport]:
    rows = conn.execute(text(
        "SELECT w.id, w.name, c.name, t.name, count(*), coalesce(sum(s.hours), 0), coalesce(sum(s.participants), 0) "
        "FROM support_record s JOIN workstation w ON w.id = s.workstation_id AND +w.deleted_at IS NULL "
        "JOIN county c ON c.code = w.county_code JOIN township t ON t.code = w.township_code "
        f"WHERE +s.deleted_at IS NULL{center_sql('s', center)} AND s.support_date BETWEEN :start AND :end "
        "GROUP BY w.id, c.code, t.code ORDER BY c.sort_order, t.code, w.name"), sql_params(center, period))
    stations = [StationSupport(r[0], r[1], r[2], r[3], int(r[4]), round(float(r[5]), 2), int(r[6])) for r in rows]
    # support given directly to a youth team without a workstation: a line per team, after the stations
    rows = conn.execute(text(
        "SELECT y.id, y.name, coalesce(c.name, ''), coalesce(t.name, ''), count(*), coalesce(sum(s.hours), 0), "
        "coalesce(sum(s.participants), 0) FROM support_record s JOIN youth_team_support l ON l.support_id = s.id "
        "JOIN youth_team y ON y.id = l.team_id AND +y.deleted_at IS NULL "
        "LEFT JOIN county c ON c.code = y.county_code LEFT JOIN township t ON t.code = y.township_code "
        f"WHERE s.workstation_id IS NULL AND +s.deleted_at IS NULL{center_sql('s', center)} "
        "AND s.support_date BETWEEN :start AND :end GROUP BY y.id, c.code, t.code ORDER BY y.name"),
        sql_params(center, period))
    return stations + [StationSupport(r[0], f"青年團隊：{r[1]}", r[2], r[3], int(r[4]), round(float(r[5]), 2), int(r[6]))
                       for r in rows]


def _support_by_kind(conn, center: str | None, period: Period) -> dict[str, tuple[int, float]]:
    from counsel_desk.models.enums import SupportKind

    out = {k.value: (0, 0.0) for k in SupportKind}
    for kind, n, hours in conn.execute(text(
            f"SELECT s.kind, count(*), coalesce(sum(s.hours), 0) FROM support_record s {LIVE_STATION_SQL}"
            f"WHERE +s.deleted_at IS NULL AND {LIVE_RECIPIENT_SQL}"
            f"{center_sql('s', center)} AND s.support_date BETWEEN :start AND :end GROUP BY s.kind"),
            sql_params(center, period)):
        out[kind] = (int(n), round(float(hours), 2))
    return out


# An amount counts from its date on; rows made before amounts were dated are read by their own stamps
# (the budget by the day it was made, a line by the day it last changed).
_APPROVED_BY_END = "coalesce(b.approved_on, date(b.created_at, '+8 hours')) <= :end"
_DISBURSED_BY_END = "coalesce(l.disbursed_on, date(l.updated_at, '+8 hours')) <= :end"
_REIMBURSED_BY_END = "coalesce(l.reimbursed_on, date(l.updated_at, '+8 hours')) <= :end"


def _budgets(conn, center: str | None, period: Period) -> list[StationBudget]:
    """Budget execution of the period's ROC year per workstation as of the period's end, with the
    personnel-cost rule.

    The rule is the workstations service's own check (personnel = the larger of planned, disbursed
    and reimbursed, so overspending is flagged too), under the plan in force in the budget year and on
    that year's full-time staff (a year whose plan does not publish the rule is not judged). A category's later disbursements and
    reimbursements are further dated lines, added up to the end.
    """
    personnel = "l.category = 'personnel'"
    rows = conn.execute(text(
        f"SELECT w.id, w.name, coalesce(b.fulltime_staff, w.fulltime_staff), CASE WHEN {_APPROVED_BY_END} THEN b.approved_subsidy ELSE 0 END, "
        "  coalesce(sum(l.planned), 0), "
        f"  coalesce(sum(CASE WHEN {_DISBURSED_BY_END} THEN l.disbursed END), 0), "
        f"  coalesce(sum(CASE WHEN {_REIMBURSED_BY_END} THEN l.reimbursed END), 0), "
        f"  max(coalesce(sum(CASE WHEN {personnel} THEN l.planned END), 0), "
        f"      coalesce(sum(CASE WHEN {personnel} AND {_DISBURSED_BY_END} THEN l.disbursed END), 0), "
        f"      coalesce(sum(CASE WHEN {personnel} AND {_REIMBURSED_BY_END} THEN l.reimbursed END), 0)), "
        "  w.center_code "
        "FROM workstation_budget b JOIN workstation w ON w.id = b.workstation_id "
        "JOIN county c ON c.code = w.county_code "
        "LEFT JOIN budget_line l ON l.budget_id = b.id AND +l.deleted_at IS NULL "
        f"WHERE +b.deleted_at IS NULL AND +w.deleted_at IS NULL{center_sql('w', center)} AND b.roc_year = :roc_year "
        "GROUP BY b.id, w.id, c.code ORDER BY c.sort_order, w.township_code, w.name"),
        sql_params(center, period, roc_year=period.roc_year))
    out = []
    rule = personnel_rule(programmes.loaded(conn), period.roc_year)  # the plan in force in the budget year
    for wid, name, staff, approved, planned, disbursed, reimbursed, personnel_cost, center_code in rows:
        check = check_personnel(int(approved or 0), int(personnel_cost), int(staff or 0), rule)
        out.append(StationBudget(wid, name, period.roc_year, int(approved or 0), int(planned), int(disbursed),
                                 int(reimbursed), int(personnel_cost), int(staff or 0), check.share, check.limit,
                                 check.ok, check.message_zh, center_code))
    return out


# -- proposals (事業提案) ------------------------------------------------------------------------

def _proposals_by_stage_route(conn, center: str | None, period: Period) -> dict[tuple[str, str], int]:
    rows = conn.execute(text(stage_at_end_sql(center) + "SELECT stage, route, count(*) FROM at_end GROUP BY stage, route"),
                        sql_params(center, period))
    return {(stage, route): int(n) for stage, route, n in rows}


def _stage_moves(conn, center: str | None, period: Period) -> list[StageMove]:
    rows = conn.execute(text(
        "SELECT date(sc.changed_at, '+8 hours'), p.title, sc.from_stage, sc.to_stage, p.route FROM stage_change sc "
        "JOIN proposal p ON p.id = sc.proposal_id "
        f"WHERE +sc.deleted_at IS NULL AND +p.deleted_at IS NULL{center_sql('p', center)} "
        "AND sc.changed_at >= :utc_lo AND sc.changed_at < :utc_hi ORDER BY sc.changed_at, p.title"),
        sql_params(center, period))
    return [StageMove(as_date(r[0]), r[1], r[2] or "", r[3], r[4]) for r in rows]


def _funding(conn, center: str | None, period: Period) -> tuple[list[WorkItemFunding], int | None]:
    """Requested per work item in the period's ROC year, beside the allocation of the plan in force that year.

    ``work_item_allocation`` holds, for each year, only the plan in force's known amounts (see
    store/programmes.py): a year whose split is unknown, or that no plan covers, shows no allocation.
    """
    year = period.roc_year
    alloc_year = year if programmes.in_force(programmes.loaded(conn), year) is not None else None
    requested = dict(conn.execute(text(
        stage_at_end_sql(center) + "SELECT fl.work_item_code, sum(fl.amount) FROM funding_line fl "
        "JOIN at_end a ON a.id = fl.proposal_id WHERE +fl.deleted_at IS NULL AND fl.roc_year = :roc_year "
        "AND a.stage != 'rejected' GROUP BY fl.work_item_code"), sql_params(center, period, roc_year=year)).all())
    rows = conn.execute(text(
        "SELECT w.code, w.agency, w.name, a.amount_ntd FROM work_item w "
        "LEFT JOIN work_item_allocation a ON a.work_item_code = w.code AND a.roc_year = :ay ORDER BY w.sort_order"),
        {"ay": year})
    return [WorkItemFunding(code, agency, name, int(requested.get(code, 0) or 0),
                            None if amount is None else int(amount)) for code, agency, name, amount in rows], alloc_year


# -- events ------------------------------------------------------------------------------------

def _event_list(conn, center: str | None, period: Period) -> list[EventRow]:
    rows = conn.execute(text(
        "SELECT e.event_date, e.title, e.place, e.kind, e.participants, e.partners FROM center_event e "
        f"WHERE +e.deleted_at IS NULL{center_sql('e', center)} AND e.event_date BETWEEN :start AND :end "
        "ORDER BY e.event_date, e.title"), sql_params(center, period))
    return [EventRow(as_date(r[0]), r[1], r[2] or "", r[3], int(r[4] or 0), r[5] or "") for r in rows]


# -- everything ---------------------------------------------------------------------------------

def center_name(center: str | None) -> str:
    """One form of a center's name everywhere (issue 16): 地方創生北區輔導中心."""
    return "全部分區" if center is None else CenterCode(center).full_name_zh


def compared_periods(period: Period) -> tuple[Period, Period, Period]:
    """What a report sets its period beside: the previous period, the same period a year before, the year to date."""
    return period.previous(), period.a_year_before(), period.year_to_date()


def comparisons(conn, center: str | None, period: Period,
                overdue: dict[str, dict[date, int]] | None = None, counts: PeriodCounts | None = None,
                today: date | None = None) -> Comparisons:
    """The headline figures of the previous period, the same period a year before and the year to date.

    ``overdue``: the counts of :func:`overdue_at` at those periods' ends (:func:`overdue_day`), ``counts``: their
    :class:`PeriodCounts`, when the caller has them (one pass for all).
    """
    others = compared_periods(period)
    if overdue is None:
        overdue = overdue_at(conn, center, [overdue_day(p, today) for p in others])[0]
    if counts is None:
        counts = PeriodCounts(conn, center, others)

    def of(p: Period) -> PeriodHeadline:
        return PeriodHeadline(p, headline(conn, center, p, overdue=_overdue_at(overdue, overdue_day(p, today)),
                                          counts=counts))

    return Comparisons(*(of(p) for p in others))


def overdue_day(period: Period, today: date | None) -> date:
    """The day a period's 逾期 is counted at: its end, or — the period not over yet (期中暫定) — the day the report is
    made, as its cover says (「本報告數字計至製表日」): a follow-up due after today is not overdue yet."""
    return period.end if today is None else min(period.end, today)


def _overdue_at(counts: dict[str, dict[date, int]], end: date, center: str | None = None) -> int:
    return sum(n.get(end, 0) for code, n in counts.items() if center is None or code == center)


def compute(session_factory, center: str | None, period: Period, *, today: date | None = None) -> ReportFigures:
    """All figures of the report for a center (``None`` = all centers) and period, in one read transaction.

    The biggest reads run on connections of their own beside the others, so the second core works while the report
    counts: on a server the appendix's visit list and the places' figures (about half the time); in a file the
    counted figures of every period (:class:`PeriodCounts`, ~60 % of a month's time at 100,000 visits). Either way
    each statement sees the data as it starts — a server's at read committed, a file's in the driver's autocommit
    reads — as it did when all ran on one connection.
    ``today`` (default: the computer's date) decides whether the period is still provisional.
    """
    today = today or date.today()
    # the cycle collector waits (reports/gc_pause.py): it walked the heap again and again while a national year's
    # 180,000 visit rows were made, ~1.5 s of the app's ~3.5 s
    with gc_paused(), session_factory() as session, ThreadPoolExecutor(2, thread_name_prefix="report-apart") as beside:
        conn = session.connection()
        dialects.analytic_reads(conn)
        on_server = dialects.is_server(conn)
        appendix = beside.submit(_apart, _visit_list, session_factory, center, period) if on_server else None
        places = beside.submit(_apart, figures_places.compute, session_factory, center, period) if on_server else None
        others = compared_periods(period)
        spans = [period, *others, targets_period(period.end.year, period.end)]
        # every counted figure the report shows (its own, the comparisons', each center's, the targets' actuals)
        # and every 逾期 count with its list, each in one pass
        counted = None if on_server else beside.submit(_apart, PeriodCounts, session_factory, center, spans)
        counted_to = overdue_day(period, today)
        overdue_counts, overdue_rows = overdue_at(conn, center, [overdue_day(p, today) for p in others],
                                                  listed=counted_to)
        overdue = _overdue_list(conn, overdue_rows)
        visits, key_visits = ([], []) if appendix is not None else _visit_list(conn, center, period)
        tally = _visit_tally(conn, center, period)
        by_stage_route = _proposals_by_stage_route(conn, center, period)
        funding, alloc_year = _funding(conn, center, period)
        moves = _stage_moves(conn, center, period)
        budgets = _budgets(conn, center, period)
        counts = PeriodCounts(conn, center, spans) if counted is None else counted.result()
        own = counts.of(period)
        figures = ReportFigures(
            center=center, center_name=center_name(center), period=period,
            visits_total=int(own["visits_total"]),
            visits_by_county=_visits_by_county(conn, center, tally),
            visits_by_township=_visits_by_township(conn, tally),
            visits_by_mode=_visits_by_mode(tally),
            followups_opened=int(own["followups_opened"]), followups_closed=int(own["followups_closed"]),
            followups_overdue=len(overdue),
            overdue_followups=overdue, overdue_counted_to=counted_to,
            support_sessions=int(own["support_sessions"]), support_hours=own["support_hours"],
            support_participants=int(own["support_participants"]),
            support_by_station=_support_by_station(conn, center, period),
            support_by_kind=_support_by_kind(conn, center, period),
            budgets=budgets,
            proposals_by_stage_route=by_stage_route,
            proposals_by_stage={s.value: sum(n for (st, _), n in by_stage_route.items() if st == s.value)
                                for s in STAGE_ORDER},
            proposals_new=proposals_new(conn, center, period),
            stage_moves=moves,
            proposals_sent=proposals_sent(conn, center, period),
            proposals_approved=moves_to(conn, center, period, "approved"),
            funding=funding, funding_roc_year=period.roc_year, allocation_roc_year=alloc_year,
            events=int(own["events"]), event_participants=int(own["event_participants"]),
            event_list=_event_list(conn, center, period),
            targets=target_progress(conn, center, period.end.year, period.end, counts=counts),
            visits=visits,
            proposals_resubmitted=resubmissions(conn, center, period),
            provisional=period.provisional(today),
            plan=content.plan_in_force(conn, period),
            compare=comparisons(conn, center, period, overdue_counts, counts, today),
            by_center=None if center is not None else {
                c.value: headline(conn, c.value, period, overdue=_overdue_at(overdue_counts, counted_to, c.value),
                                  counts=counts)
                for c in CenterCode},
            sent_proposals=content.sent_proposals(conn, center, period),
            center_budgets=content.center_budgets(budgets),
            plans=content.plan_counts(conn, center, period),
            public_spaces=content.public_spaces(conn, center, period),
            key_visits=key_visits,
            narrative=content.read_narrative(conn, center, period),
            rule_warnings=rule_warnings(conn, center, period, budgets),
            outcomes=figures_outcomes.compute(conn, center, period),
            places=None if places is not None else figures_places.compute(conn, center, period),
        )
        session.rollback()
        if appendix is not None and places is not None:
            (figures.visits, figures.key_visits), figures.places = appendix.result(), places.result()
    return figures

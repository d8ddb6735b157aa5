"""What the project office asks for beside the counts (issue 15): proposals sent with their amounts,
budget execution per center, plans (地方創生計畫) filed and passed, public spaces, key visits (重點),
the programme in force and the manager's own words. Each read as of the period's end, like the rest.
"""

from __future__ import annotations

from sqlalchemy import text

from counsel_desk.models.enums import CenterCode
from counsel_desk.services.figures.figures import as_date, center_sql, sent_move_sql, sql_params
from counsel_desk.reports.figures_types import (
    CenterBudget, Narrative, PlanCounts, PlanInForce, PublicSpaceRow, SentProposal, StationBudget,
)
from counsel_desk.services.period import Period
from counsel_desk.store import programmes



def sent_proposals(conn, center: str | None, period: Period) -> list[SentProposal]:
    """Each proposal sent to the project office in the period (either route), once, with the money it requests."""
    rows = conn.execute(text(
        "WITH sent AS (SELECT sc.proposal_id AS pid, max(sc.changed_at) AS last_at FROM stage_change sc "
        "  JOIN proposal p ON p.id = sc.proposal_id "
        f"  WHERE +sc.deleted_at IS NULL AND +p.deleted_at IS NULL{center_sql('p', center)} AND {sent_move_sql('sc')} "
        "  AND sc.changed_at >= :utc_lo AND sc.changed_at < :utc_hi GROUP BY sc.proposal_id) "
        "SELECT date(s.last_at, '+8 hours'), p.title, p.route, c.name, t.name, coalesce(o.name, ''), "
        "  (SELECT coalesce(sum(fl.amount), 0) FROM funding_line fl WHERE fl.proposal_id = p.id "
        "     AND +fl.deleted_at IS NULL), "
        "  EXISTS (SELECT 1 FROM stage_change e WHERE e.proposal_id = p.id AND +e.deleted_at IS NULL "
        f"     AND {sent_move_sql('e')} AND e.changed_at < s.last_at) "
        "FROM sent s JOIN proposal p ON p.id = s.pid "
        "JOIN county c ON c.code = p.county_code JOIN township t ON t.code = p.township_code "
        "LEFT JOIN organization o ON o.id = p.organization_id ORDER BY s.last_at, p.title"),
        sql_params(center, period))
    return [SentProposal(as_date(r[0]), r[1], r[2], r[3], r[4], r[5] or "", int(r[6] or 0), bool(r[7]))
            for r in rows]


def center_budgets(budgets: list[StationBudget]) -> list[CenterBudget]:
    """The stations' budgets added up per center, in the centers' order."""
    out: dict[str, CenterBudget] = {}
    for b in budgets:
        code = b.center_code
        cb = out.setdefault(code, CenterBudget(code, _center_zh(code), 0, 0, 0, 0))
        cb.stations += 1
        cb.approved += b.approved
        cb.disbursed += b.disbursed
        cb.reimbursed += b.reimbursed
    order = [c.value for c in CenterCode]
    return sorted(out.values(), key=lambda c: order.index(c.center_code) if c.center_code in order else len(order))


def _center_zh(code: str) -> str:
    try:
        return CenterCode(code).full_name_zh  # one form of a center's name everywhere
    except ValueError:
        return code


def plan_counts(conn, center: str | None, period: Period) -> PlanCounts:
    """Plans filed with the project office (sent, see ``sent_move_sql``) and passed (moved to approved), in the
    period and by its end."""
    row = conn.execute(text(
        "SELECT "
        f"  count(DISTINCT CASE WHEN {sent_move_sql('sc')} AND sc.changed_at >= :utc_lo THEN sc.plan_id END), "
        "  count(DISTINCT CASE WHEN sc.to_stage = 'approved' AND sc.changed_at >= :utc_lo THEN sc.plan_id END), "
        f"  count(DISTINCT CASE WHEN {sent_move_sql('sc')} THEN sc.plan_id END), "
        "  count(DISTINCT CASE WHEN sc.to_stage = 'approved' THEN sc.plan_id END), "
        "  count(DISTINCT CASE WHEN sc.to_stage IN ('approved', 'rejected') THEN sc.plan_id END) "
        "FROM stage_change sc JOIN plan p ON p.id = sc.plan_id "
        f"WHERE +sc.deleted_at IS NULL AND +p.deleted_at IS NULL{center_sql('p', center)} "
        "AND sc.changed_at < :utc_hi"), sql_params(center, period)).one()
    filed, passed, filed_to_date, passed_to_date, decided = (int(x or 0) for x in row)
    return PlanCounts(filed, passed, filed_to_date, passed_to_date, max(filed_to_date - decided, 0))


# A space's status on the period's last day, from the day it entered its status (services/workstations/spaces.py): a space
# operating now was renovating from its 整修開始日 (if known) and operating from its 營運開始日; one renovating
# now was renovating from its 整修開始日; before those days it was being planned. A day not kept (spaces recorded
# before the days were) is the day the space was recorded.
_RECORDED_DAY = "date(ps.created_at, '+8 hours')"
SPACE_STATUS_AT_END_SQL = (
    "CASE WHEN ps.status = 'operating' AND coalesce(ps.operating_since, "
    f"{_RECORDED_DAY}) <= :end THEN 'operating' "
    "WHEN ps.status = 'operating' AND ps.renovating_since <= :end THEN 'renovating' "
    f"WHEN ps.status = 'renovating' AND coalesce(ps.renovating_since, {_RECORDED_DAY}) <= :end THEN 'renovating' "
    "ELSE 'planning' END")


def public_spaces(conn, center: str | None, period: Period) -> list[PublicSpaceRow]:
    """The center's public spaces recorded by the period's end, with their status then and their visits in
    the period."""
    rows = conn.execute(text(
        f"SELECT ps.name, c.name, t.name, {SPACE_STATUS_AT_END_SQL}, ps.subsidy, "
        "  (SELECT count(*) FROM site_visit v WHERE v.public_space_id = ps.id AND +v.deleted_at IS NULL "
        "     AND v.visit_date BETWEEN :start AND :end) "
        "FROM public_space ps JOIN county c ON c.code = ps.county_code JOIN township t ON t.code = ps.township_code "
        f"WHERE +ps.deleted_at IS NULL{center_sql('ps', center)} AND ps.created_at < :utc_hi "
        "ORDER BY c.sort_order, t.code, ps.name"), sql_params(center, period))
    return [PublicSpaceRow(r[0], r[1], r[2], r[3], int(r[4] or 0), int(r[5])) for r in rows]


def plan_in_force(conn, period: Period) -> PlanInForce | None:
    """The plan in force in the period's ROC year (None: no loaded plan covers it; the report says so)."""
    year = period.roc_year
    plan = programmes.in_force(programmes.loaded(conn), year)
    if plan is None:
        return None
    return PlanInForce(plan.name, plan.issuer, plan.first_year, plan.last_year, True, plan.code, plan.version,
                       plan.is_provisional(year), plan.work_items is not None)


def read_narrative(conn, center: str | None, period: Period) -> Narrative:
    """The manager's words for the center and period (empty for all centers or when none written)."""
    if center is None:
        return Narrative()
    row = conn.execute(text(
        "SELECT this_month, next_month, help_needed FROM report_narrative WHERE center_code = :center "
        "AND period_start = :start AND period_end = :end"), sql_params(center, period)).first()
    return Narrative(*(x or "" for x in row)) if row else Narrative()

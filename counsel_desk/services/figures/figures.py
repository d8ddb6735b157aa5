"""The figures' read model: every count the reports and the dashboard show, in SQL, in one place.

A figure is counted for one center (or ``None``: all centers) over a :class:`Period`, as of the
period's end (the rules are in docs/reports.md): only live records; visits, support sessions and
events by their own date; timestamps by their Taiwan day; closing and cancelling a follow-up by its
date; sent and approved proposals each once; a deleted workstation takes its sessions with it.
The report (``reports/figures.py``) assembles these with its lists and tables; the dashboard
(``services/figures/dashboard.py``) and the yearly targets (``services/programme/targets.py``) read the same functions.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Iterable

from sqlalchemy import Connection, text

from counsel_desk.models.enums import STAGE_ORDER, TargetMetric
from counsel_desk.services.outcomes import outcomes
from counsel_desk.services.period import Period
from counsel_desk.services.programme.targets import TargetProgress, read_targets

# The headline figures (本期摘要): what the comparisons and the by-center table show for each period.
HEADLINE_KEYS = ("visits_total", "followups_opened", "followups_closed", "followups_overdue", "support_sessions",
                 "support_hours", "support_participants", "proposals_new", "proposals_sent", "proposals_resubmitted",
                 "proposals_approved", "events", "event_participants")


# Every live-record test is written "+x.deleted_at IS NULL": the unary plus keeps SQLite (which has no
# statistics here) from choosing the deleted_at index — where nearly every row is NULL — over the date
# index; a month's count went from 90 ms to 1.5 ms on 100,000 visits.


def center_sql(alias: str, center: str | None) -> str:
    """The center condition for a table alias ('' for all centers)."""
    # "+" keeps SQLite from using the center index: nearly every row of a center's own database is its
    # own, so the date index is the selective one
    return "" if center is None else f" AND +{alias}.center_code = :center"


def sql_params(center: str | None, period: Period, **extra: Any) -> dict[str, Any]:
    lo, hi = period.utc_bounds()
    return {"center": center, "start": period.start.isoformat(), "end": period.end.isoformat(),
            "utc_lo": lo, "utc_hi": hi, **extra}


def as_date(value: Any) -> date | None:
    if isinstance(value, datetime):  # a server's timestamp (UTC); SQLite gives text
        return value.date()
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


# -- headline counts (also the actuals of the yearly targets) ---------------------------------------

# a deleted workstation takes its support sessions with it, as it takes its budget; support given directly to
# a youth team (no station) counts while a team it is linked to is there. LIVE_STATION_SQL joins (``ws``),
# LIVE_RECIPIENT_SQL is the WHERE condition that goes with it.
LIVE_STATION_SQL = "LEFT JOIN workstation ws ON ws.id = s.workstation_id "
LIVE_RECIPIENT_SQL = ("(ws.id IS NOT NULL AND +ws.deleted_at IS NULL OR s.workstation_id IS NULL AND EXISTS ("
                      "SELECT 1 FROM youth_team_support l JOIN youth_team y ON y.id = l.team_id AND +y.deleted_at IS NULL "
                      "WHERE l.support_id = s.id))")


# -- the counted headline figures of several periods at once -------------------------------------

# What PeriodCounts adds up per center and period: (key, table and condition, date column, value added, center column).
# A row counts in a period when its date column falls inside it (visits, support and events by their own date;
# a follow-up is opened with its visit and closed on its follow-up date).
_COUNTED = (
    ("site_visit v WHERE +v.deleted_at IS NULL", "v.visit_date", (("visits_total", "1"),), "v.center_code"),
    ("site_visit v JOIN followup f ON f.visit_id = v.id WHERE +f.deleted_at IS NULL AND +v.deleted_at IS NULL",
     "v.visit_date", (("followups_opened", "1"),), "v.center_code"),
    ("followup f JOIN site_visit v ON v.id = f.visit_id WHERE +f.deleted_at IS NULL AND +v.deleted_at IS NULL "
     "AND +f.status = 'closed'", "f.followup_date", (("followups_closed", "1"),), "v.center_code"),
    (f"support_record s {LIVE_STATION_SQL}WHERE +s.deleted_at IS NULL AND {LIVE_RECIPIENT_SQL}", "s.support_date",
     (("support_sessions", "1"), ("support_hours", "s.hours"), ("support_participants", "s.participants")),
     "s.center_code"),
    ("center_event e WHERE +e.deleted_at IS NULL", "e.event_date",
     (("events", "1"), ("event_participants", "e.participants")), "e.center_code"),
)
COUNTED_KEYS = tuple(key for *_, values, _c in _COUNTED for key, _ in values)


class PeriodCounts:
    """The counted headline figures (visits, follow-ups opened and closed, support, events) of several periods,
    per center, each table read once for all of them.

    A report shows these for its period, the previous one, a year before, the year to date and (all centers)
    each center: one grouped pass per table instead of one per period and center (at 400,000 visits on a server
    each pass costs about a second).
    """

    def __init__(self, conn: Connection, center: str | None, periods: Iterable[Period], *,
                 keys: Iterable[str] = COUNTED_KEYS):
        self.spans = list(dict.fromkeys((p.start, p.end) for p in periods))
        self.center = center
        self._sums: dict[str, dict[str, list[float]]] = {}  # center code → key → value per span
        wanted = set(keys)
        for group in self._overlapping():
            for source, day, values, code_col in _COUNTED:
                if wanted & {key for key, _ in values}:
                    self._count(conn, group, source, day, values, code_col)

    def _overlapping(self) -> list[list[int]]:
        """The spans (their indexes) in groups that overlap or touch: each group is read in one pass over its dates,
        so that a month's report does not read the eleven months between it and the same month a year before."""
        groups: list[list[int]] = []
        last_end = None
        for i in sorted(range(len(self.spans)), key=lambda i: self.spans[i]):
            start, end = self.spans[i]
            if groups and last_end is not None and (start - last_end).days <= 1:
                groups[-1].append(i)
                last_end = max(last_end, end)
            else:
                groups.append([i])
                last_end = end
        return groups

    def _count(self, conn: Connection, group: list[int], source: str, day: str, values: tuple[tuple[str, str], ...],
               code_col: str) -> None:
        params: dict[str, Any] = {"center": self.center, "lo": min(self.spans[i][0] for i in group).isoformat(),
                                  "hi": max(self.spans[i][1] for i in group).isoformat()}
        for i in group:
            params[f"s{i}"], params[f"e{i}"] = self.spans[i][0].isoformat(), self.spans[i][1].isoformat()
        cols = [f"coalesce(sum(CASE WHEN {day} BETWEEN :s{i} AND :e{i} THEN {value} END), 0)"
                for i in group for _, value in values]
        alias = code_col.split(".")[0]
        for code, *sums in conn.execute(text(
                f"SELECT {code_col}, {', '.join(cols)} FROM {source}{center_sql(alias, self.center)} "
                f"AND {day} BETWEEN :lo AND :hi GROUP BY {code_col}"), params):
            per_key = self._sums.setdefault(code, {})
            for k, (key, _) in enumerate(values):
                counted = per_key.setdefault(key, [0] * len(self.spans))
                for n, i in enumerate(group):
                    counted[i] = sums[n * len(values) + k]

    def of(self, period: Period, center: str | None = None) -> dict[str, float]:
        """COUNTED_KEYS → the figure of ``period`` (one of those counted) for ``center`` (None: every center counted)."""
        i = self.spans.index((period.start, period.end))
        out: dict[str, float] = dict.fromkeys(COUNTED_KEYS, 0)
        for code, per_key in self._sums.items():
            if center is None or code == center:
                for key, values in per_key.items():
                    out[key] += values[i]
        return {k: round(float(v), 2) if k == "support_hours" else int(v) for k, v in out.items()}


def moves_to(conn: Connection, center: str | None, period: Period, stage: str) -> int:
    """Proposals moved to ``stage`` in the period (通過 = 'approved'), each proposal once; sending to the
    project office is counted by :func:`proposals_sent`, which knows both routes."""
    return int(conn.execute(text(
        "SELECT count(DISTINCT sc.proposal_id) FROM stage_change sc JOIN proposal p ON p.id = sc.proposal_id "
        f"WHERE +sc.deleted_at IS NULL AND +p.deleted_at IS NULL{center_sql('p', center)} AND sc.to_stage = :stage "
        "AND sc.changed_at >= :utc_lo AND sc.changed_at < :utc_hi"), sql_params(center, period, stage=stage)).scalar_one())


def sent_move_sql(alias: str) -> str:
    """A stage move that hands a proposal (or plan) to the project office, 送專案辦公室: on the multi-channel
    route the center's move to 'sent'; on the existing route the county's passing it on from 縣府審查 to the
    council (縣府審查 → 會報工作會議審議)."""
    return f"({alias}.to_stage = 'sent' OR {alias}.from_stage = 'county_review' AND {alias}.to_stage = 'council')"


def proposals_sent(conn: Connection, center: str | None, period: Period) -> int:
    """Proposals sent to the project office in the period (either route, see :func:`sent_move_sql`), each once."""
    return int(conn.execute(text(
        "SELECT count(DISTINCT sc.proposal_id) FROM stage_change sc JOIN proposal p ON p.id = sc.proposal_id "
        f"WHERE +sc.deleted_at IS NULL AND +p.deleted_at IS NULL{center_sql('p', center)} AND {sent_move_sql('sc')} "
        "AND sc.changed_at >= :utc_lo AND sc.changed_at < :utc_hi"), sql_params(center, period)).scalar_one())


def resubmissions(conn: Connection, center: str | None, period: Period) -> int:
    """Sendings in the period of proposals sent before (re-submitted after 退回修正)."""
    return int(conn.execute(text(
        "SELECT count(*) FROM stage_change sc JOIN proposal p ON p.id = sc.proposal_id "
        f"WHERE +sc.deleted_at IS NULL AND +p.deleted_at IS NULL{center_sql('p', center)} AND {sent_move_sql('sc')} "
        "AND sc.changed_at >= :utc_lo AND sc.changed_at < :utc_hi AND EXISTS (SELECT 1 FROM stage_change e "
        f"  WHERE e.proposal_id = sc.proposal_id AND +e.deleted_at IS NULL AND {sent_move_sql('e')} "
        "  AND (e.changed_at < sc.changed_at OR e.changed_at = sc.changed_at AND e.id < sc.id))"),
        sql_params(center, period)).scalar_one())


def youth_stayed_returned(conn: Connection, center: str | None, period: Period) -> int:
    """Young people who stayed or came back (留鄉/返鄉): the outcome records dated in the period."""
    return outcomes.youth_total(conn, center, period)


def metric_actuals(conn: Connection, center: str | None, period: Period, *,
                   counts: PeriodCounts | None = None) -> dict[str, float]:
    """Each TargetMetric's actual figure over the period (``counts``: the period's, when the caller has them)."""
    c = (counts or PeriodCounts(conn, center, [period])).of(period, center)
    return {
        TargetMetric.VISITS: c["visits_total"],
        TargetMetric.SUPPORT_SESSIONS: c["support_sessions"],
        TargetMetric.SUPPORT_HOURS: c["support_hours"],
        TargetMetric.EVENTS: c["events"],
        TargetMetric.EVENT_PARTICIPANTS: c["event_participants"],
        TargetMetric.PROPOSALS_SENT: proposals_sent(conn, center, period),
        TargetMetric.PROPOSALS_APPROVED: moves_to(conn, center, period, "approved"),
        TargetMetric.YOUTH_STAYED_RETURNED: youth_stayed_returned(conn, center, period),
    }


def headline(conn: Connection, center: str | None, period: Period, *, overdue: int | None = None,
             counts: PeriodCounts | None = None) -> dict[str, float]:
    """The headline figures (HEADLINE_KEYS) of a period: what comparisons and the by-center table show.

    ``overdue``: the period's 逾期 count when the caller has it already (see :func:`overdue_counts`);
    ``counts``: the period's counted figures (:class:`PeriodCounts`) when the caller has them.
    """
    values: dict[str, float] = {
        **(counts or PeriodCounts(conn, center, [period])).of(period, center),
        "followups_overdue": overdue_count(conn, center, period) if overdue is None else overdue,
        "proposals_new": proposals_new(conn, center, period),
        "proposals_sent": proposals_sent(conn, center, period),
        "proposals_resubmitted": resubmissions(conn, center, period),
        "proposals_approved": moves_to(conn, center, period, "approved"),
    }
    return {k: values[k] for k in HEADLINE_KEYS}


def targets_period(year: int, upto: date) -> Period:
    """What the yearly targets are judged over: 1 January of ``year`` to ``upto``."""
    return Period(date(year, 1, 1), max(upto, date(year, 1, 1)), "custom")


def target_progress(conn: Connection, center: str | None, year: int, upto: date, *,
                    counts: PeriodCounts | None = None) -> list[TargetProgress]:
    """Every TargetMetric: the year's target against the actual from 1 January to ``upto`` (``counts``: that
    span's counted figures, see :class:`PeriodCounts`, when the caller has them)."""
    targets = read_targets(conn, center, year)
    actuals = metric_actuals(conn, center, targets_period(year, upto), counts=counts)
    out = []
    for metric in TargetMetric:
        target = targets.get(metric.value, 0.0)
        actual = float(actuals[metric])
        out.append(TargetProgress(metric.value, metric.zh, metric.en, target, actual,
                                  round(actual / target, 4) if target > 0 else None))
    return out


# -- follow-ups (追蹤事項) -----------------------------------------------------------------------

# Closing and cancelling are read by their date: the follow-up date (a cancel without one — made before
# cancelling stamped it — by the day the record last changed). One closed or cancelled after the end was
# still open on the last day.
SETTLED_ON_SQL = "coalesce(f.followup_date, date(f.updated_at, '+8 hours'))"
OPEN_AT_END_SQL = ("v.visit_date <= :end AND f.due_date IS NOT NULL AND f.due_date < :end "
                f"AND NOT (f.status IN ('closed', 'cancelled') AND {SETTLED_ON_SQL} <= :end)")


def overdue_count(conn: Connection, center: str | None, period: Period) -> int:
    """Follow-ups overdue at the period end."""
    return sum(n.get(period.end, 0) for n in overdue_at(conn, center, [period.end])[0].values())


def overdue_at(conn: Connection, center: str | None, ends: Iterable[date], *, listed: date | None = None
               ) -> tuple[dict[str, dict[date, int]], list[tuple[Any, ...]]]:
    """Center → follow-ups overdue at each of ``ends``, counted in one pass; with ``listed`` (one of the
    ends) also the follow-ups overdue then — (id, visit_date, county_code, township_code, description, owner,
    due_date, status) by due date and visit date, for the report's 逾期追蹤事項 table.

    Overdue is the costliest count of a report (every follow-up due before the end, each looked up in its
    visit), and a report needs it at its own end, the previous period's and a year before, for each center,
    beside its own list: one pass over the follow-ups serves them all.
    """
    days = sorted(set(ends) | ({listed} if listed else set()))
    if not days:
        return {}, []
    params: dict[str, Any] = {"center": center, "first_end": days[0].isoformat(), "last_end": days[-1].isoformat()}
    flags = []
    for i, day in enumerate(days):
        params[f"end{i}"] = day.isoformat()
        flags.append(f"CASE WHEN {OPEN_AT_END_SQL.replace(':end', f':end{i}')} THEN 1 ELSE 0 END")
    # only what may be overdue at one of the ends: opened and due before the last, not settled by the first
    where = (f"WHERE +f.deleted_at IS NULL AND +v.deleted_at IS NULL{center_sql('v', center)} "
             "AND v.visit_date <= :last_end AND f.due_date IS NOT NULL AND f.due_date < :last_end "
             f"AND NOT (f.status IN ('closed', 'cancelled') AND {SETTLED_ON_SQL} <= :first_end)")
    source = "FROM followup f JOIN site_visit v ON v.id = f.visit_id "
    counts: dict[str, dict[date, int]] = {}
    if listed is None:
        for code, *ns in conn.execute(text(
                f"SELECT v.center_code, {', '.join(f'sum({x})' for x in flags)} {source}{where} GROUP BY v.center_code"),
                params):
            counts[code] = {day: int(n or 0) for day, n in zip(days, ns)}
        return counts, []
    at = days.index(listed)
    cols = "f.id, v.visit_date, v.county_code, v.township_code, f.description, f.owner, f.due_date, f.status"
    out = []
    overdue_once = " OR ".join(f"({x}) = 1" for x in flags)  # only rows that count somewhere come back
    for code, *row in conn.execute(text(  # fetched at once: row by row a national year's 30,000 cost ~0.5 s
            f"SELECT v.center_code, {', '.join(flags)}, {cols} {source}{where} AND ({overdue_once})"), params).all():
        per_day = counts.setdefault(code, dict.fromkeys(days, 0))
        for day, flag in zip(days, row[:len(days)]):
            per_day[day] += flag
        if row[at]:
            out.append(tuple(row[len(days):]))
    out.sort(key=lambda r: (str(r[6]), str(r[1]), r[0]))
    return counts, out




# -- proposals (事業提案) ------------------------------------------------------------------------

STAGE_AT_END_SQL = """
WITH at_end AS (
  SELECT p.id, p.route, coalesce(
    (SELECT s.to_stage FROM stage_change s WHERE s.proposal_id = p.id AND +s.deleted_at IS NULL
       AND s.changed_at < :utc_hi ORDER BY s.changed_at DESC, s.created_at DESC, s.id DESC LIMIT 1),
    (SELECT coalesce(nullif(s.from_stage, ''), 'idea') FROM stage_change s WHERE s.proposal_id = p.id
       AND +s.deleted_at IS NULL ORDER BY s.changed_at, s.created_at, s.id LIMIT 1),
    p.stage) AS stage
  FROM proposal p WHERE +p.deleted_at IS NULL{center} AND p.created_at < :utc_hi
)
"""
# A proposal's stage at the period end: the last move before the end; if it only moved later, the stage
# it left on its first move; if it never moved, its stage now. (Correlated look-ups ride the proposal_id
# index; a window over all moves joined back was a hundred times slower.)


def stage_at_end_sql(center: str | None) -> str:
    return STAGE_AT_END_SQL.replace("{center}", center_sql("p", center))


def proposals_new(conn: Connection, center: str | None, period: Period) -> int:
    return int(conn.execute(text(
        f"SELECT count(*) FROM proposal p WHERE +p.deleted_at IS NULL{center_sql('p', center)} "
        "AND p.created_at >= :utc_lo AND p.created_at < :utc_hi"), sql_params(center, period)).scalar_one())


def proposals_per_stage(conn: Connection, center: str | None, period: Period) -> dict[str, int]:
    """Proposals in each stage at the period's end, every stage listed in board order."""
    counts: dict[str, int] = {stage: int(n) for stage, n in conn.execute(
        text(stage_at_end_sql(center) + "SELECT stage, count(*) FROM at_end GROUP BY stage"), sql_params(center, period))}
    return {s.value: int(counts.get(s.value, 0)) for s in STAGE_ORDER}


# -- visits by place and month (the report's tables, the dashboard's charts and map) -------------

def visits_per_county(conn: Connection, center: str | None, period: Period) -> dict[str, int]:
    """County code → the period's visits (counties without visits absent)."""
    return {code: int(n) for code, n in conn.execute(text(
        f"SELECT v.county_code, count(*) FROM site_visit v WHERE +v.deleted_at IS NULL{center_sql('v', center)} "
        "AND v.visit_date BETWEEN :start AND :end GROUP BY v.county_code"), sql_params(center, period))}


def visits_per_township_mode(conn: Connection, center: str | None, period: Period) -> dict[tuple[str, str], int]:
    """(township code, visit mode) → the period's visits."""
    return {(town, mode): int(n) for town, mode, n in conn.execute(text(
        f"SELECT v.township_code, v.mode, count(*) FROM site_visit v WHERE +v.deleted_at IS NULL"
        f"{center_sql('v', center)} AND v.visit_date BETWEEN :start AND :end GROUP BY v.township_code, v.mode"),
        sql_params(center, period))}


def visits_per_month(conn: Connection, center: str | None, period: Period) -> dict[str, int]:
    """'YYYY-MM' → the period's visits in that month."""
    return {month: int(n) for month, n in conn.execute(text(
        f"SELECT substr(v.visit_date, 1, 7), count(*) FROM site_visit v WHERE +v.deleted_at IS NULL"
        f"{center_sql('v', center)} AND v.visit_date BETWEEN :start AND :end GROUP BY 1"), sql_params(center, period))}

"""Demo youth workstations (青年培力工作站) with budgets, public spaces, support records and center events."""

from __future__ import annotations

import random
from datetime import date, timedelta

from counsel_desk.models.enums import (
    BudgetCategory, EventKind, OperatorKind, OrgKind, PublicSpaceStatus, SupportKind, WorkstationStatus,
)
from counsel_desk.services.demo import text
from counsel_desk.services.demo.context import Ctx, Town, clamp
from counsel_desk.services.demo.people import People, add_org
from counsel_desk.services.demo.visits import Space, Station
from counsel_desk.services.formatting import ROC_OFFSET

# The demo's invented amounts stay within the seed plan's figures (the app itself reads caps and rules
# from the plan in force each year: services/workstations/workstation_rules.py).
SUBSIDY_CAP_WORKSTATION, SUBSIDY_CAP_PUBLIC_SPACE = 3_000_000, 5_000_000
PERSONNEL_SHARE_CAP, PERSONNEL_SHARE_CAP_STAFFED, STAFFED_THRESHOLD = 0.50, 0.60, 3
RULE_BREAKERS = 2  # budgets whose personnel share deliberately exceeds the cap, for reports to flag
OTHER_CATEGORIES = (BudgetCategory.OPERATIONS, BudgetCategory.EQUIPMENT, BudgetCategory.TRAVEL, BudgetCategory.OTHER)


def _roc_date(roc_year: int, month: int, day: int) -> date:
    return date(roc_year + ROC_OFFSET, month, day)


def _status_and_years(ctx: Ctx, rng, year: int) -> tuple[str, list[int]]:
    """Status of a station approved in ROC ``year`` and the ROC years it had a budget: a 12-month term a year; after a
    good 評鑑 the next year is its one 延續補助, and the year after that a new application (see :func:`_budgets`)."""
    now = ctx.roc_year
    r = rng.random()
    if year >= now:
        status = WorkstationStatus.APPLYING if r < 0.35 else WorkstationStatus.ACTIVE
    elif year + 2 >= now:
        status = WorkstationStatus.ACTIVE if r < 0.85 else WorkstationStatus.TERMINATED
    elif year + 3 >= now:
        status = WorkstationStatus.EXTENDED if r < 0.5 else (
            WorkstationStatus.CLOSED if r < 0.95 else WorkstationStatus.TERMINATED)
    else:
        status = WorkstationStatus.CLOSED if r < 0.85 else WorkstationStatus.TERMINATED
    last = {WorkstationStatus.APPLYING: year - 1, WorkstationStatus.ACTIVE: now, WorkstationStatus.EXTENDED: now,
            WorkstationStatus.CLOSED: min(year + 2, now - 1), WorkstationStatus.TERMINATED: min(year + 1, now)}[status]
    return status.value, list(range(year, last + 1))


def build_workstations(ctx: Ctx, people: People, visits: int) -> list[Station]:
    rng = ctx.rng("workstations")
    n = clamp(visits // 400, 3, 40)
    first = min(110, ctx.roc_year)
    # the first few years are fixed so that even three stations show a mix of statuses
    planned_years = [ctx.roc_year - 1, ctx.roc_year - 3, ctx.roc_year, ctx.roc_year - 4]
    towns = ctx.pick_towns(rng, n)
    stations: list[Station] = []
    names: set[str] = set()
    for i, town in enumerate(towns):
        year = max(first, planned_years[i]) if i < len(planned_years) else rng.randint(first, ctx.roc_year)
        status, years = _status_and_years(ctx, rng, year)
        if i == 0:
            status, years = WorkstationStatus.ACTIVE.value, list(range(year, ctx.roc_year + 1))
        ind = rng.choice(town.industries)
        name = next((c for c in (f"{town.short}青年培力工作站", f"{town.short}{ind}青年培力工作站",
                                 f"{town.county}{town.short}地方創生青年培力工作站") if c not in names),
                    f"{town.short}{rng.choice(text.ORG_WORDS)}青年培力工作站")
        names.add(name)
        op_kind = OperatorKind.ASSOCIATION if rng.random() < 0.65 else OperatorKind.COMPANY
        operator = add_org(ctx, people, rng, OrgKind.ASSOCIATION if op_kind == OperatorKind.ASSOCIATION
                           else OrgKind.COMPANY, town, contacts=2)
        start = end = None
        if status != WorkstationStatus.APPLYING:
            # a 12-month term (延續補助 renews it a year at a time): the term on record is the latest year's
            start = min(_roc_date(years[-1], 1 + int(rng.random() * 6), 1), ctx.today.replace(day=1))
            end = _one_year_on(start)
            if status == WorkstationStatus.TERMINATED:
                end = start + timedelta(days=120 + int(rng.random() * 200))
                end = max(start, min(end, ctx.today - timedelta(days=10)))
        staff = 1 + int(rng.random() * 5)
        team = staff + int(rng.random() * 8)
        sid = ctx.new_id()
        created = ctx.stamp((start or ctx.today) - timedelta(days=45), rng)
        youth = (0, 0) if status == WorkstationStatus.APPLYING else (int(rng.random() * 16), int(rng.random() * 11))
        ctx.youth += youth[0] + youth[1]
        notes = f"駐點於{town.name}{rng.choice(text.VENUES)}，聚焦{ind}。"
        facts = _eligibility(ctx.rng(f"eligibility:{sid}"), team, status != WorkstationStatus.APPLYING)
        ctx.add("workstation", {
            **ctx.synced(sid, created), "center_code": ctx.center, "name": name, "operator_name": operator.name,
            "operator_kind": op_kind.value, "organization_id": operator.id, "host_name": operator.contacts[0][1],
            "team_size": team, "fulltime_staff": staff, "county_code": town.county_code, "township_code": town.code,
            "year_approved": year, "term_start": start, "term_end": end, "status": status, "notes": notes, **facts})
        for cid, _ in operator.contacts:
            ctx.add("workstation_contact", {"workstation_id": sid, "contact_id": cid})
        ctx.index("workstation", sid, name, operator.name, operator.contacts[0][1], f"{town.county} {town.name}", notes)
        stations.append(Station(sid, name, town, operator, status, start, end, [], []))
        _budgets(ctx, rng, sid, years, staff, breaks_rule=i < RULE_BREAKERS)
    return stations


def _eligibility(rng: random.Random, team: int, approved: bool) -> dict[str, int | None]:
    """The host's age and years on site and the partners aged 20–45, as a station that qualified would have them
    (the seed's rules: host ≤ 45 with ≥ 5 years on site, ≥ 3 of the partners aged 20–45); not yet recorded for a
    station still applying."""
    if not approved:
        return {"host_age": None, "host_years_on_site": None, "young_partners": None}
    return {"host_age": 28 + int(rng.random() * 18), "host_years_on_site": 5 + int(rng.random() * 10),
            "young_partners": min(team, 3 + int(rng.random() * 4))}


def _evaluation(ctx: Ctx, rng: random.Random, roc_year: int, again: bool) -> dict[str, object]:
    """The 評鑑 of a budget year that has ended (early the next year): good when the station is funded again
    (延續補助 needs it), otherwise any result; a year still running is not evaluated yet."""
    if not again and roc_year >= ctx.roc_year:
        return {"evaluation": "", "evaluated_on": None, "evaluation_note": ""}
    day = min(_roc_date(roc_year + 1, 1 + int(rng.random() * 2), 5 + int(rng.random() * 20)), ctx.today)
    result = "good" if again else rng.choice(("good", "fair", "fair", "poor"))
    return {"evaluation": result, "evaluated_on": day,
            "evaluation_note": "" if result == "good" else "執行進度落後，建議加強在地串連。"}


def _one_year_on(start: date) -> date:
    """The last day of a 12-month term starting on ``start``."""
    return start.replace(year=start.year + 1) - timedelta(days=1)


def _budgets(ctx: Ctx, rng, sid: str, years: list[int], staff: int, breaks_rule: bool) -> None:
    """A budget per ROC year with lines by category; the latest one breaks the personnel cap if asked. Every second
    year is the 延續補助 of the year before (「經評鑑績效良好者得延續補助一年」: one year), the others new terms."""
    cap = PERSONNEL_SHARE_CAP_STAFFED if staff >= STAFFED_THRESHOLD else PERSONNEL_SHARE_CAP
    year_share = ctx.today.timetuple().tm_yday / 366
    marks = ctx.rng(f"evaluation:{sid}")
    for n, y in enumerate(years):
        subsidy = min(SUBSIDY_CAP_WORKSTATION, (150 + int(rng.random() * 151)) * 10_000)
        share = cap + 0.05 + rng.random() * 0.05 if breaks_rule and y == years[-1] else 0.3 + rng.random() * (cap - 0.3)
        personnel = int(subsidy * share) // 1000 * 1000
        weights = [0.5 + rng.random() for _ in OTHER_CATEGORIES]
        left = subsidy - personnel
        planned = [personnel] + [int(left * w / sum(weights)) // 1000 * 1000 for w in weights[:-1]]
        planned.append(subsidy - sum(planned))
        bid = ctx.new_id()
        approved_on = min(_roc_date(y, 1, 20), ctx.today)
        created = ctx.stamp(approved_on, rng)
        updated = ctx.stamp(min(_roc_date(y, 12, 20), ctx.today), rng)
        ctx.add("workstation_budget", {**ctx.synced(bid, created, updated), "workstation_id": sid, "roc_year": y,
                                       "approved_subsidy": subsidy, "fulltime_staff": staff, "extension": n % 2 == 1,
                                       "approved_on": approved_on, **_evaluation(ctx, marks, y, again=n + 1 < len(years))})
        for i, (category, amount) in enumerate(zip((BudgetCategory.PERSONNEL, *OTHER_CATEGORIES), planned)):
            if y < ctx.roc_year:
                disbursed = amount if rng.random() < 0.85 else int(amount * (0.8 + rng.random() * 0.2))
                reimbursed = int(disbursed * (0.9 + rng.random() * 0.1))
            else:
                disbursed = int(amount * (0.2 + 0.7 * year_share))
                reimbursed = int(disbursed * (0.4 + rng.random() * 0.6))
            for k, (d, d_on, r, r_on) in enumerate(_tranches(approved_on, min(_roc_date(y, 12, 20), ctx.today), i,
                                                             disbursed // 1000 * 1000, reimbursed // 1000 * 1000)):
                ctx.add("budget_line", {**ctx.synced(ctx.new_id(), created, updated), "budget_id": bid,
                                        "category": category.value, "planned": amount if k == 0 else 0,
                                        "disbursed": d, "disbursed_on": d_on, "reimbursed": r, "reimbursed_on": r_on})


def _tranches(approved: date, last: date, i: int, disbursed: int,
              reimbursed: int) -> list[tuple[int, date | None, int, date | None]]:
    """A category's money as dated lines (撥款日, 核銷日; reports count it by these days): two tranches, the
    first paid some weeks after the 核定日 and reimbursed later, the rest by ``last`` (the year's end or today).
    Days are spread by the category's place ``i``, never drawn: the demo's random stream stays as it was."""
    span = max(0, (last - approved).days)

    def day(share: float) -> date:
        return approved + timedelta(days=min(span, int(span * share) + i))

    first_d = disbursed // 2 // 1000 * 1000
    first_r = min(reimbursed // 2 // 1000 * 1000, first_d)
    lines = [(first_d, day(0.15) if first_d else None, first_r, day(0.45) if first_r else None)]
    if disbursed - first_d or reimbursed - first_r:
        lines.append((disbursed - first_d, day(0.6) if disbursed - first_d else None,
                      reimbursed - first_r, day(0.9) if reimbursed - first_r else None))
    return lines


def space_owner(rng: random.Random, town: Town) -> str:
    """Who plausibly owns an idle public building in ``town``: its own township office or county mostly, the
    national property administration anywhere; a farmers' association only where people farm; the railway
    company only on the main island outside mountain indigenous areas (no railway on the islands); the
    forestry agency in the mountains."""
    owners = [(f"{town.county}{town.name}公所", 40), (f"{town.county}政府", 25), ("財政部國有財產署", 12),
              (f"{town.county}政府教育處（閒置校舍）", 10)]
    if town.area_km2 > 20 and not town.offshore:
        owners.append((f"{town.short}農會", 8))
    if not town.offshore and not town.mountain and town.area_km2 > 10:
        owners.append(("國營臺灣鐵路股份有限公司", 5))
    if town.mountain:
        owners.append(("農業部林業及自然保育署", 8))
    return rng.choices([name for name, _ in owners], [w for _, w in owners])[0]


def build_public_spaces(ctx: Ctx, people: People, visits: int) -> list[Space]:
    rng = ctx.rng("public_spaces")
    statuses = [s.value for s in PublicSpaceStatus]
    spaces = []
    for i, town in enumerate(ctx.pick_towns(rng, clamp(visits // 1000, 2, 60))):
        status = statuses[i % 3] if i < 3 else rng.choices(statuses, (30, 35, 35))[0]
        team = None
        if status != PublicSpaceStatus.PLANNING:
            pool = [o for o in people.by_county[town.county_code]
                    if o.kind in (OrgKind.ASSOCIATION, OrgKind.LOCAL_GROUP, OrgKind.COMPANY, OrgKind.SOCIAL_ENTERPRISE)]
            team = rng.choice(pool) if pool else None
        name = f"{town.short}{rng.choice(text.SPACES)}"
        agency = space_owner(rng, town)
        address = f"{town.county}{town.name}{rng.choice(text.ROADS)}{rng.randrange(1, 300)}號"
        notes = rng.choice(("規劃作為青年共同工作空間。", "整修後作為地方創生交流據點。", "結合在地產業展售與體驗。"))
        pid = ctx.new_id()
        created = ctx.stamp(ctx.recent_day(rng), rng)
        ctx.add("public_space", {
            **ctx.synced(pid, created), "center_code": ctx.center, "name": name, "address": address,
            "owning_agency": agency, "county_code": town.county_code, "township_code": town.code,
            "subsidy": min(SUBSIDY_CAP_PUBLIC_SPACE, (100 + int(rng.random() * 401)) * 10_000), "status": status,
            "operating_team": team.name if team else "", "notes": notes})
        ctx.index("public_space", pid, name, address, agency, team.name if team else "", notes)
        spaces.append(Space(pid, name, town, team))
    return spaces


def build_events(ctx: Ctx, people: People, visits: int) -> None:
    rng = ctx.rng("events")
    n = max(4, visits // 100)
    month_start = ctx.today.replace(day=1)
    days = sorted([ctx.day_between(rng, month_start, ctx.today)] + [ctx.recent_day(rng) for _ in range(n - 1)])
    kinds = [k.value for k in EventKind if k.value in text.EVENT_TITLES]  # training and showcases: demo/outcomes.py
    for i, (day, town) in enumerate(zip(days, ctx.pick_towns(rng, n))):
        kind = kinds[i % 3] if i < 3 else rng.choice(kinds)
        ind = rng.choice(town.industries)
        title = rng.choice(text.EVENT_TITLES[kind]).format(county=town.county, ind=ind)
        place = f"{town.county}{town.name}{rng.choice(text.VENUES)}"
        local = people.by_county[town.county_code]
        partners = "、".join(o.name for o in rng.sample(local, min(len(local), 1 + int(rng.random() * 3))))
        low, high = {"learning": (15, 60), "exchange": (20, 120), "promotion": (30, 300)}[kind]
        record = rng.choice(text.EVENT_RECORDS).format(k=2 + int(rng.random() * 6))
        eid = ctx.new_id()
        ctx.add("center_event", {
            **ctx.synced(eid, ctx.stamp(day, rng)), "center_code": ctx.center, "event_date": day, "title": title,
            "place": place, "county_code": town.county_code, "township_code": town.code, "kind": kind,
            "partners": partners,
            "participants": rng.randint(low, high), "record": record, "hours": 0.0, "trainees": 0, "completed": 0})
        ctx.index("center_event", eid, title, place, partners, record)


def build_support(ctx: Ctx, people: People, stations: list[Station], visits: int) -> None:
    """Support records (輔導紀錄) for the workstations; some are the record of a visit to the station."""
    rng = ctx.rng("support")
    n = max(12, round(visits * 0.3))
    # stations that closed before the 24 months get no support; the first station is always active
    weights = [0 if s.term_end and s.term_end < ctx.start else 1 if s.status in ("applying", "closed", "terminated")
               else 4 for s in stations]
    kinds = [k.value for k in SupportKind]
    drawn = kinds + rng.choices(kinds, (30, 15, 15, 15, 10, 15), k=max(0, n - len(kinds)))  # every kind once
    hours = (0.5, 1.0, 1.5, 2.0, 2.0, 2.5, 3.0, 3.0, 4.0, 6.0, 8.0)
    labels = SupportKind.labels_zh()
    counselors = people.counselors
    rows, links, docs = ctx.rows["support_record"], ctx.rows["support_counselor"], ctx.docs["support_record"]
    rnd = rng.random

    def pick(seq):  # rng.choice without its overhead (30,000 records at 100,000 visits)
        return seq[int(rnd() * len(seq))]

    for station, kind in zip(rng.choices(stations, weights, k=n), drawn):
        visit_id = proposal_id = None
        if kind == SupportKind.VISIT and station.visits:
            visit_id, day = pick(station.visits)
        else:
            lo = max(ctx.start, station.term_start or ctx.start)
            hi = min(ctx.today, station.term_end or ctx.today)
            day = ctx.day_between(rng, lo, hi) if lo <= hi else ctx.recent_day(rng)
        if kind == SupportKind.PROPOSAL and station.proposals:
            proposal_id = pick(station.proposals)
        ind = pick(station.town.industries)
        topics = pick(text.SUPPORT_TOPICS[kind]).format(ind=ind)
        outcome = pick(text.SUPPORT_OUTCOMES).format(ind=ind)
        low, high = (8, 60) if kind in ("training", "event") else (1, 8)
        rid = ctx.new_id()
        created = ctx.stamp(day + timedelta(days=int(rnd() * 3)), rng)
        rows.append({
            **ctx.synced(rid, created), "center_code": ctx.center, "workstation_id": station.id, "support_date": day,
            "kind": kind, "hours": pick(hours), "participants": low + int(rnd() * (high - low + 1)),
            "topics": topics, "outcome": outcome, "visit_id": visit_id, "proposal_id": proposal_id})
        first = int(rnd() * len(counselors))
        met = [counselors[first]] if rnd() < 0.6 else [counselors[first], counselors[first - 1]]
        for cid, _ in met:
            links.append({"support_id": rid, "counselor_id": cid})
        docs.append((rid, "\n".join((station.name, labels[kind], topics, outcome, " ".join(nm for _, nm in met)))))

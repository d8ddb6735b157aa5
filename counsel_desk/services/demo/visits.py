"""Demo site visits (實地訪視) with their counselors, contacts met and follow-ups (追蹤事項).

This is the hot loop of the generator (100,000 visits), so it works on date ordinals, draws with
``rng.random()`` where it can and fills a handful of templates per visit.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable, Iterator

from counsel_desk.models.enums import FollowUpStatus, VisitMode
from counsel_desk.models.stocktaking import seeded_topic_id
from counsel_desk.services.demo import text
from counsel_desk.services.demo.context import Ctx, Town
from counsel_desk.services.demo.people import Org, People

MODES = (VisitMode.ONSITE.value, VisitMode.PHONE.value, VisitMode.VIDEO.value, VisitMode.MEETING.value)
MODE_WEIGHTS = (75, 8, 10, 7)
COUNSELORS_AT_VISIT = (1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3)  # 1.46 on average
OPEN, IN_PROGRESS, CLOSED, CANCELLED = (s.value for s in (
    FollowUpStatus.OPEN, FollowUpStatus.IN_PROGRESS, FollowUpStatus.CLOSED, FollowUpStatus.CANCELLED))


@dataclass
class Station:
    """What visits, proposals and support records need to know about a demo workstation."""

    id: str
    name: str
    town: Town
    operator: Org
    status: str
    term_start: date | None
    term_end: date | None
    visits: list[tuple[str, date]]
    proposals: list[str]


@dataclass
class Space:
    id: str
    name: str
    town: Town
    team: Org | None


def _visit_days(ctx: Ctx, rng, n: int) -> list[date]:
    """Sorted visit dates over the 24 months before today, mostly weekdays, a few in this month."""
    lo = ctx.start.toordinal()
    span = (ctx.today - ctx.start).days + 1
    month_lo = ctx.today.replace(day=1).toordinal()
    month_span = ctx.today.toordinal() - month_lo + 1
    rnd = rng.random
    out = []
    for i in range(n):
        d = (month_lo + int(rnd() * month_span)) if i < 3 else (lo + int(rnd() * span))
        wd = (d - 1) % 7  # 0 = Monday
        if wd >= 5 and rnd() < 0.85 and d - (wd - 4) >= lo:
            d -= wd - 4  # a weekend visit moves to the Friday before
        out.append(d)
    out.sort()
    return [date.fromordinal(d) for d in out]


# 推動課題 a visit meets (seeded codes, models/stocktaking.py), weighted by the kind of place
TOPIC_WEIGHTS = {"DNA": 14, "CONSENSUS": 12, "TALENT": 14, "FUNDING": 10, "LAND": 5, "RULES": 5, "MARKET": 12,
                 "SPACE": 6, "TRANSPORT": 3, "AGENCIES": 6, "SUCCESSION": 6}
TOPIC_BOOST = {"indigenous": {"LAND": 3.0, "RULES": 2.5, "CONSENSUS": 1.5},
               "offshore": {"TRANSPORT": 5.0, "TALENT": 1.5, "SUCCESSION": 2.0}}
_TOPIC_IDS = {code: seeded_topic_id(code) for code in TOPIC_WEIGHTS}


def _topics(rnd: Callable[[], float], town: Town) -> list[str]:
    """0–2 coded topics for a visit (about two visits in three carry one)."""
    r = rnd()
    k = 0 if r < 0.35 else 1 if r < 0.8 else 2
    weights = dict(TOPIC_WEIGHTS)
    for kind, on in (("indigenous", town.indigenous), ("offshore", town.offshore)):
        if on:
            for code, factor in TOPIC_BOOST[kind].items():
                weights[code] *= factor
    chosen: list[str] = []
    total = sum(weights.values())
    codes = list(weights)
    while len(chosen) < k:
        x, acc, pick = rnd() * total, 0.0, codes[-1]
        for c in codes:
            acc += weights[c]
            if x < acc:
                pick = c
                break
        if pick not in chosen:
            chosen.append(pick)
    return [_TOPIC_IDS[c] for c in chosen]


def build_visits(ctx: Ctx, people: People, stations: list[Station], spaces: list[Space], n: int,
                 chunk: int = 5000) -> Iterator[int]:
    """Add visits, their links and follow-ups to ``ctx.rows`` (and their text to ``ctx.docs``).

    A generator: it yields the number of visits built so far every ``chunk`` visits, so that the
    caller can write and drop those rows before building more (memory stays flat at any size).
    """
    rng = ctx.rng("visits")
    frng = ctx.rng("followups")
    rnd, frnd = rng.random, frng.random
    trnd = ctx.rng("visit_topics").random  # its own stream: tagging leaves every other draw as it was
    days = _visit_days(ctx, rng, n)
    towns = ctx.pick_towns(rng, n)
    modes = rng.choices(MODES, MODE_WEIGHTS, k=n)
    stations_by_county: dict[str, list[Station]] = defaultdict(list)
    for s in stations:
        stations_by_county[s.town.county_code].append(s)
    spaces_by_county: dict[str, list[Space]] = defaultdict(list)
    for sp in spaces:
        spaces_by_county[sp.town.county_code].append(sp)
    counselors = people.counselors
    n_counselors = len(counselors)
    by_town, by_county = people.by_town, people.by_county
    rows, docs = ctx.rows, ctx.docs
    advice_indigenous = text.ADVICE + text.ADVICE_INDIGENOUS
    purposes, spaces_words, notes_pool, followups = text.PURPOSES, text.SPACES, text.NOTES, text.FOLLOWUPS
    sentences, findings_pool, issues_pool, advice_pool = text.sentences, text.FINDINGS, text.ISSUES, text.ADVICE
    results, cancelled = text.FOLLOWUP_RESULTS, text.FOLLOWUP_CANCELLED
    center, actor, today, stamp, new_id = ctx.center, ctx.actor, ctx.today, ctx.stamp, ctx.new_id
    today_ord = today.toordinal()
    years = ctx.visit_years
    lag = (0, 0, 0, 1, 1, 2, 3)

    def pick(seq, r):  # rng.choice without its overhead; r is a uniform draw in [0, 1)
        return seq[int(r * len(seq))]

    for i in range(n):
        if i and i % chunk == 0:
            yield i
        day, town = days[i], towns[i]
        station = space = org = None
        r = rnd()
        if r < 0.12 and town.county_code in stations_by_county:
            station = pick(stations_by_county[town.county_code], rnd())
            town, org, visited = station.town, station.operator, station.name
        elif r < 0.15 and town.county_code in spaces_by_county:
            space = pick(spaces_by_county[town.county_code], rnd())
            town, org, visited = space.town, space.team, space.name
        else:
            local = by_town.get(town.code)
            r2 = rnd()
            if local and r2 < 0.85:
                org = pick(local, rnd())
            elif r2 < 0.95:
                org = pick(by_county[town.county_code], rnd())
                town = org.town
            visited = org.name if org else f"{town.short}返鄉青年{text.person_name(rng, town.indigenous)}"
        ind = pick(town.industries, rnd())
        kw = {"town": town.short, "ind": ind, "org": visited, "space": pick(spaces_words, rnd()),
              "n": 2 + int(rnd() * 10), "k": 1 + int(rnd() * 6), "m": 30 + int(rnd() * 1500)}
        purpose = pick(purposes, rnd()).format_map(kw)
        findings = sentences(rnd, findings_pool, 2 + (rnd() < 0.3), kw)
        issues = sentences(rnd, issues_pool, 1 + (rnd() < 0.5), kw)
        advice = sentences(rnd, advice_indigenous if town.indigenous else advice_pool, 1 + (rnd() < 0.6), kw)
        notes = pick(notes_pool, rnd()) if rnd() < 0.2 else ""
        vid = new_id()
        created = stamp(day + timedelta(days=pick(lag, rnd())), rng)
        rows["site_visit"].append({
            "id": vid, "created_at": created, "updated_at": created, "updated_by": actor, "version": 1,
            "deleted_at": None, "center_code": center, "visit_date": day, "county_code": town.county_code,
            "township_code": town.code, "organization_id": org.id if org else None,
            "workstation_id": station.id if station else None, "public_space_id": space.id if space else None,
            "visited_name": visited, "mode": modes[i], "purpose": purpose, "findings": findings, "issues": issues,
            "advice": advice, "notes": notes,
            # a few on-site visits flagged 重點 for the monthly report's key visits (no random draw: the
            # same seed keeps giving the same rows)
            "key_visit": modes[i] == "onsite" and i % 30 == 0})
        years[day.year] += 1
        # 1–3 counselors: a random one and, sometimes, the next one or two on the roster
        first, k = int(rnd() * n_counselors), pick(COUNSELORS_AT_VISIT, rnd())
        met = [counselors[(first + j) % n_counselors] for j in range(k)]
        for cid, _ in met:
            rows["visit_counselor"].append({"visit_id": vid, "counselor_id": cid})
        if org is not None and org.contacts and rnd() < 0.35:
            for cid, _ in org.contacts[:1 + (rnd() < 0.3)]:
                rows["visit_contact"].append({"visit_id": vid, "contact_id": cid})
        for tid in _topics(trnd, town):
            rows["visit_issue_topic"].append({"visit_id": vid, "topic_id": tid})
        if station is not None:
            station.visits.append((vid, day))
        names = " ".join(name for _, name in met)
        org_name = org.name if org is not None and org.name != visited else ""
        docs["site_visit"].append((vid, "\n".join((visited, purpose, findings, issues, advice, notes,
                                                   f"{town.county} {town.name}", names, org_name))))
        # follow-ups: 0, 1 or 2 per visit (0.6 on average); older ones are mostly closed
        fr = frnd()
        count = 0 if fr < 0.5 else 1 if fr < 0.9 else 2
        age = today_ord - day.toordinal()
        for _ in range(count):
            due = day + timedelta(days=14 + int(frnd() * 47))
            s = frnd()
            # a working center closes most of its follow-ups: about one in ten is overdue at any time
            if age > 120:
                status = CLOSED if s < 0.86 else CANCELLED if s < 0.93 else IN_PROGRESS if s < 0.97 else OPEN
            elif age > 30:
                status = CLOSED if s < 0.62 else CANCELLED if s < 0.68 else IN_PROGRESS if s < 0.88 else OPEN
            else:
                status = CLOSED if s < 0.12 else CANCELLED if s < 0.15 else IN_PROGRESS if s < 0.45 else OPEN
            o = frnd()
            if o < 0.7:
                owner = pick(met, frnd())[1]
            elif org is not None and org.contacts:
                owner = pick(org.contacts, frnd())[1]
            else:
                owner = "公所承辦人"
            description = pick(followups, frnd()).format(ind=ind, k=1 + int(frnd() * 3))
            followup_date = None
            result = ""
            updated = created
            if status == CLOSED or (status == CANCELLED and frnd() < 0.7):
                followup_date = date.fromordinal(min(today_ord, day.toordinal() + 3 + int(frnd() * min(age, 90))))
                result = pick(results if status == CLOSED else cancelled, frnd())
                updated = max(created, stamp(followup_date, frng))
            fid = new_id()
            rows["followup"].append({
                "id": fid, "created_at": created, "updated_at": updated, "updated_by": actor, "version": 1,
                "deleted_at": None, "visit_id": vid, "description": description, "owner": owner, "due_date": due,
                "status": status, "followup_date": followup_date, "result": result})
            docs["followup"].append((fid, f"{description}\n{owner}\n{result}" if result else f"{description}\n{owner}"))
    yield n

"""Demo township plans (地方創生計畫) and business proposals (事業提案) in every stage and on both routes.

A proposal's stage history is a path through the stages that ends in its current stage (with, now
and then, a round of 退回修正 on the way); its sections, scores and comments follow from how far it
got: every section once past drafting, scores on all three criteria once the center reviewed it.
"""

from __future__ import annotations

from datetime import date, timedelta

from counsel_desk.models.enums import Criterion, OrgKind, Route, SectionKey, Stage
from counsel_desk.services.demo import text
from counsel_desk.services.demo.context import SPAN_DAYS, Ctx
from counsel_desk.services.demo.people import APPLICANT_KINDS, Org, People
from counsel_desk.services.demo.visits import Space, Station
from counsel_desk.services.proposals.stages import in_flow
from counsel_desk.services.formatting import ROC_OFFSET

# drawn in the multi-channel flow's names; an existing-route record takes its flow's counterparts
STAGES = [s.value for s in Stage if s not in (Stage.TOWNSHIP_FILED, Stage.COUNTY_REVIEW)]
STAGE_WEIGHTS = (18, 22, 12, 10, 8, 15, 9, 4)  # most under way, a few turned down, as at a working center
MAIN_PATH = ["idea", "drafting", "center_review", "sent", "council"]
SECTION_KEYS = [k.value for k in SectionKey]
WORK_ITEM_WEIGHTS = {"NDC": 5, "MOEA": 3, "COA": 4, "MOC": 2, "MOTC-TOUR": 2}
MIN_LINE, MAX_TOTAL = 500_000, 20_000_000


def stage_path(rng, stage: str) -> list[str]:
    """The stages a proposal went through to reach ``stage``, oldest first."""
    if stage in MAIN_PATH:
        path = MAIN_PATH[:MAIN_PATH.index(stage) + 1]
    elif stage == Stage.RETURNED:
        path = MAIN_PATH[:4 + (rng.random() < 0.4)] + [stage]
    else:
        path = MAIN_PATH + [stage]
    if len(path) >= 4 and path[-1] != Stage.RETURNED and rng.random() < 0.2:
        path = MAIN_PATH[:4] + ["returned", "drafting", "center_review"] + path[3:]
    return path


def in_route(path: list[str], route: str) -> list[str]:
    """The path in the route's own flow (公所提報 and 縣府審查 on the existing route)."""
    return [in_flow(s, route).value for s in path]


def timeline(ctx: Ctx, rng, steps: int) -> list[date]:
    """Dates of ``steps`` stage changes, 10–60 days apart, all within the 24 months before today."""
    gaps = [10 + int(rng.random() * 50) for _ in range(steps - 1)]
    room = SPAN_DAYS - 10
    if sum(gaps) > room:
        total = sum(gaps)
        gaps = [g * room // total for g in gaps]
    first = ctx.day_between(rng, ctx.start, ctx.today - timedelta(days=sum(gaps)))
    days = [first]
    for g in gaps:
        days.append(days[-1] + timedelta(days=g))
    return days


def _history(ctx: Ctx, rng, path: list[str], stamps, ind: str, route: str, *, proposal_id=None,
             plan_id=None) -> None:
    path = in_route(path, route)
    comments = [text.STAGE_COMMENTS[to] for to in path]
    for n, (to, at) in enumerate(zip(path, stamps)):
        ctx.add("stage_change", {
            **ctx.synced(ctx.new_id(), at), "proposal_id": proposal_id, "plan_id": plan_id,
            "from_stage": path[n - 1] if n else "", "to_stage": to,
            "comment": comments[n].format(ind=ind), "changed_at": at, "snapshot_json": ""})


class ProposalBuilder:
    def __init__(self, ctx: Ctx, people: People, stations: list[Station], spaces: list[Space]):
        self.ctx, self.people, self.stations, self.spaces = ctx, people, stations, spaces
        self.rng = ctx.rng("proposals")
        self.items = ctx.work_items
        self.item_weights = [WORK_ITEM_WEIGHTS.get(code, 1) for code in self.items]
        self.titles: set[str] = set()

    def plans(self, visits: int) -> int:
        """Plans of township offices, each grouping 2–4 proposals on the existing route; returns the proposals."""
        ctx, rng = self.ctx, self.rng
        offices = self.people.by_kind[OrgKind.TOWNSHIP_OFFICE]
        made = 0
        for i in range(max(2, visits // 500)):
            office = offices[i % len(offices)]
            stage = STAGES[i % 2 + 4] if i < 2 else rng.choices(STAGES, STAGE_WEIGHTS)[0]
            path = stage_path(rng, stage)
            stamps = [ctx.stamp(d, rng) for d in timeline(ctx, rng, len(path))]
            ind = rng.choice(office.town.industries)
            plan_id = ctx.new_id()
            counselor = rng.choice(self.people.counselors)[0]
            ctx.add("plan", {
                **ctx.synced(plan_id, stamps[0], stamps[-1]), "center_code": ctx.center,
                "title": f"{office.town.county}{office.town.name}地方創生計畫－{ind}產業再生",
                "organization_id": office.id, "county_code": office.town.county_code,
                "township_code": office.town.code, "counselor_id": counselor,
                "stage": in_flow(stage, Route.EXISTING.value).value,
                "notes": rng.choice(text.PLAN_NOTES)})
            _history(ctx, rng, path, stamps, ind, Route.EXISTING.value, plan_id=plan_id)
            for _ in range(2 + int(rng.random() * 3)):
                self.proposal(Route.EXISTING.value, stage, office, plan_id=plan_id, path=path, stamps=stamps)
                made += 1
        return made

    def standalone(self, count: int) -> None:
        rng = self.rng
        combos = [(stage, route.value) for stage in STAGES for route in Route]
        for i in range(count):
            if i < len(combos):
                stage, route = combos[i]
            else:
                stage = rng.choices(STAGES, STAGE_WEIGHTS)[0]
                route = Route.EXISTING.value if rng.random() < 0.55 else Route.MULTI.value
            if route == Route.EXISTING:
                org = rng.choice(self.people.by_kind[OrgKind.TOWNSHIP_OFFICE])
            else:
                org = rng.choice(self.people.by_kind[rng.choice(APPLICANT_KINDS)])
            self.proposal(route, stage, org)

    def proposal(self, route: str, stage: str, org: Org, *, plan_id=None, path=None, stamps=None) -> None:
        ctx, rng = self.ctx, self.rng
        town = org.town
        if path is None:
            path = stage_path(rng, stage)
            stamps = [ctx.stamp(d, rng) for d in timeline(ctx, rng, len(path))]
        ind = rng.choice(town.industries)
        pid = ctx.new_id()
        station = None
        if route == Route.MULTI and rng.random() < 0.5:
            near = [s for s in self.stations if s.town.county_code == town.county_code] or self.stations
            station = rng.choice(near)
            station.proposals.append(pid)
        near_spaces = [s for s in self.spaces if s.town.county_code == town.county_code]
        space = rng.choice(near_spaces) if near_spaces and rng.random() < 0.1 else None
        for _ in range(10):
            title = f"{town.short}{ind}{rng.choice(text.PROPOSAL_SUFFIX)}"
            if title not in self.titles:
                break
            ind = rng.choice(town.industries)
        self.titles.add(title)
        total = self._funding(pid, stamps[0], stamps[-1], town.indigenous)
        ctx.add("proposal", {
            **ctx.synced(pid, stamps[0], stamps[-1]), "center_code": ctx.center, "plan_id": plan_id, "title": title,
            "applicant_type": org.kind, "organization_id": org.id, "county_code": town.county_code,
            "township_code": town.code, "route": route, "workstation_id": station.id if station else None,
            "counselor_id": rng.choice(self.people.counselors)[0], "public_space_id": space.id if space else None,
            "stage": in_flow(stage, route).value, "stage_changed_at": stamps[-1],
            "self_funding": int(total * (0.1 + rng.random() * 0.2)) // 10_000 * 10_000,
            "matching_funds": (int(total * (0.05 + rng.random() * 0.1)) // 10_000 * 10_000
                               if route == Route.EXISTING or rng.random() < 0.3 else 0)})
        if org.contacts and rng.random() < 0.6:
            ctx.add("proposal_contact", {"proposal_id": pid, "contact_id": org.contacts[0][0]})
        _history(ctx, rng, path, stamps, ind, route, proposal_id=pid)
        kw = {"town": town.short, "ind": ind, "k": 2 + int(rng.random() * 10), "n": 1 + int(rng.random() * 6),
              "m": 5 + int(rng.random() * 30)}
        reviewed = "center_review" in path
        keys = SECTION_KEYS if reviewed else SECTION_KEYS[:3 + int(rng.random() * 3)] if "drafting" in path \
            else SECTION_KEYS[:1 + (rng.random() < 0.5)]
        bodies = []
        for key in keys:
            body = text.SECTION_BODIES[key].format(**kw)
            bodies.append(body)
            ctx.add("proposal_section", {**ctx.synced(ctx.new_id(), stamps[0], stamps[min(1, len(stamps) - 1)]),
                                         "proposal_id": pid, "section_key": key, "body": body})
        if reviewed:
            lo, hi = {"approved": (3, 5), "rejected": (1, 3)}.get(stage, (2, 5))
            at = stamps[path.index("center_review")]
            for criterion in Criterion:
                score = rng.randint(lo, hi)
                comment = text.SCORE_COMMENTS[criterion.value][0 if score >= 4 else 1 if score == 3 else 2]
                ctx.add("proposal_score", {**ctx.synced(ctx.new_id(), at), "proposal_id": pid,
                                           "criterion": criterion.value, "score": score,
                                           "comment": comment.format(ind=ind)})
        comments = []
        for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
            body = rng.choice(text.COMMENTS).format(ind=ind)
            comments.append(body)
            at = ctx.stamp(ctx.day_between(rng, stamps[0].date(), stamps[-1].date()), rng)
            ctx.add("proposal_comment", {**ctx.synced(ctx.new_id(), at), "proposal_id": pid,
                                         "author": self.people.counselor_name(rng.choice(self.people.counselors)[0]),
                                         "body": body})
        ctx.index("proposal", pid, title, org.name, f"{town.county} {town.name}", *bodies, *comments)

    def _funding(self, pid: str, created, updated, indigenous: bool) -> int:
        """Funding lines over 1–3 work items and 1–2 ROC years: each ≥ NT$500,000, total ≤ NT$20,000,000."""
        ctx, rng = self.ctx, self.rng
        weights = [w * (4 if indigenous and code == "CIP" else 1) for code, w in zip(self.items, self.item_weights)]
        items: list[str] = []
        while len(items) < 1 + int(rng.random() * 3):
            code = rng.choices(self.items, weights)[0]
            if code not in items:
                items.append(code)
        # years inside the plan whose table (表 1) the work items come from: a line after its last year
        # would ask for money no loaded plan allocates
        lo, hi = ctx.work_item_years
        first_year = min(max(created.year - ROC_OFFSET + (created.month >= 7), lo), hi)
        years = [first_year] if rng.random() < 0.5 or first_year == hi else [first_year, first_year + 1]
        slots = [(code, y) for code in items for y in years]
        floor = MIN_LINE * len(slots)
        total = floor + int((MAX_TOTAL - floor) * rng.random() ** 2) // 10_000 * 10_000
        shares = [rng.random() + 0.2 for _ in slots]
        extra = total - floor
        amounts = [MIN_LINE + int(extra * s / sum(shares)) // 10_000 * 10_000 for s in shares]
        amounts[-1] += total - sum(amounts)
        for (code, y), amount in zip(slots, amounts):
            ctx.add("funding_line", {**ctx.synced(ctx.new_id(), created, updated), "proposal_id": pid,
                                     "work_item_code": code, "roc_year": y, "amount": amount})
        return total


def build_proposals(ctx: Ctx, people: People, stations: list[Station], spaces: list[Space], visits: int) -> None:
    builder = ProposalBuilder(ctx, people, stations, spaces)
    in_plans = builder.plans(visits)
    builder.standalone(max(len(STAGES) * len(Route), visits // 80 - in_plans))

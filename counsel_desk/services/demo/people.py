"""Demo counselors (輔導員), organizations and their contact people."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from counsel_desk.models.enums import OrgKind
from counsel_desk.services.demo import text
from counsel_desk.services.demo.context import Ctx, Town, clamp

AREA_CODES = {"臺北市": "02", "新北市": "02", "基隆市": "02", "桃園市": "03", "新竹市": "03", "新竹縣": "03",
              "宜蘭縣": "03", "花蓮縣": "03", "苗栗縣": "037", "臺中市": "04", "彰化縣": "04", "南投縣": "049",
              "雲林縣": "05", "嘉義市": "05", "嘉義縣": "05", "臺南市": "06", "澎湖縣": "06", "高雄市": "07",
              "屏東縣": "08", "臺東縣": "089", "金門縣": "082", "連江縣": "0836"}
# Kinds of the organisations a center meets, besides township offices and county governments.
OTHER_KINDS = (OrgKind.ASSOCIATION, OrgKind.LOCAL_GROUP, OrgKind.COMPANY, OrgKind.SHOP, OrgKind.SOCIAL_ENTERPRISE,
               OrgKind.SCHOOL, OrgKind.OTHER)
OTHER_WEIGHTS = (22, 22, 18, 20, 10, 5, 3)
# Kinds that may file a multi-channel proposal (多元徵案); every one must exist in the demo.
APPLICANT_KINDS = (OrgKind.SHOP, OrgKind.COMPANY, OrgKind.SOCIAL_ENTERPRISE, OrgKind.ASSOCIATION, OrgKind.LOCAL_GROUP)


@dataclass
class Org:
    id: str
    name: str
    kind: str
    town: Town
    contacts: list[tuple[str, str]] = field(default_factory=list)  # (id, name)


@dataclass
class People:
    counselors: list[tuple[str, str]] = field(default_factory=list)  # (id, name)
    orgs: list[Org] = field(default_factory=list)
    by_town: dict[str, list[Org]] = field(default_factory=lambda: defaultdict(list))
    by_county: dict[str, list[Org]] = field(default_factory=lambda: defaultdict(list))
    by_kind: dict[str, list[Org]] = field(default_factory=lambda: defaultdict(list))
    names: set[str] = field(default_factory=set)

    def counselor_name(self, cid: str) -> str:
        return self._names_by_id[cid]

    def finish(self) -> None:
        self._names_by_id = dict(self.counselors)


def build_counselors(ctx: Ctx, people: People, visits: int) -> None:
    rng = ctx.rng("counselors")
    n = clamp(6 + visits // 5000, 6, 12)
    hired = ctx.stamp(ctx.start - timedelta(days=60), rng)
    taken: set[str] = set()
    while len(people.counselors) < n:
        name = text.person_name(rng)
        if name in taken:
            continue
        taken.add(name)
        cid = ctx.new_id()
        ctx.add("counselor", {**ctx.synced(cid, hired), "center_code": ctx.center, "name": name,
                              "email": text.email_for(rng, name), "phone": text.mobile(rng), "active": True})
        people.counselors.append((cid, name))
    people.finish()


def _landline(rng: random.Random, county: str) -> str:
    area = AREA_CODES.get(county, "02")
    digits = 10 - len(area)
    return f"{area}-{rng.randrange(2 * 10 ** (digits - 1), 10 ** digits)}"


def _org_name(rng: random.Random, kind: str, town: Town) -> str:
    ind = rng.choice(town.industries)
    word = rng.choice(text.ORG_WORDS)
    kw = {"town": town.short, "county": town.county, "ind": ind, "word": word, "village": rng.choice(text.VILLAGES)}
    if kind == OrgKind.TOWNSHIP_OFFICE:
        return f"{town.county}{town.name}公所"
    if kind == OrgKind.COUNTY_GOVERNMENT:
        return f"{town.county}政府"
    if kind == OrgKind.ASSOCIATION:
        return rng.choice(text.ASSOC_PATTERNS).format(**kw)
    if kind == OrgKind.LOCAL_GROUP:
        return rng.choice(text.LOCAL_GROUP_PATTERNS).format(**kw)
    if kind == OrgKind.COMPANY:
        return rng.choice((word, town.short + word, word + ind)) + rng.choice(text.COMPANY_SUFFIX)
    if kind == OrgKind.SHOP:
        return rng.choice((word, town.short + word, ind)) + rng.choice(text.SHOP_SUFFIX)
    if kind == OrgKind.SOCIAL_ENTERPRISE:
        return rng.choice((word, town.short + word, ind + word)) + rng.choice(text.SOCIAL_SUFFIX)
    if kind == OrgKind.SCHOOL:
        return rng.choice(text.SCHOOL_PATTERNS).format(**kw)
    return rng.choice(text.OTHER_PATTERNS).format_map(kw)


def add_org(ctx: Ctx, people: People, rng: random.Random, kind: str, town: Town, name: str | None = None,
            contacts: int | None = None) -> Org:
    """Create an organisation with 1–3 contact people; its name is unique unless the names run out."""
    if name is None:
        for _ in range(8):
            name = _org_name(rng, kind, town)
            if name not in people.names:
                break
    people.names.add(name)
    oid = ctx.new_id()
    created = ctx.stamp(ctx.day_between(rng, ctx.start - timedelta(days=120), ctx.today - timedelta(days=30)), rng)
    ind = rng.choice(town.industries)
    address = f"{town.county}{town.name}{rng.choice(text.ROADS)}{rng.randrange(1, 300)}號"
    row = ctx.add("organization", {
        **ctx.synced(oid, created), "name": name, "kind": str(kind), "county_code": town.county_code,
        "township_code": town.code, "address": address,
        "phone": _landline(rng, town.county), "email": f"service{len(people.orgs) + 1:05d}@example.com",
        "notes": f"主要產業：{ind}" if rng.random() < 0.4 else ""})
    org = Org(oid, name, str(kind), town)
    titles = text.TITLES.get(str(kind), text.TITLES["other"])
    for _ in range(contacts if contacts is not None else rng.choice((1, 1, 2, 2, 2, 3))):
        cid = ctx.new_id()
        person = text.person_name(rng, town.indigenous)
        ctx.add("contact", {**ctx.synced(cid, created), "organization_id": oid, "name": person,
                            "title": rng.choice(titles), "phone": text.mobile(rng),
                            "email": text.email_for(rng, person),
                            "personal_notes": "偏好電話聯繫" if rng.random() < 0.1 else "", "erased_at": None})
        org.contacts.append((cid, person))
    ctx.index("organization", oid, name, OrgKind(kind).zh, row["address"], row["notes"],
              " ".join(person for _, person in org.contacts))
    people.orgs.append(org)
    people.by_town[town.code].append(org)
    people.by_county[town.county_code].append(org)
    people.by_kind[org.kind].append(org)
    return org


def _weighted_order(rng: random.Random, towns: list[Town]) -> list[Town]:
    """Towns in a weighted random order without repeats (Efraimidis–Spirakis keys)."""
    return sorted(towns, key=lambda t: rng.random() ** (1.0 / t.weight), reverse=True)


def build_organizations(ctx: Ctx, people: People, visits: int) -> None:
    rng = ctx.rng("organizations")
    n = max(25, visits // 15)
    for county_code in ctx.counties:
        seat = ctx.towns_by_county[county_code][0]
        add_org(ctx, people, rng, OrgKind.COUNTY_GOVERNMENT, seat)
    offices = min(len(ctx.towns), max(6, n // 5))
    for town in _weighted_order(rng, ctx.towns)[:offices]:
        add_org(ctx, people, rng, OrgKind.TOWNSHIP_OFFICE, town)
    rest = max(0, n - len(people.orgs))
    kinds = list(APPLICANT_KINDS) * 2 + rng.choices(OTHER_KINDS, OTHER_WEIGHTS, k=max(0, rest - 10))
    for kind, town in zip(kinds, ctx.pick_towns(rng, len(kinds))):
        add_org(ctx, people, rng, kind, town)

"""What every part of the demo generator shares: seeded randomness, ids, dates, geography, the rows.

Each part draws from its own stream (``ctx.rng("visits")``), seeded from the run's seed and the
part's name, so that the output depends only on the seed and ``today``. Ids come from one more
stream and timestamps from ``today``, never from the clock.
"""

from __future__ import annotations

import math
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import func, select

from counsel_desk.errors import UserError
from counsel_desk.models import County, Township, WorkItem, WorkItemAllocation
from counsel_desk.services.places import geo
from counsel_desk.services.demo import text
from counsel_desk.services.formatting import ROC_OFFSET

SPAN_DAYS = 730  # the 24 months before today
# Where each center's office sits (a township's MOI code): counselors travel from there, so far places get
# fewer visits (臺北市中正區, 臺中市西區, 臺南市東區, 花蓮市).
CENTER_SEATS = {"north": "63000050", "central": "66000040", "south": "67000320", "east": "10015010"}
TRAVEL_KM = 90.0  # visits fall to 1/e at this distance from the office
OFFSHORE_FACTOR = 0.35  # a boat or a flight away: fewer visits again


@dataclass
class Town:
    """A township of the center's counties, with the industries it is known for in the demo."""

    code: str
    county_code: str
    county: str
    name: str
    short: str  # 三峽區 → 三峽, for names such as 三峽青年返鄉協會
    indigenous: bool
    weight: float
    industries: tuple[str, ...] = ()
    area_km2: float = 0.0
    distance_km: float = 0.0
    offshore: bool = False
    mountain: bool = False  # 山地原住民族地區


@dataclass
class Ctx:
    seed: int
    center: str
    today: date
    actor: str
    towns: list[Town] = field(default_factory=list)
    counties: dict[str, str] = field(default_factory=dict)  # code → name
    work_items: list[str] = field(default_factory=list)
    rows: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))
    docs: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    visit_years: Counter = field(default_factory=Counter)  # visits per Western year, for the targets
    youth: int = 0  # young people who stayed or returned, over all workstations, for the targets

    def __post_init__(self) -> None:
        self.start = self.today - timedelta(days=SPAN_DAYS)
        self.now = datetime.combine(self.today, time(10, 0), timezone.utc)  # 18:00 in Taiwan
        self.roc_year = self.today.year - ROC_OFFSET
        self._ids = random.Random(f"{self.seed}:ids")
        self._bits = self._ids.getrandbits

    # -- randomness and ids -------------------------------------------------------------------------
    def rng(self, part: str) -> random.Random:
        return random.Random(f"{self.seed}:{part}")

    def new_id(self) -> str:
        """A version-4 UUID from the seeded stream; same text as ``str(uuid.UUID(int=…, version=4))``."""
        n = (self._bits(128) & ~(0xF000 << 64) & ~(0xC000 << 48)) | (4 << 76) | (0x8000 << 48)
        h = "%032x" % n
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    # -- time -------------------------------------------------------------------------------------
    def stamp(self, day: date, rng: random.Random) -> datetime:
        """A UTC moment in Taiwan's working hours (09:00–18:00) of ``day``, never after ``now``."""
        at = datetime(day.year, day.month, day.day, 1, 0, tzinfo=timezone.utc) + timedelta(
            seconds=int(rng.random() * 32400))
        return at if at < self.now else self.now

    def day_between(self, rng: random.Random, lo: date, hi: date) -> date:
        if hi <= lo:
            return lo
        return lo + timedelta(days=int(rng.random() * ((hi - lo).days + 1)))

    def recent_day(self, rng: random.Random) -> date:
        return self.day_between(rng, self.start, self.today)

    def synced(self, rid: str, created: datetime, updated: datetime | None = None) -> dict:
        return {"id": rid, "created_at": created, "updated_at": updated or created, "updated_by": self.actor,
                "version": 1, "deleted_at": None}

    # -- output -----------------------------------------------------------------------------------
    def add(self, table: str, row: dict) -> dict:
        self.rows[table].append(row)
        return row

    def index(self, entity: str, rid: str, *parts: str | None) -> None:
        self.docs[entity].append((rid, "\n".join(p for p in parts if p)))

    # -- geography --------------------------------------------------------------------------------
    def load_geography(self, conn) -> None:
        """The center's counties (by their default center in this database) and their townships."""
        rng = self.rng("geography")
        self.counties = {code: name for code, name in conn.execute(
            select(County.code, County.name).where(County.default_center == self.center).order_by(County.sort_order))}
        if not self.counties:
            raise UserError("這個分區中心沒有負責的縣市，無法產生示範資料。",
                            "This center has no counties assigned; cannot generate demo data.")
        general = tuple(dict.fromkeys(text.INDUSTRIES + text.CENTER_INDUSTRIES.get(self.center, ())))
        shapes = geo.town_shapes()
        seat = geo.centroid(shapes[CENTER_SEATS.get(self.center, CENTER_SEATS["north"])])
        for code, county_code, name, indigenous in conn.execute(
                select(Township.code, Township.county_code, Township.name, Township.indigenous_area)
                .where(Township.county_code.in_(list(self.counties))).order_by(Township.code)):
            county = self.counties[county_code]
            shape = shapes.get(code)
            area = geo.area_km2(shape) if shape else 30.0
            here = geo.centroid(shape) if shape else seat
            distance = geo.distance_km(seat, here)
            offshore = geo.offshore(here)
            weight = rurality_weight(area, indigenous, distance, offshore)
            if offshore:
                pool = text.ISLAND_INDUSTRIES
            elif indigenous and rng.random() < 0.7:
                pool = text.INDIGENOUS_INDUSTRIES
            else:
                pool = text.MOUNTAIN_INDUSTRIES if area > 150 else general
            industries = tuple(rng.sample(pool, 2))
            self.towns.append(Town(code, county_code, county, name, name[:-1] if len(name) > 2 else name,
                                   bool(indigenous), weight, industries, area, distance, offshore,
                                   indigenous == "山地"))
        self.town_cum = []
        total = 0.0
        for t in self.towns:
            total += t.weight
            self.town_cum.append(total)
        self.towns_by_county: dict[str, list[Town]] = defaultdict(list)
        for t in self.towns:
            self.towns_by_county[t.county_code].append(t)
        self.work_items = list(conn.execute(select(WorkItem.code).order_by(WorkItem.sort_order)).scalars())
        lo, hi = conn.execute(select(func.min(WorkItemAllocation.roc_year), func.max(WorkItemAllocation.roc_year))).one()
        self.work_item_years = (lo or self.roc_year, hi or self.roc_year)

    def pick_towns(self, rng: random.Random, k: int) -> list[Town]:
        return rng.choices(self.towns, cum_weights=self.town_cum, k=k)


def rurality_weight(area_km2: float, indigenous: str | None, distance_km: float, offshore: bool) -> float:
    """How much a township draws the center's visits: rural places more (a larger area stands in for
    fewer people per km²; indigenous areas more again), far ones less (travel from the center's office),
    offshore ones less again. Never the township's name."""
    rurality = min(max(math.log10(max(area_km2, 1.0)) / 2.5, 0.0), 1.0)
    rurality += {"山地": 0.3, "平地": 0.15}.get(indigenous or "", 0.0)
    weight = (0.4 + rurality) * math.exp(-distance_km / TRAVEL_KM)
    return weight * (OFFSHORE_FACTOR if offshore else 1.0)


def clamp(value: int, lo: int, hi: int) -> int:
    return max(lo, min(hi, value))

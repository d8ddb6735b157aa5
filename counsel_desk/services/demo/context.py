"""What every part of the demo generator shares: seeded randomness, ids, dates, geography, the rows.

Each part draws from its own stream (``ctx.rng("visits")``), seeded from the run's seed and the
part's name, so that the output depends only on the seed and ``today``. Ids come from one more
stream and timestamps from ``today``, never from the clock.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import select

from counsel_desk.errors import UserError
from counsel_desk.models import County, Township, WorkItem
from counsel_desk.services.demo import text

SPAN_DAYS = 730  # the 24 months before today
_CITY_COUNTIES = ("臺北市", "新竹市", "嘉義市", "基隆市")  # mostly urban: fewer visits


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
        self.roc_year = self.today.year - 1911
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
        for code, county_code, name, indigenous in conn.execute(
                select(Township.code, Township.county_code, Township.name, Township.indigenous_area)
                .where(Township.county_code.in_(list(self.counties))).order_by(Township.code)):
            county = self.counties[county_code]
            weight = {"鄉": 3.0, "鎮": 2.2, "市": 1.3}.get(name[-1], 1.0)
            if indigenous:
                weight += 1.5
            if county in _CITY_COUNTIES:
                weight *= 0.5
            pool = text.INDIGENOUS_INDUSTRIES if indigenous and rng.random() < 0.7 else general
            industries = tuple(rng.sample(pool, 2))
            self.towns.append(Town(code, county_code, county, name, name[:-1] if len(name) > 2 else name,
                                   bool(indigenous), weight, industries))
        self.town_cum = []
        total = 0.0
        for t in self.towns:
            total += t.weight
            self.town_cum.append(total)
        self.towns_by_county: dict[str, list[Town]] = defaultdict(list)
        for t in self.towns:
            self.towns_by_county[t.county_code].append(t)
        self.work_items = list(conn.execute(select(WorkItem.code).order_by(WorkItem.sort_order)).scalars())

    def pick_towns(self, rng: random.Random, k: int) -> list[Town]:
        return rng.choices(self.towns, cum_weights=self.town_cum, k=k)


def clamp(value: int, lo: int, hi: int) -> int:
    return max(lo, min(hi, value))

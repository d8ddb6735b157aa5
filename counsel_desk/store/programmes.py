"""Programme definitions (計畫定義檔) as data: parsing, storing and the tables derived from them.

A programme file (``resources/programmes/*.json``, format in docs/programme.md) describes one plan:
its name, period in ROC years, work items with agency and yearly allocation (``null`` = unknown,
never invented), caps and rules with their sources. The database keeps the file each programme was
last loaded from (``programme_file``); a file with a lower version never replaces a higher one.
The work-item tables the rest of the app reads (``work_item``, ``work_item_allocation``) are
derived from the loaded files: each year's allocations are those of the plan in force that year.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection

from counsel_desk import paths
from counsel_desk.errors import UserError
from counsel_desk.i18n import pick
from counsel_desk.models import ProgrammeFile, WorkItem, WorkItemAllocation
from counsel_desk.store import audit

FORMAT = 1
HUNDRED_MILLION = 100_000_000  # 億元
MIN_YEAR, MAX_YEAR = 90, 200  # sanity bounds for a file's period (ROC years)


@dataclass(frozen=True)
class Source:
    document: str  # the document's title as cited
    article: str  # the article, table or passage

    @property
    def text(self) -> str:
        return f"{self.document}，{self.article}" if self.article else self.document


@dataclass(frozen=True)
class ProgrammeWorkItem:
    code: str
    agency: str  # as of today (e.g. 農業部)
    name: str
    agency_as_listed: str | None  # the name the programme's own table uses, when different (行政院農業委員會)
    allocations: dict[int, int | None]  # ROC year → NT$; None = unknown

    @property
    def agency_label(self) -> str:
        return f"{self.agency}（原{self.agency_as_listed}）" if self.agency_as_listed else self.agency


@dataclass(frozen=True)
class Cap:
    """A cap or a numbered rule of the plan: ``amount`` (NT$) and/or named ``values``; None = unknown."""

    amount: int | None  # NT$; None = unknown
    source: Source
    values: dict[str, float | int | None] = field(default_factory=dict)  # e.g. share 0.5, months 12

    def number(self, key: str) -> float | int | None:
        return self.values.get(key)

    @property
    def known(self) -> bool:
        return self.amount is not None or any(v is not None for v in self.values.values())


@dataclass(frozen=True)
class Rule:
    code: str
    text: str
    source: Source


@dataclass(frozen=True)
class Programme:
    code: str
    version: int
    name: str
    name_en: str
    issuer: str
    approved: str
    first_year: int
    last_year: int
    total: int | None  # NT$
    provisional_from: int | None  # 暫列: amounts from this ROC year on are provisional
    key_works: tuple[str, ...]
    agency_count: int | None
    agencies: tuple[str, ...] | None  # None = not public
    work_items: tuple[ProgrammeWorkItem, ...] | None  # None = split not public
    caps: dict[str, Cap]
    rules: tuple[Rule, ...]
    sources: dict[str, Source]  # what each figure rests on: "period", "total_100m", "work_items", …
    award_programmes: tuple[dict, ...] = ()
    body: str = field(default="", compare=False, repr=False)

    @property
    def years(self) -> range:
        return range(self.first_year, self.last_year + 1)

    @property
    def period_label(self) -> str:
        return f"民國 {self.first_year}–{self.last_year} 年"

    def covers(self, roc_year: int) -> bool:
        return self.first_year <= roc_year <= self.last_year

    def work_item(self, code: str) -> ProgrammeWorkItem | None:
        for w in self.work_items or ():
            if w.code == code:
                return w
        return None

    def is_provisional(self, roc_year: int) -> bool:
        return self.provisional_from is not None and roc_year >= self.provisional_from

    def cap(self, key: str) -> Cap | None:
        return self.caps.get(key)

    def rule(self, code: str) -> Rule | None:
        return next((r for r in self.rules if r.code == code), None)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body.encode("utf-8")).hexdigest()


def _bad(origin: str, zh: str, en: str) -> UserError:
    return UserError(f"計畫定義檔「{origin}」有誤：{zh}", f"The programme file '{origin}' is invalid: {en}")


def _money_100m(value, origin: str, where: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise _bad(origin, f"{where} 的金額須為非負數（億元）或 null（未知）。",
                   f"{where}: an amount must be a non-negative number (億元) or null (unknown).")
    return round(value * HUNDRED_MILLION)


def _source(sources: dict[str, str], pair, origin: str, where: str) -> Source:
    if not isinstance(pair, list) or len(pair) != 2 or not all(isinstance(x, str) for x in pair):
        raise _bad(origin, f"{where} 的出處須為 [文件代號, 條文]。", f"{where}: a source is [document key, article].")
    key, article = pair
    if key not in sources:
        raise _bad(origin, f"{where} 引用的文件「{key}」未列在 sources。",
                   f"{where} cites the document '{key}' that 'sources' does not list.")
    return Source(sources[key], article)


def _cap(v, sources: dict[str, str], origin: str, key: str) -> Cap:
    """``{"amount": NT$ | null, <name>: number | null, …, "source": [document, article]}``."""
    if not isinstance(v, dict):
        raise _bad(origin, f"上限「{key}」須為物件。", f"cap '{key}' must be an object.")
    numbers: dict[str, float | int | None] = {}
    for name, x in v.items():
        if name in ("source", "note"):
            continue
        if x is not None and (isinstance(x, bool) or not isinstance(x, (int, float)) or x < 0):
            raise _bad(origin, f"上限「{key}」的「{name}」須為非負數或 null（未知）。",
                       f"cap '{key}': '{name}' must be a non-negative number or null (unknown).")
        numbers[name] = x
    amount = numbers.pop("amount", None)
    return Cap(None if amount is None else int(amount), _source(sources, v.get("source"), origin, f"上限 {key}"),
               numbers)


def parse(text: str, origin: str = "") -> Programme:
    """A programme from its file's JSON text; a clear message in Chinese for anything wrong."""
    origin = origin or "（未命名）"
    try:
        d = json.loads(text)
    except (json.JSONDecodeError, TypeError) as exc:
        raise _bad(origin, f"不是有效的 JSON（{exc}）。", f"not valid JSON ({exc}).") from None
    if not isinstance(d, dict):
        raise _bad(origin, "最外層須為物件。", "the top level must be an object.")
    if d.get("format") != FORMAT:
        raise _bad(origin, f"格式版本「{d.get('format')}」不是本程式能讀的第 {FORMAT} 版。",
                   f"format '{d.get('format')}' is not version {FORMAT}, the one this program reads.")
    for key in ("code", "name", "issuer"):
        if not isinstance(d.get(key), str) or not d[key].strip():
            raise _bad(origin, f"缺少「{key}」。", f"'{key}' is missing.")
    version = d.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise _bad(origin, "「version」須為正整數。", "'version' must be a positive whole number.")
    period = d.get("period") or {}
    first, last = period.get("first"), period.get("last")
    if not all(isinstance(y, int) and MIN_YEAR <= y <= MAX_YEAR for y in (first, last)) or first > last:
        raise _bad(origin, "期程「period」須為民國年 first ≤ last。", "'period' must be ROC years with first ≤ last.")
    sources = d.get("sources") or {}
    if not isinstance(sources, dict) or not all(isinstance(v, str) for v in sources.values()):
        raise _bad(origin, "「sources」須為 文件代號 → 文件名稱。", "'sources' must map document keys to titles.")
    items = None
    if d.get("work_items") is not None:
        items = []
        seen: set[str] = set()
        for n, w in enumerate(d["work_items"], 1):
            where = f"工作項目第 {n} 項"
            if not isinstance(w, dict) or not all(isinstance(w.get(k), str) and w[k].strip()
                                                  for k in ("code", "agency", "name")):
                raise _bad(origin, f"{where}須有 code、agency、name。", f"work item {n} needs code, agency and name.")
            if w["code"] in seen or len(w["code"]) > 16:
                raise _bad(origin, f"{where}的代碼「{w['code']}」重複或過長。",
                           f"work item {n}: the code '{w['code']}' is repeated or too long.")
            seen.add(w["code"])
            alloc: dict[int, int | None] = {}
            for y, v in (w.get("allocations_100m") or {}).items():
                year = int(y) if str(y).isdigit() else -1
                if year not in range(first, last + 1):
                    raise _bad(origin, f"{where}的年度「{y}」不在期程內。", f"work item {n}: year '{y}' is outside the period.")
                alloc[year] = _money_100m(v, origin, f"{where} {y} 年")
            items.append(ProgrammeWorkItem(w["code"], w["agency"].strip(), w["name"].strip(),
                                           w.get("agency_as_listed") or None,
                                           {y: alloc.get(y) for y in range(first, last + 1)}))
    caps = {k: _cap(v, sources, origin, k) for k, v in (d.get("caps") or {}).items()}
    rules = tuple(Rule(r["code"], r["text"], _source(sources, r.get("source"), origin, f"規則 {r.get('code')}"))
                  for r in d.get("rules") or ())
    figure_sources = {k: _source(sources, v, origin, k) for k, v in (d.get("source_of") or {}).items()}
    agencies = d.get("agencies") or {}
    provisional = d.get("provisional_from")
    return Programme(
        code=d["code"].strip(), version=version, name=d["name"].strip(), name_en=str(d.get("name_en") or ""),
        issuer=d["issuer"].strip(), approved=str(d.get("approved") or ""), first_year=first, last_year=last,
        total=_money_100m(d.get("total_100m"), origin, "total_100m"),
        provisional_from=provisional if isinstance(provisional, int) else None,
        key_works=tuple(d.get("key_works") or ()), agency_count=agencies.get("count"),
        agencies=tuple(agencies["names"]) if agencies.get("names") else None,
        work_items=tuple(items) if items is not None else None, caps=caps, rules=rules, sources=figure_sources,
        award_programmes=tuple(d.get("award_programmes") or ()), body=text)


def programmes_dir() -> Path:
    return paths.resources_dir() / "programmes"


@lru_cache(maxsize=1)
def shipped() -> tuple[Programme, ...]:
    """The programme files shipped with the app."""
    out = []
    for p in sorted(programmes_dir().glob("*.json")):
        out.append(parse(p.read_text(encoding="utf-8"), p.name))
    return tuple(out)


def shipped_fingerprint() -> str:
    h = hashlib.sha256()
    for p in sorted(programmes_dir().glob("*.json")):
        h.update(p.read_bytes())
    return h.hexdigest()


def loaded(conn: Connection) -> list[Programme]:
    """Every programme as loaded in this database, by first year."""
    rows = conn.execute(select(ProgrammeFile.code, ProgrammeFile.body, ProgrammeFile.origin)
                        .order_by(ProgrammeFile.first_year, ProgrammeFile.code)).all()
    return [parse(body, origin or code) for code, body, origin in rows]


def in_force(programmes: list[Programme] | tuple[Programme, ...], roc_year: int) -> Programme | None:
    """The plan in force in ``roc_year``: of the plans covering it, the one that began first.

    Plans overlap in their edge years (the seed's runs to ROC 114, its successor starts in 114);
    the plan that began earlier keeps its last year, whose allocation its own table fixes.
    """
    covering = [p for p in programmes if p.covers(roc_year)]
    return min(covering, key=lambda p: (p.first_year, p.code)) if covering else None


@dataclass
class LoadOutcome:
    code: str
    name: str
    version: int
    previous: int | None  # version loaded before, if any
    action: str  # "loaded" (new or newer), "same" (equal version and text: nothing done), "older" (kept
    # out: never a downgrade), "conflict" (equal version, other text: kept out)

    @property
    def changed(self) -> bool:
        return self.action == "loaded"

    def describe(self) -> str:
        """One line for the user: what happened to the file."""
        o = self
        if o.action == "loaded":
            before = pick(f"（原為第 {o.previous} 版）", f" (was version {o.previous})") if o.previous else ""
            return pick(f"已載入「{o.name}」第 {o.version} 版{before}。", f"Loaded '{o.name}' version {o.version}{before}.")
        if o.action == "older":
            return pick(f"未載入：「{o.name}」第 {o.version} 版比已載入的第 {o.previous} 版舊，保留原版本。",
                        f"Not loaded: '{o.name}' version {o.version} is older than the loaded version {o.previous}; "
                        f"kept the loaded one.")
        if o.action == "conflict":
            return pick(f"未載入：「{o.name}」第 {o.version} 版與已載入的同版號檔案內容不同；請專案辦公室提高版號後重發。",
                        f"Not loaded: '{o.name}' version {o.version} differs from the loaded file of the same version; "
                        f"the project office must raise the version and issue it again.")
        return pick(f"「{o.name}」第 {o.version} 版已是目前版本。", f"'{o.name}' version {o.version} is already loaded.")


def store(conn: Connection, programme: Programme, *, origin: str, actor: str) -> LoadOutcome:
    """Keep ``programme`` unless this database already has the same or a newer version; audited.

    The caller's transaction carries both the file and its audit entry.
    """
    row = conn.execute(select(ProgrammeFile.programme_version, ProgrammeFile.sha256)
                       .where(ProgrammeFile.code == programme.code)).first()
    previous = row[0] if row else None
    if row is not None and programme.version < previous:
        action = "older"
    elif row is not None and programme.version == previous:
        action = "same"
        if row[1] != programme.sha256:
            # Same number, different text: keep what is there and say so (never a silent switch).
            action = "conflict"
    else:
        action = "loaded"
        values = {"programme_version": programme.version, "name": programme.name, "first_year": programme.first_year,
                  "last_year": programme.last_year, "body": programme.body, "sha256": programme.sha256,
                  "origin": origin[:512], "loaded_at": audit.utcnow(), "loaded_by": actor[:120]}
        if row is None:
            conn.execute(insert(ProgrammeFile.__table__), [{"code": programme.code, **values}])
        else:
            conn.execute(ProgrammeFile.__table__.update().where(ProgrammeFile.code == programme.code).values(**values))
        derive_tables(conn)
    if action == "same" or (origin == "shipped" and previous is None):
        # nothing happened (a workbook carrying our own file), or a new database got the shipped files
        return LoadOutcome(programme.code, programme.name, programme.version, previous, action)
    audit.record_many(conn, actor, f"programme_{action}", "programme", [(programme.code, {
        "name": programme.name, "version": programme.version, "previous_version": previous, "origin": origin[:512],
        "sha256": programme.sha256})])
    return LoadOutcome(programme.code, programme.name, programme.version, previous, action)


def ensure_shipped(conn: Connection) -> None:
    """Load the shipped files a database lacks or has older; a newer file loaded here stays."""
    for p in shipped():
        row = conn.execute(select(ProgrammeFile.programme_version).where(ProgrammeFile.code == p.code)).first()
        if row is None or row[0] < p.version:
            store(conn, p, origin="shipped", actor="counsel_desk")
    derive_tables(conn)


def derive_tables(conn: Connection) -> None:
    """Rebuild work_item (all plans' items) and work_item_allocation (the plan in force each year)."""
    programmes = loaded(conn)
    existing = {r[0] for r in conn.execute(select(WorkItem.code))}
    order = 0
    seen: set[str] = set()
    for p in sorted(programmes, key=lambda p: (p.first_year, p.code)):
        for w in p.work_items or ():
            values = {"agency": w.agency_label, "name": w.name, "sort_order": order}
            if w.code in seen:
                continue
            seen.add(w.code)
            order += 1
            if w.code in existing:
                conn.execute(WorkItem.__table__.update().where(WorkItem.code == w.code).values(**values))
            else:
                conn.execute(insert(WorkItem.__table__), [{"code": w.code, **values}])
    conn.execute(delete(WorkItemAllocation.__table__))
    rows = []
    for p in programmes:
        for y in p.years:
            if in_force(programmes, y) is not p:
                continue
            for w in p.work_items or ():
                if w.allocations.get(y) is not None:
                    rows.append({"work_item_code": w.code, "roc_year": y, "amount_ntd": w.allocations[y]})
    if rows:
        conn.execute(insert(WorkItemAllocation.__table__), rows)

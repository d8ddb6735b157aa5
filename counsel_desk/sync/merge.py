"""The merge rule, with no database in sight: versions of one record in, the versions to keep out.

A database keeps, per record, the version it shows plus — while a conflict is open — the other
versions that nobody has decided between. An incoming version is

* already known (same clock and content) or older than a kept one (dominated): nothing changes —
  this is why importing a file twice, or a stale copy, changes nothing and a tombstone stays;
* newer than some kept versions: those are dropped (it has seen them);
* otherwise added beside them: changed on both sides since they last met — a conflict.

The kept versions are therefore always the newest ones seen, whatever the order of the files, and
the one shown is picked by a fixed rule (:func:`Variant.rank`): a deletion or erasure first, then
the later ``updated_at``, then the content hash and the clock text — so every database that has
seen the same files shows the same thing and lists the same conflict.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from counsel_desk.sync import clock as clocks


@dataclass
class Variant:
    clock: dict[str, int]
    hash: str  # content hash, "" when the personal fields were withheld (masked)
    phash: str  # hash of the public fields only
    deleted: bool  # tombstone or erased: wins the tie-break, so deletions stay deleted
    updated_at: str
    values: dict | None = None  # column key → storage value (content, stamps, links)
    withheld: bool = False
    source: str = ""

    def rank(self) -> tuple:
        return (self.deleted, self.updated_at, self.phash, self.hash, clocks.format(self.clock))

    def to_json(self) -> dict:
        return {"clock": clocks.format(self.clock), "hash": self.hash, "phash": self.phash, "deleted": self.deleted,
                "updated_at": self.updated_at, "withheld": self.withheld, "source": self.source,
                "values": self.values or {}}

    @classmethod
    def from_json(cls, d: dict) -> "Variant":
        return cls(clock=clocks.parse(d.get("clock", "")) or {}, hash=d.get("hash", ""), phash=d.get("phash", ""),
                   deleted=bool(d.get("deleted")), updated_at=d.get("updated_at", ""), values=d.get("values") or {},
                   withheld=bool(d.get("withheld")), source=d.get("source", ""))


def same_content(a: Variant, b: Variant) -> bool:
    if a.hash and b.hash:
        return a.hash == b.hash
    return a.phash == b.phash  # one side's personal fields unknown: compare what both know


def same_version(a: Variant, b: Variant) -> bool:
    return a.clock == b.clock and same_content(a, b)


@dataclass
class Outcome:
    kind: str  # "unchanged", "updated" or "conflict"
    variants: list[Variant] = field(default_factory=list)  # what to keep, the shown one first; [] = nothing to do

    @property
    def winner(self) -> Variant | None:
        return self.variants[0] if self.variants else None

    @property
    def open(self) -> bool:
        """A person has to decide: some kept version differs in content from the shown one."""
        return any(not same_content(v, self.variants[0]) for v in self.variants[1:])


def pick_winner(variants: list[Variant]) -> list[Variant]:
    """The variants with the shown one first (the fixed tie-break), the rest in rank order."""
    ordered = sorted(variants, key=Variant.rank, reverse=True)
    return ordered


def merge(kept: list[Variant], incoming: Variant) -> Outcome:
    """Merge ``incoming`` into the versions a database keeps (``kept[0]`` is the one it shows)."""
    shown = kept[0]
    if (shown.withheld and not incoming.withheld and incoming.clock == shown.clock
            and incoming.phash == shown.phash):
        # the same version, now with the personal fields a masked file had withheld
        return Outcome("updated", [incoming] + kept[1:])
    for v in kept:
        if same_version(v, incoming) or clocks.dominates(v.clock, incoming.clock):
            return Outcome("unchanged")
    survivors = [v for v in kept if not clocks.dominates(incoming.clock, v.clock)]
    variants = pick_winner(survivors + [incoming])
    outcome = Outcome("conflict", variants)
    if not outcome.open:
        outcome.kind = "unchanged" if same_content(variants[0], shown) else "updated"
    return outcome


def resolved_clock(variants: list[Variant], device: str) -> dict[str, int]:
    """The clock of a person's decision: newer than every version decided between."""
    joined = clocks.join(*(v.clock for v in variants))
    return clocks.bump(joined, device)


def differing_fields(variants: list[Variant], content_keys: list[str], personal: set[str]) -> list[str]:
    """Content columns whose values are not the same in every kept version."""
    if len(variants) < 2:
        return []
    out = []
    withheld = any(v.withheld for v in variants)
    for k in content_keys:
        if withheld and k in personal:
            continue
        values = [(v.values or {}).get(k) for v in variants]
        if k in ("deleted_at", "erased_at"):  # when does not matter, only whether
            values = [x is not None for x in values]
        if any(x != values[0] for x in values[1:]):
            out.append(k)
    return out


def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True)

"""Version vectors ("clocks"): which edits a version of a record has seen, per device.

A clock maps a device id to a counter, written ``a1b2c3d4e5f6:3;0f9e8d7c6b5a:1`` (devices sorted).
Version A *dominates* B when A has seen everything B has and more: then A replaces B on import. When
neither dominates, the two were changed on both sides since they last met: a conflict. Equal
clocks name the same version.

A record's clock is not stored at every edit: this database keeps the clock of the version it last
merged (``sync_base``) and derives the current one from the record's ``version`` counter, so an
export writes nothing but its log.
"""

from __future__ import annotations

import re
import secrets
from typing import Mapping

Clock = dict[str, int]

DEVICE_RE = re.compile(r"[0-9a-f]{12}")
_ENTRY_RE = re.compile(r"\s*([0-9a-f]{12})\s*:\s*(\d{1,18})\s*")
SINGLE_RE = re.compile(r"[0-9a-f]{12}:[1-9]\d{0,17}")  # a one-device clock in canonical form


def new_device_id() -> str:
    return secrets.token_hex(6)


def parse(text: str) -> Clock | None:
    """``"dev:3;dev2:1"`` → dict; None when the text is not a clock."""
    out: Clock = {}
    for part in (text or "").split(";"):
        if not part.strip():
            continue
        m = _ENTRY_RE.fullmatch(part)
        if m is None:
            return None
        dev, n = m.group(1), int(m.group(2))
        if n <= 0 or dev in out:
            return None
        out[dev] = n
    return out


def format(clock: Mapping[str, int]) -> str:  # noqa: A001 — the module's vocabulary: clock.format / clock.parse
    return ";".join(f"{d}:{clock[d]}" for d in sorted(clock) if clock[d] > 0)


def dominates(a: Mapping[str, int], b: Mapping[str, int]) -> bool:
    """True when ``a`` has seen all of ``b`` and more (strictly newer)."""
    if a == b:
        return False
    return all(a.get(d, 0) >= n for d, n in b.items())


def join(*clocks: Mapping[str, int]) -> Clock:
    out: Clock = {}
    for c in clocks:
        for d, n in c.items():
            if n > out.get(d, 0):
                out[d] = n
    return out


def bump(clock: Mapping[str, int], device: str, steps: int = 1) -> Clock:
    out = dict(clock)
    out[device] = out.get(device, 0) + max(1, steps)
    return out


def current(base_clock: Mapping[str, int] | None, base_version: int | None, version: int, device: str) -> Clock:
    """The clock of a record as it stands here.

    Never merged: ``{device: version}`` (the version counter counts this device's edits). Merged
    and unchanged since (same ``version``): the merged clock. Changed since: the merged clock with
    this device's counter advanced by the number of edits — every local state gets its own clock.
    """
    if base_clock is None:
        return {device: max(1, version)}
    if version == base_version:
        return dict(base_clock)
    return bump(base_clock, device, version - (base_version or 0))

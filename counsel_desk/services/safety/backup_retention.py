"""Which backups to keep: all of the last 48 hours, then 14 daily, 8 weekly and 12 monthly.

The tiers count periods that *have* backups (as borg's ``prune`` does), so a counselor back from
a month of leave still finds 14 daily backups rather than none. A period already covered by a
finer tier is skipped without using up a coarser tier's count: "then 14 daily" means 14 days
beyond the last 48 hours, "then 8 weekly" means 8 weeks beyond those days, and so on.

Only backups this app named (``BackupInfo.managed``) are ever removed; the clock is a parameter,
so tests drive a year of backups with a fake one.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable, Hashable, Iterable

log = logging.getLogger(__name__)

KEEP_ALL_WITHIN = timedelta(hours=48)
TIERS: tuple[tuple[str, int], ...] = (("daily", 14), ("weekly", 8), ("monthly", 12))
STALE_PART_AGE = timedelta(days=1)  # a temporary file this old belongs to a backup that crashed


def _period(tier: str) -> Callable[[datetime], Hashable]:
    if tier == "daily":
        return lambda t: t.date()
    if tier == "weekly":
        return lambda t: t.isocalendar()[:2]
    return lambda t: (t.year, t.month)


def plan(backups: Iterable, now: datetime) -> tuple[list, list]:
    """Split managed backups into (keep, drop); each item needs ``taken_at`` and ``managed``."""
    managed = sorted((b for b in backups if b.managed), key=lambda b: b.taken_at, reverse=True)
    keep_ids = {id(b) for b in managed if now - b.taken_at <= KEEP_ALL_WITHIN}  # future-dated ones too
    for tier, count in TIERS:
        period_of = _period(tier)
        seen: set[Hashable] = set()
        kept = 0
        for b in managed:  # newest first: the newest backup of each period represents it
            period = period_of(b.taken_at)
            if period in seen:
                continue
            seen.add(period)
            if id(b) in keep_ids:
                continue
            keep_ids.add(id(b))
            kept += 1
            if kept == count:
                break
    keep = [b for b in managed if id(b) in keep_ids]
    drop = [b for b in managed if id(b) not in keep_ids]
    return keep, drop


def prune(backups: Iterable, now: datetime) -> list[Path]:
    """Delete the managed backups :func:`plan` drops; returns their paths."""
    _keep, drop = plan(list(backups), now)
    removed = []
    for b in drop:
        try:
            b.path.unlink()
            removed.append(b.path)
        except OSError as exc:  # a backup we can't delete is kept; never fail the backup for it
            log.warning("could not remove old backup %s: %s", b.path, exc)
    return removed


def remove_stale_parts(folder: Path, now: datetime) -> None:
    """Remove temporary files of backups that crashed long ago (ours: hidden, ending in .part)."""
    limit = time.mktime((now - STALE_PART_AGE).timetuple())
    for p in list(folder.glob(".*.part")) + list(folder.glob(".*.part-journal")):
        try:
            if p.stat().st_mtime < limit:
                p.unlink()
        except OSError:
            pass

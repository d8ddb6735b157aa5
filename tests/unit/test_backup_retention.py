"""Backup retention with a fake clock: all of 48 hours, then 14 daily, 8 weekly, 12 monthly."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from counsel_desk.services.safety import backup, backup_retention


@dataclass(frozen=True)
class Fake:
    taken_at: datetime
    managed: bool = True
    path: Path = Path("/nonexistent")


def half_hourly(start: datetime, end: datetime) -> list[Fake]:
    out, t = [], start
    while t <= end:
        out.append(Fake(t))
        t += timedelta(minutes=30)
    return out


def test_a_year_and_a_half_of_half_hourly_backups():
    now = datetime(2026, 11, 26, 12, 0)
    backups = half_hourly(now - timedelta(days=540), now)
    keep, drop = backup_retention.plan(backups, now)
    assert len(keep) + len(drop) == len(backups)
    recent = [b for b in keep if now - b.taken_at <= timedelta(hours=48)]
    assert len(recent) == 97  # every half hour of the last 48 hours, both ends included
    older = sorted((b for b in keep if now - b.taken_at > timedelta(hours=48)), key=lambda b: b.taken_at, reverse=True)
    assert len(older) == 14 + 8 + 12
    daily, rest = older[:14], older[14:]  # the daily tier holds the 14 newest days beyond 48 hours
    assert [b.taken_at.date() for b in daily] == [(now - timedelta(days=3 + n)).date() for n in range(14)]
    assert all(b.taken_at.hour == 23 and b.taken_at.minute == 30 for b in older)  # the newest of its day
    assert len({b.taken_at.isocalendar()[:2] for b in rest}) >= 8
    assert len({(b.taken_at.year, b.taken_at.month) for b in rest}) >= 12
    assert len({b.taken_at.date() for b in older}) == len(older)
    assert older[-1].taken_at > now - timedelta(days=400)  # nothing older than about a year survives


def test_pruning_every_half_hour_converges_to_the_same_shape(tmp_path):
    """Run the app's own loop with a fake clock: back up, prune, advance 30 minutes — for 120 days."""
    kept: list[Fake] = []
    t = datetime(2026, 1, 1, 8, 0)
    end = t + timedelta(days=120)
    while t <= end:
        kept.append(Fake(t))
        kept, _ = backup_retention.plan(kept, t)
        t += timedelta(minutes=30)
    now = t - timedelta(minutes=30)
    assert sum(1 for b in kept if now - b.taken_at <= timedelta(hours=48)) == 97
    older = [b for b in kept if now - b.taken_at > timedelta(hours=48)]
    assert len(older) <= 14 + 8 + 12
    assert len({b.taken_at.date() for b in older}) == len(older)  # at most one per day beyond 48 hours
    assert min(b.taken_at for b in kept) < now - timedelta(days=60)  # monthly backups reach back


def test_a_laptop_left_alone_for_a_month_keeps_its_daily_backups():
    now = datetime(2026, 11, 26, 9, 0)
    before_leave = half_hourly(datetime(2026, 9, 1, 9, 0), datetime(2026, 10, 20, 17, 0))
    keep, _ = backup_retention.plan(before_leave + [Fake(now)], now)
    old = [b for b in keep if b.taken_at < datetime(2026, 10, 21)]
    assert len({b.taken_at.date() for b in old if b.taken_at >= datetime(2026, 10, 7)}) == 14


def test_copies_the_app_did_not_name_are_never_dropped():
    now = datetime(2026, 11, 26, 9, 0)
    foreign = Fake(now - timedelta(days=900), managed=False)
    keep, drop = backup_retention.plan([foreign, *half_hourly(now - timedelta(days=3), now)], now)
    assert foreign not in drop and foreign not in keep  # plan only ever speaks about managed backups


def test_prune_deletes_the_files_it_drops(tmp_path):
    db_path = tmp_path / "field.db"
    folder = tmp_path / "field-backups"
    folder.mkdir()
    now = datetime(2026, 11, 26, 9, 0)
    for n in range(0, 30 * 24, 6):  # every 6 hours for 30 days
        taken = now - timedelta(hours=n)
        (folder / backup.backup_name(db_path, "auto", taken)).write_bytes(b"x")
    (folder / "field-before-upgrade-0001.db").write_bytes(b"x")
    removed = backup_retention.prune(backup.list_backups(db_path), now)
    left = backup.list_backups(db_path)
    assert removed and all(not p.exists() for p in removed)
    assert any(b.name == "field-before-upgrade-0001.db" for b in left)
    managed = [b for b in left if b.managed]
    # 48 hours at 6-hourly, 14 days, the 2 weeks before them, and October's last backup as its month
    assert len(managed) == 9 + 14 + 2 + 1

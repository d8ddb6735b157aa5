"""How proposal figures read on screen and on paper: local times in ROC dates, shares (an enum's label is its own ``label_of``)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from counsel_desk.services.formatting import shown_date


TAIWAN = timezone(timedelta(hours=8), "Asia/Taipei")  # no daylight saving; the reports count days the same way


def local_time(at: datetime | None) -> datetime | None:
    """Stored timestamps are UTC (naive or aware); people read them as Taiwan time."""
    if at is None:
        return None
    if at.tzinfo is None:
        at = at.replace(tzinfo=timezone.utc)
    return at.astimezone(TAIWAN).replace(tzinfo=None)


def when_text(at: datetime | None) -> str:
    """UTC → 115/11/26 14:05 (Taiwan time)."""
    local = local_time(at)
    return f"{shown_date(local.date())} {local:%H:%M}" if local else ""


def percent(share: float) -> str:
    return f"{share * 100:.1f}%"

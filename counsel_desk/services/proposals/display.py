"""How proposal figures read on screen and on paper: local times in ROC dates, shares (an enum's label is its own ``label_of``)."""

from __future__ import annotations

from datetime import datetime

from counsel_desk.services.formatting import shown_date
from counsel_desk.services.period import taiwan_time


def local_time(at: datetime | None) -> datetime | None:
    """Stored timestamps are UTC (naive or aware); people read them as Taiwan time."""
    return taiwan_time(at) if at is not None else None


def when_text(at: datetime | None) -> str:
    """UTC → 115/11/26 14:05 (Taiwan time)."""
    local = local_time(at)
    return f"{shown_date(local.date())} {local:%H:%M}" if local else ""


def percent(share: float) -> str:
    return f"{share * 100:.1f}%"

"""CSV of any list (「匯出目前清單為 CSV」): UTF-8 with BOM so Excel shows Chinese, never a formula.

A cell starting with ``= + - @``, a tab or a carriage return would run as a formula when the CSV
is opened in a spreadsheet (CSV injection); such cells get a leading apostrophe, the convention
spreadsheets show as text. The file is written beside its destination and renamed over it, so a
crash or a full disk never leaves half a CSV.
"""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path
from typing import Iterable

from counsel_desk.services.safety.atomic import atomic_write
from counsel_desk.sync.values import looks_like_formula


def cell_text(value) -> str:
    """One value as CSV text, neutralised when a spreadsheet would take it for a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime):
        text = value.isoformat(sep=" ", timespec="seconds")
    elif isinstance(value, date):
        text = value.isoformat()
    else:
        text = str(value)
    if looks_like_formula(text):
        return "'" + text
    return text


def write_csv(path: Path | str, headers: list[str], rows: Iterable[list]) -> Path:
    """Write ``headers`` and ``rows`` to ``path`` (UTF-8 with BOM, CRLF line ends as Excel expects)."""
    path = Path(path)
    with atomic_write(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, dialect="excel")
        writer.writerow([cell_text(h) for h in headers])
        for row in rows:
            writer.writerow([cell_text(v) for v in row])
    return path

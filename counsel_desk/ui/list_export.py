"""Export what a lazy list shows (its filter and sort) to CSV, via the sync layer's CSV writer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from counsel_desk.ui.lazy_table import LazyIdTableModel

CHUNK = 1000


def export_model_csv(model: LazyIdTableModel, path: Path) -> Path:
    from counsel_desk.sync.csv_export import write_csv

    columns = model.source.columns
    headers = [str(model.headerData(i, Qt.Orientation.Horizontal)) for i in range(len(columns))]
    ids = model.ids

    def rows():
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start:start + CHUNK]
            fetched = model.source.rows(chunk)
            for rid in chunk:
                row = fetched.get(rid)
                if row is not None:
                    yield [row.get(c.key, "") for c in columns]

    write_csv(path, headers, rows())
    return path

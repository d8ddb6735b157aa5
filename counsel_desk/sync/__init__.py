"""Sync by spreadsheet (同步): the interchange workbook, its export, import and merge; no Qt here.

Laptops → center → headquarters exchange one Excel workbook (format v1, ``docs/interchange-format.md``).
Public entry points:

* :func:`export_workbook` — everything or what changed since the last export to that file, personal
  data masked unless unmasked;
* :func:`import_workbooks` — check whole files, then merge in one transaction (or preview);
* :mod:`counsel_desk.sync.conflicts` — list and resolve conflicts field by field;
* :mod:`counsel_desk.sync.history` — the import and export history;
* :func:`counsel_desk.sync.csv_export.write_csv` — any list as CSV for Excel.
"""


__all__ = ["ExportResult", "ImportReport", "describe", "export_workbook", "import_workbooks"]

_WHERE = {"ExportResult": "export", "export_workbook": "export", "ImportReport": "importer", "describe": "importer",
          "import_workbooks": "importer"}


def __getattr__(name: str):
    # lazy: importing sync.csv_export for a list view must not load openpyxl and calamine
    if name in _WHERE:
        import importlib

        return getattr(importlib.import_module(f"counsel_desk.sync.{_WHERE[name]}"), name)
    raise AttributeError(name)

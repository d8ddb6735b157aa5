"""A workbook cell as the reader converts it: the export's own form taken at once, anything else tidied or named.

The reader's converters take the form an export writes first (sync/reader.py); these are the cells around
that fast form, which must still come out as the general rules (sync/values.py) say.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from counsel_desk.sync import format as fmt
from counsel_desk.sync.db import Reference
from counsel_desk.sync.cells import converter
from counsel_desk.sync.values import CellError

REF = Reference({}, {}, {}, frozenset())
VISITS = fmt.BY_KEY["visits"]


def convert(key: str, value):
    return converter(VISITS.by_key[key], REF)(value)


@pytest.mark.parametrize("key, cell, stored", [
    ("created_at", "2024-11-26 08:25:06", "2024-11-26 08:25:06.000000"),
    ("created_at", "2024-11-26 08:25:06.123456", "2024-11-26 08:25:06.123456"),
    ("created_at", " 2024-11-26T08:25 ", "2024-11-26 08:25:00.000000"),
    ("created_at", datetime(2024, 11, 26, 8, 25, 6), "2024-11-26 08:25:06.000000"),
    ("deleted_at", "", None),
    ("deleted_at", None, None),
    ("visit_date", date(2024, 11, 26), "2024-11-26"),
    ("visit_date", datetime(2024, 11, 26, 0, 0), "2024-11-26"),
    ("visit_date", "2024-11-26", "2024-11-26"),
    ("key_visit", "是", 1),
    ("key_visit", " 否 ", 0),
    ("key_visit", True, 1),
    ("version", 3.0, 3),
    ("version", "12", 12),
    ("version", 3, 3),
    ("organization_id", "", None),
    ("organization_id", " 2435ab68-dfa9-4188-8271-5d2ab3ca7851 ", "2435ab68-dfa9-4188-8271-5d2ab3ca7851"),
    ("sync_versions", "0ee7e6e02596:1", "0ee7e6e02596:1"),
])
def test_cells_come_out_in_storage_form(key, cell, stored):
    assert convert(key, cell) == stored


@pytest.mark.parametrize("key, cell, reason", [
    ("created_at", "2024-02-30 08:25:06", "不存在的時間"),
    ("created_at", "", "必填"),
    ("updated_at", "昨天", "YYYY-MM-DD HH:MM:SS"),
    ("visit_date", "", "必填"),
    ("key_visit", "也許", "是"),
    ("version", 1.5, "應為整數"),
    ("version", 1e300, "數字太大"),
    ("version", "", "必填"),
    ("id", "", "必填"),
    ("organization_id", "not-a-uuid", "UUID"),
])
def test_wrong_cells_are_named(key, cell, reason):
    with pytest.raises(CellError) as err:
        convert(key, cell)
    assert reason in str(err.value)

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


SCORES = fmt.BY_KEY["proposal_scores"]
STATIONS = fmt.BY_KEY["workstations"]


@pytest.mark.parametrize("sheet, key, cell, reason", [
    (SCORES, "score", 9999, "須為 1 到 5 的整數（這一格是 9999）"),
    (SCORES, "score", 0, "須為 1 到 5 的整數（這一格是 0）"),
    (STATIONS, "team_size", -3, "不可小於 0（這一格是 -3）"),
    (STATIONS, "host_age", "-1", "不可小於 0（這一格是 -1）"),
    (STATIONS, "name", " \u3000\n", "必填"),
    (VISITS, "visit_date", "9999-12-31", "太晚"),
    (VISITS, "visit_date", date(2009, 12, 31), "太早：最早 2010-01-01"),
])
def test_values_the_services_refuse_are_refused(sheet, key, cell, reason):
    with pytest.raises(CellError, match=reason):
        converter(sheet.by_key[key], REF)(cell)


@pytest.mark.parametrize("sheet, key, cell, stored", [
    (SCORES, "score", 5, 5),
    (STATIONS, "host_age", "", None),  # an optional count left empty is no number, not one below 0
    (VISITS, "visit_date", date(2010, 1, 1), "2010-01-01"),
    (VISITS, "id", "2435AB68-DFA9-4188-8271-5D2AB3CA7851", "2435ab68-dfa9-4188-8271-5d2ab3ca7851"),
    (VISITS, "organization_id", " 2435AB68-dfa9-4188-8271-5d2ab3ca7851", "2435ab68-dfa9-4188-8271-5d2ab3ca7851"),
    (VISITS, "counselor_ids", "B0000000-0000-4000-8000-000000000000;a0000000-0000-4000-8000-000000000000",
     "a0000000-0000-4000-8000-000000000000;b0000000-0000-4000-8000-000000000000"),
])
def test_values_within_the_rules_pass_ids_in_lower_case(sheet, key, cell, stored):
    assert converter(sheet.by_key[key], REF)(cell) == stored

"""docs/interchange-format.md documents every sheet and column key of the format, and its limits."""

from __future__ import annotations

from pathlib import Path

from counsel_desk.sync import format as fmt
from counsel_desk.sync import safety

DOC = Path(__file__).resolve().parents[2] / "docs" / "interchange-format.md"


def test_every_sheet_and_column_key_is_documented():
    text = DOC.read_text(encoding="utf-8")
    for sheet in fmt.SHEETS:
        assert f"`{sheet.key}`" in text and sheet.title in text, sheet.key
        for col in sheet.columns:
            assert f"`{col.key}`" in text, (sheet.key, col.key)
    for key, _title in fmt.META_FIELDS:
        assert f"`{key}`" in text, key
    assert fmt.MASK in text and fmt.LONG_TEXT_SHEET in text and fmt.META_SHEET in text


def test_documented_limits_are_the_real_ones():
    text = DOC.read_text(encoding="utf-8")
    assert f"{safety.MAX_FILE_BYTES // 1024 ** 2} MB" in text
    assert f"壓縮比超過 {safety.MAX_RATIO} 倍" in text
    assert f"{fmt.CELL_TEXT_LIMIT:,} 個字" in text
    assert f"本版為 `{fmt.FORMAT_VERSION}`" in text

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


def _section(text: str, sheet) -> str:
    start = text.index(f"（`{sheet.key}`")
    end = text.find("\n### ", start)
    return text[start:end if end > 0 else len(text)]


def test_every_rule_of_a_column_or_a_row_is_documented():
    """Each column's range is in its line of its sheet's table; each rule between columns in its sheet's section."""
    text = DOC.read_text(encoding="utf-8")
    for sheet in fmt.SHEETS:
        section = _section(text, sheet)
        lines = {line.split("|")[1].strip(): line for line in section.splitlines() if line.startswith("| `")}
        for col in sheet.columns:
            wanted = []
            if col.low is not None or col.high is not None:
                wanted.append(f"{col.low}–{col.high}" if col.high is not None else f"不可小於 {col.low}")
            if col.earliest is not None:
                wanted += [col.earliest.isoformat(), f"今天之後 {col.days_ahead} 天"]
            for w in wanted:
                assert w in lines.get(f"`{col.key}`", ""), (sheet.key, col.key, w)
        for rule in sheet.rules:
            assert rule.zh in section, (sheet.key, rule.zh)

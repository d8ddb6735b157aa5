"""In English, no Chinese is left in the app's own words and no number is cut off.

The test switches to English, walks every page, editor tab and dialog on a demo database
(``walk_helpers.walk``) and reads every visible widget's own text — labels, buttons, titles, tabs,
placeholders, column headers. Data (names of people, organisations, places, what was typed) may be
Chinese: a Chinese run is accepted only when it occurs in the database's own text. Numbers shown in a
label or a table cell must fit: an elided or clipped number fails. Dates are Western: a 民國 date
(115/11/26) in a label, field or cell fails.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit, QPlainTextEdit, QTableView,
    QTabWidget, QWidget,
)

from tests.ui.walk_helpers import CUT_NUMBER, close_main_window, main_window, walk

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff01-\uff60]+")
DIGITS = re.compile(r"\d")


@pytest.fixture
def english(qapp, monkeypatch):
    from counsel_desk.ui.startup import install_translators

    monkeypatch.setenv("COUNSEL_DESK_LANG", "en")
    install_translators(qapp, "en")
    yield
    install_translators(qapp, "zh_TW")


@pytest.fixture
def window(qtbot, english, demo_db, monkeypatch):
    main = main_window(qtbot, demo_db, monkeypatch, "Lin Yi-chun")
    main.resize(1350, 688)
    main.show()
    yield main
    close_main_window(main)


def data_text(db) -> str:
    """Every text value in the database (what people typed, names, places): Chinese there is data."""
    chunks = []
    with db.engine.connect() as c:
        tables = [r[0] for r in c.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table' AND name NOT "
                                                   "LIKE 'sqlite_%' AND name NOT LIKE '%fts%' AND name != 'audit_log'")]
        for t in tables:
            cols = [r[1] for r in c.exec_driver_sql(f"PRAGMA table_info('{t}')") if (r[2] or "").upper() in
                    ("TEXT", "VARCHAR", "") or r[2].upper().startswith("VARCHAR")]
            for col in cols:
                chunks += [str(v[0]) for v in c.exec_driver_sql(f'SELECT DISTINCT "{col}" FROM "{t}"') if v[0]]
    return "\n".join(chunks)


def own_texts(w: QWidget) -> list[tuple[str, str]]:
    out = []
    if isinstance(w, QLabel):
        out.append(("label", w.text()))
    if isinstance(w, QAbstractButton):
        out.append(("button", w.text()))
    if isinstance(w, QGroupBox):
        out.append(("group", w.title()))
    if isinstance(w, (QLineEdit, QPlainTextEdit)):
        out.append(("placeholder", w.placeholderText()))
    if isinstance(w, QTabWidget):
        out += [("tab", w.tabText(i)) for i in range(w.count())]
    if isinstance(w, QTableView) and w.model() is not None:
        m = w.model()
        out += [("column", str(m.headerData(c, Qt.Orientation.Horizontal) or "")) for c in range(m.columnCount())]
    if w.isWindow():
        out.append(("window title", w.windowTitle()))
    out.append(("tooltip", w.toolTip()))
    return out


def chinese_left(text: str, data: str) -> list[str]:
    text = re.sub(r"<[^>]+>", " ", text)
    return [run for run in CJK.findall(text) if run not in data]


def elided_numbers(w: QWidget) -> list[str]:
    out = []
    if isinstance(w, QLabel) and not w.wordWrap() and w.textFormat() != Qt.TextFormat.RichText:
        text = w.text()
        wide = max(w.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))  # its widest line
        if DIGITS.search(text) and "<" not in text and w.width() + 1 < wide:
            out.append(f"label “{text}” is {wide} px wide in {w.width()} px")
        if CUT_NUMBER.search(text):
            out.append(f"label “{text[:90]}” cuts a number with “…”")
    if isinstance(w, QTableView) and w.model() is not None:
        m = w.model()
        for row in range(min(m.rowCount(), 25)):
            for col in range(m.columnCount()):
                if w.isColumnHidden(col):
                    continue
                text = m.index(row, col).data()
                if not isinstance(text, str) or not re.fullmatch(r"[\d,.%/:\s\-NT$MK萬億元]+", text):
                    continue
                need = w.fontMetrics().horizontalAdvance(text) + 6  # the delegate's 3 px margin each side
                if need > w.columnWidth(col):
                    header = m.headerData(col, Qt.Orientation.Horizontal)
                    out.append(f"number “{text}” in column “{header}” needs {need} px, has {w.columnWidth(col)}")
    return out


ROC_DATE = re.compile(r"(?<![\d/-])1\d\d/\d\d/\d\d(?![\d/])")


def roc_dates(w: QWidget) -> list[str]:
    """A 民國 date (115/11/26) in a label, a placeholder or a table cell: English shows 2026-11-26."""
    texts = [("label", w.text())] if isinstance(w, QLabel) else []
    if isinstance(w, QLineEdit):
        texts += [("field", w.text()), ("placeholder", w.placeholderText())]
    if isinstance(w, QTableView) and w.model() is not None:
        m = w.model()
        texts += [("cell", str(m.index(r, c).data() or "")) for r in range(min(m.rowCount(), 25))
                  for c in range(m.columnCount())]
    return [f"ROC date in a {kind}: “{text[:60]}”" for kind, text in texts if ROC_DATE.search(text)]


def test_english_has_no_chinese_of_its_own_and_no_clipped_number(qtbot, window):
    data = data_text(window.ctx.db)
    found: dict[str, set[str]] = {}
    for what, top in walk(qtbot, window):
        for w in [top, *top.findChildren(QWidget)]:
            if not w.isVisibleTo(top) and w is not top:
                continue
            if isinstance(w, QComboBox):
                continue  # its items are data (places, people) or enum labels checked below
            for kind, text in own_texts(w):
                if chinese_left(text, data):
                    found.setdefault(f"{kind} “{text[:80]}”", set()).add(what)
            for problem in elided_numbers(w) + roc_dates(w):
                found.setdefault(problem, set()).add(what)
    report = [f"{k}  [{', '.join(sorted(v))[:100]}]" for k, v in sorted(found.items())]
    assert not report, f"{len(report)} problems:\n" + "\n".join(report)


def test_enum_labels_follow_the_language(english):
    from counsel_desk.models.enums import LABELS_EN, Stage, VisitMode

    assert Stage.SENT.label == "Sent to office" == LABELS_EN["Stage"]["sent"]
    assert VisitMode.label_of("onsite") == "On site"
    assert VisitMode.label_of("no-such-code") == "no-such-code"


def test_the_report_periods_months_are_named_in_her_language(qtbot, qapp, english):
    """The monthly report's month read “Month 11” in English; it says November (and 11 月 in Chinese)."""
    from datetime import date

    from counsel_desk.ui.reports.period_picker import PeriodPicker
    from counsel_desk.ui.startup import install_translators

    picker = PeriodPicker("north", date(2026, 12, 7))
    qtbot.addWidget(picker)
    months = [picker.month.itemText(i) for i in range(picker.month.count())]
    assert months[0] == "January" and months[10] == "November" and months[11] == "December", months
    assert picker.month.currentText() == "November", "before the 25th: last month"
    install_translators(qapp, "zh_TW")
    picker = PeriodPicker("north", date(2026, 12, 7))
    qtbot.addWidget(picker)
    assert [picker.month.itemText(i) for i in (0, 10)] == ["1 月", "11 月"]

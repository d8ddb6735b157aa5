"""Every page, editor and dialog fits a 1366×768 laptop and a 1920×1080 screen at 150 % (1280×720 logical).

The available screen (less a 40 px task bar) is what ``ui/widgets/fit.available_geometry`` answers; the
test replaces that one function. A window fails when it, its minimum size or a button that saves or
closes lies outside the screen, or when such a button sits inside a scroll area (it could scroll away).
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QComboBox, QScrollArea, QWidget

from counsel_desk.ui.widgets import fit
from tests.ui.walk_helpers import (
    close_main_window, cut_numbers, main_window, unseparated_numbers, walk, western_dates,
)

SCREENS = {"1366x768": QRect(0, 0, 1366, 728), "1280x720 logical": QRect(0, 0, 1280, 680)}
SAVES_OR_CLOSES = re.compile(r"^(Save|Save and close|Close|OK|Cancel|Done|Apply|Discard|Quit|儲存|儲存並關閉|關閉|"
                             r"確定|取消|完成|套用|丟棄|結束)$")


@pytest.fixture(params=list(SCREENS), ids=list(SCREENS))
def screen(request, monkeypatch) -> QRect:
    area = SCREENS[request.param]
    monkeypatch.setattr(fit, "available_geometry", lambda widget=None: QRect(area))
    return area


@pytest.fixture
def window(qtbot, demo_db, monkeypatch):
    main = main_window(qtbot, demo_db, monkeypatch, "林怡君")
    main.show()
    yield main
    close_main_window(main)


def problems(what: str, w: QWidget, area: QRect) -> list[str]:
    out = []
    outer = QRect(w.pos(), w.size() + fit.FRAME)
    if not area.contains(outer):
        out.append(f"{what}: window {outer.getRect()} is outside the screen {area.getRect()}")
    smallest = w.minimumSize().expandedTo(w.minimumSizeHint()) + fit.FRAME
    if smallest.width() > area.width() or smallest.height() > area.height():
        out.append(f"{what}: minimum size {smallest.toTuple()} (with frame) exceeds the screen {area.size().toTuple()}")
    for button in w.findChildren(QAbstractButton):
        if not button.isVisibleTo(w) or not SAVES_OR_CLOSES.match(button.text().replace("&", "").strip()):
            continue
        name = f"{what}: button “{button.text()}”"
        rect = QRect(button.mapTo(w, QPoint(0, 0)), button.size())
        if not w.rect().contains(rect):
            out.append(f"{name} at {rect.getRect()} lies outside its window {w.rect().getRect()}")
        parent = button.parentWidget()
        while parent is not None and parent is not w:
            if isinstance(parent, QScrollArea):
                out.append(f"{name} is inside a scroll area and can scroll out of sight")
                break
            parent = parent.parentWidget()
    return out


def test_every_window_fits_the_screen(qtbot, screen, window):
    found: list[str] = []
    seen = []
    for what, widget in walk(qtbot, window):
        seen.append(what)
        found += problems(what, widget, screen)
        found += [f"{what}: {cut}" for cut in cut_numbers(widget) + unseparated_numbers(widget) + western_dates(widget)]
    assert len(seen) > 30  # the walk really went everywhere
    assert not found, "\n".join(found)


def test_every_window_fits_in_english_too(qtbot, qapp, demo_db, monkeypatch):
    """English words are longer: the 1280×720 logical screen with the app in English."""
    from counsel_desk.ui.startup import install_translators

    area = SCREENS["1280x720 logical"]
    monkeypatch.setattr(fit, "available_geometry", lambda widget=None: QRect(area))
    monkeypatch.setenv("COUNSEL_DESK_LANG", "en")
    install_translators(qapp, "en")
    try:
        main = main_window(qtbot, demo_db, monkeypatch, "Lin Yi-chun")
        main.show()
        found: list[str] = []
        for what, widget in walk(qtbot, main):
            found += problems(what, widget, area)
            found += [f"{what}: {cut}" for cut in cut_numbers(widget)]
        close_main_window(main)
    finally:
        install_translators(qapp, "zh_TW")
    assert not found, "\n".join(found)


def test_a_window_remembers_its_size_and_is_brought_back_on_screen(qtbot, screen, window):
    from counsel_desk.ui.about import AboutDialog

    dialog = AboutDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.resize(500, 330)
    dialog.move(screen.right() - 700, 30)
    dialog.reject()
    again = AboutDialog(window)
    qtbot.addWidget(again)
    assert again.size().toTuple() == (500, 330)
    # a size left on a bigger screen is cut down to this one, and the window moved onto it
    dialog.resize(2400, 1300)
    dialog.reject()
    third = AboutDialog(window)
    qtbot.addWidget(third)
    assert not problems("about", third, screen)


def clipped_combos(page: QWidget) -> list[str]:
    """The filter combos of ``page`` whose first choice (「全部鄉鎮市區」, "All townships") or shown choice is cut."""
    from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox

    out = []
    for combo in page.findChildren(QComboBox):
        if not combo.isVisibleTo(page) or combo.isEditable() or not combo.count():
            continue
        option = QStyleOptionComboBox()
        option.initFrom(combo)
        option.editable = False
        room = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, combo).width()
        if combo.objectName().endswith("Choice"):  # a record chooser: its long descriptions read whole when opened
            wide = max(combo.view().fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
            if combo.view().minimumWidth() < wide:
                out.append(f"{combo.objectName()}: its open list is {combo.view().minimumWidth()} px for {wide} px")
            continue
        for text in {combo.itemText(0), combo.currentText()}:
            if combo.fontMetrics().horizontalAdvance(text) > room:
                out.append(f"{combo.objectName() or type(combo).__name__}: “{text}” in {room} px")
    from counsel_desk.ui.widgets.date_edit import DateEdit

    for edit in page.findChildren(DateEdit):  # the period's dates: 2026-01-01 whole, beside the calendar button
        room = edit.contentsRect().width() - edit.height() - 6
        if edit.isVisibleTo(page) and edit.fontMetrics().horizontalAdvance(edit.text()) > room:
            out.append(f"{edit.objectName()}: “{edit.text()}” in {room} px")
    return out


LIST_PAGES = ("visits", "followups", "workstations", "support", "proposals", "spaces", "events", "outcomes",
              "youth_teams", "audit")


@pytest.mark.parametrize("language", ["zh_TW", "en"])
def test_the_filter_combos_show_their_words_whole_on_the_smallest_screen(qtbot, qapp, demo_db, monkeypatch, language):
    """「全部鄉鎮市區」 and “All townships” were cut to 「全部鄉鎮市▾」 / “All townshi”, “All areas” to “All area▾”:
    every filter of every list page reads whole in a main window as small as 1280×680 allows."""
    from counsel_desk.ui.startup import install_translators

    area = SCREENS["1280x720 logical"]
    monkeypatch.setattr(fit, "available_geometry", lambda widget=None: QRect(area))
    if language == "en":
        monkeypatch.setenv("COUNSEL_DESK_LANG", "en")
    install_translators(qapp, language)
    try:
        main = main_window(qtbot, demo_db, monkeypatch, "林怡君")
        main.show()
        main.resize(area.size() - fit.FRAME)
        found: list[str] = []
        for key in LIST_PAGES:
            page = main.show_page(key)
            period = page.findChild(QComboBox, "periodFilter")
            if period is not None:
                period.setCurrentIndex(period.findData("last_12"))  # dates in both date fields
            qtbot.wait(50)
            assert main.width() <= area.width(), "the page did not widen the window"
            found += [f"{key}: {c}" for c in clipped_combos(page)]
            found += [f"{key}: {p}" for p in problems(key, main, area)]
        close_main_window(main)
    finally:
        install_translators(qapp, "zh_TW")
    assert not found, "\n".join(found)

"""The shared date field: typed in any common form, or picked from a calendar that names the ROC month."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from counsel_desk.errors import ValidationError
from counsel_desk.ui.widgets.date_edit import DateEdit


@pytest.fixture
def field(qtbot, app_context):
    f = DateEdit(value=date(2026, 11, 26))
    qtbot.addWidget(f)
    f.show()
    qtbot.waitExposed(f)
    return f


def test_typed_dates_are_read_and_shown_in_roc(qtbot, field):
    assert field.text() == "115/11/26"
    field.clear()
    qtbot.keyClicks(field, "2026-12-03")
    field.editingFinished.emit()
    assert field.text() == "115/12/03" and field.date() == date(2026, 12, 3)
    field.clear()
    qtbot.keyClicks(field, "115/13/40")
    with pytest.raises(ValidationError):
        field.date_for("due_date")
    assert field.date_or_none() is None


def test_the_calendar_picks_a_day_and_names_the_roc_month(qtbot, field):
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = field.popup
    assert popup is not None and popup.isVisible()
    assert popup.heading.text() == "民國115年11月"
    assert popup.calendar.selectedDate() == QDate(2026, 11, 26)
    popup.calendar.setCurrentPage(2027, 1)
    assert popup.heading.text() == "民國116年1月"
    popup.calendar.clicked.emit(QDate(2027, 1, 8))
    assert not popup.isVisible()
    assert field.text() == "116/01/08" and field.date() == date(2027, 1, 8)


def test_the_calendar_button_opens_on_today_when_empty(qtbot, field):
    field.clear()
    field.calendar_action.trigger()
    today = date.today()
    assert field.popup.calendar.selectedDate() == QDate(today.year, today.month, today.day)
    field.popup.close()
    assert field.text() == ""

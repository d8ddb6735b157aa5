"""The dashboard's outcomes card at headquarters: a database holding several centers' records shows a center
box — her own center first, each other center with records, all centers added up — and the figures follow it;
a database of one center shows no box."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from counsel_desk.models import Outcome
from counsel_desk.ui.outcomes.dashboard_card import ALL_CENTERS

TODAY = date.today()
TIMEOUT = 10_000
# (center, kind, people, amount) dated inside this month's dashboard period
RECORDS = [("north", "youth_returned", 3, 0), ("north", "revenue", 0, 100_000),
           ("south", "youth_stayed", 5, 0), ("south", "revenue", 0, 250_000),
           ("east", "jobs", 7, 0)]


def _record(db, rows) -> None:
    with db.session() as s:
        s.add_all([Outcome(center_code=c, outcome_date=TODAY.replace(day=1), kind=k, people=n, amount=a,
                           township_code="10004040", county_code="10004") for c, k, n, a in rows])
        s.commit()


@pytest.fixture
def dashboard(qtbot, app_context):
    from counsel_desk.ui.dashboard.page import DashboardPage

    def make():
        page = DashboardPage(app_context, None, today=lambda: TODAY)
        qtbot.addWidget(page)
        with qtbot.waitSignal(page.outcomes_card.loaded, timeout=TIMEOUT):
            page.set_period("this_month")
            page.resize(1100, 800)
            page.show()
        return page
    return make


def _choose(qtbot, card, label: str) -> None:
    box = card.center_box
    index = box.findText(label)
    assert index >= 0, [box.itemText(i) for i in range(box.count())]
    with qtbot.waitSignal(card.loaded, timeout=TIMEOUT):
        box.setCurrentIndex(index)
        box.activated.emit(index)


def test_headquarters_sees_each_center_and_all_centers(qtbot, app_context, dashboard):
    _record(app_context.db, RECORDS)
    page = dashboard()
    card = page.outcomes_card
    box = card.center_box
    assert box.isVisible()
    # one form of a center's name everywhere (issue 16), as the dashboard's title
    assert [box.itemText(i) for i in range(box.count())] == ["地方創生北區輔導中心", "地方創生南區輔導中心",
                                                          "地方創生東區輔導中心", "全部分區"]
    # her own center first, as the rest of the dashboard
    assert box.currentText() == "地方創生北區輔導中心"
    assert card.figure_text("youth") == "3（設籍 0）" and card.figure_text("revenue") == "NT$100,000"
    _choose(qtbot, card, "地方創生南區輔導中心")
    assert card.figure_text("youth") == "5（設籍 0）" and card.figure_text("revenue") == "NT$250,000"
    assert card.figure_text("jobs") == "0"
    _choose(qtbot, card, "全部分區")
    assert card.data.center is None and box.currentData() == ALL_CENTERS
    assert card.figure_text("youth") == "8（設籍 0）" and card.figure_text("revenue") == "NT$350,000"
    assert card.figure_text("jobs") == "7"
    # the dashboard's period changes: the chosen center stays
    with qtbot.waitSignal(card.loaded, timeout=TIMEOUT):
        page.set_period("this_year")
    assert box.currentText() == "全部分區" and card.figure_text("jobs") == "7"


def test_one_centers_database_shows_no_center_box(qtbot, app_context, dashboard):
    _record(app_context.db, RECORDS[:2])
    card = dashboard().outcomes_card
    assert not card.center_box.isVisible()
    assert card.figure_text("revenue") == "NT$100,000"


def test_records_of_last_month_stay_out_of_every_centers_figures(qtbot, app_context, dashboard):
    last_month = TODAY.replace(day=1) - timedelta(days=1)
    _record(app_context.db, RECORDS)
    with app_context.db.session() as s:
        s.add(Outcome(center_code="south", outcome_date=last_month, kind="jobs", people=100,
                      township_code="10004040", county_code="10004"))
        s.commit()
    card = dashboard().outcomes_card
    _choose(qtbot, card, "全部分區")
    assert card.figure_text("jobs") == "7"

"""The dashboard page on the demo database: figures, chart, map hover and click, reloads."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt

from counsel_desk.models import SiteVisit
from counsel_desk.models.enums import STAGE_ORDER
from counsel_desk.services import base
from counsel_desk.services.figures import dashboard
from counsel_desk.store import driver

TODAY = date(2026, 11, 26)
TIMEOUT = 10_000


@pytest.fixture
def db(demo_db):
    """The shared ``app_context`` fixture, but over the demo database."""
    return demo_db


@pytest.fixture
def ctx(app_context):
    return app_context


@pytest.fixture
def page(qtbot, ctx):
    from counsel_desk.ui.dashboard.page import DashboardPage

    widget = DashboardPage(ctx, None, today=lambda: TODAY)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.refreshed, timeout=TIMEOUT):
        widget.resize(1100, 800)
        widget.show()
    qtbot.waitExposed(widget)
    return widget


def count_sql(db, sql: str, *args) -> int:
    conn = driver.connect(db.path)
    try:
        return conn.execute(sql, args).fetchone()[0]
    finally:
        conn.close()


def month_visits(db) -> int:
    return count_sql(db, "SELECT count(*) FROM site_visit WHERE center_code = 'north' AND deleted_at IS NULL "
                         "AND visit_date BETWEEN '2026-11-01' AND '2026-11-30'")


def test_figures_show_what_the_database_holds(page, demo_db):
    assert page.title.text() == "總覽 — 地方創生北區輔導中心"  # the navigation's name first, one form of the center's name
    assert page.card_visits.value.text() == f"{month_visits(demo_db):,}"
    assert page.card_visits.unit.text() == "次"
    overdue = count_sql(demo_db, "SELECT count(*) FROM followup f JOIN site_visit v ON v.id = f.visit_id "
                                 "WHERE v.center_code = 'north' AND f.deleted_at IS NULL AND v.deleted_at IS NULL "
                                 "AND f.status IN ('open', 'in_progress') AND f.due_date < '2026-11-26'")
    assert page.card_overdue.value.text() == f"{overdue:,}"
    assert page.card_due.note.text() == "至 115/11/29（週日）"

    # the 12-month chart: one bar per month, this month last, values as counted
    assert page.chart.categories == ["12月"] + [f"{m}月" for m in range(1, 12)]
    series = page.chart.chart().series()[0]
    bars = series.barSets()[0]
    assert bars.at(11) == month_visits(demo_db)
    assert page.chart_card.title_label.text() == "每月訪視次數（民國114年12月－民國115年11月）"

    # proposals: every stage listed, zeros included
    assert [r.label for r in page.stages.rows] == [s.zh for s in STAGE_ORDER]
    proposals = count_sql(demo_db, "SELECT count(*) FROM proposal WHERE center_code = 'north' AND deleted_at IS NULL")
    assert sum(r.value for r in page.stages.rows) == proposals
    # this month's visits by county: the eight counties of the north center
    assert [r.label for r in page.by_county.rows][:3] == ["臺北市", "基隆市", "新北市"]
    assert sum(r.value for r in page.by_county.rows) == month_visits(demo_db)


def test_targets_panel_shows_each_target_against_its_actual(page):
    assert page.targets_card.title_label.text() == "民國115年績效指標達成（年初至今）"
    rows = page.targets.rows
    assert rows and rows[0].label == "實地訪視次數"
    assert all("/" in r.text or "目標" in r.text or "未訂目標" in r.text for r in rows)
    if page.targets_data.have_actuals:
        visits = page.targets_data.lines[0]
        assert rows[0].text.startswith(f"{visits.actual:,.0f} / {visits.target:,.0f}")
        assert page.targets.note.full_text.startswith("刻度線＝今天應有的進度（全年的 90%）")


def test_map_has_the_centers_townships_and_a_hover_text(page, qtbot):
    towns = page.map_data.townships
    north_towns = 87  # 臺北 12, 新北 29, 基隆 7, 桃園 13, 新竹縣 13, 新竹市 3, 金門 6, 連江 4
    assert len(towns) == north_towns
    assert sorted(page.map.town_codes) == sorted(t.township_code for t in towns)
    visited = max(towns, key=lambda t: t.count)
    assert visited.count > 0

    def hover() -> bool:
        # The point is taken afresh each time: cards that finish loading later (outcomes, targets) can still
        # move the map; and the pointer first leaves, since a move to where it already is sends no event.
        qtbot.mouseMove(page.map, QPoint(page.map.width() - 2, 2))
        qtbot.mouseMove(page.map, page.map.point_inside(visited.township_code).toPoint())
        return page.map.hovered_code == visited.township_code

    qtbot.waitUntil(hover, timeout=TIMEOUT)
    assert page.map.hover_text == f"{visited.county_name} {visited.name}：{visited.count} 次"
    # a township with no visit is painted blank, a visited one is not
    blank = [t for t in towns if t.count == 0]
    if blank:
        assert page.map.color_for(blank[0].township_code).name() == "#ffffff"
    assert page.map.color_for(visited.township_code).name() != "#ffffff"


def test_click_on_a_township_filters_the_visit_list(page, ctx, qtbot):
    town = next(t for t in page.map_data.townships if t.county_code == "10004")  # 新竹縣
    point = page.map.point_inside(town.township_code).toPoint()
    with qtbot.waitSignal(ctx.filter_visits_requested, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(page.map, Qt.MouseButton.LeftButton, pos=point)
    filters = blocker.args[0]
    assert filters["township_code"] == town.township_code
    period = dashboard.period("last_3_months", TODAY)
    assert (filters["date_from"], filters["date_to"]) == (period.start.isoformat(), period.end.isoformat())
    # the sea between townships filters nothing
    with qtbot.assertNotEmitted(ctx.filter_visits_requested):
        qtbot.mouseClick(page.map, Qt.MouseButton.LeftButton, pos=QPoint(page.map.width() - 3, 3))


def test_islands_get_insets(page):
    from counsel_desk.ui.dashboard.map_geometry import prepare_geometry

    geometry = prepare_geometry(dashboard.center_county_codes(page.ctx.services()))
    insets = [p for p in geometry.panels if p.inset]
    assert {code for p in insets for code in p.towns} == {t.township_code for t in page.map_data.townships
                                                          if t.county_code in ("09020", "09007")}
    assert ("09020",) in [p.label_codes for p in insets]  # 金門縣 names its main group of islands


def test_period_chooser_recounts_the_map(page, qtbot, demo_db):
    with qtbot.waitSignal(page.refreshed, timeout=TIMEOUT):
        page.period_box.setCurrentIndex(page.period_box.findText("本月"))
    assert page.map_data.period == dashboard.period("this_month", TODAY)
    counted = sum(page.map.count(code) for code in page.map.town_codes)
    assert counted == month_visits(demo_db)  # the center visits only its own counties in the demo
    assert f"共 {counted} 次訪視" in page.coverage.full_text
    assert "（115/11/01－115/11/30）" in page.coverage.full_text


def test_new_visit_reloads_the_page(page, ctx, qtbot, demo_db):
    before = page.map.count("63000010")  # 臺北市松山區
    cards_before = int(page.card_visits.value.text().replace(",", ""))
    with ctx.db.session() as s:
        base.create(s, SiteVisit(center_code="north", visit_date=TODAY, county_code="63000", township_code="63000010",
                                 mode="onsite", visited_name="松山文創園區"), ctx.actor, "site_visit")
        s.commit()
    with qtbot.waitSignal(page.refreshed, timeout=TIMEOUT):
        ctx.visits_changed.emit()
    assert page.map.count("63000010") == before + 1
    assert page.card_visits.value.text() == f"{cards_before + 1:,}"


def test_a_new_period_reloads_only_the_map(page, qtbot):
    overview, targets = page.overview, page.targets_data
    with qtbot.waitSignal(page.refreshed, timeout=TIMEOUT):
        page.set_period("this_year")
    assert page.map_data.period == dashboard.period("this_year", TODAY)
    assert page.overview is overview and page.targets_data is targets


def test_hidden_page_waits_until_shown(page, ctx, qtbot):
    page.hide()
    with qtbot.assertNotEmitted(page.refreshed, wait=300):
        ctx.followups_changed.emit()
    page.show()
    with qtbot.waitSignal(page.refreshed, timeout=TIMEOUT):
        page.page_activated()


def test_map_alone_paints_without_data(qtbot):
    from counsel_desk.ui.dashboard.map_geometry import prepare_geometry
    from counsel_desk.ui.dashboard.map_widget import TownshipMap

    empty = TownshipMap()
    qtbot.addWidget(empty)
    empty.resize(300, 300)
    assert not empty.grab().isNull()  # no geometry yet: a blank map, no crash
    east = prepare_geometry(["10002", "10015", "10014"])  # 宜蘭, 花蓮, 臺東: no outlying islands
    assert len(east.panels) == 1 and len(east.panels[0].towns) == 12 + 13 + 16
    empty.set_geometry(east)
    empty.set_counts({"10014020": 12}, {"10014020": "臺東縣 成功鎮"})
    assert empty.text_for("10014020") == "臺東縣 成功鎮：12 次"
    assert empty.township_at(empty.point_inside("10014020")) == "10014020"


@pytest.mark.parametrize("text, whole", [
    ("共 55 次訪視；24／87 個鄉鎮市區有訪視、63 個無訪視（115/10/01－115/12/31）", "共 55 次訪視；24／87 個鄉鎮市區有訪視、63 個無訪視…"),
    ("55 visits; 24 of 87 townships visited, 63 not visited (2026-10-01 – 2026-12-31)",
     "55 visits; 24 of 87 townships visited, 63 not visited…"),
])
def test_a_line_too_long_is_cut_between_words_never_inside_a_number(qtbot, text, whole):
    """The map's 「共 55 次訪視；…（115/10/01－115/12/31）」 on a 1366×768 laptop read 「（115/10/01－115/1…」: a
    number cut by "…" reads as another number. The cut goes back to before the number; the tooltip has it all."""
    from counsel_desk.ui.dashboard.widgets import ElidedLabel
    from tests.ui.walk_helpers import CUT_NUMBER

    label = ElidedLabel()
    qtbot.addWidget(label)
    label.set_full_text(text)
    label.show()
    widths = range(60, label.fontMetrics().horizontalAdvance(text) + 20, 7)
    shown = []
    for width in widths:
        label.resize(width, 20)
        shown.append(label.text())
        assert label.fontMetrics().horizontalAdvance(label.text()) <= max(width, 40)
        assert not CUT_NUMBER.search(label.text()), label.text()
    assert whole in shown
    assert shown[-1] == text and label.toolTip() == text

"""The dashboard page (儀表板): this month at a glance for a center manager.

Figure cards (visits this month, follow-ups due this week and overdue, proposals under way), the
coverage map of the center's townships over a chosen period, visits per month for a year, this
month's visits by county, proposals per stage and the yearly targets against their actuals.

Figures are gathered off the GUI thread (``loading.load`` via ``run_task``) whenever visits,
follow-ups, proposals or imported data change; while the page is hidden it only notes that it is
stale and reloads when shown again, so typing in the visit editor never waits for the dashboard.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox, QGridLayout, QHBoxLayout, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget,
)
from shiboken6 import isValid

from counsel_desk.i18n import pick
from counsel_desk.models.enums import CenterCode, Stage
from counsel_desk.services.places import stocktaking
from counsel_desk.services.figures.dashboard import PERIOD_KEYS, Overview, week_bounds
from counsel_desk.services.formatting import ROC_OFFSET, roc_date_long, roc_month, shown_date
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.dashboard.chart import MonthlyVisitsChart
from counsel_desk.ui.dashboard.getting_started import GettingStarted
from counsel_desk.ui.dashboard.loading import PARTS, MapData, TargetsData, load_map, load_overview, load_targets
from counsel_desk.ui.dashboard.map_widget import TownshipMap
from counsel_desk.ui.dashboard.panels import ProposalStages, TargetsPanel, VisitsByCounty, ZeroTownships
from counsel_desk.ui.theme import ALERT
from counsel_desk.ui.dashboard.widgets import Card, ElidedLabel, FigureCard
from counsel_desk.ui.outcomes.dashboard_card import OutcomesCard
from counsel_desk.ui.page_contract import PageHooks
from counsel_desk.ui.stocktaking.township_dialog import TownshipDialog
from counsel_desk.ui.tasks import run_task
from counsel_desk.ui.widgets.text import fmt, counted

log = logging.getLogger(__name__)

RELOAD_DELAY_MS = 150  # a burst of changes (an import, a visit with follow-ups) reloads once


def _month_text(year: int, month: int) -> str:
    return pick(roc_month(year, month), f"{year}-{month:02d}")


class DashboardPage(PageHooks, QWidget):
    refreshed = Signal()  # figures and map painted with fresh data

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 today: Callable[[], date] = date.today):
        super().__init__(parent)
        self.ctx = ctx
        self._today = today
        self.overview: Overview | None = None
        self.map_data: MapData | None = None
        self.targets_data: TargetsData | None = None
        self._drawn_counties: list[str] | None = None
        self._generation = dict.fromkeys(PARTS, 0)  # results of an older load of a part are dropped
        self._waiting: set[str] = set()
        self._stale = False
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.reload)
        self._build()
        for signal in (ctx.visits_changed, ctx.followups_changed, ctx.proposals_changed, ctx.data_imported,
                       ctx.proposal_stage_changed, ctx.support_records_changed, ctx.events_changed,
                       ctx.workstations_changed, ctx.outcomes_changed, ctx.youth_teams_changed):
            signal.connect(self._data_changed)
        # a status note or a township's 推動課題 (a colleague's, on a server, arrive as reports_changed)
        ctx.reports_changed.connect(self._stocktaking_changed)
        self.reload()

    # --- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = QLabel()
        self.title.setProperty("role", "pageTitle")
        self.as_of = QLabel()
        self.as_of.setProperty("role", "figureCaption")
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.as_of)

        self.getting_started = GettingStarted()
        self.getting_started.hide()
        self.getting_started.roster_clicked.connect(self.ctx.roster_requested)
        self.getting_started.new_visit_clicked.connect(self.ctx.new_visit_requested)
        self.getting_started.demo_clicked.connect(self.ctx.demo_requested)
        self.getting_started.demo_button.setVisible(not self.ctx.is_demo)
        self.card_visits = FigureCard(self.tr("Visits this month"))
        self.card_due = FigureCard(self.tr("Follow-ups due this week"))
        self.card_overdue = FigureCard(self.tr("Overdue follow-ups"))
        self.card_proposals = FigureCard(self.tr("Proposals under way"))
        cards = QHBoxLayout()
        cards.setSpacing(10)
        for card in (self.card_visits, self.card_due, self.card_overdue, self.card_proposals):
            cards.addWidget(card)

        # the coverage map
        self.map_card = Card(self.tr("Visits by township"))
        self.period_box = QComboBox()
        self.period_box.setAccessibleName(self.tr("Map period"))
        for key, text in zip(PERIOD_KEYS, (self.tr("This month"), self.tr("Last 3 months"), self.tr("This year"),
                                           self.tr("Last 12 months"))):
            self.period_box.addItem(text, key)
        self.period_box.setCurrentIndex(PERIOD_KEYS.index("last_3_months"))
        self.period_box.currentIndexChanged.connect(lambda _i: self.reload(("map",)))
        self.map_card.header.addWidget(self.period_box)
        self.shade_box = QComboBox()  # 盤點: the same map shaded by each township's stocktaking status
        self.shade_box.setObjectName("mapShade")
        self.shade_box.setAccessibleName(self.tr("Shade the map by"))
        self.shade_box.addItem(self.tr("Shade: visits"), "visits")
        self.shade_box.addItem(self.tr("Shade: stocktaking status"), "status")
        self.shade_box.currentIndexChanged.connect(lambda _i: self._shade_changed())
        self.map_card.header.addWidget(self.shade_box)
        self.coverage = ElidedLabel()
        self.coverage.setProperty("role", "figureCaption")
        self.map = TownshipMap()
        self.map.hint = self.tr("Click a township to list its visits.")
        self.map.township_clicked.connect(self._township_clicked)
        self.zero_towns = ZeroTownships()
        self.map_card.body.addWidget(self.coverage)
        self.map_card.body.addWidget(self.map, 1)
        self.map_card.body.addWidget(self.zero_towns)

        self.chart_card = Card(self.tr("Visits per month, last 12 months"))
        self.chart = MonthlyVisitsChart()
        self.chart_card.body.addWidget(self.chart, 1)

        self.county_card = Card(self.tr("This month's visits by county"))
        self.by_county = VisitsByCounty()
        self.county_card.body.addWidget(self.by_county)
        self.county_card.body.addStretch(1)

        self.stage_card = Card(self.tr("Proposals by stage"))
        self.stages = ProposalStages()
        self.stage_card.body.addWidget(self.stages)
        self.stage_card.body.addStretch(1)

        self.targets_card = Card(self.tr("Yearly targets"))
        self.targets = TargetsPanel()
        self.targets_card.header.addWidget(self.targets.note, 1)
        self.targets_card.header.setStretch(1, 0)  # the note takes the room the title leaves
        self.targets_card.body.addWidget(self.targets)

        grid = QGridLayout()
        grid.setSpacing(10)
        grid.addWidget(self.map_card, 0, 0, 2, 1)
        grid.addWidget(self.chart_card, 0, 1, 1, 2)
        grid.addWidget(self.county_card, 1, 1)
        grid.addWidget(self.stage_card, 1, 2)
        grid.addWidget(self.targets_card, 2, 0)
        self.outcomes_card = OutcomesCard()  # issue 17: the period's dated outcomes and training
        grid.addWidget(self.outcomes_card, 2, 1, 1, 2)
        grid.setColumnStretch(0, 10)
        grid.setColumnStretch(1, 6)
        grid.setColumnStretch(2, 6)
        grid.setRowStretch(0, 1)

        content = QWidget()
        content.setObjectName("dashboardContent")
        lay = QVBoxLayout(content)
        lay.setContentsMargins(16, 12, 16, 16)
        lay.setSpacing(10)
        lay.addLayout(head)
        lay.addWidget(self.getting_started)
        lay.addLayout(cards)
        lay.addLayout(grid, 1)
        content.setMinimumWidth(960)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        content.setStyleSheet("QWidget#dashboardContent { background: #f6f8fa; }")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._set_title()

    def _set_title(self) -> None:
        code = self.ctx.center_code
        try:
            name = CenterCode(code).full_name  # one form of the name everywhere: 地方創生北區輔導中心
        except ValueError:
            name = code
        self.title.setText(fmt(self.tr("Dashboard — %1"), name))

    # --- loading -------------------------------------------------------------------------------
    @property
    def period_key(self) -> str:
        return str(self.period_box.currentData())

    def set_period(self, key: str) -> None:
        self.period_box.setCurrentIndex(PERIOD_KEYS.index(key))

    def reload(self, parts: tuple[str, ...] = PARTS) -> None:
        """Gather the figures in the background; each part is shown as soon as it arrives."""
        self._reload_timer.stop()
        self._stale = False
        ctx, today, key, drawn = self.ctx.services(), self._today(), self.period_key, self._drawn_counties
        jobs = {"map": lambda _p: load_map(ctx, today, key, drawn),
                "overview": lambda _p: load_overview(ctx, today),
                "targets": lambda _p: load_targets(ctx, today)}
        if "map" in parts:  # the outcomes follow the map's period
            self.outcomes_card.reload(ctx, today, key)
        for part in parts:
            self._generation[part] += 1
            generation = self._generation[part]
            self._waiting.add(part)
            run_task(jobs[part], parent=self,
                     on_done=lambda result, part=part, g=generation: self._part_loaded(part, g, result),
                     on_error=lambda exc, part=part, g=generation: self._part_failed(part, g, exc))

    def _data_changed(self, *_args) -> None:
        if self.isVisible():
            self._reload_timer.start()
        else:
            self._stale = True

    def page_activated(self) -> None:
        center_changed = self.overview is not None and self.overview.center_code != self.ctx.center_code
        if self._stale or center_changed:
            self.reload()

    def _current(self, part: str, generation: int) -> bool:
        # the page may be gone, or a newer load of this part started, while this one ran
        return isValid(self) and generation == self._generation[part]

    def _part_failed(self, part: str, generation: int, exc: BaseException) -> None:
        if not self._current(part, generation):
            return
        log.error("dashboard %s failed: %s", part, getattr(exc, "__traceback_text__", exc))
        message = fmt(self.tr("The figures could not be loaded: %1"), str(exc))
        (self.coverage.set_full_text if part == "map" else self.as_of.setText)(message)
        self._part_done(part)

    def _part_loaded(self, part: str, generation: int, result) -> None:
        if not self._current(part, generation):
            return
        if part == "overview":
            self.overview = result
            self._show_overview(result)
        elif part == "map":
            self.map_data = result
            self._show_map(result)
        else:
            self.targets_data = result
            self._show_targets(result)
        self._part_done(part)

    def _part_done(self, part: str) -> None:
        self._waiting.discard(part)
        if not self._waiting:
            self.refreshed.emit()

    # --- showing -------------------------------------------------------------------------------
    def _show_overview(self, o: Overview) -> None:
        self._set_title()
        nothing_yet = not any(m.count for m in o.visits_per_month) and not any(s.count for s in o.proposals_by_stage)
        self.getting_started.setVisible(nothing_yet)
        now = datetime.now().strftime("%H:%M")
        self.as_of.setText(fmt(self.tr("%1 · updated %2"), pick(roc_date_long(o.today), o.today.isoformat()), now))
        per_month = o.visits_per_month
        last_month = per_month[-2].count if len(per_month) > 1 else 0
        def items(n: int) -> str:  # English says "1 item", "2 items"
            return self.tr("item") if n == 1 else self.tr("items")

        self.card_visits.set_figure(o.visits_this_month, self.tr("visit") if o.visits_this_month == 1
                                    else self.tr("visits"), counted(last_month, self.tr("last month: %1 visit"),
                                                                 self.tr("last month: %1 visits")))
        sunday = week_bounds(o.today)[1]
        self.card_due.set_figure(o.followups_due_this_week, items(o.followups_due_this_week),
                                 fmt(self.tr("until Sunday %1"), shown_date(sunday)))
        self.card_overdue.set_figure(o.followups_overdue, items(o.followups_overdue), self.tr("open or in progress, past due"),
                                     ALERT if o.followups_overdue else None)
        approved = next((s.count for s in o.proposals_by_stage if s.stage == Stage.APPROVED), 0)
        self.card_proposals.set_figure(o.proposals_in_progress, items(o.proposals_in_progress),
                                       fmt(self.tr("%1 approved"), f"{approved:,}"))
        first, last = per_month[0], per_month[-1]
        self.chart_card.title_label.setText(
            fmt(self.tr("Visits per month, %1 – %2"), _month_text(first.year, first.month),
                _month_text(last.year, last.month)))
        self.chart.set_months(per_month)
        self.by_county.set_counties(o.visits_by_county)
        self.stages.set_stages(o.proposals_by_stage)

    def _show_targets(self, data: TargetsData) -> None:
        year = pick(f"民國{data.upto.year - ROC_OFFSET}年", str(data.upto.year))
        self.targets_card.title_label.setText(fmt(self.tr("Yearly targets %1, year to date"), year))
        self.targets.set_targets(data.lines, data.have_actuals, data.upto)

    def _show_map(self, data: MapData) -> None:
        towns = data.townships
        if data.geometry is not None:
            titles = {t.county_code: pick(t.county_name, t.county_name_en) for t in towns}
            titles.update({t.township_code: pick(t.name, t.name_en) for t in towns})
            self.map.set_geometry(data.geometry, titles)
            self._drawn_counties = data.county_codes
        names = {t.township_code: pick(f"{t.county_name} {t.name}", f"{t.name_en}, {t.county_name_en}")
                 for t in towns}
        self.map.set_counts({t.township_code: t.count for t in towns}, names)
        if self.shade_key == "status":
            self._load_statuses()
        visited = sum(1 for t in towns if t.count)
        total_visits = sum(t.count for t in towns)
        p = data.period
        self.coverage.set_full_text(
            fmt(self.tr("%3 visits; %4 of %5 townships visited, %6 not visited (%1 – %2)"), shown_date(p.start),
                shown_date(p.end), f"{total_visits:,}", str(visited), str(len(towns)), str(len(towns) - visited)))
        self.zero_towns.set_townships(towns)

    # --- stocktaking shading --------------------------------------------------------------------
    @property
    def shade_key(self) -> str:
        return str(self.shade_box.currentData())

    def _shade_changed(self) -> None:
        if self.shade_key == "status":
            self.map_card.title_label.setText(self.tr("Townships by stocktaking status"))
            self.map.hint = self.tr("Click a township to see its history.")
            self._load_statuses()
        else:
            self.map_card.title_label.setText(self.tr("Visits by township"))
            self.map.hint = self.tr("Click a township to list its visits.")
            self.map.set_statuses(None)

    def _load_statuses(self) -> None:
        services = self.ctx.services()
        self._generation["status"] = self._generation.get("status", 0) + 1
        generation = self._generation["status"]
        self._waiting.add("status")

        def shown(result) -> None:
            if self._current("status", generation) and self.shade_key == "status":
                self.map.set_statuses({code: st.status for code, st in result.items()})
            if isValid(self):
                self._part_done("status")

        run_task(lambda _p: stocktaking.standings(services), parent=self, on_done=shown,
                 on_error=lambda exc: self._part_failed("status", generation, exc))

    def _stocktaking_changed(self) -> None:
        if self.shade_key == "status" and self.isVisible():
            self._load_statuses()

    def open_township(self, code: str) -> TownshipDialog:
        dialog = TownshipDialog(self.ctx, code, self, today=self._today())
        dialog.township_changed.connect(lambda _c: self._load_statuses())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    # --- actions -------------------------------------------------------------------------------
    def _township_clicked(self, code: str) -> None:
        if self.shade_key == "status":
            self.open_township(code)
            return
        filters: dict = {"township_code": code}
        if self.map_data is not None:  # the list then shows the very visits the map counted
            filters["date_from"] = self.map_data.period.start.isoformat()
            filters["date_to"] = self.map_data.period.end.isoformat()
        self.ctx.filter_visits_requested.emit(filters)

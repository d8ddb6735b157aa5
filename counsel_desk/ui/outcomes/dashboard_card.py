"""The dashboard's outcomes card: what the dashboard's period achieved, from the dated outcome records.

Young people who stayed or came back (with 設籍), jobs, visitors, revenue, resources matched and
company money, and the training courses' hours and trainees — the same sums as the report
(``services/outcomes/outcomes.totals``, ``reports/figures_outcomes.training``), loaded off the GUI thread.

A database holding more than one center's records (headquarters after importing the four centers'
workbooks) gets a center box in the card's header, as the report has: her own center first, each other
center with records, and all centers added up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QWidget
from shiboken6 import isValid

from sqlalchemy import text

from counsel_desk.models.enums import CenterCode
from counsel_desk.reports.figures_outcomes import TrainingTotals, training
from counsel_desk.services.figures import dashboard
from counsel_desk.services.outcomes import outcomes as outcome_service
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.formatting import shown_date
from counsel_desk.ui.dashboard.widgets import Card
from counsel_desk.ui.tasks import run_task
from counsel_desk.ui.widgets.text import fmt

KEYS = ("youth", "jobs", "visitors", "revenue", "resource_matching", "corporate", "training")


ALL_CENTERS = ""  # the center box's data for all centers added up
OWN_CENTER = None  # the card shows the context's center until she picks another


@dataclass(frozen=True)
class OutcomesData:
    period: dashboard.Period
    totals: outcome_service.OutcomeTotals
    training: TrainingTotals
    center: str | None  # whose outcomes (None: all centers)
    centers: list[str]  # the centers this database holds outcomes or events of, in CenterCode order


def load(sc: ServiceContext, today: date, period_key: str, center: str | None = OWN_CENTER) -> OutcomesData:
    """``center``: a center's code, ALL_CENTERS, or OWN_CENTER (the context's)."""
    period = dashboard.period(period_key, today)
    code = sc.center_code if center is OWN_CENTER else (center or None)
    with sc.session_factory() as s:
        conn = s.connection()
        held = {r[0] for r in conn.execute(text(
            "SELECT DISTINCT center_code FROM outcome WHERE deleted_at IS NULL "
            "UNION SELECT DISTINCT center_code FROM center_event WHERE deleted_at IS NULL"))}
        return OutcomesData(period, outcome_service.totals(conn, code, period), training(conn, code, period)[0],
                            code, [c.value for c in CenterCode if c.value in held])


class OutcomesCard(Card):
    loaded = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__("", parent)
        self.title_label.setText(self.tr("Outcomes"))
        self.period_label = QLabel()
        self.period_label.setProperty("role", "figureCaption")
        self.header.addWidget(self.period_label)
        self.center_box = QComboBox()  # shown once the database holds more than one center's records
        self.center_box.setObjectName("outcomesCenter")
        self.center_box.setAccessibleName(self.tr("Whose outcomes"))
        self.center_box.hide()
        self.center_box.activated.connect(lambda _i: self._center_chosen())
        self.header.addWidget(self.center_box)
        self._chosen: str | None = OWN_CENTER
        self._last: tuple[ServiceContext, date, str] | None = None
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        captions = (self.tr("Youth stayed or returned"), self.tr("Jobs"), self.tr("Visitors"), self.tr("Revenue"),
                    self.tr("Resources matched"), self.tr("Company investment and CSR"), self.tr("Training courses"))
        self.values: dict[str, QLabel] = {}
        for n, (key, caption) in enumerate(zip(KEYS, captions)):
            label = QLabel(caption)
            label.setProperty("role", "figureCaption")
            value = QLabel("—")
            value.setStyleSheet("font-size: 15px; font-weight: bold; color: #1d2b36;")
            self.values[key] = value
            grid.addWidget(label, n, 0)
            grid.addWidget(value, n, 1)
        grid.setColumnStretch(1, 1)
        self.body.addLayout(grid)
        self.body.addStretch(1)
        self.data: OutcomesData | None = None
        self._generation = 0

    def reload(self, sc: ServiceContext, today: date, period_key: str) -> None:
        if self._last is not None and self._last[0].center_code != sc.center_code:
            self._chosen = OWN_CENTER  # she changed her own center in the preferences: start from it again
        self._last = (sc, today, period_key)
        self._generation += 1
        generation = self._generation
        center = self._chosen
        run_task(lambda _p: load(sc, today, period_key, center), parent=self,
                 on_done=lambda result: self._show(generation, result),
                 on_error=lambda exc: self._failed(generation, exc))

    def choose_center(self, center: str | None) -> None:
        """Show a center's outcomes (its code), all centers' (ALL_CENTERS) or her own (OWN_CENTER)."""
        self._chosen = center
        if self._last is not None:
            self.reload(*self._last)

    def _center_chosen(self) -> None:
        self.choose_center(self.center_box.currentData())

    def _fill_centers(self, data: OutcomesData, own: str) -> None:
        """One entry per center with records (hers first), and all centers; hidden while there is one center."""
        codes = [own] + [c for c in data.centers if c != own]
        self.center_box.setVisible(len(codes) > 1)
        self.center_box.clear()
        for code in codes:
            try:
                name = CenterCode(code).full_name  # one form of a center's name everywhere
            except ValueError:
                name = code
            self.center_box.addItem(name, code)
        self.center_box.addItem(self.tr("All centers"), ALL_CENTERS)
        self.center_box.setCurrentIndex(max(0, self.center_box.findData(data.center or ALL_CENTERS)))

    def figure_text(self, key: str) -> str:
        return self.values[key].text()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if isValid(self) and generation == self._generation:
            self.period_label.setText(fmt(self.tr("The outcomes could not be loaded: %1"), str(exc)))
            self.loaded.emit()

    def _show(self, generation: int, data: OutcomesData) -> None:
        if not isValid(self) or generation != self._generation:
            return
        self.data = data
        if self._last is not None:
            self._fill_centers(data, self._last[0].center_code)
        t, tr = data.totals, data.training
        self.period_label.setText(f"{shown_date(data.period.start)} – {shown_date(data.period.end)}")
        self.values["youth"].setText(fmt(self.tr("%1 (%2 registered)"), f"{t.youth:,}", f"{t.youth_registered:,}"))
        self.values["jobs"].setText(f"{t.of('jobs'):,}")
        self.values["visitors"].setText(f"{t.of('visitors'):,}")
        self.values["revenue"].setText(f"NT${t.of('revenue'):,}")
        self.values["resource_matching"].setText(f"NT${t.of('resource_matching'):,}")
        self.values["corporate"].setText(f"NT${t.of('corporate_investment') + t.of('corporate_csr'):,}")
        self.values["training"].setText(fmt(self.tr("%1 · %2 h · %3 trainees"), f"{tr.courses:,}", f"{tr.hours:,.1f}",
                                            f"{tr.trainees:,}"))
        self.loaded.emit()

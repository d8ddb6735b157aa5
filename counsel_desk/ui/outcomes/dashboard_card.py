"""The dashboard's outcomes card: what the dashboard's period achieved, from the dated outcome records.

Young people who stayed or came back (with 設籍), jobs, visitors, revenue, resources matched and
company money, and the training courses' hours and trainees — the same sums as the report
(``services/outcomes.totals``, ``reports/figures_outcomes.training``), loaded off the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget
from shiboken6 import isValid

from counsel_desk.reports.figures_outcomes import TrainingTotals, training
from counsel_desk.services import dashboard
from counsel_desk.services import outcomes as outcome_service
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.formatting import shown_date
from counsel_desk.ui.dashboard.widgets import Card
from counsel_desk.ui.tasks import run_task
from counsel_desk.ui.widgets.text import fmt

KEYS = ("youth", "jobs", "visitors", "revenue", "resource_matching", "corporate", "training")


@dataclass(frozen=True)
class OutcomesData:
    period: dashboard.Period
    totals: outcome_service.OutcomeTotals
    training: TrainingTotals


def load(sc: ServiceContext, today: date, period_key: str) -> OutcomesData:
    period = dashboard.period(period_key, today)
    with sc.session_factory() as s:
        conn = s.connection()
        return OutcomesData(period, outcome_service.totals(conn, sc.center_code, period),
                            training(conn, sc.center_code, period)[0])


class OutcomesCard(Card):
    loaded = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__("", parent)
        self.title_label.setText(self.tr("Outcomes"))
        self.period_label = QLabel()
        self.period_label.setProperty("role", "figureCaption")
        self.header.addWidget(self.period_label)
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
        self._generation += 1
        generation = self._generation
        run_task(lambda _p: load(sc, today, period_key), parent=self,
                 on_done=lambda result: self._show(generation, result),
                 on_error=lambda exc: self._failed(generation, exc))

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

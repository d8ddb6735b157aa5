"""Visits per month over the last 12 months: a QtCharts bar chart with the number on each bar.

Months are labelled by name (the card's title gives the 民國 years); the current month is still
running, so its bar is drawn lighter.
"""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QLocale, QMargins, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from counsel_desk.services.figures.dashboard import MonthVisits

BAR = QColor("#4292c6")
BAR_RUNNING = QColor("#9ecae1")
AXIS = QColor("#55606b")
GRID = QColor("#e3e8ec")


class MonthlyVisitsChart(QChartView):
    def __init__(self, parent: QWidget | None = None):
        self._chart = QChart()
        super().__init__(self._chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self._chart.legend().setVisible(False)
        self._chart.setBackgroundVisible(False)
        self._chart.setPlotAreaBackgroundVisible(False)
        self.setBackgroundBrush(QBrush(QColor("#ffffff")))
        self.setFrameShape(QChartView.Shape.NoFrame)
        self._chart.setMargins(QMargins(0, 0, 0, 0))
        # numbers on the bars and the axis with thousands separators (1,234), as everywhere else
        self._chart.setLocalizeNumbers(True)
        self._chart.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        self._chart.layout().setContentsMargins(0, 0, 0, 0)
        self.setMinimumHeight(170)
        self.months: list[MonthVisits] = []
        self.categories: list[str] = []

    @staticmethod
    def month_label(month: int) -> str:
        """12月 in Chinese, Dec in English: the years are in the card's title."""
        return QLocale().monthName(month, QLocale.FormatType.ShortFormat)

    def set_months(self, months: list[MonthVisits], running_last: bool = True) -> None:
        """Bars for the months, oldest first; the last one is this (unfinished) month."""
        self.months = list(months)
        chart = self._chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        font = QFont(QApplication.font())
        font.setPointSizeF(max(7.5, font.pointSizeF() - 1.5))

        bars = QBarSet(self.tr("Visits"))
        bars.setColor(BAR)
        bars.setBorderColor(BAR)
        bars.setLabelColor(QColor("#1d2b36"))
        bars.setLabelFont(font)
        for m in months:
            bars.append(m.count)
        if running_last and months:
            bars.setSelectedColor(BAR_RUNNING)
            bars.selectBar(len(months) - 1)
        series = QBarSeries()
        series.append(bars)
        series.setBarWidth(0.62)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        chart.addSeries(series)

        self.categories = [self.month_label(m.month) for m in months]
        x = QBarCategoryAxis()
        x.append(self.categories)
        x.setLabelsFont(font)
        x.setLabelsColor(AXIS)
        x.setGridLineVisible(False)
        x.setLinePenColor(GRID)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(x)

        top = max((m.count for m in months), default=0)
        y = QValueAxis()
        y.setRange(0, _nice_ceiling(top * 1.15))  # room for the labels above the tallest bar
        y.setTickCount(5)
        y.setLabelFormat("%.0f")
        y.setLabelsFont(font)
        y.setLabelsColor(AXIS)
        y.setGridLineColor(GRID)
        y.setLineVisible(False)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(y)


def _nice_ceiling(value: float) -> int:
    """A bound of four round steps (five ticks, each a round number): 0→4, 37→40, 213→240, 14,068→16,000."""
    if value <= 4:
        return 4
    magnitude = 1
    while True:
        for step in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8):
            tick = float(step * magnitude)
            if tick.is_integer() and tick * 4 >= value:
                return int(tick * 4)
        magnitude *= 10

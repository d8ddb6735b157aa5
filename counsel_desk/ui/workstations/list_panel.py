"""The list part of this area's pages: a filter bar over a lazy table, the same for all four lists.

Search (as you type, after a short pause), county and township, status or kind, a period and a
counselor where the list has them; the table is a ``LazyIdTableModel`` whose source filters,
searches and sorts in SQL. The panel keeps the selected record selected across reloads.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from counsel_desk.errors import UserError
from counsel_desk.services.listing import ListQuery
from counsel_desk.services.workstations.support import counselors
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.lazy_table import LazyIdTableModel
from counsel_desk.ui.workstations.columns import CONTEXT
from counsel_desk.ui.widgets.fit import shrinkable
from counsel_desk.ui.widgets.indigenous_combo import IndigenousCombo
from counsel_desk.ui.widgets.places import PlacePicker
from counsel_desk.ui.widgets.text import counted
from counsel_desk.ui.theme import ALERT
from counsel_desk.ui.widgets.rows import table_view
from counsel_desk.ui.widgets.choices import EnumCombo, select
from counsel_desk.ui.widgets.date_edit import DateEdit

SEARCH_DELAY_MS = 250
MAX_COLUMN_WIDTH = 280
SIZE_FROM_ROWS = 100  # columns are fitted to this many rows: one page, never the whole list


class ReloadsWhenShown:
    """For pages: reload on a data signal only while visible; a hidden page notes it and reloads when
    shown, so an import never waits for pages nobody is looking at. Mix in before QWidget."""

    _stale = False

    def data_changed(self, *_args) -> None:
        if not self.isVisible():  # type: ignore[attr-defined]
            self._stale = True
            return
        self._stale = False
        self.reload_now()

    def reload_now(self) -> None:
        raise NotImplementedError

    def showEvent(self, event) -> None:
        super().showEvent(event)  # type: ignore[misc]
        if self._stale:
            self.data_changed()


class PanelPage(ReloadsWhenShown):
    """A page whose list is its ``panel`` (a ListPanel): the page hooks for search, filter and export.
    Put it before PageHooks among the bases (its hooks replace PageHooks' defaults)."""

    panel: "ListPanel"

    def focus_search(self) -> None:
        self.panel.focus_search()

    def current_list_model(self) -> LazyIdTableModel:
        return self.panel.model

    def apply_filter(self, filters: dict) -> None:
        self.panel.apply_filter(filters)


class ListPanel(QWidget):
    activated = Signal(str)  # a row was double-clicked or Enter pressed: open it
    selection_changed = Signal(str)  # id of the current row ("" when none)

    def __init__(self, ctx: AppContext, source, parent: QWidget | None = None, *, enum_filter=None,
                 enum_key: str = "status", townships: bool = True, period: bool = False, counselor: bool = False,
                 search_hint: str = ""):
        super().__init__(parent)
        self.ctx = ctx
        self.source = source
        self.enum_key = enum_key
        self.base_filters: dict = {}

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(search_hint or self.tr("Search…"))
        self.search.setMinimumWidth(96)  # leaves room for the 原住民族地區 filter on a 1280-px screen
        self.county = QComboBox()
        self.township = QComboBox() if townships else None
        any_text = self.tr("(all)")
        self.places = PlacePicker(ctx.db.session_factory, self.county, self.township, any_text=any_text,
                                  on_change=self.apply)
        self.enum_combo = EnumCombo(enum_filter, any_text=any_text) if enum_filter is not None else None
        self.indigenous = IndigenousCombo() if getattr(source, "township_column", None) else None
        if self.indigenous is not None:
            shrinkable(self.indigenous, chars=3, whole=True, widest=150)  # 「全部地區」, “All areas” read whole
        self.date_from = DateEdit() if period else None
        self.date_to = DateEdit() if period else None
        for edit in (self.date_from, self.date_to):
            if edit is not None:  # the bar labels them From / to: the field shows how a date is written
                edit.setPlaceholderText(self.tr("yyyy-mm-dd"))
                edit.setMaximumWidth(124)
        self.counselor = QComboBox() if counselor else None
        if self.counselor is not None:
            self.counselor.addItem(any_text, "")
            for cid, name in counselors(ctx.services()):
                self.counselor.addItem(name, cid)
        for combo in (self.county, self.township, self.enum_combo, self.counselor):
            if combo is not None:
                combo.setMinimumWidth(96)  # "（全部）" and a county name stay readable in a narrow bar
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.count_label = QLabel()
        self.count_label.setProperty("role", "figureCaption")

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.search, 2)
        bar.addWidget(QLabel(self.tr("County")))
        bar.addWidget(self.county, 1)
        if self.township is not None:
            bar.addWidget(self.township, 1)
        if self.indigenous is not None:
            bar.addWidget(self.indigenous)
        if self.enum_combo is not None:
            bar.addWidget(QLabel(self.tr("Type") if enum_key == "kind" else self.tr("Status")))
            bar.addWidget(self.enum_combo, 1)
        # the period goes on a row of its own: with the calendar buttons, one row of every filter
        # would push the main window past a 1280-px-wide screen
        period_bar = QHBoxLayout() if self.date_from is not None and self.date_to is not None else None
        if period_bar is not None:
            period_bar.setContentsMargins(0, 0, 0, 0)
            period_bar.addWidget(QLabel(self.tr("From")))
            period_bar.addWidget(self.date_from)
            period_bar.addWidget(QLabel(self.tr("to")))
            period_bar.addWidget(self.date_to)
            period_bar.addStretch(1)
        if self.counselor is not None:
            bar.addWidget(QLabel(self.tr("Counselor")))
            bar.addWidget(self.counselor, 1)
        bar.addWidget(self.clear_button)

        self.model = LazyIdTableModel(source, self, context=CONTEXT)
        self.view = table_view(self.model, alternate=True)
        self.view.verticalHeader().setDefaultSectionSize(26)
        header = self.view.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the source's own order until a click
        header.setSortIndicatorShown(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(SIZE_FROM_ROWS)
        self.view.verticalHeader().setResizeContentsPrecision(SIZE_FROM_ROWS)
        self.view.setSortingEnabled(True)
        self.view.doubleClicked.connect(lambda index: self._activate(index.row()))
        self.view.activated.connect(lambda index: self._activate(index.row()))
        self.view.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self.selection_changed.emit(self.model.id_at(cur.row()) or ""))

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(bar)
        if period_bar is not None:
            lay.addLayout(period_bar)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.count_label)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.apply)
        if self.enum_combo is not None:
            self.enum_combo.currentIndexChanged.connect(self.apply)
        if self.counselor is not None:
            self.counselor.currentIndexChanged.connect(self.apply)
        if self.indigenous is not None:
            self.indigenous.currentIndexChanged.connect(self.apply)
        for edit in (self.date_from, self.date_to):
            if edit is not None:
                edit.editingFinished.connect(self.apply)
        self.clear_button.clicked.connect(self.clear_filters)
        self.model.reloaded.connect(self._show_count)
        self._sized = False
        self.apply()

    # --- filters --------------------------------------------------------------------------------
    def filters(self) -> dict:
        f = dict(self.base_filters)
        f["county_code"] = self.places.county_code()
        f["township_code"] = self.places.township_code()
        if self.enum_combo is not None:
            f[self.enum_key] = self.enum_combo.code()
        for key, edit in (("date_from", self.date_from), ("date_to", self.date_to)):
            if edit is None:
                continue
            try:
                f[key] = edit.date()
                edit.setStyleSheet("")
                edit.setToolTip("")
            except UserError as exc:  # a half-typed date filters nothing until it reads right
                edit.setStyleSheet(f"border: 1px solid {ALERT};")
                edit.setToolTip(exc.message)
        if self.counselor is not None:
            f["counselor_id"] = self.counselor.currentData() or ""
        if self.indigenous is not None:
            f["indigenous"] = self.indigenous.code()
        return {k: v for k, v in f.items() if v}

    def apply(self) -> None:
        self._search_timer.stop()
        keep = self.current_id()
        self.model.set_query(ListQuery(filters=self.filters(), search=self.search.text().strip(),
                                       sort_key=self.model.query.sort_key, descending=self.model.query.descending))
        if keep:
            self.select_id(keep)

    def apply_filter(self, filters: dict) -> None:
        """Set the filter widgets from a dict (county_code, township_code, status/kind, date_from,
        date_to, counselor_id, search) and reload."""
        for w in (self.county, self.township, self.enum_combo, self.counselor, self.search, self.indigenous):
            if w is not None:
                w.blockSignals(True)
        try:
            if self.indigenous is not None:
                self.indigenous.set_code(filters.get("indigenous"))
            self.places.set_place(filters.get("county_code"), filters.get("township_code"))
            if self.enum_combo is not None:
                self.enum_combo.set_code(filters.get(self.enum_key))
            if self.counselor is not None:
                select(self.counselor, filters.get("counselor_id") or "", or_first=True)
            if self.date_from is not None and self.date_to is not None:
                self.date_from.set_date(filters.get("date_from"))
                self.date_to.set_date(filters.get("date_to"))
            self.search.setText(filters.get("search", ""))
        finally:
            for w in (self.county, self.township, self.enum_combo, self.counselor, self.search, self.indigenous):
                if w is not None:
                    w.blockSignals(False)
        self.apply()

    def clear_filters(self) -> None:
        self.apply_filter({})

    def narrowed(self) -> str | None:
        """What narrows the list (for its empty hint): the search text, "" for filters alone, None for nothing."""
        search = self.search.text().strip()
        return search if search else ("" if self.filters() else None)

    # --- rows -----------------------------------------------------------------------------------
    def reload(self) -> None:
        keep = self.current_id()
        self.model.reload()
        if keep:
            self.select_id(keep)

    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def select_id(self, record_id: str) -> bool:
        row = self.model.row_of(record_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(index)
        return True

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _activate(self, row: int) -> None:
        rid = self.model.id_at(row)
        if rid:
            self.activated.emit(rid)

    def _show_count(self, n: int) -> None:
        self.count_label.setText(counted(n, self.tr("%1 record"), self.tr("%1 records")))
        if n and not self._sized:
            self._sized = True
            self._size_columns()
        elif not n and not self._sized:  # an empty list still shows whole column titles («Award programme», not «ward programm»)
            header = self.view.horizontalHeader()
            for col in range(self.model.columnCount()):
                header.resizeSection(col, min(max(header.sectionSize(col), header.sectionSizeHint(col)), MAX_COLUMN_WIDTH))

    def _size_columns(self) -> None:
        """Fit the columns to the first rows once (Qt reads only the rows in view, so this stays cheap)."""
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        for col in range(self.model.columnCount()):
            header.resizeSection(col, min(max(header.sectionSize(col), 60), MAX_COLUMN_WIDTH))

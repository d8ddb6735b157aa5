"""Small table models of the proposals area (a few dozen rows: ``set_rows`` in a model reset)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from counsel_desk.models.enums import Stage
from counsel_desk.services.formatting import ntd
from counsel_desk.services.proposals.display import label, percent
from counsel_desk.services.proposals.funding import CenterFunding
from counsel_desk.services.proposals.plans import PlanProposal, PlanRow
from counsel_desk.ui.widgets.text import fmt
from counsel_desk.ui.widgets.roles import ID_ROLE



class RowsModel(QAbstractTableModel):
    """Rows of display tuples; subclasses name the headers and which columns hold money."""

    RIGHT: frozenset[int] = frozenset()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[str | None, list[Any]]] = []  # (id, cells)

    def headers(self) -> list[str]:
        raise NotImplementedError

    def set_cells(self, rows: list[tuple[str | None, list[Any]]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            heads = self.headers()
            return heads[section] if 0 <= section < len(heads) else None
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        rid, cells = self._rows[index.row()]
        if role == ID_ROLE:
            return rid
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = cells[index.column()]
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.RIGHT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def id_at(self, row: int) -> str | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def row_of(self, rid: str) -> int:
        return next((n for n, (i, _c) in enumerate(self._rows) if i == rid), -1)


class PlanTableModel(RowsModel):
    """Plans in a narrow side list: the title (place and township office in its tooltip), stage, money."""

    RIGHT = frozenset({2, 3})

    def __init__(self, parent=None):
        super().__init__(parent)
        self._tips: list[str] = []

    def headers(self) -> list[str]:
        return [self.tr("Plan"), self.tr("Stage"), self.tr("Proposals"), self.tr("Requested (NT$)")]

    def set_rows(self, rows: list[PlanRow]) -> None:
        self._tips = [f"{r.title}\n{r.place}　{r.organization}" for r in rows]
        self.set_cells([(r.id, [r.title, label(Stage, r.stage), r.proposals, ntd(r.requested)]) for r in rows])

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and 0 <= index.row() < len(self._tips):
            return self._tips[index.row()]
        return super().data(index, role)


class PlanProposalsModel(RowsModel):
    RIGHT = frozenset({3, 4, 5})

    def headers(self) -> list[str]:
        return [self.tr("Proposal"), self.tr("Applicant"), self.tr("Stage"), self.tr("Requested (NT$)"),
                self.tr("Self-funding"), self.tr("Matching funds")]

    def set_rows(self, rows: list[PlanProposal]) -> None:
        self.set_cells([(p.id, [p.title, p.applicant, label(Stage, p.stage), ntd(p.requested), ntd(p.self_funding),
                                ntd(p.matching_funds)]) for p in rows])


class DemandModel(RowsModel):
    """The center's view: what its proposals request from each work item, beside the plan in force's allocation."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._heads: list[str] = []

    def headers(self) -> list[str]:
        return self._heads or [self.tr("Work item"), self.tr("Agency")]

    def set_view(self, view: CenterFunding, with_allocation: bool) -> None:
        heads = [self.tr("Work item"), self.tr("Agency"), self.tr("Proposals")]
        for y in view.years:
            heads.append(fmt(self.tr("Requested ROC %1"), str(y)))
            if with_allocation:
                heads.append(fmt(self.tr("Allocation %1"), str(y)))
        heads += [self.tr("Total requested"), self.tr("Share")]
        rows = []
        for r in view.rows:
            cells: list[Any] = [r.name, r.agency, r.proposals or ""]
            for y in view.years:
                cells.append(ntd(r.requested[y]) if r.requested[y] else "")
                if with_allocation:
                    alloc = r.allocation[y]
                    status = r.allocation_status.get(y, "unknown")
                    cells.append(ntd(alloc) if alloc is not None else (
                        self.tr("not in this plan") if status == "not_listed"
                        else self.tr("no plan") if status == "no_plan" else self.tr("unknown")))
            cells += [ntd(r.total) if r.total else "", percent(r.share) if r.total else ""]
            rows.append((r.code, cells))
        total: list[Any] = [self.tr("Total"), "", view.proposals]
        for y in view.years:
            total.append(ntd(view.year_totals[y]))
            if with_allocation:
                total.append("")
        total += [ntd(view.total), percent(1.0) if view.total else ""]
        rows.append((None, total))
        self.beginResetModel()
        self._heads = heads
        self.RIGHT = frozenset(range(2, len(heads)))
        self._rows = rows
        self.endResetModel()

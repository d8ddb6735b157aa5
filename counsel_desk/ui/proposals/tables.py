"""Small table models of the proposals area (a few dozen rows, on ``ui/widgets/rows.RowsModel``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from counsel_desk.models.enums import Stage
from counsel_desk.services.formatting import ntd
from counsel_desk.services.proposals.display import percent
from counsel_desk.services.proposals.funding import CenterFunding
from counsel_desk.services.proposals.plans import PlanProposal, PlanRow
from counsel_desk.ui.widgets.text import fmt
from counsel_desk.ui.widgets.rows import RowsModel



class PlanTableModel(RowsModel):
    """Plans in a narrow side list: the title (place and township office in its tooltip), stage, money."""

    def __init__(self, parent=None):
        super().__init__(parent=parent, right=(2, 3))
        self.set_titles([self.tr("Plan"), self.tr("Stage"), self.tr("Proposals"), self.tr("Requested (NT$)")])
        self._tips: list[str] = []

    def set_plans(self, rows: list[PlanRow]) -> None:
        self._tips = [f"{r.title}\n{r.place}　{r.organization}" for r in rows]
        self.set_rows([(r.id, [r.title, Stage.label_of(r.stage), r.proposals, ntd(r.requested)]) for r in rows])

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and 0 <= index.row() < len(self._tips):
            return self._tips[index.row()]
        return super().data(index, role)


class PlanProposalsModel(RowsModel):
    def __init__(self, parent=None):
        super().__init__(parent=parent, right=(3, 4, 5))
        self.set_titles([self.tr("Proposal"), self.tr("Applicant"), self.tr("Stage"), self.tr("Requested (NT$)"),
                         self.tr("Self-funding"), self.tr("Matching funds")])

    def set_proposals(self, rows: list[PlanProposal]) -> None:
        self.set_rows([(p.id, [p.title, p.applicant, Stage.label_of(p.stage), ntd(p.requested), ntd(p.self_funding),
                                ntd(p.matching_funds)]) for p in rows])


class DemandModel(RowsModel):
    """The center's view: what its proposals request from each work item, beside the plan in force's allocation."""

    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self.set_titles([self.tr("Work item"), self.tr("Agency")])

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
                    if alloc is not None and status == "provisional":  # 暫列, as 表 1's note says from ROC 112 on
                        cells.append(fmt(self.tr("%1 (provisional)"), ntd(alloc)))
                    else:
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
        self.right = set(range(2, len(heads)))
        self.set_titles(heads)
        self.set_rows(rows)

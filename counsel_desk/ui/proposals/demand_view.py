"""The center's view of money: what its proposals request from each work item, per ROC year, optionally
beside the work item's yearly allocation under the plan in force that year (whole programme, not per center)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QTableView,
    QVBoxLayout, QWidget,
)

from counsel_desk.models.enums import Stage
from counsel_desk.errors import UserError
from counsel_desk.services.programme import programme
from counsel_desk.services import proposals as ps
from counsel_desk.services.formatting import ntd
from counsel_desk.services.proposals.funding import ACTIVE_STAGES
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.proposals.tables import DemandModel
from counsel_desk.ui.widgets.text import fmt, counted

SCOPES = {
    "active": ACTIVE_STAGES,
    "sent": (Stage.SENT.value, Stage.COUNCIL.value, Stage.APPROVED.value),
    "approved": (Stage.APPROVED.value,),
}


class DemandView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.scope = QComboBox()
        self.scope.setObjectName("demandScope")
        self.scope.addItem(self.tr("All proposals not rejected"), "active")
        self.scope.addItem(self.tr("Sent to the project office and beyond"), "sent")
        self.scope.addItem(self.tr("Approved only"), "approved")
        self.with_allocation = QCheckBox(self.tr("Show the plan's allocations"))
        self.with_allocation.setObjectName("withAllocation")
        self.model = DemandModel(self)
        self.table = QTableView()
        self.table.setObjectName("demandTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.summary = QLabel()
        self.summary.setObjectName("demandSummary")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Proposals of this center:")))
        top.addWidget(self.scope)
        top.addWidget(self.with_allocation)
        top.addStretch(1)
        self.load_button = QPushButton(self.tr("Load programme file…"))
        self.load_button.setObjectName("loadProgramme")
        self.load_button.setToolTip(self.tr("A programme file issued by the project office; an older "
                                            "version never replaces the loaded one. See docs/programme.md."))
        self.load_button.clicked.connect(self.choose_programme_file)
        top.addWidget(self.load_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self.plans = QLabel()
        self.plans.setObjectName("demandPlans")
        self.plans.setWordWrap(True)
        layout.addWidget(self.plans)
        self.scope.currentIndexChanged.connect(self.reload)
        self.with_allocation.toggled.connect(self.reload)

    def reload(self) -> None:
        view = ps.requested_by_work_item(self.ctx.services(), stages=SCOPES[self.scope.currentData()])
        self.model.set_view(view, self.with_allocation.isChecked())
        self.summary.setText(counted(view.proposals, self.tr("%1 proposal requests NT$%2 in total."),
                                      self.tr("%1 proposals request NT$%2 in total."), ntd(view.total)))
        lines = [fmt(self.tr("ROC %1: %2"), str(y), name) for y, name in view.plans.items()
                 if name]
        lines += [n.message for n in view.notices]
        self.plans.setText("\n".join(lines + [self.tr("Allocations are for the whole programme — a yardstick, "
                                                       "not this center's share.")]))

    def choose_programme_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Load programme file"), "",
                                              self.tr("Programme file (*.json)"))
        if name:
            self.load_programme_file(name)

    def load_programme_file(self, path: str) -> None:
        """Load it (a newer version only; audited) and say what happened; the figures follow at once."""
        try:
            outcome = programme.load_file(self.ctx.services(), path)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Programme file not loaded"), exc.message)
            return
        if outcome.changed:
            QMessageBox.information(self, self.tr("Programme file"), outcome.describe())
        else:
            QMessageBox.warning(self, self.tr("Programme file not loaded"), outcome.describe())
        self.reload()

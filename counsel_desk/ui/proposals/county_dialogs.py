"""The existing route's county review (縣府審查) checklist, and the council's decision when a proposal passes
(recorded in the move dialog, corrected later in :class:`DecisionDialog`; every change is audited).

The checklist is the five items of 圖 3 — 土地使用、環保、補助款核撥、配合款編列、公有空間提供 — each
with its status, date and note; each row is saved as it is (a bad date gets a message in Chinese
and nothing is written). The decision box sits in the move dialog when the target is 通過: the
number of the working meeting of 行政院地方創生會報, its date and the amount each ministry approved.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QGroupBox, QLabel, QLineEdit, QSpinBox,
    QVBoxLayout, QWidget,
)

from counsel_desk.errors import UserError, ValidationError
from counsel_desk.models.enums import CheckStatus, CountyCheckItem
from counsel_desk.ui.context import AppContext
from counsel_desk.services.proposals import county
from counsel_desk.ui.widgets.conflict_dialog import save_resolving
from counsel_desk.ui.widgets.fit import fit_window
from counsel_desk.ui.widgets.text import fmt
from counsel_desk.ui.theme import ALERT
from counsel_desk.ui.widgets.choices import fill, select
from counsel_desk.ui.messages import guarded
from counsel_desk.ui.widgets.date_edit import DateEdit


class CountyChecklistDialog(QDialog):
    """縣府審查 of an existing-route proposal or a township's plan (``kind``): one row per item; 儲存 writes
    every row, all or nothing per row, and says what failed."""

    def __init__(self, ctx: AppContext, proposal_id: str, title: str, parent: QWidget | None = None,
                 kind: str = "proposal"):
        super().__init__(parent)
        self.ctx = ctx
        svc = self.svc = ctx.services()
        self.proposal_id = proposal_id  # the record's id (a plan's when kind is "plan")
        self.kind = kind
        self.setObjectName("countyChecklist")
        self.setWindowTitle(self.tr("County review checklist"))
        self.setMinimumWidth(640)
        heading = QLabel(fmt(self.tr("“%1”: what the county government settles before the council (figure 3 of the plan)"),
                             title))
        heading.setWordWrap(True)
        grid = QGridLayout()
        for col, text in enumerate((self.tr("Item"), self.tr("Status"), self.tr("Date"), self.tr("Note"))):
            grid.addWidget(QLabel(f"<b>{text}</b>"), 0, col)
        self.rows: dict[str, tuple[QComboBox, DateEdit, QLineEdit]] = {}
        self.loaded: dict[str, county.CheckRow] = {}  # each item as stored when shown: what a save is checked against
        for n, row in enumerate(county.checklist(svc, proposal_id, kind), 1):
            self.loaded[row.item] = row
            status = QComboBox()
            status.setObjectName(f"status_{row.item}")
            fill(status, CheckStatus)
            select(status, row.status, or_first=True)
            when = DateEdit(value=row.checked_on)
            when.setObjectName(f"date_{row.item}")
            note = QLineEdit(row.note)
            note.setObjectName(f"note_{row.item}")
            grid.addWidget(QLabel(CountyCheckItem.label_of(row.item)), n, 0)
            grid.addWidget(status, n, 1)
            grid.addWidget(when, n, 2)
            grid.addWidget(note, n, 3)
            self.rows[row.item] = (status, when, note)
        self.error = QLabel()
        self.error.setObjectName("checklistError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ALERT};")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        fit_window(self, "countyChecklist", self.sizeHint())

    def set_row(self, item: str, status: str, when: date | None, note: str = "") -> None:
        combo, edit, text = self.rows[item]
        select(combo, status, or_first=True)
        edit.set_date(when)
        text.setText(note)

    def save(self) -> bool:
        """Save each item she changed; one a colleague saved meanwhile shows both values (she decides)."""
        problems = []
        for item, (combo, edit, text) in self.rows.items():
            loaded = self.loaded[item]
            try:
                values = {"status": combo.currentData(), "checked_on": edit.date_for(f"county_check:{item}"),
                          "note": text.text().strip()}
                if values == {"status": loaded.status, "checked_on": loaded.checked_on, "note": loaded.note}:
                    continue  # left as it was: nothing of a colleague's is overwritten with it
                saved = save_resolving(self, lambda v, version, item=item: self.ctx.run(
                    county.save_check, self.svc, self.proposal_id, item, v["status"], v["checked_on"], v["note"], kind=self.kind,
                    version=version), values, loaded.version, self._conflict_labels(item),
                    {s.value: s.label for s in CheckStatus})
            except UserError as exc:
                problems.append(f"{CountyCheckItem.label_of(item)}：{exc.message}")
                continue
            if saved is None:
                problems.append(fmt(self.tr("%1: not saved (you closed the comparison)."),
                                    CountyCheckItem.label_of(item)))
                continue
            self.loaded[item] = saved
            self.set_row(item, saved.status, saved.checked_on, saved.note)
        if problems:
            self.error.setText("\n".join(problems))
            return False
        self.accept()
        return True

    def _conflict_labels(self, item: str) -> dict[str, str]:
        what = CountyCheckItem.label_of(item)
        return {"status": fmt(self.tr("%1: status"), what), "checked_on": fmt(self.tr("%1: date"), what),
                "note": fmt(self.tr("%1: note"), what)}


class DecisionBox(QGroupBox):
    """The council's decision: meeting number and date, and the amount approved by each ministry."""

    def __init__(self, agencies: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("decisionBox")
        self.setTitle(self.tr("Council working meeting that approved it"))
        self.meeting = QSpinBox()
        self.meeting.setObjectName("councilMeeting")
        self.meeting.setRange(0, county.MAX_MEETING)
        self.meeting.setSpecialValueText(self.tr("not recorded"))
        self.meeting_date = DateEdit()
        self.meeting_date.setObjectName("councilDate")
        form = QFormLayout(self)
        form.addRow(self.tr("Meeting no.:"), self.meeting)
        form.addRow(self.tr("Meeting date:"), self.meeting_date)
        self.amounts: dict[str, QLineEdit] = {}
        for agency in agencies:
            edit = QLineEdit()
            edit.setObjectName(f"approved_{agency}")
            edit.setPlaceholderText("0")
            form.addRow(fmt(self.tr("%1 approved (NT$):"), agency), edit)
            self.amounts[agency] = edit

    def set_decision(self, d: county.Decision) -> None:
        """Show a recorded decision (an agency not in the list gets its own row)."""
        self.meeting.setValue(d.meeting or 0)
        self.meeting_date.set_date(d.meeting_date)
        form = self.layout()
        for agency, amount in d.amounts.items():
            if agency not in self.amounts and isinstance(form, QFormLayout):
                edit = QLineEdit()
                edit.setObjectName(f"approved_{agency}")
                form.addRow(fmt(self.tr("%1 approved (NT$):"), agency), edit)
                self.amounts[agency] = edit
            self.amounts[agency].setText(f"{amount:,}")

    def decision(self) -> county.Decision | None:
        """None when no meeting number is given (the move warns that it is missing)."""
        if not self.meeting.value():
            return None
        amounts = {}
        for agency, edit in self.amounts.items():
            text = edit.text().replace(",", "").strip()
            if not text:
                continue
            if not text.isdigit():
                raise ValidationError(f"「{agency}」的核定金額須為整數（新臺幣元）。",
                                      f"The amount approved by {agency} must be a whole NT$ amount.", field="approved")
            amounts[agency] = int(text)
        return county.check_decision(county.Decision(self.meeting.value(),
                                                     self.meeting_date.date_for("council_date"), amounts))


class DecisionDialog(QDialog):
    """Correct the council's decision of a passed proposal or plan: meeting, date, amounts per ministry.

    Saving goes through ``county.record_decision`` (audited, like every change); a bad value gets its
    message under the box and nothing is written."""

    def __init__(self, ctx: AppContext, kind: str, record_id: str, title: str, agencies: list[str],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.kind, self.record_id = ctx, kind, record_id
        svc = self.svc = ctx.services()
        self.setObjectName("decisionDialog")
        self.setWindowTitle(self.tr("Correct the council's decision"))
        heading = QLabel(fmt(self.tr("“%1”: the working meeting of the Executive Yuan's Regional Revitalization Council that approved it and the amount "
                                 "each ministry approved. The correction is recorded in the audit log."), title))
        heading.setWordWrap(True)
        self.box = DecisionBox(agencies)
        self.loaded = county.get_decision(svc, kind, record_id)  # with the record's version a save is checked against
        self.box.set_decision(self.loaded)
        self.error = QLabel()
        self.error.setObjectName("decisionError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ALERT};")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(heading)
        lay.addWidget(self.box)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        fit_window(self, "decisionDialog", self.sizeHint())

    def save(self) -> bool:
        with guarded(self, into=self.error) as done:
            decision = self.box.decision()
            if decision is None:
                raise ValidationError("請填寫通過的會報工作會議是第幾次（例如 51）。",
                                      "Give the number of the working meeting.", field="council_meeting")

            def save(values: dict, version: int | None) -> county.Decision:
                amounts = {agency: int(amount.replace(",", "")) for agency, amount in
                           (line.rsplit(": ", 1) for line in values["approved"])}
                return self.ctx.run(county.record_decision, self.svc, self.kind, self.record_id, county.Decision(
                    values["council_meeting"], values["council_date"], amounts), version)

            saved = save_resolving(self, save, decision.compared(), self.loaded.version, {
                "council_meeting": self.tr("Meeting no."), "council_date": self.tr("Meeting date"),
                "approved": self.tr("Amounts approved")})
        if not done:
            return False
        if saved is None:  # she closed the comparison: nothing saved, the dialog stays with what she typed
            self.error.setText(self.tr("Not saved: someone else changed this decision meanwhile."))
            return False
        self.accept()
        return True

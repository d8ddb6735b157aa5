"""The support-record editor (輔導紀錄): opened from the support list, a workstation's page or a visit.

``SupportRecordDialog(ctx, parent, *, visit_id=None, workstation_id=None, proposal_id=None,
record_id=None, youth_team_id=None)`` — the visit editor opens it with ``visit_id`` ("add a support
record from a visit"): the record then starts with the visit's date, station and counselors and stays
linked to the visit. With ``record_id`` it edits (and can delete) an existing record. The support is
given to a workstation or, directly, to a youth team that has none (chosen at the top).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel, QListWidget,
    QListWidgetItem, QPlainTextEdit, QPushButton, QRadioButton, QSpinBox, QVBoxLayout, QWidget,
)

from counsel_desk.errors import ValidationError
from counsel_desk.models.enums import SupportKind
from counsel_desk.services.workstations import support as support_service
from counsel_desk.services.outcomes import youth_teams as team_service
from counsel_desk.services.people.people import PeopleService
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.messages import confirm, guarded
from counsel_desk.ui.widgets.conflict_dialog import save_resolving
from counsel_desk.ui.widgets.fit import fit_window
from counsel_desk.ui.widgets.roles import VALUE_ROLE
from counsel_desk.ui.widgets.choices import EnumCombo, say_when_empty, select
from counsel_desk.ui.widgets.date_edit import DateEdit
from counsel_desk.ui.widgets.fields import FieldError


class SupportRecordDialog(QDialog):
    saved = Signal(str)  # id of the record written
    deleted = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, visit_id: str | None = None,
                 workstation_id: str | None = None, proposal_id: str | None = None, record_id: str | None = None,
                 youth_team_id: str | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.record_id = record_id
        self.visit_id = visit_id
        self.record_version: int | None = None
        self.setWindowTitle(self.tr("Support record") if record_id else self.tr("New support record"))
        self.setMinimumWidth(520)

        sc = ctx.services()
        if record_id:
            view = support_service.get_support_record(sc, record_id)
            rec = view.record
            self.record_version = rec.version  # a save refuses a record saved since
            start = {"support_date": rec.support_date, "workstation_id": rec.workstation_id, "kind": rec.kind,
                     "hours": rec.hours, "participants": rec.participants, "topics": rec.topics,
                     "outcome": rec.outcome, "visit_id": rec.visit_id, "proposal_id": rec.proposal_id,
                     "counselor_ids": view.counselor_ids}
            if not rec.workstation_id and view.team_ids:
                start["youth_team_id"] = view.team_ids[0]
            self.visit_id = rec.visit_id
        elif visit_id:
            start = support_service.defaults_from_visit(sc, visit_id)
            start.update(hours=2.0, participants=1)
        else:
            me = PeopleService(sc).counselor_named(ctx.actor)
            start = {"support_date": date.today(), "kind": SupportKind.CONSULTATION.value, "hours": 2.0,
                     "participants": 1, "topics": "", "outcome": "", "counselor_ids": [me] if me else []}
        if workstation_id:
            start["workstation_id"] = workstation_id
        if proposal_id:
            start["proposal_id"] = proposal_id
        if youth_team_id and not start.get("workstation_id"):
            start["youth_team_id"] = youth_team_id

        self.support_date = DateEdit()
        # given to: a workstation, or directly a youth team that has none
        self.to_station = QRadioButton(self.tr("A workstation"))
        self.to_station.setObjectName("supportToStation")
        self.to_team = QRadioButton(self.tr("A youth team directly"))
        self.to_team.setObjectName("supportToTeam")
        self.to_team.setToolTip(self.tr("Support given to a youth team of an award programme that has no workstation"))
        recipients = QButtonGroup(self)
        recipients.addButton(self.to_station)
        recipients.addButton(self.to_team)
        given_to = QHBoxLayout()
        given_to.addWidget(self.to_station)
        given_to.addWidget(self.to_team)
        given_to.addStretch(1)
        self.workstation = QComboBox()
        for sid, name in support_service.station_choices(sc, start.get("workstation_id")):
            self.workstation.addItem(name, sid)
        self.team = QComboBox()
        self.team.setObjectName("supportTeam")
        for tid, name in team_service.team_choices(sc, start.get("youth_team_id")):
            self.team.addItem(name, tid)
        self.kind = EnumCombo(SupportKind)
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0, support_service.MAX_HOURS)
        self.hours.setSingleStep(0.5)
        self.hours.setDecimals(1)
        self.hours.setSuffix(self.tr(" h"))
        self.participants = QSpinBox()
        self.participants.setRange(0, 100000)
        self.topics = QPlainTextEdit()
        self.topics.setMaximumHeight(70)
        self.outcome = QPlainTextEdit()
        self.outcome.setMaximumHeight(70)
        self.counselors = QListWidget()
        self.counselors.setMaximumHeight(110)
        for cid, name in support_service.counselors(sc, start.get("counselor_ids")):
            item = QListWidgetItem(name)
            item.setData(VALUE_ROLE, cid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if cid in (start.get("counselor_ids") or [])
                               else Qt.CheckState.Unchecked)
            self.counselors.addItem(item)
        self.visit_label = QLabel()
        self.proposal = QComboBox()
        self.error = FieldError()

        form = QFormLayout()
        self.form = form
        form.addRow(self.tr("Date"), self.support_date)
        form.addRow(self.tr("Given to"), given_to)
        form.addRow(self.tr("Workstation"), self.workstation)
        form.addRow(self.tr("Youth team"), self.team)
        form.addRow(self.tr("Type"), self.kind)
        form.addRow(self.tr("Hours"), self.hours)
        form.addRow(self.tr("Participants"), self.participants)
        form.addRow(self.tr("Topics"), self.topics)
        form.addRow(self.tr("Outcome"), self.outcome)
        form.addRow(self.tr("Counselors"), self.counselors)
        form.addRow(self.tr("Visit"), self.visit_label)
        form.addRow(self.tr("Proposal"), self.proposal)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.delete_button = QPushButton(self.tr("Delete"))
        if record_id:
            self.buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.delete_button.clicked.connect(self.delete)

        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)

        self.support_date.set_date(start.get("support_date"))
        select(self.workstation, start.get("workstation_id"), or_first=True)
        if not start.get("workstation_id"):
            self.workstation.setCurrentIndex(-1)
        select(self.team, start.get("youth_team_id"), or_first=True)
        if not start.get("youth_team_id"):
            self.team.setCurrentIndex(-1)
        say_when_empty(self.workstation, self.tr("No workstations yet"), self.tr("Choose…"))  # a new center's
        say_when_empty(self.team, self.tr("No youth teams yet"), self.tr("Choose…"))
        teams_only = not self.workstation.count() and self.team.count()  # a center that coaches teams, no station yet
        (self.to_team if start.get("youth_team_id") or teams_only else self.to_station).setChecked(True)
        self._show_recipient()
        self.to_station.toggled.connect(lambda _on: self._show_recipient())
        self.kind.set_code(start.get("kind"))
        self.hours.setValue(float(start.get("hours") or 0))
        self.participants.setValue(int(start.get("participants") or 0))
        self.topics.setPlainText(start.get("topics") or "")
        self.outcome.setPlainText(start.get("outcome") or "")
        self._fill_proposals(start.get("proposal_id"))
        self.workstation.currentIndexChanged.connect(lambda _i: self._fill_proposals(None))
        self._show_visit()
        fit_window(self, "supportRecordDialog", (620, 640), settings=ctx.settings)

    def _show_recipient(self) -> None:
        station = self.to_station.isChecked()
        self.form.setRowVisible(self.workstation, station)
        self.form.setRowVisible(self.team, not station)
        self.form.setRowVisible(self.proposal, station)  # the proposals a station assisted

    def _show_visit(self) -> None:
        if not self.visit_id:
            self.visit_label.setText(self.tr("(not from a visit)"))
            return
        with self.ctx.db.session() as s:
            label = support_service.visit_label(s, self.visit_id)
        self.visit_label.setText(label or self.tr("(visit deleted)"))

    def _fill_proposals(self, selected: str | None) -> None:
        self.proposal.clear()
        self.proposal.addItem(self.tr("(none)"), "")
        for pid, title in support_service.proposal_choices(self.ctx.services(), self.workstation.currentData()):
            self.proposal.addItem(title, pid)
        select(self.proposal, selected or "", or_first=True)

    # --- values and saving -------------------------------------------------------------------------
    def counselor_ids(self) -> list[str]:
        out = []
        for row in range(self.counselors.count()):
            item = self.counselors.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(VALUE_ROLE))
        return out

    def values(self) -> dict:
        day = self.support_date.date()
        if day is None:
            raise ValidationError("請填寫輔導日期。", "The support date is required.", field="support_date")
        station = self.workstation.currentData() if self.to_station.isChecked() else None
        if self.to_station.isChecked() and not self.workstation.count():
            raise ValidationError("還沒有任何工作站：請先在「青年培力工作站」新增，或改選「直接輔導青年團隊」。",
                                  "There are no workstations yet: add one under “Youth workstations”, or choose "
                                  "“A youth team directly”.", field="workstation_id")
        if self.to_station.isChecked() and not station:
            raise ValidationError("請選擇工作站。", "Choose a workstation.", field="workstation_id")
        if self.to_team.isChecked() and not self.team.count():
            raise ValidationError("還沒有任何青年團隊：請先在「青年團隊」新增，或改選「工作站」。",
                                  "There are no youth teams yet: add one under “Youth teams”, or choose "
                                  "“A workstation”.", field="youth_team_id")
        if self.to_team.isChecked() and not self.team.currentData():
            raise ValidationError("請選擇青年團隊。", "Choose a youth team.", field="youth_team_id")
        return {"support_date": day, "workstation_id": station or None,
                "kind": self.kind.code(), "hours": self.hours.value(), "participants": self.participants.value(),
                "topics": self.topics.toPlainText(), "outcome": self.outcome.toPlainText(),
                "visit_id": self.visit_id or None,
                "proposal_id": (self.proposal.currentData() or None) if self.to_station.isChecked() else None}

    def youth_team_id(self) -> str | None:
        return (self.team.currentData() or None) if self.to_team.isChecked() else None

    def field_labels(self) -> dict[str, str]:
        return {"support_date": self.tr("Date"), "workstation_id": self.tr("Workstation"), "kind": self.tr("Type"),
                "hours": self.tr("Hours"), "participants": self.tr("Participants"), "topics": self.tr("Topics"),
                "outcome": self.tr("Outcome"), "counselor_ids": self.tr("Counselors"), "visit_id": self.tr("Visit"),
                "proposal_id": self.tr("Proposal")}

    def _names(self) -> dict[str, str]:
        """The stations, proposals and counselors the form offers, by id (for the conflict dialog)."""
        names = {str(c.itemData(i)): c.itemText(i) for c in (self.workstation, self.proposal) for i in range(c.count())}
        for row in range(self.counselors.count()):
            item = self.counselors.item(row)
            names[str(item.data(VALUE_ROLE))] = item.text()
        names.update({k.value: k.label for k in SupportKind})
        return names

    def save(self) -> None:
        sc = self.ctx.services()
        with guarded(self, into=self.error) as done:
            fields = self.values()
            team = self.youth_team_id()
            if self.record_id:  # saved by someone else meanwhile: she decides field by field
                record_id = self.record_id
                fields["counselor_ids"] = self.counselor_ids()

                def update(values: dict, version: int | None):
                    values = dict(values)
                    ids = values.pop("counselor_ids")
                    return self.ctx.run(support_service.update_support_record, sc, record_id, values, ids, version,
                                        youth_team_id=team)

                found = save_resolving(self, update, fields, self.record_version, self.field_labels(), self._names())
                if found is None:
                    return
                rec = found
            else:
                rec = self.ctx.run(support_service.create_support_record, sc, fields, self.counselor_ids(),
                                   youth_team_id=team)
        if not done:
            return
        self.record_id = rec.id
        self.ctx.status_message.emit(self.tr("Support record saved."))
        self.saved.emit(rec.id)
        self.accept()

    def delete(self) -> None:
        if not self.record_id or not confirm(self, self.tr("Delete this support record?"), do=self.tr("Delete")):
            return
        with guarded(self) as done:
            self.ctx.run(support_service.delete_support_record, self.ctx.services(), self.record_id)
        if not done:
            return
        self.deleted.emit(self.record_id)
        self.reject()

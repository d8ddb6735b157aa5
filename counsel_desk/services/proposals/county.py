"""The county government's review on the existing route (縣府審查) and the council's decision.

圖 3 (提案流程 2.0) has the county government 「確認及協助處理土地使用、環保、補助款核撥、配合款編列、
公有空間提供等事宜」: :func:`checklist` gives those five items of an existing-route proposal or a
township's plan (``kind`` "proposal" or "plan"), each with its status, date and note, and
:func:`save_check` records one. A plan passes at a numbered working meeting of
行政院地方創生會報 with amounts approved per ministry: :func:`record_decision` keeps them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from datetime import date

from sqlmodel import Session, select

from counsel_desk.errors import ValidationError
from counsel_desk.models import ApprovedAmount, CountyCheck, Plan, Proposal
from counsel_desk.models.enums import CheckStatus, CountyCheckItem, Route, Stage
from counsel_desk.services import base
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.changes import Kind, changes
from counsel_desk.services.proposals.drafts import live
from counsel_desk.services.proposals.funding import validate_amount

MAX_MEETING = 999


@dataclass(frozen=True)
class CheckRow:
    item: str  # CountyCheckItem
    status: str  # CheckStatus
    checked_on: date | None
    note: str
    version: int = 0  # the stored row's (0: never recorded) — what the checklist saves against

    @property
    def open(self) -> bool:
        return self.status in (CheckStatus.PENDING, CheckStatus.ISSUE)


def _owner(kind: str, record_id: str) -> Any:
    return CountyCheck.plan_id == record_id if kind == "plan" else CountyCheck.proposal_id == record_id


def checks_in(session: Session, record_id: str, kind: str = "proposal") -> list[CheckRow]:
    rows = {c.item: c for c in session.exec(select(CountyCheck).where(
        _owner(kind, record_id), CountyCheck.deleted_at.is_(None)))}  # type: ignore[union-attr]
    out = []
    for item in CountyCheckItem:
        c = rows.get(item.value)
        out.append(CheckRow(item.value, c.status, c.checked_on, c.note, c.version) if c else
                   CheckRow(item.value, CheckStatus.PENDING.value, None, ""))
    return out


def checklist(ctx: ServiceContext, record_id: str, kind: str = "proposal") -> list[CheckRow]:
    """The five items of the county's review, in the seed's order (unrecorded ones are 待確認)."""
    with ctx.session_factory() as s:
        if kind == "plan":
            live(s, Plan, record_id, "地方創生計畫", "plan")
        else:
            live(s, Proposal, record_id, "提案", "proposal")
        return checks_in(s, record_id, kind)


@changes(Kind.PROPOSALS)
def save_check(ctx: ServiceContext, record_id: str, item: str, status: str, checked_on: date | None,
               note: str = "", kind: str = "proposal", version: int | None = None) -> CheckRow:
    """Record one checklist item; a settled item or an open issue needs the date it was established.

    ``version``: the row's as the checklist loaded it (0: not yet recorded) — an item someone saved since is
    refused with a SaveConflict (status, date and note: both values of each that differs), never overwritten."""
    try:
        it, st = CountyCheckItem(item), CheckStatus(status)
    except ValueError:
        raise ValidationError(f"不明的縣府審查項目或狀態「{item}／{status}」。",
                              f"Unknown county check item or status '{item}/{status}'.", field="county_check") from None
    if st != CheckStatus.PENDING and checked_on is None:
        raise ValidationError(f"「{it.zh}」標為「{st.zh}」時須填寫確認日期。",
                              f"'{it.en}' marked '{st.en}' needs the date.", field=f"county_check:{it.value}")
    if checked_on is not None and checked_on > date.today():
        raise ValidationError(f"「{it.zh}」的確認日期不能在未來。", f"The date of '{it.en}' is in the future.",
                              field=f"county_check:{it.value}")
    with ctx.session_factory() as s:
        if kind == "plan":  # a township's plan always follows the existing route
            live(s, Plan, record_id, "地方創生計畫", "plan")
        else:
            p = live(s, Proposal, record_id, "提案", "proposal")
            if p.route != Route.EXISTING and p.plan_id is None:
                raise ValidationError("縣府審查項目只適用於現行提案流程（公所提報 → 縣府審查）；多元徵案由分區輔導中心整合後送專案辦公室。",
                                      "The county checklist belongs to the existing route; multi-channel proposals go "
                                      "through the center to the project office.", field="county_check")
        query = select(CountyCheck).where(_owner(kind, record_id), CountyCheck.item == it.value)
        locking = version is not None and s.get_bind().dialect.name != "sqlite"  # as base.load_for_update
        row = s.exec(query.with_for_update() if locking else query).first()
        text = (note or "").strip()
        mine = {"status": st.value, "checked_on": checked_on, "note": text}
        if row is not None:
            base.refuse_if_saved_meanwhile("county_check", row, version, mine, {
                "status": CheckStatus.PENDING.value, "checked_on": None, "note": ""} if row.deleted_at else None)
        if row is None:
            row = CountyCheck(plan_id=record_id if kind == "plan" else None,
                              proposal_id=None if kind == "plan" else record_id, item=it.value,
                              status=st.value, checked_on=checked_on, note=text)
            base.create(s, row, ctx.actor, "county_check")
        else:
            base.update(s, row, ctx.actor, "county_check", {**mine, "deleted_at": None})
        s.commit()
        return CheckRow(it.value, st.value, checked_on, text, row.version)


@dataclass(frozen=True)
class Decision:
    """What the council's working meeting decided for a passed plan or proposal."""

    meeting: int | None  # 第 N 次工作會議
    meeting_date: date | None
    amounts: dict[str, int]  # ministry → NT$ approved
    version: int = 0  # the proposal's or plan's as read: a correction saves against it

    def compared(self) -> dict[str, Any]:
        """As the conflict dialog compares it: the amounts as one field, a line per ministry."""
        return {"council_meeting": self.meeting, "council_date": self.meeting_date,
                "approved": [f"{agency}: {amount:,}" for agency, amount in sorted(self.amounts.items())]}

    @property
    def total(self) -> int:
        return sum(self.amounts.values())


def decision_in(session: Session, *, proposal_id: str | None = None, plan_id: str | None = None) -> Decision:
    record = session.get(Proposal, proposal_id) if proposal_id else session.get(Plan, plan_id)
    cond = ApprovedAmount.proposal_id == proposal_id if proposal_id else ApprovedAmount.plan_id == plan_id
    amounts = {a.agency: a.amount for a in session.exec(select(ApprovedAmount).where(
        cond, ApprovedAmount.deleted_at.is_(None)).order_by(ApprovedAmount.agency))}  # type: ignore[union-attr]
    return Decision(record.council_meeting if record else None, record.council_date if record else None, amounts,
                    record.version if record else 0)


def get_decision(ctx: ServiceContext, kind: str, record_id: str) -> Decision:
    with ctx.session_factory() as s:
        return decision_in(s, **({"plan_id": record_id} if kind == "plan" else {"proposal_id": record_id}))


def check_decision(decision: Decision) -> Decision:
    if decision.meeting is None or not 1 <= int(decision.meeting) <= MAX_MEETING:
        raise ValidationError("請填寫通過的會報工作會議是第幾次（例如 51）。",
                              "Give the number of the working meeting that passed it (e.g. 51).", field="council_meeting")
    if decision.meeting_date is not None and decision.meeting_date > date.today():
        raise ValidationError("會議日期不能在未來。", "The meeting date is in the future.", field="council_date")
    amounts = {}
    for agency, amount in decision.amounts.items():
        name = (agency or "").strip()
        if not name:
            raise ValidationError("核定金額須寫明部會。", "Each approved amount needs its ministry.", field="approved")
        value = validate_amount(amount, f"{name}核定金額", f"Amount approved by {name}", "approved")
        if value:
            amounts[name] = value
    return Decision(int(decision.meeting), decision.meeting_date, amounts)


def save_decision(session: Session, ctx: ServiceContext, record: Proposal | Plan, decision: Decision) -> None:
    """Keep the meeting and the amounts per ministry on a proposal or plan (in the caller's transaction)."""
    decision = check_decision(decision)
    kind = "plan" if isinstance(record, Plan) else "proposal"
    base.update(session, record, ctx.actor, kind, {"council_meeting": decision.meeting,
                                                   "council_date": decision.meeting_date})
    cond = ApprovedAmount.plan_id == record.id if kind == "plan" else ApprovedAmount.proposal_id == record.id
    existing = {a.agency: a for a in session.exec(select(ApprovedAmount).where(
        cond, ApprovedAmount.deleted_at.is_(None)))}  # type: ignore[union-attr]
    for agency, row in existing.items():
        if agency not in decision.amounts:
            base.soft_delete(session, row, ctx.actor, "approved_amount")
    for agency, amount in decision.amounts.items():
        found = existing.get(agency)
        if found is None:
            base.create(session, ApprovedAmount(agency=agency, amount=amount,
                                                plan_id=record.id if kind == "plan" else None,
                                                proposal_id=None if kind == "plan" else record.id),
                        ctx.actor, "approved_amount")
        elif found.amount != amount:
            base.update(session, found, ctx.actor, "approved_amount", {"amount": amount})


@changes(Kind.PROPOSALS)
def record_decision(ctx: ServiceContext, kind: str, record_id: str, decision: Decision,
                    version: int | None = None) -> Decision:
    """Record (or correct) the decision of a passed proposal or plan. ``version``: the record's as the dialog
    read it — a decision someone saved since (or any save of the record that changed it) is refused with a
    SaveConflict (meeting, date, the amounts as one field) instead of being overwritten."""
    with ctx.session_factory() as s:
        model, what = (Plan, "地方創生計畫") if kind == "plan" else (Proposal, "提案")
        if version is not None:
            base.load_for_update(s, model, record_id)  # the row held until COMMIT on a server
        record = live(s, model, record_id, what, kind)
        ids = {"plan_id": record_id} if kind == "plan" else {"proposal_id": record_id}
        if version is not None and record.version != version:
            base.refuse_if_saved_meanwhile(kind, record, version, check_decision(decision).compared(),
                                           decision_in(s, **ids).compared())
        version_before = record.version
        if record.stage != Stage.APPROVED:
            raise ValidationError("只有「通過」的計畫或提案才記錄會報工作會議與核定金額。",
                                  "Only an approved plan or proposal records its meeting and amounts.",
                                  field="council_meeting")
        before = decision_in(s, **ids)
        save_decision(s, ctx, record, decision)
        if record.version == version_before and decision_in(s, **ids).amounts != before.amounts:
            base.stamp_change(record, ctx.actor)  # only amounts changed: a colleague's dialog must see it too
            s.add(record)
        s.commit()
        return decision_in(s, **ids)

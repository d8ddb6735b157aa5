"""Business proposals (事業提案) as drafts: applicant and route, sections, funding, scores, contacts.

The editor saves a whole draft at once through :func:`save_draft` (one transaction, one audit entry
per changed record, the search index refreshed). :func:`get_proposal` returns everything the editor,
the PDF and the snapshots need as one plain :class:`ProposalDetail`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Iterable

from sqlmodel import Session, select

from counsel_desk.errors import UserError, ValidationError
from counsel_desk.models import (
    Contact, Counselor, County, Organization, Plan, Proposal, ProposalContact, ProposalSection, Township,
    Workstation,
)
from counsel_desk.models.enums import OrgKind, Route, SectionKey
from counsel_desk.services import base
from counsel_desk.services.people.roster import email_problem, phone_problem
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.places.places import check_place
from counsel_desk.services.proposals import funding as funding_mod
from counsel_desk.services.proposals.coaching import ScoreEntry, live_scores
from counsel_desk.services.changes import Kind, changes
from counsel_desk.store import audit, search

ENTITY = "proposal"


@dataclass
class ProposalFields:
    """What a person types about a proposal (the applicant tab of the editor)."""

    title: str
    county_code: str
    township_code: str
    route: str = Route.MULTI.value
    applicant_type: str = ""
    organization_name: str = ""
    workstation_id: str | None = None
    counselor_id: str | None = None
    plan_id: str | None = None
    self_funding: int = 0
    matching_funds: int = 0


@dataclass(frozen=True)
class FundingEntry:
    work_item_code: str
    roc_year: int
    amount: int


@dataclass(frozen=True)
class ContactEntry:
    id: str
    name: str
    title: str
    phone: str
    email: str


@dataclass
class ProposalDetail:
    id: str
    center_code: str
    title: str
    applicant_type: str
    organization_id: str | None
    organization_name: str
    county_code: str
    county_name: str
    township_code: str
    township_name: str
    route: str
    workstation_id: str | None
    workstation_name: str
    counselor_id: str | None
    counselor_name: str
    plan_id: str | None
    plan_title: str
    stage: str
    stage_changed_at: datetime
    self_funding: int
    matching_funds: int
    version: int
    updated_by: str
    updated_at: datetime
    created_at: datetime
    deleted: bool = False
    sections: dict[str, str] = field(default_factory=dict)
    funding: list[FundingEntry] = field(default_factory=list)
    scores: dict[str, ScoreEntry] = field(default_factory=dict)
    contacts: list[ContactEntry] = field(default_factory=list)

    @property
    def place(self) -> str:
        return f"{self.county_name}{self.township_name}"

    def fields(self) -> ProposalFields:
        return ProposalFields(self.title, self.county_code, self.township_code, self.route, self.applicant_type,
                              self.organization_name, self.workstation_id, self.counselor_id, self.plan_id,
                              self.self_funding, self.matching_funds)


# --- reading -------------------------------------------------------------------------------------
def live(session: Session, model, record_id: str | None, what_zh: str, what_en: str):
    """The live record or a UserError naming what was not found (deleted records count as gone)."""
    obj = session.get(model, record_id) if record_id else None
    if obj is None or getattr(obj, "deleted_at", None) is not None:
        raise UserError(f"找不到這筆{what_zh}（可能已刪除）。", f"This {what_en} was not found (deleted?).")
    return obj


def name_of(session: Session, model, record_id: str | None, attr: str = "name") -> str:
    obj = session.get(model, record_id) if record_id else None
    return getattr(obj, attr, "") if obj is not None else ""


def sections_of(session: Session, proposal_id: str) -> dict[str, str]:
    rows = session.exec(select(ProposalSection).where(ProposalSection.proposal_id == proposal_id,
                                                      ProposalSection.deleted_at.is_(None)))  # type: ignore[union-attr]
    return {r.section_key: r.body for r in rows}


def contacts_of(session: Session, proposal_id: str) -> list[ContactEntry]:
    rows = session.exec(select(Contact).join(ProposalContact, ProposalContact.contact_id == Contact.id)  # type: ignore[arg-type]
                        .where(ProposalContact.proposal_id == proposal_id, Contact.deleted_at.is_(None))  # type: ignore[union-attr]
                        .order_by(Contact.name))
    return [ContactEntry(c.id, c.name, c.title, c.phone, c.email) for c in rows]


def detail_in(session: Session, p: Proposal) -> ProposalDetail:
    lines = sorted(funding_mod.live_lines(session, [p.id]), key=lambda l: (l.roc_year, l.work_item_code))
    return ProposalDetail(
        id=p.id, center_code=p.center_code, title=p.title, applicant_type=p.applicant_type,
        organization_id=p.organization_id, organization_name=name_of(session, Organization, p.organization_id),
        county_code=p.county_code, county_name=name_of(session, County, p.county_code),
        township_code=p.township_code, township_name=name_of(session, Township, p.township_code),
        route=p.route, workstation_id=p.workstation_id, workstation_name=name_of(session, Workstation, p.workstation_id),
        counselor_id=p.counselor_id, counselor_name=name_of(session, Counselor, p.counselor_id),
        plan_id=p.plan_id, plan_title=name_of(session, Plan, p.plan_id, "title"), stage=p.stage,
        stage_changed_at=p.stage_changed_at, self_funding=p.self_funding, matching_funds=p.matching_funds,
        version=p.version, updated_by=p.updated_by, updated_at=p.updated_at, created_at=p.created_at,
        deleted=p.deleted_at is not None, sections=sections_of(session, p.id),
        funding=[FundingEntry(l.work_item_code, l.roc_year, l.amount) for l in lines],
        scores=live_scores(session, p.id), contacts=contacts_of(session, p.id))


def get_proposal(ctx: ServiceContext, proposal_id: str) -> ProposalDetail:
    with ctx.session_factory() as s:
        p = s.get(Proposal, proposal_id)
        if p is None:
            raise UserError("找不到這件提案。", "Proposal not found.")
        return detail_in(s, p)


# --- validating ----------------------------------------------------------------------------------
def check_title(title: str | None, what_zh: str, what_en: str) -> str:
    title = (title or "").strip()
    if not title:
        raise ValidationError(f"請填寫{what_zh}名稱。", f"Please enter the {what_en}'s title.", field="title")
    if len(title) > 200:
        raise ValidationError(f"{what_zh}名稱太長（最多 200 字）。", "The title is too long (200 characters at most).",
                              field="title")
    return title


def check_proposal_place(session: Session, county_code: str | None, township_code: str | None) -> None:
    """County and township are required (the tables say so) and the township must lie in the county; the
    fields are named as in the proposal and plan editors."""
    check_place(session, county_code, township_code, county_field="county", township_field="township")


def check_fields(session: Session, f: ProposalFields) -> ProposalFields:
    title = check_title(f.title, "提案", "proposal")
    if f.route not in {r.value for r in Route}:
        raise ValidationError("請選擇提案路徑（現行或多元徵案）。", "Please choose the route.", field="route")
    if f.applicant_type and f.applicant_type not in {k.value for k in OrgKind}:
        raise ValidationError(f"不明的申請單位類型「{f.applicant_type}」。", "Unknown applicant type.",
                              field="applicant_type")
    check_proposal_place(session, f.county_code, f.township_code)
    if f.workstation_id:
        live(session, Workstation, f.workstation_id, "工作站", "workstation")
    if f.counselor_id:
        live(session, Counselor, f.counselor_id, "輔導員", "counselor")
    if f.plan_id:
        live(session, Plan, f.plan_id, "地方創生計畫", "plan")
    self_f = funding_mod.validate_amount(f.self_funding, "自籌款", "Self-funding", "self_funding")
    match_f = funding_mod.validate_amount(f.matching_funds, "配合款", "Matching funds", "matching_funds")
    return ProposalFields(title, f.county_code, f.township_code, f.route, f.applicant_type,
                          (f.organization_name or "").strip(), f.workstation_id or None, f.counselor_id or None,
                          f.plan_id or None, self_f, match_f)


def resolve_organization(session: Session, ctx: ServiceContext, name: str, kind: str, county_code: str | None,
                         township_code: str | None) -> str | None:
    """The id of the live organization called ``name`` — created when the applicant is new to us."""
    name = (name or "").strip()
    if not name:
        return None
    if len(name) > 128:
        raise ValidationError("申請單位名稱太長（最多 128 字）。", "The organisation's name is too long.",
                              field="organization")
    found = session.exec(select(Organization).where(Organization.name == name,
                                                    Organization.deleted_at.is_(None))).first()  # type: ignore[union-attr]
    if found is not None:
        return found.id
    org = Organization(name=name, kind=kind or OrgKind.OTHER.value, county_code=county_code,
                       township_code=township_code)
    base.create(session, org, ctx.actor, "organization")
    return org.id


def reindex(session: Session, p: Proposal) -> None:
    """Search text: title, applicant, place and every section (FTS trigram, so Chinese substrings match)."""
    if p.deleted_at is not None:
        search.remove(session, p.id)
        return
    sections = sections_of(session, p.id)
    search.index(session, ENTITY, p.id, p.title, name_of(session, Organization, p.organization_id),
                 name_of(session, County, p.county_code) + name_of(session, Township, p.township_code),
                 *(sections.get(k.value, "") for k in SectionKey))


# --- writing -------------------------------------------------------------------------------------
def apply_fields(session: Session, ctx: ServiceContext, p: Proposal, f: ProposalFields) -> None:
    org_id = resolve_organization(session, ctx, f.organization_name, f.applicant_type, f.county_code,
                                  f.township_code)
    changes = {"title": f.title, "applicant_type": f.applicant_type, "organization_id": org_id,
               "county_code": f.county_code, "township_code": f.township_code, "route": f.route,
               "workstation_id": f.workstation_id, "counselor_id": f.counselor_id,
               "self_funding": f.self_funding, "matching_funds": f.matching_funds}
    base.update(session, p, ctx.actor, ENTITY, changes)


def save_sections(session: Session, ctx: ServiceContext, proposal_id: str, sections: dict[str, str]) -> None:
    keys = {k.value for k in SectionKey}
    existing = {r.section_key: r for r in session.exec(
        select(ProposalSection).where(ProposalSection.proposal_id == proposal_id))}
    for key, body in sections.items():
        if key not in keys:
            raise ValidationError(f"不明的章節「{key}」。", f"Unknown section '{key}'.")
        body = (body or "").rstrip()
        row = existing.get(key)
        if row is None:
            if body:
                base.create(session, ProposalSection(proposal_id=proposal_id, section_key=key, body=body),
                            ctx.actor, "proposal_section")
        else:
            if row.deleted_at is not None:
                base.undelete(session, row, ctx.actor, "proposal_section")
            base.update(session, row, ctx.actor, "proposal_section", {"body": body})


@changes(Kind.PROPOSALS)
def delete_proposal(ctx: ServiceContext, proposal_id: str) -> None:
    with ctx.session_factory() as s:
        p = live(s, Proposal, proposal_id, "提案", "proposal")
        base.soft_delete(s, p, ctx.actor, ENTITY)
        search.remove(s, p.id)
        s.commit()


@changes(Kind.PROPOSALS)
def undelete_proposal(ctx: ServiceContext, proposal_id: str) -> None:
    with ctx.session_factory() as s:
        p = s.get(Proposal, proposal_id)
        if p is None:
            raise UserError("找不到這件提案。", "Proposal not found.")
        base.undelete(s, p, ctx.actor, ENTITY)
        reindex(s, p)
        s.commit()


# --- contacts ------------------------------------------------------------------------------------
@changes(Kind.PROPOSALS)
def add_contact(ctx: ServiceContext, proposal_id: str, name: str, *, title: str = "", phone: str = "",
                email: str = "") -> ContactEntry:
    """A new contact person of the applicant, linked to the proposal."""
    name = (name or "").strip()
    if not name:
        raise ValidationError("請填寫聯絡人姓名。", "Please enter the contact's name.", field="contact_name")
    for problem in (phone_problem(phone), email_problem(email)):  # the roster's rules: one way to write them
        if problem is not None:
            raise ValidationError(problem.zh, problem.en, field=f"contact_{problem.field}")
    with ctx.session_factory() as s:
        p = live(s, Proposal, proposal_id, "提案", "proposal")
        c = Contact(organization_id=p.organization_id, name=name[:64], title=title.strip()[:64],
                    phone=phone.strip()[:32], email=email.strip()[:128])
        base.create(s, c, ctx.actor, "contact")
        _link(s, ctx, p.id, c.id)
        s.commit()
        return ContactEntry(c.id, c.name, c.title, c.phone, c.email)


def _link(session: Session, ctx: ServiceContext, proposal_id: str, contact_id: str) -> None:
    if session.get(ProposalContact, (proposal_id, contact_id)) is None:
        session.add(ProposalContact(proposal_id=proposal_id, contact_id=contact_id))
        session.flush()
        audit.record(session, ctx.actor, "link", "proposal_contact", proposal_id, {"contact_id": contact_id})


@changes(Kind.PROPOSALS)
def link_contacts(ctx: ServiceContext, proposal_id: str, contact_ids: Iterable[str]) -> None:
    with ctx.session_factory() as s:
        live(s, Proposal, proposal_id, "提案", "proposal")
        for cid in contact_ids:
            live(s, Contact, cid, "聯絡人", "contact")
            _link(s, ctx, proposal_id, cid)
        s.commit()


@changes(Kind.PROPOSALS)
def unlink_contact(ctx: ServiceContext, proposal_id: str, contact_id: str) -> None:
    with ctx.session_factory() as s:
        row = s.get(ProposalContact, (proposal_id, contact_id))
        if row is not None:
            s.delete(row)
            audit.record(s, ctx.actor, "unlink", "proposal_contact", proposal_id, {"contact_id": contact_id})
            s.commit()

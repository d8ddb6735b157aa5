"""The data model (SQLModel tables). Import this package to register every table on ``SQLModel.metadata``."""

from counsel_desk.models.base import SYNC_COLUMNS, Synced, new_id, utcnow
from counsel_desk.models.outcomes import Outcome, YouthTeam, YouthTeamMember, YouthTeamSupport, YouthTeamVisit
from counsel_desk.models.people import Contact, Counselor, Organization
from counsel_desk.models.proposals import (
    ApprovedAmount, CountyCheck, FundingLine, Plan, Proposal, ProposalComment, ProposalContact, ProposalScore,
    ProposalSection, StageChange,
)
from counsel_desk.models.records import AuditEntry, ReportNarrative, ReportSnapshot, YearlyTarget
from counsel_desk.models.reference import AppMeta, Center, County, ProgrammeFile, Township, WorkItem, WorkItemAllocation
from counsel_desk.models.stocktaking import IssueTopic, TownshipIssue, TownshipStatusNote, VisitIssueTopic
from counsel_desk.models.sync import ExportLog, ImportLog, SyncBase, SyncConflict
from counsel_desk.models.visits import Attachment, FollowUp, SiteVisit, VisitContact, VisitCounselor
from counsel_desk.models.workstations import (
    BudgetLine, CenterEvent, PublicSpace, SupportCounselor, SupportRecord, Workstation, WorkstationBudget,
    WorkstationContact,
)

from sqlalchemy import BigInteger, Integer
from sqlmodel import SQLModel

metadata = SQLModel.metadata


def _widen_integers() -> None:
    """Every integer a person or a workbook writes is 64-bit on both engines (migration 0022_i18_bigint).

    SQLite's INTEGER holds 64 bits, so a laptop keeps an amount of NT$ 3,000,000,000 (or a count past
    2.1 billion) and its workbook carries it; a server's ``integer`` is 32-bit and would refuse it.
    One rule for every non-key integer column — rather than a list of the money columns — so no amount
    added later is forgotten; a bigint costs 4 bytes more a value. Keys stay ``Integer``: on SQLite only
    ``INTEGER PRIMARY KEY`` numbers its rows itself (audit_log.seq, the sync logs' ids)."""
    for table in metadata.tables.values():
        for column in table.columns:
            if (type(column.type) is Integer and not column.primary_key  # exactly Integer (not Boolean)
                    and not column.foreign_keys):
                column.type = BigInteger().with_variant(Integer(), "sqlite")  # the same INTEGER there


_widen_integers()

# Tables whose rows travel between laptops (all have the Synced columns).
SYNCED_MODELS = [
    Counselor, Organization, Contact, SiteVisit, FollowUp, Attachment, Workstation, WorkstationBudget,
    BudgetLine, SupportRecord, PublicSpace, CenterEvent, Plan, Proposal, ProposalSection, FundingLine,
    ProposalScore, StageChange, ProposalComment, YearlyTarget, CountyCheck, ApprovedAmount,
    YouthTeam, YouthTeamMember, Outcome,
]
SYNCED_MODELS += [IssueTopic, TownshipIssue, TownshipStatusNote]  # township stocktaking (models/stocktaking.py)
SYNCED_MODELS += [ReportNarrative]  # the manager's report notes (format v12)

__all__ = [
    "SYNC_COLUMNS", "Synced", "new_id", "utcnow", "metadata", "SYNCED_MODELS",
    "Contact", "Counselor", "Organization",
    "Outcome", "YouthTeam", "YouthTeamMember", "YouthTeamSupport", "YouthTeamVisit",
    "ApprovedAmount", "CountyCheck", "FundingLine", "Plan", "Proposal", "ProposalComment", "ProposalContact", "ProposalScore",
    "ProposalSection", "StageChange",
    "AuditEntry", "ReportNarrative", "ReportSnapshot", "YearlyTarget",
    "AppMeta", "Center", "County", "ProgrammeFile", "Township", "WorkItem", "WorkItemAllocation",
    "IssueTopic", "TownshipIssue", "TownshipStatusNote", "VisitIssueTopic",
    "ExportLog", "ImportLog", "SyncBase", "SyncConflict",
    "Attachment", "FollowUp", "SiteVisit", "VisitContact", "VisitCounselor",
    "BudgetLine", "CenterEvent", "PublicSpace", "SupportCounselor", "SupportRecord", "Workstation",
    "WorkstationBudget", "WorkstationContact",
]

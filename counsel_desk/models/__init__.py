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

from sqlmodel import SQLModel

metadata = SQLModel.metadata

# Tables whose rows travel between laptops (all have the Synced columns).
SYNCED_MODELS = [
    Counselor, Organization, Contact, SiteVisit, FollowUp, Attachment, Workstation, WorkstationBudget,
    BudgetLine, SupportRecord, PublicSpace, CenterEvent, Plan, Proposal, ProposalSection, FundingLine,
    ProposalScore, StageChange, ProposalComment, YearlyTarget, CountyCheck, ApprovedAmount,
    YouthTeam, YouthTeamMember, Outcome,
]
SYNCED_MODELS += [IssueTopic, TownshipIssue, TownshipStatusNote]  # township stocktaking (models/stocktaking.py)

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

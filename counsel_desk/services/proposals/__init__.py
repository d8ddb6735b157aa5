"""Business proposals (事業提案) and township plans (地方創生計畫): drafts, funding, stages, versions.

Modules:
  drafts      a draft's parts: applicant and route, sections, contacts; reading a proposal
  editing     create / save a draft (all parts at once, above the modules below)
  coaching    scores on 在地性 / 公共性 / 商業模式 and the comments timeline
  funding     lines per work item of 表 1 and ROC year; totals and shares; the center's view
  stages      the two flows of 圖 3 (現行提案流程 / 多元徵案): allowed moves, the completeness check
  county      the county's checklist (縣府審查) and the council's decision (meeting, amounts per ministry)
  workflow    stage moves with comment, who/when and the draft's snapshot; plans move as a whole
  plans       plans with their proposals and rolled-up money
  versions    the snapshots and comparing two of them (difflib)
  listing     the list source and the stage board
  sections    the seven sections and their guidance
  choices     what the forms pick from
"""

from counsel_desk.services.proposals.coaching import (
    ScoreEntry, TimelineEntry, add_comment, delete_comment, set_score, timeline,
)
from counsel_desk.services.proposals.county import (
    CheckRow, Decision, checklist, get_decision, record_decision, save_check,
)
from counsel_desk.services.proposals.drafts import (
    ContactEntry, FundingEntry, ProposalDetail, ProposalFields, add_contact, delete_proposal, get_proposal,
    link_contacts, undelete_proposal, unlink_contact,
)
from counsel_desk.services.proposals.editing import create_proposal, save_draft
from counsel_desk.services.proposals.funding import (
    CenterFunding, FundingSummary, WorkItemDemand, WorkItemFunding, WorkItemInfo, list_work_items,
    proposal_summary, requested_by_work_item, summarise,
)
from counsel_desk.services.proposals.listing import Board, BoardCard, ProposalListSource, board
from counsel_desk.services.proposals.plans import (
    PlanDetail, PlanFields, PlanProposal, PlanRow, create_plan, delete_plan, get_plan, list_plans, set_plan,
    update_plan,
)
from counsel_desk.services.proposals.sections import GUIDE_BY_KEY, GUIDES, SectionGuide, char_count
from counsel_desk.services.proposals.stages import TRANSITIONS, allowed_moves, check_transition, missing_items
from counsel_desk.services.proposals.versions import (
    CURRENT, Comparison, FieldDiff, Segment, Version, compare_versions, diff_segments, list_versions,
)
from counsel_desk.services.proposals.workflow import StageMove, check_completeness, move_plan, move_proposal

__all__ = [
    "ScoreEntry", "TimelineEntry", "add_comment", "delete_comment", "set_score", "timeline",
    "ContactEntry", "FundingEntry", "ProposalDetail", "ProposalFields", "add_contact", "create_proposal",
    "delete_proposal", "get_proposal", "link_contacts", "save_draft", "undelete_proposal", "unlink_contact",
    "CenterFunding", "FundingSummary", "WorkItemDemand", "WorkItemFunding", "WorkItemInfo", "list_work_items",
    "proposal_summary", "requested_by_work_item", "summarise",
    "Board", "BoardCard", "ProposalListSource", "board",
    "PlanDetail", "PlanFields", "PlanProposal", "PlanRow", "create_plan", "delete_plan", "get_plan", "list_plans",
    "set_plan", "update_plan",
    "GUIDE_BY_KEY", "GUIDES", "SectionGuide", "char_count",
    "TRANSITIONS", "allowed_moves", "check_transition", "missing_items",
    "CURRENT", "Comparison", "FieldDiff", "Segment", "Version", "compare_versions", "diff_segments", "list_versions",
    "StageMove", "check_completeness", "move_plan", "move_proposal",
    "CheckRow", "Decision", "checklist", "get_decision", "record_decision", "save_check",
]

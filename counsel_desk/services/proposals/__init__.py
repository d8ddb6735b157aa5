"""Business proposals (事業提案) and township plans (地方創生計畫): drafts, funding, stages, versions.

Modules:
  drafts      create / save a draft: applicant and route, sections, contacts
  coaching    scores on 在地性 / 公共性 / 商業模式 and the comments timeline
  funding     lines per work item of 表 1 and ROC year; totals and shares; the center's view
  stages      allowed moves and the completeness check before 送專案辦公室
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
from counsel_desk.services.proposals.drafts import (
    ContactEntry, FundingEntry, ProposalDetail, ProposalFields, add_contact, create_proposal, delete_proposal,
    get_proposal, link_contacts, save_draft, undelete_proposal, unlink_contact,
)
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
]

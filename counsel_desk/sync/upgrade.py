"""Reading older interchange formats: each version step renames columns (and sheets) to today's keys.

Format v1 was the first published version; v2 added columns (see :data:`UPGRADES`). When a version renames or
adds a column, add ``UPGRADES[1] = Step(renamed={"visits": {"old_key": "new_key"}}, added=…)``: a v1
file is then read as if written in v2 — its columns renamed, and a column that v1 did not have
filled with the documented default. Newer files than the program knows are refused (reader).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from counsel_desk.sync import format as fmt


@dataclass(frozen=True)
class Step:
    """From version n to n + 1."""

    renamed: dict[str, dict[str, str]] = field(default_factory=dict)  # sheet key → {old column key: new}
    added: dict[str, dict[str, object]] = field(default_factory=dict)  # sheet key → {new column key: cell value}


UPGRADES: dict[int, Step] = {
    # v2 dates the workstation money and flags key visits; a v1 file's money is undated (read by the
    # record's own stamps, see docs/reports.md) and its visits are not flagged
    1: Step(added={"budgets": {"approved_on": None}, "budget_lines": {"disbursed_on": None, "reimbursed_on": None},
                   "visits": {"key_visit": "否"}}),
    # v3 adds the programme definitions sheet (計畫定義): a v2 file has none, its data sheets are as in v3
    2: Step(),
    # v4 records the council's decision on proposals and plans (and adds the county-checklist and
    # approved-amount sheets, which older files simply lack)
    3: Step(added={"proposals": {"council_meeting": None, "council_date": None},
                   "plans": {"council_meeting": None, "council_date": None}}),
    4: Step(),
    # v6 adds the training figures of events (a v5 event had none: zero) and the outcome and youth-team
    # sheets. A workstation's youth_stayed/youth_returned columns of an older file become dated outcome
    # rows as migration 0008 makes them, same ids (sync/legacy_counters.py, called by the reader)
    5: Step(added={"events": {"hours": 0, "trainees": 0, "completed": 0}}),
    # v7 tags visits with coded 推動課題 (and adds the topic and township sheets, which older files lack):
    # an older file's visit carries no tags
    6: Step(added={"visits": {"issue_topic_ids": None}}),
    # v8 dates a public space's status; an older file's spaces have no days (a report reads them from
    # the day the space was recorded, see docs/reports.md)
    7: Step(added={"public_spaces": {"renovating_since": None, "operating_since": None}}),
    # v9 keeps each budget year's staff and 評鑑 and the station's eligibility facts: an older file's
    # budget years have no staff of their own (the station's count judges them), no extension, no evaluation
    8: Step(added={"budgets": {"fulltime_staff": None, "extension": "否", "evaluation": None, "evaluated_on": None,
                               "evaluation_note": None},
                   "workstations": {"host_age": None, "host_years_on_site": None, "young_partners": None},
                   "public_spaces": {"year_approved": None}, "county_checks": {"plan_id": None}}),
    # v10 masks a youth-team member's name and birth year and can erase a member: an older file's members
    # were never erased (its member names and birth years travelled as values)
    9: Step(added={"youth_team_members": {"erased_at": None}}),
    # v11 gives an event its township: an older file's events have none (their county stays); its support
    # records all have a workstation, as v11's may lack one
    10: Step(added={"events": {"township_code": None}}),
    # v12 adds the manager's report notes (月報工作重點), a sheet older files simply lack
    11: Step(),
    # v13 carries headquarters' center split in meta: an older file carries none (nothing is taken from it)
    12: Step(),
}


def upgrade_header(version: int, sheet_key: str, keys: list[str]) -> tuple[list[str], list[object]]:
    """Column keys of a sheet written in ``version`` as today's format names them, plus the cell
    values of columns added since (appended after the file's own columns, in order)."""
    extra_keys: list[str] = []
    extra_values: list[object] = []
    for v in range(version, fmt.FORMAT_VERSION):
        step = UPGRADES.get(v)
        if step is None:
            continue
        renames = step.renamed.get(sheet_key, {})
        keys = [renames.get(k, k) for k in keys]
        for k, value in step.added.get(sheet_key, {}).items():
            if k not in keys and k not in extra_keys:
                extra_keys.append(k)
                extra_values.append(value)
    return keys + extra_keys, extra_values

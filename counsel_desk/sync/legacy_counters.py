"""A workbook older than format v6 carries each workstation's two youth counters; they become outcomes.

Until migration 0008_i17_outcomes a workstation had two undated counters (留鄉人數 youth_stayed, 返鄉人數
youth_returned). A v1–v5 workbook still has them as columns of its workstation sheet. They are turned
into outcome rows exactly as the migration turns a database's counters: one record per non-zero
counter, dated the Taiwan day the workstation last changed but not after its term end, with an id
derived from the workstation's id and the kind — so the record a laptop made when it upgraded and
the one read from its older workbook are the same record, never counted twice.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from counsel_desk.services.period import taiwan_day

from counsel_desk.sync.values import CellError, read_int

# the same namespace and rule as migration 0008_i17_outcomes (tests/unit/test_sync_legacy.py holds them equal)
COUNTER_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "counsel_desk/outcome-from-workstation-counter")
COUNTERS = (("youth_stayed", "youth_stayed"), ("youth_returned", "youth_returned"))  # (column, outcome kind)
NOTE = "由工作站留鄉／返鄉人數轉入"
FIRST_VERSION_WITHOUT = 6


def counter_outcome_id(workstation_id: str, kind: str) -> str:
    return str(uuid.uuid5(COUNTER_NAMESPACE, f"{workstation_id}:{kind}"))


def counter_day(updated_at: str, term_end: str | None) -> str:
    """The outcome's date: the Taiwan day of the workstation's last change, not after its term end."""
    moment = datetime.fromisoformat(updated_at[:26])
    day = taiwan_day(moment)
    if term_end:
        day = min(day, date.fromisoformat(term_end[:10]))
    return day.isoformat()


class Collector:
    """Gathers a workstation sheet's counters while it is read, then gives the outcome rows."""

    def __init__(self, positions: dict[str, int]):
        self.positions = positions  # column key → index in the file's row
        self.rows: list[tuple[int, dict[str, object]]] = []  # (file row, outcome values)

    @classmethod
    def for_sheet(cls, version: int, sheet_key: str, at: dict[str, int]) -> "Collector | None":
        if version >= FIRST_VERSION_WITHOUT or sheet_key != "workstations":
            return None
        positions = {column: at[column] for column, _ in COUNTERS if column in at}
        return cls(positions) if positions else None

    def add(self, n: int, station: dict[str, object], raw: list[object] | tuple[object, ...]) -> None:
        """One staged workstation (its stored values by column key) and its file row."""
        for column, kind in COUNTERS:
            at = self.positions.get(column)
            if at is None or at >= len(raw):
                continue
            try:
                people = read_int(raw[at]) or 0
            except CellError:
                continue  # a counter that is not a number was never a figure anyone relied on
            if people <= 0:
                continue
            updated_at = str(station["updated_at"])
            self.rows.append((n, {
                "id": counter_outcome_id(str(station["id"]), kind), "created_at": updated_at,
                "updated_at": updated_at, "updated_by": station.get("updated_by") or "", "version": 1,
                "deleted_at": None, "center_code": station["center_code"],
                "outcome_date": counter_day(updated_at, station.get("term_end")),  # type: ignore[arg-type]
                "kind": kind, "people": people, "amount": 0, "registered": None, "agency": "", "programme": "",
                "company": "", "workstation_id": station["id"], "proposal_id": None, "youth_team_id": None,
                "county_code": station.get("county_code"), "township_code": station.get("township_code"),
                "note": NOTE}))

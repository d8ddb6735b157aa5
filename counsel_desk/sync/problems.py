"""What an import reports: problems (sheet, row, column, reason) and counts per entity."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from counsel_desk.errors import UserError
from counsel_desk.i18n import pick

MAX_LISTED = 1000  # a file broken everywhere still gets a readable report
OUTCOMES = ("added", "updated", "unchanged", "conflicts", "rejected")


@dataclass(frozen=True)
class Problem:
    file: str
    sheet: str  # tab name as the person sees it
    row: int | None  # Excel row number (1-based); None for a whole sheet or file
    column: str  # "D（訪視日期）"; "" for a whole row, sheet or file
    reason: str

    def as_dict(self) -> dict:
        return asdict(self)

    def __str__(self) -> str:
        where = [self.file, self.sheet]
        if self.row is not None:
            where.append(pick(f"第 {self.row} 列", f"row {self.row}"))
        if self.column:
            where.append(pick(f"{self.column} 欄", f"column {self.column}"))
        return " / ".join(w for w in where if w) + pick("：", ": ") + self.reason


@dataclass
class Problems:
    items: list[Problem] = field(default_factory=list)
    total: int = 0

    def add(self, problem: Problem) -> None:
        self.total += 1
        if len(self.items) < MAX_LISTED:
            self.items.append(problem)

    def __bool__(self) -> bool:
        return self.total > 0

    @property
    def unlisted(self) -> int:
        return self.total - len(self.items)


class Cancelled(UserError):
    """The person pressed cancel: nothing was written (the UI says so without an error box)."""


def empty_counts() -> dict[str, int]:
    return {k: 0 for k in OUTCOMES}

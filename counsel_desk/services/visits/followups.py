"""Follow-ups (追蹤事項): what must happen after a visit, who owns it, by when, and how it ended.

Closing a follow-up REQUIRES the date it was followed up and its result: audits of such programs
fault follow-ups closed without them ("hinder tracking"). The follow-up list spans all visits with
the visit list's filters; overdue rows carry ``_highlight: "overdue"`` so the UI shows them in red,
and :meth:`FollowUpListSource.counts` gives the due-this-week and overdue figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, cast

from sqlalchemy import text
from sqlmodel import Session

from counsel_desk.errors import UserError, ValidationError
from counsel_desk.i18n import pick
from counsel_desk.models import FollowUp, SiteVisit, new_id
from counsel_desk.models.enums import FollowUpStatus
from counsel_desk.services import base
from counsel_desk.services.formatting import roc_date, shown_date
from counsel_desk.services.listing import QT_TRANSLATE_NOOP, Column, ListQuery
from counsel_desk.services.list_search import END_OF_TEXT, IdListCache, OrderedIds, freeze, match, search_join
from counsel_desk.services.visits.visit_list import OPEN_STATUSES, DatedService, date_or_none, visit_conditions
from counsel_desk.store import search
from counsel_desk.services.changes import Kind, changes

ENTITY = "followup"
CLOSED = FollowUpStatus.CLOSED.value
CANCELLED = FollowUpStatus.CANCELLED.value


@dataclass
class FollowUpDraft:
    """A follow-up as the editor holds it (``id`` None until saved)."""

    description: str = ""
    owner: str = ""
    due_date: date | None = None
    status: str = FollowUpStatus.OPEN.value
    followup_date: date | None = None
    result: str = ""
    id: str | None = None
    version: int | None = None  # the one the editor loaded: a save over a newer one is refused (SaveConflict)

    def values(self) -> dict[str, Any]:
        # a cancel is dated like a close (today unless given): reports read it as of a period's end
        followup_date = self.followup_date
        if followup_date is None and self.status == FollowUpStatus.CANCELLED.value:
            followup_date = date.today()
        return {"description": self.description.strip(), "owner": self.owner.strip(), "due_date": self.due_date,
                "status": self.status, "followup_date": followup_date, "result": self.result.strip()}

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @classmethod
    def from_model(cls, f: FollowUp) -> "FollowUpDraft":
        return cls(description=f.description, owner=f.owner, due_date=f.due_date, status=f.status,
                   followup_date=f.followup_date, result=f.result, id=f.id, version=f.version)

    @classmethod
    def from_dict(cls, d: dict) -> "FollowUpDraft":
        return cls(description=d.get("description", ""), owner=d.get("owner", ""),
                   due_date=date_or_none(d.get("due_date")), status=d.get("status") or FollowUpStatus.OPEN.value,
                   followup_date=date_or_none(d.get("followup_date")), result=d.get("result", ""), id=d.get("id"),
                   version=d.get("version"))


def followup_problems(fu: FollowUpDraft, today: date, *, prefix: str = "", number: int | None = None,
                      visit_date: date | None = None) -> list[ValidationError]:
    """The rules of one follow-up; fields are named ``<prefix>description`` etc. With its visit's date: a
    follow-up arises from the visit, so it is neither due nor followed up before it (a report would count
    its closing in a month before the visit)."""
    which_zh = f"第 {number} 項追蹤事項" if number else "追蹤事項"
    which_en = f"Follow-up {number}" if number else "The follow-up"
    out: list[ValidationError] = []
    if not fu.description.strip():
        out.append(ValidationError(f"{which_zh}：請填寫要追蹤的事項。", f"{which_en}: describe what must be done.",
                                   field=f"{prefix}description"))
    if fu.status not in {s.value for s in FollowUpStatus}:
        out.append(ValidationError(f"{which_zh}：狀態不正確。", f"{which_en}: invalid status.", field=f"{prefix}status"))
    if fu.status == CLOSED:
        if fu.followup_date is None:
            out.append(ValidationError(f"{which_zh}：結案必須填寫追蹤日期。",
                                       f"{which_en}: closing needs the date it was followed up.",
                                       field=f"{prefix}followup_date"))
        if not fu.result.strip():
            out.append(ValidationError(f"{which_zh}：結案必須填寫辦理結果。",
                                       f"{which_en}: closing needs the result.", field=f"{prefix}result"))
    if fu.followup_date is not None and fu.followup_date > today:
        out.append(ValidationError(f"{which_zh}：追蹤日期 {roc_date(fu.followup_date)} 還沒到，不能晚於今天。",
                                   f"{which_en}: the follow-up date {fu.followup_date} is after today.",
                                   field=f"{prefix}followup_date"))
    if visit_date is not None:
        if fu.due_date is not None and fu.due_date < visit_date:
            out.append(ValidationError(
                f"{which_zh}：期限 {roc_date(fu.due_date)} 早於訪視日期 {roc_date(visit_date)}；追蹤事項由訪視而來，"
                f"期限不能在訪視之前。",
                f"{which_en}: due {fu.due_date}, before the visit on {visit_date}; a follow-up arises from the visit "
                f"and cannot be due before it.", field=f"{prefix}due_date"))
        if fu.followup_date is not None and fu.followup_date < visit_date:
            out.append(ValidationError(
                f"{which_zh}：追蹤日期 {roc_date(fu.followup_date)} 早於訪視日期 {roc_date(visit_date)}。",
                f"{which_en}: followed up on {fu.followup_date}, before the visit on {visit_date}.",
                field=f"{prefix}followup_date"))
    return out


def index_followup(session: Session, fu: FollowUp, visited: str = "") -> None:
    search.index(session, ENTITY, fu.id, fu.description, fu.owner, fu.result, visited, END_OF_TEXT)


@dataclass(frozen=True)
class FollowUpCounts:
    open: int
    due_this_week: int
    overdue: int


def week_bounds(today: date) -> tuple[date, date]:
    """Monday and Sunday of the week ``today`` falls in."""
    monday = today - timedelta(days=today.weekday())
    return monday, monday + timedelta(days=6)


class FollowUpService(DatedService):
    def get(self, followup_id: str) -> FollowUpDraft:
        with self.ctx.session_factory() as s:
            return FollowUpDraft.from_model(self._live(s, followup_id))

    def visit_id_of(self, followup_id: str) -> str:
        with self.ctx.session_factory() as s:
            return self._live(s, followup_id).visit_id

    @staticmethod
    def _live(s: Session, followup_id: str, *, for_update: bool = False) -> FollowUp:
        fu = cast(FollowUp | None, base.load_for_update(s, FollowUp, followup_id)) if for_update else s.get(FollowUp, followup_id)
        if fu is None or fu.deleted_at is not None:
            raise UserError("找不到這項追蹤事項，可能已被刪除。", "This follow-up no longer exists.")
        return fu

    def _check(self, draft: FollowUpDraft, visit: SiteVisit | None = None) -> None:
        problems = followup_problems(draft, self.today, visit_date=visit.visit_date if visit is not None else None)
        if problems:
            raise ValidationError("\n".join(p.zh for p in problems), "\n".join(p.en for p in problems),
                                  field=problems[0].field, problems=problems)

    @changes(Kind.FOLLOWUPS)
    def add(self, visit_id: str, draft: FollowUpDraft) -> str:
        with self.ctx.session_factory() as s:
            visit = s.get(SiteVisit, visit_id)
            if visit is None or visit.deleted_at is not None:
                raise UserError("找不到這筆訪視紀錄，可能已被刪除。", "This visit no longer exists.")
            self._check(draft, visit)
            fu = FollowUp(id=draft.id or new_id(), visit_id=visit_id, **draft.values())
            base.create(s, fu, self.ctx.actor, ENTITY)
            index_followup(s, fu, visit.visited_name)
            s.commit()
            return fu.id

    @changes(Kind.FOLLOWUPS)
    def update(self, followup_id: str, draft: FollowUpDraft) -> dict:
        """Save the follow-up; with the ``draft.version`` the dialog loaded, one someone saved since (a colleague
        on the server, the visit's editor, a sync import) is refused with a SaveConflict instead of overwritten."""
        with self.ctx.session_factory() as s:
            fu = self._live(s, followup_id, for_update=draft.version is not None)
            visit = s.get(SiteVisit, fu.visit_id)
            self._check(draft, visit)
            base.refuse_if_saved_meanwhile(ENTITY, fu, draft.version, draft.values())
            changed = base.update(s, fu, self.ctx.actor, ENTITY, draft.values())
            index_followup(s, fu, visit.visited_name if visit else "")
            s.commit()
            return changed

    @changes(Kind.FOLLOWUPS)
    def close(self, followup_id: str, followup_date: date | None, result: str) -> None:
        """Close with the date it was followed up and its result — both required."""
        draft = self.get(followup_id)
        draft.status, draft.followup_date, draft.result = CLOSED, followup_date, result or ""
        self.update(followup_id, draft)

    def counts(self, filters: dict | None = None) -> FollowUpCounts:
        return FollowUpListSource(self.ctx, today=self.today).counts(filters or {})


FOLLOWUP_COLUMNS = [
    Column("due_date", QT_TRANSLATE_NOOP("FollowUpColumns", "Due")),
    Column("status", QT_TRANSLATE_NOOP("FollowUpColumns", "Status")),
    Column("description", QT_TRANSLATE_NOOP("FollowUpColumns", "Follow-up")),
    Column("owner", QT_TRANSLATE_NOOP("FollowUpColumns", "Owner")),
    Column("visit_date", QT_TRANSLATE_NOOP("FollowUpColumns", "Visit date")),
    Column("township", QT_TRANSLATE_NOOP("FollowUpColumns", "Township")),
    Column("visited", QT_TRANSLATE_NOOP("FollowUpColumns", "Visited")),
    Column("followup_date", QT_TRANSLATE_NOOP("FollowUpColumns", "Followed up")),
    Column("result", QT_TRANSLATE_NOOP("FollowUpColumns", "Result")),
]

_STATUS_ORDER = "CASE f.status WHEN 'open' THEN 0 WHEN 'in_progress' THEN 1 WHEN 'closed' THEN 2 ELSE 3 END"


def _of_visit(column: str) -> str:
    return f"(SELECT {column} FROM site_visit sv WHERE sv.id = f.visit_id)"


SORTS = {
    "due_date": "f.due_date IS NULL, f.due_date",
    "status": _STATUS_ORDER,
    "description": "f.description",
    "owner": "f.owner",
    "visit_date": _of_visit("visit_date"),
    "township": _of_visit("township_code"),
    "visited": _of_visit("visited_name"),
    "followup_date": "f.followup_date IS NULL, f.followup_date",
    "result": "f.result",
}
# Cached orders go stale when a follow-up or a visit changes (see services/list_search).
FINGERPRINT = ("SELECT (SELECT max(updated_at) FROM followup), (SELECT max(rowid) FROM followup), "
               "(SELECT max(updated_at) FROM site_visit), (SELECT max(rowid) FROM site_visit)")


class FollowUpListSource(DatedService):
    """Follow-ups across all live visits. Filters: the visit list's (county, township, counselor,
    mode; ``date_from``/``date_to`` apply to the DUE date), ``owner`` (負責人, a name) and ``status``: ``open`` (open or in
    progress), ``overdue``, ``due_week``, ``closed``, ``cancelled`` or empty for all."""

    columns = FOLLOWUP_COLUMNS

    def __init__(self, ctx: base.ServiceContext, today: date | None = None):
        super().__init__(ctx, today)
        self._cache = IdListCache(FINGERPRINT)

    def _where(self, filters: dict, *, with_status: bool = True) -> tuple[str, dict]:
        visit_filters = {k: v for k, v in filters.items()
                         if k not in ("date_from", "date_to", "followups", "status", "owner")}
        vconds, params = visit_conditions(visit_filters, self.today)
        conds = ["f.deleted_at IS NULL"]
        if vconds:
            conds.append(f"f.visit_id IN (SELECT v.id FROM site_visit v WHERE v.deleted_at IS NULL AND "
                         f"{' AND '.join(vconds)})")
        else:  # the few deleted visits, gathered in one pass: cheaper than looking up each follow-up's visit
            conds.append("f.visit_id NOT IN (SELECT id FROM site_visit WHERE deleted_at IS NOT NULL)")
        if date_or_none(filters.get("date_from")):
            conds.append("f.due_date >= :due_from")
            params["due_from"] = date_or_none(filters["date_from"]).isoformat()
        if date_or_none(filters.get("date_to")):
            conds.append("f.due_date <= :due_to")
            params["due_to"] = date_or_none(filters["date_to"]).isoformat()
        if (filters.get("owner") or "").strip():  # "my follow-ups": 負責人 is a name (an outsider's too)
            conds.append("f.owner = :owner")
            params["owner"] = filters["owner"].strip()
        status = filters.get("status") or ""
        if with_status and status:
            params["today"] = self.today.isoformat()
            if status == "open":
                conds.append("f.status IN ('open', 'in_progress')")
            elif status == "overdue":
                conds.append("f.status IN ('open', 'in_progress') AND f.due_date < :today")
            elif status == "due_week":
                conds.append("f.status IN ('open', 'in_progress') AND f.due_date BETWEEN :today AND :week_end")
                params["week_end"] = week_bounds(self.today)[1].isoformat()
            else:
                conds.append("f.status = :status")
                params["status"] = status
        return " AND ".join(conds), params

    def ids(self, query: ListQuery, limit: int | None = None) -> list[str]:
        direction = "DESC" if query.descending else "ASC"
        if query.sort_key in SORTS:
            *ties, last = SORTS[query.sort_key].split(", ")  # "IS NULL" parts keep empty dates last
            order = ", ".join([*ties, f"{last} {direction}"])
        else:  # most urgent first: open ones by due date, then the rest
            order = f"{_STATUS_ORDER} >= 2, f.due_date IS NULL, f.due_date"
        key = (freeze(query.filters), query.sort_key, query.descending, self.today)
        with self.ctx.session_factory() as s:
            conn = s.connection()

            def load() -> OrderedIds:
                where, params = self._where(query.filters)
                return OrderedIds.load(conn, f"SELECT f.id, d.rowid FROM followup f {search_join('f.id')} "
                                             f"WHERE {where} ORDER BY {order}, f.rowid", params)

            found = self._cache.get_or_load(conn, key, load).restrict(match(conn, ENTITY, query.search))
            return found[:limit] if limit is not None else found

    def prefix_is_cheap(self, query: ListQuery) -> bool:
        return False

    def invalidate(self) -> None:
        self._cache.clear()

    def rows(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        if not ids:
            return {}
        marks = ", ".join(f":i{n}" for n in range(len(ids)))
        params: dict[str, Any] = {f"i{n}": i for n, i in enumerate(ids)}
        sql = ("SELECT f.id, f.due_date, f.status, f.description, f.owner, f.followup_date, f.result, v.visit_date, "
               "c.name, c.name_en, t.name, t.name_en, v.visited_name, f.visit_id "
               "FROM followup f JOIN site_visit v ON v.id = f.visit_id "
               "JOIN county c ON c.code = v.county_code JOIN township t ON t.code = v.township_code "
               f"WHERE f.id IN ({marks})")
        today = self.today
        out: dict[str, dict[str, Any]] = {}
        with self.ctx.session_factory() as s:
            for (fid, due, status, desc, owner, fdate, result, vdate, cz, ce, tz, te, visited, vid) in \
                    s.connection().execute(text(sql), params):
                due_d = date_or_none(due)
                try:
                    label = pick(FollowUpStatus(status).zh, FollowUpStatus(status).en)
                except ValueError:
                    label = status
                row = {"due_date": shown_date(due_d), "status": label, "description": desc, "owner": owner,
                       "visit_date": shown_date(date_or_none(vdate)), "township": pick(f"{cz}{tz}", f"{te}, {ce}"),
                       "visited": visited, "followup_date": shown_date(date_or_none(fdate)), "result": result,
                       "_visit_id": vid, "_status": status}
                if status in OPEN_STATUSES and due_d is not None and due_d < today:
                    row["_highlight"] = "overdue"
                elif status not in OPEN_STATUSES:
                    row["_highlight"] = "muted"
                out[fid] = row
        return out

    def counts(self, filters: dict | None = None) -> FollowUpCounts:
        """Open, due this week (today to Sunday) and overdue follow-ups under the non-status filters."""
        where, params = self._where(filters or {}, with_status=False)
        sunday = week_bounds(self.today)[1]
        sql = ("SELECT count(*), "
               "coalesce(sum(f.due_date BETWEEN :today AND :week_end), 0), "
               "coalesce(sum(f.due_date < :today), 0) "
               f"FROM followup f WHERE {where} AND f.status IN ('open', 'in_progress')")
        params.update(today=self.today.isoformat(), week_end=sunday.isoformat())
        with self.ctx.session_factory() as s:
            total, week, overdue = s.connection().execute(text(sql), params).one()
        return FollowUpCounts(int(total), int(week), int(overdue))

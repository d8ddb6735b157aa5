"""What the workstation, support-record, public-space and event services share.

The checks on amounts and text that every form of this area needs (places and their checks live in
``services/places/places.py``), fetching a live (not tombstoned) record with a clear message,
:class:`RecordKind` (create / update / delete through ``services.base`` with audit and search index) and
:class:`SqlListSource`, the base of the four lists (filters, search and sorting all in SQL).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Callable, Iterable

from sqlalchemy import text
from sqlmodel import Session

from counsel_desk.errors import UserError, ValidationError
from counsel_desk.services import base
from counsel_desk.i18n import pick
from counsel_desk.services.places import places
from counsel_desk.services.places.places import place_label
from counsel_desk.services.listing import Column, ListQuery
from counsel_desk.store import search
from counsel_desk.store.dialects import dialect_of
from counsel_desk.store.search import match_clause


# --- search --------------------------------------------------------------------------------------
def index_with_place(session: Session, entity: str, obj: Any, *texts: str | None) -> None:
    """Index a record by its texts, its county and township and its workstation's name — the text a
    workbook import gives the same record (``sync/search_text.py``)."""
    station = session.connection().execute(text("SELECT name FROM workstation WHERE id=:i"),
                                           {"i": obj.workstation_id}).scalar() if obj.workstation_id else None
    search.index(session, entity, obj.id, *texts, place_label(session, obj.county_code, obj.township_code), station)


# --- fields ---------------------------------------------------------------------------------------
def required_text(value: Any, field: str, what_zh: str, what_en: str, max_length: int | None = None) -> str:
    s = str(value or "").strip()
    if not s:
        raise ValidationError(f"請填寫{what_zh}。", f"{what_en} is required.", field=field)
    if max_length and len(s) > max_length:
        raise ValidationError(f"{what_zh}太長：最多 {max_length} 個字。", f"{what_en} is too long (max {max_length}).",
                              field=field)
    return s


def non_negative(value: Any, field: str, what_zh: str, what_en: str) -> int:
    try:
        n = int(value or 0)
    except (TypeError, ValueError):
        raise ValidationError(f"{what_zh}必須是數字。", f"{what_en} must be a number.", field=field) from None
    if n < 0:
        raise ValidationError(f"{what_zh}不可為負數。", f"{what_en} cannot be negative.", field=field)
    return n


def one_of(value: Any, enum_cls, field: str, what_zh: str, what_en: str) -> str:
    try:
        return enum_cls.from_label(str(value)).value
    except ValueError:
        raise ValidationError(f"{what_zh}「{value}」不是可用的選項。", f"Unknown {what_en} '{value}'.",
                              field=field) from None


def live(session: Session, model, record_id: str | None, what_zh: str, what_en: str, *, for_update: bool = False):
    """The record with this id, unless missing or deleted (then a UserError naming what); ``for_update``
    locks it until COMMIT on a server, so the version read can't change before the save."""
    if not record_id:
        obj = None
    else:
        obj = base.load_for_update(session, model, record_id) if for_update else session.get(model, record_id)
    if obj is None or obj.deleted_at is not None:
        raise UserError(f"找不到這筆{what_zh}（可能已被刪除）。", f"This {what_en} no longer exists.")
    return obj


# --- create, update, delete -------------------------------------------------------------------------
@dataclass(frozen=True)
class RecordKind:
    """One kind of record of this area (station, space, event…): its table, audit entity, editable
    fields, name in messages, rules and search text — enough for the create/update/delete they share.

    ``validate(session, obj)`` normalises ``obj`` in place and raises ValidationError; an update is
    checked on a copy first, so a refused change writes nothing. ``index(session, obj)`` puts the
    record's words in the search index.
    """

    model: type
    entity: str
    fields: tuple[str, ...]
    what_zh: str
    what_en: str
    validate: Callable[[Session, Any], None]
    index: Callable[[Session, Any], None]

    def check_fields(self, fields: dict[str, Any]) -> None:
        unknown = set(fields) - set(self.fields)
        if unknown:
            raise TypeError(f"unknown {self.entity} fields: {sorted(unknown)}")

    def get(self, ctx, record_id: str):
        with ctx.session_factory() as s:
            return live(s, self.model, record_id, self.what_zh, self.what_en)

    def create(self, ctx, fields: dict[str, Any], **fixed: Any):
        """A new record from ``fields`` (and ``fixed`` values such as the center); validated, audited, indexed."""
        self.check_fields(fields)
        with ctx.session_factory() as s:
            obj = self.model(**fixed, **fields)
            self.validate(s, obj)
            base.create(s, obj, ctx.actor, self.entity)
            self.index(s, obj)
            s.commit()
            return obj

    def update(self, ctx, record_id: str, changes: dict[str, Any], version: int | None = None):
        """Save ``changes``; with the ``version`` the editor loaded, a record someone saved since is refused
        with a SaveConflict (both values of each differing field) instead of being overwritten."""
        self.check_fields(changes)
        with ctx.session_factory() as s:
            obj = live(s, self.model, record_id, self.what_zh, self.what_en, for_update=version is not None)
            probe = self.model(**{**obj.model_dump(), **changes})
            self.validate(s, probe)
            base.update(s, obj, ctx.actor, self.entity, {k: getattr(probe, k) for k in self.fields}, version=version,
                        mine={k: getattr(probe, k) for k in changes})
            self.index(s, obj)
            s.commit()
            return obj

    def delete(self, ctx, record_id: str) -> None:
        """Tombstone the record and take it out of the search index."""
        with ctx.session_factory() as s:
            obj = live(s, self.model, record_id, self.what_zh, self.what_en)
            base.soft_delete(s, obj, ctx.actor, self.entity)
            search.remove(s, obj.id)
            s.commit()

    def undelete(self, ctx, record_id: str) -> None:
        with ctx.session_factory() as s:
            obj = s.get(self.model, record_id)
            if obj is not None:
                base.undelete(s, obj, ctx.actor, self.entity)
                self.index(s, obj)
                s.commit()


# --- lists ----------------------------------------------------------------------------------------
# A list's county and township: sorted in the reference order of counties (then by township code), named
# from these joins in the language in use (:func:`place_names` over the four columns of PLACE_COLUMNS).
COUNTY_ORDER = "(SELECT sort_order FROM county WHERE code = t.county_code)"
PLACE_SORTS = {"county": COUNTY_ORDER, "township": "t.township_code"}
PLACE_COLUMNS = "c.name, c.name_en, tw.name, tw.name_en"
PLACE_JOINS = "LEFT JOIN county c ON c.code = t.county_code LEFT JOIN township tw ON tw.code = t.township_code"


def place_names(county: str | None, county_en: str | None, town: str | None, town_en: str | None) -> dict[str, str]:
    """The row's ``county`` and ``township`` from the four PLACE_COLUMNS."""
    return {"county": pick(county or "", county_en or ""), "township": pick(town or "", town_en or "")}


class SqlListSource:
    """A :class:`~counsel_desk.services.listing.ListSource` over one table, all in SQL.

    Subclasses give ``table`` (with its alias ``t``), ``entity`` (search index), ``columns``,
    ``sort_sql`` (column key → SQL expression; ``sort_joins`` for one that needs a join),
    ``default_sort``, ``date_column`` (for the period filter) and :meth:`fetch_rows`. Filters understood here: ``county_code``, ``township_code``,
    the columns in ``filterable`` (status, kind), ``date_from``/``date_to`` and ``center_code``;
    subclasses add theirs in :meth:`extra_conditions`.
    """

    table = ""
    entity = ""
    columns: list[Column] = []
    sort_sql: dict[str, str] = {}
    sort_joins: dict[str, str] = {}  # a join some sorts need (an aggregate computed once, not per row)
    default_sort = "t.id"
    default_descending = False
    date_column: str | None = None
    code_filters: tuple[str, ...] = ("county_code", "township_code", "center_code")
    township_column: str | None = "t.township_code"  # for the 原住民族地區 filter; None where rows have no township
    filterable: tuple[str, ...] = ()  # more plain columns of the table taken as equality filters (status, kind)

    def __init__(self, session_factory):
        self.session_factory = session_factory

    def extra_conditions(self, filters: dict[str, Any], params: dict[str, Any]) -> list[str]:
        return []

    def conditions(self, query: ListQuery) -> tuple[list[str], dict[str, Any]]:
        conds = ["t.deleted_at IS NULL"]
        params: dict[str, Any] = {}
        f = query.filters or {}
        for key in (*self.code_filters, *self.filterable):
            value = f.get(key)
            if value:
                conds.append(f"t.{key} = :f_{key}")
                params[f"f_{key}"] = value
        lo, hi = as_date(f.get("date_from")), as_date(f.get("date_to"))
        if self.date_column and lo:
            conds.append(f"{self.date_column} >= :f_from")
            params["f_from"] = lo.isoformat()
        if self.date_column and hi:
            conds.append(f"{self.date_column} <= :f_to")
            params["f_to"] = hi.isoformat()
        indigenous = places.indigenous_condition(self.township_column, f.get("indigenous")) \
            if self.township_column else None
        if indigenous:
            conds.append(indigenous)
        conds += self.extra_conditions(f, params)
        cond, sparams = match_clause(self.entity, query.search or "", "t.id", dialect_of(self.session_factory))
        conds.append(cond)
        params.update(sparams)
        return conds, params

    def ids(self, query: ListQuery) -> list[str]:
        conds, params = self.conditions(query)
        expr = self.sort_sql.get(query.sort_key or "", None)
        join = self.sort_joins.get(query.sort_key or "", "")
        if expr is None:
            order = f"{self.default_sort} {'DESC' if self.default_descending else 'ASC'}"
        else:
            order = f"{expr} {'DESC' if query.descending else 'ASC'}"
        sql = f"SELECT t.id FROM {self.table} {join} WHERE {' AND '.join(conds)} ORDER BY {order}, t.id"
        with self.session_factory() as s:
            return [r[0] for r in s.connection().execute(text(sql), params)]

    def rows(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        with self.session_factory() as s:
            conn = s.connection()
            for chunk in _chunks(ids, 500):
                out.update(self.fetch_rows(conn, chunk))
        return out

    def fetch_rows(self, conn, ids: list[str]) -> dict[str, dict[str, Any]]:
        raise NotImplementedError


def as_date(value: Any) -> date | None:
    """A filter's date given as a date or ISO text (``None`` when empty)."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):  # a server's timestamp (UTC); SQLite gives text
        return value.date()
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def in_params(ids: list[str], prefix: str = "i") -> tuple[str, dict[str, str]]:
    """``(:i0, :i1, …)`` and its parameters, for ``WHERE id IN …``."""
    params = {f"{prefix}{n}": v for n, v in enumerate(ids)}
    return "(" + ", ".join(f":{k}" for k in params) + ")" if params else "(NULL)", params


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]

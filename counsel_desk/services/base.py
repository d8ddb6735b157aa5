"""What every service shares: who is acting, stamping synced records, soft delete, audit.

A service is built from a :class:`ServiceContext` (session factory, actor, center) and returns
plain dataclasses or model objects detached from their session. Every create, update and delete
stamps the record's sync columns and writes the audit log in the same transaction.
"""

from __future__ import annotations

import functools
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Callable, Iterator

from sqlalchemy import Table, bindparam, text, update as core_update
from sqlalchemy.sql.expression import Executable
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session, SQLModel

from counsel_desk.errors import UserError, ValidationError
from counsel_desk.models import Synced, utcnow
from counsel_desk.services.field_labels import field_label_pair
from counsel_desk.store import audit
from counsel_desk.store.dialects import bind_of


@dataclass(frozen=True)
class ServiceContext:
    session_factory: Callable[[], Session]
    actor: str = ""
    center_code: str = "north"

    @classmethod
    def for_database(cls, db, actor: str = "", center_code: str = "north") -> "ServiceContext":
        return cls(db.session_factory, actor, center_code)


@contextmanager
def reading(session_factory: Callable[[], Session]) -> Iterator[Connection]:
    """A connection for a read of one statement or a few that need no common snapshot (an editor's open, a
    list's search). On a server it reads outside any transaction (autocommit): no ``BEGIN`` and ``ROLLBACK``
    round trips around it, and the connection keeps the statements psycopg prepared — it forgets them at every
    ``ROLLBACK``, so a read ended by one made each later statement be parsed and planned again (a visit's save
    read measured 0.8 ms of planning alone). Under READ COMMITTED each statement of a transaction saw its own
    snapshot anyway. SQLite: the session's connection, as before."""
    bind = bind_of(session_factory)
    if bind.dialect.name == "sqlite" or not isinstance(bind, Engine):
        with session_factory() as s:
            yield s.connection()
        return
    with bind.connect() as conn:
        yield conn.execution_options(isolation_level="AUTOCOMMIT")


@contextmanager
def refused_unwritten(session: Session) -> Iterator[None]:
    """Around the part of a save before its first write: when it is refused there (someone saved first, a rule,
    the record deleted), a server's transaction — which wrote nothing — ends with COMMIT, not ROLLBACK. psycopg
    forgets every statement it prepared at a ROLLBACK, and the server plans each again five times before it
    settles on one plan: with 20 people saving the same visits, each conflict cost ~30 plannings of the save's
    statements (planned 4 times in 10). SQLite: the usual ROLLBACK when the session closes."""
    try:
        yield
    except UserError:
        if session.get_bind().dialect.name != "sqlite":
            with suppress(Exception):  # ending it is a courtesy: the refusal is what she must see
                session.commit()
        raise


@dataclass(frozen=True)
class FieldConflict:
    """One field both people changed: what she has in her editor, what the other person saved."""

    name: str
    mine: Any
    theirs: Any


class SaveConflict(UserError):
    """Someone else saved the record after she opened it: nothing was written, she decides field by field.

    ``version`` is the stored record's version now: saving her choices with it is the next save.
    """

    def __init__(self, entity: str, record_id: str, version: int, fields: list[FieldConflict],
                 saved_by: str, saved_at: datetime | None):
        self.entity, self.record_id, self.version = entity, record_id, version
        self.fields, self.saved_by, self.saved_at = fields, saved_by, saved_at
        names = "、".join(f.name for f in fields)
        choose_zh = f"請逐欄選擇要保留的內容（{names}）。" if fields else "請關閉後重新開啟再修改。"
        choose_en = f"Choose, field by field, what to keep ({names})." if fields else "Close it and open it again."
        super().__init__(f"這筆資料在您編輯時已被他處修改（{saved_by or '他人'} 已儲存）；您的修改尚未存入，"
                         f"也沒有覆蓋對方的內容。{choose_zh}",
                         f"This record was changed elsewhere while you were editing it ({saved_by or 'someone else'} "
                         f"saved it); your changes were not saved and did not overwrite theirs. {choose_en}")


def conflicting_fields(mine: dict[str, Any], theirs: dict[str, Any]) -> list[FieldConflict]:
    """The fields whose values differ between her editor and the stored record, in ``mine``'s order."""
    return [FieldConflict(k, v, theirs.get(k)) for k, v in mine.items() if plain(v) != plain(theirs.get(k))]


def refuse_if_saved_meanwhile(entity: str, obj: Any, version: int | None, mine: dict[str, Any],
                              theirs: dict[str, Any] | None = None) -> None:
    """The editor loaded ``version``; someone saved the record since (a colleague on the server, a sync import):
    raise SaveConflict with both values of each field that differs. Where nothing she has differs from what is
    stored, her save changes nothing of theirs and goes ahead."""
    if version is None or obj.version == version:
        return
    theirs = theirs if theirs is not None else {k: getattr(obj, k) for k in mine}
    fields = conflicting_fields(mine, theirs)
    if fields:
        raise SaveConflict(entity, obj.id, obj.version, fields, obj.updated_by, obj.updated_at)


@dataclass
class Loaded:
    """A record as one query read it for a save, without a model object (what a fast save path reads, e.g. the
    visit editor's): :func:`update` compares it and writes it by a compare-and-set on ``version``.

    ``fields``: its values as stored, by field name; values kept in other tables (a visit's counselors) may be
    among them, :func:`update` then compares them but writes only the record's own columns. ``reread``: the
    record as stored now (None: deleted), for when the compare-and-set finds that someone saved it meanwhile."""

    model: type[Synced]
    id: str
    version: int
    updated_by: str
    updated_at: datetime | None
    fields: dict[str, Any]
    reread: Callable[[], "Loaded | None"]


def load_for_update(session: Session, model: type[Synced], record_id: str) -> Synced | None:
    """The record, locked until COMMIT on a server (``SELECT … FOR UPDATE``; SQLite locks the whole file
    at the first write anyway): a version read here can't change before this transaction saves."""
    return session.get(model, record_id, with_for_update=session.get_bind().dialect.name != "sqlite")


def plain(value: Any) -> Any:
    """A value as the audit log and conflict comparisons hold it (dates as ISO text)."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


# Personal data (個人資料) never enters the audit log's details: the log is hash-chained, so it can't
# be scrubbed when a person asks to be erased (services/safety/privacy.py). It records THAT such a field
# was set or changed, never its value. That covers the fields holding a person's name, phone or
# e-mail, and the free-text fields where counselors write about people ("與王小明討論…"): the
# text itself stays in the record, where it can be corrected or erased.
PERSONAL_FIELDS: dict[str, frozenset[str]] = {  # per table
    "contact": frozenset({"name", "phone", "email", "personal_notes"}),
    "counselor": frozenset({"phone", "email"}),
    "youth_team_member": frozenset({"name", "birth_year"}),
}
PERSONAL_FIELD_NAMES = frozenset({  # whatever the table (diff() is not told the table by every caller)
    "phone", "email", "personal_notes", "visited_name", "host_name", "owner",
    "purpose", "findings", "issues", "advice", "notes", "description", "result", "topics", "outcome", "partners",
    "record", "body", "comment",
})
REDACTED = "•••"


def _redacted(value: Any) -> Any:
    if isinstance(value, list):
        return [_redacted(v) for v in value]
    return value if value in (None, "") else REDACTED


def redact(table: str | None, detail: dict) -> dict:
    """``detail`` with the values of personal fields replaced by a marker (empty stays empty)."""
    fields = PERSONAL_FIELD_NAMES | PERSONAL_FIELDS.get(table or "", frozenset())
    return {k: (_redacted(v) if k in fields else v) for k, v in detail.items()}


def snapshot(obj: SQLModel, exclude: tuple[str, ...] = ("created_at", "updated_at", "version", "updated_by")) -> dict:
    """The record's fields with their real values (for comparing); audit with :func:`audit_snapshot`."""
    return {k: plain(v) for k, v in obj.model_dump().items() if k not in exclude}


def audit_snapshot(obj: SQLModel) -> dict:
    """:func:`snapshot` fit for the audit log: personal fields redacted."""
    return redact(getattr(obj, "__tablename__", None), snapshot(obj))


def diff(before: dict, after: dict, table: str | None = None) -> dict:
    """Field → [old, new] for what changed (the audit log's ``detail``), personal values redacted."""
    return redact(table, {k: [before.get(k), after.get(k)] for k in after if before.get(k) != after.get(k)})


def stamp_new(obj: Synced, actor: str) -> None:
    now = utcnow()
    obj.created_at = now
    obj.updated_at = now
    obj.updated_by = actor
    obj.version = 1


def change_stamp(actor: str, version: int | None) -> dict[str, Any]:
    """The sync columns of a change to a record now at ``version``."""
    return {"updated_at": utcnow(), "updated_by": actor, "version": (version or 0) + 1}


def stamp_change(obj: Synced, actor: str) -> None:
    for k, v in change_stamp(actor, obj.version).items():
        setattr(obj, k, v)


@functools.cache
def _length_limits(model: type[SQLModel]) -> dict[str, int]:
    """The declared length of each of ``model``'s text columns that has one."""
    columns = model.__table__.columns  # type: ignore[attr-defined]
    return {c.key: c.type.length for c in columns if getattr(c.type, "length", None)}


def check_lengths(model: type[SQLModel], values: dict[str, Any]) -> None:
    """A text longer than its column's declared length is refused, naming the field and its limit (「電話最多 32
    字，目前 33 字」): a server's varchar(n) would refuse it with a raw database error, SQLite would keep it."""
    limits = _length_limits(model)
    for key, value in values.items():
        limit = limits.get(key)
        if limit and isinstance(value, str) and len(value) > limit:
            zh, en = field_label_pair(key)
            raise ValidationError(f"{zh}最多 {limit} 字，目前 {len(value)} 字；請縮短後再儲存。",
                                  f"{en}: at most {limit} characters, this one has {len(value)}. Shorten it and "
                                  f"save again.", field=key)


def create(session: Session, obj: Synced, actor: str, entity: str, also: dict | None = None) -> Synced:
    """Stamp, add and audit a new record; ``also`` joins the audit entry (what is saved with the record in
    other tables, e.g. the counselors present at a visit)."""
    stamp_new(obj, actor)
    check_lengths(type(obj), obj.model_dump())
    session.add(obj)
    session.flush()
    audit.record(session, actor, "create", entity, obj.id, {**audit_snapshot(obj), **(also or {})})
    return obj


def update(session: Session, obj: Synced | Loaded, actor: str, entity: str, changes: dict,
           also_changed: dict | None = None, *, version: int | None = None, mine: dict | None = None,
           along: Along | None = None) -> dict:
    """Apply ``changes`` (field → value); stamps and audits only when something really changed, on the record
    or in ``also_changed`` (a :func:`diff` of what is saved with it in other tables).

    ``version``: the one her editor loaded. A record someone saved since is refused with a
    :class:`SaveConflict` naming each field of ``mine`` (what her editor holds; default ``changes``) whose
    stored value differs (:func:`refuse_if_saved_meanwhile`). The write is a compare-and-set on the version
    read — ``UPDATE … WHERE id = :id AND version = :read`` — so a save that slipped in between the read and the
    write is refused the same way, never overwritten: for a model object the mapper's version column
    (models/base.py) makes every UPDATE one; a :class:`Loaded` record is written here by one such statement."""
    if isinstance(obj, Loaded):
        return _update_loaded(session, obj, actor, entity, changes, also_changed, version, mine, along)
    if along is not None:
        raise ValueError("base.update: `along` goes with a Loaded record's compare-and-set")
    refuse_if_saved_meanwhile(entity, obj, version, changes if mine is None else mine)
    check_lengths(type(obj), {**changes, "updated_by": actor})
    before = snapshot(obj)
    for k, v in changes.items():
        setattr(obj, k, v)
    changed = {**diff(before, snapshot(obj), getattr(obj, "__tablename__", None)), **(also_changed or {})}
    if changed:
        stamp_change(obj, actor)
        session.add(obj)
        session.flush()
        audit.record(session, actor, "update", entity, obj.id, changed)
    return changed


def _update_loaded(session: Session, loaded: Loaded, actor: str, entity: str, changes: dict,
                   also_changed: dict | None, version: int | None, mine: dict | None, along: Along | None) -> dict:
    mine = changes if mine is None else mine
    refuse_if_saved_meanwhile(entity, loaded, version, mine, loaded.fields)
    check_lengths(loaded.model, {**changes, "updated_by": actor})
    table = loaded.model.__table__  # type: ignore[attr-defined]
    changed = {**diff({k: plain(v) for k, v in loaded.fields.items()}, {k: plain(v) for k, v in changes.items()},
                      table.name), **(also_changed or {})}
    if not changed:
        return changed
    values = {k: v for k, v in changes.items() if k in changed and k in table.c}
    values.update(change_stamp(actor, loaded.version))
    params = {"_id": loaded.id, "_read": loaded.version, **{f"_v_{k}": v for k, v in values.items()}}
    entry = audit.handed_with_change(session, actor, "update", entity, loaded.id, changed)
    if entry is not None:  # a server: the audit entry (and ``along``) go with the compare-and-set, in its statement
        params["_entry"] = entry
        params.update({f"_a_{k}": v for k, v in (along.values if along else {}).items()})
    elif along is not None:
        raise ValueError("base.update: `along` needs a server that chains the audit log at COMMIT (joins_along)")
    shape = (along.table, along.key, tuple(along.values)) if along else None
    written = session.connection().execute(_compare_and_set(table, tuple(values), entry is not None, shape),
                                           params).rowcount
    if written != 1:  # saved by someone else since it was read: she sees both values, or it goes ahead
        if not _reads_committed(session):  # SQLite: a new transaction to see it (READ COMMITTED reads it now)
            session.rollback()
        now = loaded.reread()
        if now is None:
            raise UserError("這筆資料已被刪除，無法儲存修改。", "This record was deleted; the changes cannot be saved.")
        refuse_if_saved_meanwhile(entity, now, loaded.version, mine, now.fields)
        return _update_loaded(session, now, actor, entity, changes, also_changed, now.version, mine, along)
    if entry is None:
        audit.record(session, actor, "update", entity, loaded.id, changed)
    return changed


def _reads_committed(session: Session) -> bool:
    """Whether each statement of the session's transaction reads what others committed before it (a server at READ
    COMMITTED, its default): a compare-and-set that missed then reads the newer record without ending the
    transaction — nothing was written, and a ROLLBACK would make psycopg forget its prepared statements."""
    conn = session.connection()
    return conn.dialect.name != "sqlite" and conn.default_isolation_level == "READ COMMITTED"


@dataclass(frozen=True)
class Along:
    """A row of another table that is written with a record (its search text): ``update(…, along=)`` upserts it by
    ``key`` in the compare-and-set's own statement, only when that writes the record — on a server whose audit log
    is chained at COMMIT (:func:`joins_along`): a save's search text then costs no round trip of its own."""

    table: str
    key: str
    values: dict[str, Any]


def joins_along(session: Session) -> bool:
    """Whether :func:`update` can write an :class:`Along` row with a compare-and-set on this session's database."""
    return audit.chains_at_commit(session.connection())


@functools.lru_cache(maxsize=256)
def _compare_and_set(table: Table, names: tuple[str, ...], audited: bool = False,
                     along: tuple[str, str, tuple[str, ...]] | None = None) -> Executable:
    """``UPDATE <table> SET <names> WHERE id = :_id AND version = :_read``, made once per table and set of columns
    (SQLAlchemy then keys and compiles it once, not at every save). ``audited`` (a server): the same statement
    inserts the change's audit entry (``:_entry``, :func:`audit.handed_with_change`) into the table the server
    chains at COMMIT, and upserts the ``along`` row (table, key, columns; values ``:_a_<column>``), both only when
    it wrote the record; its row count is then the audit row's: 1 when the record was written."""
    where = (table.c.id == bindparam("_id"), table.c.version == bindparam("_read"))
    values = {n: bindparam(f"_v_{n}", type_=table.c[n].type) for n in names}
    if not audited:
        return core_update(table).where(*where).values(values)
    sql = (f"WITH written AS (UPDATE {table.name} SET {', '.join(f'{_q(n)} = :_v_{n}' for n in names)} "
           f"WHERE id = :_id AND version = :_read RETURNING id)")
    if along is not None:
        other, key, columns = along
        sql += (f", along AS (INSERT INTO {other} ({', '.join(_q(c) for c in columns)}) "
                f"SELECT {', '.join(f':_a_{c}' for c in columns)} FROM written ON CONFLICT ({_q(key)}) DO UPDATE "
                f"SET {', '.join(f'{_q(c)} = excluded.{_q(c)}' for c in columns if c != key)})")
    sql += f" INSERT INTO {audit.PENDING_TABLE} (entries) SELECT CAST(:_entry AS jsonb) FROM written"
    return text(sql).bindparams(bindparam("_id", type_=table.c.id.type), bindparam("_read", type_=table.c.version.type),
                                *values.values()).execution_options(preserve_rowcount=True)


def _q(name: str) -> str:
    return f'"{name}"'


def soft_delete(session: Session, obj: Synced, actor: str, entity: str) -> None:
    if obj.deleted_at is None:
        obj.deleted_at = utcnow()
        stamp_change(obj, actor)
        session.add(obj)
        session.flush()
        audit.record(session, actor, "delete", entity, obj.id, {})


def undelete(session: Session, obj: Synced, actor: str, entity: str) -> None:
    if obj.deleted_at is not None:
        obj.deleted_at = None
        stamp_change(obj, actor)
        session.add(obj)
        session.flush()
        audit.record(session, actor, "undelete", entity, obj.id, {})

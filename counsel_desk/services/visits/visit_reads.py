"""A site visit as one statement reads it: for its editor (:meth:`VisitService.get`) and for a save
(:func:`read_stored`, what a save compares). The statements are made once (SQLAlchemy keys and compiles each once);
on a server the editor's run outside a transaction (services/base.reading)."""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Callable

from sqlalchemy import Integer, Select, String, bindparam, column, literal_column, select as core_select, text
from sqlalchemy.engine import Connection
from sqlalchemy.sql.selectable import TextualSelect
from sqlmodel import Session

from counsel_desk.models import Attachment, FollowUp, SiteVisit
from counsel_desk.services import base
from counsel_desk.services.visits.followups import FollowUpDraft

ENTITY = "site_visit"
VISIT_FIELDS = ("visit_date", "county_code", "township_code", "mode", "organization_id", "workstation_id",
                "public_space_id", "visited_name", "purpose", "findings", "issues", "advice", "notes", "key_visit")
_SEP = "\x1f"


@dataclass
class Stored:
    """A saved visit as one query reads it for a save: its fields, links, attachments and search row."""

    id: str
    version: int
    deleted: bool
    updated_by: str
    updated_at: datetime | None
    fields: dict[str, Any]
    links: dict[str, list[str]]
    live_topics: set[str]  # the linked topics not deleted since
    attachment_ids: set[str]
    followups: int  # how many live follow-ups
    search_rowid: int | None
    names: tuple[str | None, ...]  # the names around it in its search text (index_visit), as stored
    followup_prints: str | None = None  # a server's: its live follow-ups as followup_prints() prints them

    def loaded(self, reread: Callable[[], "base.Loaded | None"]) -> base.Loaded:
        """What ``base.update`` compares and sets: the visit's fields with its links."""
        return base.Loaded(SiteVisit, self.id, self.version, self.updated_by, self.updated_at,
                           {**self.fields, **self.links}, reread)


def loaded_now(s: Session, visit_id: str) -> base.Loaded | None:
    """The visit as stored now (after a compare-and-set found that someone saved it meanwhile)."""
    stored = read_stored(s.connection(), visit_id)
    return None if stored is None or stored.deleted else stored.loaded(lambda: loaded_now(s, visit_id))


def _ids(joined: str | None) -> list[str]:
    return sorted(joined.split(_SEP)) if joined else []


_STORED_SUBS = (
    "SELECT group_concat(l.counselor_id, '{sep}') FROM visit_counselor l JOIN counselor c ON c.id = l.counselor_id "
    "WHERE l.visit_id = site_visit.id",
    "SELECT group_concat(l.contact_id, '{sep}') FROM visit_contact l JOIN contact c ON c.id = l.contact_id "
    "WHERE l.visit_id = site_visit.id",
    "SELECT group_concat(l.topic_id, '{sep}') FROM visit_issue_topic l JOIN issue_topic t ON t.id = l.topic_id "
    "WHERE l.visit_id = site_visit.id",
    "SELECT group_concat(l.topic_id, '{sep}') FROM visit_issue_topic l JOIN issue_topic t ON t.id = l.topic_id "
    "WHERE l.visit_id = site_visit.id AND t.deleted_at IS NULL",
    f"SELECT group_concat(a.id, '{{sep}}') FROM attachment a WHERE a.owner_type = '{ENTITY}' "
    "AND a.owner_id = site_visit.id AND a.deleted_at IS NULL",
    "SELECT count(*) FROM followup f WHERE f.visit_id = site_visit.id AND f.deleted_at IS NULL",
    "SELECT d.rowid FROM search_index_doc d WHERE d.record_id = site_visit.id",
)


# A server's print of a visit's live follow-ups: "<id>:<version>:<md5 of its values>" each, by id (followup_prints).
_SERVER_FOLLOWUP_PRINTS = (
    "SELECT string_agg(f.id || ':' || f.version || ':' || md5(concat_ws(chr(31), length(f.description), f.description, "
    "length(f.owner), f.owner, coalesce(CAST(f.due_date AS text), ''), f.status, "
    "coalesce(CAST(f.followup_date AS text), ''), length(f.result), f.result)), ',' ORDER BY f.id COLLATE \"C\") "
    "FROM followup f WHERE f.visit_id = site_visit.id AND f.deleted_at IS NULL")


@functools.cache
def _stored_statement(server: bool = False) -> Select[Any]:
    """:func:`read_stored`'s statement, made once (SQLAlchemy then keys and compiles it once, not at every save)."""
    t = SiteVisit.__table__  # type: ignore[attr-defined]
    prints = _SERVER_FOLLOWUP_PRINTS if server else "SELECT NULL"
    extra: list[Any] = [literal_column("(" + sub.format(sep=_SEP) + ")")
                        for sub in [*_STORED_SUBS, *SEARCH_NAMES]] + [literal_column(f"({prints})")]
    return core_select(t.c.version, t.c.deleted_at, t.c.updated_by, t.c.updated_at,
                       *(t.c[k] for k in VISIT_FIELDS), *extra).where(t.c.id == bindparam("visit_id"))


def read_stored(conn: Connection, visit_id: str) -> Stored | None:
    """The visit with everything a save compares, in one statement (None when there is no such visit)."""
    row = conn.execute(_stored_statement(conn.dialect.name != "sqlite"), {"visit_id": visit_id}).first()
    if row is None:
        return None
    n = len(VISIT_FIELDS) + 4
    subs = _STORED_SUBS
    counselors, contacts, topics, live, attachments, followups, rowid = row[n:n + len(subs)]
    return Stored(visit_id, row[0], row[1] is not None, row[2], row[3], dict(zip(VISIT_FIELDS, row[4:n])),
                  {"counselor_ids": _ids(counselors), "contact_ids": _ids(contacts), "topic_ids": _ids(topics)},
                  set(_ids(live)), set(_ids(attachments)), int(followups or 0), rowid,
                  tuple(row[n + len(subs):-1]), row[-1])


def ordered_ids(joined: str | None) -> list[str]:
    return joined.split(_SEP) if joined else []


def _linked(table: str, column: str, join: str, order: str) -> str:
    """A visit's links of one kind as one text, in the editor's order (a scalar subquery on ``v``)."""
    return (f"(SELECT group_concat(o.x, '{_SEP}') FROM (SELECT l.{column} AS x FROM {table} l {join} "
            f"WHERE l.visit_id = v.id ORDER BY {order}) AS o)")


OPENED_FOLLOWUP = ("id", "description", "owner", "due_date", "status", "followup_date", "result", "version")
_OPENED_ATTACHMENT = ("id", "filename", "sha256", "size_bytes", "media_type")


@functools.cache
def opening() -> TextualSelect:
    """:meth:`VisitService.get`'s statement (made once: a text statement costs SQLAlchemy no compiling): the visit
    with its links and how many attachments it has, one row per live follow-up (its columns ``f_<name>``, in the
    editor's order; one row with them empty when it has none)."""
    t, f = SiteVisit.__table__, FollowUp.__table__  # type: ignore[attr-defined]
    sql = (f"SELECT v.version, v.deleted_at, {', '.join(f'v.{k}' for k in VISIT_FIELDS)}, "
           f"{_linked('visit_counselor', 'counselor_id', 'JOIN counselor c ON c.id = l.counselor_id', 'c.name, l.counselor_id')}, "
           f"{_linked('visit_contact', 'contact_id', 'JOIN contact c ON c.id = l.contact_id', 'c.name, l.contact_id')}, "
           f"{_linked('visit_issue_topic', 'topic_id', 'JOIN issue_topic t ON t.id = l.topic_id', 't.sort_order, t.code')}, "
           f"(SELECT count(*) FROM attachment a WHERE a.owner_type = '{ENTITY}' AND a.owner_id = v.id "
           f"AND a.deleted_at IS NULL), {', '.join(f'f.{k} AS f_{k}' for k in OPENED_FOLLOWUP)} "
           "FROM site_visit v LEFT JOIN followup f ON f.visit_id = v.id AND f.deleted_at IS NULL WHERE v.id = :v "
           "ORDER BY f.created_at, f.id")
    return text(sql).columns(
        column("version", Integer), column("deleted_at", t.c.deleted_at.type),
        *(column(k, t.c[k].type) for k in VISIT_FIELDS),
        *(column(k, String) for k in ("counselor_ids", "contact_ids", "topic_ids")), column("attachments", Integer),
        *(column(f"f_{k}", f.c[k].type) for k in OPENED_FOLLOWUP))


@functools.cache
def opening_followups(locked: bool = False) -> TextualSelect:
    """A visit's live follow-ups as its editor holds them; ``locked``: until COMMIT (a server's save)."""
    t = FollowUp.__table__  # type: ignore[attr-defined]
    return text(f"SELECT {', '.join(OPENED_FOLLOWUP)} FROM followup WHERE visit_id = :v AND deleted_at IS NULL "
                f"ORDER BY created_at, id{' FOR UPDATE' if locked else ''}"
                ).columns(*(column(k, t.c[k].type) for k in OPENED_FOLLOWUP))


@functools.cache
def opening_attachments() -> TextualSelect:
    t = Attachment.__table__  # type: ignore[attr-defined]
    return text(f"SELECT {', '.join(_OPENED_ATTACHMENT)} FROM attachment WHERE owner_type = '{ENTITY}' "
                "AND owner_id = :v AND deleted_at IS NULL ORDER BY created_at, id"
                ).columns(*(column(k, t.c[k].type) for k in _OPENED_ATTACHMENT))


def followups_as_stored(conn: Connection, visit_id: str, drafts: list[FollowUpDraft]) -> bool:
    """Whether the editor holds the visit's follow-ups exactly as stored (each at its stored version, with its
    stored values): a save of the visit alone then reads them in one statement (locked on a server until COMMIT,
    as the full path does) and writes nothing of them."""
    if any(d.id is None or d.version is None for d in drafts):
        return False
    rows = {r["id"]: r for r in conn.execute(opening_followups(conn.dialect.name != "sqlite"), {"v": visit_id})
            .mappings()}
    if len(rows) != len(drafts) or rows.keys() != {d.id for d in drafts}:
        return False
    return all(rows[d.id]["version"] == d.version and all(rows[d.id][k] == v for k, v in d.values().items())
               for d in drafts)


# The names in a visit's search text besides its own fields: place, people, organisation, workstation, space
# (scalar subqueries on a row named site_visit).
SEARCH_NAMES = (
    "SELECT c.name || ' ' || t.name FROM township t JOIN county c ON c.code = t.county_code "
    "WHERE t.code = site_visit.township_code",
    "SELECT group_concat(n.name, ' ') FROM (SELECT c.name FROM visit_counselor vc JOIN counselor c "
    "ON c.id = vc.counselor_id WHERE vc.visit_id = site_visit.id UNION ALL SELECT c.name FROM visit_contact vc "
    "JOIN contact c ON c.id = vc.contact_id WHERE vc.visit_id = site_visit.id) AS n",
    "SELECT name FROM organization WHERE id = site_visit.organization_id",
    "SELECT name FROM workstation WHERE id = site_visit.workstation_id",
    "SELECT name FROM public_space WHERE id = site_visit.public_space_id",
)


def followup_prints(drafts: list[FollowUpDraft]) -> str:
    """The print a server's :func:`read_stored` makes of a visit's follow-ups (``Stored.followup_prints``) were they
    stored as ``drafts`` hold them: equal prints mean the editor holds each at its stored version with its stored
    values (as :func:`followups_as_stored` finds by reading them), known without a statement of its own. A draft not
    saved yet prints as nothing the server makes."""
    if any(d.id is None or d.version is None for d in drafts):
        return "-"
    out = []
    for d in sorted(drafts, key=lambda d: d.id or ""):
        v = d.values()
        texts = [str(len(v["description"])), v["description"], str(len(v["owner"])), v["owner"], _iso(v["due_date"]),
                 v["status"], _iso(v["followup_date"]), str(len(v["result"])), v["result"]]
        out.append(f"{d.id}:{d.version}:{hashlib.md5(chr(31).join(texts).encode()).hexdigest()}")
    return ",".join(out)


def _iso(value: date | None) -> str:
    return value.isoformat() if value is not None else ""

"""Erasing a person's personal data on request (個人資料保護法: the right to deletion).

A person is a contact or a youth team's member (青年團隊成員). Neither is hard-deleted (sync needs
the tombstone): a contact's name becomes an anonymous placeholder, phone, e-mail and personal notes
are blanked; a member's name becomes a placeholder and the birth year is cleared; ``erased_at`` is
set. The version is bumped so the erasure travels to the other laptops with the next sync. The
same person may sit in several teams (and be a contact too): the preview lists the member rows
that carry the same name — with the same birth year, or none — and those chosen are erased together.

Where else the person may linger, and what this module does about it:

* other records' text (a visit's ``visited_name``, a follow-up's owner, notes that name them):
  exact mentions of the name, phone or e-mail are replaced by a marker, each change stamped and
  audited — without the erased values;
* the search index: its text is rewritten and the FTS index merged (``optimize``) so old
  segments holding the words are dropped;
* local copies of record values (a sync conflict keeps both sides as JSON) are rewritten;
* the audit log is hash-chained and cannot be scrubbed without breaking the chain, so personal
  values are never written into it (``services.base.PERSONAL_FIELDS``); entries written before
  that rule existed are counted and reported;
* free pages and the WAL: ``secure_delete`` zeroes freed space, and the WAL is checkpointed and
  truncated so old page images are gone from the ``-wal`` file too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Sequence

from sqlalchemy import String, Text, select, text, update
from sqlmodel import Session

from counsel_desk.errors import UserError
from counsel_desk.models import Contact, Organization, YouthTeam, YouthTeamMember, metadata, utcnow
from counsel_desk.services.base import ServiceContext, stamp_change
from counsel_desk.store import audit, search

ERASED_NAME = "（已刪除的聯絡人）"  # what the contact list shows in place of the name
ERASED_MEMBER_NAME = "（已刪除的成員）"  # what a team's member list shows in place of the name
MEMBER_PERSONAL = ("name", "birth_year")
MENTION_MARK = "（個資已刪除）"  # what replaces a mention in other records' text
PERSONAL = ("name", "phone", "email", "personal_notes")
# Columns that hold codes, ids and stamps, never a person's words — and record names and titles:
# another contact called 王小明 is a namesake, an organisation named after its owner keeps its name.
_SKIP_COLUMNS = {"id", "updated_by", "sha256", "media_type", "stage", "status", "kind", "mode", "route", "name",
                 "title", "filename"}
MIN_NAME_LENGTH = 2  # a one-character "name" would match all over the notes
MIN_PHONE_DIGITS = 8


@dataclass
class ErasureResult:
    record_id: str  # the contact or member the person asked about
    table: str = "contact"
    members: list[str] = field(default_factory=list)  # member rows whose name and birth year were erased
    already_erased: bool = False
    scrubbed: list[tuple[str, str, list[str]]] = field(default_factory=list)  # (table, id, fields)
    search_docs: int = 0
    local_copies: int = 0  # rows of local tables (sync conflicts) that held the values
    audit_mentions: int = 0  # audit entries still holding a value (written before redaction existed)
    wal_truncated: bool = False


def _phone_variants(phone: str) -> list[str]:
    digits = re.sub(r"\D", "", phone)
    out = [phone]
    if len(digits) >= MIN_PHONE_DIGITS and digits != phone:
        out.append(digits)
    return out


def personal_values(name: str, phone: str, email: str) -> list[str]:
    """The strings to hunt for elsewhere, longest first (so "王小明" goes before "小明")."""
    values: list[str] = []
    if len(name.strip()) >= MIN_NAME_LENGTH:
        values.append(name.strip())
    if phone.strip():
        values += _phone_variants(phone.strip())
    if email.strip():
        values.append(email.strip())
    return sorted(set(values), key=len, reverse=True)


def _is_text(type_) -> bool:
    # SQLModel's AutoString is a TypeDecorator over String: look through to what is stored.
    return isinstance(getattr(type_, "impl", type_), (String, Text))


def _text_columns() -> dict[str, list[str]]:
    """Synced tables (they travel and carry versions) → their free-text columns."""
    out: dict[str, list[str]] = {}
    for name, table in metadata.tables.items():
        if "version" not in table.c or name == "audit_log":
            continue
        cols = [c.name for c in table.c if _is_text(c.type) and c.name not in _SKIP_COLUMNS
                and not c.name.endswith(("_id", "_code", "_sha256")) and not c.foreign_keys]
        if cols:
            out[name] = cols
    return out


def find_mentions(session: Session, values: list[str], *, skip_id: str = "") -> list[tuple[str, str, list[str]]]:
    """Records whose text contains any of ``values``: (table, id, fields)."""
    if not values:
        return []
    conn = session.connection()
    found: list[tuple[str, str, list[str]]] = []
    for table, cols in _text_columns().items():
        conds = " OR ".join(f"instr({c}, :v{n}) > 0" for c in cols for n in range(len(values)))
        params = {f"v{n}": v for n, v in enumerate(values)}
        for row in conn.execute(text(f"SELECT id, {', '.join(cols)} FROM {table} WHERE {conds}"), params):
            if row[0] == skip_id:
                continue
            hits = [c for c, v in zip(cols, row[1:]) if isinstance(v, str) and any(x in v for x in values)]
            if hits:
                found.append((table, row[0], hits))
    return found


def _scrub(value: str, values: list[str]) -> str:
    for v in values:
        value = value.replace(v, MENTION_MARK)
    return value


def _scrub_records(session: Session, mentions, values: list[str], actor: str, contact_id: str) -> None:
    conn = session.connection()
    now = utcnow()
    for table_name, record_id, cols in mentions:
        table = metadata.tables[table_name]
        current = conn.execute(select(*[table.c[c] for c in cols]).where(table.c.id == record_id)).one()
        sets = {c: _scrub(v, values) for c, v in zip(cols, current)}
        # Stamped like any change, so the scrub travels to the other laptops with the next sync.
        conn.execute(update(table).where(table.c.id == record_id)
                     .values(**sets, updated_at=now, updated_by=actor, version=table.c.version + 1))
        audit.record(session, actor, "erase", table_name, record_id, {"fields": cols, "contact_id": contact_id})


# Local tables (they never travel, so no stamps) that keep copies of record values as JSON text.
LOCAL_COPIES = {"sync_conflict": ("local_values", "remote_values", "resolution"), "sync_base": ("twins",)}


def _scrub_local_copies(session: Session, values: list[str]) -> int:
    """Replace the values in local JSON copies (a sync conflict keeps both sides of a record)."""
    conn = session.connection()
    changed = 0
    for table, cols in LOCAL_COPIES.items():
        if table not in metadata.tables or not values:
            continue
        params = {f"v{n}": v for n, v in enumerate(values)}
        hits = " OR ".join(f"instr({c}, :v{n}) > 0" for c in cols for n in range(len(values)))
        changed += conn.execute(text(f"SELECT count(*) FROM {table} WHERE {hits}"), params).scalar_one()
        for n in range(len(values)):  # longest value first, as in the records
            sets = ", ".join(f"{c} = replace({c}, :v{n}, :m)" for c in cols)
            conn.execute(text(f"UPDATE {table} SET {sets} WHERE {hits}"), {**params, "m": MENTION_MARK})
    return changed


def _scrub_search_index(session: Session, values: list[str]) -> int:
    conn = session.connection()
    changed = 0
    for table in (search.fts_table(e) for e in search.ENTITIES):
        scrubbed = 0
        for v in values:
            rows = conn.execute(text(f"SELECT rowid, body FROM {table} WHERE instr(body, :v) > 0"), {"v": v}).all()
            for rowid, body in rows:
                conn.execute(text(f"UPDATE {table} SET body=:b WHERE rowid=:i"), {"b": _scrub(body, values), "i": rowid})
                scrubbed += 1
        if scrubbed:
            # Merge the FTS segments: until then the old trigrams sit in superseded segments on disk.
            conn.execute(text(f"INSERT INTO {table}({table}) VALUES('optimize')"))
        changed += scrubbed
    return changed


def _audit_mentions(session: Session, values: list[str]) -> int:
    if not values:
        return 0
    conds = " OR ".join(f"instr(detail, :v{n}) > 0" for n in range(len(values)))
    return session.connection().execute(text(f"SELECT count(*) FROM audit_log WHERE {conds}"),
                                        {f"v{n}": v for n, v in enumerate(values)}).scalar_one()


def purge_free_space(engine, *, vacuum: bool = False) -> bool:
    """Checkpoint and truncate the WAL (and VACUUM if asked) so erased bytes leave the files.

    Returns False when another connection was reading and the WAL could not be emptied yet; it
    is emptied at the next checkpoint.
    """
    raw = engine.raw_connection()
    try:
        con = raw.driver_connection
        if vacuum:
            con.execute("VACUUM")
        busy, _log, _done = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        return busy == 0
    finally:
        raw.close()


def _contact(s: Session, contact_id: str) -> Contact:
    contact = s.get(Contact, contact_id)
    if contact is None:
        raise UserError(f"找不到這位聯絡人（{contact_id}）。", f"No such contact ({contact_id}).")
    return contact


def _member(s: Session, member_id: str) -> YouthTeamMember:
    member = s.get(YouthTeamMember, member_id)
    if member is None:
        raise UserError(f"找不到這位青年團隊成員（{member_id}）。", f"No such youth-team member ({member_id}).")
    return member


def _erase_members(s: Session, member_ids: Sequence[str], actor: str) -> tuple[list[str], list[str]]:
    """Blank the members' name and birth year; returns (members erased now, their names to hunt for)."""
    erased, names = [], []
    for member_id in dict.fromkeys(member_ids):
        member = _member(s, member_id)
        blanked = [f for f in MEMBER_PERSONAL if getattr(member, f) not in (None, "", ERASED_MEMBER_NAME)]
        if member.erased_at is not None and not blanked:
            continue
        if member.erased_at is None:
            names.append(member.name)
        member.name, member.birth_year = ERASED_MEMBER_NAME, None
        member.erased_at = member.erased_at or utcnow()
        stamp_change(member, actor)
        s.add(member)
        s.flush()
        audit.record(s, actor, "erase", "youth_team_member", member_id, {"fields": blanked})
        erased.append(member_id)
    return erased, names


def _scrub_everywhere(s: Session, result: ErasureResult, values: list[str], actor: str, scrub_mentions: bool) -> None:
    values = sorted(set(values), key=len, reverse=True)
    if scrub_mentions and values:
        result.scrubbed = find_mentions(s, values, skip_id=result.record_id)
        _scrub_records(s, result.scrubbed, values, actor, result.record_id)
    result.search_docs = _scrub_search_index(s, values)
    result.local_copies = _scrub_local_copies(s, values)
    result.audit_mentions = _audit_mentions(s, values)


def erase_contact(ctx: ServiceContext, contact_id: str, *, scrub_mentions: bool = True, purge: bool = True,
                  members: Sequence[str] = ()) -> ErasureResult:
    """Erase a contact's personal data, leaving an anonymous tombstone, and the personal data of the
    youth-team ``members`` that are the same person (see :func:`preview`); see the module docstring."""
    result = ErasureResult(contact_id)
    with ctx.session_factory() as s:
        contact = _contact(s, contact_id)
        result.already_erased = contact.erased_at is not None
        values = personal_values(contact.name if not result.already_erased else "", contact.phone, contact.email)
        blanked = [f for f in PERSONAL if getattr(contact, f) not in ("", ERASED_NAME)]
        contact.name, contact.phone, contact.email, contact.personal_notes = ERASED_NAME, "", "", ""
        if blanked or not result.already_erased:
            contact.erased_at = contact.erased_at or utcnow()
            stamp_change(contact, ctx.actor)
            s.add(contact)
            s.flush()
            audit.record(s, ctx.actor, "erase", "contact", contact_id, {"fields": blanked})
        result.members, names = _erase_members(s, members, ctx.actor)
        _scrub_everywhere(s, result, values + [v for n in names for v in personal_values(n, "", "")], ctx.actor,
                          scrub_mentions)
        s.commit()
        engine = s.get_bind()
    if purge:
        result.wal_truncated = purge_free_space(engine)
    return result


def erase_member(ctx: ServiceContext, member_id: str, *, scrub_mentions: bool = True, purge: bool = True,
                 also: Sequence[str] = ()) -> ErasureResult:
    """Erase a youth-team member's name and birth year (and those of the ``also`` rows: the same person
    in other teams, see :func:`preview_member`), leaving an anonymous row so the team's counts add up."""
    result = ErasureResult(member_id, "youth_team_member")
    with ctx.session_factory() as s:
        result.already_erased = _member(s, member_id).erased_at is not None
        result.members, names = _erase_members(s, [member_id, *also], ctx.actor)
        _scrub_everywhere(s, result, [v for n in names for v in personal_values(n, "", "")], ctx.actor, scrub_mentions)
        s.commit()
        engine = s.get_bind()
    if purge:
        result.wal_truncated = purge_free_space(engine)
    return result


@dataclass(frozen=True)
class Erased:
    """Who was erased in a database (re-applied after a restore of an older backup)."""

    contacts: list[str]
    members: list[str]


def erased_people(db) -> Erased:
    with db.session() as s:
        conn = s.connection()
        return Erased(list(conn.execute(text("SELECT id FROM contact WHERE erased_at IS NOT NULL")).scalars()),
                      list(conn.execute(text("SELECT id FROM youth_team_member WHERE erased_at IS NOT NULL")).scalars()))


def reapply_erasures(db, erased: Erased, *, actor: str = "") -> int:
    """Erase again the people a restored backup still holds in full; returns how many."""
    ctx = ServiceContext(db.session_factory, actor)
    with db.session() as s:
        conn = s.connection()
        contacts = [cid for cid in erased.contacts
                    if conn.execute(text("SELECT 1 FROM contact WHERE id=:i AND erased_at IS NULL"), {"i": cid}).first()]
        members = [mid for mid in erased.members if conn.execute(
            text("SELECT 1 FROM youth_team_member WHERE id=:i AND erased_at IS NULL"), {"i": mid}).first()]
    for cid in contacts:
        erase_contact(ctx, cid, purge=False)
    for mid in members:
        erase_member(ctx, mid, purge=False)
    if contacts or members:
        purge_free_space(db.engine)
    return len(contacts) + len(members)


def erased_at(db, contact_id: str) -> datetime | None:
    with db.session() as s:
        c = s.get(Contact, contact_id)
        return c.erased_at if c is not None else None


@dataclass(frozen=True)
class Membership:
    """A youth team's member row that may be the person being erased (same name; same or no birth year)."""

    member_id: str
    team: str
    roc_year: int
    role: str
    birth_year: int | None


@dataclass(frozen=True)
class ErasurePreview:
    """What erasing a person would touch, for the confirmation a person sees first."""

    record_id: str
    name: str
    title: str  # a contact's title, a member's role
    organization: str  # a contact's organisation, a member's team
    already_erased: bool
    mentions: list[tuple[str, str, list[str]]]  # (table, id, fields) whose text names the person
    audit_mentions: int
    table: str = "contact"
    memberships: list[Membership] = field(default_factory=list)  # other member rows that are likely the person


def memberships(s: Session, name: str, birth_year: int | None = None, *, skip_id: str = "") -> list[Membership]:
    """Member rows not yet erased with exactly this name (≥ 2 characters) and the same or no birth year."""
    if len(name.strip()) < MIN_NAME_LENGTH or name in (ERASED_NAME, ERASED_MEMBER_NAME):
        return []
    born = "" if birth_year is None else " AND (m.birth_year IS NULL OR m.birth_year = :born)"
    rows = s.connection().execute(text(
        "SELECT m.id, t.name, t.roc_year, m.role, m.birth_year FROM youth_team_member m "
        "JOIN youth_team t ON t.id = m.team_id WHERE m.name = :n AND m.erased_at IS NULL AND m.deleted_at IS NULL "
        f"AND m.id != :skip{born} ORDER BY t.roc_year DESC, t.name"), {"n": name.strip(), "skip": skip_id, "born": birth_year})
    return [Membership(*row) for row in rows]


def preview(ctx: ServiceContext, contact_id: str) -> ErasurePreview:
    with ctx.session_factory() as s:
        contact = _contact(s, contact_id)
        org = s.get(Organization, contact.organization_id) if contact.organization_id else None
        erased = contact.erased_at is not None
        values = personal_values("" if erased else contact.name, contact.phone, contact.email)
        return ErasurePreview(contact_id, contact.name, contact.title, org.name if org else "", erased,
                              find_mentions(s, values, skip_id=contact_id), _audit_mentions(s, values),
                              memberships=[] if erased else memberships(s, contact.name))


def preview_member(ctx: ServiceContext, member_id: str) -> ErasurePreview:
    with ctx.session_factory() as s:
        member = _member(s, member_id)
        team = s.get(YouthTeam, member.team_id)
        erased = member.erased_at is not None
        values = personal_values("" if erased else member.name, "", "")
        return ErasurePreview(member_id, member.name, member.role, team.name if team else "", erased,
                              find_mentions(s, values, skip_id=member_id), _audit_mentions(s, values),
                              table="youth_team_member",
                              memberships=[] if erased else memberships(s, member.name, member.birth_year,
                                                                        skip_id=member_id))

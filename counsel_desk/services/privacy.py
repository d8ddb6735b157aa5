"""Erasing a person's personal data on request (個人資料保護法: the right to deletion).

A contact is never hard-deleted (sync needs the tombstone): its name becomes an anonymous
placeholder, phone, e-mail and personal notes are blanked and ``erased_at`` is set. The version
is bumped so the erasure travels to the other laptops with the next sync.

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

from sqlalchemy import String, Text, select, text, update
from sqlmodel import Session

from counsel_desk.errors import UserError
from counsel_desk.models import Contact, Organization, metadata, utcnow
from counsel_desk.services.base import ServiceContext, stamp_change
from counsel_desk.store import audit, search

ERASED_NAME = "（已刪除的聯絡人）"  # what the contact list shows in place of the name
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
    contact_id: str
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


def erase_contact(ctx: ServiceContext, contact_id: str, *, scrub_mentions: bool = True,
                  purge: bool = True) -> ErasureResult:
    """Erase a contact's personal data, leaving an anonymous tombstone; see the module docstring."""
    result = ErasureResult(contact_id)
    with ctx.session_factory() as s:
        contact = s.get(Contact, contact_id)
        if contact is None:
            raise UserError(f"找不到這位聯絡人（{contact_id}）。", f"No such contact ({contact_id}).")
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
        if scrub_mentions and values:
            result.scrubbed = find_mentions(s, values, skip_id=contact_id)
            _scrub_records(s, result.scrubbed, values, ctx.actor, contact_id)
        result.search_docs = _scrub_search_index(s, values)
        result.local_copies = _scrub_local_copies(s, values)
        result.audit_mentions = _audit_mentions(s, values)
        s.commit()
        engine = s.get_bind()
    if purge:
        result.wal_truncated = purge_free_space(engine)
    return result


def erased_contacts(db) -> list[str]:
    """Ids of the contacts erased in this database (re-applied after a restore of an older backup)."""
    with db.session() as s:
        return list(s.connection().execute(text("SELECT id FROM contact WHERE erased_at IS NOT NULL")).scalars())


def reapply_erasures(db, contact_ids: list[str], *, actor: str = "") -> int:
    """Erase again the contacts a restored backup still holds in full; returns how many."""
    if not contact_ids:
        return 0
    ctx = ServiceContext(db.session_factory, actor)
    with db.session() as s:
        pending = [cid for cid in contact_ids
                   if s.connection().execute(text("SELECT 1 FROM contact WHERE id=:i AND erased_at IS NULL"),
                                             {"i": cid}).first()]
    for cid in pending:
        erase_contact(ctx, cid, purge=False)
    if pending:
        purge_free_space(db.engine)
    return len(pending)


def erased_at(db, contact_id: str) -> datetime | None:
    with db.session() as s:
        c = s.get(Contact, contact_id)
        return c.erased_at if c is not None else None


@dataclass(frozen=True)
class ErasurePreview:
    """What erasing a contact would touch, for the confirmation a person sees first."""

    contact_id: str
    name: str
    title: str
    organization: str
    already_erased: bool
    mentions: list[tuple[str, str, list[str]]]  # (table, id, fields) whose text names the person
    audit_mentions: int


def preview(ctx: ServiceContext, contact_id: str) -> ErasurePreview:
    with ctx.session_factory() as s:
        contact = s.get(Contact, contact_id)
        if contact is None:
            raise UserError(f"找不到這位聯絡人（{contact_id}）。", f"No such contact ({contact_id}).")
        org = s.get(Organization, contact.organization_id) if contact.organization_id else None
        erased = contact.erased_at is not None
        values = personal_values("" if erased else contact.name, contact.phone, contact.email)
        return ErasurePreview(contact_id, contact.name, contact.title, org.name if org else "", erased,
                              find_mentions(s, values, skip_id=contact_id), _audit_mentions(s, values))

"""Erasing a person's personal data: an anonymous tombstone, and the bytes really gone from the files."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sqlalchemy import text

from counsel_desk.models import Contact, Organization, SiteVisit
from counsel_desk.services import base
from counsel_desk.services.safety import privacy
from counsel_desk.services.base import ServiceContext, create, update
from counsel_desk.store import audit, keys, search
from counsel_desk.store import driver

NAME = "龔曉蓉"
PHONE = "0937-246-813"
EMAIL = "gong.xr@example.tw"
NOTES = "家住關山鎮，女兒明年返鄉"


def raw_bytes(path: Path) -> bytes:
    """The database file and its WAL as whoever holds them (and, for an encrypted file, its key)
    reads them: every page, free pages and stale WAL frames included."""
    data = path.read_bytes()
    wal = Path(f"{path}-wal")
    wal_data = wal.read_bytes() if wal.exists() else b""
    key = keys.key_for(path)
    if key is None:
        return data + wal_data
    return decrypted_pages(data, wal_data, key.key)


def decrypted_pages(data: bytes, wal: bytes, key: bytes) -> bytes:
    """SQLCipher 4's pages opened by hand: AES-256-CBC per page, the IV at the start of the page's
    reserved tail, page 1 after the 16-byte salt; WAL frames are a 24-byte header and one page."""
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    def page_text(page: bytes, first: bool) -> bytes:
        iv = page[size - reserve:size - reserve + 16]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        return decryptor.update(page[16 if first else 0:size - reserve]) + decryptor.finalize()

    probe = Cipher(algorithms.AES(key), modes.CBC(data[4096 - 80:4096 - 64])).decryptor()
    header = probe.update(data[16:96]) + probe.finalize()  # SQLite's header, bytes 16… of page 1
    size, reserve = int.from_bytes(header[0:2], "big"), header[4]
    assert size == 4096 and reserve == 80, "SQLCipher 4's default page layout"
    out = [page_text(data[i:i + size], i == 0) for i in range(0, len(data) - size + 1, size)]
    for at in range(32, len(wal) - 24 - size + 1, 24 + size):
        out.append(page_text(wal[at + 24:at + 24 + size], int.from_bytes(wal[at:at + 4], "big") == 1))
    return b"".join(out)


def person(services: ServiceContext) -> tuple[str, str]:
    """A contact with personal data, edited once, named on a visit and in the search index."""
    with services.session_factory() as s:
        org = create(s, Organization(name="關山鎮農會", kind="association"), services.actor, "organization")
        c = create(s, Contact(organization_id=org.id, name=NAME, title="理事", phone="0900-000-000", email=EMAIL,
                              personal_notes=NOTES), services.actor, "contact")
        update(s, c, services.actor, "contact", {"phone": PHONE})
        visit = SiteVisit(center_code="north", county_code="10014", township_code="10014030", visit_date=date(2026, 11, 2),
                          visited_name=NAME, mode="onsite", purpose="輔導", notes=f"與{NAME}討論，電話 {PHONE}")
        create(s, visit, services.actor, "site_visit")
        search.index(s, "organization", org.id, org.name, NAME)
        search.index(s, "site_visit", visit.id, visit.visited_name, visit.notes)
        s.commit()
        return c.id, visit.id


def test_audit_details_never_hold_personal_values(db, services):
    person(services)
    with db.engine.connect() as c:
        details = [r[0] for r in c.execute(text("SELECT detail FROM audit_log"))]
    blob = "\n".join(details)
    for value in (NAME, PHONE, EMAIL, NOTES, "0900-000-000"):
        assert value not in blob
    contact_create = next(json.loads(d) for d in details if '"title": "理事"' in d)
    assert contact_create["name"] == base.REDACTED and contact_create["title"] == "理事"
    assert any(json.loads(d).get("phone") == [base.REDACTED, base.REDACTED] for d in details)


def test_erase_leaves_an_anonymous_tombstone(db, services):
    contact_id, _ = person(services)
    with db.session() as s:
        version_before = s.get(Contact, contact_id).version
    result = privacy.erase_contact(services, contact_id)
    with db.session() as s:
        c = s.get(Contact, contact_id)
        assert (c.name, c.phone, c.email, c.personal_notes) == (privacy.ERASED_NAME, "", "", "")
        assert c.title == "理事" and c.deleted_at is None and c.erased_at is not None
        assert c.version == version_before + 1 and c.updated_by == services.actor
        entry = s.connection().execute(text(
            "SELECT detail FROM audit_log WHERE action='erase' AND entity='contact'")).scalar_one()
        assert json.loads(entry) == {"fields": ["name", "phone", "email", "personal_notes"]}
        assert audit.verify(s).ok
    assert result.wal_truncated and result.audit_mentions == 0
    assert result.search_docs == 2


def test_after_erasing_the_name_and_phone_are_gone_from_the_files(db, services):
    contact_id, visit_id = person(services)
    assert NAME.encode() in raw_bytes(db.path)  # the test can see them before
    result = privacy.erase_contact(services, contact_id)
    data = raw_bytes(db.path)
    for value in (NAME, PHONE, PHONE.replace("-", ""), EMAIL, NOTES):
        assert value.encode() not in data, value
    assert ("site_visit", visit_id, ["visited_name", "notes"]) in result.scrubbed
    with db.session() as s:
        visit = s.get(SiteVisit, visit_id)
        assert visit.visited_name == privacy.MENTION_MARK and visit.version == 2
        assert audit.verify(s).ok


def test_mentions_can_be_left_alone_and_namesakes_are_untouched(db, services):
    contact_id, visit_id = person(services)
    with services.session_factory() as s:
        namesake = create(s, Contact(name=NAME, phone="0911-111-111"), services.actor, "contact")
        s.commit()
    privacy.erase_contact(services, contact_id, scrub_mentions=False)
    with db.session() as s:
        assert s.get(SiteVisit, visit_id).visited_name == NAME
        assert s.get(Contact, namesake.id).name == NAME  # another person with the same name


def test_erasing_twice_is_harmless(db, services):
    contact_id, _ = person(services)
    privacy.erase_contact(services, contact_id)
    again = privacy.erase_contact(services, contact_id)
    assert again.already_erased and again.scrubbed == []
    with db.engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM audit_log WHERE action='erase' AND entity='contact'")).scalar() == 1


def test_erased_values_in_old_audit_entries_are_counted(db, services):
    contact_id, _ = person(services)
    with db.session() as s:  # an entry written before personal fields were redacted
        audit.record(s, "舊版", "update", "contact", contact_id, {"phone": ["", PHONE]})
        s.commit()
    assert privacy.erase_contact(services, contact_id).audit_mentions == 1


def test_unknown_contact_is_a_clear_error(services):
    import pytest

    from counsel_desk.errors import UserError

    with pytest.raises(UserError, match="找不到"):
        privacy.erase_contact(services, "no-such-id")


def test_backups_keep_the_mode_and_erase_survives_restore(db, services):
    """Restoring a backup made before the erasure does not bring the person back."""
    from counsel_desk.services.safety import backup

    contact_id, _ = person(services)
    old = backup.make_backup(db.path, "manual")
    privacy.erase_contact(services, contact_id)
    backup.restore(db, old)
    for value in (NAME, PHONE):
        assert value.encode() not in raw_bytes(db.path)
    con = driver.connect(db.path)
    assert con.execute("SELECT erased_at IS NOT NULL FROM contact WHERE id=?", (contact_id,)).fetchone()[0] == 1
    con.close()


def test_copies_kept_by_sync_conflicts_are_scrubbed(db, services):
    contact_id, _ = person(services)
    with db.engine.begin() as c:
        c.exec_driver_sql(
            "INSERT INTO sync_conflict (id, entity, record_id, status, detected_at, changed_at, source, local_values, "
            "remote_values, fields, resolution, resolved_by) VALUES ('k1', 'contact', ?, 'open', '2026-11-20 00:00:00', "
            "'2026-11-20 00:00:00', 'south.xlsx', ?, ?, '[\"phone\"]', '', '')",
            (contact_id, json.dumps({"name": NAME, "phone": PHONE}, ensure_ascii=False),
             json.dumps([{"name": NAME, "phone": "0937-000-000"}], ensure_ascii=False)))
    result = privacy.erase_contact(services, contact_id)
    assert result.local_copies == 1
    for value in (NAME, PHONE):
        assert value.encode() not in raw_bytes(db.path)
    with db.engine.connect() as c:
        kept = json.loads(c.exec_driver_sql("SELECT local_values FROM sync_conflict WHERE id='k1'").scalar())
    assert kept == {"name": privacy.MENTION_MARK, "phone": privacy.MENTION_MARK}

"""The audit log as people read it: list and filters, tamper detection, CSV export (atomic, audited)."""

from __future__ import annotations

import csv
import errno
from datetime import date

import pytest

from counsel_desk.models import Organization
from counsel_desk.services.safety import audit_log
from counsel_desk.services.safety.atomic import DiskFullError
from counsel_desk.services.base import create, soft_delete, update
from counsel_desk.services.listing import ListQuery
from tests.pg_server import RawConnection


@pytest.fixture
def history(db, services):
    """Three organisations created, one renamed, one deleted: five entries."""
    ids = []
    with services.session_factory() as s:
        for name in ("池上鄉農會", "鹿野鄉公所", "關山鎮青年會"):
            ids.append(create(s, Organization(name=name, kind="association"), services.actor, "organization").id)
        update(s, s.get(Organization, ids[0]), services.actor, "organization", {"name": "池上鄉農會（新）"})
        soft_delete(s, s.get(Organization, ids[2]), services.actor, "organization")
        s.commit()
    return ids


def test_list_is_newest_first_and_filters_in_sql(db, history):
    source = audit_log.AuditListSource(db.session_factory)
    ids = source.ids(ListQuery())
    assert len(ids) == 5 and ids == sorted(ids, key=int, reverse=True)
    rows = source.rows(ids[:2])
    newest = rows[ids[0]]
    assert (newest["action"], newest["entity"], newest["actor"]) == ("刪除", "單位", "測試輔導員")
    assert newest["at"].startswith("1")  # a 民國 date: 115/…
    assert len(source.ids(ListQuery(filters={"action": "create"}))) == 3
    assert source.ids(ListQuery(search="池上鄉農會（新）")) == [ids[1]]
    assert source.ids(ListQuery(filters={"date_from": date(2000, 1, 1), "date_to": date(2000, 12, 31)})) == []
    choices = audit_log.filter_choices(db.session_factory)
    assert ("update", "修改") in choices["action"] and ("organization", "單位") in choices["entity"]


def test_summary_and_entry_detail(db, history):
    source = audit_log.AuditListSource(db.session_factory)
    seq = source.ids(ListQuery(filters={"action": "update"}))[0]
    row = source.rows([seq])[seq]
    assert row["detail"] == "名稱：池上鄉農會 → 池上鄉農會（新）" and row["name"] == "池上鄉農會（新）"
    entry = audit_log.entry(db.session_factory, seq)
    assert entry.title == "單位 池上鄉農會（新）" and entry.changes == ("名稱：池上鄉農會 → 池上鄉農會（新）",)
    assert '"name"' in entry.detail and len(entry.hash) == 64  # the raw JSON, for the 「詳細」 expander


def test_a_visit_entry_reads_as_a_manager_would_say_it(db, services):
    """Field labels, not column names; ROC dates, enum labels, places, the center; the record named."""
    from counsel_desk.models import SiteVisit
    from counsel_desk.models.enums import Stage
    from counsel_desk.services import proposals as ps

    with services.session_factory() as s:
        org = create(s, Organization(name="河岸設計有限公司", kind="company"), services.actor, "organization")
        visit = create(s, SiteVisit(center_code="north", visit_date=date(2026, 11, 25), county_code="10014",
                                    township_code="10014060", organization_id=org.id, mode="onsite"),
                       services.actor, "site_visit")
        update(s, visit, services.actor, "site_visit", {"visit_date": date(2026, 11, 26), "mode": "phone"})
        s.commit()
    source = audit_log.AuditListSource(db.session_factory)
    created, changed = (audit_log.entry(db.session_factory, source.ids(ListQuery(filters={"action": a,
                        "entity": "site_visit"}))[0]) for a in ("create", "update"))
    assert changed.title == "訪視 115/11/26 河岸設計有限公司"
    assert set(changed.changes) == {"日期：115/11/25 → 115/11/26", "方式：實地 → 電話"}
    for line in ("分區：北區", "縣市：臺東縣", "鄉鎮市區：池上鄉", "單位：河岸設計有限公司", "重點訪視：否"):
        assert line in created.changes
    assert not any("organization_id" in line or "_code" in line for line in created.changes)

    detail = ps.create_proposal(services, ps.ProposalFields(title="池上穀倉藝術咖啡", organization_name="河岸設計",
                                                            county_code="10014", township_code="10014060"))
    ps.save_draft(services, detail.id, fields=ps.ProposalFields(
        title="池上穀倉藝術咖啡", organization_name="河岸設計", county_code="10014", township_code="10014060",
        self_funding=340_000))
    seq = source.ids(ListQuery(filters={"action": "update", "entity": "proposal"}))[0]
    assert "自籌款：NT$0 → NT$340,000" in audit_log.entry(db.session_factory, seq).changes
    assert Stage.IDEA.label == "構想"


def test_an_audit_row_edited_by_hand_is_detected(db, history):
    assert audit_log.verify_chain(db.session_factory).ok
    con = RawConnection(db)
    con.execute("UPDATE audit_log SET actor='別人' WHERE seq=2")
    con.commit()
    con.close()
    result = audit_log.verify_chain(db.session_factory)
    assert not result.ok and result.first_bad_seq == 2
    assert "第 2 筆" in result.message


def test_a_deleted_audit_row_is_detected(db, history):
    con = RawConnection(db)
    con.execute("DELETE FROM audit_log WHERE seq=3")
    con.commit()
    con.close()
    result = audit_log.verify_chain(db.session_factory)
    assert not result.ok and result.first_bad_seq == 4


def test_export_csv_is_readable_complete_and_itself_audited(db, services, history, tmp_path):
    out = tmp_path / "稽核紀錄.csv"
    n = audit_log.export_csv(services, out)
    assert n == 5
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with the BOM
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][:4] == ["序號", "時間", "使用者", "動作"]
    assert [r[7] for r in rows[1:]] == ["create", "create", "create", "update", "delete"]
    assert all(len(r[10]) == 64 for r in rows[1:])
    source = audit_log.AuditListSource(db.session_factory)
    last = source.rows(source.ids(ListQuery())[:1])
    assert next(iter(last.values()))["action"] == "匯出"
    assert audit_log.verify_chain(db.session_factory).ok


def test_disk_full_during_export_leaves_no_file_and_the_old_one_intact(db, services, history, tmp_path,
                                                                     monkeypatch):
    out = tmp_path / "exports" / "audit.csv"
    out.parent.mkdir()
    out.write_text("the previous export\n", encoding="utf-8")
    real_open = open

    class FullFile:
        """A file that takes 100 bytes, then reports a full disk (as os.write would)."""

        def __init__(self, f):
            self._f, self._n = f, 0

        def write(self, s):
            self._n += len(s)
            if self._n > 100:
                raise OSError(errno.ENOSPC, "No space left on device")
            return self._f.write(s)

        def __getattr__(self, name):
            return getattr(self._f, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return self._f.__exit__(*exc)

    def opener(path, mode="r", **kw):
        f = real_open(path, mode, **kw)
        return FullFile(f) if str(path).endswith(".part") else f

    monkeypatch.setattr("builtins.open", opener)
    with pytest.raises(DiskFullError, match="磁碟空間不足"):
        audit_log.export_csv(services, out)
    monkeypatch.undo()
    assert out.read_text(encoding="utf-8") == "the previous export\n"
    assert [p.name for p in out.parent.iterdir()] == ["audit.csv"]  # no partial temporary file
    assert audit_log.verify_chain(db.session_factory).ok
    source = audit_log.AuditListSource(db.session_factory)
    assert len(source.ids(ListQuery(filters={"action": "export"}))) == 0  # a failed export is not recorded
    if not db.is_server:
        with db.engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


def test_summary_of_a_new_record_skips_empty_fields():
    detail = '{"id": "x1", "name": "池上鄉農會", "phone": "", "notes": null, "kind": "association"}'
    assert audit_log.summarize(detail, "create", entity="organization") == "名稱：池上鄉農會；類別：社團法人"
    assert audit_log.summarize('{"fields": ["name", "phone"]}', "erase") == "欄位：名稱、電話"


def test_export_keeps_formula_like_text_as_text(db, services, tmp_path):
    from counsel_desk.store import audit

    with db.session() as s:
        audit.record(s, "=HYPERLINK(\"http://evil\")", "update", "organization", "x", {"note": 1})
        s.commit()
    out = tmp_path / "a.csv"
    audit_log.export_csv(services, out)
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[1][2] == "'=HYPERLINK(\"http://evil\")"


# --- the chain's end is anchored (its head in app_meta, in backups, in exported workbooks) --------------
def _delete(db, where: str) -> None:
    con = RawConnection(db)
    con.execute(f"DELETE FROM audit_log WHERE {where}")
    con.commit()
    con.close()


def test_deleting_the_newest_entry_fails_verify_and_names_it(db, history):
    newest = audit_log.verify_chain(db.session_factory).last_seq
    _delete(db, f"seq = {newest}")
    result = audit_log.verify_chain(db.session_factory)
    assert not result.ok
    assert f"第 {newest} 筆" in result.message and "最新的 1 筆" in result.message


def test_deleting_the_newest_four_entries_fails_verify_and_names_them(db, history):
    check = audit_log.verify_chain(db.session_factory)
    first = check.last_seq - 3
    _delete(db, f"seq >= {first}")
    result = audit_log.verify_chain(db.session_factory)
    assert not result.ok and "最新的 4 筆" in result.message
    assert f"第 {first} 到第 {check.last_seq} 筆" in result.message


def test_deleting_every_entry_fails_verify(db, history):
    count = audit_log.verify_chain(db.session_factory).entries
    _delete(db, "1 = 1")
    result = audit_log.verify_chain(db.session_factory)
    assert not result.ok and f"應有 {count:,} 筆" in result.message and "現在只剩 0 筆" in result.message


@pytest.mark.sqlite_only  # backups of a server are pg_dump's (docs/server.md)
def test_deleting_the_rows_and_the_head_is_caught_by_a_backup(db, history):
    from counsel_desk.services.safety import backup

    backup.make_backup(db.path, "manual")
    check = audit_log.verify_chain(db.session_factory, db_path=db.path)
    assert check.ok and check.anchors_checked == 1
    _delete(db, f"seq = {check.last_seq}")
    con = RawConnection(db)
    con.execute("DELETE FROM app_meta WHERE key = 'audit_head'")  # an informed hand removes the head too
    con.commit()
    con.close()
    result = audit_log.verify_chain(db.session_factory, db_path=db.path)
    assert not result.ok and result.lost and ".db" in result.message and f"第 {check.last_seq} 筆" in result.message


@pytest.mark.sqlite_only  # backups of a server are pg_dump's (docs/server.md)
def test_an_exported_workbook_keeps_the_end_too(db, history, tmp_path):
    from counsel_desk.store import audit
    from counsel_desk.sync import export_workbook
    from counsel_desk.sync.history import workbook_anchor

    out = tmp_path / "center.xlsx"
    export_workbook(db, out, actor="測試")
    anchor = workbook_anchor(out)
    assert anchor is not None and anchor.count == 5
    # the head is rewritten to match the cut chain: only the workbook still knows
    _delete(db, "seq >= 5")
    with db.engine.begin() as conn:
        audit.write_head(conn, audit.chain_end(conn))
    assert audit_log.verify_chain(db.session_factory).ok  # the database alone can't tell any more
    result = audit_log.verify_chain(db.session_factory, against=[anchor])
    assert not result.ok and "center.xlsx" in result.message


@pytest.mark.sqlite_only  # backups of a server are pg_dump's (docs/server.md)
def test_a_restore_is_not_mistaken_for_a_cut(db, services, history):
    from counsel_desk.services.safety import backup

    old = backup.make_backup(db.path, "manual")
    with db.session() as s:
        create(s, Organization(name="後來的單位", kind="association"), "測試", "organization")
        s.commit()
    backup.make_backup(db.path, "manual")  # newer than the one restored: its chain is replaced on purpose
    backup.restore(db, old, actor="測試")
    result = audit_log.verify_chain(db.session_factory, db_path=db.path)
    assert result.ok, result.message


# --- with encryption on, the head is signed with the database's key ---------------------------------------
PASSPHRASE = "稽核紀錄的密碼 audit passphrase"


@pytest.fixture
def keyed(tmp_path, monkeypatch):
    """An encrypted database holding five entries (whatever the test run's mode)."""
    from counsel_desk.services.base import ServiceContext
    from counsel_desk.store import keys, open_database

    monkeypatch.setenv(keys.ENV_ENCRYPTION, "on")
    monkeypatch.setenv(keys.ENV_PASSPHRASE, PASSPHRASE)
    keys.forget_all()
    database = open_database(tmp_path / "keyed.db")
    services = ServiceContext(database.session_factory, actor="測試輔導員", center_code="north")
    with services.session_factory() as s:
        for name in ("池上鄉農會", "鹿野鄉公所", "關山鎮青年會", "海端鄉公所", "延平鄉公所"):
            create(s, Organization(name=name, kind="association"), services.actor, "organization")
        s.commit()
    yield database
    database.close()
    keys.forget_all()


def _head_text(path) -> str:
    from counsel_desk.store import driver  # SQLCipher files: the keyed head is encryption's

    con = driver.connect(path, read_only=True)
    try:
        return con.execute("SELECT value FROM app_meta WHERE key = 'audit_head'").fetchone()[0]
    finally:
        con.close()


def test_an_encrypted_databases_head_is_signed_even_before_its_first_entry(tmp_path, monkeypatch):
    from counsel_desk.store import audit, keys, open_database

    monkeypatch.setenv(keys.ENV_ENCRYPTION, "on")
    monkeypatch.setenv(keys.ENV_PASSPHRASE, PASSPHRASE)
    database = open_database(tmp_path / "new.db")
    try:
        assert audit.Head.from_text(_head_text(database.path)).mac
        assert audit_log.verify_chain(database.session_factory).ok
    finally:
        database.close()
        keys.forget_all()


def test_a_chain_and_head_rewritten_without_the_key_are_detected(keyed):
    """Someone with the file open cuts the last two entries and writes a head that fits what is left,
    as the plain file's head would be rewritten — but cannot sign it."""
    from counsel_desk.store import audit

    before = audit_log.verify_chain(keyed.session_factory)
    assert before.ok and before.head.mac
    _delete(keyed, f"seq >= {before.last_seq - 1}")
    from counsel_desk.store import driver

    con = driver.connect(keyed.path)
    end = con.execute("SELECT count(*), max(seq) FROM audit_log").fetchone()
    h = con.execute("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()[0]
    for mac in ("", "0" * 64):  # no signature, then a made-up one
        forged = audit.Head(end[0], end[1], h, mac)
        con.execute("UPDATE app_meta SET value = ? WHERE key = 'audit_head'", (forged.to_text(),))
        con.commit()
        result = audit_log.verify_chain(keyed.session_factory)
        assert not result.ok and result.end_problem == audit.HEAD_FORGED
        assert "金鑰簽章不符" in result.message
    con.close()


@pytest.mark.parametrize("cut", ["newest", "newest four", "all"])
def test_cutting_the_end_of_an_encrypted_log_fails_verify(keyed, cut):
    last = audit_log.verify_chain(keyed.session_factory).last_seq
    _delete(keyed, {"newest": f"seq = {last}", "newest four": f"seq > {last - 4}", "all": "1 = 1"}[cut])
    result = audit_log.verify_chain(keyed.session_factory)
    assert not result.ok and result.end_problem == "tail_missing", result.message


def test_encrypt_and_decrypt_sign_the_head_again(tmp_path, monkeypatch):
    """A plain database's head has no signature; encrypting it must not make it read as forged, and
    decrypting gives a plain head again."""
    from counsel_desk.services.safety import encryption
    from counsel_desk.store import audit, driver, keys, open_database

    monkeypatch.setenv(keys.ENV_ENCRYPTION, "off")
    monkeypatch.setenv(keys.ENV_PASSPHRASE, PASSPHRASE)
    keys.forget_all()
    path = tmp_path / "center.db"
    database = open_database(path, key=None)
    with database.session() as s:
        create(s, Organization(name="池上鄉農會", kind="association"), "測試", "organization")
        s.commit()
    database.close()
    assert not audit.Head.from_text(_head_text(path)).mac
    try:
        encryption.encrypt(path, keys.new_key(PASSPHRASE))
        assert driver.is_encrypted(path) and audit.Head.from_text(_head_text(path)).mac
        database = open_database(path)
        assert audit_log.verify_chain(database.session_factory).ok
        database.close()
        encryption.decrypt(path)
        assert not driver.is_encrypted(path) and not audit.Head.from_text(_head_text(path)).mac
        database = open_database(path)
        assert audit_log.verify_chain(database.session_factory).ok
        database.close()
    finally:
        keys.forget_all()


# --- what is not detectable, exactly as docs/data-safety.md says -----------------------------------------
def _add_entries(database, names) -> None:
    with database.session() as s:
        for name in names:
            create(s, Organization(name=name, kind="association"), "測試", "organization")
        s.commit()


def test_a_log_rolled_back_to_an_older_backups_end_is_caught_only_while_a_newer_anchor_is_kept(keyed):
    """With the passphrase, the newest entries cut and the head of an older backup put back: that head
    was signed by the program itself, so only a newer backup (or workbook) still tells."""
    from counsel_desk.services.safety import backup
    from counsel_desk.store import driver

    old = backup.make_backup(keyed.path, "manual")
    old_end = audit_log.verify_chain(keyed.session_factory).last_seq
    _add_entries(keyed, ["太麻里鄉公所", "大武鄉公所"])
    newer = backup.make_backup(keyed.path, "manual")
    con = driver.connect(keyed.path)  # SQLCipher with the passphrase, as anyone holding it can
    con.execute("DELETE FROM audit_log WHERE seq > ?", (old_end,))
    con.execute("UPDATE app_meta SET value = ? WHERE key = 'audit_head'", (_head_text(old),))
    con.commit()
    con.close()
    assert audit_log.verify_chain(keyed.session_factory).ok  # the database alone: a genuine, signed head
    result = audit_log.verify_chain(keyed.session_factory, db_path=keyed.path)
    assert not result.ok and newer.name in result.message
    newer.unlink()  # and with the newer backups gone, nothing is left to tell
    assert audit_log.verify_chain(keyed.session_factory, db_path=keyed.path).ok


def test_decrypt_edit_and_encrypt_again_with_the_passphrase_gives_a_signed_head(keyed, tmp_path):
    """The keyed head stops a hand that edits the opened file without counsel_desk, not one that holds the
    passphrase and uses counsel_desk's own decrypt and encrypt around the edit."""
    from counsel_desk.services.safety import encryption
    from counsel_desk.store import audit, driver, keys, open_database

    last = audit_log.verify_chain(keyed.session_factory).last_seq
    keyed.close()
    encryption.decrypt(keyed.path)
    con = driver.connect(keyed.path)
    con.execute("DELETE FROM audit_log WHERE seq > ?", (last - 2,))
    count, seq = con.execute("SELECT count(*), max(seq) FROM audit_log").fetchone()
    h = con.execute("SELECT hash FROM audit_log WHERE seq = ?", (seq,)).fetchone()[0]
    con.execute("UPDATE app_meta SET value = ? WHERE key = 'audit_head'", (audit.Head(count, seq, h).to_text(),))
    con.commit()
    con.close()
    encryption.encrypt(keyed.path, keys.new_key(PASSPHRASE))
    reopened = open_database(keyed.path)
    try:
        result = audit_log.verify_chain(reopened.session_factory)
        assert result.ok and result.head.mac and result.entries == count
    finally:
        reopened.close()


@pytest.mark.sqlite_only  # a server's audit times are timestamps: no impossible one can be stored
def test_an_impossible_time_edited_into_an_entry_is_named_and_exported_as_it_is(db, services, history, tmp_path):
    con = RawConnection(db)
    con.execute("UPDATE audit_log SET at='2026-02-30 10:00:00' WHERE seq=3")
    con.commit()
    con.close()
    result = audit_log.verify_chain(db.session_factory)
    assert not result.ok and result.first_bad_seq == 3 and "第 3 筆" in result.message
    out = tmp_path / "稽核紀錄.csv"
    audit_log.export_csv(services, out)
    rows = list(csv.reader(out.read_bytes().decode("utf-8-sig").splitlines()))
    assert rows[3][0] == "3" and rows[3][1] == "2026-02-30 10:00:00"


def test_checking_against_a_file_that_is_no_interchange_workbook_says_so(db, tmp_path):
    from openpyxl import Workbook

    from counsel_desk.errors import UserError
    from counsel_desk.sync.history import workbook_anchor

    empty, csv_file, folder, plain = (tmp_path / "zero.xlsx", tmp_path / "csv.xlsx", tmp_path / "dir.xlsx",
                                      tmp_path / "plain.xlsx")
    empty.write_bytes(b"")
    csv_file.write_text("id,name\n1,測試\n", encoding="utf-8")
    folder.mkdir()
    Workbook().save(plain)
    for path, words in ((empty, "不是 Excel 活頁簿"), (csv_file, "不是 Excel 活頁簿"), (folder, "找不到交換檔"),
                        (tmp_path / "missing.xlsx", "找不到交換檔"), (plain, "沒有「檔案資訊」工作表")):
        with pytest.raises(UserError, match=words):
            workbook_anchor(path)


def test_a_workbook_of_another_database_is_not_taken_for_a_cut_log(db, history, tmp_path):
    from counsel_desk.services.safety.audit_log import Anchor

    other = Anchor("南區.xlsx", 22, 22, "f" * 64, workbook=True)
    result = audit_log.verify_chain(db.session_factory, against=[other])
    assert not result.ok
    assert "若是別的資料庫" in result.message and "請改用這個資料庫匯出的檔案核對" in result.message

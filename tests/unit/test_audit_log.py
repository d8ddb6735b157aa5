"""The audit log as people read it: list and filters, tamper detection, CSV export (atomic, audited)."""

from __future__ import annotations

import csv
import errno
from datetime import date

import pytest

from counsel_desk.models import Organization
from counsel_desk.services import audit_log
from counsel_desk.services.atomic import DiskFullError
from counsel_desk.services.base import create, soft_delete, update
from counsel_desk.services.listing import ListQuery
from counsel_desk.store import driver


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
    assert source.rows([seq])[seq]["detail"] == "name: 池上鄉農會 → 池上鄉農會（新）"
    entry = audit_log.entry(db.session_factory, seq)
    assert '"name"' in entry.detail and len(entry.hash) == 64


def test_an_audit_row_edited_by_hand_is_detected(db, history):
    assert audit_log.verify_chain(db.session_factory).ok
    con = driver.connect(db.path)
    con.execute("UPDATE audit_log SET actor='別人' WHERE seq=2")
    con.commit()
    con.close()
    result = audit_log.verify_chain(db.session_factory)
    assert not result.ok and result.first_bad_seq == 2
    assert "第 2 筆" in result.message


def test_a_deleted_audit_row_is_detected(db, history):
    con = driver.connect(db.path)
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
    with db.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


def test_summary_of_a_new_record_skips_empty_fields():
    detail = '{"id": "x1", "name": "池上鄉農會", "phone": "", "notes": null, "kind": "association"}'
    assert audit_log.summarize(detail, "create") == "name: 池上鄉農會；kind: association"
    assert audit_log.summarize('{"fields": ["name", "phone"]}', "erase") == "fields: name、phone"


def test_export_keeps_formula_like_text_as_text(db, services, tmp_path):
    from counsel_desk.store import audit

    with db.session() as s:
        audit.record(s, "=HYPERLINK(\"http://evil\")", "update", "organization", "x", {"note": 1})
        s.commit()
    out = tmp_path / "a.csv"
    audit_log.export_csv(services, out)
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[1][2] == "'=HYPERLINK(\"http://evil\")"

"""``counsel-desk backup / restore / audit / erase-contact`` as a person or a script uses them."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

from counsel_desk.cli import main
from counsel_desk.models import Contact, Organization
from counsel_desk.services.base import ServiceContext, create
from counsel_desk.store import driver
from counsel_desk.store import open_database


def make_db(path, *names: str) -> None:
    db = open_database(path)
    ctx = ServiceContext(db.session_factory, "cli test")
    with db.session() as s:
        for name in names:
            create(s, Organization(name=name, kind="association"), ctx.actor, "organization")
        s.commit()
    db.close()


def names(path) -> list[str]:
    con = driver.connect(path)
    try:
        return sorted(r[0] for r in con.execute("SELECT name FROM organization"))
    finally:
        con.close()


def test_backup_list_and_restore(tmp_path, capsys):
    path = tmp_path / "field.db"
    make_db(path, "池上鄉農會")
    assert main(["backup", "--db", str(path)]) == 0
    assert "完整性檢查通過" in capsys.readouterr().out
    out = tmp_path / "usb" / "copy.db"
    assert main(["backup", "--db", str(path), "--out", str(out)]) == 0
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    capsys.readouterr()
    assert main(["backup", "--db", str(path), "--list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [b["reason"] for b in listed] == ["manual"]
    make_db(path, "後來的單位")
    assert main(["restore", "--db", str(path), str(out)]) == 0
    said = capsys.readouterr().out
    assert "安全備份" in said and "before-restore" in said
    assert names(path) == ["池上鄉農會"]
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_restore_rescues_a_damaged_database(tmp_path, capsys):
    path = tmp_path / "field.db"
    make_db(path, "鹿野鄉公所")
    copy = tmp_path / "copy.db"
    assert main(["backup", "--db", str(path), "--out", str(copy)]) == 0
    path.write_bytes(os.urandom(4096))
    assert main(["backup", "--db", str(path)]) == 3  # a damaged database is not backed up over good ones
    assert "已損毀" in capsys.readouterr().err
    assert main(["restore", "--db", str(path), str(copy)]) == 0
    assert "隔離資料夾" in capsys.readouterr().out
    assert names(path) == ["鹿野鄉公所"]
    assert len(list((tmp_path / "field-quarantine").iterdir())) == 1


def test_restore_refuses_a_bad_backup_and_changes_nothing(tmp_path, capsys):
    path = tmp_path / "field.db"
    make_db(path, "關山鎮")
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"\x00" * 8192)
    assert main(["restore", "--db", str(path), str(bad)]) == 3
    assert capsys.readouterr().err.startswith("counsel-desk：")
    assert names(path) == ["關山鎮"] and not (tmp_path / "field-backups").exists()


def test_audit_verify_and_export(tmp_path, capsys):
    path = tmp_path / "field.db"
    make_db(path, "甲", "乙")
    assert main(["audit", "--db", str(path), "--verify"]) == 0
    assert "完整" in capsys.readouterr().out
    csv_path = tmp_path / "audit.csv"
    assert main(["audit", "--db", str(path), "--export", str(csv_path)]) == 0
    assert csv_path.read_text(encoding="utf-8-sig").count("\n") == 3
    con = driver.connect(path)
    con.execute("UPDATE audit_log SET actor='someone else' WHERE seq=1")
    con.commit()
    con.close()
    assert main(["audit", "--db", str(path), "--verify"]) == 1
    assert "第 1 筆" in capsys.readouterr().out


def test_erase_contact(tmp_path, capsys):
    path = tmp_path / "field.db"
    db = open_database(path)
    with db.session() as s:
        c = create(s, Contact(name="范姜素月", phone="0988-765-432"), "cli test", "contact")
        s.commit()
    db.close()
    assert main(["erase-contact", "--db", str(path), c.id]) == 0
    assert "已刪除聯絡人" in capsys.readouterr().out
    data = path.read_bytes()
    assert "范姜素月".encode() not in data and b"0988-765-432" not in data
    assert main(["erase-contact", "--db", str(path), "no-such-id"]) == 2


def test_commands_are_registered():
    proc = subprocess.run([sys.executable, "-m", "counsel_desk", "--help"], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0
    for command in ("backup", "restore", "audit", "erase-contact", "erase-member"):
        assert command in proc.stdout


def test_erase_member_with_memberships(tmp_path, capsys):
    """counsel-desk erase-member: the member's name and birth year go, with the same person's rows in other teams."""
    from counsel_desk.models import YouthTeamMember
    from counsel_desk.services.safety import privacy
    from counsel_desk.services.outcomes import youth_teams as yt
    from counsel_desk.services.base import ServiceContext
    from counsel_desk.store import open_database

    path = tmp_path / "cd.db"
    db = open_database(path)
    ctx = ServiceContext(db.session_factory, "測試")
    first = yt.register_team(ctx, {"name": "山海實驗室", "programme": "地方創生利他行動168", "roc_year": 114})
    second = yt.register_team(ctx, {"name": "海線慢旅", "programme": "地方創生利他行動168", "roc_year": 115})
    mine = yt.add_member(ctx, first.id, {"name": "龔曉蓉", "birth_year": 1991})
    again = yt.add_member(ctx, second.id, {"name": "龔曉蓉"})
    db.close()
    assert main(["erase-member", "--db", str(path), mine.id, "--with-memberships"]) == 0
    out = capsys.readouterr().out
    assert "已刪除青年團隊成員" in out and "另刪除同一人在 1 個團隊中的成員資料" in out
    db = open_database(path)
    with db.session() as s:
        assert {s.get(YouthTeamMember, i).name for i in (mine.id, again.id)} == {privacy.ERASED_MEMBER_NAME}
    db.close()


def test_an_output_file_that_cannot_be_written_is_named_not_the_database(tmp_path, capsys, monkeypatch):
    """A read-only output folder was called a read-only database (exit 3), a full disk under standard output a full
    disk for the database: the file meant is named, in words, exit 4, and the database is untouched."""
    import errno

    from counsel_desk.services.safety import atomic

    db = tmp_path / "center.db"
    make_db(db, "山海咖啡館")
    capsys.readouterr()
    out = tmp_path / "ro" / "交換檔.xlsx"
    out.parent.mkdir()

    def read_only_folder(path):
        raise OSError(errno.EROFS, "Read-only file system", str(path.parent / f".{path.name}.k2x9.part"))

    monkeypatch.setattr(atomic, "temp_path_for", read_only_folder)
    assert main(["export", "--db", str(db), "--out", str(out)]) == 4
    err = capsys.readouterr().err
    assert f"無法寫入「{out}」：資料夾是唯讀的" in err and "資料庫" not in err.split("：", 1)[1].split("；")[0], err
    assert main(["audit", "--db", str(db), "--export", str(tmp_path / "ro" / "稽核.csv")]) == 4
    assert "稽核.csv」：資料夾是唯讀的" in capsys.readouterr().err
    monkeypatch.undo()

    class FullStdout:
        def write(self, _text):
            raise OSError(errno.ENOSPC, "No space left on device")

        def flush(self):
            pass

    monkeypatch.setattr("sys.stdout", FullStdout())
    assert main(["stats", "--db", str(db), "--json"]) == 4
    err = capsys.readouterr().err
    assert "磁碟空間不足" in err and str(db) not in err, err
    assert names(db) == ["山海咖啡館"]


def test_a_workbook_or_pdf_given_as_the_database_is_named_as_such(tmp_path, capsys):
    """`--db 月報.xlsx` was called a damaged database, to be copied and handed to IT for rescue."""
    workbook, pdf = tmp_path / "月報.xlsx", tmp_path / "月報.pdf"
    workbook.write_bytes(b"PK\x03\x04" + bytes(600))
    pdf.write_bytes(b"%PDF-1.4\n" + bytes(600))
    for path, kind in ((workbook, "Excel 活頁簿"), (pdf, "PDF 文件")):
        before = path.read_bytes()
        assert main(["stats", "--db", str(path)]) == 3
        err = capsys.readouterr().err
        assert kind in err and "不是 counsel_desk 的資料庫" in err and "損毀" not in err, err
        assert path.read_bytes() == before
    empty = tmp_path / "center.db"
    empty.write_bytes(b"")
    assert main(["stats", "--db", str(empty)]) == 3
    assert "是空的（0 位元組）" in capsys.readouterr().err and empty.read_bytes() == b""


def test_restoring_the_database_onto_itself_is_refused(tmp_path, capsys):
    db = tmp_path / "center.db"
    make_db(db, "山海咖啡館")
    capsys.readouterr()
    backups_before = sorted(p.name for p in (tmp_path / "center-backups").glob("*")) \
        if (tmp_path / "center-backups").exists() else []
    assert main(["restore", "--db", str(db), str(db)]) == 2
    assert "就是目前的資料庫本身" in capsys.readouterr().err
    backups_after = sorted(p.name for p in (tmp_path / "center-backups").glob("*")) \
        if (tmp_path / "center-backups").exists() else []
    assert backups_after == backups_before, "no safety backup taken for nothing"
    assert names(db) == ["山海咖啡館"]

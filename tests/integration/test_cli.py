"""The counsel-desk command line as a person (or a script) uses it: exit codes, one-line errors, JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from counsel_desk.cli import main
from counsel_desk.store import driver


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "counsel_desk", *args], capture_output=True, text=True,
                          timeout=300, env={**os.environ, **(env or {})})


def test_version():
    proc = run("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("counsel-desk ")


def test_demo_then_stats_json(tmp_path):
    db = tmp_path / "d.db"
    proc = run("demo", "--db", str(db), "--visits", "2000")
    assert proc.returncode == 0, proc.stderr
    assert "2,000" in proc.stdout
    proc = run("stats", "--db", str(db), "--json")
    assert proc.returncode == 0, proc.stderr
    stats = json.loads(proc.stdout)
    assert stats["visits"] == 2000
    assert (stats["townships"], stats["counties"], stats["work_items"], stats["centers"]) == (368, 22, 11, 4)
    for key in ("followups", "workstations", "support_records", "public_spaces", "events", "plans", "proposals",
                "organizations", "contacts"):
        assert stats[key] > 0, key
    proc = run("check", "--db", str(db))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "正常" in proc.stdout


def test_stats_text_is_chinese(tmp_path, capsys):
    db = tmp_path / "s.db"
    from counsel_desk.store import open_database

    open_database(db).close()
    assert main(["stats", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "鄉鎮市區" in out and "368" in out


def test_missing_database_is_one_clear_line(tmp_path):
    proc = run("stats", "--db", str(tmp_path / "nope.db"))
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "找不到資料庫檔案" in lines[0]
    assert "Traceback" not in proc.stderr


def test_errors_in_english_when_the_ui_is_english(tmp_path):
    proc = run("stats", "--db", str(tmp_path / "nope.db"), env={"COUNSEL_DESK_LANG": "en"})
    assert proc.returncode != 0 and "Database file not found" in proc.stderr


def test_bad_arguments_are_one_line(tmp_path):
    proc = run("demo", "--db", str(tmp_path / "x.db"), "--visits", "many")
    assert proc.returncode == 2
    assert "指令參數有誤" in proc.stderr and "Traceback" not in proc.stderr


def test_unknown_center(tmp_path, capsys):
    assert main(["demo", "--db", str(tmp_path / "c.db"), "--visits", "10", "--center", "西區"]) == 2
    assert "不認得的分區中心" in capsys.readouterr().err


def test_check_refuses_future_schema_and_leaves_bytes(tmp_path):
    import hashlib

    from counsel_desk.store import open_database

    path = tmp_path / "future.db"
    open_database(path).close()
    con = driver.connect(path)
    con.execute("PRAGMA journal_mode=DELETE")
    con.execute("UPDATE alembic_version SET version_num='9999_future'")
    con.commit()
    con.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    for args in (["check", "--db", str(path)], ["stats", "--db", str(path)]):
        proc = run(*args)
        assert proc.returncode == 3, proc.stderr
        assert "較新版本" in proc.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


@pytest.mark.parametrize("args", [["demo", "--db", "{d}/x.db", "--visits", "-5"]])
def test_out_of_range_values(tmp_path, capsys, args):
    args = [a.format(d=tmp_path) for a in args]
    assert main(args) == 2
    assert "--visits" in capsys.readouterr().err

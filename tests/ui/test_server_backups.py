"""A server database's backups: ``counsel-desk server backup`` runs pg_dump against the real server the tests
start, records it, prunes its own old dumps; the backups page of a program on that server shows the last one."""

from __future__ import annotations

import os
import time

import pytest

from counsel_desk.cli import main
from counsel_desk.store import open_database, server_backup
from counsel_desk.ui.context import AppContext

pytestmark = pytest.mark.skipif(server_backup.find_tool("pg_dump") is None, reason="no pg_dump here")


@pytest.fixture
def server_db(pg_url):
    db = open_database(pg_url)
    yield db
    db.close()


def test_the_backup_command_dumps_checks_records_and_prunes(server_db, pg_url, tmp_path, capsys):
    folder = tmp_path / "備份"
    folder.mkdir()
    old = folder / "counsel-counsel-20250101-010101.dump"
    old.write_bytes(b"old")
    os.utime(old, (time.time() - 40 * 86400,) * 2)
    theirs = folder / "notes.txt"
    theirs.write_text("not ours")
    os.utime(theirs, (time.time() - 40 * 86400,) * 2)

    assert server_backup.last(server_db.engine) is None
    assert main(["server", "backup", "--db", pg_url, "--folder", str(folder)]) == 0
    said = capsys.readouterr().out
    record = server_backup.last(server_db.engine)
    assert record is not None and record.path in said and "已備份到" in said
    dump = folder / os.path.basename(record.path)
    assert dump.exists() and dump.stat().st_size == record.size > 1000
    assert not old.exists() and theirs.exists()  # its own dumps older than 30 days go, nothing else
    assert not list(folder.glob("*.partial"))


def test_a_failed_dump_leaves_no_file_and_no_record(server_db, pg_server, tmp_path, capsys):
    missing = pg_server.url("no_such_database")
    folder = tmp_path / "b"
    assert server_backup.take is not None
    with pytest.raises(Exception) as err:
        server_backup.take(server_db.engine, missing, folder)
    assert "pg_dump" in str(err.value)
    assert list(folder.iterdir()) == [] and server_backup.last(server_db.engine) is None


def test_the_backups_page_shows_the_last_server_backup_or_the_next_step(qtbot, server_db, pg_url, tmp_path):
    from counsel_desk.ui.safety.backups_page import BackupsPage
    from counsel_desk.ui.startup import make_settings

    ctx = AppContext(server_db, make_settings())
    page = BackupsPage(ctx)
    qtbot.addWidget(page)
    panel = page.server_panel
    assert panel is not None and not page.backup_button.isVisibleTo(page)
    qtbot.waitUntil(lambda: "還沒有任何備份紀錄" in panel.last.text() or "No backup" in panel.last.text(), timeout=10_000)
    assert "counsel-desk server backup" in panel.last.text()

    record = server_backup.take(server_db.engine, pg_url, tmp_path)
    page.page_activated()
    qtbot.waitUntil(lambda: panel.found is not None, timeout=10_000)
    assert record.path in panel.last.text() and record.host in panel.last.text()

"""Colleagues' saves on the shared server refresh this program's open lists (LISTEN/NOTIFY): two real
connections to the server the tests start, A listening, B saving."""

from __future__ import annotations


import pytest
from sqlalchemy import inspect, text

from sqlmodel import SQLModel
from counsel_desk.services.base import ServiceContext
from counsel_desk.store import dialects, open_database, server
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.live_refresh import LiveRefresh
from tests.unit.test_server_concurrency import TODAY, _visit

REFERENCE = {"center", "county", "township", "work_item", "work_item_allocation", "programme_file", "app_meta",
             "sync_base", "export_log", "import_log", "sync_conflict", "audit_log"}


@pytest.fixture
def a_and_b(qapp, pg_url, monkeypatch):
    from counsel_desk.ui.startup import make_settings

    a = open_database(pg_url)
    monkeypatch.setattr(server, "APPLICATION_NAME", "counsel_desk other-computer")  # B is another program
    b = open_database(pg_url)
    monkeypatch.undo()
    ctx = AppContext(a, make_settings())
    live = LiveRefresh(ctx)
    assert live.listener.wait_listening()
    yield ctx, live, ServiceContext.for_database(b, "林輔導員", "north")
    live.stop()
    a.close()
    b.close()


def test_a_save_on_another_connection_refreshes_the_open_lists(qtbot, a_and_b):
    ctx, live, ben = a_and_b
    with qtbot.waitSignal(ctx.visits_changed, timeout=10_000), \
            qtbot.waitSignal(live.refreshed, timeout=10_000) as refreshed:
        _visit(ben)  # a counselor and a visit: two kinds, each signalled once after the pause
    assert refreshed.args[0] == ["counselors", "visits"]

    from counsel_desk.services.visits.visit_list import VisitListSource
    from counsel_desk.services.listing import ListQuery

    mine = ServiceContext.for_database(ctx.db, "陳主任", "north")
    assert len(VisitListSource(mine, today=TODAY).ids(ListQuery())) == 1  # what the refreshed list reads


def test_this_programs_own_saves_are_not_announced_again(qtbot, a_and_b):
    ctx, live, _ben = a_and_b
    seen: list[list[str]] = []
    live.refreshed.connect(seen.append)
    _visit(ServiceContext.for_database(ctx.db, "陳主任", "north"))
    qtbot.wait(1500)
    assert seen == []  # the page that saved already shows it


def test_every_table_a_page_lists_sends_notices(pg_url):
    """A new table of records needs its kind in dialects.CHANGE_KINDS and a migration creating its trigger."""
    tables = set(SQLModel.metadata.tables) - REFERENCE
    assert tables <= set(dialects.CHANGE_KINDS), sorted(tables - set(dialects.CHANGE_KINDS))
    db = open_database(pg_url)
    try:
        with db.engine.connect() as conn:
            triggered = set(conn.execute(text(
                "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE t.tgname = 'cd_notify_change'")).scalars())
            assert "server_backup" in inspect(conn).get_table_names()
    finally:
        db.close()
    assert triggered == set(dialects.CHANGE_KINDS)

"""A database on a PostgreSQL server: opened by address, migrated by the same history, refused when newer.

The server is a real one, started by the session (tests/pg_server.py); no mock.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import text

from counsel_desk.errors import DatabaseError
from counsel_desk.services.base import ServiceContext
from counsel_desk.store import migrate, open_database, search


def test_an_empty_server_database_is_migrated_and_filled_with_reference_data(pg_server):
    name = pg_server.new_database()
    try:
        db = open_database(pg_server.url(name))
        try:
            assert db.is_server and db.created and db.where.startswith("postgresql://")
            with db.engine.connect() as c:
                assert c.execute(text("SELECT version_num FROM alembic_version")).scalar() == migrate.head()
                assert c.execute(text("SELECT count(*) FROM township")).scalar() == 368
                assert c.execute(text("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'")).scalar() == 1
                # the search text is a plain table with a trigram index, not SQLite's FTS5
                assert c.execute(text("SELECT count(*) FROM pg_indexes WHERE indexname = "
                                      "'ix_search_index_site_visit_trgm'")).scalar() == 1
        finally:
            db.close()
        again = open_database(pg_server.url(name))  # an up-to-date database opens without an upgrade
        assert again.upgraded_from is None and not again.created
        again.close()
    finally:
        pg_server.drop_database(name)


def test_a_server_database_of_a_newer_version_is_refused_untouched(pg_url):
    db = open_database(pg_url)
    with db.engine.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
        before = c.execute(text("SELECT count(*), max(seq) FROM audit_log")).one()
    db.close()
    with pytest.raises(DatabaseError) as err:
        open_database(pg_url)
    assert "較新版本" in str(err.value) and "9999_from_the_future" in str(err.value)
    from counsel_desk.store.server import make_server_engine

    engine = make_server_engine(pg_url)
    with engine.connect() as c:
        assert c.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999_from_the_future"
        assert c.execute(text("SELECT count(*), max(seq) FROM audit_log")).one() == before
    engine.dispose()


def test_a_foreign_server_database_is_refused(pg_server):
    name = pg_server.new_database()
    try:
        pg_server.admin("CREATE TABLE invoices (id int)", dbname=name)
        with pytest.raises(DatabaseError) as err:
            open_database(pg_server.url(name))
        assert "不是 counsel_desk 的資料庫" in str(err.value)
    finally:
        pg_server.drop_database(name)


def test_an_unreachable_server_says_so_in_words(tmp_path):
    with pytest.raises(DatabaseError) as err:
        open_database(f"postgresql://nobody@/nothing?host={tmp_path}")
    assert "無法連線到中心伺服器" in str(err.value)


@pytest.mark.both_engines
def test_two_character_chinese_words_are_found_on_both_engines(db):
    from counsel_desk.models.enums import VisitMode
    from counsel_desk.services.visits import visits
    from counsel_desk.services.listing import ListQuery
    from counsel_desk.services.visits.visit_list import VisitListSource

    ctx = ServiceContext.for_database(db, actor="測試輔導員", center_code="north")
    with db.engine.begin() as conn:
        search.index(conn, "site_visit", "a", "老屋改建的咖啡店")
        search.index(conn, "site_visit", "b", "青年返鄉開設書店")
        search.index(conn, "site_visit", "c", "100% 在地_食材")
    with db.engine.connect() as conn:
        assert search.matching_ids(conn, "site_visit", "咖啡") == ["a"]
        assert search.matching_ids(conn, "site_visit", "咖啡店") == ["a"]
        assert sorted(search.matching_ids(conn, "site_visit", "店")) == ["a", "b"]
        assert search.matching_ids(conn, "site_visit", "返鄉 書店") == ["b"]
        assert search.matching_ids(conn, "site_visit", "咖啡 書店") == []
        assert search.matching_ids(conn, "site_visit", "0%") == ["c"]  # wildcards are taken literally
        assert search.matching_ids(conn, "site_visit", "地_食") == ["c"]
        assert search.matching_ids(conn, "site_visit", "1%0") == []
    # and through the visit list, as the search box does
    from counsel_desk.services.people.people import PeopleService

    me = PeopleService(ctx).create_counselor("王小明").id
    service = visits.VisitService(ctx, today=date(2026, 11, 26))
    town = service.townships("10014")[0].id
    vid = service.create(visits.VisitData(visit_date=date(2026, 11, 2), county_code="10014", township_code=town,
                                          mode=VisitMode.PHONE.value, counselor_ids=[me],
                                          purpose="了解咖啡豆產銷"))
    assert VisitListSource(ctx, today=date(2026, 11, 26)).ids(ListQuery(search="咖啡")) == [vid]


def test_the_cli_opens_a_server_database_by_address(pg_url, capsys):
    from counsel_desk.cli import main

    assert main(["stats", "--db", pg_url, "--json"]) == 0
    counts = json.loads(capsys.readouterr().out)
    assert counts["townships"] == 368 and counts["visits"] == 0
    assert main(["check", "--db", pg_url]) != 0  # a file-only command says it is for files
    assert "只用於資料庫檔案" in capsys.readouterr().err


@pytest.mark.usefixtures("memory_keyring")
def test_the_login_password_comes_from_the_keyring_never_the_settings(pg_url):
    from counsel_desk import paths
    from counsel_desk.store.server import make_server_engine, remember_password, remembered_password

    assert remembered_password(pg_url) is None
    assert remember_password(pg_url, "s3cret 密碼")
    assert remembered_password(pg_url) == "s3cret 密碼"
    engine = make_server_engine(pg_url)
    assert engine.url.password == "s3cret 密碼"
    engine.dispose()
    settings = paths.settings_file()
    assert not settings.exists() or "s3cret" not in settings.read_text(encoding="utf-8")

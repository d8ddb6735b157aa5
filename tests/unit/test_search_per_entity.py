"""The search index is kept per entity: a phrase in the visits' text is not read by a support-record search,
and the migration to per-entity tables keeps every indexed text findable."""

from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine, text

from counsel_desk.store import migrate, search


def test_each_entity_is_searched_in_its_own_table(db):
    with db.engine.begin() as conn:
        search.index(conn, "site_visit", "v1", "協助提案撰寫與簡報")
        search.index(conn, "support_record", "s1", "營運輔導：財務規劃")
        search.index(conn, "support_record", "s2", "提案撰寫工作坊")
    with db.engine.connect() as conn:
        assert search.matching_ids(conn, "support_record", "提案撰寫") == ["s2"]
        assert search.matching_ids(conn, "site_visit", "提案撰寫") == ["v1"]
        assert search.matching_ids(conn, "support_record", "財務") == ["s1"]  # short word: a scan of its table
        visits_rows = conn.execute(text("SELECT count(*) FROM search_index_site_visit")).scalar_one()
        support_rows = conn.execute(text("SELECT count(*) FROM search_index_support_record")).scalar_one()
    assert (visits_rows, support_rows) == (1, 2)


def test_reindexing_and_removing_touch_only_the_records_own_entry(db):
    with db.engine.begin() as conn:
        search.index(conn, "workstation", "w1", "老屋咖啡")
        search.index(conn, "workstation", "w1", "老屋書店")  # edited: the old text goes
        search.index(conn, "public_space", "p1", "老屋咖啡")
    with db.engine.begin() as conn:
        assert search.matching_ids(conn, "workstation", "老屋咖啡") == []
        assert search.matching_ids(conn, "workstation", "老屋書店") == ["w1"]
        search.remove(conn, "p1")
        assert search.matching_ids(conn, "public_space", "老屋咖啡") == []


def test_an_unknown_entity_has_no_index():
    import pytest

    with pytest.raises(ValueError):
        search.fts_table("nonsense; DROP TABLE site_visit")


def test_the_migration_moves_every_text_to_its_entitys_table(tmp_path):
    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    cfg = migrate.config(engine)
    command.upgrade(cfg, "0005_i16_flows")  # one index for every entity, as before
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO search_index_doc (rowid, entity, record_id) VALUES "
                          "(1, 'site_visit', 'v1'), (2, 'support_record', 's1'), (3, 'followup', 'f1')"))
        conn.execute(text("INSERT INTO search_index (rowid, entity, body) VALUES (1, 'site_visit', '青年返鄉創業'), "
                          "(2, 'support_record', '提案撰寫工作坊'), (3, 'followup', '補件追蹤')"))
    command.upgrade(cfg, "heads")
    with engine.connect() as conn:
        assert search.matching_ids(conn, "site_visit", "返鄉創業") == ["v1"]
        assert search.matching_ids(conn, "support_record", "提案撰寫") == ["s1"]
        assert search.matching_ids(conn, "followup", "補件") == ["f1"]
        tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
    assert "search_index" not in tables
    command.downgrade(cfg, "0005_i16_flows")  # and back, texts included
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM search_index WHERE search_index MATCH '\"提案撰寫\"'")).scalar_one() == 1
    engine.dispose()

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


def _rows(*records: tuple[str, str, bool]) -> str:
    """``SELECT record_id, body, live`` of literal records, as an import's bulk step selects them."""
    return " UNION ALL ".join(f"SELECT '{rid}' AS record_id, '{body}' AS body, ({'1 = 1' if live else '1 = 0'}) AS live"
                              for rid, body, live in records)


def test_records_indexed_in_bulk_are_found_replaced_and_removed_like_single_ones(db):
    with db.engine.begin() as conn, search.bulk_indexing(conn):
        search.index(conn, "support_record", "s0", "營運輔導")
        search.index_query(conn, "support_record", _rows(("s1", "提案撰寫工作坊\n", True),
                                                         ("s2", "社群行銷課程\n", True),
                                                         ("s3", "已刪除的提案撰寫\n", False)), fresh=True)
    with db.engine.connect() as conn:
        assert search.matching_ids(conn, "support_record", "提案撰寫") == ["s1"]  # s3 deleted: not indexed
        assert search.matching_ids(conn, "support_record", "課程") == ["s2"]
        assert search.matching_ids(conn, "support_record", "營運") == ["s0"]
    with db.engine.begin() as conn:  # a later import: s1 edited, s2 deleted, s4 new
        search.index_query(conn, "support_record", _rows(("s1", "財務規劃\n", True), ("s2", "社群行銷課程\n", False),
                                                         ("s4", "提案撰寫\n", True)))
    with db.engine.connect() as conn:
        assert search.matching_ids(conn, "support_record", "提案撰寫") == ["s4"]
        assert search.matching_ids(conn, "support_record", "財務") == ["s1"]
        assert search.matching_ids(conn, "support_record", "課程") == []
        docs = conn.execute(text("SELECT record_id FROM search_index_doc ORDER BY record_id")).scalars().all()
        assert docs == ["s0", "s1", "s4"]
        if conn.dialect.name == "sqlite":  # the bulk buffer was set back before the commit
            assert conn.execute(text("SELECT v FROM search_index_support_record_config WHERE k = 'hashsize'")
                                ).scalar() == search.FTS_DEFAULT_HASHSIZE


def test_outcomes_and_youth_teams_recorded_before_their_index_existed_are_indexed_by_the_migration(tmp_path):
    path = tmp_path / "before.db"
    engine = create_engine(f"sqlite:///{path}")
    cfg = migrate.config(engine)
    command.upgrade(cfg, "0015_i17_member_erasure")
    stamp = "'2026-11-01 00:00:00', '2026-11-01 00:00:00', 't', 1"
    with engine.begin() as conn:
        county, town = "10014", "10014030"  # reference data comes with open_database, not the migrations
        for code, name in (("north", "北區"), ("east", "東區")):
            conn.execute(text("INSERT INTO center (code, name, name_en, sort_order) VALUES (:c, :n, :c, 1)"),
                         {"c": code, "n": name})
        conn.execute(text("INSERT INTO county (code, name, name_en, default_center, sort_order) "
                          "VALUES (:c, '臺東縣', 'Taitung County', 'east', 1)"), {"c": county})
        conn.execute(text("INSERT INTO township (code, county_code, postal_code, name, name_en) "
                          "VALUES (:t, :c, '958', '池上鄉', 'Chishang')"), {"c": county, "t": town})
        conn.execute(text(f"INSERT INTO youth_team (id, created_at, updated_at, updated_by, version, center_code, name, "
                          f"programme, roc_year, award, themes, county_code, township_code, notes) VALUES "
                          f"('t1', {stamp}, 'north', '山海實驗室', '地方創生利他行動168', 115, 0, '海岸永續廊道', "
                          f":c, :t, '')"), {"c": county, "t": town})
        for oid, note, deleted in (("o1", "協助申請農村再生計畫", None), ("o2", "已刪除的農村再生", "2026-11-02")):
            conn.execute(text(f"INSERT INTO outcome (id, created_at, updated_at, updated_by, version, deleted_at, "
                              f"center_code, outcome_date, kind, people, amount, agency, programme, company, "
                              f"youth_team_id, note) VALUES (:i, {stamp}, :d, 'north', '2026-11-01', 'jobs', 1, 0, "
                              f"'', '', '', 't1', :n)"), {"i": oid, "d": deleted, "n": note})
    command.upgrade(cfg, "heads")
    with engine.connect() as conn:
        assert search.matching_ids(conn, "outcome", "農村再生") == ["o1"]
        assert search.matching_ids(conn, "youth_team", "池上鄉 永續廊道") == ["t1"]
    command.downgrade(cfg, "0015_i17_member_erasure")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM search_index_doc")).scalar_one() == 0
    engine.dispose()

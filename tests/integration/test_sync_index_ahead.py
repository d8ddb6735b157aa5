"""A file's first import builds its search index beside the merge (sync/index_ahead.py, issue 13).

The index it copies in must be the index the merge would have built — the same text for every record,
found by the same searches, a sound FTS5 index that later saves keep up to date — and whenever the
premise breaks (a name the merge did not take, a refused import) the entity is indexed as before and
no side file is left behind.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path

import pytest

from counsel_desk import models as m
from counsel_desk.store import driver, open_database, search
from counsel_desk.sync import export_workbook, import_workbooks
from counsel_desk.sync import index_ahead
from tests.integration.sync_helpers import create, fresh_db, set_links, small_world, town, update

pytestmark = pytest.mark.sqlite_only  # a file's FTS5 index (a server builds its search tables otherwise)


@pytest.fixture
def side_folder(tmp_path, monkeypatch):
    """Every entity indexed ahead, however small; side files made in a folder the test can look into."""
    folder = tmp_path / "side"
    folder.mkdir()
    monkeypatch.setattr(index_ahead, "MIN_ROWS", 1)
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _bodies(db) -> dict[tuple[str, str], str]:
    """(entity, record id) → its indexed text, and the FTS5 indexes checked sound."""
    out = {}
    with driver.connect(db.path) as con:
        for e in search.ENTITIES:
            table = search.fts_table(e)
            con.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
            for rid, body in con.execute(f"SELECT d.record_id, t.body FROM {table} t "
                                         f"JOIN search_index_doc d ON d.rowid = t.rowid"):
                out[(e, rid)] = body
    return out


def test_a_first_import_indexed_beside_the_merge_is_the_index_the_merge_builds(tmp_path_factory, side_folder,
                                                                               monkeypatch):
    root = tmp_path_factory.getbasetemp()
    folder = tmp_path_factory.mktemp("ahead")
    source = fresh_db(folder, "source.db", root)
    ahead = fresh_db(folder, "ahead.db", root)
    merged = fresh_db(folder, "merged.db", root)
    try:
        small_world(source, visits=4)
        out = folder / "first.xlsx"
        export_workbook(source, out, mask=False)

        copied: list[str] = []
        real_same = index_ahead.IndexAhead._same_tables  # noqa: SLF001 — watched, not replaced

        def same_tables(self, link, e) -> bool:  # asked just before an index is copied in
            same = real_same(self, link, e)
            if same:
                copied.append(e.fts)
            return same

        monkeypatch.setattr(index_ahead.IndexAhead, "_same_tables", same_tables)
        report = import_workbooks(ahead, [out])
        assert not report.problems and report.totals["added"] > 0
        assert {"search_index_site_visit", "search_index_followup"} <= set(copied)  # copied in, not rebuilt

        monkeypatch.setattr(index_ahead.IndexAhead, "start", classmethod(lambda cls, *a: None))
        import_workbooks(merged, [out])
        assert _bodies(ahead) == _bodies(merged)  # every record's text, as SQL composes it
        assert list(side_folder.iterdir()) == []  # the side file is gone

        with ahead.session() as s:
            assert len(search.matching_ids(s, "site_visit", "地方 DNA")) == 4  # its own words
            assert len(search.matching_ids(s, "site_visit", "王小明 大安社區")) == 4  # the names it links to
            assert len(search.matching_ids(s, "followup", "補件")) == 4
        # the copied-in index takes a new record the ordinary way, and still finds the old ones
        county, township = town(ahead)
        new = create(ahead, m.SiteVisit(center_code="north", visit_date=date(2026, 12, 1), county_code=county,
                                        township_code=township, mode="onsite", findings="地方 DNA 新訪視"))
        with ahead.session() as s:
            search.index(s, "site_visit", new.id, "地方 DNA 新訪視")
            s.commit()
        with ahead.session() as s:
            assert len(search.matching_ids(s, "site_visit", "地方 DNA")) == 5
        _bodies(ahead)  # still sound
    finally:
        for db in (source, ahead, merged):
            db.close()


def test_a_name_the_merge_keeps_from_the_database_rebuilds_that_index(tmp_path_factory, side_folder):
    """The workbook names a counselor 王小明; this database renamed her since (a newer version): the
    visits are found by the name she has here, never by the workbook's."""
    root = tmp_path_factory.getbasetemp()
    folder = tmp_path_factory.mktemp("renamed")
    source = fresh_db(folder, "source.db", root)
    try:
        county, township = town(source)
        counselor = create(source, m.Counselor(center_code="north", name="王小明"))
        target_path = folder / "target.db"
        source.close()
        shutil.copyfile(folder / "source.db", target_path)  # a copy that has the counselor, no visits yet
        source, target = open_database(folder / "source.db"), open_database(target_path)
        update(target, m.Counselor, counselor.id, {"name": "王曉明"})
        ids = small_world(source, visits=2)
        for vid in ids["visits"]:
            set_links(source, m.SiteVisit, vid, "visit_counselor", "visit_id", "counselor_id", [counselor.id])
        out = folder / "renamed.xlsx"
        export_workbook(source, out, mask=False)
        report = import_workbooks(target, [out])
        assert not report.problems
        with target.session() as s:
            assert len(search.matching_ids(s, "site_visit", "王曉明")) == 2
            assert search.matching_ids(s, "site_visit", "王小明 地方") == []  # 王小明 of small_world is not linked
        _bodies(target)
        assert list(side_folder.iterdir()) == []
        target.close()
    finally:
        source.close()


def test_a_refused_import_leaves_no_side_file(tmp_path_factory, side_folder):
    from openpyxl import load_workbook

    root = tmp_path_factory.getbasetemp()
    folder = tmp_path_factory.mktemp("refused")
    source = fresh_db(folder, "source.db", root)
    target = fresh_db(folder, "target.db", root)
    try:
        small_world(source, visits=2)
        out = folder / "bad.xlsx"
        export_workbook(source, out, mask=False)
        wb = load_workbook(out)
        ws = wb["追蹤事項"]
        ws.cell(row=ws.max_row, column=2).value = "00000000-0000-4000-8000-000000000000"  # a visit nobody has
        wb.save(out)
        report = import_workbooks(target, [out])
        assert report.problems and not report.applied
        assert list(side_folder.iterdir()) == []
        assert _bodies(target) == {}
    finally:
        source.close()
        target.close()


def test_side_files_are_encrypted(tmp_path_factory, side_folder, monkeypatch):
    """The texts wait in the side file while the workbook is read: never readable without the import's key."""
    root = tmp_path_factory.getbasetemp()
    folder = tmp_path_factory.mktemp("encrypted")
    source = fresh_db(folder, "source.db", root)
    target = fresh_db(folder, "target.db", root)
    seen: list[bytes] = []
    real_reserve = index_ahead.IndexAhead.reserve

    def reserve(self, link):
        real_reserve(self, link)
        seen.append(Path(self.path).read_bytes())

    monkeypatch.setattr(index_ahead.IndexAhead, "reserve", reserve)
    try:
        small_world(source, visits=2)
        out = folder / "e.xlsx"
        export_workbook(source, out, mask=False)
        import_workbooks(target, [out])
        assert seen and all("地方".encode() not in b and b"SQLite format 3" not in b for b in seen)
    finally:
        source.close()
        target.close()


def test_side_files_a_killed_import_left_are_swept_by_the_next(tmp_path_factory, side_folder):
    """A side file untouched for a day is one whose import was killed (its key died with it): the next import
    that makes a side file removes it; a recent one — perhaps another import's, running now — is left alone."""
    import os
    import time

    root = tmp_path_factory.getbasetemp()
    folder = tmp_path_factory.mktemp("swept")
    source = fresh_db(folder, "source.db", root)
    target = fresh_db(folder, "target.db", root)
    stale = [side_folder / "counsel_desk-index-old1.db", side_folder / "counsel_desk-index-old1.db-wal"]
    recent = side_folder / "counsel_desk-index-now2.db"
    other = side_folder / "someone-else.db"
    for path in (*stale, recent, other):
        path.write_bytes(b"\0" * 64)
    two_days_ago = time.time() - 2 * 24 * 3600
    for path in (*stale, other):
        os.utime(path, (two_days_ago, two_days_ago))
    try:
        small_world(source, visits=2)
        out = folder / "w.xlsx"
        export_workbook(source, out, mask=False)
        report = import_workbooks(target, [out])
        assert report.applied
        assert sorted(p.name for p in side_folder.iterdir()) == sorted([other.name, recent.name])
    finally:
        source.close()
        target.close()

"""A center's database file copied to laptops (how IT often sets machines up), then synced.

The copy is recognised the first time it is opened in its new place: it gets its own device id,
and what its records were is pinned under the old one, so edits on two copies merge as updates,
identical edits are no conflict, and a deletion on a copy is a deletion.
"""

from __future__ import annotations

import shutil

import pytest

from counsel_desk import models as m
from counsel_desk.store import driver, open_database
from counsel_desk.sync import export_workbook, import_workbooks
from tests.integration.sync_helpers import create, delete, fresh_db, small_world, town, update


def copy_file(db, dest):
    """What IT does: copy the closed database file to another laptop (here: another folder)."""
    db.close()
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(db.path, dest)
    return open_database(dest)


def conflict_rows(db) -> dict[str, int]:
    with driver.connect(db.path) as con:
        return dict(con.execute("SELECT status, count(*) FROM sync_conflict GROUP BY status").fetchall())


@pytest.fixture
def center(tmp_path, tmp_path_factory):
    """A center's database in use: it has synced before (its device id was issued then)."""
    db = fresh_db(tmp_path / "office", "center.db", tmp_path_factory.getbasetemp())
    ids = small_world(db)
    export_workbook(db, tmp_path / "office" / "earlier.xlsx", mask=False, actor="中心")
    return db, ids


def two_copies(tmp_path, center):
    db, ids = center
    db.close()
    laptops = []
    for name in ("laptop-a", "laptop-b"):
        (tmp_path / name).mkdir()
        shutil.copyfile(db.path, tmp_path / name / "center.db")  # the same bytes on both laptops
        laptops.append(open_database(tmp_path / name / "center.db"))
    return laptops[0], laptops[1], ids


def merged_at_hq(tmp_path, tmp_path_factory, *laptops):
    hq = fresh_db(tmp_path / "hq", "hq.db", tmp_path_factory.getbasetemp())
    reports = []
    for n, lap in enumerate(laptops):
        out = tmp_path / f"laptop{n}.xlsx"
        export_workbook(lap, out, mask=False, actor=f"輔導員{n}")
        reports.append(import_workbooks(hq, [out], actor="總部"))
    return hq, reports


def test_copy_then_edit_then_merge_gives_updates_not_conflicts(tmp_path, tmp_path_factory, center):
    a, b, ids = two_copies(tmp_path, center)
    v, u = ids["visits"]
    update(a, m.SiteVisit, v, {"purpose": "A 改了 V"})
    update(b, m.SiteVisit, u, {"purpose": "B 改了 U"})
    hq, reports = merged_at_hq(tmp_path, tmp_path_factory, a, b)
    assert reports[1].totals["conflicts"] == 0 and reports[1].totals["updated"] == 1
    with driver.connect(hq.path) as con:
        purposes = dict(con.execute("SELECT id, purpose FROM site_visit"))
    assert purposes[v] == "A 改了 V" and purposes[u] == "B 改了 U"
    assert conflict_rows(hq) == {}
    for d in (a, b, hq):
        d.close()


def test_merging_two_copies_of_one_database_stores_no_same_rows(tmp_path, tmp_path_factory, center):
    """The issue's 4,841 'same' rows: every record of two copies looked like two versions."""
    a, b, ids = two_copies(tmp_path, center)
    update(a, m.SiteVisit, ids["visits"][0], {"purpose": "只有 A 改"})
    hq, reports = merged_at_hq(tmp_path, tmp_path_factory, a, b)
    assert reports[1].totals["conflicts"] == 0
    assert conflict_rows(hq) == {}


def test_the_same_edit_on_two_copies_is_no_conflict(tmp_path, tmp_path_factory, center):
    a, b, ids = two_copies(tmp_path, center)
    v = ids["visits"][0]
    for lap in (a, b):
        update(lap, m.SiteVisit, v, {"purpose": "兩台都改成一樣"})
    hq, reports = merged_at_hq(tmp_path, tmp_path_factory, a, b)
    assert reports[1].totals["conflicts"] == 0
    assert conflict_rows(hq) == {}  # nothing for the manager to decide, and no conflict row kept
    for d in (a, b, hq):
        d.close()


def test_a_deletion_arriving_from_a_copy_is_a_deletion(tmp_path, tmp_path_factory, center):
    a, b, ids = two_copies(tmp_path, center)
    f = ids["followups"][1]
    delete(b, m.FollowUp, f)
    hq, reports = merged_at_hq(tmp_path, tmp_path_factory, a, b)
    assert reports[1].totals["conflicts"] == 0
    with driver.connect(hq.path) as con:
        assert con.execute("SELECT deleted_at IS NOT NULL FROM followup WHERE id = ?", (f,)).fetchone() == (1,)
    assert conflict_rows(hq) == {}
    for d in (a, b, hq):
        d.close()


@pytest.mark.parametrize("made", ["now", "before device ids were issued at the first open"])
def test_a_database_copied_before_it_ever_synced_merges_as_updates(tmp_path, tmp_path_factory, made):
    """IT sets up one database, fills it in, copies it to two laptops before anybody exported:
    the copies' records are still one database's records, not two unrelated sets."""
    db = fresh_db(tmp_path / "office", "center.db", tmp_path_factory.getbasetemp())
    ids = small_world(db)  # never exported nor imported
    db.close()
    if made != "now":  # an older file: no device id until its first sync
        con = driver.connect(db.path)
        con.execute("DELETE FROM app_meta WHERE key IN ('device_id', 'device_machine', 'device_history')")
        con.commit()
        con.close()  # the last connection checkpoints: the file copied holds the change
    a, b, _ = two_copies(tmp_path, (db, ids))
    v, u = ids["visits"]
    update(a, m.SiteVisit, v, {"purpose": "A 改了 V"})
    update(b, m.SiteVisit, u, {"purpose": "B 改了 U"})
    hq, reports = merged_at_hq(tmp_path, tmp_path_factory, a, b)
    assert reports[1].totals["conflicts"] == 0 and reports[1].totals["updated"] == 1
    assert conflict_rows(hq) == {}
    with driver.connect(hq.path) as con:
        purposes = dict(con.execute("SELECT id, purpose FROM site_visit"))
        twins = con.execute("SELECT count(*) FROM sync_base WHERE twins != ''").fetchone()[0]
    assert purposes[v] == "A 改了 V" and purposes[u] == "B 改了 U" and twins == 0
    for d in (a, b, hq):
        d.close()


def test_the_original_merging_its_copies_back_gets_updates(tmp_path, center):
    db, ids = center
    a = copy_file(db, tmp_path / "laptop-a" / "center.db")
    office = open_database(db.path)
    v = ids["visits"][0]
    update(a, m.SiteVisit, v, {"findings": "在筆電上補的"})
    update(office, m.SiteVisit, ids["visits"][1], {"findings": "辦公室補的"})
    out = tmp_path / "a.xlsx"
    export_workbook(a, out, mask=False, actor="輔導員")
    report = import_workbooks(office, [out], actor="中心")
    assert report.totals["conflicts"] == 0 and report.totals["updated"] == 1
    assert conflict_rows(office) == {}
    for d in (a, office):
        d.close()


# --- natural keys: the same record created on two laptops ---------------------------------------------
def _laptops_from_workbook(tmp_path, tmp_path_factory, center):
    db, ids = center
    start = tmp_path / "start.xlsx"
    export_workbook(db, start, mask=False, actor="中心")
    root = tmp_path_factory.getbasetemp()
    laptops = []
    for name in ("a", "b"):
        lap = fresh_db(tmp_path / name, f"{name}.db", root)
        import_workbooks(lap, [start], actor=name)
        laptops.append(lap)
    return db, laptops, ids


def test_natural_key_clash_becomes_one_record_with_a_conflict_not_a_refused_workbook(tmp_path, tmp_path_factory,
                                                                                    center):
    db, (a, b), ids = _laptops_from_workbook(tmp_path, tmp_path_factory, center)
    ws = ids["workstations"][0]
    create(a, m.WorkstationBudget(workstation_id=ws, roc_year=116, approved_subsidy=1_000_000))
    create(b, m.WorkstationBudget(workstation_id=ws, roc_year=116, approved_subsidy=1_200_000))
    for lap in (a, b):  # the year's targets, set on both laptops — one the same, one not
        create(lap, m.YearlyTarget(center_code="north", year=2027, metric="visits", target=120))
    create(a, m.YearlyTarget(center_code="north", year=2027, metric="events", target=10))
    create(b, m.YearlyTarget(center_code="north", year=2027, metric="events", target=12))
    hq, reports = merged_at_hq(tmp_path, tmp_path_factory, a, b)
    assert not reports[1].refused, [str(p) for p in reports[1].problems.items]
    with driver.connect(hq.path) as con:
        budgets = con.execute("SELECT id FROM workstation_budget WHERE workstation_id = ? AND roc_year = 116",
                              (ws,)).fetchall()
        targets = dict(con.execute("SELECT metric, count(*) FROM yearly_target WHERE year = 2027 GROUP BY metric"))
        opened = con.execute("SELECT entity, fields FROM sync_conflict WHERE status = 'open'").fetchall()
    assert len(budgets) == 1 and targets == {"visits": 1, "events": 1}
    assert sorted(opened) == [("workstation_budget", '["approved_subsidy"]'), ("yearly_target", '["target"]')]
    # the center merges both laptops back: the same single records, whatever the order
    for lap_file in ("laptop1.xlsx", "laptop0.xlsx"):
        report = import_workbooks(db, [tmp_path / lap_file], actor="中心")
        assert not report.refused, [str(p) for p in report.problems.items]
    with driver.connect(db.path) as con:
        assert con.execute("SELECT count(*) FROM workstation_budget WHERE roc_year = 116").fetchone() == (1,)
        assert con.execute("SELECT min(id) FROM workstation_budget WHERE roc_year = 116").fetchone() == budgets[0]
    for d in (a, b, hq, db):
        d.close()


def test_natural_key_clash_with_a_record_already_here_renames_it_with_its_children(tmp_path, tmp_path_factory,
                                                                                  center):
    db, (a, b), ids = _laptops_from_workbook(tmp_path, tmp_path_factory, center)
    ws = ids["workstations"][0]
    ba = create(a, m.WorkstationBudget(workstation_id=ws, roc_year=117, approved_subsidy=900_000))
    bb = create(b, m.WorkstationBudget(workstation_id=ws, roc_year=117, approved_subsidy=900_000))
    create(a, m.BudgetLine(budget_id=ba.id, category="personnel", planned=500_000))
    create(b, m.BudgetLine(budget_id=bb.id, category="operations", planned=400_000))
    out_b = tmp_path / "b.xlsx"
    export_workbook(b, out_b, mask=False, actor="b")
    report = import_workbooks(a, [out_b], actor="a")
    assert not report.refused, [str(p) for p in report.problems.items]
    keep = min(ba.id, bb.id)
    with driver.connect(a.path) as con:
        assert con.execute("SELECT id FROM workstation_budget WHERE roc_year = 117").fetchall() == [(keep,)]
        lines = con.execute("SELECT budget_id FROM budget_line WHERE category IN ('personnel', 'operations')").fetchall()
        assert sorted(lines) == [(keep,), (keep,)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        assert con.execute("SELECT count(*) FROM sync_conflict WHERE status = 'open'").fetchone() == (0,)
    for d in (a, b, db):
        d.close()


def test_a_score_per_criterion_and_a_section_per_proposal_made_on_two_laptops_become_one_record(
        tmp_path, tmp_path_factory, center):
    """The issue's other natural keys: a proposal's score per criterion and its text per section (and the
    county's check per item), written on two laptops — one record each, the differing field a conflict."""
    db, ids = center
    county, township = town(db)
    p = create(db, m.Proposal(center_code="north", title="老屋再生", applicant_type="association", county_code=county,
                              township_code=township, route="existing"))
    db, (a, b), ids = _laptops_from_workbook(tmp_path, tmp_path_factory, (db, ids))
    for lap, body, score, status in ((a, "A 寫的地方 DNA", 3, "pending"), (b, "B 寫的地方 DNA", 4, "settled")):
        create(lap, m.ProposalSection(proposal_id=p.id, section_key="local_dna", body=body))
        create(lap, m.ProposalScore(proposal_id=p.id, criterion="locality", score=score))
        create(lap, m.CountyCheck(proposal_id=p.id, item="land_use", status=status))
    hq, reports = merged_at_hq(tmp_path, tmp_path_factory, a, b)
    assert not reports[1].refused, [str(x) for x in reports[1].problems.items]
    assert reports[1].totals["conflicts"] == 3
    with driver.connect(hq.path) as con:
        counts = [con.execute(f"SELECT count(*) FROM {t} WHERE proposal_id = ?", (p.id,)).fetchone()[0]
                  for t in ("proposal_section", "proposal_score", "county_check")]
        opened = sorted(con.execute("SELECT entity, fields FROM sync_conflict WHERE status = 'open'").fetchall())
    assert counts == [1, 1, 1]
    assert opened == [("county_check", '["status"]'), ("proposal_score", '["score"]'),
                      ("proposal_section", '["body"]')]
    for d in (a, b, hq, db):
        d.close()

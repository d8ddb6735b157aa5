"""A record changed on both sides becomes a stored conflict; a person resolves it field by field."""

from __future__ import annotations

import json
from datetime import date

import pytest

from counsel_desk import models as m
from counsel_desk.errors import UserError, ValidationError
from counsel_desk.sync import conflicts, export_workbook, history, import_workbooks
from counsel_desk.sync.conflicts import Choice
from tests.integration.sync_helpers import delete, fresh_db, raw, small_world, snapshot, update


@pytest.fixture
def pair(tmp_path, tmp_path_factory):
    """A center and a laptop that share the center's data, then each change the same visit."""
    root = tmp_path_factory.getbasetemp()
    center = fresh_db(tmp_path, "center.db", root)
    ids = small_world(center)
    start = tmp_path / "start.xlsx"
    export_workbook(center, start, mask=False, actor="中心")
    laptop = fresh_db(tmp_path, "laptop.db", root)
    import_workbooks(laptop, [start], actor="王小明")
    yield tmp_path, center, laptop, ids
    center.close()
    laptop.close()


def exchange(tmp_path, source, target, name: str):
    out = tmp_path / name
    export_workbook(source, out, mask=False, actor="x")
    return import_workbooks(target, [out], actor="y")


def audit_actions(db) -> list[tuple[str, str]]:
    with raw(db) as con:
        return con.execute("SELECT action, detail FROM audit_log ORDER BY seq").fetchall()


def test_both_sides_changed_is_a_conflict_nothing_lost(pair):
    tmp, center, laptop, ids = pair
    visit = ids["visits"][0]
    update(center, m.SiteVisit, visit, {"purpose": "中心改的目的", "notes": "中心備註"})
    update(laptop, m.SiteVisit, visit, {"purpose": "輔導員改的目的"})
    report = exchange(tmp, laptop, center, "laptop.xlsx")
    assert report.totals["conflicts"] == 1 and report.counts["visits"]["conflicts"] == 1
    (c,) = conflicts.list_conflicts(center)
    assert c.entity == "visits" and "目的" in c.fields
    detail = conflicts.conflict_detail(center, c.id)
    by_key = {f.key: f for f in detail.fields}
    shown = snapshot(center)["site_visit"][visit]
    assert {by_key["purpose"].mine, by_key["purpose"].theirs[0]} == {"中心改的目的", "輔導員改的目的"}
    assert by_key["purpose"].mine in shown
    # importing the same file again changes nothing, the conflict stays one conflict
    again = exchange(tmp, laptop, center, "laptop2.xlsx")
    assert again.totals["conflicts"] == 0 and len(conflicts.list_conflicts(center)) == 1
    assert any(a == "sync_conflict" for a, _ in audit_actions(center))


def test_resolution_per_field_is_audited_and_wins_everywhere(pair):
    tmp, center, laptop, ids = pair
    visit = ids["visits"][0]
    update(center, m.SiteVisit, visit, {"purpose": "中心版", "findings": "中心發現"})
    update(laptop, m.SiteVisit, visit, {"purpose": "現場版", "findings": "現場發現"})
    exchange(tmp, laptop, center, "l.xlsx")
    (c,) = conflicts.list_conflicts(center)
    detail = conflicts.conflict_detail(center, c.id)
    fields = {f.key: f for f in detail.fields}
    mine_purpose = fields["purpose"].mine
    theirs_findings = fields["findings"].theirs[0]
    result = conflicts.resolve(center, c.id, {"purpose": Choice("mine"), "findings": Choice("theirs"),
                                              "notes": Choice("edit", value="兩邊都對")}, actor="主任")
    assert result == {"purpose": "mine", "findings": "theirs", "notes": "edit"}
    row = snapshot(center)["site_visit"][visit]
    assert mine_purpose in row and theirs_findings in row and "兩邊都對" in row
    assert conflicts.list_conflicts(center) == []
    assert len(conflicts.list_conflicts(center, status="resolved")) == 1
    actions = audit_actions(center)
    resolved = [json.loads(d) for a, d in actions if a == "resolve_conflict"]
    assert resolved and resolved[0]["fields"]["findings"]["choice"] == "theirs"
    with pytest.raises(UserError, match="已經處理過"):
        conflicts.resolve(center, c.id, {}, actor="主任")
    # the decision travels back to the laptop and replaces both versions there
    back = exchange(tmp, center, laptop, "c.xlsx")
    assert back.totals["conflicts"] == 0
    assert snapshot(laptop)["site_visit"][visit] == snapshot(center)["site_visit"][visit]


def test_bad_edit_is_refused_with_the_field_named(pair):
    tmp, center, laptop, ids = pair
    visit = ids["visits"][0]
    update(center, m.SiteVisit, visit, {"visit_date": date(2026, 1, 1)})
    update(laptop, m.SiteVisit, visit, {"visit_date": date(2026, 2, 2)})
    exchange(tmp, laptop, center, "l.xlsx")
    (c,) = conflicts.list_conflicts(center)
    with pytest.raises(ValidationError, match="訪視日期") as exc:
        conflicts.resolve(center, c.id, {"visit_date": Choice("edit", value="不是日期")}, actor="主任")
    assert exc.value.field == "visit_date"
    conflicts.resolve(center, c.id, {"visit_date": Choice("edit", value="115/03/03")}, actor="主任")
    assert "2026-03-03" in snapshot(center)["site_visit"][visit]


def test_edit_on_one_side_deletion_on_the_other_stays_deleted_but_keeps_the_edit(pair):
    tmp, center, laptop, ids = pair
    follow = ids["followups"][0]
    delete(center, m.FollowUp, follow)
    update(laptop, m.FollowUp, follow, {"result": "已補件"})
    report = exchange(tmp, laptop, center, "l.xlsx")
    assert report.totals["conflicts"] == 1
    with raw(center) as con:
        assert con.execute("SELECT deleted_at FROM followup WHERE id = ?", (follow,)).fetchone()[0]
    (c,) = conflicts.list_conflicts(center)
    fields = {f.key: f for f in conflicts.conflict_detail(center, c.id).fields}
    assert "已補件" in fields["result"].theirs
    # a stale copy from before either change changes nothing
    stale = exchange(tmp, center, laptop, "c.xlsx")
    assert stale.totals["conflicts"] == 1  # the laptop learns of the conflict too
    with raw(laptop) as con:
        assert con.execute("SELECT deleted_at FROM followup WHERE id = ?", (follow,)).fetchone()[0]


def test_history_lists_imports_and_exports(pair):
    tmp, center, laptop, _ids = pair
    exchange(tmp, laptop, center, "l.xlsx")
    import_workbooks(center, [tmp / "l.xlsx"], dry_run=True, actor="主任")
    entries = history.imports(center)
    assert [e.dry_run for e in entries[:2]] == [True, False]
    assert entries[0].file_name == "l.xlsx" and entries[0].totals["unchanged"] > 0
    assert history.exports(laptop)[0].destination.endswith("l.xlsx")
    assert history.already_imported(center, entries[1].sha256) is not None


def test_a_row_edited_by_hand_in_the_workbook_is_a_conflict_not_an_overwrite(pair):
    import openpyxl

    from counsel_desk.sync.format import BY_KEY

    tmp, center, _laptop, ids = pair
    out = tmp / "mine.xlsx"
    export_workbook(center, out, mask=False)
    wb = openpyxl.load_workbook(out)
    ws = wb[BY_KEY["visits"].title]
    col = next(c.column for c in ws[1] if c.value == "purpose")
    row = next(r[0].row for r in ws.iter_rows(min_row=3) if r[0].value == ids["visits"][0])
    ws.cell(row=row, column=col, value="在 Excel 裡改的")
    wb.save(out)
    report = import_workbooks(center, [out])
    assert report.totals["conflicts"] == 1 and report.totals["updated"] == 0
    (c,) = conflicts.list_conflicts(center)
    purpose = {f.key: f for f in conflicts.conflict_detail(center, c.id).fields}["purpose"]
    assert {purpose.mine, *purpose.theirs} == {"在 Excel 裡改的", "第 1 次訪視"}


def test_cancelled_export_and_import_leave_nothing_behind(pair):
    from counsel_desk.sync.problems import Cancelled
    from tests.integration.sync_helpers import file_digest

    tmp, center, laptop, _ids = pair
    out = tmp / "cancelled.xlsx"
    with pytest.raises(Cancelled):
        export_workbook(center, out, progress=lambda done, total: done == 0)
    assert not out.exists() and not list(tmp.glob(".cancelled.xlsx*"))
    good = tmp / "good.xlsx"
    export_workbook(laptop, good, mask=False)
    before = file_digest(center)
    calls = []

    def stop_while_merging(done, total):
        calls.append(done)
        return done <= total // 2
    with pytest.raises(Cancelled):
        import_workbooks(center, [good], progress=stop_while_merging)
    assert file_digest(center) == before


def test_a_conflict_is_named_in_english_in_the_english_interface(pair):
    """Issue 12: in English no Chinese but data — the conflicts tab named the record kind and the fields by the
    workbook's Chinese titles (實地訪視, 目的)."""
    from counsel_desk import i18n

    tmp, center, laptop, ids = pair
    visit = ids["visits"][0]
    update(center, m.SiteVisit, visit, {"purpose": "中心改的目的"})
    update(laptop, m.SiteVisit, visit, {"purpose": "輔導員改的目的"})
    exchange(tmp, laptop, center, "laptop.xlsx")
    i18n.set_language("en")
    try:
        (c,) = conflicts.list_conflicts(center)
        detail = conflicts.conflict_detail(center, c.id)
    finally:
        i18n.set_language("zh_TW")
    assert (c.entity_title, c.fields) == ("Site visit", ["Purpose"])
    assert detail.summary.entity_title == "Site visit" and [f.title for f in detail.fields] == ["Purpose"]
    (zh,) = conflicts.list_conflicts(center)
    assert (zh.entity_title, zh.fields) == ("實地訪視", ["目的"])  # zh_TW: the workbook's own titles

"""A youth team's members travel masked: no name or birth year in the workbook, none lost on import.

Masking is the format's mechanism for any personal column (format.Column.personal), a number too:
a masked birth year's cell holds the mask's text, which the reader takes as "not sent".
"""

from __future__ import annotations

import json

import openpyxl

from counsel_desk import models as m
from counsel_desk.sync import export_workbook, import_workbooks
from counsel_desk.sync.format import BY_KEY, MASK
from tests.integration.sync_helpers import create, fresh_db, raw, update

NAME, BORN = "龔曉蓉", 1991


def sheet_values(path, key: str) -> tuple[list[dict], list]:
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        data = list(wb[BY_KEY[key].title].iter_rows(values_only=True))
        cells = [c for row in wb.worksheets for r in row.iter_rows(values_only=True) for c in r]
    finally:
        wb.close()
    return [dict(zip(data[0], r)) for r in data[2:]], cells


def plain(row) -> tuple:
    """(name, birth year, role) as Python values on either engine."""
    name, born, role = row
    return name, None if born is None else int(born), role


def team_with_member(db) -> tuple[str, str]:
    team = create(db, m.YouthTeam(center_code="north", name="山海實驗室", programme="地方創生利他行動168", roc_year=115))
    member = create(db, m.YouthTeamMember(team_id=team.id, name=NAME, birth_year=BORN, role="隊長"))
    create(db, m.YouthTeamMember(team_id=team.id, name="林冠廷", role="隊員"))  # no birth year: stays empty
    return team.id, member.id


def test_masked_export_has_no_member_name_or_birth_year(tmp_path, tmp_path_factory):
    db = fresh_db(tmp_path, "laptop.db", tmp_path_factory.getbasetemp())
    try:
        _team, member_id = team_with_member(db)
        out = tmp_path / "masked.xlsx"
        export_workbook(db, out, actor="測試")  # masked by default
        rows, cells = sheet_values(out, "youth_team_members")
        mine = next(r for r in rows if r["id"] == member_id)
        assert (mine["name"], mine["birth_year"], mine["role"]) == (MASK, MASK, "隊長")
        other = next(r for r in rows if r["id"] != member_id)
        assert (other["name"], other["birth_year"]) == (MASK, None)  # an empty birth year stays empty
        assert NAME not in cells and BORN not in cells and "林冠廷" not in cells  # nowhere in the workbook
        open_file = tmp_path / "open.xlsx"
        export_workbook(db, open_file, mask=False, actor="測試")
        mine = next(r for r in sheet_values(open_file, "youth_team_members")[0] if r["id"] == member_id)
        assert (mine["name"], mine["birth_year"]) == (NAME, BORN)
        with raw(db) as con:
            exports = con.execute("SELECT count(*) FROM audit_log WHERE action = 'export'").fetchone()[0]
        assert int(exports) == 2
    finally:
        db.close()


def test_a_masked_workbook_imports_without_destroying_the_stored_values(tmp_path, tmp_path_factory):
    root = tmp_path_factory.getbasetemp()
    laptop = fresh_db(tmp_path, "laptop.db", root)
    hq = fresh_db(tmp_path, "hq.db", root)
    empty = fresh_db(tmp_path, "empty.db", root)
    try:
        _team, member_id = team_with_member(laptop)
        first = tmp_path / "first.xlsx"
        export_workbook(laptop, first, mask=False)
        import_workbooks(hq, [first])
        # the laptop changes the member's role, then sends a masked file: HQ takes the role, keeps the rest
        update(laptop, m.YouthTeamMember, member_id, {"role": "副隊長"})
        masked = tmp_path / "masked.xlsx"
        export_workbook(laptop, masked)
        result = import_workbooks(hq, [masked])
        assert not result.problems
        with raw(hq) as con:
            row = con.execute("SELECT name, birth_year, role FROM youth_team_member WHERE id = ?", (member_id,)).fetchone()
        assert plain(row) == (NAME, BORN, "副隊長")
        # re-importing the same masked file changes nothing
        again = import_workbooks(hq, [masked])
        assert again.counts["youth_team_members"]["updated"] == 0
        # a database that never had the values gets blanks, and passes them on masked even when unmasking
        import_workbooks(empty, [masked])
        with raw(empty) as con:
            row = con.execute("SELECT name, birth_year, role FROM youth_team_member WHERE id = ?", (member_id,)).fetchone()
            withheld = con.execute("SELECT withheld FROM sync_base WHERE record_id = ?", (member_id,)).fetchone()[0]
        assert plain(row) == ("", None, "副隊長") and int(withheld) == 1
        relay = tmp_path / "relay.xlsx"
        export_workbook(empty, relay, mask=False)
        mine = next(r for r in sheet_values(relay, "youth_team_members")[0] if r["id"] == member_id)
        assert (mine["name"], mine["birth_year"]) == (MASK, MASK)
        # the relayed file does not blank HQ's values either
        import_workbooks(hq, [relay])
        with raw(hq) as con:
            row = con.execute("SELECT name, birth_year, role FROM youth_team_member WHERE id = ?", (member_id,)).fetchone()
            details = [json.loads(d) for (d,) in con.execute("SELECT detail FROM audit_log")]
        assert plain(row)[:2] == (NAME, BORN)
        assert not any(NAME in json.dumps(d, ensure_ascii=False) for d in details)
    finally:
        laptop.close()
        hq.close()
        empty.close()

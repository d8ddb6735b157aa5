"""Export then import gives the same data; importing again changes nothing (property-based).

Random records carry Chinese text, emoji, newlines, control characters, formula-like strings,
``_xHHHH_`` look-alikes, extreme dates (year 1 to 9999) and amounts (the whole 64-bit range),
floats that need 17 digits, and text longer than an Excel cell holds.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counsel_desk import models as m
from counsel_desk.models import enums
from counsel_desk.services.visits.visits import EARLIEST_VISIT
from counsel_desk.sync import export_workbook, import_workbooks
from counsel_desk.sync.format import CELL_TEXT_LIMIT, MASK
from tests.integration.sync_helpers import (
    LINK_TABLES, create, delete, fresh_db, on_server, set_links, small_world, snapshot, town,
)

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                           HealthCheck.too_slow])
TRICKY = ["=1+1", "=HYPERLINK(\"http://x\",\"y\")", "+886-2-1234", "-5", "@SUM(A1)", "\tTab", "\rCR", "a\r\nb",
          "地方創生😀", "_x0041_", "_x005F_", "a\x0bb\x01", " 兩端空白 ", "00123", "1e5", "TRUE", "", "\n",
          "臺東縣 達仁鄉", "'quoted", "<b>&amp;</b>"]
_chars = st.characters(exclude_categories=("Cs",), exclude_characters="\x00\ufffe\uffff")
# at most 32 characters, the narrowest column these go into (a contact's phone): PostgreSQL refuses a longer
# value where SQLite stores it, and the round trip is about the workbook, not about column sizes
TEXT = st.one_of(st.text(_chars, max_size=25), st.sampled_from(TRICKY),
                 st.builds(lambda a, b: (a + b)[:32], st.sampled_from(TRICKY), st.text(_chars, max_size=8)))
PERSONAL = TEXT.filter(lambda t: t != MASK)
NAME = st.text(_chars, min_size=1, max_size=20).filter(lambda t: t.strip() == t and t and t != MASK)
DAYS = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
# a visit's day as the visit service allows it (the import refuses others: sync/format.py visit_date)
VISIT_DAYS = st.dates(min_value=EARLIEST_VISIT, max_value=date.today())
# a server's INTEGER columns hold 32 bits (SQLite's 64): in the PostgreSQL run the values are folded into that
INT64 = st.integers(min_value=-(2 ** 63), max_value=2 ** 63 - 1).map(
    lambda v: (v + 2 ** 31) % 2 ** 32 - 2 ** 31 if on_server() else v)
NON_NEGATIVE = st.integers(min_value=0, max_value=2 ** 63 - 1).map(lambda v: v % 2 ** 31 if on_server() else v)
FLOATS = st.floats(allow_nan=False, allow_infinity=False, width=64)
MOMENTS = st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)).map(
    lambda d: d.replace(tzinfo=timezone.utc))


@st.composite
def worlds(draw):
    return {
        "org": (draw(NAME), draw(st.sampled_from(list(enums.OrgKind))), draw(TEXT), draw(TEXT)),
        "contacts": draw(st.lists(st.tuples(NAME, PERSONAL, PERSONAL, PERSONAL, st.booleans()), min_size=1, max_size=3)),
        "visits": draw(st.lists(st.tuples(VISIT_DAYS, st.sampled_from(list(enums.VisitMode)), TEXT, TEXT, TEXT,
                                          st.booleans(), st.booleans()), min_size=1, max_size=3)),
        "followup": (draw(NAME), draw(st.one_of(st.none(), DAYS)), draw(st.sampled_from(list(enums.FollowUpStatus)))),
        "money": draw(NON_NEGATIVE),  # an approved subsidy, never below 0
        "hours": draw(FLOATS),
        "target": draw(FLOATS),
        "moment": draw(MOMENTS),
        "long": draw(st.sampled_from([0, 10, CELL_TEXT_LIMIT + 5, 2 * CELL_TEXT_LIMIT + 1])),
        # issue 17: dated outcomes, a youth team with members and links, training figures of an event
        "outcomes": draw(st.lists(st.tuples(DAYS, st.sampled_from(list(enums.OutcomeKind)), INT64, INT64,
                                            st.sampled_from([None, True, False]), TEXT, TEXT,
                                            st.sampled_from(["station", "team", "town"]), st.booleans()),
                                  min_size=1, max_size=4)),
        "team": (draw(NAME), draw(st.integers(min_value=-(2 ** 31), max_value=2 ** 31 - 1)), draw(INT64), draw(TEXT),
                 draw(st.lists(st.tuples(NAME, st.one_of(st.none(), st.integers(1, 9999)), TEXT), max_size=3)),
                 draw(st.booleans())),
        # counts are never below 0 and no more complete a course than enrolled (services/workstations/events.py)
        "event": (draw(st.sampled_from(list(enums.EventKind))), draw(FLOATS), draw(NON_NEGATIVE), draw(NON_NEGATIVE)),
        # township stocktaking: a topic of the center's own, tags, dated status notes (None = back to derived)
        "topic": (draw(NAME.filter(lambda t: len(t) <= 64)), draw(TEXT.filter(lambda t: len(t) <= 128)),
                  draw(st.booleans())),
        "notes": draw(st.lists(st.tuples(st.one_of(st.none(), st.sampled_from(list(enums.TownshipStatus))), DAYS, TEXT),
                               max_size=3)),
    }


def build(db, w) -> None:
    county, township = town(db)
    counselor = create(db, m.Counselor(center_code="north", name="王小明", phone="0912", email="x@y"))
    org_name, kind, address, notes = w["org"]
    org = create(db, m.Organization(name=org_name, kind=kind.value, county_code=county, township_code=township,
                                    address=address, notes=notes))
    contacts = []
    for name, phone, email, personal, erase in w["contacts"]:
        c = create(db, m.Contact(organization_id=org.id, name=name, phone=phone, email=email, personal_notes=personal))
        contacts.append(c.id)
        if erase:
            delete(db, m.Contact, c.id)
    station = create(db, m.Workstation(center_code="north", name="工作站", county_code=county, township_code=township))
    create(db, m.WorkstationBudget(workstation_id=station.id, roc_year=115, approved_subsidy=w["money"]))
    topic_name, topic_en, topic_active = w["topic"]
    topic = create(db, m.IssueTopic(code="OWN", name=topic_name, name_en=topic_en, active=topic_active, sort_order=999))
    seeded = m.stocktaking.seeded_topic_id("TALENT")
    first_visit = None
    for day, mode, purpose, findings, advice, with_links, deleted in w["visits"]:
        v = create(db, m.SiteVisit(center_code="north", visit_date=day, county_code=county, township_code=township,
                                   organization_id=org.id, mode=mode.value, purpose=purpose, findings=findings,
                                   advice=advice + "長" * w["long"]))
        first_visit = first_visit or v.id
        if with_links:
            set_links(db, m.SiteVisit, v.id, "visit_counselor", "visit_id", "counselor_id", [counselor.id])
            set_links(db, m.SiteVisit, v.id, "visit_contact", "visit_id", "contact_id", contacts)
            set_links(db, m.SiteVisit, v.id, "visit_issue_topic", "visit_id", "topic_id", [seeded, topic.id])
        if deleted:
            delete(db, m.SiteVisit, v.id)
    desc, due, status = w["followup"]
    closed = status is enums.FollowUpStatus.CLOSED  # closing needs its day and result (services/visits/followups.py)
    create(db, m.FollowUp(visit_id=first_visit, description=desc, due_date=due, status=status.value,
                          followup_date=due or date(2026, 11, 30) if closed else None, result=desc if closed else ""))
    create(db, m.SupportRecord(center_code="north", workstation_id=station.id, support_date=date(2026, 11, 26),
                               kind="training", hours=w["hours"], participants=3))
    create(db, m.YearlyTarget(center_code="north", year=2026, metric="visits", target=w["target"]))
    create(db, m.ReportNarrative(center_code="north", period_start=date(2026, 11, 1), period_end=date(2026, 11, 30),
                                 this_month=w["org"][2], next_month=w["org"][3], help_needed=w["visits"][0][2]))
    create(db, m.StageChange(to_stage="drafting", changed_at=w["moment"], snapshot_json="{}" * (w["long"] // 2)))
    support = create(db, m.SupportRecord(center_code="north", workstation_id=station.id, support_date=date(2026, 1, 2),
                                         kind="consultation"))
    name, year, award, themes, members, with_links = w["team"]
    team = create(db, m.YouthTeam(center_code="north", name=name, programme="地方創生利他行動168", roc_year=year,
                                  award=award, themes=themes, county_code=county, township_code=township))
    for member, born, role in members:
        create(db, m.YouthTeamMember(team_id=team.id, name=member, birth_year=born, role=role))
    if with_links:
        set_links(db, m.YouthTeam, team.id, "youth_team_support", "team_id", "support_id", [support.id])
        set_links(db, m.YouthTeam, team.id, "youth_team_visit", "team_id", "visit_id", [first_visit])
    for day, kind, people, amount, registered, agency, note, tie, deleted in w["outcomes"]:
        o = create(db, m.Outcome(center_code="north", outcome_date=day, kind=kind.value, people=people, amount=amount,
                                 registered=registered, agency=agency, note=note,
                                 workstation_id=station.id if tie == "station" else None,
                                 youth_team_id=team.id if tie == "team" else None,
                                 county_code=county if tie == "town" else None,
                                 township_code=township if tie == "town" else None))
        if deleted:
            delete(db, m.Outcome, o.id)
    kind, hours, trainees, completed = w["event"]
    create(db, m.CenterEvent(center_code="north", event_date=date(2026, 11, 30), title="培力課程", kind=kind.value,
                             hours=hours, trainees=trainees, completed=min(completed, trainees)))
    create(db, m.TownshipIssue(center_code="north", county_code=county, township_code=township, topic_id=topic.id,
                               noted_on=w["visits"][0][0], note=w["visits"][0][2]))
    for status, day, note in w["notes"]:
        create(db, m.TownshipStatusNote(center_code="north", county_code=county, township_code=township,
                                        status=status.value if status else "", noted_on=day, note=note))


@SETTINGS
@given(w=worlds())
def test_export_then_import_into_an_empty_database_gives_the_same_data(tmp_path_factory, w):
    root = tmp_path_factory.getbasetemp()
    folder = tmp_path_factory.mktemp("rt")
    source = fresh_db(folder, "source.db", root)
    target = fresh_db(folder, "target.db", root)
    try:
        before = snapshot(target)  # the seeded 推動課題: the same records in every database
        build(source, w)
        out = folder / "laptop.xlsx"
        export_workbook(source, out, mask=False, actor="測試")
        report = import_workbooks(target, [out], actor="測試")
        assert not report.problems, [str(p) for p in report.problems.items]
        assert report.totals["added"] == sum(len(t) - len(before[k]) for k, t in snapshot(source).items()
                                             if k not in LINK_TABLES)
        assert snapshot(target) == snapshot(source)

        again = import_workbooks(target, [out], actor="測試")
        assert again.totals["added"] == again.totals["updated"] == again.totals["conflicts"] == 0
        assert snapshot(target) == snapshot(source)
        # the file also goes back into the database that wrote it without changing anything
        home = import_workbooks(source, [out], actor="測試")
        assert home.totals["unchanged"] == report.totals["added"] + report.totals["unchanged"]
    finally:
        source.close()
        target.close()


def test_imported_records_are_found_by_search(tmp_path_factory):
    from counsel_desk.store import search

    root = tmp_path_factory.getbasetemp()
    folder = tmp_path_factory.mktemp("search")
    source = fresh_db(folder, "source.db", root)
    target = fresh_db(folder, "target.db", root)
    try:
        small_world(source)
        out = folder / "s.xlsx"
        export_workbook(source, out, mask=False)
        import_workbooks(target, [out])
        with target.session() as s:
            assert len(search.matching_ids(s, "site_visit", "地方 DNA")) == 2  # its own words
            assert len(search.matching_ids(s, "site_visit", "王小明")) == 2  # a counselor's name
            assert len(search.matching_ids(s, "site_visit", "大安社區")) == 2  # the organisation
            assert len(search.matching_ids(s, "followup", "補件")) == 2
    finally:
        source.close()
        target.close()


def _index_state(db) -> tuple:
    from counsel_desk.store import driver, search

    with driver.connect(db.path) as con:
        docs = sorted(con.execute("SELECT rowid, entity, record_id FROM search_index_doc"))
        bodies = sorted((e, r, b) for e in search.ENTITIES
                        for r, b in con.execute(f"SELECT rowid, body FROM {search.fts_table(e)}"))
    return docs, bodies


@pytest.mark.sqlite_only  # SQLite's FTS5 row numbers and trigram lookup, read from the file
def test_the_index_built_in_bulk_finds_short_words_leaves_deleted_records_out_and_reimport_changes_nothing(
        tmp_path_factory):
    """Issue 13: the search index of an import is built set-based; what the lists find must not change."""
    from counsel_desk.services.list_search import match
    from counsel_desk.store import search

    root = tmp_path_factory.getbasetemp()
    folder = tmp_path_factory.mktemp("bulk-index")
    source = fresh_db(folder, "source.db", root)
    target = fresh_db(folder, "target.db", root)
    try:
        ids = small_world(source, visits=3)
        gone = ids["visits"][2]
        delete(source, m.SiteVisit, gone)  # deleted before it ever travels
        out = folder / "a.xlsx"
        export_workbook(source, out, mask=False)
        import_workbooks(target, [out])
        with target.engine.connect() as conn:
            # a two-character word that ends a text: the list's trigram lookup (not a scan) finds it
            assert len(match(conn, "followup", "補件").rowids or []) == 3
            assert len(match(conn, "site_visit", "盤點").rowids or []) == 2
            assert gone not in search.matching_ids(conn, "site_visit", "地方 DNA")
            assert len(search.matching_ids(conn, "site_visit", "王小明 大安社區")) == 2  # names of the links
        state = _index_state(target)
        import_workbooks(target, [out])  # the same file again: every record unchanged, the index too
        assert _index_state(target) == state

        delete(source, m.SiteVisit, ids["visits"][0])  # deleted after the target has it indexed
        export_workbook(source, out, mask=False)
        report = import_workbooks(target, [out])
        assert report.totals["updated"] == 1
        with target.engine.connect() as conn:
            assert search.matching_ids(conn, "site_visit", "地方 DNA") == [ids["visits"][1]]
            assert len(match(conn, "site_visit", "盤點").rowids or []) == 1
    finally:
        source.close()
        target.close()


def test_masked_export_keeps_personal_data_home_and_never_overwrites_it(tmp_path_factory):
    root = tmp_path_factory.getbasetemp()
    folder = tmp_path_factory.mktemp("mask")
    laptop = fresh_db(folder, "laptop.db", root)
    hq = fresh_db(folder, "hq.db", root)
    try:
        build(laptop, {"org": ("協會", enums.OrgKind.ASSOCIATION, "", ""), "contacts": [("林美玲", "0912", "a@b", "備註", False)],
                       "visits": [(date(2026, 1, 2), enums.VisitMode.ONSITE, "", "", "", True, False)],
                       "followup": ("事項", None, enums.FollowUpStatus.OPEN), "money": 1, "hours": 1.5,
                       "target": 2.0, "moment": datetime(2026, 1, 1, tzinfo=timezone.utc), "long": 0,
                       "outcomes": [], "team": ("團隊", 115, 0, "", [], False),
                       "event": (enums.EventKind.TRAINING, 3.0, 10, 8),
                       "topic": ("水資源", "", True), "notes": []})
        out = folder / "to-hq.xlsx"
        export_workbook(laptop, out, actor="測試")  # masked by default
        import_workbooks(hq, [out], actor="總部")
        rows = snapshot(hq)["contact"]
        (contact,) = rows.values()
        assert "0912" not in contact and "a@b" not in contact and "備註" not in contact
        # HQ edits the contact's title; its file goes back to the laptop: the phone there survives
        cid = contact[0]
        from tests.integration.sync_helpers import update

        update(hq, m.Contact, cid, {"title": "總幹事"}, actor="總部")
        back = folder / "from-hq.xlsx"
        export_workbook(hq, back, mask=False, actor="總部")
        import_workbooks(laptop, [back], actor="測試")
        mine = snapshot(laptop)["contact"][cid]
        assert "總幹事" in mine and "0912" in mine and "a@b" in mine
    finally:
        laptop.close()
        hq.close()

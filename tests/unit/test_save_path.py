"""A save does only the work its change needs (few statements, on both engines); on a server many people
saving at once keep one valid audit chain, and a search is planned through the trigram index."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlalchemy import event, text

from counsel_desk.services.base import SaveConflict, ServiceContext
from counsel_desk.services.listing import ListQuery
from counsel_desk.services.people.people import PeopleService
from counsel_desk.services.visits.visit_list import VisitListSource
from counsel_desk.services.visits.visits import VisitData, VisitService
from counsel_desk.store import audit, open_database, search
from counsel_desk.services.visits.followups import FollowUpDraft

TODAY = date(2026, 11, 26)


def _visit(ctx: ServiceContext) -> str:
    me = PeopleService(ctx).create_counselor("王小明").id
    service = VisitService(ctx, today=TODAY)
    town = service.townships("10014")[0].id
    return service.create(VisitData(visit_date=TODAY, county_code="10014", township_code=town, counselor_ids=[me],
                                    purpose="了解返鄉青年需求", findings="老屋改建",
                                    followups=[FollowUpDraft(description="寄送補助辦法", owner="王小明")]))


class Statements:
    def __init__(self, engine):
        self.sql: list[str] = []
        self._engine = engine

    def __enter__(self) -> "Statements":
        event.listen(self._engine, "before_cursor_execute", self._seen)
        return self

    def __exit__(self, *exc) -> None:
        event.remove(self._engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn, _cursor, statement, *_args) -> None:
        self.sql.append(" ".join(statement.split()))


@pytest.mark.both_engines
def test_changing_one_field_of_a_visit_is_a_handful_of_statements(db, services):
    vid = _visit(services)
    visits = VisitService(services, today=TODAY)
    data = visits.get(vid)
    data.notes = "再訪：帶補助辦法"
    with Statements(db.engine) as seen:
        visits.save(data)
    # read, compare-and-set, search text (names + body), audit; the unchanged follow-up is read, not rewritten
    assert len([s for s in seen.sql if not s.startswith(("PRAGMA", "BEGIN", "SAVEPOINT", "RELEASE"))]) <= 8, seen.sql
    assert not [s for s in seen.sql if s.startswith("UPDATE followup")]
    if db.is_server:  # the audit entry and search text went with the compare-and-set (base.update, base.Along)
        assert not [s for s in seen.sql if s.startswith(("INSERT INTO audit_pending", "UPDATE search_index"))], seen.sql
        # the follow-ups held as stored are known from the read's print of them (Stored.followup_prints)
        assert not [s for s in seen.sql if "FROM followup WHERE" in s], seen.sql
    stored = visits.get(vid)
    assert (stored.notes, stored.version) == ("再訪：帶補助辦法", 2)
    with db.session() as s:
        assert vid in search.matching_ids(s, "site_visit", "帶補助辦法")
        assert audit.verify(s).ok


@pytest.mark.both_engines
def test_saving_an_unchanged_visit_writes_nothing(db, services):
    vid = _visit(services)
    visits = VisitService(services, today=TODAY)
    with Statements(db.engine) as seen:
        assert visits.update(vid, visits.get(vid)) == {}
    assert not [s for s in seen.sql if s.startswith(("UPDATE", "INSERT", "DELETE"))]
    assert visits.get(vid).version == 1


@pytest.mark.both_engines
def test_a_failed_save_leaves_no_audit_entry_behind(db, services):
    """An entry waiting for COMMIT (on a server) is dropped with the rollback, not written by the next commit."""
    vid = _visit(services)
    visits = VisitService(services, today=TODAY)
    stale = visits.get(vid)
    fresh = visits.get(vid)
    fresh.notes = "第一位"
    visits.save(fresh)
    stale.notes = "第二位"
    with pytest.raises(SaveConflict):
        visits.save(stale)
    with db.session() as s:
        before = s.connection().execute(text("SELECT count(*) FROM audit_log")).scalar()
    PeopleService(services).create_counselor("林小華")
    with db.session() as s:
        after = s.connection().execute(text("SELECT count(*) FROM audit_log")).scalar()
        assert after == before + 1 and audit.verify(s).ok


def test_many_people_saving_at_once_keep_one_valid_chain_and_lose_nothing(pg_url):
    first = open_database(pg_url)
    vid = _visit(ServiceContext.for_database(first, "主任", "north"))
    saved, conflicts, errors = [], [], []

    def person(n: int) -> None:
        db = open_database(pg_url)
        visits = VisitService(ServiceContext.for_database(db, f"同仁{n}", "north"), today=TODAY)
        try:
            for k in range(8):
                data = visits.get(vid)
                data.notes = f"同仁{n} 第{k}次"
                try:
                    visits.save(data)
                    saved.append(n)
                except SaveConflict:
                    conflicts.append(n)
        except Exception as exc:  # noqa: BLE001 — handed to the test's thread
            errors.append(exc)
        finally:
            db.close()

    threads = [threading.Thread(target=person, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    with first.session() as s:
        version = s.connection().execute(text("SELECT version FROM site_visit WHERE id = :v"), {"v": vid}).scalar()
        check = audit.verify(s)
        updates = s.connection().execute(text("SELECT count(*) FROM audit_log WHERE action = 'update' "
                                              "AND entity = 'site_visit'")).scalar()
    first.close()
    assert version == 1 + len(saved) == 1 + updates  # every successful save counted, none lost
    assert check.ok and check.end_problem is None


def test_the_chain_is_extended_the_same_way_without_the_servers_function(pg_url):
    """A database whose upgrade has not created ``cd_audit_append`` yet: the program extends the chain itself."""
    db = open_database(pg_url)
    with db.engine.begin() as conn:
        conn.execute(text("DROP FUNCTION cd_audit_append(jsonb)"))
    ctx = ServiceContext.for_database(db, "主任", "north")
    vid = _visit(ctx)
    data = VisitService(ctx, today=TODAY).get(vid)
    data.notes = "補充"
    VisitService(ctx, today=TODAY).save(data)
    with db.session() as s:
        assert audit.verify(s).ok
    db.close()


def test_the_server_chains_a_saves_entries_at_commit_not_while_the_program_still_works(pg_url):
    """On a server the chain's lock (every saver waits for it) is taken inside COMMIT by the server: a
    transaction that has handed over its entries and not committed yet holds no lock on the chain, so a
    program waiting for the CPU to send its COMMIT makes nobody else wait (20 people on two cores)."""
    db = open_database(pg_url)
    with db.session() as s:
        audit.record(s, "主任", "update", "site_visit", "v1", {"notes": ["", "x"]})
        audit._append_pending(s)  # noqa: SLF001 — what the COMMIT hook does first, stopped short of the COMMIT
        with db.engine.connect() as other:
            held = other.execute(text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                                      "AND objid = :k"), {"k": audit.AUDIT_LOCK}).scalar()
            chained = other.execute(text("SELECT count(*) FROM audit_log WHERE entity_id = 'v1'")).scalar()
        assert (held, chained) == (0, 0)
        s.commit()
    with db.session() as s:
        conn = s.connection()
        assert conn.execute(text("SELECT count(*) FROM audit_log WHERE entity_id = 'v1'")).scalar() == 1
        assert conn.execute(text(f"SELECT count(*) FROM {audit.PENDING_TABLE}")).scalar() == 0
        assert audit.verify(s).ok
    db.close()


@pytest.mark.both_engines
def test_a_visit_is_saved_through_bases_version_checked_update(db, services, monkeypatch):
    """The visit editor's save goes through ``services.base.update`` (its stamp, audit and compare-and-set),
    not a write of its own beside it."""
    from counsel_desk.services import base

    vid = _visit(services)
    calls = []
    real = base.update

    def seen(session, obj, *args, **kwargs):
        calls.append((type(obj).__name__, getattr(obj, "version", None), kwargs.get("version")))
        return real(session, obj, *args, **kwargs)

    monkeypatch.setattr(base, "update", seen)
    visits = VisitService(services, today=TODAY)
    data = visits.get(vid)
    data.notes = "再訪"
    visits.save(data)
    assert ("Loaded", 1, 1) in calls
    assert (visits.get(vid).notes, visits.get(vid).version) == ("再訪", 2)


def _saved_with_ann_slipping_in(monkeypatch, ben: VisitService, ben_edit: VisitData, ann: VisitService,
                                ann_edit: VisitData) -> None:
    """Ben saves; Ann's save commits after his save has read the visit and before it writes."""
    from counsel_desk.services.visits import visits as visits_module

    real_read = visits_module.read_stored
    slipped_in = []

    def read_then_ann_saves(conn, visit_id):
        stored = real_read(conn, visit_id)
        if not slipped_in:
            slipped_in.append(True)
            ann.save(ann_edit)  # his read is done; her save commits before his write
        return stored

    monkeypatch.setattr(visits_module, "read_stored", read_then_ann_saves)
    try:
        ben.save(ben_edit)
    finally:
        monkeypatch.setattr(visits_module, "read_stored", real_read)


def test_a_save_between_her_read_and_her_write_is_a_conflict_not_lost(pg_url, monkeypatch):
    """Another person's save lands after her save read the visit and before it writes: the compare-and-set
    finds version 2, she sees both values, and the other person's save stays."""
    ann_db, ben_db = open_database(pg_url), open_database(pg_url)
    ann = VisitService(ServiceContext.for_database(ann_db, "陳主任", "north"), today=TODAY)
    ben = VisitService(ServiceContext.for_database(ben_db, "林輔導員", "north"), today=TODAY)
    vid = _visit(ann.ctx)
    ann_edit, ben_edit = ann.get(vid), ben.get(vid)
    ann_edit.notes, ben_edit.notes = "陳主任的補充", "林輔導員的補充"
    with pytest.raises(SaveConflict) as err:
        _saved_with_ann_slipping_in(monkeypatch, ben, ben_edit, ann, ann_edit)
    assert [(f.name, f.mine, f.theirs) for f in err.value.fields] == [("notes", "林輔導員的補充", "陳主任的補充")]
    assert err.value.version == 2
    stored = ann.get(vid)
    assert (stored.notes, stored.version) == ("陳主任的補充", 2)
    with ann_db.session() as s:
        assert audit.verify(s).ok
        updates = s.connection().execute(text("SELECT count(*) FROM audit_log WHERE action = 'update' "
                                              "AND entity = 'site_visit'")).scalar()
    assert updates == 1  # her refused save left no entry
    ann_db.close()
    ben_db.close()


def test_a_save_between_her_read_and_her_write_that_leaves_hers_alone_goes_ahead(pg_url, monkeypatch):
    """Another person's save lands between her read and her write but changes nothing she holds differently (the
    same notes): the compare-and-set misses, base.update reads the visit again and her save goes ahead — her
    topics included, written after that second read."""
    ann_db, ben_db = open_database(pg_url), open_database(pg_url)
    ann = VisitService(ServiceContext.for_database(ann_db, "陳主任", "north"), today=TODAY)
    ben = VisitService(ServiceContext.for_database(ben_db, "林輔導員", "north"), today=TODAY)
    vid = _visit(ann.ctx)
    with ann_db.session() as s:
        topic = s.connection().execute(text("SELECT id FROM issue_topic WHERE deleted_at IS NULL "
                                            "ORDER BY sort_order LIMIT 1")).scalar()
    ann_edit, ben_edit = ann.get(vid), ben.get(vid)
    ann_edit.notes = ben_edit.notes = "兩人同樣的補充"
    ben_edit.topic_ids = [topic]
    _saved_with_ann_slipping_in(monkeypatch, ben, ben_edit, ann, ann_edit)
    stored = ann.get(vid)
    assert (stored.notes, stored.topic_ids, stored.version) == ("兩人同樣的補充", [topic], 3)
    with ann_db.session() as s:
        assert audit.verify(s).ok
    ann_db.close()
    ben_db.close()


def test_a_server_search_is_planned_through_the_trigram_index(pg_url):
    db = open_database(pg_url)
    ctx = ServiceContext.for_database(db, "主任", "north")
    vid = _visit(ctx)
    source = VisitListSource(ctx, today=TODAY)
    assert source.ids(ListQuery(search="老屋改建"), limit=50) == [vid]
    assert source.ids(ListQuery(search="返鄉"), limit=50) == [vid]  # two characters: no trigram, still found
    sql, params = source.ids_sql(ListQuery(search="老屋改建"))
    with db.engine.begin() as conn:
        conn.execute(text("SET LOCAL enable_seqscan = off"))  # a few rows: the planner would rightly scan them
        plan = "\n".join(r[0] for r in conn.execute(text("EXPLAIN " + sql), params))
    db.close()
    assert "ix_search_index_site_visit_trgm" in plan, plan


def test_a_connection_the_server_dropped_is_replaced_after_a_pause(pg_url, monkeypatch):
    """Connections are not pinged before every use (a round trip per save), but one left idle is: a server
    restarted meanwhile costs nobody an error."""
    from counsel_desk.store import server

    db = open_database(pg_url)
    ctx = ServiceContext.for_database(db, "主任", "north")
    vid = _visit(ctx)
    with db.engine.connect() as conn:
        pid = conn.execute(text("SELECT pg_backend_pid()")).scalar()
    killer = open_database(pg_url)
    with killer.engine.begin() as other:
        other.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
    killer.close()
    monkeypatch.setattr(server, "PING_AFTER_IDLE_S", 0.0)
    assert VisitService(ctx, today=TODAY).get(vid).findings == "老屋改建"
    db.close()


@pytest.mark.both_engines
def test_opening_a_visit_with_its_follow_ups_is_one_statement(db, services):
    vid = _visit(services)
    visits = VisitService(services, today=TODAY)
    with Statements(db.engine) as seen:
        data = visits.get(vid)
    assert len([s for s in seen.sql if not s.startswith(("PRAGMA", "BEGIN", "SAVEPOINT", "RELEASE"))]) == 1, seen.sql
    assert (data.purpose, data.findings, data.version) == ("了解返鄉青年需求", "老屋改建", 1)
    assert [f.description for f in data.followups] == ["寄送補助辦法"] and data.followups[0].version == 1
    assert len(data.counselor_ids) == 1 and data.attachments == []


def test_a_connection_keeps_its_prepared_statements_and_a_search_is_planned_for_its_word(pg_url):
    """psycopg prepares a statement a connection runs again (store/server.PREPARE_AFTER) and forgets them all at a
    ROLLBACK: the editor's open and a list's search run outside a transaction (base.reading), so a save's statements
    stay prepared on the server, planned once. A search is never prepared: a generic plan would serve every word."""
    db = open_database(pg_url)
    ctx = ServiceContext.for_database(db, "主任", "north")
    vid = _visit(ctx)
    visits, source = VisitService(ctx, today=TODAY), VisitListSource(ctx, today=TODAY)
    for n in range(7):
        data = visits.get(vid)
        data.notes = f"第 {n} 次補充"
        visits.save(data)
        assert source.ids(ListQuery(search="老屋改建"), limit=50) == [vid]
    with db.engine.connect() as conn:  # the pool's one connection
        prepared = conn.execute(text("SELECT statement FROM pg_prepared_statements")).scalars().all()
    db.close()
    assert any("FROM site_visit v LEFT JOIN followup f" in p for p in prepared), prepared  # the editor's open
    assert any("UPDATE site_visit SET" in p for p in prepared), prepared  # the compare-and-set
    assert not [p for p in prepared if "body_lower LIKE" in p], prepared


def test_a_servers_save_hands_its_audit_entry_over_with_the_compare_and_set(pg_url):
    """On a server the visit's audit entry goes to the server inside the compare-and-set's statement (one round trip
    less); a follow-up changed in the same save still has its own entry, after the visit's, and the chain stays
    whole."""
    db = open_database(pg_url)
    ctx = ServiceContext.for_database(db, "主任", "north")
    vid = _visit(ctx)
    visits = VisitService(ctx, today=TODAY)
    data = visits.get(vid)
    data.notes, data.followups[0].owner = "再改一次", "李小華"
    visits.save(data)
    with db.engine.connect() as conn:
        last = conn.execute(text("SELECT action, entity, entity_id FROM audit_log ORDER BY seq DESC LIMIT 3")).all()
    with db.session() as s:
        assert audit.verify(s).ok
    db.close()
    assert [tuple(r) for r in reversed(last)] == [("create", "followup", data.followups[0].id),
                                                   ("update", "site_visit", vid),
                                                   ("update", "followup", data.followups[0].id)]


def test_a_save_refused_by_a_conflict_leaves_the_prepared_statements_in_place(pg_url):
    """A save refused before it wrote anything ends its transaction with COMMIT (base.refused_unwritten): a ROLLBACK
    would make psycopg forget every prepared statement, and 20 people saving the same visits meet conflicts often."""
    ann_db, ben_db = open_database(pg_url), open_database(pg_url)
    ann_ctx = ServiceContext.for_database(ann_db, "安", "north")
    vid = _visit(ann_ctx)
    ann, ben = VisitService(ann_ctx, today=TODAY), VisitService(ServiceContext.for_database(ben_db, "本", "north"),
                                                                  today=TODAY)
    for n in range(3):
        data = ann.get(vid)
        data.notes = f"第 {n} 次"
        ann.save(data)
    mine, theirs = ann.get(vid), ben.get(vid)
    theirs.notes = "本的補充"
    ben.save(theirs)
    mine.notes = "安的補充"
    with pytest.raises(SaveConflict):
        ann.save(mine)
    with ann_db.engine.connect() as conn:
        prepared = conn.execute(text("SELECT statement FROM pg_prepared_statements")).scalars().all()
    ann_db.close()
    ben_db.close()
    assert any("UPDATE site_visit SET" in p for p in prepared), prepared


def test_a_servers_save_writes_the_search_text_with_the_compare_and_set_as_the_index_would(pg_url):
    """The search text written inside the compare-and-set's statement (base.Along) is the text index_visit writes;
    a visit whose search row went missing gets it back (the row is upserted)."""
    from types import SimpleNamespace

    from counsel_desk.services.visits.visits import VISIT_FIELDS, index_visit

    db = open_database(pg_url)
    ctx = ServiceContext.for_database(db, "主任", "north")
    vid = _visit(ctx)
    visits = VisitService(ctx, today=TODAY)
    body_sql = text("SELECT b.body FROM search_index_site_visit b JOIN search_index_doc d ON d.rowid = b.rowid "
                    "WHERE d.record_id = :v")
    for n, notes in enumerate(("咖啡館老闆想擴大營業", "市集攤位改在週末")):
        if n:
            with db.engine.begin() as conn:
                conn.execute(text("DELETE FROM search_index_site_visit WHERE rowid = (SELECT rowid FROM "
                                  "search_index_doc WHERE record_id = :v)"), {"v": vid})
        data = visits.get(vid)
        data.notes = notes
        visits.save(data)
        with db.engine.connect() as conn:
            written = conn.execute(body_sql, {"v": vid}).scalar()
        with db.session() as s:
            index_visit(s, SimpleNamespace(id=vid, **{k: getattr(data, k) for k in VISIT_FIELDS}))
            indexed = s.connection().execute(body_sql, {"v": vid}).scalar()
        assert written == indexed and notes in written
        assert VisitListSource(ctx, today=TODAY).ids(ListQuery(search=notes[:2]), limit=50) == [vid]
    db.close()


def test_the_servers_print_of_the_follow_ups_is_the_editors(pg_url):
    """A save knows the follow-ups are held as stored from the read's print of them (Stored.followup_prints); the
    print the program makes of the editor's drafts must be the server's, whatever the values (dates, closed, text
    over lines), and differ as soon as one value does."""
    from counsel_desk.services.visits.visit_reads import followup_prints, read_stored

    db = open_database(pg_url)
    ctx = ServiceContext.for_database(db, "主任", "north")
    vid = _visit(ctx)
    visits = VisitService(ctx, today=TODAY)
    data = visits.get(vid)
    data.followups.append(FollowUpDraft(description="結案：已寄出\n第二行 ", owner="李小華", due_date=date(2026, 11, 30),
                                        status="closed", followup_date=date(2026, 11, 26), result="對方已收到"))
    visits.save(data)
    data = visits.get(vid)
    with db.engine.connect() as conn:
        stored = read_stored(conn, vid)
    db.close()
    assert stored is not None and len(data.followups) == 2
    assert stored.followup_prints == followup_prints(data.followups)
    data.followups[1].result = "對方已收到。"
    assert stored.followup_prints != followup_prints(data.followups)

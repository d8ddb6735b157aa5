"""Many people on one server: a lost update becomes a conflict she decides; the server refuses another
center's records (row-level security); the audit log names each login. Two real connections each."""

from __future__ import annotations

import threading
import time
from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm.exc import StaleDataError

from counsel_desk import errors
from counsel_desk.models import Organization, SiteVisit
from counsel_desk.services import base
from counsel_desk.services.base import SaveConflict, ServiceContext
from counsel_desk.services.people.people import PeopleService
from counsel_desk.services.visits.visits import VisitData, VisitService
from counsel_desk.store import open_database, server_roles

TODAY = date(2026, 11, 26)


def _visit(ctx: ServiceContext, purpose: str = "了解返鄉青年需求") -> str:
    me = PeopleService(ctx).create_counselor("王小明").id
    service = VisitService(ctx, today=TODAY)
    town = service.townships("10014")[0].id
    return service.create(VisitData(visit_date=TODAY, county_code="10014", township_code=town, counselor_ids=[me],
                                    purpose=purpose, findings="老屋改建"))


@pytest.fixture
def two(pg_url):
    """Two people, each with their own connection to the same server database."""
    a, b = open_database(pg_url), open_database(pg_url)
    yield ServiceContext.for_database(a, "陳主任", "north"), ServiceContext.for_database(b, "林輔導員", "north")
    a.close()
    b.close()


def test_a_lost_update_becomes_a_conflict_with_both_values(two):
    ann, ben = two
    vid = _visit(ann)
    ann_edit, ben_edit = VisitService(ann, today=TODAY).get(vid), VisitService(ben, today=TODAY).get(vid)
    ann_edit.findings = "老屋改建為咖啡館"
    VisitService(ann, today=TODAY).save(ann_edit)
    ben_edit.findings = "老屋改建為民宿"
    with pytest.raises(SaveConflict) as err:
        VisitService(ben, today=TODAY).save(ben_edit)
    conflict = err.value
    assert [(f.name, f.mine, f.theirs) for f in conflict.fields] == [("findings", "老屋改建為民宿", "老屋改建為咖啡館")]
    assert conflict.version == 2 and "陳主任" in conflict.saved_by and "陳主任" in conflict.message
    assert VisitService(ann, today=TODAY).get(vid).findings == "老屋改建為咖啡館"  # nothing overwritten
    # she decides: her value, saved over the version she has now seen
    ben_edit.version = conflict.version
    VisitService(ben, today=TODAY).save(ben_edit)
    stored = VisitService(ann, today=TODAY).get(vid)
    assert (stored.findings, stored.version) == ("老屋改建為民宿", 3)


def test_a_save_waits_for_the_other_transaction_and_then_conflicts(two):
    """Both read version 1; the first holds the row (FOR UPDATE) until it commits; the second then sees 2."""
    ann, ben = two
    vid = _visit(ann)
    ben_edit = VisitService(ben, today=TODAY).get(vid)
    ben_edit.purpose = "第二位同仁的修改"
    outcome: list[BaseException | None] = []
    with ann.session_factory() as s:
        visit = base.load_for_update(s, SiteVisit, vid)
        base.update(s, visit, "陳主任", "site_visit", {"purpose": "第一位同仁的修改"})

        def second() -> None:
            try:
                VisitService(ben, today=TODAY).save(ben_edit)
                outcome.append(None)
            except BaseException as exc:  # noqa: BLE001 — handed to the test's thread
                outcome.append(exc)

        t = threading.Thread(target=second)
        t.start()
        time.sleep(0.5)
        assert not outcome  # blocked on the row lock, not saved over it
        s.commit()
    t.join(10)
    assert outcome and isinstance(outcome[0], SaveConflict)
    assert [(f.name, f.mine, f.theirs) for f in outcome[0].fields] == [("purpose", "第二位同仁的修改", "第一位同仁的修改")]
    assert VisitService(ann, today=TODAY).get(vid).purpose == "第一位同仁的修改"


@pytest.mark.both_engines
def test_every_orm_save_is_a_compare_and_set_on_the_version(db):
    """Even a service without its own check can't overwrite a newer row: the ORM's UPDATE names the version."""
    ctx = ServiceContext.for_database(db, "測試", "north")
    org_id = PeopleService(ctx).create_organization("山海烘豆", "shop").id
    with db.session_factory() as one, db.session_factory() as two:
        first, second = one.get(Organization, org_id), two.get(Organization, org_id)
        base.update(one, first, "甲", "organization", {"phone": "089-111111"})
        one.commit()
        with pytest.raises(StaleDataError) as err:
            base.update(two, second, "乙", "organization", {"phone": "089-222222"})
        two.rollback()
    assert "沒有覆蓋對方的內容" in errors.known(err.value).message
    with db.session_factory() as s:
        assert s.get(Organization, org_id).phone == "089-111111"


@pytest.fixture
def secured(pg_server, pg_url):
    """The server initialised (roles, policies) and two logins: a north counselor and an HQ reader."""
    owner = open_database(pg_url)
    with owner.engine.begin() as conn:
        server_roles.apply(conn, server_roles.init_sql())
        server_roles.apply(conn, server_roles.person_sql("wang", center="north"))
        server_roles.apply(conn, server_roles.person_sql("chen.hq", hq=True))
    owner_ctx = ServiceContext.for_database(owner, "主任", "north")
    north = _visit(owner_ctx)
    south = _visit(ServiceContext.for_database(owner, "南區", "south"))
    yield owner, north, south, pg_url
    owner.close()


def _as(url: str, login: str):
    return open_database(url.replace("postgres@", f"{login}@", 1))


def test_row_level_security_refuses_another_centers_update_at_the_server(secured):
    _owner, north, south, url = secured
    wang = _as(url, "wang")
    try:
        with wang.engine.connect() as c:
            assert c.execute(text("SELECT count(*) FROM site_visit")).scalar() == 2  # reads every center
        with pytest.raises(DBAPIError) as err, wang.engine.begin() as c:
            c.execute(text("UPDATE site_visit SET purpose = '改別區的資料' WHERE id = :i"), {"i": south})
        assert "row-level security" in str(err.value)
        with pytest.raises(DBAPIError), wang.engine.begin() as c:  # nor move it into her own center
            c.execute(text("UPDATE site_visit SET center_code = 'north' WHERE id = :i"), {"i": south})
        with wang.engine.begin() as c:  # her own center's record: allowed
            assert c.execute(text("UPDATE site_visit SET purpose = '本區修改' WHERE id = :i"), {"i": north}).rowcount == 1
        # through the services the refusal is a message, and nothing is written
        ctx = ServiceContext.for_database(wang, "王小明", "north")
        data = VisitService(ctx, today=TODAY).get(south)
        data.findings = "越區修改"
        with pytest.raises(Exception) as err2:
            VisitService(ctx, today=TODAY).save(data)
        assert "row-level security" in str(err2.value)
        assert VisitService(ctx, today=TODAY).get(south).findings == "老屋改建"
        # her saves are audited under her own login, and the server refuses an entry naming someone else
        data = VisitService(ctx, today=TODAY).get(north)
        data.findings = "本區訪視補充"
        VisitService(ctx, today=TODAY).save(data)
        with wang.engine.connect() as c:
            assert c.execute(text("SELECT actor FROM audit_log ORDER BY seq DESC LIMIT 1")).scalar() == "王小明 [wang]"
        with pytest.raises(DBAPIError), wang.engine.begin() as c:
            c.execute(text("INSERT INTO audit_log (at, actor, action, entity, entity_id, detail, prev_hash, hash) "
                           "VALUES (now(), '主任 [postgres]', 'update', 'site_visit', :i, '{}', '', '')"), {"i": north})
    finally:
        wang.close()


def test_headquarters_reads_and_consolidates_every_center(secured):
    _owner, north, south, url = secured
    hq = _as(url, "chen.hq")
    try:
        with hq.engine.begin() as c:
            assert c.execute(text("SELECT count(*) FROM site_visit")).scalar() == 2
            assert c.execute(text("UPDATE site_visit SET notes = '總部彙整' WHERE id IN (:a, :b)"),
                             {"a": north, "b": south}).rowcount == 2
    finally:
        hq.close()

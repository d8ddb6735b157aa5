"""Support records with counselors (and from a visit), public spaces with the NT$5,000,000 cap and
linked proposals, center events with photos; each list filters and searches in SQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text
from sqlmodel import select

from counsel_desk.errors import UserError, ValidationError
from counsel_desk.models import Attachment, AuditEntry, Proposal
from counsel_desk.services import base
from counsel_desk.services.workstations import events as ev
from counsel_desk.services.workstations import spaces as sp
from counsel_desk.services.workstations import support as su
from counsel_desk.services.workstations import workstations as ws
from counsel_desk.services.listing import ListQuery
from counsel_desk.services.people.people import PeopleService
from counsel_desk.services.workstations.program_lists import EventListSource, PublicSpaceListSource, SupportListSource
from counsel_desk.services.visits.visits import VisitData, VisitService


def place(db, town: str) -> tuple[str, str]:
    with db.session() as s:
        return tuple(s.connection().execute(text("SELECT county_code, code FROM township WHERE name=:n"),
                                            {"n": town}).one())


@pytest.fixture
def setup(db, services):
    county, town = place(db, "關西鎮")
    station = ws.create_workstation(services, {"name": "關西青年培力工作站", "county_code": county,
                                               "township_code": town, "fulltime_staff": 2})
    people = PeopleService(services)
    return station, people.create_counselor("陳輔導"), people.create_counselor("林輔導"), county, town


def add_proposal(db, county: str, town: str, title: str, station_id: str | None = None) -> Proposal:
    with db.session() as s:
        p = base.create(s, Proposal(center_code="north", title=title, applicant_type="company", county_code=county,
                                    township_code=town, route="multi", workstation_id=station_id), "t", "proposal")
        s.commit()
        return p


def audit_details(db, entity: str) -> list[tuple[str, str]]:
    with db.session() as s:
        return list(s.exec(select(AuditEntry.action, AuditEntry.detail).where(AuditEntry.entity == entity)
                           .order_by(AuditEntry.seq)))


# --- support records ------------------------------------------------------------------------------
def test_support_record_with_counselors_is_searchable_and_audited(db, services, setup):
    station, chen, lin, *_ = setup
    rec = su.create_support_record(services, {"workstation_id": station.id, "support_date": date(2026, 11, 2),
                                              "kind": "matching", "hours": 1.5, "participants": 4,
                                              "topics": "媒合農會通路", "outcome": "約定下月試賣"}, [chen.id])
    src = SupportListSource(db.session_factory)
    assert src.ids(ListQuery(search="農會")) == [rec.id]
    assert src.ids(ListQuery(search="陳輔導")) == [rec.id]
    su.update_support_record(services, rec.id, {"hours": 2.0}, [chen.id, lin.id])
    view = su.get_support_record(services, rec.id)
    assert sorted(view.counselor_ids) == sorted([chen.id, lin.id])
    assert view.record.hours == 2.0 and view.record.version == 3  # the field and the counselors each changed it
    assert src.ids(ListQuery(filters={"counselor_id": lin.id})) == [rec.id]
    row = src.rows([rec.id])[rec.id]
    assert (row["date"], row["kind"], row["hours"], row["workstation"]) == ("115/11/02", "資源媒合", "2.0", station.name)
    assert row["counselors"] == "林輔導、陳輔導"
    su.delete_support_record(services, rec.id)
    assert src.ids(ListQuery()) == []
    actions = [a for a, _ in audit_details(db, "support_record")]
    assert actions == ["create", "update", "update", "update", "delete"]


def test_support_record_rules(services, setup):
    station, chen, *_ = setup
    good = {"workstation_id": station.id, "support_date": date(2026, 11, 2), "kind": "consultation", "hours": 1,
            "topics": "諮詢"}
    with pytest.raises(ValidationError) as e:
        su.create_support_record(services, good, [])
    assert e.value.field == "counselor_ids"
    with pytest.raises(ValidationError) as e:
        su.create_support_record(services, {**good, "hours": 0}, [chen.id])
    assert e.value.field == "hours"
    with pytest.raises(ValidationError) as e:
        su.create_support_record(services, {**good, "topics": " "}, [chen.id])
    assert e.value.field == "topics"
    with pytest.raises(ValidationError) as e:
        su.create_support_record(services, {**good, "workstation_id": None}, [chen.id])
    assert e.value.field == "workstation_id"


def test_support_record_from_a_visit(db, services, setup):
    station, chen, lin, county, town = setup
    visit_id = VisitService(services, today=date(2026, 11, 26)).create(VisitData(
        visit_date=date(2026, 11, 20), county_code=county, township_code=town, counselor_ids=[chen.id, lin.id],
        workstation_id=station.id, visited_name="關西工作站", purpose="了解駐點進度"))
    start = su.defaults_from_visit(services, visit_id)
    assert start["support_date"] == date(2026, 11, 20) and start["workstation_id"] == station.id
    assert start["kind"] == "visit" and sorted(start["counselor_ids"]) == sorted([chen.id, lin.id])
    ids = start.pop("counselor_ids")
    rec = su.create_support_record(services, {**start, "hours": 2}, ids)
    assert su.get_support_record(services, rec.id).visit_label == "115/11/20 關西工作站"
    src = SupportListSource(db.session_factory)
    assert src.ids(ListQuery(filters={"visit_id": visit_id})) == [rec.id]
    assert src.ids(ListQuery(filters={"county_code": county, "kind": "visit"})) == [rec.id]
    assert src.ids(ListQuery(filters={"date_from": date(2026, 11, 21)})) == []
    assert "訪視 115/11/20 關西工作站" in src.rows([rec.id])[rec.id]["linked"]
    assert ws.figures(services, station.id).visits == 1


# --- public spaces --------------------------------------------------------------------------------
def test_public_space_cap_and_proposal_links(db, services, setup):
    station, _c, _l, county, town = setup
    fields = {"name": "關西舊穀倉", "owning_agency": "關西鎮公所", "county_code": county, "township_code": town,
              "subsidy": 5_500_000, "status": "renovating", "year_approved": 113}
    with pytest.raises(ValidationError) as e:
        sp.create_space(services, fields)
    assert "NT$5,500,000" in e.value.zh and "NT$5,000,000" in e.value.zh and e.value.field == "subsidy"
    space = sp.create_space(services, {**fields, "subsidy": 5_000_000})
    proposal = add_proposal(db, county, town, "穀倉青年共創基地")
    assert [p.id for p in sp.proposal_candidates(services, "穀倉")] == [proposal.id]
    sp.link_proposal(services, space.id, proposal.id)
    assert [p.title for p in sp.linked_proposals(services, space.id)] == ["穀倉青年共創基地"]
    assert sp.proposal_candidates(services, "穀倉") == []
    other = sp.create_space(services, {**fields, "name": "關西老郵局", "subsidy": 1_000_000})
    with pytest.raises(ValidationError) as e:
        sp.link_proposal(services, other.id, proposal.id)
    assert "關西舊穀倉" in e.value.zh
    src = PublicSpaceListSource(db.session_factory)
    row = src.rows([space.id])[space.id]
    assert (row["proposals"], row["subsidy"], row["status"]) == (1, 5_000_000, "整修中")
    assert src.ids(ListQuery(search="穀倉")) == [space.id]
    assert src.ids(ListQuery(sort_key="proposals", descending=True))[0] == space.id
    sp.unlink_proposal(services, proposal.id)
    assert sp.linked_proposals(services, space.id) == []
    # the proposal's own history shows both changes
    assert [a for a, d in audit_details(db, "proposal") if "public_space_id" in d][1:] == ["update", "update"]
    sp.delete_space(services, other.id)
    assert src.ids(ListQuery()) == [space.id]


# --- center events --------------------------------------------------------------------------------
def test_events_with_photos(db, services, tmp_path):
    county, _ = place(db, "關西鎮")
    event = ev.create_event(services, {"event_date": date(2026, 11, 12), "title": "客庄青年交流會", "kind": "exchange",
                                       "place": "關西老街", "county_code": county, "partners": "關西鎮公所",
                                       "participants": 45, "record": "三組團隊分享。"})
    photo = tmp_path / "合照.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    item = ev.add_photo(services, db.attachments_dir, event.id, photo)
    assert ev.add_photo(services, db.attachments_dir, event.id, photo).id == item.id  # once per file
    from counsel_desk.services.attachments import stored_path

    assert stored_path(db.attachments_dir, item.sha256, "合照.jpg").exists()
    with db.session() as s:
        assert s.exec(select(Attachment.owner_type).where(Attachment.id == item.id)).one() == "center_event"
    with pytest.raises(ValidationError):
        ev.add_photo(services, db.attachments_dir, event.id, tmp_path / "notes.txt")
    src = EventListSource(db.session_factory)
    row = src.rows([event.id])[event.id]
    assert (row["date"], row["kind"], row["photos"], row["participants"]) == ("115/11/12", "交流", 1, 45)
    assert src.ids(ListQuery(search="老街")) == [event.id]
    assert src.ids(ListQuery(filters={"kind": "learning"})) == []
    assert src.ids(ListQuery(filters={"date_from": "2026-11-01", "date_to": "2026-11-30"})) == [event.id]
    ev.remove_photo(services, db.attachments_dir, item.id)
    assert ev.photos(services, db.attachments_dir, event.id) == []
    ev.update_event(services, event.id, {"participants": 50})
    assert ev.get_event(services, event.id).participants == 50
    with pytest.raises(ValidationError):
        ev.update_event(services, event.id, {"title": ""})
    ev.delete_event(services, event.id)
    with pytest.raises(UserError):
        ev.get_event(services, event.id)
    assert src.ids(ListQuery()) == []

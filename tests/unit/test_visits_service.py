"""Site visits as a service: one-transaction saves, validation by field, search, soft delete + undo, audit,
the visit list's filters and SQL sorting, drafts, attachments and inline people."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import text

from counsel_desk.errors import UserError, ValidationError
from counsel_desk.services.attachments import AttachmentService
from counsel_desk.services.visits.drafts import DraftStore
from counsel_desk.services.visits.followups import FollowUpDraft
from counsel_desk.services.listing import ListQuery
from counsel_desk.services.people.people import PeopleService
from counsel_desk.services.visits.visit_list import VisitListSource
from counsel_desk.services.visits.visits import VisitData, VisitService

TODAY = date(2026, 11, 26)
HSINCHU, GUANXI, HSINCHU_CITY_EAST = "10004", "10004040", "10018010"


@pytest.fixture
def people(services):
    return PeopleService(services)


@pytest.fixture
def visits(services):
    return VisitService(services, today=TODAY)


@pytest.fixture
def two_counselors(people):
    return [people.create_counselor("王小明").id, people.create_counselor("林美玲").id]


def _town(visits, county_code):
    return visits.townships(county_code)[0].id


def _visit(visits, counselors, **kw) -> VisitData:
    county = kw.pop("county_code", None) or visits.counties()[0].id
    return VisitData(visit_date=kw.pop("visit_date", TODAY - timedelta(days=3)), county_code=county,
                     township_code=kw.pop("township_code", None) or _town(visits, county),
                     counselor_ids=kw.pop("counselor_ids", counselors), **kw)


def _audit(db, entity=None):
    with db.session() as s:
        sql = "SELECT action, entity, entity_id, detail FROM audit_log"
        rows = s.connection().execute(text(sql + (" WHERE entity = :e" if entity else "") + " ORDER BY seq"),
                                      {"e": entity}).all()
    return [(a, e, i, json.loads(d or "{}")) for a, e, i, d in rows]


def test_create_saves_the_visit_with_its_people_and_followups_and_audits_it(db, visits, people, two_counselors):
    org = people.create_organization("山海咖啡館", "shop")
    contact = people.create_contact(org.id, "陳怡君", "負責人")
    data = _visit(visits, two_counselors, organization_id=org.id, contact_ids=[contact.id], visited_name="山海咖啡館",
                  findings="返鄉青年經營咖啡烘焙", followups=[
                      FollowUpDraft("整理報價單", owner="王小明", due_date=TODAY + timedelta(days=7)),
                      FollowUpDraft("聯絡公所承辦人", due_date=TODAY - timedelta(days=1))])
    vid = visits.create(data)
    got = visits.get(vid)
    assert sorted(got.counselor_ids) == sorted(two_counselors)
    assert got.contact_ids == [contact.id]
    assert [f.description for f in got.followups] == ["整理報價單", "聯絡公所承辦人"]
    assert got.version == 1 and got.findings == "返鄉青年經營咖啡烘焙"
    creates = [(e, d) for a, e, i, d in _audit(db) if a == "create" and e in ("site_visit", "followup")]
    assert [e for e, _ in creates] == ["site_visit", "followup", "followup"]
    assert sorted(creates[0][1]["counselor_ids"]) == sorted(two_counselors)


def test_validation_names_every_field_in_chinese(visits, two_counselors):
    taipei, hsinchu = "63000", HSINCHU
    with pytest.raises(ValidationError) as err:
        visits.create(VisitData(visit_date=None, county_code=taipei, township_code=_town(visits, hsinchu),
                                counselor_ids=[], mode="walk"))
    fields = [p.field for p in err.value.problems]
    assert fields == ["visit_date", "township_code", "mode", "counselor_ids"]
    assert "請填寫訪視日期" in str(err.value)
    assert "不在臺北市" in err.value.problems[1].zh


def test_far_future_and_ancient_dates_are_refused(visits, two_counselors):
    with pytest.raises(ValidationError, match="太遠了") as err:
        visits.create(_visit(visits, two_counselors, visit_date=TODAY + timedelta(days=400)))
    assert err.value.field == "visit_date"
    with pytest.raises(ValidationError, match="太早了"):
        visits.create(_visit(visits, two_counselors, visit_date=date(1926, 11, 26)))
    assert visits.create(_visit(visits, two_counselors, visit_date=TODAY + timedelta(days=7)))


def test_closed_followup_without_date_and_result_blocks_the_save(visits, two_counselors):
    data = _visit(visits, two_counselors, followups=[FollowUpDraft("送件", status="closed")])
    with pytest.raises(ValidationError) as err:
        visits.create(data)
    assert [p.field for p in err.value.problems] == ["followups.0.followup_date", "followups.0.result"]


def test_update_audits_the_diff_and_refuses_a_stale_version(db, visits, two_counselors):
    vid = visits.create(_visit(visits, two_counselors, purpose="了解需求"))
    data = visits.get(vid)
    data.purpose = "協助撰寫提案"
    data.counselor_ids = two_counselors[:1]
    changed = visits.update(vid, data)
    assert set(changed) == {"purpose", "counselor_ids"}
    last = _audit(db, "site_visit")[-1]
    assert last[0] == "update" and set(last[3]) == {"purpose", "counselor_ids"}  # free text may be redacted
    assert visits.update(vid, data) == {}  # her old version, but nothing of hers differs from what is stored
    data.purpose = "再改一次"
    with pytest.raises(UserError, match="已被他處修改"):
        visits.update(vid, data)  # data.version is the old one and the stored purpose is not hers


def test_a_change_of_the_people_present_alone_is_a_new_version(db, visits, two_counselors):
    vid = visits.create(_visit(visits, two_counselors[:1]))
    data = visits.get(vid)
    data.counselor_ids = two_counselors
    assert visits.update(vid, data) == {"counselor_ids": [[two_counselors[0]], sorted(two_counselors)]}
    assert visits.get(vid).version == data.version + 1
    assert visits.update(vid, visits.get(vid)) == {}  # saved again unchanged: no new version, no audit entry
    assert visits.get(vid).version == data.version + 1
    assert [e[0] for e in _audit(db, "site_visit")] == ["create", "update"]


def test_saving_followups_edits_adds_and_removes(visits, two_counselors):
    vid = visits.create(_visit(visits, two_counselors, followups=[FollowUpDraft("甲"), FollowUpDraft("乙")]))
    data = visits.get(vid)
    first = data.followups[0]
    first.status, first.followup_date, first.result = "closed", TODAY, "已完成"
    data.followups = [first, FollowUpDraft("丙")]
    visits.update(vid, data)
    got = visits.get(vid)
    assert [(f.description, f.status) for f in got.followups] == [("甲", "closed"), ("丙", "open")]
    assert got.followups[0].id == first.id


@pytest.mark.parametrize("word", ["咖啡", "咖啡烘焙", "林美玲", "新竹縣", "關西鎮"])
def test_search_matches_every_field_and_the_names_around_the_visit(services, visits, two_counselors, word):
    vid = visits.create(_visit(visits, two_counselors, county_code=HSINCHU, township_code=GUANXI,
                               findings="返鄉青年在老街經營咖啡烘焙"))
    other = visits.create(_visit(visits, two_counselors[:1], findings="稻米產銷"))
    src = VisitListSource(services, today=TODAY)
    assert src.ids(ListQuery(search=word)) == [vid]
    assert src.ids(ListQuery(search="王小明")) == [other, vid]


def test_delete_hides_the_visit_and_its_followups_and_undo_brings_them_back(db, services, visits, two_counselors):
    vid = visits.create(_visit(visits, two_counselors, findings="竹編工藝", followups=[FollowUpDraft("甲"),
                                                                                     FollowUpDraft("乙")]))
    data = visits.get(vid)
    data.followups = data.followups[:1]  # 乙 removed on purpose before the visit is deleted
    visits.update(vid, data)
    src = VisitListSource(services, today=TODAY)
    visits.delete(vid)
    assert src.ids(ListQuery()) == [] and src.ids(ListQuery(search="竹編")) == []
    with pytest.raises(UserError):
        visits.get(vid)
    visits.undo_delete(vid)
    assert src.ids(ListQuery(search="竹編")) == [vid]
    assert [f.description for f in visits.get(vid).followups] == ["甲"]
    actions = [(a, e) for a, e, i, _ in _audit(db) if a in ("delete", "undelete")]
    assert ("delete", "site_visit") in actions and ("undelete", "site_visit") in actions
    assert ("undelete", "followup") in actions


def test_list_filters(services, visits, people, two_counselors):
    a, b = two_counselors
    v1 = visits.create(_visit(visits, [a], county_code=HSINCHU, township_code=GUANXI, mode="phone",
                              visit_date=date(2026, 10, 5),
                              followups=[FollowUpDraft("逾期", due_date=date(2026, 11, 1))]))
    v2 = visits.create(_visit(visits, [b], county_code="10018", township_code=HSINCHU_CITY_EAST,
                              visit_date=date(2026, 11, 20),
                              followups=[FollowUpDraft("未到期", due_date=date(2026, 12, 20))]))
    v3 = visits.create(_visit(visits, [a, b], visit_date=date(2026, 11, 25)))
    src = VisitListSource(services, today=TODAY)

    def ids(**filters):
        return set(src.ids(ListQuery(filters=filters)))

    assert ids() == {v1, v2, v3}
    assert ids(date_from=date(2026, 11, 1)) == {v2, v3}
    assert ids(date_from="2026-10-01", date_to="2026-11-20") == {v1, v2}
    assert ids(county_code=HSINCHU) == {v1}
    assert ids(township_code=HSINCHU_CITY_EAST) == {v2}
    assert ids(counselor_id=b) == {v2, v3}
    assert ids(mode="phone") == {v1}
    assert ids(followups="open") == {v1, v2}
    assert ids(followups="overdue") == {v1}
    assert ids(followups="no_open") == {v3}
    assert src.count({"counselor_id": a}) == 2


def test_every_column_sorts_in_sql_both_ways(services, visits, two_counselors):
    made = [visits.create(_visit(visits, two_counselors[: 1 + n % 2], visit_date=TODAY - timedelta(days=n),
                                 visited_name=f"單位{n}", purpose=f"目的{n}", mode=["onsite", "phone"][n % 2],
                                 followups=[FollowUpDraft("x") for _ in range(n % 3)]))
            for n in range(5)]
    src = VisitListSource(services, today=TODAY)
    assert src.ids(ListQuery()) == made  # newest first by default
    for col in src.columns:
        up = src.ids(ListQuery(sort_key=col.key))
        down = src.ids(ListQuery(sort_key=col.key, descending=True))
        assert sorted(up) == sorted(made) == sorted(down), col.key
    assert src.ids(ListQuery(sort_key="visit_date")) == made[::-1]
    assert src.ids(ListQuery(sort_key="visited")) == made
    counts = [src.rows([i])[i]["open_followups"] for i in src.ids(ListQuery(sort_key="open_followups"))]
    assert counts == sorted(counts)


def test_rows_show_roc_dates_names_and_counselors(services, visits, two_counselors):
    vid = visits.create(_visit(visits, two_counselors, county_code=HSINCHU, township_code=GUANXI,
                               visit_date=date(2026, 10, 20), mode="video", visited_name="關西鎮公所",
                               followups=[FollowUpDraft("甲", due_date=date(2026, 11, 1))]))
    row = VisitListSource(services, today=TODAY).rows([vid])[vid]
    assert row["visit_date"] == "115/10/20"
    assert (row["county"], row["township"], row["mode"]) == ("新竹縣", "關西鎮", "視訊")
    assert row["counselors"] == "林美玲、王小明" or row["counselors"] == "王小明、林美玲"
    assert row["open_followups"] == 1 and row["_highlight"] == "warning"


@pytest.mark.sqlite_only
def test_default_order_and_filters_use_indexes(db, services):
    src = VisitListSource(services, today=TODAY)
    with db.session() as s:
        for query in (ListQuery(), ListQuery(sort_key="visit_date"), ListQuery(filters={"county_code": HSINCHU})):
            sql, params = src.ids_sql(query)
            plan = " | ".join(r[-1] for r in s.connection().execute(text("EXPLAIN QUERY PLAN " + sql), params))
            if not query.filters:
                assert "TEMP B-TREE" not in plan, plan
            assert "SCAN v" not in plan or "USING INDEX" in plan, plan


def test_drafts_round_trip_and_skip_broken_files(tmp_path, visits, two_counselors):
    store = DraftStore.for_database(tmp_path / "x.db")
    data = _visit(visits, two_counselors, findings="草稿", followups=[FollowUpDraft("甲", due_date=TODAY)])
    store.save("visit", "new-1", {"visit": json.loads(data.to_json()), "date_text": "115/11/23"})
    (store.folder / "visit--broken.json").write_text("{not json", encoding="utf-8")
    (draft,) = store.all("visit")
    assert draft.is_new_record and draft.data["date_text"] == "115/11/23"
    back = VisitData.from_json(draft.data["visit"])
    assert back.findings == "草稿" and back.followups[0].due_date == TODAY
    assert (store.folder / "visit--new-1.json").stat().st_mode & 0o077 == 0
    store.delete("visit", "new-1")
    assert store.load("visit", "new-1") is None


def test_attachments_are_stored_once_by_sha256_with_a_size_limit(tmp_path, services, visits, two_counselors):
    folder = tmp_path / "att"
    service = AttachmentService(services, folder, max_bytes=1000)
    photo = tmp_path / "現場照片.JPG"
    photo.write_bytes(b"x" * 500)
    copy = tmp_path / "copy.jpg"
    copy.write_bytes(b"x" * 500)
    a, b = service.store_file(photo), service.store_file(copy)
    assert a.sha256 == b.sha256 and len(list(folder.iterdir())) == 1
    assert service.path_of(a).name == a.sha256 + ".jpg" and a.media_type == "image/jpeg"
    big = tmp_path / "影片.mp4"
    big.write_bytes(b"y" * 1001)
    with pytest.raises(UserError, match="超過附件上限"):
        service.store_file(big)
    vid = visits.create(_visit(visits, two_counselors, attachments=[a]))
    assert [x.filename for x in visits.get(vid).attachments] == ["現場照片.JPG"]
    data = visits.get(vid)
    data.attachments = []
    visits.update(vid, data)
    assert visits.get(vid).attachments == [] and service.list("site_visit", vid) == []
    assert service.attach("site_visit", vid, photo).id == service.attach("site_visit", vid, copy).id


def test_inline_organisations_and_contacts(people, visits):
    with pytest.raises(ValidationError) as err:
        people.create_organization("  ", "nonsense")
    assert [p.field for p in err.value.problems] == ["name", "kind"]
    with pytest.raises(ValidationError, match="關西鎮不在臺北市"):
        people.create_organization("某協會", "association", "63000", GUANXI)
    org = people.create_organization("關西青年協會", "association", HSINCHU, GUANXI)
    assert org.kind_label == "社團法人"
    assert [o.name for o in people.organizations("青年")] == ["關西青年協會"]
    people.create_contact(org.id, "陳怡君", "理事長", phone="03-587 1234 分機 12", email="yijun@example.org.tw")
    assert [(p.name, p.detail) for p in people.contacts(org.id)] == [("陳怡君", "理事長")]
    with pytest.raises(ValidationError) as err:  # the roster's rules for reaching a person, next to their fields
        people.create_contact(org.id, "", phone="abc", email="bob@")
    assert [p.field for p in err.value.problems] == ["name", "phone", "email"]
    with pytest.raises(ValidationError, match="電話號碼"):
        people.create_organization("某協會", "association", HSINCHU, GUANXI, phone="call me")


def test_a_key_visit_is_flagged_and_listed_in_the_report(db, visits, two_counselors):
    from counsel_desk.reports.figures import compute
    from counsel_desk.services.period import Period

    key = visits.create(_visit(visits, two_counselors, findings="社區共識已形成", key_visit=True))
    plain = visits.create(_visit(visits, two_counselors))
    assert visits.get(key).key_visit and not visits.get(plain).key_visit
    data = visits.get(plain)
    data.key_visit = True
    visits.update(plain, data)
    assert visits.get(plain).key_visit
    f = compute(db.session_factory, "north", Period.month(2026, 11), today=TODAY)
    assert len(f.key_visits) == 2 and "社區共識已形成" in {v.findings for v in f.key_visits}
    assert {v["findings"] for v in f.as_json()["key_visits"]} >= {"社區共識已形成"}

"""The managed 推動課題 list: add a coded topic, rename it, retire it and bring it back, delete only an untagged
one — every change audited; both engines."""

from __future__ import annotations

from datetime import date

import pytest

from counsel_desk.errors import UserError, ValidationError
from counsel_desk.services.places import issue_topics, stocktaking
from counsel_desk.services.people.people import PeopleService
from counsel_desk.services.visits.visits import VisitData, VisitService
from tests.pg_server import driver_sql

pytestmark = pytest.mark.both_engines

HSINCHU, GUANXI = "10004", "10004040"


def _audit(db, topic_id: str) -> list[str]:
    with db.engine.connect() as c:
        return [r[0] for r in driver_sql(c, "SELECT action FROM audit_log WHERE entity = 'issue_topic' "
                                            "AND entity_id = ? ORDER BY seq", (topic_id,)).fetchall()]


def test_a_topic_is_added_renamed_retired_and_brought_back_with_an_audit_trail(db, services):
    t = issue_topics.add_topic(services, "water", "水資源不足", "Too little water")
    uses = {u.topic.code: u for u in issue_topics.topic_uses(services)}
    assert uses["WATER"].topic.name_en == "Too little water" and uses["WATER"].tags == 0
    renamed = issue_topics.rename_topic(services, t.id, " 水資源短缺 ", "Water shortage")
    assert (renamed.code, renamed.name, renamed.name_en) == ("WATER", "水資源短缺", "Water shortage")
    issue_topics.set_topic_active(services, t.id, False)
    assert t.id not in {x.id for x in issue_topics.topics(services)}
    assert [u.topic.active for u in issue_topics.topic_uses(services) if u.topic.id == t.id] == [False]
    issue_topics.set_topic_active(services, t.id, True)
    assert t.id in {x.id for x in issue_topics.topics(services)}
    assert _audit(db, t.id) == ["create", "update", "update", "update"]


def test_a_rename_is_checked_like_a_new_topic(services):
    t = issue_topics.add_topic(services, "WATER", "水資源不足")
    with pytest.raises(ValidationError, match="已經有「人才不足」") as err:
        issue_topics.rename_topic(services, t.id, "人才不足", "")
    assert err.value.field == "name"
    with pytest.raises(ValidationError, match="請填寫課題名稱"):
        issue_topics.rename_topic(services, t.id, "  ", "")
    with pytest.raises(ValidationError, match="64"):
        issue_topics.rename_topic(services, t.id, "長" * 65, "")
    issue_topics.rename_topic(services, t.id, "水資源不足", "Water")  # its own name is no clash
    assert [x.name for x in issue_topics.topics(services) if x.id == t.id] == ["水資源不足"]


def test_a_tagged_topic_is_never_deleted_an_untagged_one_is(db, services):
    counselor = PeopleService(services).create_counselor("王小明").id
    tagged = issue_topics.add_topic(services, "WATER", "水資源不足")
    mistake = issue_topics.add_topic(services, "TYPO", "打錯的課題")
    township_only = issue_topics.add_topic(services, "ROADS", "交通不便")
    visits = VisitService(services)
    vid = visits.save(VisitData(visit_date=date(2026, 11, 3), county_code=HSINCHU, township_code=GUANXI,
                                counselor_ids=[counselor], visited_name="關西鎮公所", topic_ids=[tagged.id]))
    stocktaking.tag_township(services, GUANXI, township_only.id, date(2026, 11, 3))
    uses = {u.topic.code: u for u in issue_topics.topic_uses(services)}
    assert (uses["WATER"].visits, uses["WATER"].townships) == (1, 0)
    assert (uses["ROADS"].visits, uses["ROADS"].townships) == (0, 1)
    with pytest.raises(UserError, match="不能刪除；請改為停用"):
        issue_topics.delete_topic(services, tagged.id)
    with pytest.raises(UserError, match="不能刪除"):
        issue_topics.delete_topic(services, township_only.id)
    # a deleted visit still carries it (the visit may be restored): still not deletable
    visits.delete(vid)
    assert {u.topic.code: u for u in issue_topics.topic_uses(services)}["WATER"].visits == 0
    with pytest.raises(UserError, match="不能刪除"):
        issue_topics.delete_topic(services, tagged.id)
    issue_topics.delete_topic(services, mistake.id)
    assert "TYPO" not in {u.topic.code for u in issue_topics.topic_uses(services)}
    assert _audit(db, mistake.id) == ["create", "delete"]
    with pytest.raises(ValidationError, match="TYPO 已經有了"):  # a deleted topic's code stays taken (sync knows it)
        issue_topics.add_topic(services, "TYPO", "另一個")

"""Township stocktaking: derived status, dated overrides with history, coded 推動課題 on visits and townships."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from counsel_desk.errors import ValidationError
from counsel_desk.models.enums import TownshipStatus
from counsel_desk.services.places import issue_topics, stocktaking
from counsel_desk.services.people.people import PeopleService
from counsel_desk.services.proposals.drafts import ProposalFields
from counsel_desk.services.proposals.editing import create_proposal
from counsel_desk.services.proposals.workflow import move_proposal
from counsel_desk.services.visits.visits import VisitData, VisitService

TODAY = date.today()
HSINCHU, GUANXI = "10004", "10004040"


@pytest.fixture
def counselor(services):
    return PeopleService(services).create_counselor("王小明").id


def _visit(services, counselor, topics=(), town=GUANXI, county=HSINCHU) -> str:
    return VisitService(services).save(VisitData(visit_date=TODAY - timedelta(days=2), county_code=county,
                                                 township_code=town, counselor_ids=[counselor],
                                                 visited_name="關西鎮公所", topic_ids=list(topics)))


def test_seeded_topics_include_the_plans_own_examples(services):
    names = [t.name for t in issue_topics.topics(services)]
    for name in ("地方DNA難以形成商業模式", "地方共識不足", "人才不足", "資金缺口", "土地取得", "法規限制", "通路行銷"):
        assert name in names


def test_status_climbs_from_nothing_to_approved_with_the_records(services, counselor):
    assert stocktaking.standing(services, GUANXI).status is TownshipStatus.NOT_STARTED
    _visit(services, counselor)
    assert stocktaking.standing(services, GUANXI).status is TownshipStatus.CONTACT
    p = create_proposal(services, ProposalFields(title="關西仙草共好", county_code=HSINCHU, township_code=GUANXI))
    assert stocktaking.standing(services, GUANXI).status is TownshipStatus.COUNSELING
    move_proposal(services, p.id, "drafting", "開始撰寫")
    assert stocktaking.standing(services, GUANXI).status is TownshipStatus.WRITING
    # another township is untouched
    assert stocktaking.standing(services, "10004010").status is TownshipStatus.NOT_STARTED


def test_a_dated_note_overrides_the_status_and_the_history_keeps_every_note(services, counselor):
    _visit(services, counselor)
    stocktaking.note_status(services, GUANXI, "counseling", TODAY - timedelta(days=1), "公所已成立地方創生小組")
    st = stocktaking.standing(services, GUANXI)
    assert st.status is TownshipStatus.COUNSELING and st.derived is TownshipStatus.CONTACT and st.overridden
    stocktaking.note_status(services, GUANXI, None, TODAY, "回到推算")
    st = stocktaking.standing(services, GUANXI)
    assert st.status is TownshipStatus.CONTACT and not st.overridden
    history = [e.what for e in stocktaking.township_panel(services, GUANXI).history]
    assert any("公所已成立地方創生小組" in h for h in history) and any("回到推算" in h for h in history)


def test_a_note_needs_its_reason_and_a_date_not_in_the_future(services):
    with pytest.raises(ValidationError, match="理由"):
        stocktaking.note_status(services, GUANXI, "contact", TODAY, " ")
    with pytest.raises(ValidationError, match="還沒到"):
        # "tomorrow" is taken now, not at import: the suite may run across midnight
        stocktaking.note_status(services, GUANXI, "contact", date.today() + timedelta(days=1), "x")
    with pytest.raises(ValidationError, match="狀態"):
        stocktaking.note_status(services, GUANXI, "bogus", TODAY, "x")


def test_topics_tagged_on_visits_and_townships_are_counted_in_the_panel(services, counselor):
    by_name = {t.name: t for t in issue_topics.topics(services)}
    dna, talent = by_name["地方DNA難以形成商業模式"], by_name["人才不足"]
    vid = _visit(services, counselor, [dna.id, talent.id])
    _visit(services, counselor, [talent.id])
    assert VisitService(services).get(vid).topic_ids == [dna.id, talent.id]
    stocktaking.tag_township(services, GUANXI, dna.id, TODAY, "茶產業轉型")
    panel = stocktaking.township_panel(services, GUANXI)
    tallies = {t.label: t for t in panel.topics}
    assert tallies["人才不足"].visits == 2 and tallies["地方DNA難以形成商業模式"].visits == 1
    assert tallies["地方DNA難以形成商業模式"].township_issue_id and tallies["人才不足"].township_issue_id is None
    stocktaking.untag_township(services, tallies["地方DNA難以形成商業模式"].township_issue_id)
    stocktaking.tag_township(services, GUANXI, dna.id, TODAY)  # comes back, not added twice
    assert sum(1 for t in stocktaking.township_panel(services, GUANXI).topics if t.township_issue_id) == 1


def test_managed_topics_can_be_added_and_retired(services):
    t = issue_topics.add_topic(services, "water", "水資源不足")
    assert t.code == "WATER"
    with pytest.raises(ValidationError, match="已經有"):
        issue_topics.add_topic(services, "WATER", "別的")
    with pytest.raises(ValidationError):
        issue_topics.add_topic(services, "水", "中文代碼")
    issue_topics.set_topic_active(services, t.id, False)
    assert t.id not in {x.id for x in issue_topics.topics(services)}
    assert t.id in {x.id for x in issue_topics.topics(services, include_retired=True)}

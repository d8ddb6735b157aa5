"""Search as you type on the visit list: short words through the trigram vocabulary give the same
visits as the exact scan, the cached order follows changes, the first ids come cheaply."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from counsel_desk.services import list_search
from counsel_desk.services.listing import ListQuery
from counsel_desk.services.people.people import PeopleService
from counsel_desk.services.visits.visit_list import VisitListSource
from counsel_desk.services.visits.visits import VisitData, VisitService
from counsel_desk.store import search

TODAY = date(2026, 11, 26)
TEXTS = ["返鄉青年經營咖啡館", "老街咖啡", "茶園轉型體驗", "咖", "青年返鄉協會辦理市集", "Coffee Roasters 咖啡"]


@pytest.fixture
def made(services):
    me = PeopleService(services).create_counselor("王小明").id
    visits = VisitService(services, today=TODAY)
    town = visits.townships("10004")[0].id
    ids = [visits.create(VisitData(visit_date=TODAY - timedelta(days=n), county_code="10004", township_code=town,
                                   counselor_ids=[me], findings=t)) for n, t in enumerate(TEXTS)]
    return visits, dict(zip(TEXTS, ids))


@pytest.mark.parametrize("query", ["咖啡", "咖", "返鄉", "青年", "啡", "coffee", "ro", "咖啡 返鄉", "市集", "不存在"])
def test_short_words_find_what_the_exact_scan_finds(db, services, made, query):
    src = VisitListSource(services, today=TODAY)
    with db.session() as s:
        exact = set(search.matching_ids(s, "site_visit", query))
    assert set(src.ids(ListQuery(search=query))) == exact


def test_a_word_at_the_very_end_of_the_text_is_found(services, made):
    visits, _ = made
    me = PeopleService(services).create_counselor("林美玲").id
    org = PeopleService(services).create_organization("山海烘豆", "shop")
    town = visits.townships("10004")[0].id
    # the organisation's name is the last text indexed for the visit: the services end every
    # indexed text with a newline, so a trigram starts with 烘豆 even there
    vid = visits.create(VisitData(visit_date=TODAY, county_code="10004", township_code=town, counselor_ids=[me],
                                  organization_id=org.id))
    assert VisitListSource(services, today=TODAY).ids(ListQuery(search="烘豆")) == [vid]


def test_too_many_trigrams_fall_back_to_the_exact_scan(db, services, made, monkeypatch):
    monkeypatch.setattr(list_search, "MAX_EXPANSION", 1)
    src = VisitListSource(services, today=TODAY)
    _, ids = made
    assert set(src.ids(ListQuery(search="咖啡"))) == {ids[t] for t in TEXTS if "咖啡" in t}


def test_the_cached_order_follows_saves_and_deletes(services, made):
    visits, ids = made
    src = VisitListSource(services, today=TODAY)
    assert len(src.ids(ListQuery(search="咖啡"))) == 3
    data = visits.get(ids["茶園轉型體驗"])
    data.findings = "茶園旁開了咖啡店"
    visits.update(data.id, data)
    assert ids["茶園轉型體驗"] in src.ids(ListQuery(search="咖啡"))
    visits.delete(ids["老街咖啡"])
    assert ids["老街咖啡"] not in src.ids(ListQuery()) and len(src.ids(ListQuery(search="咖啡"))) == 3


def test_first_ids_come_from_the_index_without_the_rest(services, made):
    src = VisitListSource(services, today=TODAY)
    query = ListQuery(sort_key="visit_date", descending=True)
    assert src.prefix_is_cheap(query)
    everything = src.ids(query)
    assert src.ids(query, limit=2) == everything[:2]
    assert not src.prefix_is_cheap(query), "once cached, all ids are as cheap"
    assert not src.prefix_is_cheap(ListQuery(sort_key="counselors"))

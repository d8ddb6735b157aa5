"""The one home of counties and townships (services/places/places.py): the pickers' lists and the check
that a chosen township lies in the chosen county, as every form (visit, workstation, proposal, …) uses it."""

import pytest

from counsel_desk.errors import ValidationError
from counsel_desk.services.places import places

HSINCHU, GUANXI = "10004", "10004040"
TAIPEI, ZHONGZHENG = "63000", "63000050"


def test_the_lists_name_each_place_and_offer_a_countys_own_townships(services):
    counties = places.counties(services.session_factory)
    assert len(counties) == 22 and {c.id for c in counties} >= {HSINCHU, TAIPEI}
    first = places.counties_center_first(services)
    assert first[0].detail == "north" and sorted(c.id for c in first) == sorted(c.id for c in counties)
    towns = places.townships(services.session_factory, HSINCHU)
    assert GUANXI in {t.id for t in towns} and ZHONGZHENG not in {t.id for t in towns}
    assert [t.id for t in towns] == sorted(t.id for t in towns)
    assert places.townships(services.session_factory, None) == []
    assert places.county_of(services.session_factory, GUANXI) == HSINCHU


def test_a_township_outside_the_county_is_named_with_both(services):
    with services.session_factory() as s:
        problems = places.place_problems(s, TAIPEI, GUANXI)
        assert [(p.field, p.zh) for p in problems] == [("township_code", "關西鎮不在臺北市：請重新選擇鄉鎮市區。")]
        assert places.place_problems(s, HSINCHU, GUANXI) == []
        assert places.place_label(s, HSINCHU, GUANXI) == "新竹縣 關西鎮"


def test_missing_and_unknown_places_each_name_their_field(services):
    with services.session_factory() as s:
        assert [p.field for p in places.place_problems(s, "", "")] == ["county_code", "township_code"]
        assert places.place_problems(s, "", "", county_required=False, township_required=False) == []
        assert places.place_problems(s, HSINCHU, None, township_required=False) == []
        unknown = places.place_problems(s, "99999", "99999999", county_field="county", township_field="township")
        assert [(p.field, p.zh) for p in unknown] == [("county", "沒有代碼為 99999 的縣市。"),
                                                       ("township", "沒有代碼為 99999999 的鄉鎮市區。")]
        with pytest.raises(ValidationError, match="請選擇縣市"):
            places.check_place(s, None, GUANXI)

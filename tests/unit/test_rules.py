"""Rules that speak up: each warns with its reason and source; only the programme's caps refuse."""

from __future__ import annotations

import pytest

from counsel_desk.errors import ValidationError
from counsel_desk.models.enums import OrgKind, Route, Stage
from counsel_desk.services import proposals as ps
from counsel_desk.services.proposals import rules

from tests.unit.test_proposals_service import SCORES, SECTIONS, TAITUNG, _fields, _walk, make_people

HUALIEN, HUALIEN_CITY = "10015", "10015010"


@pytest.fixture
def people(db, services):
    return make_people(db)


def _codes(notices) -> list[str]:
    return [n.code for n in notices]


def test_a_request_above_the_work_items_yearly_allocation_is_refused(services, people):
    """Source: 加速推動地方創生計畫 表 1 「各部會分工項目及分年經費表」: 國發會 4 億元 in ROC 113 — a proposal
    cannot ask one work item for more than the whole programme has for it that year."""
    d = ps.create_proposal(services, _fields(people))
    with pytest.raises(ValidationError, match="超過「加速推動地方創生計畫」此工作項目全年度額度 400,000,000 元") as err:
        ps.save_draft(services, d.id, funding={("NDC", 113): 400_000_001})
    assert "表 1" in err.value.zh
    ps.save_draft(services, d.id, funding={("NDC", 113): 400_000_000})  # up to the allocation is accepted
    # under the successor the split is unknown: nothing to refuse with
    ps.save_draft(services, d.id, funding={("NDC", 115): 900_000_000})


def test_a_year_outside_every_loaded_plan_speaks_up(services, people):
    """Source: docs/programme.md (the issue: 「a year outside every loaded plan is warned about, not silently
    accepted」); the seed's period 「以 110 年至 114 年為階段性期程」 and the successor's 2025–2028."""
    d = ps.save_draft(services, ps.create_proposal(services, _fields(people)).id,
                      funding={("COA", 120): 1_000_000, ("COA", 115): 1_000_000})
    found = rules.notices(d, rules.load_facts(services))
    (year,) = [n for n in found if n.code == "year_outside_plans"]
    assert "民國 120 年不在任何已載入計畫的期程內" in year.zh
    assert "「以 110 年至 114 年為階段性期程」" in year.source_text and "2025–2028" in year.source_text  # its source


def test_an_applicant_type_that_does_not_fit_the_route_speaks_up(services, people):
    """Source: 加速推動地方創生計畫 圖 3 提案流程 2.0 (現行提案流程: 鄉（鎮市區）公所 → 縣（市）政府) and 叁、五、多元徵案
    (「以商號、公司、社會企業等名義」提出申請)."""
    office_on_multi = ps.create_proposal(services, _fields(people, applicant_type=OrgKind.TOWNSHIP_OFFICE.value,
                                                           organization_name="池上鄉公所"))
    (notice,) = [n for n in rules.notices(office_on_multi, rules.load_facts(services)) if n.code == "applicant_route"]
    assert "「鄉鎮市區公所」不符多元徵案" in notice.zh and "叁、五" in notice.source_text
    company_on_existing = ps.create_proposal(services, _fields(people, title="公司案", route=Route.EXISTING.value,
                                                               applicant_type=OrgKind.COMPANY.value))
    assert "applicant_route" in _codes(rules.notices(company_on_existing, rules.load_facts(services)))
    fits = ps.create_proposal(services, _fields(people, title="社企案"))
    assert "applicant_route" not in _codes(rules.notices(fits, rules.load_facts(services)))


def test_a_criterion_scored_two_or_lower_speaks_up_before_sending(services, people):
    """Source: 加速推動地方創生計畫 叁、五、多元徵案 — 「在兼顧在地性、公共性、適當商業模式等前提下」."""
    d = ps.create_proposal(services, _fields(people))
    ps.save_draft(services, d.id, sections=SECTIONS, funding={("MOC", 115): 1_000_000},
                  scores={**SCORES, "business": (2, "營收模式未驗證")})
    _walk(services, d.id, Stage.DRAFTING, Stage.CENTER_REVIEW)
    move = ps.move_proposal(services, d.id, Stage.SENT.value, "送專案辦公室")
    (low,) = [n for n in move.notices if n.code == "low_score"]
    assert "商業模式評分在 2 分以下" in low.zh and "在地性、公共性、適當商業模式" in low.source_text
    assert ps.get_proposal(services, d.id).stage == Stage.SENT  # a warning: the move happened


def test_a_proposal_outside_the_centers_counties_speaks_up(services, people):
    """Source: 加速推動地方創生計畫 叁、三、建構分區輔導中心 (北、中、南、東分區); the county split is the app's
    shipped default (data/taiwan_townships.csv), labelled as such."""
    facts = rules.load_facts(services)  # the north center
    assert HUALIEN not in facts.center_counties and TAITUNG not in facts.center_counties
    d = ps.create_proposal(services, _fields(people, county_code=HUALIEN, township_code=HUALIEN_CITY))
    (notice,) = [n for n in rules.notices(d, facts) if n.code == "outside_center"]
    assert "花蓮縣" in notice.zh and "預設" in notice.source_text


def test_a_request_under_a_plan_that_publishes_no_split_is_said_unchecked_and_refused_above_its_total(services,
                                                                                                      people):
    """Source: 打造永續共好地方創生計畫 (中央社 2024-02-01「未來 4 年將投入新台幣 60 億元」; its split per year and work
    item is not public, DOMAIN.md): issue 16 — a proposal asking NT$9 billion from one work item reached 通過
    without a word. The allocation is unknown, so the request cannot be compared: said so on the 完整性 page;
    more than the whole plan's total cannot be right: refused, as a known allocation refuses."""
    d = ps.create_proposal(services, _fields(people))
    with pytest.raises(ValidationError, match="超過「打造永續共好地方創生計畫」總經費 6,000,000,000 元") as err:
        ps.save_draft(services, d.id, funding={("NDC", 115): 9_000_000_000})
    assert "60 億" in err.value.zh
    d = ps.save_draft(services, d.id, funding={("NDC", 115): 900_000_000, ("MOC", 116): 1_000_000})
    (unknown,) = [n for n in rules.notices(d, rules.load_facts(services)) if n.code == "allocation_unknown"]
    assert "民國 115、116 年適用「打造永續共好地方創生計畫」" in unknown.zh and "未知" in unknown.zh
    assert "分年、分工作項目經費未見於公開資料" in unknown.source_text
    seed = ps.save_draft(services, d.id, funding={("NDC", 113): 1_000_000})
    assert "allocation_unknown" not in _codes(rules.notices(seed, rules.load_facts(services)))


def test_the_rules_speak_english_in_the_english_interface(services, people):
    """Source: 加速推動地方創生計畫 叁、五 (在地性、公共性、商業模式) and 叁、三 (分區輔導中心); the sources stay the Chinese
    documents, the message is hers: no criterion or county left in Chinese in the English interface."""
    import re

    from counsel_desk import i18n

    d = ps.create_proposal(services, _fields(people, county_code=HUALIEN, township_code=HUALIEN_CITY))
    d = ps.save_draft(services, d.id, scores={**SCORES, "locality": (2, "弱"), "business": (1, "無")},
                      funding={("NDC", 120): 1_000})
    i18n.set_language("en")
    try:
        found = {n.code: n.message for n in rules.notices(d, rules.load_facts(services))}
    finally:
        i18n.set_language("zh_TW")
    assert set(found) >= {"low_score", "outside_center", "year_outside_plans"}
    assert "Locality" in found["low_score"] and "Hualien" in found["outside_center"]
    for code in ("low_score", "outside_center"):
        assert not re.search(r"[\u4e00-\u9fff]", found[code]), found[code]

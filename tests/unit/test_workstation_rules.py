"""Workstations by the rules' year: caps from the plan in force, 12-month terms, 評鑑 and 延續補助,
eligibility facts and the center's counties — each rule's test quotes its source."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from counsel_desk.errors import ValidationError
from counsel_desk.services.programme import center_split, programme
from counsel_desk.services.workstations import spaces
from counsel_desk.services.workstations import workstations as ws
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.proposals import funding


def place(db, town: str, county: str | None = None) -> tuple[str, str]:
    sql = "SELECT t.county_code, t.code FROM township t JOIN county c ON c.code = t.county_code WHERE t.name=:n"
    params = {"n": town}
    if county:
        sql += " AND c.name = :c"
        params["c"] = county
    with db.session() as s:
        return tuple(s.connection().execute(text(sql), params).first())


@pytest.fixture
def station(db, services):
    county, town = place(db, "關西鎮")
    return ws.create_workstation(services, {
        "name": "關西青年培力工作站", "host_name": "林小安", "team_size": 5, "fulltime_staff": 2,
        "county_code": county, "township_code": town, "year_approved": 113, "term_start": date(2024, 3, 1),
        "status": "active"})


def codes(notices) -> list[str]:
    return [n.code for n in notices]


def test_the_cap_is_the_plan_in_force_and_unknown_caps_warn(services, station):
    """Source: 加速推動地方創生計畫 叁、一「每處補助上限以 300 萬元為原則」 (ROC 110–114); 打造永續共好地方創生計畫
    (ROC 114–117): caps not found in public material — unknown, so never refused, always said."""
    with pytest.raises(ValidationError) as e:
        ws.save_budget(services, station.id, 112, 3_000_001)
    assert "加速推動地方創生計畫" in e.value.zh and "叁、一" in e.value.zh
    view = ws.save_budget(services, station.id, 115, 3_200_000)
    assert view.approved_subsidy == 3_200_000
    assert codes(view.notices) == ["workstation_per_year_unknown"]
    assert "打造永續共好地方創生計畫" in view.notices[0].zh and "未知" in view.notices[0].zh
    # the personnel rule is not published for the successor either: not judged, said so
    assert view.check.status == "unknown" and view.check.limit is None and view.check.ok


def test_a_year_outside_every_plan_is_warned_about_not_bounded(services, station):
    """Source: 加速推動地方創生計畫 肆「以 110 年至 114 年為階段性期程」 and 打造永續共好地方創生計畫 (2025–2028, 中央社
    2024-02-01) — a budget year outside every loaded plan's period is warned about, not silently accepted (issue 16);
    a Western year is refused as not being a ROC year."""
    view = ws.save_budget(services, station.id, 120, 1_000_000)
    assert codes(view.notices) == ["year_outside_plans"] and "民國 120 年" in view.notices[0].zh
    with pytest.raises(ValidationError) as e:
        ws.save_budget(services, station.id, 2026, 1_000_000)
    assert "不是民國年" in e.value.zh


def test_funding_years_are_not_bounded_but_warned(db, services):
    """Source: 加速推動地方創生計畫 肆「以 110 年至 114 年為階段性期程」; 打造永續共好地方創生計畫 2025–2028 (中央社
    2024-02-01) — funding for a year outside every loaded plan is saved and warned about (rules), never bounded."""
    from counsel_desk.models import Proposal
    from counsel_desk.services import base
    from counsel_desk.services.proposals import rules

    county, town = place(db, "關西鎮")
    with db.session() as s:
        p = base.create(s, Proposal(center_code="north", title="試", applicant_type="company", county_code=county,
                                    township_code=town, route="multi"), "t", "proposal")
        funding.save_lines(s, services, p.id, {("NDC", 160): 1_000_000})
        s.commit()
    plans = programme.loaded(services)
    assert codes(rules.funding_notices([("NDC", 160, 1_000_000)], plans)) == ["year_outside_plans"]
    with db.session() as s, pytest.raises(ValidationError):
        funding.save_lines(s, services, p.id, {("NDC", 2026): 1_000_000})


def test_public_space_cap_is_the_plan_in_force_in_its_year(db, services):
    """Source: 加速推動地方創生計畫 叁、二、活化公有空間「每處補助上限以 500 萬元為原則」."""
    county, town = place(db, "關西鎮")
    fields = {"name": "舊鎮公所", "county_code": county, "township_code": town, "status": "planning"}
    with pytest.raises(ValidationError) as e:
        spaces.create_space(services, {**fields, "subsidy": 5_500_000, "year_approved": 113})
    assert "NT$5,000,000" in e.value.zh
    space = spaces.create_space(services, {**fields, "subsidy": 5_500_000, "year_approved": 116})
    assert space.subsidy == 5_500_000  # the successor publishes no cap: not refused


def test_evaluation_opens_the_extension_and_nothing_else_does(services, station):
    """Source: 地方創生青年培力工作站 110 年度申請須知（如公開引述）「補助期間 12 個月；經評鑑績效良好者得延續補助一年」."""
    with pytest.raises(ValidationError) as e:
        ws.extend_term(services, station.id)
    assert "尚未記錄評鑑結果" in e.value.zh
    budget = ws.save_budget(services, station.id, 113, 2_000_000)
    ws.record_evaluation(services, budget.id, "fair", date(2025, 2, 10), "行銷成果不足")
    with pytest.raises(ValidationError) as e:
        ws.extend_term(services, station.id)
    assert "「尚可」" in e.value.zh and "績效良好" in e.value.zh
    with pytest.raises(ValidationError):  # a budget year marked 延續補助 needs the same
        ws.save_budget(services, station.id, 114, 1_000_000, extension=True)
    view = ws.record_evaluation(services, budget.id, "good", date(2025, 2, 10))
    assert (view.evaluation, view.evaluated_on) == ("good", date(2025, 2, 10))
    extended = ws.extend_term(services, station.id)
    assert (extended.term_start, extended.term_end, extended.status) == (date(2025, 3, 1), date(2026, 2, 28),
                                                                        "extended")
    assert ws.save_budget(services, station.id, 114, 1_000_000, extension=True).extension
    with pytest.raises(ValidationError) as e:
        ws.record_evaluation(services, budget.id, "good", None)
    assert e.value.field == "evaluated_on"


def test_the_extension_is_one_year_as_the_plan_says(services, station):
    """Source: 地方創生青年培力工作站 110 年度申請須知（如公開引述）「補助期間 12 個月；經評鑑績效良好者得延續補助一年」 —
    one extension year; a second good 評鑑 does not open another."""
    first = ws.save_budget(services, station.id, 113, 2_000_000)
    ws.record_evaluation(services, first.id, "good", date(2025, 2, 10))
    extended = ws.extend_term(services, station.id)
    again = ws.save_budget(services, station.id, 114, 1_000_000, extension=True)
    ws.record_evaluation(services, again.id, "good", date(2026, 2, 10))
    with pytest.raises(ValidationError) as e:
        ws.extend_term(services, station.id)
    assert "延續補助一年" in e.value.zh and "已延續補助" in e.value.zh and "one extension year" in e.value.en
    assert ws.get_workstation(services, station.id).term_end == extended.term_end  # nothing changed


def test_a_term_longer_than_twelve_months_is_warned_about(services, station):
    """Source: 110 年度申請須知（如公開引述）「補助期間 12 個月」 — the demo's three-year terms were wrong."""
    assert codes(ws.station_notices(services, station)) == []
    long = ws.update_workstation(services, station.id, {"term_end": date(2026, 12, 31)})
    notices = ws.station_notices(services, long)
    assert codes(notices) == ["term_too_long"] and "12 個月" in notices[0].zh and "延續補助" in notices[0].zh


def test_eligibility_facts_are_checked_as_warnings(services, station):
    """Source: 110 年度申請須知（如公開引述）「駐點負責人 45 歲以下且在地蹲點 5 年以上；夥伴 5 人（至少 3 人 20–45 歲）；
    至少 1 名專職人員」 — recorded and warned about, never refused."""
    fine = ws.update_workstation(services, station.id, {"host_age": 45, "host_years_on_site": 5, "young_partners": 3})
    assert codes(ws.station_notices(services, fine)) == []
    bad = ws.update_workstation(services, station.id, {"host_age": 52, "host_years_on_site": 2, "young_partners": 1,
                                                       "team_size": 4, "fulltime_staff": 0})
    notices = ws.station_notices(services, bad)
    assert codes(notices) == ["host_age", "host_years", "partners", "young_partners", "fulltime_min"]
    assert "52 歲" in notices[0].zh and all("申請須知" in n.source_text for n in notices)


def test_a_station_outside_the_centers_counties_is_warned_about(db, services):
    """Source: 加速推動地方創生計畫 叁、三、建構分區輔導中心（北、中、南、東分區）; the split is the app's default,
    editable by headquarters (issue 16: the north center registered workstations in Hualien)."""
    county, town = place(db, "吉安鄉")
    station = ws.create_workstation(services, {"name": "吉安工作站", "county_code": county, "township_code": town,
                                               "status": "active"})
    notices = ws.station_notices(services, station)  # (approved this year: the successor's eligibility is unknown)
    assert codes(notices) == ["outside_center", "workstation_eligibility_unknown"]
    assert "花蓮縣" in notices[0].zh and "地方創生北區輔導中心" in notices[0].zh and "地方創生東區輔導中心" in notices[0].zh


def test_headquarters_moves_a_county_audited_and_kept_over_a_refresh(db, services):
    """Source: issue 16 — the center → county split is editable by headquarters (audited), the current
    split shipped as the default and labelled as such."""
    from counsel_desk.models import AuditEntry
    from counsel_desk.store.reference import ensure_reference_data
    from sqlmodel import select

    hq = ServiceContext(db.session_factory, "總部", "north")
    before = {c.county: c for c in center_split.split(hq)}
    assert before["宜蘭縣"].label == "預設"
    moved = center_split.set_county_center(hq, "宜蘭縣", "北區")
    assert (moved.center_code, moved.is_default, moved.label) == ("north", False, "總部調整")
    with db.session() as s:
        s.connection().execute(text("DELETE FROM app_meta WHERE key = 'reference_fingerprint'"))
        s.commit()
    ensure_reference_data(db.engine)  # a release refreshing the reference data keeps the move
    assert {c.county: c for c in center_split.split(hq)}["宜蘭縣"].center_code == "north"
    with db.session() as s:
        entry = s.exec(select(AuditEntry).where(AuditEntry.action == "center_split")).one()
    assert "宜蘭縣" in entry.detail and "north" in entry.detail
    back = center_split.set_county_center(hq, "宜蘭縣", before["宜蘭縣"].center_code)
    assert back.is_default
    with pytest.raises(Exception) as e:
        center_split.set_county_center(hq, "宜蘭縣", "西區")
    assert "不是分區輔導中心" in str(e.value.zh)


def test_the_split_command_lists_the_default_and_moves_a_county(db, capsys):
    """Source: issue 16 — headquarters edits the split; the shipped split is labelled the default."""
    from counsel_desk.cli import main

    path = str(db.path)
    db.close()
    assert main(["programme", "split", "--db", path]) == 0
    listed = capsys.readouterr().out
    assert "花蓮縣\t地方創生東區輔導中心\t預設" in listed
    assert main(["programme", "split", "--db", path, "--county", "花蓮縣", "--center", "北區"]) == 0
    assert "花蓮縣：地方創生北區輔導中心（總部調整）" in capsys.readouterr().out
    assert main(["programme", "split", "--db", path, "--county", "花蓮縣"]) != 0  # both or neither


def test_eligibility_a_plan_does_not_publish_is_said_unchecked(services, station):
    """Source: 打造永續共好地方創生計畫 (ROC 114–117): its workstation rules were not found in public material
    (resources/programmes/sustainable-114-117.json, caps.workstation_eligibility: null) — docs/programme.md: 「its years
    are not judged, and the app says so」; a year outside every loaded plan is warned about (issue 16)."""
    new = ws.update_workstation(services, station.id, {"year_approved": 115, "host_age": 52})
    notices = ws.station_notices(services, new)
    assert codes(notices) == ["workstation_eligibility_unknown"]
    assert "打造永續共好地方創生計畫" in notices[0].zh and "未檢查" in notices[0].zh
    later = ws.update_workstation(services, station.id, {"year_approved": 120})
    assert codes(ws.station_notices(services, later)) == ["year_outside_plans"]
    seed = ws.update_workstation(services, station.id, {"year_approved": 113})
    assert codes(ws.station_notices(services, seed)) == ["host_age"]  # the seed's years are judged


def test_the_year_command_takes_the_roc_year_or_the_western_one(db, capsys):
    """`programme year` reads a year as `report --year` does: 115 and 2026 are the same year, not 民國 2026."""
    from counsel_desk.cli import main

    path = str(db.path)
    db.close()
    assert main(["programme", "year", "--db", path, "115"]) == 0
    roc = capsys.readouterr().out
    assert main(["programme", "year", "--db", path, "2026"]) == 0
    assert capsys.readouterr().out == roc and "打造永續共好地方創生計畫" in roc
    assert main(["programme", "year", "--db", path, "2035"]) == 1  # ROC 124: outside every loaded plan
    assert "民國 124 年不在任何已載入計畫的期程內" in capsys.readouterr().out
    assert main(["programme", "year", "--db", path, "明年"]) != 0
    assert "看不懂的年度「明年」" in capsys.readouterr().err

"""What a column holds is the same on both engines: 64-bit amounts (migration 0022_i18_bigint), and a text
longer than its column is refused by the service with the field's name and limit — never a raw database
error on a server, never silently stored on SQLite."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from counsel_desk.services.outcomes import outcomes as oc
from counsel_desk.services.period import Period
from counsel_desk.services.workstations import workstations as ws

pytestmark = pytest.mark.both_engines

THREE_BILLION = 3_000_000_000  # NT$: past a 32-bit integer (2,147,483,647)


@pytest.fixture
def station(db, services):
    with db.session() as s:
        county, town = s.connection().execute(text("SELECT county_code, code FROM township WHERE name='關西鎮'")).one()
    return ws.create_workstation(services, {"name": "關西青年培力工作站", "county_code": county, "township_code": town,
                                            "year_approved": 115, "term_start": date(2026, 3, 1), "status": "active"})


def test_an_amount_of_three_billion_is_saved_read_back_and_added_up(db, services, station):
    o = oc.record_outcome(services, {"workstation_id": station.id, "outcome_date": date(2026, 11, 3),
                                     "kind": "corporate_investment", "amount": THREE_BILLION,
                                     "company": "山海物產股份有限公司"})
    assert oc.get_outcome(services, o.id).amount == THREE_BILLION
    oc.update_outcome(services, o.id, {"amount": THREE_BILLION + 1})
    oc.record_outcome(services, {"workstation_id": station.id, "outcome_date": date(2026, 11, 4),
                                 "kind": "corporate_investment", "amount": THREE_BILLION, "company": "海線物產"})
    (first, second) = oc.list_outcomes(services, Period.month(2026, 11))
    assert (first.amount, second.amount) == (THREE_BILLION + 1, THREE_BILLION)
    total = oc.period_totals(services, Period.month(2026, 11)).of("corporate_investment")
    assert total == 2 * THREE_BILLION + 1 and type(total) is int
    with db.session() as s:  # a server's SUM of a bigint is numeric: read back as a whole number, as on SQLite
        summed = s.connection().execute(text("SELECT sum(amount) FROM outcome")).scalar()
    assert summed == 2 * THREE_BILLION + 1 and type(summed) is int


def test_a_text_longer_than_its_column_is_refused_naming_the_field_and_its_limit(db, services, station):
    from counsel_desk.errors import ValidationError
    from counsel_desk.services.people.roster import RosterService

    roster = RosterService(services)
    with pytest.raises(ValidationError) as e:
        roster.add("林怡君", phone="0" * 33)
    assert e.value.field == "phone" and "電話最多 32 字，目前 33 字" in e.value.zh
    assert roster.entries() == []  # nothing half-written
    entry = roster.add("林怡君", phone="0" * 32)  # at the limit: kept, on both engines
    with pytest.raises(ValidationError) as e:
        ws.update_workstation(services, station.id, {"host_name": "林" * 65})
    assert e.value.field == "host_name" and "駐點負責人最多 64 字，目前 65 字" in e.value.zh
    assert ws.get_workstation(services, station.id).host_name == ""
    assert roster.entries()[0].phone == entry.phone == "0" * 32

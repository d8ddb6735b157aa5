"""The counselor roster (輔導員名單): add, rename (her follow-ups follow), deactivate, never remove
someone with records."""

from __future__ import annotations

from datetime import date

import pytest

from counsel_desk.errors import UserError, ValidationError
from counsel_desk.services.visits.followups import FollowUpDraft
from counsel_desk.services.people.people import PeopleService
from counsel_desk.services.people.roster import RosterService
from counsel_desk.services.visits.visits import VisitData, VisitService


def test_add_refuses_empty_duplicate_and_bad_email(services):
    roster = RosterService(services)
    with pytest.raises(ValidationError, match="姓名"):
        roster.add("  ")
    with pytest.raises(ValidationError, match="電子郵件"):
        roster.add("林怡君", email="not an address")
    roster.add("林怡君", email="yi@example.org", phone="03-5550000")
    with pytest.raises(ValidationError, match="已經有「林怡君」"):
        roster.add(" 林怡君 ")
    (entry,) = roster.entries()
    assert (entry.name, entry.email, entry.phone, entry.active, entry.records) == \
        ("林怡君", "yi@example.org", "03-5550000", True, 0)


def test_ensure_adds_once_and_reactivates(services):
    roster = RosterService(services)
    first = roster.ensure("林怡君")
    assert roster.ensure("林怡君") == first
    roster.set_active(first, False)
    assert PeopleService(services).counselors() == []
    assert roster.ensure("林怡君") == first
    assert [p.name for p in PeopleService(services).counselors()] == ["林怡君"]


def test_rename_carries_her_followups_and_removal_needs_no_records(services):
    roster = RosterService(services)
    me = roster.ensure("林怡君")
    other = roster.add("陳建宏").id
    visits = VisitService(services)
    town = visits.townships("10004")[0].id
    visits.create(VisitData(visit_date=date(2026, 11, 2), county_code="10004", township_code=town,
                            counselor_ids=[me], visited_name="竹北青年協會",
                            followups=[FollowUpDraft("補送計畫書", owner="林怡君", due_date=date(2026, 11, 20)),
                                       FollowUpDraft("聯絡公所", owner="公所承辦人", due_date=date(2026, 11, 20))]))
    entries = {e.name: e for e in roster.entries()}
    assert entries["林怡君"].records == 2  # the visit and the follow-up she owns
    with pytest.raises(UserError, match="不能移除；請改為停用"):
        roster.remove(me)
    roster.update(me, "林怡君（北區）", "yi@example.org")
    owners = sorted(f.owner for f in _followups(services))
    assert owners == ["公所承辦人", "林怡君（北區）"]
    roster.remove(other)
    assert [e.name for e in roster.entries()] == ["林怡君（北區）"]
    roster.set_active(me, False)
    assert roster.names() == []
    assert [e.active for e in roster.entries()] == [False]
    assert roster.entries(include_inactive=False) == []


def _followups(services):
    from sqlmodel import select

    from counsel_desk.models.visits import FollowUp

    with services.session_factory() as s:
        return list(s.exec(select(FollowUp)).all())

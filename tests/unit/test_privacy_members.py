"""Erasing a youth team's member (青年團隊成員): name and birth year gone, the row and the team's counts stay."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from counsel_desk.errors import UserError
from counsel_desk.models import Contact, YouthTeamMember
from counsel_desk.services.safety import privacy
from counsel_desk.services.outcomes import youth_teams as yt
from counsel_desk.services.base import create
from counsel_desk.store import audit
from tests.unit.test_privacy import raw_bytes

ALTRUISM = "地方創生利他行動168"
NAME = "龔曉蓉"


def teams(services) -> tuple[str, str, str]:
    """The same person in two teams (2025 and 2026), and a namesake born in another year."""
    first = yt.register_team(services, {"name": "山海實驗室", "programme": ALTRUISM, "roc_year": 114, "award": 300_000,
                                        "notes": f"隊長{NAME}負責對外聯絡"})
    second = yt.register_team(services, {"name": "海線慢旅", "programme": ALTRUISM, "roc_year": 115, "award": 300_000})
    mine = yt.add_member(services, first.id, {"name": NAME, "birth_year": 1991, "role": "隊長"})
    again = yt.add_member(services, second.id, {"name": NAME, "birth_year": 1991, "role": "隊員"})
    namesake = yt.add_member(services, second.id, {"name": NAME, "birth_year": 1978, "role": "顧問"})
    return mine.id, again.id, namesake.id


def member(db, member_id: str) -> YouthTeamMember:
    with db.session() as s:
        return s.get(YouthTeamMember, member_id)


def test_erasing_a_member_blanks_name_and_birth_year_and_the_audit_log_records_it(db, services):
    mine, again, namesake = teams(services)
    preview = privacy.preview_member(services, mine)
    assert (preview.name, preview.title, preview.organization) == (NAME, "隊長", "山海實驗室")
    # the same name with the same birth year is offered; the namesake born in 1978 is not
    assert [m.member_id for m in preview.memberships] == [again]
    assert [t for t, _id, _f in preview.mentions] == ["youth_team"]  # the team's notes name her

    result = privacy.erase_member(services, mine, also=[again])
    assert result.members == [mine, again] and result.table == "youth_team_member"
    for mid in (mine, again):
        m = member(db, mid)
        assert (m.name, m.birth_year) == (privacy.ERASED_MEMBER_NAME, None) and m.erased_at is not None
        assert m.role and m.deleted_at is None and m.version == 2
    assert member(db, namesake).name == NAME  # another person
    with db.session() as s:
        entries = s.connection().execute(text(
            "SELECT entity_id, detail FROM audit_log WHERE action='erase' AND entity='youth_team_member' ORDER BY seq"
        )).all()
        assert [(e, json.loads(d)) for e, d in entries] == [(mine, {"fields": ["name", "birth_year"]}),
                                                         (again, {"fields": ["name", "birth_year"]})]
        notes = s.connection().execute(text("SELECT notes FROM youth_team WHERE name='山海實驗室'")).scalar_one()
        assert NAME not in notes and privacy.MENTION_MARK in notes
        assert audit.verify(s).ok
    # the team keeps its members; an erased member gives no "birth year missing" warning (the 1978 one is 48)
    view = yt.team_view(services, member(db, again).team_id)
    assert len(view.members) == 2 and [w.code for w in view.warnings] == ["age_outside"]


def test_erasing_a_contact_erases_the_member_rows_chosen_as_the_same_person(db, services):
    mine, again, namesake = teams(services)
    with services.session_factory() as s:
        contact = create(s, Contact(name=NAME, phone="0937-246-813"), services.actor, "contact")
        s.commit()
    preview = privacy.preview(services, contact.id)
    assert {m.member_id for m in preview.memberships} == {mine, again, namesake}  # no birth year to tell apart
    result = privacy.erase_contact(services, contact.id, members=[mine, again])
    assert result.members == [mine, again]
    assert member(db, mine).erased_at is not None and member(db, again).erased_at is not None
    assert member(db, namesake).erased_at is None
    privacy.erase_member(services, namesake)
    assert NAME.encode() not in raw_bytes(db.path)  # and out of the files, once nobody holds the name


def test_erasing_a_member_twice_is_harmless_and_an_unknown_one_is_a_clear_error(db, services):
    mine, _again, _namesake = teams(services)
    privacy.erase_member(services, mine)
    again = privacy.erase_member(services, mine)
    assert again.already_erased and again.members == []
    assert privacy.preview_member(services, mine).memberships == []
    with pytest.raises(UserError, match="找不到這位青年團隊成員"):
        privacy.erase_member(services, "no-such-id")


def test_a_restored_backup_does_not_bring_an_erased_member_back(db, services):
    from counsel_desk.services.safety import backup

    mine, _again, _namesake = teams(services)
    old = backup.make_backup(db.path, "manual")
    privacy.erase_member(services, mine)
    result = backup.restore(db, old)
    assert result.reapplied_erasures == 1
    assert member(db, mine).name == privacy.ERASED_MEMBER_NAME

"""Youth teams of the award programmes (青年團隊): registering them, their members, links and warnings.

The award programmes (獎勵青年投入地方創生行動計畫, 地方創生利他行動168) are data: each loaded programme
file lists its ``award_programmes`` with the cap per team and, where published, the applicants' age
range. A team's award above its programme's cap is refused (the programme's absolute cap); members
whose age in the team's year falls outside the range, or whose birth year is missing, are warnings.
The visits and support records about a team are linked to it (the links travel inside the team's
row, so changing them is a change of the team).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, cast

from sqlalchemy import Connection, text
from sqlmodel import Session, col, select

from counsel_desk.errors import ValidationError
from counsel_desk.i18n import pick
from counsel_desk.models import SiteVisit, SupportRecord, YouthTeam, YouthTeamMember, YouthTeamSupport, YouthTeamVisit
from counsel_desk.services import base
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.formatting import ROC_OFFSET, shown_date, spaced
from counsel_desk.services.outcomes.outcomes import OutcomeRow, rows as outcome_rows
from counsel_desk.services.places.places import check_place
from counsel_desk.services.programme.program_base import RecordKind, index_with_place, live, non_negative, required_text
from counsel_desk.services.programme.programme import Notice
from counsel_desk.store import audit
from counsel_desk.store import programmes as store
from counsel_desk.services.changes import Kind, changes

ENTITY = "youth_team"
FIELDS = ("name", "programme", "roc_year", "award", "themes", "county_code", "township_code", "workstation_id",
          "notes")
MEMBER_FIELDS = ("name", "birth_year", "role")


@dataclass(frozen=True)
class AwardProgramme:
    """One award programme as a loaded programme file defines it."""

    name: str
    cap_per_team: int | None  # NT$; None = not published
    ages: tuple[int, int] | None  # applicants' age range (inclusive), when the programme sets one
    roc_year: int | None
    plan: str  # the plan whose file lists it
    source: str


def award_programmes(ctx: ServiceContext) -> list[AwardProgramme]:
    with ctx.session_factory() as s:
        return programmes_in(store.loaded(s.connection()))


def programmes_in(plans: list[store.Programme]) -> list[AwardProgramme]:
    out: list[AwardProgramme] = []
    for p in plans:
        for a in p.award_programmes:
            name = str(a.get("name") or "").strip()
            if not name or any(x.name == name for x in out):
                continue
            ages = a.get("applicant_age")
            cap = a.get("cap_per_team")
            src = a.get("source") or []
            out.append(AwardProgramme(
                name, int(cap) if isinstance(cap, (int, float)) and not isinstance(cap, bool) else None,
                (int(ages[0]), int(ages[1])) if isinstance(ages, list) and len(ages) == 2 else None,
                a.get("roc_year") if isinstance(a.get("roc_year"), int) else None, p.name,
                f"{p.name}：{src[1]}" if len(src) == 2 else p.name))
    return out


def _programme(session: Session, name: str) -> AwardProgramme | None:
    return next((a for a in programmes_in(store.loaded(session.connection())) if a.name == name), None)


# --- teams ------------------------------------------------------------------------------------------
def _validate(session: Session, t: YouthTeam) -> None:
    t.name = required_text(t.name, "name", "團隊名稱", "Team name", 128)
    t.programme = required_text(t.programme, "programme", "獎勵計畫", "Award programme", 200)
    t.roc_year = non_negative(t.roc_year, "roc_year", "年度", "Year")
    if not 100 <= t.roc_year <= 200:
        raise ValidationError(f"年度 {t.roc_year} 不合理：請填民國年，例如 115。",
                              f"Year {t.roc_year} is not a ROC year (e.g. 115).", field="roc_year")
    t.award = non_negative(t.award, "award", "獎勵金額", "Award")
    programme = _programme(session, t.programme)
    if programme is None:
        names = "、".join(a.name for a in programmes_in(store.loaded(session.connection()))) or "（無）"
        raise ValidationError(f"獎勵計畫「{t.programme}」不在已載入的計畫定義檔中；可選：{names}。",
                              f"The award programme '{t.programme}' is not in any loaded programme file.",
                              field="programme")
    if programme.cap_per_team is not None and t.award > programme.cap_per_team:
        raise ValidationError(
            f"獎勵金額 NT${t.award:,} 超過「{programme.name}」每隊上限 NT${programme.cap_per_team:,}，未儲存。",
            f"The award NT${t.award:,} exceeds the cap of NT${programme.cap_per_team:,} per team; not saved.",
            field="award")
    t.themes = "、".join(p.strip() for p in (t.themes or "").replace(",", "、").replace("，", "、").split("、")
                        if p.strip())
    t.notes = (t.notes or "").strip()
    t.county_code, t.township_code = t.county_code or None, t.township_code or None
    t.workstation_id = t.workstation_id or None
    if t.county_code or t.township_code:
        check_place(session, t.county_code, t.township_code, township_required=False)


def _index(session: Session, t: YouthTeam) -> None:
    index_with_place(session, ENTITY, t, t.name, t.programme, t.themes, t.notes)


KIND = RecordKind(YouthTeam, ENTITY, FIELDS, "青年團隊", "youth team", _validate, _index)


@changes(Kind.YOUTH_TEAMS)
def register_team(ctx: ServiceContext, fields: dict[str, Any]) -> YouthTeam:
    return cast(YouthTeam, KIND.create(ctx, fields, center_code=ctx.center_code))


@changes(Kind.YOUTH_TEAMS)
def update_team(ctx: ServiceContext, team_id: str, changes: dict[str, Any], version: int | None = None) -> YouthTeam:
    """``version``: the one the editor loaded — a record saved by someone since is refused (SaveConflict)."""
    return cast(YouthTeam, KIND.update(ctx, team_id, changes, version))


@changes(Kind.YOUTH_TEAMS)
def delete_team(ctx: ServiceContext, team_id: str) -> None:
    KIND.delete(ctx, team_id)


# --- members ----------------------------------------------------------------------------------------
def _validate_member(session: Session, m: YouthTeamMember) -> None:
    m.name = required_text(m.name, "name", "成員姓名", "Member name", 64)
    m.role = (m.role or "").strip()
    if m.birth_year in ("", 0):
        m.birth_year = None
    if m.birth_year is not None:
        year = non_negative(m.birth_year, "birth_year", "出生年", "Birth year")
        if 1 <= year < 200:  # 民國 84, as an ID card writes it: 1995 (dates and report years read ROC the same way)
            year += ROC_OFFSET
        if not 1900 <= year <= date.today().year:  # 2095 for 1995: a typo, not a member not yet born
            raise ValidationError(f"出生年 {year} 不合理：請填西元年 1995 或民國年 84。",
                                  f"Birth year {year} is not plausible: write 1995 or the ROC year 84.",
                                  field="birth_year")
        m.birth_year = year
    live(session, YouthTeam, m.team_id, "青年團隊", "youth team")


MEMBER = RecordKind(YouthTeamMember, "youth_team_member", MEMBER_FIELDS, "團隊成員", "team member",
                    _validate_member, lambda session, obj: None)


@changes(Kind.YOUTH_TEAMS)
def add_member(ctx: ServiceContext, team_id: str, fields: dict[str, Any]) -> YouthTeamMember:
    return cast(YouthTeamMember, MEMBER.create(ctx, fields, team_id=team_id))


@changes(Kind.YOUTH_TEAMS)
def update_member(ctx: ServiceContext, member_id: str, changes: dict[str, Any], version: int | None = None
                  ) -> YouthTeamMember:
    """``version``: the one the roster loaded — a member saved by someone since is refused (SaveConflict)."""
    return cast(YouthTeamMember, MEMBER.update(ctx, member_id, changes, version))


@changes(Kind.YOUTH_TEAMS)
def remove_member(ctx: ServiceContext, member_id: str) -> None:
    MEMBER.delete(ctx, member_id)


# --- links ------------------------------------------------------------------------------------------
LINKS: dict[str, tuple[Any, str, Any, str, str]] = {"support": (YouthTeamSupport, "support_id", SupportRecord, "輔導紀錄", "support record"),
         "visit": (YouthTeamVisit, "visit_id", SiteVisit, "訪視", "visit")}


@changes(Kind.YOUTH_TEAMS)
def set_link(ctx: ServiceContext, team_id: str, what: str, record_id: str, linked: bool = True) -> bool:
    """Link (or unlink) a support record or visit to the team; True when something changed."""
    with ctx.session_factory() as s:
        changed = link_in(s, ctx.actor, team_id, what, record_id, linked)
        s.commit()
        return changed


def link_in(s: Session, actor: str, team_id: str, what: str, record_id: str, linked: bool = True) -> bool:
    """:func:`set_link` inside the caller's transaction (a support record saved for a team links it)."""
    model, column, target, zh, en = LINKS[what]
    team = live(s, YouthTeam, team_id, "青年團隊", "youth team")
    if linked:
        live(s, target, record_id, zh, en)
    existing = s.get(model, (team_id, record_id))
    if (existing is not None) == linked:
        return False
    if linked:
        s.add(model(team_id=team_id, **{column: record_id}))
    else:
        _keep_a_recipient(s, what, record_id)
        s.delete(existing)
    # the links travel inside the team's row: a change of links is a change of the team
    base.stamp_change(team, actor)
    s.add(team)
    s.flush()
    audit.record(s, actor, "update", ENTITY, team_id, {f"{what}_ids": ["unlinked" if linked else record_id,
                                                                        record_id if linked else "unlinked"]})
    return True


def _keep_a_recipient(s: Session, what: str, record_id: str) -> None:
    """Support given directly to a team (no workstation) can't be unlinked from its only team."""
    if what != "support":
        return
    rec = s.get(SupportRecord, record_id)
    teams = s.connection().execute(text("SELECT count(*) FROM youth_team_support WHERE support_id = :r"),
                                   {"r": record_id}).scalar_one()
    if rec is not None and rec.deleted_at is None and not rec.workstation_id and teams <= 1:
        raise ValidationError("這筆輔導紀錄是直接給這個團隊的（沒有工作站），不能取消連結；請在輔導紀錄中改選工作站，"
                              "或刪除這筆紀錄。",
                              "This support record was given directly to this team (it has no workstation), so it "
                              "can't be unlinked: choose a workstation in the record, or delete it.", field="support")


def direct_teams(s: Session, support_id: str) -> list[str]:
    """Ids of the teams a support record is linked to (for a record with no workstation: whom it was given to)."""
    return [r[0] for r in s.connection().execute(text(
        "SELECT l.team_id FROM youth_team_support l JOIN youth_team y ON y.id = l.team_id "
        "WHERE l.support_id = :r ORDER BY y.name, y.id"), {"r": support_id})]


def team_choices(ctx: ServiceContext, include_id: str | None = None) -> list[tuple[str, str]]:
    """(id, "name (ROC year)") of the center's live youth teams, with ``include_id`` even when deleted since."""
    with ctx.session_factory() as s:
        rows = s.connection().execute(text(
            "SELECT id, name, roc_year, deleted_at FROM youth_team WHERE center_code = :c OR id = :i "
            "ORDER BY roc_year DESC, name"), {"c": ctx.center_code, "i": include_id or ""}).all()
    return [(i, n + pick(f"（民國 {y} 年）", f" (ROC {y})")) for i, n, y, deleted in rows if deleted is None or i == include_id]


# --- the team as a whole ----------------------------------------------------------------------------
@dataclass
class MemberView:
    id: str
    name: str
    birth_year: int | None
    role: str
    age: int | None  # in the team's year
    erased: bool = False  # personal data erased on request (services/safety/privacy.py): no age to check
    version: int = 0  # the stored member's: an edit saves against the one it showed


@dataclass
class LinkedRecord:
    id: str
    day: str  # ISO date
    title: str  # 工作站 or 縣市鄉鎮
    detail: str


@dataclass
class TeamView:
    team: YouthTeam
    programme: AwardProgramme | None
    members: list[MemberView] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)
    supports: list[LinkedRecord] = field(default_factory=list)
    visits: list[LinkedRecord] = field(default_factory=list)
    outcomes: list[OutcomeRow] = field(default_factory=list)


def eligibility(programme_name: str, roc_year: int, members: list[MemberView],
                programme: AwardProgramme | None) -> list[Notice]:
    """Warnings for a team of ``programme_name`` in ``roc_year``: ages outside the programme's range,
    missing birth years, an unknown programme."""
    out: list[Notice] = []
    if programme is None:
        out.append(Notice("programme_unknown", f"獎勵計畫「{programme_name}」不在已載入的計畫定義檔中。",
                          f"The award programme '{programme_name}' is not in a loaded programme file."))
        return out
    if programme.ages is None:
        return out
    lo, hi = programme.ages
    for m in members:
        if m.erased:
            continue
        if m.age is None:
            out.append(Notice("age_missing", f"成員「{m.name}」未填出生年，無法確認是否符合 {lo}–{hi} 歲。",
                              f"Member '{m.name}' has no birth year: {lo}–{hi} cannot be checked."))
        elif not lo <= m.age <= hi:
            out.append(Notice("age_outside", f"成員「{m.name}」於 {roc_year} 年為 {m.age} 歲，不在「{programme.name}」"
                                             f"申請資格 {lo}–{hi} 歲之內。",
                              f"Member '{m.name}' is {m.age} in ROC {roc_year}, outside {lo}–{hi}."))
    return out


def team_view(ctx: ServiceContext, team_id: str) -> TeamView:
    with ctx.session_factory() as s:
        team = live(s, YouthTeam, team_id, "青年團隊", "youth team")
        programme = _programme(s, team.programme)
        year = team.roc_year + ROC_OFFSET
        members = [MemberView(m.id, m.name, m.birth_year, m.role, (year - m.birth_year) if m.birth_year else None,
                              m.erased_at is not None, m.version)
                   for m in s.exec(select(YouthTeamMember).where(col(YouthTeamMember.team_id) == team_id,
                                                                 col(YouthTeamMember.deleted_at).is_(None))
                                   .order_by(col(YouthTeamMember.created_at), col(YouthTeamMember.id))).all()]
        conn = s.connection()
        direct = pick("（直接輔導團隊）", "(given to the team directly)")
        supports = [LinkedRecord(r[0], str(r[1]), r[2] or direct, r[3] or "") for r in conn.execute(text(
            "SELECT s.id, s.support_date, w.name, s.kind || ' ' || s.topics FROM youth_team_support l "
            "JOIN support_record s ON s.id = l.support_id AND s.deleted_at IS NULL "
            "LEFT JOIN workstation w ON w.id = s.workstation_id WHERE l.team_id = :t ORDER BY s.support_date"),
            {"t": team_id})]
        visits = [LinkedRecord(r[0], str(r[1]), r[2] or "", r[3] or "") for r in conn.execute(text(
            "SELECT v.id, v.visit_date, c.name || ' ' || t.name, v.purpose FROM youth_team_visit l "
            "JOIN site_visit v ON v.id = l.visit_id AND v.deleted_at IS NULL JOIN county c ON c.code = v.county_code "
            "JOIN township t ON t.code = v.township_code WHERE l.team_id = :t ORDER BY v.visit_date"),
            {"t": team_id})]
        outcomes = outcome_rows(conn, None, None, owner=("youth_team", team_id))
        s.expunge(team)
    return TeamView(team, programme, members, eligibility(team.programme, team.roc_year, members, programme),
                    supports, visits, outcomes)


@dataclass(frozen=True)
class TeamRow:
    id: str
    name: str
    programme: str
    roc_year: int
    award: int
    place: str
    themes: str
    members: int
    supports: int
    visits: int


def list_teams(ctx: ServiceContext, *, all_centers: bool = False) -> list[TeamRow]:
    with ctx.session_factory() as s:
        return team_rows(s.connection(), None if all_centers else ctx.center_code)


def team_rows(conn: Connection, center: str | None) -> list[TeamRow]:
    result = conn.execute(text(
        "SELECT y.id, y.name, y.programme, y.roc_year, y.award, "
        "  trim(coalesce(c.name, '') || ' ' || coalesce(t.name, '')), y.themes, "
        "  (SELECT count(*) FROM youth_team_member m WHERE m.team_id = y.id AND m.deleted_at IS NULL), "
        "  (SELECT count(*) FROM youth_team_support l JOIN support_record s ON s.id = l.support_id "
        "     AND s.deleted_at IS NULL WHERE l.team_id = y.id), "
        "  (SELECT count(*) FROM youth_team_visit l JOIN site_visit v ON v.id = l.visit_id "
        "     AND v.deleted_at IS NULL WHERE l.team_id = y.id) "
        "FROM youth_team y LEFT JOIN county c ON c.code = y.county_code "
        "LEFT JOIN township t ON t.code = y.township_code WHERE y.deleted_at IS NULL"
        f"{'' if center is None else ' AND y.center_code = :center'} ORDER BY y.roc_year DESC, y.name"),
        {"center": center})
    return [TeamRow(r[0], r[1], r[2], int(r[3]), int(r[4]), r[5] or "", r[6] or "", int(r[7]), int(r[8]), int(r[9]))
            for r in result]


def _day(value: object) -> str:
    """A stored day as the user reads dates (民國 in Chinese): SQLite gives text, the server a date."""
    return shown_date(date.fromisoformat(str(value)[:10]))


def support_choices(ctx: ServiceContext) -> list[tuple[str, str]]:
    """(id, label) of the center's live support records, newest first, to link to a team."""
    with ctx.session_factory() as s:
        return [(r[0], spaced([_day(r[1]), r[2], r[3] or ""])) for r in s.connection().execute(text(
            "SELECT s.id, s.support_date, w.name, s.topics FROM support_record s "
            "JOIN workstation w ON w.id = s.workstation_id AND w.deleted_at IS NULL "
            "WHERE s.deleted_at IS NULL AND s.center_code = :c ORDER BY s.support_date DESC, s.id LIMIT 500"),
            {"c": ctx.center_code})]


def visit_choices(ctx: ServiceContext) -> list[tuple[str, str]]:
    """(id, label) of the center's live visits, newest first, to link to a team."""
    with ctx.session_factory() as s:
        return [(r[0], spaced([_day(r[1]), r[2], r[3] or ""])) for r in s.connection().execute(text(
            "SELECT v.id, v.visit_date, c.name || t.name, coalesce(nullif(v.visited_name, ''), v.purpose) "
            "FROM site_visit v JOIN county c ON c.code = v.county_code JOIN township t ON t.code = v.township_code "
            "WHERE v.deleted_at IS NULL AND v.center_code = :c ORDER BY v.visit_date DESC, v.id LIMIT 500"),
            {"c": ctx.center_code})]

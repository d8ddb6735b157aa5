"""Township stocktaking (盤點地方推動現況、研析推動課題): each township's status and its recurring issues.

A township's status is **derived** from what the app knows of it — an approved plan or proposal makes it
已核定, one filed beyond the township or center makes it 已提報, one being written 計畫撰寫中, an idea, a
workstation or a public space 輔導中, a visit 接觸中, nothing 未啟動 — and a counselor may **override** it
with a dated note (:func:`note_status`). Notes are never edited: each is a record, the newest by date
counts, and one without a status hands the township back to the derived value, so the history stays.
An override **lapses** on the first day after its note on which the derived status differs from the one
it had on the note's day (a stage move, a new plan or proposal, a first visit …); the panel says when and
why. A past day's status reads each plan's and proposal's stage from its dated stage history.

推動課題 are a managed, coded list (``services/places/topics.py``), tagged on visits (``VisitData.topic_ids``)
and on townships (:func:`tag_township`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlmodel import Session

from counsel_desk.errors import ValidationError
from counsel_desk.i18n import pick
from counsel_desk.models import IssueTopic, TownshipIssue, TownshipStatusNote
from counsel_desk.models.enums import Stage, TownshipStatus, WorkstationStatus
from counsel_desk.services import base
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.formatting import listed, roc_date
from counsel_desk.services.period import Period, taiwan_day

# Stage of a plan or proposal → the township status it shows (a rejected one is still being counseled).
STAGE_STATUS: dict[str, TownshipStatus] = {
    Stage.IDEA: TownshipStatus.COUNSELING, Stage.REJECTED: TownshipStatus.COUNSELING,
    Stage.DRAFTING: TownshipStatus.WRITING, Stage.CENTER_REVIEW: TownshipStatus.WRITING,
    Stage.RETURNED: TownshipStatus.WRITING,
    Stage.TOWNSHIP_FILED: TownshipStatus.FILED, Stage.COUNTY_REVIEW: TownshipStatus.FILED,
    Stage.SENT: TownshipStatus.FILED, Stage.COUNCIL: TownshipStatus.FILED,
    Stage.APPROVED: TownshipStatus.APPROVED,
}
STATUS_ORDER = list(TownshipStatus)  # from 未啟動 to 已核定
LIVE_STATIONS = (WorkstationStatus.APPLYING, WorkstationStatus.ACTIVE, WorkstationStatus.EXTENDED)


# --- status ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Lapse:
    """Why a counselor's override no longer counts: the records moved on after the note's day."""

    on: date  # the first day the derived status differed from the one on the note's day
    derived: TownshipStatus  # what the records said that day
    why: str  # the dated records of that day, in the language in use


@dataclass(frozen=True)
class Standing:
    """Where a township stands: the status that counts, what its records say, and why."""

    township_code: str
    status: TownshipStatus
    derived: TownshipStatus
    overridden: bool
    noted_on: date | None = None  # the newest note's date
    set_to: TownshipStatus | None = None  # what the newest note set (also when it has lapsed)
    lapse: Lapse | None = None  # set when that override has lapsed


def _later(a: TownshipStatus | None, b: TownshipStatus) -> TownshipStatus:
    return b if a is None or STATUS_ORDER.index(b) > STATUS_ORDER.index(a) else a


def _utc_end(day: date) -> str:
    """The stored UTC timestamp text at which the Taiwan day ``day`` ends (timestamps before it are by then)."""
    return Period.custom(day, day).utc_bounds()[1]


# A plan's or proposal's stage at the end of a day, from its dated stage history (services/proposals/workflow
# records every move): the last move before then; if it only moved later, the stage it left on its first move;
# if it has no history, its stage now. The same reading as the report's proposals (figures.STAGE_AT_END_SQL).
_STAGE_AS_OF = """SELECT x.township_code, coalesce(
    (SELECT s.to_stage FROM stage_change s WHERE {link} AND s.deleted_at IS NULL AND s.changed_at < :hi
       ORDER BY s.changed_at DESC, s.created_at DESC, s.id DESC LIMIT 1),
    (SELECT coalesce(nullif(s.from_stage, ''), 'idea') FROM stage_change s WHERE {link} AND s.deleted_at IS NULL
       ORDER BY s.changed_at, s.created_at, s.id LIMIT 1),
    x.stage) AS stage
  FROM {table} x WHERE x.deleted_at IS NULL AND x.township_code IS NOT NULL AND x.created_at < :hi"""


def derived_statuses(conn: Connection, as_of: date | None = None) -> dict[str, TownshipStatus]:
    """Each township with any record → its derived status (townships not in the result: 未啟動).

    ``as_of`` reads the records as they stood at the end of that day (Taiwan time): visits up to it,
    workstations, public spaces, plans and proposals recorded by then, and each plan's or proposal's
    stage from its dated stage history — a proposal approved later is not approved yet."""
    params = {"d": as_of.isoformat() if as_of else "9999-12-31",
              "hi": _utc_end(as_of) if as_of else "9999-12-31 23:59:59"}
    out: dict[str, TownshipStatus] = {}
    for (code,) in conn.execute(text("SELECT DISTINCT x.township_code FROM site_visit x "
                                     "WHERE x.deleted_at IS NULL AND x.visit_date <= :d"), params):
        out[code] = TownshipStatus.CONTACT
    live = ", ".join(f"'{s.value}'" for s in LIVE_STATIONS)
    for (code,) in conn.execute(text(
            f"SELECT x.township_code FROM workstation x WHERE x.deleted_at IS NULL AND x.status IN ({live}) "
            "AND x.created_at < :hi UNION SELECT x.township_code FROM public_space x "
            "WHERE x.deleted_at IS NULL AND x.created_at < :hi"), params):
        out[code] = _later(out.get(code), TownshipStatus.COUNSELING)
    if as_of is None:
        sql = ("SELECT x.township_code, x.stage FROM plan x WHERE x.deleted_at IS NULL "
               "AND x.township_code IS NOT NULL UNION ALL SELECT x.township_code, x.stage FROM proposal x "
               "WHERE x.deleted_at IS NULL AND x.township_code IS NOT NULL")
    else:
        sql = (_STAGE_AS_OF.format(table="plan", link="s.plan_id = x.id AND s.proposal_id IS NULL")
               + " UNION ALL " + _STAGE_AS_OF.format(table="proposal", link="s.proposal_id = x.id"))
    for code, stage in conn.execute(text(sql), params):
        status = STAGE_STATUS.get(stage)
        if status is not None:
            out[code] = _later(out.get(code), status)
    return out


def _overrides(conn: Connection, as_of: date | None = None,
               township_code: str | None = None) -> dict[str, tuple[str, Any]]:
    """Township → (status or None, noted_on) of its newest status note."""
    conds = ["deleted_at IS NULL"]
    params: dict[str, str] = {}
    if as_of:
        conds.append("noted_on <= :d")
        params["d"] = as_of.isoformat()
    if township_code:
        conds.append("township_code = :t")
        params["t"] = township_code
    out: dict[str, tuple[str, Any]] = {}
    rows = conn.execute(text(f"SELECT township_code, status, noted_on FROM township_status_note "
                             f"WHERE {' AND '.join(conds)} ORDER BY noted_on, created_at, id"), params)
    for town, status, noted_on in rows:
        out[town] = (status, noted_on)  # later rows win
    return out


@dataclass
class _Record:
    """A plan or proposal of one township: when it was recorded, its stage now and its dated moves."""

    title: str
    created: date
    stage: str
    moves: list[tuple[date, str, str]]  # (Taiwan day, from, to), in the order they happened

    def stage_on(self, day: date) -> str | None:
        """Its stage at the end of ``day`` (None: not recorded yet) — the rule of :data:`_STAGE_AS_OF`."""
        if self.created > day:
            return None
        done = [m for m in self.moves if m[0] <= day]
        if done:
            return done[-1][2]
        return (self.moves[0][1] or "idea") if self.moves else self.stage


class TownshipTimeline:
    """One township's records with their dates, read once: its derived status on any day, and what
    happened on each day (for an override's lapse: a handful of queries per township, not per day)."""

    def __init__(self, conn: Connection, town: str):
        p = {"t": town}
        self.first_visit = _opt_day(conn.execute(text(
            "SELECT MIN(visit_date) FROM site_visit WHERE deleted_at IS NULL AND township_code = :t"), p).scalar())
        live = ", ".join(f"'{s.value}'" for s in LIVE_STATIONS)
        self.first_place = min((d for d in (_opt_day(conn.execute(text(sql), p).scalar(), stamp=True) for sql in (
            f"SELECT MIN(created_at) FROM workstation WHERE deleted_at IS NULL AND status IN ({live}) "
            "AND township_code = :t",
            "SELECT MIN(created_at) FROM public_space WHERE deleted_at IS NULL AND township_code = :t")) if d),
            default=None)
        self.records: dict[str, _Record] = {}
        for key, title, created, stage in conn.execute(text(
                "SELECT 'plan:' || id, title, created_at, stage FROM plan WHERE deleted_at IS NULL AND township_code = :t "
                "UNION ALL SELECT 'proposal:' || id, title, created_at, stage FROM proposal "
                "WHERE deleted_at IS NULL AND township_code = :t"), p):
            self.records[key] = _Record(title, _taiwan_day(created), stage, [])
        moves = conn.execute(text(  # two index look-ups (an OR across both joins scanned every move)
            "SELECT 'proposal:' || c.proposal_id, c.changed_at, c.created_at, c.id, c.from_stage, c.to_stage "
            "FROM stage_change c JOIN proposal p ON p.id = c.proposal_id "
            "WHERE p.township_code = :t AND c.deleted_at IS NULL "
            "UNION ALL SELECT 'plan:' || c.plan_id, c.changed_at, c.created_at, c.id, c.from_stage, c.to_stage "
            "FROM stage_change c JOIN plan pl ON pl.id = c.plan_id "
            "WHERE pl.township_code = :t AND c.proposal_id IS NULL AND c.deleted_at IS NULL"), p).all()
        for key, at, _created, _id, from_stage, to_stage in sorted(moves, key=lambda m: (m[1], m[2], m[3])):
            if key in self.records:
                self.records[key].moves.append((_taiwan_day(at), from_stage or "", to_stage))

    def status_on(self, day: date) -> TownshipStatus:
        status = TownshipStatus.NOT_STARTED
        if self.first_visit and self.first_visit <= day:
            status = TownshipStatus.CONTACT
        if self.first_place and self.first_place <= day:
            status = _later(status, TownshipStatus.COUNSELING)
        for record in self.records.values():
            stage = record.stage_on(day)
            if stage in STAGE_STATUS:
                status = _later(status, STAGE_STATUS[stage])
        return status

    def events(self) -> dict[date, list[str]]:
        """Day → what happened that day that may move the status (creations, stage moves, first visit …)."""
        out: dict[date, list[str]] = {}

        def add(day: date | None, what: str) -> None:
            if day is not None and what not in out.setdefault(day, []):
                out[day].append(what)

        add(self.first_visit, pick("第一次訪視", "the first visit"))
        add(self.first_place, pick("第一個工作站或公有空間", "the first workstation or public space"))
        for r in self.records.values():
            add(r.created, pick(f"「{r.title}」建立", f"'{r.title}' created"))
            for day, from_stage, to_stage in r.moves:
                if from_stage:  # a record's first row is its creation, named above
                    label = Stage.label_of(to_stage)
                    add(day, pick(f"「{r.title}」進入{label}", f"'{r.title}' moved to {label}"))
        return out


def _opt_day(value: Any, stamp: bool = False) -> date | None:
    if value is None:
        return None
    return _taiwan_day(value) if stamp else _day(value)


def _lapse(conn: Connection, town: str, noted_on: date, as_of: date | None) -> Lapse | None:
    """When (and why) an override noted on ``noted_on`` stopped counting by ``as_of``: the first later day on
    which the township's derived status differs from the one on the note's day; None while it holds."""
    timeline = TownshipTimeline(conn, town)
    base_status = timeline.status_on(noted_on)
    for day, whys in sorted(timeline.events().items()):
        if day <= noted_on or (as_of is not None and day > as_of):
            continue
        now = timeline.status_on(day)
        if now != base_status:
            return Lapse(day, now, listed(whys[:3]) + ("…" if len(whys) > 3 else ""))
    return None


def standings_in(conn: Connection, as_of: date | None = None) -> dict[str, Standing]:
    """Every township that is not simply 未啟動 → its standing as of the end of ``as_of`` (now when None).

    A counselor's override counts until the township's derived status moves past the one it had on the
    note's day (a later stage move, a new plan or proposal, a first visit …: the override *lapses*), or
    until a newer note — one setting another status, or handing the township back to its records."""
    derived = derived_statuses(conn, as_of)
    notes = _overrides(conn, as_of)
    out: dict[str, Standing] = {}
    for town in set(derived) | set(notes):
        d = derived.get(town, TownshipStatus.NOT_STARTED)
        status, noted_on = notes.get(town, (None, None))
        noted = _day(noted_on) if noted_on else None
        if status and noted:
            set_to = TownshipStatus(status)
            lapse = _lapse(conn, town, noted, as_of)
            out[town] = (Standing(town, d, d, False, noted, set_to, lapse) if lapse
                         else Standing(town, set_to, d, True, noted, set_to))
        else:
            out[town] = Standing(town, d, d, False, noted)
    return out


def standings(ctx: ServiceContext, as_of: date | None = None) -> dict[str, Standing]:
    with ctx.session_factory() as s:
        return standings_in(s.connection(), as_of)


def standing(ctx: ServiceContext, township_code: str, as_of: date | None = None) -> Standing:
    return standings(ctx, as_of).get(township_code) or Standing(township_code, TownshipStatus.NOT_STARTED,
                                                                 TownshipStatus.NOT_STARTED, False)


def _town(s: Session, township_code: str) -> tuple[str, str, str, str | None]:
    row = s.connection().execute(text(
        "SELECT t.county_code, t.name, c.name, t.indigenous_area, t.name_en, c.name_en FROM township t "
        "JOIN county c ON c.code = t.county_code WHERE t.code = :t"), {"t": township_code}).first()
    if row is None:
        raise ValidationError(f"沒有代碼為 {township_code} 的鄉鎮市區。", f"No township {township_code}.",
                              field="township_code")
    return row[0], pick(row[1], row[4] or row[1]), pick(row[2], row[5] or row[2]), row[3]


def note_status(ctx: ServiceContext, township_code: str, status: str | None, noted_on: date | None,
                note: str) -> TownshipStatusNote:
    """A counselor's dated word on a township's status; ``status`` None returns it to the derived value."""
    if noted_on is None:
        raise ValidationError("請填寫記錄日期。", "Enter the date of the note.", field="noted_on")
    if noted_on > date.today():
        raise ValidationError(f"記錄日期 {roc_date(noted_on)} 還沒到：請填今天或以前的日期。",
                              f"The note's date {noted_on} is in the future.", field="noted_on")
    if status:
        try:
            status = TownshipStatus(status).value
        except ValueError:
            raise ValidationError("請從清單選擇狀態。", "Choose a status from the list.", field="status") from None
    note = (note or "").strip()
    if not note:
        raise ValidationError("請寫下改定狀態的理由（例如：公所已召開說明會）。",
                              "Write why the status is set (e.g. the township office held a meeting).", field="note")
    with ctx.session_factory() as s:
        county, *_ = _town(s, township_code)
        row = TownshipStatusNote(center_code=ctx.center_code, county_code=county, township_code=township_code,
                                 status=status or "", noted_on=noted_on, note=note)
        base.create(s, row, ctx.actor, "township_status_note")
        s.commit()
        return row


def tag_township(ctx: ServiceContext, township_code: str, topic_id: str, noted_on: date, note: str = "") -> None:
    """Note a 推動課題 for the whole township (a removed tag comes back rather than being added twice)."""
    with ctx.session_factory() as s:
        county, *_ = _town(s, township_code)
        topic = s.get(IssueTopic, topic_id)
        if topic is None or topic.deleted_at is not None:
            raise ValidationError("找不到這個推動課題。", "This issue topic no longer exists.", field="topic_id")
        existing = s.connection().execute(text(
            "SELECT id FROM township_issue WHERE center_code = :c AND township_code = :t AND topic_id = :k"),
            {"c": ctx.center_code, "t": township_code, "k": topic_id}).scalar()
        if existing:
            row = s.get(TownshipIssue, existing)
            assert row is not None
            if row.deleted_at is not None:
                base.undelete(s, row, ctx.actor, "township_issue")
            base.update(s, row, ctx.actor, "township_issue", {"noted_on": noted_on, "note": (note or "").strip()})
        else:
            base.create(s, TownshipIssue(center_code=ctx.center_code, county_code=county, township_code=township_code,
                                         topic_id=topic_id, noted_on=noted_on, note=(note or "").strip()),
                        ctx.actor, "township_issue")
        s.commit()


def untag_township(ctx: ServiceContext, issue_id: str) -> None:
    with ctx.session_factory() as s:
        row = s.get(TownshipIssue, issue_id)
        if row is not None and row.deleted_at is None:
            base.soft_delete(s, row, ctx.actor, "township_issue")
            s.commit()


# --- the township panel ---------------------------------------------------------------------------
@dataclass(frozen=True)
class TopicTally:
    topic_id: str
    label: str
    visits: int  # visits in the township tagged with it
    township_issue_id: str | None  # set when the township itself is tagged


@dataclass(frozen=True)
class Event:
    day: date
    what: str  # a line of the history, in the language in use


@dataclass(frozen=True)
class TownshipPanel:
    code: str
    name: str
    county_name: str
    indigenous_area: str | None
    standing: Standing
    visits: int
    topics: list[TopicTally]
    history: list[Event]  # newest first


def township_panel(ctx: ServiceContext, township_code: str) -> TownshipPanel:
    """Everything the township panel shows: status (and why), its 推動課題, its dated history."""
    with ctx.session_factory() as s:
        conn = s.connection()
        _county, name, county_name, indigenous = _town(s, township_code)
        st = standings_in(conn).get(township_code) or Standing(township_code, TownshipStatus.NOT_STARTED,
                                                               TownshipStatus.NOT_STARTED, False)
        p = {"t": township_code}
        visits = conn.execute(text("SELECT COUNT(*) FROM site_visit WHERE township_code = :t AND deleted_at IS NULL"),
                              p).scalar_one()
        tallies: dict[str, list[Any]] = {}
        for tid, code, zh, en, n in conn.execute(text(
                "SELECT k.id, k.code, k.name, k.name_en, COUNT(*) FROM visit_issue_topic l "
                "JOIN site_visit v ON v.id = l.visit_id JOIN issue_topic k ON k.id = l.topic_id "
                "WHERE v.township_code = :t AND v.deleted_at IS NULL GROUP BY k.id, k.code, k.name, k.name_en"), p):
            tallies[tid] = [pick(zh, en or zh), n, None, code]
        for iid, tid, zh, en, code in conn.execute(text(
                "SELECT i.id, k.id, k.name, k.name_en, k.code FROM township_issue i JOIN issue_topic k ON k.id = i.topic_id "
                "WHERE i.township_code = :t AND i.deleted_at IS NULL"), p):
            tallies.setdefault(tid, [pick(zh, en or zh), 0, None, code])[2] = iid
        topic_rows = sorted((TopicTally(tid, v[0], v[1], v[2]) for tid, v in tallies.items()),
                            key=lambda t: (-t.visits, t.label))
        history: list[Event] = []
        for day, status, note, who in conn.execute(text(
                "SELECT noted_on, status, note, updated_by FROM township_status_note "
                "WHERE township_code = :t AND deleted_at IS NULL"), p):
            label = TownshipStatus.label_of(status) if status else pick("依計畫與提案推算", "derived from plans")
            history.append(Event(_day(day), pick(f"狀態改定為「{label}」：{note}（{who}）",
                                                 f"Status set to '{label}': {note} ({who})")))
        if st.lapse is not None and st.set_to is not None:
            lapse, set_to, derived = st.lapse, st.set_to.label, st.lapse.derived.label
            history.append(Event(lapse.on, pick(
                f"改定的狀態「{set_to}」失效：{lapse.why}，依紀錄推算為「{derived}」",
                f"The status set to '{set_to}' lapsed: {lapse.why}; the records say '{derived}'")))
        for day, title, from_stage, stage in conn.execute(text(
                "SELECT c.changed_at, COALESCE(p.title, pl.title), c.from_stage, c.to_stage FROM stage_change c "
                "LEFT JOIN proposal p ON p.id = c.proposal_id LEFT JOIN plan pl ON pl.id = c.plan_id "
                "WHERE c.deleted_at IS NULL AND COALESCE(p.township_code, pl.township_code) = :t"), p):
            label = Stage.label_of(stage)
            history.append(Event(_taiwan_day(day), pick(f"「{title}」建立（{label}）", f"'{title}' created ({label})")
                                 if not from_stage else pick(f"「{title}」進入{label}", f"'{title}' moved to {label}")))
        for day, who, n_topics in conn.execute(text(
                "SELECT v.visit_date, v.visited_name, (SELECT COUNT(*) FROM visit_issue_topic l WHERE l.visit_id = v.id) "
                "FROM site_visit v WHERE v.township_code = :t AND v.deleted_at IS NULL "
                "ORDER BY v.visit_date DESC LIMIT 30"), p):
            extra = pick(f"，標記 {n_topics} 項課題", f", {n_topics} topics") if n_topics else ""
            history.append(Event(_day(day), pick(f"訪視 {who}{extra}", f"Visit: {who}{extra}")))
        history.sort(key=lambda e: e.day, reverse=True)
        return TownshipPanel(township_code, name, county_name, indigenous, st, visits, topic_rows, history)


def _taiwan_day(value: Any) -> date:
    """The Taiwan calendar day of a stored UTC timestamp (a datetime on a server, text in a file)."""
    stamp = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if stamp.tzinfo is not None:  # an aware value in the session's zone: UTC first
        stamp = stamp.astimezone(timezone.utc)
    return taiwan_day(stamp)


def _day(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])

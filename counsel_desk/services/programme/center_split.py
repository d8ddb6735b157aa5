"""Which counties each regional center (分區輔導中心) serves — the center → county split.

The split shipped in ``resources/data/taiwan_townships.csv`` is the default (labelled so wherever it
is listed). Headquarters may move a county to another center (:func:`set_county_center`); the change
is audited and kept in ``app_meta`` (``center_split``) so a release refreshing the reference data
applies it again instead of silently undoing it. A workstation or proposal in a county outside its
center's counties is warned about (:func:`outside_center_notice`), never refused.

The split travels in every exported workbook's meta (``center_split``) with the time it was last set
(``center_split_at``): a database importing one takes a split set later than its own (:func:`receive`,
audited) — headquarters' move reaches the center laptops as a programme file does — and keeps its own
otherwise, so a center's workbook never undoes headquarters' move. A database where the split was set (its
origin ``here``: headquarters') takes none: a laptop's split, even a newer one, never flows up to it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import text
from sqlalchemy.engine import Connection

from counsel_desk.errors import UserError
from counsel_desk.i18n import pick
from counsel_desk.models import utcnow
from counsel_desk.models.enums import CenterCode
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.formatting import shown_datetime
from counsel_desk.services.period import taiwan_time
from counsel_desk.services.programme.programme import Notice, Source
from counsel_desk.store import audit, reference

SPLIT_KEY = reference.SPLIT_KEY
SPLIT_AT_KEY = "center_split_at"  # when the split was last set (UTC, ISO with microseconds): the newer one wins
SPLIT_ORIGIN_KEY = "center_split_origin"  # "here" (set in this database: it is the authority) or "workbook"
_AT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}")
SOURCE = Source("加速推動地方創生計畫", "叁、三、建構分區輔導中心（北、中、南、東分區）；縣市分區為本程式預設，總部可調整")


def center_counties(conn: Connection, center_code: str) -> frozenset[str]:
    return frozenset(r[0] for r in conn.execute(text("SELECT code FROM county WHERE default_center = :c"),
                                                {"c": center_code}))


def outside_center_notice(conn: Connection, center_code: str, county_code: str | None, what_zh: str = "",
                          what_en: str = "") -> Notice | None:
    """A warning when ``county_code`` is not one of ``center_code``'s counties (None when it is)."""
    if not county_code or not center_code:
        return None
    row = conn.execute(text("SELECT name, default_center, name_en FROM county WHERE code = :c"),
                       {"c": county_code}).first()
    if row is None or row[1] == center_code:
        return None
    try:
        center_en = CenterCode(center_code).en
    except ValueError:
        return None
    return Notice("outside_center",
                  f"{what_zh}「{row[0]}」不在{center_name(center_code)}的縣市內（{row[0]}屬{center_name(row[1])}）。",
                  f"{what_en} {row[2]} is outside the {center_en} center's counties.", SOURCE)


def center_name(code: str) -> str:
    """One form of a center's name everywhere: 地方創生北區輔導中心 (the code itself if unknown)."""
    try:
        return CenterCode(code).full_name_zh
    except ValueError:
        return code


@dataclass(frozen=True)
class CountyCenter:
    county_code: str
    county: str
    center_code: str
    default_center: str  # as shipped
    county_en: str = ""

    @property
    def county_label(self) -> str:
        return pick(self.county, self.county_en or self.county)

    @property
    def is_default(self) -> bool:
        return self.center_code == self.default_center

    @property
    def label(self) -> str:
        return pick("預設" if self.is_default else "總部調整", "default" if self.is_default else "set by headquarters")


def _shipped() -> dict[str, str]:
    return {t.county_code: t.default_center for t in reference.townships()}


def overrides(conn: Connection) -> dict[str, str]:
    raw = _meta(conn, SPLIT_KEY)
    try:
        d = json.loads(raw) if raw else {}
    except ValueError:
        return {}
    return {k: v for k, v in d.items() if isinstance(k, str) and isinstance(v, str)}


def split(ctx: ServiceContext) -> list[CountyCenter]:
    """Every county with its center, in the official order; each labelled default or set by headquarters."""
    shipped = _shipped()
    with ctx.session_factory() as s:
        rows = s.connection().execute(text("SELECT code, name, default_center, name_en FROM county ORDER BY sort_order"))
        return [CountyCenter(code, name, center, shipped.get(code, center), name_en or "")
                for code, name, center, name_en in rows]


def set_county_center(ctx: ServiceContext, county_code: str, center_code: str) -> CountyCenter:
    """Headquarters moves a county to ``center_code`` (audited); moving it back restores the default."""
    try:
        center = CenterCode.from_label(center_code).value
    except ValueError:
        raise UserError(f"「{center_code}」不是分區輔導中心（北區、中區、南區、東區）。",
                        f"'{center_code}' is not a regional center.") from None
    with ctx.session_factory() as s:
        conn = s.connection()
        row = conn.execute(text("SELECT code, name, default_center FROM county WHERE code = :c OR name = :c"),
                           {"c": county_code}).first()
        if row is None:
            raise UserError(f"找不到縣市「{county_code}」。", f"No county '{county_code}'.")
        code, name, before = row
        name_en = conn.execute(text("SELECT name_en FROM county WHERE code = :c"), {"c": code}).scalar() or ""
        shipped = _shipped().get(code, before)
        if before != center:
            kept = overrides(conn)
            if center == shipped:
                kept.pop(code, None)
            else:
                kept[code] = center
            conn.execute(text("UPDATE county SET default_center = :c WHERE code = :k"), {"c": center, "k": code})
            _keep(conn, kept, utcnow().strftime("%Y-%m-%dT%H:%M:%S.%f"), "here")
            audit.record(s, ctx.actor, "center_split", "county", code,
                         {"county": name, "center": [before, center], "default": shipped})
            s.commit()
        return CountyCenter(code, name, center, shipped, name_en)


def _meta(conn: Connection, key: str) -> str | None:
    return conn.execute(text("SELECT value FROM app_meta WHERE key = :k"), {"k": key}).scalar()


def _keep(conn: Connection, moves: dict[str, str], at: str, origin: str) -> None:
    for key, value in ((SPLIT_KEY, json.dumps(moves, sort_keys=True)), (SPLIT_AT_KEY, at), (SPLIT_ORIGIN_KEY, origin)):
        conn.execute(text("DELETE FROM app_meta WHERE key = :k"), {"k": key})
        conn.execute(text("INSERT INTO app_meta (key, value) VALUES (:k, :v)"), {"k": key, "v": value})


@dataclass(frozen=True)
class SplitReceived:
    """A split found in an imported workbook: taken (``loaded``), ours kept as newer or as new (``kept``), or
    unreadable (``invalid``); ``moves``: county → center as the workbook set them."""

    file: str
    action: str
    at: str
    moves: dict[str, str]
    problem: str = ""

    def describe(self) -> str:
        if self.action == "loaded":  # when headquarters set it, in Taiwan time: 115/12/08 00:54 (2026-12-08 in English)
            at = shown_datetime(taiwan_time(datetime.fromisoformat(self.at).replace(tzinfo=timezone.utc)))
            return pick(f"已採用「{self.file}」的分區縣市（總部於 {at} 調整）。",
                        f"Took the center split of '{self.file}' (set by headquarters on {at}).")
        return self.problem  # invalid, or a newer split kept out of the database where the split is set


def receive(conn: Connection, file: str, moves_text: str, at: str) -> SplitReceived | None:
    """A workbook's split (its meta's ``center_split`` and ``center_split_at``), taken when set later than ours:
    every county back to its shipped center, then the workbook's moves. None when the workbook carries none (never
    set, or an older format)."""
    if not at:
        return None
    try:
        moves = json.loads(moves_text or "{}")
        valid = _AT.fullmatch(at) and isinstance(moves, dict)
    except ValueError:
        valid, moves = False, {}
    shipped = _shipped()
    centers = {c.value for c in CenterCode}
    if not valid or any(k not in shipped or v not in centers for k, v in moves.items()):
        return SplitReceived(file, "invalid", at, {}, pick(
            f"「{file}」的分區縣市調整無法辨識，未採用；本機的分區不變。",
            f"The center split in '{file}' is unreadable and was not taken; this database's split is unchanged."))
    ours = _meta(conn, SPLIT_AT_KEY) or ""
    if _meta(conn, SPLIT_ORIGIN_KEY) == "here" and at > ours:  # set in this database (headquarters'): no workbook overrides it
        return SplitReceived(file, "kept", at, moves, pick(
            f"「{file}」帶有較新的分區縣市調整，但本資料庫的分區是在這裡設定的，未採用；如需改變，請在「各中心縣市」調整。",
            f"'{file}' carries a newer center split, but this database's split was set here and is kept; "
            "change it in Counties of each center if needed."))
    if at <= ours:
        return SplitReceived(file, "kept", at, moves)
    for code, center in {**shipped, **moves}.items():
        conn.execute(text("UPDATE county SET default_center = :c WHERE code = :k AND default_center <> :c"),
                     {"c": center, "k": code})
    _keep(conn, {k: v for k, v in moves.items() if v != shipped[k]}, at, "workbook")
    return SplitReceived(file, "loaded", at, moves)

"""The lists of outcomes (成果紀錄) and youth teams (青年團隊): filtered, searched and sorted in SQL.

Each has its own search index (``store.search``, entities ``outcome`` and ``youth_team``): every word
of the search box must be in the record's note, agency, programme or company (a team's name, award
programme, themes or notes), its county or township, or its workstation's name.
Filters: outcomes by ``kind``, period (their date), ``county_code``/``township_code``; youth teams
by ``county_code``/``township_code``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, text

from counsel_desk.i18n import pick
from counsel_desk.models.enums import PEOPLE_OUTCOMES, OutcomeKind
from counsel_desk.services.formatting import shown_date
from counsel_desk.services.listing import QT_TRANSLATE_NOOP, Column
from counsel_desk.services.programme.program_base import (
    PLACE_COLUMNS, PLACE_JOINS, PLACE_SORTS, SqlListSource, as_date, in_params, place_names,
)


class OutcomeListSource(SqlListSource):
    table = "outcome t"
    # an outcome names its township, or is tied to a workstation, proposal or youth team that has one
    township_column = ("COALESCE(t.township_code, (SELECT w.township_code FROM workstation w WHERE w.id = t.workstation_id), "
                       "(SELECT p.township_code FROM proposal p WHERE p.id = t.proposal_id), "
                       "(SELECT y.township_code FROM youth_team y WHERE y.id = t.youth_team_id))")
    entity = "outcome"
    filterable = ("kind",)
    date_column = "t.outcome_date"
    columns = [
        Column("date", QT_TRANSLATE_NOOP("WorkstationColumns", "Date")),
        Column("kind", QT_TRANSLATE_NOOP("WorkstationColumns", "Kind")),
        Column("people", QT_TRANSLATE_NOOP("WorkstationColumns", "People"), align_right=True),
        Column("amount", QT_TRANSLATE_NOOP("WorkstationColumns", "Amount"), align_right=True),
        Column("linked", QT_TRANSLATE_NOOP("WorkstationColumns", "Linked to")),
        Column("county", QT_TRANSLATE_NOOP("WorkstationColumns", "County")),
        Column("township", QT_TRANSLATE_NOOP("WorkstationColumns", "Township")),
        Column("detail", QT_TRANSLATE_NOOP("WorkstationColumns", "Detail")),
    ]
    sort_sql = {"date": "t.outcome_date", "kind": "t.kind", "people": "t.people", "amount": "t.amount", **PLACE_SORTS}
    default_sort = "t.outcome_date"
    default_descending = True

    def fetch_rows(self, conn: Connection, ids: list[str]) -> dict[str, dict[str, Any]]:
        where, params = in_params(ids)
        sql = ("SELECT t.id, t.outcome_date, t.kind, t.people, t.amount, t.registered, "
               f"  coalesce(w.name, p.title, y.name, ''), {PLACE_COLUMNS}, "
               "  t.agency, t.programme, t.company "
               "FROM outcome t LEFT JOIN workstation w ON w.id = t.workstation_id "
               "LEFT JOIN proposal p ON p.id = t.proposal_id LEFT JOIN youth_team y ON y.id = t.youth_team_id "
               f"{PLACE_JOINS} WHERE t.id IN {where}")
        out = {}
        for r in conn.execute(text(sql), params):
            people_kind = r[2] in {k.value for k in PEOPLE_OUTCOMES}
            kind = OutcomeKind.label_of(r[2])
            if r[5] is not None and r[2] in ("youth_stayed", "youth_returned"):
                kind += pick("（設籍）" if r[5] else "（未設籍）", " (registered)" if r[5] else " (not registered)")
            out[r[0]] = {"date": shown_date(as_date(r[1])), "kind": kind,
                         "people": int(r[3]) if people_kind else None, "amount": None if people_kind else int(r[4]),
                         "linked": r[6], **place_names(*r[7:11]),
                         "detail": "／".join(x for x in (r[11], r[12], r[13]) if x)}
        return out


class YouthTeamListSource(SqlListSource):
    table = "youth_team t"
    entity = "youth_team"
    columns = [
        Column("name", QT_TRANSLATE_NOOP("WorkstationColumns", "Name")),
        Column("programme", QT_TRANSLATE_NOOP("WorkstationColumns", "Award programme")),
        Column("year", QT_TRANSLATE_NOOP("WorkstationColumns", "Year"), align_right=True),
        Column("award", QT_TRANSLATE_NOOP("WorkstationColumns", "Award"), align_right=True),
        Column("county", QT_TRANSLATE_NOOP("WorkstationColumns", "County")),
        Column("township", QT_TRANSLATE_NOOP("WorkstationColumns", "Township")),
        Column("members", QT_TRANSLATE_NOOP("WorkstationColumns", "Members"), align_right=True),
        Column("support", QT_TRANSLATE_NOOP("WorkstationColumns", "Support records"), align_right=True),
    ]
    sort_sql = {"name": "t.name", "programme": "t.programme", "year": "t.roc_year", "award": "t.award", **PLACE_SORTS}
    default_sort = "t.roc_year"
    default_descending = True

    def fetch_rows(self, conn: Connection, ids: list[str]) -> dict[str, dict[str, Any]]:
        where, params = in_params(ids)
        sql = (f"SELECT t.id, t.name, t.programme, t.roc_year, t.award, {PLACE_COLUMNS}, "
               "  (SELECT count(*) FROM youth_team_member m WHERE m.team_id = t.id AND m.deleted_at IS NULL), "
               "  (SELECT count(*) FROM youth_team_support l JOIN support_record s ON s.id = l.support_id "
               "     AND s.deleted_at IS NULL WHERE l.team_id = t.id) "
               f"FROM youth_team t {PLACE_JOINS} WHERE t.id IN {where}")
        return {r[0]: {"name": r[1], "programme": r[2], "year": int(r[3]), "award": int(r[4]),
                       **place_names(*r[5:9]),
                       "members": int(r[9]), "support": int(r[10])}
                for r in conn.execute(text(sql), params)}

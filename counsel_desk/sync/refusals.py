"""A server's row-level security refused part of a batch (a sync's push, a workbook import): said in words.

A counselor's login may change only her own center's records (store/server_roles.py); the server refuses a
row of another center with "new row violates row-level security policy". The batch is one transaction, so
nothing of it is written; the person reads which center's records were in it, and in which sheets.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError

from counsel_desk.errors import UserError
from counsel_desk.models.enums import CenterCode
from counsel_desk.store.server_roles import CENTER_TABLES
from counsel_desk.sync import db as syncdb
from counsel_desk.sync import format as fmt
from counsel_desk.sync.reader import stage_table


def refused_by_server(target: syncdb.SyncConnection, exc: DBAPIError, label: str, kept: tuple[str, str]) -> UserError | None:
    """The server's row-level security refused a row of the push (a record of a center the login may not
    change): everything of it is rolled back, and the person is told which center's records (and sheets) were in
    it. ``label`` names where the changes came from, ``kept`` (zh, en) what is kept and what to do."""
    orig = getattr(exc, "orig", None)
    if not target.server or getattr(orig, "sqlstate", None) != "42501":  # insufficient_privilege
        return None
    target.rollback()
    login = target.execute("SELECT session_user").scalar()
    foreign: dict[str, set[str]] = {}  # center → titles of the sheets its records are in
    if target.execute("SELECT to_regproc('cd_may_write') IS NOT NULL").scalar():
        visits = stage_table(fmt.BY_TABLE["site_visit"])
        queries = [(t, f"SELECT DISTINCT center_code FROM {stage_table(fmt.BY_TABLE[t])} WHERE NOT cd_may_write("
                       "center_code)") for t in CENTER_TABLES if t in fmt.BY_TABLE]
        queries.append(("followup", f"SELECT DISTINCT v.center_code FROM {stage_table(fmt.BY_TABLE['followup'])} f "
                                    f"JOIN (SELECT id, center_code FROM site_visit UNION ALL SELECT id, center_code "
                                    f"FROM {visits}) v ON v.id = f.visit_id WHERE NOT cd_may_write(v.center_code)"))
        for table, sql in queries:
            for (center,) in target.execute(sql):
                foreign.setdefault(center, set()).add(fmt.BY_TABLE[table].title)
    nothing_zh, nothing_en = f"伺服器上沒有寫入任何資料，{kept[0]}", f"Nothing was written on the server; {kept[1]}"
    if not foreign:
        return UserError(f"中心伺服器拒絕了 {label} 的變更：帳號 {login} 沒有這個權限（{orig}）。{nothing_zh}。",
                         f"The center server refused the changes from {label}: the login {login} may not make "
                         f"them ({orig}). {nothing_en}.")
    known = CenterCode._value2member_map_
    zh = "、".join(f"{CenterCode(c).zh if c in known else c}（{'、'.join(sorted(t))}）" for c, t in sorted(foreign.items()))
    en = ", ".join(f"{CenterCode(c).en if c in known else c} ({', '.join(sorted(t))})" for c, t in sorted(foreign.items()))
    return UserError(
        f"中心伺服器拒絕了 {label} 的變更：其中有別的中心的紀錄——{zh}；帳號 {login} 只能變更自己中心的資料"
        f"（伺服器的列層級權限）。{nothing_zh}。",
        f"The center server refused the changes from {label}: they include records of another center — {en}; "
        f"the login {login} may change only its own center's records (the server's row-level security). "
        f"{nothing_en}.")

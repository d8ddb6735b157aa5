"""Who may change what on a shared server: roles, row-level security on center, the audit log's logins.

Each person connects as their own login (``CREATE ROLE wang LOGIN …``), a member of one group:

- ``cd_center_<code>`` (north, central, south, east): reads every center's records, changes only their
  own center's — refused by the server itself (row-level security), not only by the program;
- ``cd_hq``: headquarters staff, who read and consolidate all four centers (imports of every center).

Both groups are in ``cd_staff``, which holds the table privileges. The tables' owner (the login that
ran ``counsel-desk server init`` and the upgrades) is not subject to the policies.

A row's center is ``center_code``; a follow-up's is its visit's. Changing a record of another center
fails with "new row violates row-level security policy"; moving a record into one's own center is
refused by a trigger. Every audit entry a person writes names their login (``actor … [login]``,
:func:`counsel_desk.store.audit.record`), and the server refuses one that names another.

:func:`init_sql` is what ``counsel-desk server init`` prints or applies (idempotent: run it again
after each upgrade, it covers new tables too); :func:`person_sql` adds a person.
"""

from __future__ import annotations

import re

from sqlalchemy.engine import Connection

from counsel_desk.errors import UserError
from counsel_desk.models.enums import CenterCode

STAFF, HQ = "cd_staff", "cd_hq"
# the tables whose rows belong to a center (a new one with center_code is covered by the next init)
CENTER_TABLES = ("site_visit", "counselor", "plan", "proposal", "yearly_target", "report_snapshot", "report_narrative",
                 "workstation", "support_record", "public_space", "center_event")
_LOGIN = re.compile(r"^[a-z_][a-z0-9_.-]{0,62}$")


def center_role(center: str) -> str:
    return f"cd_center_{center}"


def _role(name: str, member_of: str | None = None) -> str:
    grant = f" GRANT {member_of} TO {name};" if member_of else ""
    return (f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{name}') THEN "
            f"CREATE ROLE {name} NOLOGIN; END IF; END $$;{grant}")


def _policies(table: str, may_write: str, old_center: str | None) -> list[str]:
    out = [f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;"]
    for name, rule in (
            ("cd_read", "FOR SELECT USING (true)"),
            ("cd_insert", f"FOR INSERT WITH CHECK ({may_write})"),
            ("cd_update", f"FOR UPDATE USING (true) WITH CHECK ({may_write})"),
            ("cd_delete", f"FOR DELETE USING ({may_write})")):
        out.append(f"DROP POLICY IF EXISTS {name} ON {table}; CREATE POLICY {name} ON {table} {rule};")
    if old_center:
        out.append(f"DROP TRIGGER IF EXISTS cd_keep_center ON {table}; CREATE TRIGGER cd_keep_center BEFORE UPDATE "
                   f"ON {table} FOR EACH ROW EXECUTE FUNCTION cd_keep_center();")
    return out


def init_sql() -> str:
    """Roles, privileges, policies and triggers for the database it is run in (idempotent)."""
    centers = [c.value for c in CenterCode]
    lines = ["-- counsel_desk: roles and row-level security (counsel-desk server init)", "BEGIN;",
             _role(STAFF), _role(HQ, STAFF)]
    lines += [_role(center_role(c), STAFF) for c in centers]
    lines += [
        f"GRANT USAGE ON SCHEMA public TO {STAFF};",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {STAFF};",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {STAFF};",
        f"REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {STAFF};",
        # may the session's login change a record of this center?
        "CREATE OR REPLACE FUNCTION cd_may_write(center text) RETURNS boolean LANGUAGE sql STABLE AS $$ "
        f"SELECT pg_has_role(session_user, '{HQ}', 'MEMBER') OR EXISTS (SELECT 1 FROM pg_roles r "
        "WHERE r.rolname = 'cd_center_' || center AND pg_has_role(session_user, r.oid, 'MEMBER')) $$;",
        "CREATE OR REPLACE FUNCTION cd_is_staff() RETURNS boolean LANGUAGE sql STABLE AS $$ "
        f"SELECT pg_has_role(session_user, '{STAFF}', 'MEMBER') $$;",
        "CREATE OR REPLACE FUNCTION cd_keep_center() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF NEW.center_code IS DISTINCT FROM OLD.center_code AND NOT cd_may_write(OLD.center_code) THEN "
        "RAISE EXCEPTION 'counsel_desk: % may not move a record of center % (row-level security)', "
        "session_user, OLD.center_code USING ERRCODE = '42501'; END IF; RETURN NEW; END $$;",
    ]
    for table in CENTER_TABLES:
        lines += _policies(table, "cd_may_write(center_code)", "center_code")
    lines += _policies("followup", "EXISTS (SELECT 1 FROM site_visit v WHERE v.id = visit_id "
                                   "AND cd_may_write(v.center_code))", None)
    # the audit log: anyone appends (every save writes an entry), nobody of the staff rewrites it, and a
    # person's entry names their own login
    lines += [
        "ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;",
        "DROP POLICY IF EXISTS cd_read ON audit_log; CREATE POLICY cd_read ON audit_log FOR SELECT USING (true);",
        "DROP POLICY IF EXISTS cd_insert ON audit_log; CREATE POLICY cd_insert ON audit_log FOR INSERT "
        "WITH CHECK (NOT cd_is_staff() OR actor LIKE '%[' || session_user || ']');",
        f"REVOKE UPDATE, DELETE ON audit_log FROM {STAFF};",
        # headquarters' imports check a bulk add's foreign keys once, set-based, and insert with the per-row
        # triggers off for that statement (sync/bulk_keys.py); only a superuser may grant the parameter: run as
        # the tables' owner this step is skipped with a notice (the imports then keep the server's per-row checks;
        # `server init` says what a superuser should run)
        "DO $$ BEGIN EXECUTE 'GRANT SET ON PARAMETER session_replication_role TO " + HQ + "'; "
        "EXCEPTION WHEN insufficient_privilege THEN RAISE NOTICE 'counsel_desk: only a superuser may "
        "GRANT SET ON PARAMETER session_replication_role TO " + HQ + " (docs/server.md)'; END $$;",
        "COMMIT;",
    ]
    return "\n".join(lines) + "\n"


def bulk_grant_missing(conn: Connection) -> bool:
    """Do headquarters lack the ``session_replication_role`` grant :func:`init_sql` gives them when a superuser runs
    it (their imports then keep the server's per-row key checks: slower, docs/server.md)?"""
    from sqlalchemy import text

    return not conn.execute(text(f"SELECT has_parameter_privilege('{HQ}', 'session_replication_role', 'SET')")).scalar()


def person_sql(login: str, *, center: str | None = None, hq: bool = False, password: str | None = None) -> str:
    """A person's own login in their group (a center's, or headquarters')."""
    if not _LOGIN.match(login):
        raise UserError(f"登入帳號「{login}」不合規則：請用小寫英文字母、數字、底線或點（例如 wang.xm）。",
                        f"The login '{login}' is not valid: use lower-case letters, digits, '_' or '.' (e.g. wang.xm).")
    if hq == (center is not None):
        raise UserError("請指定一個分區中心，或總部（--hq），二擇一。", "Give either one center or --hq.")
    group = HQ if hq else center_role(str(center))
    secret = " PASSWORD '" + password.replace("'", "''") + "'" if password else ""
    return (f'DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = \'{login}\') THEN '
            f'CREATE ROLE "{login}" LOGIN; END IF; END $$;\n'
            f'ALTER ROLE "{login}" LOGIN{secret};\nGRANT {group} TO "{login}";\n')


def apply(conn: Connection, sql: str) -> None:
    """Run SQL from :func:`init_sql`/:func:`person_sql` (the caller commits)."""
    raw = conn.connection.driver_connection
    assert raw is not None
    with raw.cursor() as cur:
        cur.execute(sql.replace("BEGIN;", "").replace("COMMIT;", ""))

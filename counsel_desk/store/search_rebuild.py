"""On a server: a search table rebuilt beside a large import and put in place of the live one (sync/search_build.py).

The steps run inside ``SECURITY DEFINER`` functions owned by the tables' owner (migration 0023), so that
headquarters' own logins (members of ``cd_hq``, who do not own the tables) take the same path as the owner:
making the copy, building its keys and trigram index, and the swap need the owner's rights. Each function
checks that the caller owns the tables or is one of headquarters, that the live table is a search table and
that the copy is one of these functions' own ``cd_build_…`` tables; the copy is given to the caller to fill
(its rows are search text, which the staff may write in the live table anyway).
"""

from __future__ import annotations

COPY_PATTERN = "^cd_build_[0-9a-f]{10}_[0-9]+$"

_MAY = (
    "CREATE OR REPLACE FUNCTION cd_search_build_check(live text, copy text) RETURNS void LANGUAGE plpgsql "
    "SECURITY DEFINER SET search_path = public, pg_temp AS $$ BEGIN "
    "IF live !~ '^search_index_[a-z_]+$' OR live = 'search_index_doc' OR to_regclass(live) IS NULL THEN "
    "RAISE EXCEPTION 'counsel_desk: % is not a search table', live USING ERRCODE = '42501'; END IF; "
    f"IF copy !~ '{COPY_PATTERN}' THEN "
    "RAISE EXCEPTION 'counsel_desk: % is not a search table''s copy', copy USING ERRCODE = '42501'; END IF; "
    "IF NOT (pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = to_regclass(live)), 'USAGE') "
    "OR EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cd_hq' AND pg_has_role(session_user, oid, 'MEMBER'))) THEN "
    "RAISE EXCEPTION 'counsel_desk: % may not rebuild %', session_user, live USING ERRCODE = '42501'; END IF; "
    "END $$"
)

_START = (
    "CREATE OR REPLACE FUNCTION cd_search_build_start(live text, copy text) RETURNS void LANGUAGE plpgsql "
    "SECURITY DEFINER SET search_path = public, pg_temp AS $$ BEGIN "
    "PERFORM cd_search_build_check(live, copy); "
    "EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING GENERATED)', copy, live); "
    "EXECUTE format('GRANT SELECT, INSERT ON %I TO %I', copy, session_user); "
    "EXECUTE format('INSERT INTO %I (rowid, body) SELECT rowid, body FROM %I', copy, live); "
    "END $$"
)

_INDEX = (
    "CREATE OR REPLACE FUNCTION cd_search_build_index(live text, copy text) RETURNS void LANGUAGE plpgsql "
    "SECURITY DEFINER SET search_path = public, pg_temp SET maintenance_work_mem = '256MB' AS $$ BEGIN "
    "PERFORM cd_search_build_check(live, copy); "
    "EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I PRIMARY KEY (rowid)', copy, copy || '_pkey'); "
    "EXECUTE format('CREATE INDEX %I ON %I USING gin (body_lower gin_trgm_ops)', copy || '_trgm', copy); "
    "EXECUTE format('ANALYZE %I', copy); "
    "END $$"
)

# Inside the import's transaction: the live table locked, the copy brought up to date with what changed there
# since it was taken (rows gone: numbers no record has any more; rows changed or added: colleagues' saves, the
# import's own updates), then put in its place with the live table's owner, rights and names.
_SWAP = (
    "CREATE OR REPLACE FUNCTION cd_search_build_swap(live text, copy text) RETURNS void LANGUAGE plpgsql "
    "SECURITY DEFINER SET search_path = public, pg_temp AS $$ DECLARE owner_ oid; acl_ aclitem[]; r record; BEGIN "
    "PERFORM cd_search_build_check(live, copy); "
    "EXECUTE format('LOCK TABLE %I IN ACCESS EXCLUSIVE MODE', live); "
    "EXECUTE format('DELETE FROM %I c WHERE NOT EXISTS (SELECT 1 FROM %I o WHERE o.rowid = c.rowid) "
    "AND NOT EXISTS (SELECT 1 FROM search_index_doc d WHERE d.rowid = c.rowid)', copy, live); "
    "EXECUTE format('UPDATE %I c SET body = o.body FROM %I o WHERE o.rowid = c.rowid AND o.body <> c.body', copy, live); "
    "EXECUTE format('INSERT INTO %I (rowid, body) SELECT o.rowid, o.body FROM %I o "
    "WHERE NOT EXISTS (SELECT 1 FROM %I c WHERE c.rowid = o.rowid)', copy, live, copy); "
    "SELECT relowner, relacl INTO owner_, acl_ FROM pg_class WHERE oid = to_regclass(live); "
    "EXECUTE format('DROP TABLE %I', live); "
    "EXECUTE format('ALTER TABLE %I RENAME TO %I', copy, live); "
    "EXECUTE format('ALTER TABLE %I RENAME CONSTRAINT %I TO %I', live, copy || '_pkey', live || '_pkey'); "
    "EXECUTE format('ALTER INDEX %I RENAME TO %I', copy || '_trgm', 'ix_' || live || '_trgm'); "
    "IF session_user NOT IN (current_user, pg_get_userbyid(owner_)) THEN "
    "EXECUTE format('REVOKE ALL ON %I FROM %I', live, session_user); END IF; "
    "EXECUTE format('ALTER TABLE %I OWNER TO %I', live, pg_get_userbyid(owner_)); "
    "FOR r IN SELECT a.privilege_type AS p, a.grantee AS g FROM aclexplode(acl_) a WHERE a.grantee <> owner_ LOOP "
    "EXECUTE format('GRANT %s ON %I TO %s', r.p, live, "
    "CASE WHEN r.g = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(r.g)) END); END LOOP; "
    "END $$"
)

_DROP = (
    "CREATE OR REPLACE FUNCTION cd_search_build_drop(live text, copy text) RETURNS void LANGUAGE plpgsql "
    "SECURITY DEFINER SET search_path = public, pg_temp AS $$ BEGIN "
    "PERFORM cd_search_build_check(live, copy); "
    "EXECUTE format('DROP TABLE IF EXISTS %I', copy); "
    "END $$"
)

FUNCTIONS = (_MAY, _START, _INDEX, _SWAP, _DROP)
FUNCTION_NAMES = ("cd_search_build_check", "cd_search_build_start", "cd_search_build_index", "cd_search_build_swap",
                  "cd_search_build_drop")

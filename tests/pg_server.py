"""A real PostgreSQL server for the tests and benchmarks: initdb + pg_ctl in a temporary folder.

The server listens on a Unix socket only (no port to clash with other runs on the machine), trusts
local connections (tests make logins per person for row-level security, passwords are not what is
tested) and is stopped — and its folder removed — when the session ends. PostgreSQL refuses to run
as root, so as root it is started as the ``postgres`` user in a folder that user owns.

The database cluster is made with a UTF-8 locale: pg_trgm takes its word characters from it, and
Chinese text must be searchable.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from counsel_desk.sync.db import storage_value  # a server's value as SQLite gives it back

PG_BIN_DIRS = ("/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin")


def pg_bin(name: str) -> str | None:
    for d in PG_BIN_DIRS:
        p = Path(d) / name
        if p.exists():
            return str(p)
    return shutil.which(name)


def available() -> bool:
    return pg_bin("initdb") is not None and pg_bin("pg_ctl") is not None


@dataclass
class TempServer:
    """One throw-away cluster; :meth:`start` it, :meth:`new_database` per test, :meth:`stop` at the end."""

    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="cdpg-")))
    superuser: str = "postgres"
    started: bool = False
    keep: bool = False  # a cluster kept between runs (a benchmark's seeded data): started on, stopped cleanly, not removed

    @property
    def socket_dir(self) -> Path:
        return self.root / "s"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def _as_owner(self) -> list[str]:
        return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def start(self) -> "TempServer":
        self.socket_dir.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            os.chmod(self.root, 0o755)
            shutil.chown(self.root, "postgres", "postgres")
            shutil.chown(self.socket_dir, "postgres", "postgres")
        run = self._as_owner()
        if not (self.keep and (self.data_dir / "PG_VERSION").exists()):
            subprocess.run([*run, pg_bin("initdb"), "-D", str(self.data_dir), "-U", self.superuser, "--auth=trust",
                            "--locale=C.UTF-8", "--encoding=UTF8", "--no-sync"],
                           check=True, capture_output=True)
        opts = (f"-k {self.socket_dir} -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
                f"-c full_page_writes=off -c max_connections=120 -c shared_buffers=128MB")
        subprocess.run([*run, pg_bin("pg_ctl"), "-D", str(self.data_dir), "-l", str(self.root / "log"),
                        "-o", opts, "-w", "start"], check=True, capture_output=True)
        self.started = True
        return self

    def stop(self) -> None:
        if self.started:
            subprocess.run([*self._as_owner(), pg_bin("pg_ctl"), "-D", str(self.data_dir),
                            "-m", "fast" if self.keep else "immediate", "-w", "stop"], capture_output=True)
            self.started = False
        if not self.keep:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, dbname: str = "postgres", user: str | None = None) -> str:
        return f"postgresql://{user or self.superuser}@/{dbname}?host={self.socket_dir}"

    def admin(self, sql: str, dbname: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(host=str(self.socket_dir), user=self.superuser, dbname=dbname,
                             autocommit=True) as con:
            con.execute(sql)  # type: ignore[arg-type]

    def new_database(self, template: str | None = None) -> str:
        """A fresh empty database (or a copy of ``template``), its name returned."""
        name = "t_" + uuid.uuid4().hex[:12]
        self.admin(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        return name

    def drop_database(self, name: str) -> None:
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class RawConnection:
    """A DB-API connection to a test database of either engine, taking SQLite's ``?`` parameters."""

    def __init__(self, database):
        from counsel_desk.store import driver

        self.server = database.is_server
        self._con = database.engine.raw_connection() if self.server else driver.connect(database.path)

    def execute(self, sql: str, params=()):
        if not self.server:
            return self._con.execute(sql, params)
        cur = self._con.cursor()
        cur.execute(sql.replace("%", "%%").replace("?", "%s"), params)
        if cur.description is None:
            return cur
        return _Rows(tuple(storage_value(v) for v in row) for row in cur.fetchall())

    def commit(self) -> None:
        self._con.commit()

    def close(self) -> None:
        self._con.close()


class _Rows(list):
    def fetchall(self):
        return list(self)

    def fetchone(self):
        return self[0] if self else None

    def scalar(self):
        return self[0][0] if self else None


def driver_sql(conn, sql: str, params=()):
    """``conn.exec_driver_sql`` taking SQLite's ``?`` parameters on either engine; on a server the values
    come back as SQLite's text (independent counts in tests parse them the same way on both)."""
    if conn.dialect.name == "sqlite":
        return conn.exec_driver_sql(sql, tuple(params))
    result = conn.exec_driver_sql(sql.replace("%", "%%").replace("?", "%s"), tuple(params))
    if not result.returns_rows:
        return result
    return _Rows(tuple(storage_value(v) for v in row) for row in result)

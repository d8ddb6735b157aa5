"""Shared fixtures: offscreen Qt, a private home folder per test, a fresh migrated database.

Databases are plain in the default run (speed). ``COUNSEL_DESK_TEST_ENCRYPTED=1`` runs the whole
suite on encrypted databases (``make test-encrypted``): every database, backup, attachment and
draft the tests make is then encrypted with the passphrase below. The OS keyring is never used.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("COUNSEL_DESK_LANG", "zh_TW")
os.environ["COUNSEL_DESK_KEYRING"] = "off"  # tests never read or write the user's keyring
ENCRYPTED = os.environ.get("COUNSEL_DESK_TEST_ENCRYPTED", "") not in ("", "0")
TEST_PASSPHRASE = "測試用的密碼 correct horse"
if ENCRYPTED:
    os.environ["COUNSEL_DESK_PASSPHRASE"] = TEST_PASSPHRASE
    os.environ["COUNSEL_DESK_ENCRYPTION"] = "on"
else:
    os.environ.pop("COUNSEL_DESK_PASSPHRASE", None)
    os.environ["COUNSEL_DESK_ENCRYPTION"] = "off"

from datetime import date  # noqa: E402 — after the environment above
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory, monkeypatch):
    """Settings, data and logs of each test live in its own folder, never in the user's."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("COUNSEL_DESK_HOME", str(home))
    monkeypatch.delenv("COUNSEL_DESK_DB", raising=False)
    from counsel_desk import i18n

    i18n.set_language("zh_TW")
    yield home


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory):
    """One database built by running every migration; tests get copies (a copy is ~30× faster)."""
    from counsel_desk.store import open_database

    path = tmp_path_factory.mktemp("template") / "template.db"
    open_database(path).close()
    return path


def copy_database(src: Path, dest: Path) -> None:
    """Consistent copy through SQLite's backup API, created private (0600) like a real database
    (encrypted with the source's key when the source is encrypted)."""
    from counsel_desk.store import driver, keys

    fd = os.open(dest, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    source = driver.connect(src)
    target = driver.connect(dest, key=keys.key_for(src))
    source.backup(target)
    source.close()
    target.close()


# --- the same tests on a PostgreSQL server (issue 18) -----------------------------------------------
# Modules listed here (or marked ``both_engines``) run every test that uses ``db``/``services``/``demo_db``
# twice: on SQLite and on a real PostgreSQL server the session starts itself (tests/pg_server.py).
# ``COUNSEL_DESK_TEST_SERVER=off`` leaves the server runs out; a test marked ``sqlite_only`` checks what
# only a file has (pragmas, bytes on disk).
BOTH_ENGINES = {
    "test_store", "test_migrations", "test_search_per_entity", "test_visit_search", "test_visits_service",
    "test_followups_service", "test_workstations_service", "test_support_spaces_events", "test_proposals_service",
    "test_roster_service", "test_dashboard_service", "test_report_figures", "test_report_as_of", "test_audit_log",
    "test_flows", "test_demo", "test_sync_merge", "test_sync_conflicts", "test_sync_roundtrip", "test_sync_export",
    "test_report_files", "test_server", "test_server_concurrency", "test_outcomes_service",
    "test_sync_mask_members", "test_sync_team_support",
}
SERVER_TESTS = os.environ.get("COUNSEL_DESK_TEST_SERVER", "on") not in ("off", "0")


def pytest_generate_tests(metafunc):
    if "engine_name" not in metafunc.fixturenames or "engine_name" in getattr(metafunc, "_params_done", ()):
        return
    module = metafunc.module.__name__.rsplit(".", 1)[-1]
    marks = {m.name for m in metafunc.definition.iter_markers()}
    if SERVER_TESTS and "sqlite_only" not in marks and (module in BOTH_ENGINES or "both_engines" in marks):
        metafunc.parametrize("engine_name", ["sqlite", "postgresql"], ids=["sqlite", "pg"])


@pytest.fixture
def engine_name() -> str:
    return "sqlite"


@pytest.fixture(scope="session")
def pg_server():
    """One PostgreSQL server for the whole session, stopped (and its folder removed) at the end."""
    from tests import pg_server as pgs

    if not pgs.available():
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql postgresql-contrib)")
    server = pgs.TempServer().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def pg_template(pg_server):
    """A server database built by running every migration; tests get copies (CREATE DATABASE … TEMPLATE)."""
    from counsel_desk.store import open_database

    name = pg_server.new_database()
    open_database(pg_server.url(name)).close()
    return name


@pytest.fixture
def pg_url(pg_server, pg_template):
    """A fresh migrated server database's address; dropped after the test."""
    name = pg_server.new_database(template=pg_template)
    yield pg_server.url(name)
    pg_server.drop_database(name)


def _open_copy(request, engine_name: str, sqlite_template: str, pg_template: str, tmp_path: Path, file: str):
    from counsel_desk.store import open_database

    if engine_name == "postgresql":
        server = request.getfixturevalue("pg_server")
        name = server.new_database(template=request.getfixturevalue(pg_template))
        database = open_database(server.url(name))
        request.addfinalizer(lambda: server.drop_database(name))
        return database
    copy_database(request.getfixturevalue(sqlite_template), tmp_path / file)
    return open_database(tmp_path / file)


@pytest.fixture
def db(request, engine_name, tmp_path: Path):
    """A fresh migrated database (reference data loaded), copied from the session's template."""
    database = _open_copy(request, engine_name, "migrated_template", "pg_template", tmp_path, "test.db")
    yield database
    database.close()


@pytest.fixture
def services(db):
    from counsel_desk.services.base import ServiceContext

    return ServiceContext(db.session_factory, actor="測試輔導員", center_code="north")


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """A small demo database generated once per session; copy it with the ``demo_db`` fixture."""
    from counsel_desk.services.demo import generate
    from counsel_desk.store import open_database

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    database = open_database(path)
    generate(database, visits=600, seed=7, center="north", today=date(2026, 11, 26))
    database.close()
    return path


@pytest.fixture(scope="session")
def pg_demo_template(pg_server, pg_template):
    """The demo database of :func:`demo_template`, generated once on the server."""
    from counsel_desk.services.demo import generate
    from counsel_desk.store import open_database

    name = pg_server.new_database(template=pg_template)
    database = open_database(pg_server.url(name))
    generate(database, visits=600, seed=7, center="north", today=date(2026, 11, 26))
    database.close()
    return name


@pytest.fixture
def demo_db(request, engine_name, tmp_path):
    """A fresh copy of the session's demo database (600 visits, 北區, today = 2026-11-26)."""
    database = _open_copy(request, engine_name, "demo_template", "pg_demo_template", tmp_path, "demo.db")
    yield database
    database.close()


@pytest.fixture
def memory_keyring():
    """The OS keyring as a dict in memory (never the user's); server passwords typed in the test forgotten after."""
    from counsel_desk.store import keys
    from counsel_desk.store.server import forget_typed_passwords
    from tests.unit.test_encryption import MemoryKeyring

    ring = MemoryKeyring()
    keys.use_keyring(ring)
    yield ring
    keys.use_keyring(None)
    forget_typed_passwords()


@pytest.fixture
def app_context(qapp, db):
    """An AppContext over a fresh database, zh_TW translations and fonts loaded."""
    from counsel_desk.ui.startup import make_settings, prepare
    from counsel_desk.ui.context import AppContext

    prepare(qapp)
    settings = make_settings()
    settings.setValue("user/name", "測試輔導員")
    settings.setValue("user/center", "north")
    ctx = AppContext(db, settings)
    yield ctx

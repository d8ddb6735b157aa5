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


@pytest.fixture
def db(migrated_template, tmp_path: Path):
    """A fresh migrated database (reference data loaded), copied from the session's template."""
    from counsel_desk.store import open_database

    copy_database(migrated_template, tmp_path / "test.db")
    database = open_database(tmp_path / "test.db")
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


@pytest.fixture
def demo_db(demo_template, tmp_path):
    """A fresh copy of the session's demo database (600 visits, 北區, today = 2026-11-26)."""
    from counsel_desk.store import open_database

    target = tmp_path / "demo.db"
    copy_database(demo_template, target)
    database = open_database(target)
    yield database
    database.close()


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

"""Shared fixtures: offscreen Qt, a private home folder per test, a fresh migrated database."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("COUNSEL_DESK_LANG", "zh_TW")

from datetime import date  # noqa: E402
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


@pytest.fixture
def db(tmp_path: Path):
    """A fresh database built by running the migrations (reference data loaded)."""
    from counsel_desk.store import open_database

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
    import sqlite3

    from counsel_desk.store import open_database

    target = tmp_path / "demo.db"
    src = sqlite3.connect(demo_template)
    dst = sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()
    database = open_database(target)
    yield database
    database.close()


@pytest.fixture
def app_context(qapp, db):
    """An AppContext over a fresh database, zh_TW translations and fonts loaded."""
    from counsel_desk.app import make_settings, prepare
    from counsel_desk.ui.context import AppContext

    prepare(qapp)
    settings = make_settings()
    settings.setValue("user/name", "測試輔導員")
    settings.setValue("user/center", "north")
    ctx = AppContext(db, settings)
    yield ctx

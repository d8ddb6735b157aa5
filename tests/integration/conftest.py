"""The sync tests on both engines: ``sync_helpers.fresh_db`` makes a server database in the PostgreSQL run.

Modules of ``tests/conftest.py`` BOTH_ENGINES run every test twice; in the ``pg`` run each database a
sync test asks for is a copy of the session's migrated server database, dropped when the test ends.
"""

from __future__ import annotations

import pytest

from tests.integration import sync_helpers
from tests.integration.sync_helpers import fresh_db


@pytest.fixture(autouse=True)
def sync_engine(request, engine_name):
    if engine_name != "postgresql" or not request.node.module.__name__.rsplit(".", 1)[-1].startswith("test_sync"):
        yield engine_name
        return
    server = request.getfixturevalue("pg_server")
    sync_helpers.SERVER.update(server=server, template=request.getfixturevalue("pg_template"), made=[])
    try:
        yield engine_name
    finally:
        made = sync_helpers.SERVER.get("made", [])
        sync_helpers.SERVER.clear()
        for name in made:
            server.drop_database(name)


# two fresh databases side by side: headquarters' and a center laptop's (a module may define its own ``laptop``)
@pytest.fixture
def hq(tmp_path, tmp_path_factory):
    db = fresh_db(tmp_path / "hq", "hq.db", tmp_path_factory.getbasetemp())
    yield db
    db.close()


@pytest.fixture
def laptop(tmp_path, tmp_path_factory):
    db = fresh_db(tmp_path / "laptop", "laptop.db", tmp_path_factory.getbasetemp())
    yield db
    db.close()

"""The main window and its pages: every page keeps the Page contract, Ctrl+N, File → Open database."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from counsel_desk.ui.page_contract import PageHooks, hooks
from counsel_desk.ui.pages import PAGES


@pytest.fixture
def window(qtbot, qapp, db):
    from counsel_desk.ui.startup import build_main_window, make_settings, prepare

    prepare(qapp)
    settings = make_settings()
    settings.setValue("user/center", "north")
    settings.setValue("window/page", "dashboard")
    w = build_main_window(db, settings)
    qtbot.addWidget(w)
    yield w
    w.close()


def test_every_page_class_keeps_the_page_contract():
    keys = [spec.key for spec in PAGES]
    assert len(set(keys)) == len(keys) == 14
    for spec in PAGES:
        cls = spec.load()
        assert issubclass(cls, PageHooks) and issubclass(cls, QWidget), spec.key


def test_a_page_without_the_hooks_is_refused_at_once(qapp):
    with pytest.raises(TypeError, match="PageHooks"):
        hooks(QWidget())


def test_every_page_opens_in_the_window(window, qtbot):
    for spec in PAGES:
        page = window.show_page(spec.key)
        assert page is not None and window.stack.currentWidget() is page, spec.key
        assert window.current_page() is page


def test_new_record_where_the_page_makes_none_starts_a_site_visit(window, qtbot):
    from counsel_desk.ui.visits.editor import VisitEditor

    window.show_page("reports")
    window.action_new.trigger()
    assert window.current_page() is window.pages["visits"]
    editors = [w for w in window.findChildren(VisitEditor) if w.isVisible()]
    assert len(editors) == 1
    editors[0].close()


def test_new_record_on_a_page_that_makes_records_stays_there(window, qtbot, monkeypatch):
    page = window.show_page("workstations")
    made = []
    monkeypatch.setattr(type(page), "new_record", lambda self: made.append(self))
    window.action_new.trigger()
    assert made == [page] and window.current_page() is page


def test_open_database_replaces_the_window(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from counsel_desk.store import open_database
    from counsel_desk.ui import startup

    other = tmp_path / "other.db"
    open_database(other).close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(other), "")))
    chosen: list[Path] = []
    window.database_chosen.connect(chosen.append)
    window._open_database()  # noqa: SLF001 — File → Open database without its menu
    assert chosen == [other]
    replacement = startup._current_window  # noqa: SLF001 — the window the start-up code keeps alive
    assert replacement is not None and replacement is not window
    qtbot.addWidget(replacement)
    assert replacement.ctx.db.path == other
    replacement.close()
    replacement.ctx.db.close()


def test_the_window_shows_before_the_data_layer_loads_then_fills(tmp_path, db):
    """A fresh process, as at a real start: on screen with no SQLAlchemy imported, then the page fills."""
    import subprocess
    import sys

    code = f"""
import os, sys, time
os.environ["COUNSEL_DESK_HOME"] = {str(tmp_path / "home")!r}
from pathlib import Path
from counsel_desk.ui.startup import create_qapp, prepare, show_main_window
app = create_qapp()
settings, _f, _l = prepare(app)
settings.setValue("window/page", "followups")
window = show_main_window(Path({str(db.path)!r}), settings)
app.processEvents()
print("shown", window.isVisible(), "sqlalchemy" in sys.modules, window.current_page() is None)
deadline = time.monotonic() + 120
while window.current_page() is None and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.01)
print("filled", type(window.current_page()).__name__, "sqlalchemy" in sys.modules)
window.close()
"""
    db.close()
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                          env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "shown True False True" in proc.stdout, proc.stdout
    assert "filled FollowUpListPage True" in proc.stdout, proc.stdout

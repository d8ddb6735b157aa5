"""Walk the whole app as a person would see it: every page, every editor (each tab), every dialog.

``walk(qtbot, window)`` yields ``(what, widget)`` for the main window on each page and each editor
tab, and for every dialog opened over it; the caller checks what it needs (fits the screen, no
Chinese left in English, …) before the walk closes the dialog and moves on. Modal dialogs are
built and shown without ``exec()``, so nothing blocks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget

TODAY = date(2026, 11, 26)


def settle(qtbot, ms: int = 30) -> None:
    QApplication.processEvents()
    qtbot.wait(ms)


def finished(qtbot) -> None:
    """The page's background work (figures, counts, lists) done and shown, as she would see it after a moment."""
    settle(qtbot, 80)
    QThreadPool.globalInstance().waitForDone(20_000)
    settle(qtbot, 80)


def first_id(ctx, sql: str) -> str:
    with ctx.db.engine.connect() as c:
        row = c.exec_driver_sql(sql).first()
    assert row is not None, f"no record for: {sql}"
    return row[0]


def _shown(qtbot, dialog: QWidget) -> QWidget:
    if not dialog.isVisible():
        dialog.show()
    settle(qtbot)
    return dialog


def _close(dialog: QWidget) -> None:
    from counsel_desk.ui.safety.key_dialogs import RecoveryKeyDialog

    if isinstance(dialog, RecoveryKeyDialog):
        dialog.kept.setChecked(True)  # it closes only once the key has been kept
    if hasattr(dialog, "_may_close"):
        dialog._may_close = True  # noqa: SLF001 — the walk closes without the unsaved-changes question
    if isinstance(dialog, QDialog):
        dialog.reject()
    dialog.close()
    dialog.deleteLater()


CUT_NUMBER = re.compile(r"\d[\d,./:\-－]*…")


def cut_numbers(top: QWidget) -> list[str]:
    """Labels of ``top`` that show a number cut by an ellipsis (「115/1…」, "2,3…"): words may be elided, digits not."""
    from PySide6.QtWidgets import QLabel

    return [f"number cut in “{label.text()[:90]}”" for label in [top, *top.findChildren(QLabel)]
            if isinstance(label, QLabel) and label.isVisibleTo(top) and CUT_NUMBER.search(label.text())]


LONG_NUMBER = re.compile(r"(?<![\d,./:\-－#])\d{4,}(?![\d/:\-－])")


def unseparated_numbers(top: QWidget) -> list[str]:
    """Counts and sums of 1,000 or more written without thousands separators in a label or a table cell of
    ``top`` (「3000 筆」 for 「3,000 筆」). A year (1900–2100: a birth year) is not a count; nor is the recovery key."""
    from PySide6.QtWidgets import QLabel, QTableView

    texts = []
    for w in [top, *top.findChildren(QWidget)]:
        if not w.isVisibleTo(top) or w.objectName() == "recoveryKey":
            continue
        if isinstance(w, QLabel):
            texts.append(re.sub(r"<[^>]+>", " ", w.text()))
        elif isinstance(w, QTableView) and w.model() is not None:
            m = w.model()
            texts += [str(m.index(r, c).data() or "") for r in range(min(m.rowCount(), 25))
                      for c in range(m.columnCount())]
    return [f"no thousands separator in “{text[:80]}”" for text in texts
            if any(not 1900 <= int(n) <= 2100 for n in LONG_NUMBER.findall(text))]


WESTERN_DATE = re.compile(r"(?<![\d/-])(19|20)\d\d[-/]\d\d?[-/]\d\d?(?![\d/-])")


def western_dates(top: QWidget) -> list[str]:
    """A Western date (2026-11-26) in a label, a field or a table cell of ``top``: in Chinese dates are 民國 (115/11/26)."""
    from PySide6.QtWidgets import QLabel, QLineEdit, QTableView

    texts = []
    for w in [top, *top.findChildren(QWidget)]:
        if not w.isVisibleTo(top):
            continue
        if isinstance(w, QLabel):
            texts.append(w.text())
        elif isinstance(w, QLineEdit):
            texts += [w.text(), w.placeholderText()]
        elif isinstance(w, QTableView) and w.model() is not None:
            m = w.model()
            texts += [str(m.index(r, c).data() or "") for r in range(min(m.rowCount(), 25))
                      for c in range(m.columnCount())]
    return [f"Western date in “{text[:80]}”" for text in texts if WESTERN_DATE.search(text)]


def main_window(qtbot, db, monkeypatch, user: str):
    """A MainWindow over ``db`` as ``user`` of 北區, message boxes answered Cancel instead of blocking."""
    from PySide6.QtWidgets import QMessageBox

    from counsel_desk.ui.startup import make_settings, prepare
    from counsel_desk.ui.context import AppContext
    from counsel_desk.ui.main_window import MainWindow

    prepare(QApplication.instance())
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Cancel)
    settings = make_settings()
    settings.setValue("user/name", user)
    settings.setValue("user/center", "north")
    main = MainWindow(AppContext(db, settings))
    qtbot.addWidget(main)
    return main


def close_main_window(main) -> None:
    page = main.pages.get("proposals")
    if page is not None:
        page.editor.dirty = False
    main.close()


def walk(qtbot, window) -> Iterator[tuple[str, QWidget]]:
    """Every page, editor and dialog of ``window`` (a MainWindow over a demo database)."""
    ctx = window.ctx
    for spec in window.specs:
        page = window.show_page(spec.key)
        finished(qtbot)
        yield f"page {spec.key}", window
        for tabs in page.findChildren(QTabWidget):  # a page's own tabs (the reports' figures, sync's history…)
            if not tabs.isVisibleTo(window):
                continue
            for tab in range(1, tabs.count()):
                tabs.setCurrentIndex(tab)
                finished(qtbot)
                yield f"page {spec.key} tab {tabs.tabText(tab)}", window
            tabs.setCurrentIndex(0)
    yield from _visits(qtbot, window, ctx)
    yield from _followups(qtbot, window, ctx)
    yield from _workstations(qtbot, window, ctx)
    yield from _proposals(qtbot, window, ctx)
    yield from _spaces(qtbot, window, ctx)
    yield from _standalone(qtbot, window, ctx)


def _dialog(qtbot, what: str, dialog: QWidget) -> Iterator[tuple[str, QWidget]]:
    yield what, _shown(qtbot, dialog)
    _close(dialog)
    settle(qtbot)


def _visits(qtbot, window, ctx):
    from counsel_desk.services.people.people import PeopleService
    from counsel_desk.ui.visits.followup_dialogs import FollowUpDialog
    from counsel_desk.ui.visits.people_dialogs import NewContactDialog, NewOrganizationDialog

    window.show_page("visits")
    page = window.pages["visits"]
    editor = page.new_record()
    yield "new visit editor", _shown(qtbot, editor)
    yield from _dialog(qtbot, "follow-up dialog", FollowUpDialog(editor.form, today=TODAY))
    people = PeopleService(ctx.services())
    yield from _dialog(qtbot, "new organisation dialog", NewOrganizationDialog(people, editor))
    yield from _dialog(qtbot, "new contact dialog", NewContactDialog(people, None, editor))
    _close(editor)
    visit_id = first_id(ctx, "SELECT id FROM site_visit WHERE deleted_at IS NULL ORDER BY visit_date DESC")
    editor = page.open_visit(visit_id)
    yield "visit editor", _shown(qtbot, editor)
    _close(editor)
    settle(qtbot)


def _followups(qtbot, window, ctx):
    window.show_page("followups")
    page = window.pages["followups"]
    settle(qtbot, 200)
    page.view.selectRow(0)
    settle(qtbot)
    for opener in (page.edit_current, page.close_current):
        dialog = opener()
        if dialog is not None:
            yield from _dialog(qtbot, f"follow-up {opener.__name__}", dialog)


def _workstations(qtbot, window, ctx):
    from counsel_desk.ui.workstations.station_form import ContactDialog
    from counsel_desk.ui.workstations.support_dialog import SupportRecordDialog

    window.show_page("workstations")
    page = window.pages["workstations"]
    page.open_station(first_id(ctx, "SELECT id FROM workstation WHERE deleted_at IS NULL ORDER BY name"))
    settle(qtbot, 100)
    yield "workstation page", window
    yield from _dialog(qtbot, "workstation contact dialog", ContactDialog(window))
    yield from _dialog(qtbot, "new support record", SupportRecordDialog(ctx, window))
    record = first_id(ctx, "SELECT id FROM support_record WHERE deleted_at IS NULL")
    yield from _dialog(qtbot, "support record", SupportRecordDialog(ctx, window, record_id=record))
    page.show_list()


def _proposals(qtbot, window, ctx):
    from counsel_desk.services import proposals as ps
    from counsel_desk.ui.proposals.county_dialogs import CountyChecklistDialog, DecisionDialog
    from counsel_desk.ui.proposals.dialogs import ChooseProposalDialog, ContactDialog, MoveDialog

    window.show_page("proposals")
    page = window.pages["proposals"]
    pid = first_id(ctx, "SELECT id FROM proposal WHERE deleted_at IS NULL ORDER BY updated_at DESC")
    page.open_proposal(pid)
    editor = page.editor
    for tab in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(tab)
        settle(qtbot, 50)
        yield f"proposal editor tab {tab}", window
    yield from _dialog(qtbot, "proposal versions", page.show_versions(pid))
    yield from _dialog(qtbot, "move dialog", MoveDialog("提案", "idea", None, parent=window))
    yield from _dialog(qtbot, "proposal contact dialog", ContactDialog(window))
    yield from _dialog(qtbot, "choose proposal dialog", ChooseProposalDialog([(pid, "提案")], window))
    yield from _dialog(qtbot, "county checklist", CountyChecklistDialog(ctx, pid, "提案", window))
    agencies = list(dict.fromkeys(w.agency for w in ps.list_work_items(ctx.services())))
    yield from _dialog(qtbot, "council decision", DecisionDialog(ctx, "proposal", pid, "提案", agencies, window))
    editor.dirty = False
    page.show_overview()


def _spaces(qtbot, window, ctx):
    window.show_page("spaces")
    page = window.pages["spaces"]
    picker = page.pick_proposal()
    if picker is not None:
        yield from _dialog(qtbot, "proposal picker", picker)


def _standalone(qtbot, window, ctx):
    from counsel_desk.store.recovery import StartupCheck
    from counsel_desk.ui.about import AboutDialog
    from counsel_desk.ui.first_run import FirstRunDialog
    from counsel_desk.ui.people.roster_dialog import CounselorDialog, RosterDialog
    from counsel_desk.ui.preferences import PreferencesDialog
    from counsel_desk.ui.safety.erase_dialog import EraseContactDialog
    from counsel_desk.ui.safety.recovery_dialog import RecoveryDialog

    from counsel_desk.store.keys import DatabaseKey
    from counsel_desk.ui.help import ManualDialog, ShortcutsDialog
    from counsel_desk.ui.safety.key_dialogs import NewPassphraseDialog, RecoveryKeyDialog, UnlockDialog

    yield from _dialog(qtbot, "preferences", PreferencesDialog(ctx, window))
    yield from _dialog(qtbot, "about", AboutDialog(window))
    yield from _dialog(qtbot, "keyboard shortcuts", ShortcutsDialog(window.menuBar(), window))
    yield from _dialog(qtbot, "manual", ManualDialog(window))
    yield from _dialog(qtbot, "unlock", UnlockDialog(Path(ctx.db.path), True, window))
    yield from _dialog(qtbot, "new passphrase", NewPassphraseDialog(window))
    key = DatabaseKey(bytes(range(32)), bytes(16), "keyring")
    yield from _dialog(qtbot, "recovery key", RecoveryKeyDialog(key, Path(ctx.db.path), window))
    yield from _dialog(qtbot, "counselor roster", RosterDialog(ctx, window))
    yield from _dialog(qtbot, "counselor dialog", CounselorDialog(window, lambda *_a: None))
    from counsel_desk.services.outcomes.youth_teams import MemberView
    from counsel_desk.ui.outcomes.teams_page import MemberDialog

    member = MemberView("x", "Chen Yi-chen", 1991, "Team lead", 35)  # Latin letters: the English walk's rule below
    yield from _dialog(qtbot, "team member", MemberDialog(window, lambda _v: None, member))
    yield from _dialog(qtbot, "first run", FirstRunDialog(ctx.settings))
    on_server = FirstRunDialog(ctx.settings)
    on_server.on_server.setChecked(True)  # the longer form: the center's server's connection fields
    yield from _dialog(qtbot, "first run (server)", on_server)
    from counsel_desk.services.base import FieldConflict, SaveConflict
    from counsel_desk.ui.server_profiles import ServerProfileDialog
    from counsel_desk.ui.widgets.conflict_dialog import ConflictDialog

    # made-up people's text in Latin letters: the English walk takes Chinese not in the database as the UI's own
    conflict = SaveConflict("site_visit", "x", 3, [FieldConflict("purpose", "my purpose " * 20, "their purpose " * 20),
                                                   FieldConflict("visit_date", TODAY, TODAY)], "Lin Mei-ling", None)
    yield from _dialog(qtbot, "conflict", ConflictDialog(conflict, {"purpose": window.tr("Purpose")}, {}, window))

    yield from _dialog(qtbot, "server profile", ServerProfileDialog(None, set(), window))
    check = StartupCheck(ctx.db.path, "damaged", "database disk image is malformed")
    yield from _dialog(qtbot, "recovery", RecoveryDialog(check, Path(ctx.db.path).parent / "quarantine", None, window))
    contact = first_id(ctx, "SELECT id FROM contact WHERE deleted_at IS NULL")
    yield from _dialog(qtbot, "erase contact", EraseContactDialog(ctx, contact, window))
    from counsel_desk.ui.stocktaking.township_dialog import TownshipDialog

    town = first_id(ctx, "SELECT township_code FROM site_visit WHERE deleted_at IS NULL GROUP BY township_code "
                         "ORDER BY count(*) DESC LIMIT 1")
    yield from _dialog(qtbot, "township panel", TownshipDialog(ctx, town, window, today=TODAY))
    from counsel_desk.ui.stocktaking.topics_dialog import TopicDialog, TopicsDialog

    yield from _dialog(qtbot, "issue topics", TopicsDialog(ctx.services(), window, settings=ctx.settings))
    yield from _dialog(qtbot, "issue topic", TopicDialog(window, lambda *_a: None))
    from counsel_desk.ui.stocktaking.center_split_dialog import CenterSplitDialog

    yield from _dialog(qtbot, "center split", CenterSplitDialog(ctx.services(), window, settings=ctx.settings))

"""A counselor's first morning, driven only through the UI: from an empty user folder (no settings,
no database, no import) to a saved visit with a follow-up she owns, found under 「只看我負責的」."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from counsel_desk.services.formatting import roc_date
from counsel_desk.ui import messages
from counsel_desk.ui.first_run import FirstRunDialog
from tests.ui.conftest import type_text

HSINCHU, GUANXI = "10004", "10004040"
NAME = "林怡君"


def choose(combo, value) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def first_run_dialog() -> FirstRunDialog | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, FirstRunDialog) and w.isVisible()), None)


@pytest.fixture
def started(qtbot, qapp, _private_home, monkeypatch):
    """The app started as on a new laptop; the welcome dialog answered as she would."""
    from counsel_desk.ui.startup import prepare, start_main_window

    assert list(_private_home.iterdir()) == [], "the user folder starts empty"
    monkeypatch.setattr(messages, "show_error", lambda *a, **k: pytest.fail(f"unexpected error box {a}"))
    settings, _families, _loaded = prepare(qapp)
    seen: list[str] = []

    def welcome() -> None:
        dialog = first_run_dialog()
        if dialog is None:  # not shown yet: look again shortly
            QTimer.singleShot(20, welcome)
            return
        seen.append(dialog.windowTitle())
        choose(dialog.center, "north")
        start = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        start.click()  # no name yet: refused with a reason, the dialog stays
        seen.append(dialog.error.text())
        type_text(dialog.name, NAME)
        start.click()

    QTimer.singleShot(0, welcome)
    window = start_main_window(settings)
    assert not isinstance(window, int), "the start was cancelled"
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.ctx is not None, timeout=20_000)  # the database opens once it is painted
    yield window, seen
    if window.auto_backup is not None:
        window.auto_backup.stop()


def test_a_new_counselor_saves_a_visit_with_her_own_followup(qtbot, started, key_dialogs):
    window, seen = started
    # an encrypted new database (the default; the encrypted test run) shows its recovery key this once
    assert key_dialogs.recovery_keys == ([window.ctx.db.key.recovery_key] if window.ctx.db.key else [])
    assert seen[0] == "歡迎使用地方創生輔導桌"
    assert "姓名" in seen[1]
    assert window.windowTitle() == "地方創生輔導桌"
    assert window.demo_banner is None

    window.action_new.trigger()  # 檔案 → 新增 (Ctrl+N) from the dashboard opens a new visit
    visits = window.pages["visits"]
    (editor,) = visits.host.editors.values()
    qtbot.waitExposed(editor)
    form = editor.form
    assert editor.focusWidget() is form.visit_date, "the first field has the focus"
    assert form.visit_date.text() == roc_date(date.today())
    assert [form.counselors.item(i).text() for i in range(form.counselors.count())] == [NAME]
    assert form.counselors.item(0).checkState() == Qt.CheckState.Checked, "she is ticked on her new visit"
    choose(form.county, HSINCHU)
    choose(form.township, GUANXI)
    type_text(form.visited_name, "關西老街青年協會")
    type_text(form.purpose, "了解返鄉青年創業需求")

    qtbot.mouseClick(form.add_followup_button, Qt.MouseButton.LeftButton)
    dialog = form.followup_dialog
    qtbot.waitExposed(dialog)
    assert dialog.owner.currentText() == NAME, "a new follow-up is hers unless she says otherwise"
    type_text(dialog.description, "提供品牌設計資源清單")
    qtbot.keyClicks(dialog.due, roc_date(date.today() + timedelta(days=7)))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.saved_label.text().startswith("已儲存 "), editor.summary_error.text()
    type_text(form.purpose, "，並介紹青年培力工作站")
    assert editor.saved_label.text() == "", "changed again: no longer says saved"
    qtbot.mouseClick(editor.save_close_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible(), editor.summary_error.text()
    assert visits.model.rowCount() == 1

    followups = window.show_page("followups")
    followups.mine.setChecked(True)
    assert followups.model.rowCount() == 1
    assert followups.model.index(0, 2).data() == "提供品牌設計資源清單"
    assert followups.model.index(0, 3).data() == NAME
    assert followups.open_label.text().endswith("1")

    followups.view.selectRow(0)
    qtbot.mouseClick(followups.close_button, Qt.MouseButton.LeftButton)
    closing = followups.dialog
    qtbot.waitExposed(closing)
    assert closing.focusWidget() is closing.result
    type_text(closing.result, "已寄出清單")
    closing.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert followups.notice.text() == f"「提供品牌設計資源清單」已於 {roc_date(date.today())} 結案：已寄出清單"
    assert followups.model.rowCount() == 0, "a closed follow-up leaves the list of open ones"


def current_window(qtbot):
    from counsel_desk.ui import startup as app

    window = app.current_window()
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    return window


def test_the_demo_is_shown_as_a_demo_and_never_takes_her_place(qtbot, started, monkeypatch):
    from counsel_desk import paths
    from counsel_desk.ui import startup as app

    own, _seen = started
    settings = own.ctx.settings
    own_path = str(settings.value("database/path"))
    monkeypatch.setattr(app, "DEMO_VISITS", 40)  # the real one has 3,000: same code, less waiting
    progress: list[tuple[int, int]] = []
    from counsel_desk.ui import tasks

    original = tasks.run_task

    def watched(fn, **kwargs):
        assert kwargs.get("title"), "demo generation shows a progress dialog"
        return original(fn, on_progress=lambda d, t: progress.append((d, t)), **kwargs)

    monkeypatch.setattr(tasks, "run_task", watched)
    own.action_demo.trigger()
    demo = current_window(qtbot)
    assert demo is not own and progress
    assert demo.windowTitle() == "地方創生輔導桌 — 示範資料"
    assert demo.demo_banner is not None and demo.demo_banner.isVisible()
    assert "示範資料" in demo.db_label.text()
    assert demo.ctx.db.path == paths.demo_db_path()
    assert str(settings.value("database/path")) == own_path, "the demo never replaces her database"
    assert settings.value("user/name") == NAME
    assert demo.ctx.actor == NAME
    assert demo.demo_banner.back_button.text() == "回到我的資料庫"
    qtbot.mouseClick(demo.demo_banner.back_button, Qt.MouseButton.LeftButton)
    back = current_window(qtbot)
    assert str(back.ctx.db.path) == own_path and back.windowTitle() == "地方創生輔導桌"
    if demo.auto_backup is not None:
        demo.auto_backup.stop()
    if back.auto_backup is not None:
        back.auto_backup.stop()


def test_a_new_database_from_the_file_menu_starts_with_her_on_its_roster(qtbot, started, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    own, _seen = started
    target = tmp_path / "第二個資料庫"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    own.action_new_database.trigger()
    new = current_window(qtbot)
    assert new.ctx.db.path == target.with_suffix(".db")
    assert str(new.ctx.settings.value("database/path")) == str(target.with_suffix(".db"))
    roster = new.show_roster()
    assert [roster.model.index(r, 0).data() for r in range(roster.model.rowCount())] == [NAME]
    roster.reject()
    if new.auto_backup is not None:
        new.auto_backup.stop()


@pytest.fixture
def encrypted(monkeypatch):
    """New databases encrypted, the passphrase given as a script would (so the plain test run covers it too)."""
    from counsel_desk.store import keys

    monkeypatch.setenv(keys.ENV_ENCRYPTION, "on")
    monkeypatch.setenv(keys.ENV_PASSPHRASE, "first week passphrase 第一週")
    keys.forget_all()
    yield
    keys.forget_all()


def test_the_window_built_again_in_a_new_language_does_not_show_the_recovery_key_again(qtbot, encrypted, started,
                                                                                      key_dialogs):
    """「It is shown only this once」: 偏好設定 → English → 立即重新啟動 rebuilds the window on the same database."""
    from counsel_desk.ui.startup import current_window, restart_window

    window, _seen = started
    assert key_dialogs.recovery_keys == [window.ctx.db.key.recovery_key]
    restart_window(window)
    again = current_window()
    qtbot.addWidget(again)
    assert again is not window and again.isVisible()
    assert key_dialogs.recovery_keys == [window.ctx.db.key.recovery_key], "shown once, not twice"


def test_an_english_speaker_chooses_her_language_first_in_the_welcome_dialog(qtbot, qapp, _private_home, monkeypatch):
    """The welcome dialog offers 語言／Language before anything else: chosen, the dialog is made again in English
    with what she had typed, and the window opens in English."""
    from counsel_desk.ui import settings as options
    from counsel_desk.ui.startup import install_translators, prepare, start_main_window

    monkeypatch.delenv("COUNSEL_DESK_LANG")  # as on her laptop: the language is the settings'
    monkeypatch.setattr(messages, "show_error", lambda *a, **k: pytest.fail(f"unexpected error box {a}"))
    settings, _families, _loaded = prepare(qapp)
    seen: list[str] = []

    def welcome() -> None:
        dialog = first_run_dialog()
        if dialog is None or (seen and dialog.windowTitle() == seen[0]):  # not (yet) made again
            QTimer.singleShot(20, welcome)
            return
        seen.append(dialog.windowTitle())
        if len(seen) == 1:
            type_text(dialog.name, "Ann Lee")
            choose(dialog.center, "east")
            choose(dialog.language, "en")
            QTimer.singleShot(20, welcome)
            return
        seen.extend([dialog.name.text(), dialog.center.currentData(), dialog.language.currentData()])
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, welcome)
    try:
        window = start_main_window(settings)
        assert not isinstance(window, int), "the start was cancelled"
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: window.ctx is not None, timeout=20_000)
        assert seen == ["歡迎使用地方創生輔導桌", "Welcome to the Regional Revitalization Desk", "Ann Lee", "east", "en"]
        assert options.LANGUAGE.get(settings) == "en"
        assert window.windowTitle() == "Regional Revitalization Desk"
        if window.auto_backup is not None:
            window.auto_backup.stop()
    finally:
        install_translators(qapp, "zh_TW")


def test_a_new_centers_forms_show_no_blank_choice_box(qtbot, started):
    """On a new center's empty database every page and the editor its 「新增」 opens: no choice box she can use
    stands blank. A box with nothing to choose yet says so (「還沒有任何工作站」), a required one what goes in it
    (「請選擇縣市…」) — the support dialog and the outcome form showed blank boxes and refused the save."""
    from PySide6.QtWidgets import QComboBox, QDialog

    from tests.ui.walk_helpers import finished

    window, _seen = started

    def blank_boxes(where: str, w) -> list[str]:
        return [f"{where}: {c.objectName() or type(c.parentWidget()).__name__} ({c.count()} choices)"
                for c in w.findChildren(QComboBox)
                if c.isVisibleTo(w) and c.isEnabled() and not c.isEditable() and not c.currentText()
                and not c.placeholderText()]

    found: list[str] = []
    for spec in window.specs:
        page = window.show_page(spec.key)
        finished(qtbot)
        found += blank_boxes(spec.key, window)
        if hasattr(page, "new_record"):
            page.new_record()
            finished(qtbot)
            found += blank_boxes(f"new on {spec.key}", window)
            for top in QApplication.topLevelWidgets():
                if isinstance(top, QDialog) and top.isVisible():
                    found += blank_boxes(f"{type(top).__name__} from {spec.key}", top)
                    top.reject()
    from counsel_desk.services.people.people import PeopleService
    from counsel_desk.ui.people.roster_dialog import RosterDialog
    from counsel_desk.ui.preferences import PreferencesDialog
    from counsel_desk.ui.visits.followup_dialogs import FollowUpDialog
    from counsel_desk.ui.visits.people_dialogs import NewContactDialog, NewOrganizationDialog

    window.show_page("visits")
    editor = window.pages["visits"].new_record()  # what a visit's editor opens over it, and the menus' dialogs
    people = PeopleService(window.ctx.services())
    for name, dialog in (("follow-up", FollowUpDialog(editor.form)), ("organisation", NewOrganizationDialog(people, editor)),
                         ("contact", NewContactDialog(people, None, editor)),
                         ("preferences", PreferencesDialog(window.ctx, window)), ("roster", RosterDialog(window.ctx, window))):
        dialog.show()
        finished(qtbot)
        found += blank_boxes(name, dialog)
        dialog.reject()
    editor.reject()
    proposals = window.pages.get("proposals")
    if proposals is not None:
        proposals.editor.dirty = False
    assert not found, "\n".join(found)

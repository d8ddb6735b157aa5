"""Encryption in the GUI: asked for the passphrase, the recovery key shown once, the idle lock hides everything."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QMainWindow, QWidget

from counsel_desk.store import driver, keys, open_database
from counsel_desk.ui import settings as options
from counsel_desk.ui.safety import key_dialogs
from counsel_desk.ui.safety.idle_lock import IdleLock, LockCover, start_idle_lock
from counsel_desk.ui.safety.key_dialogs import NewPassphraseDialog, RecoveryKeyDialog, UnlockDialog

PASSPHRASE = "池上的稻田 rice fields"
SECRET_TEXT = "臺東縣池上鄉公所 0912-345-678"


@pytest.fixture(autouse=True)
def zh_tw(qapp):
    from counsel_desk.app import prepare

    prepare(qapp)  # the zh_TW catalogues, as the app loads them


@pytest.fixture
def encrypted_db(tmp_path, monkeypatch):
    monkeypatch.setenv(keys.ENV_ENCRYPTION, "on")
    monkeypatch.delenv(keys.ENV_PASSPHRASE, raising=False)
    keys.forget_all()
    database = open_database(tmp_path / "field.db", key=keys.new_key(PASSPHRASE))
    yield database
    database.close()
    keys.set_prompt(None)
    keys.forget_all()


def test_an_encrypted_database_without_its_key_asks_for_the_passphrase(qtbot, encrypted_db, monkeypatch):
    asked = []
    answers = iter(["wrong one", PASSPHRASE])

    def fake_ask(path, retry):
        asked.append(retry)
        return next(answers)

    monkeypatch.setattr(UnlockDialog, "ask", staticmethod(fake_ask))
    key_dialogs.install_prompts()
    keys.forget_all()
    assert keys.key_for(encrypted_db.path) == encrypted_db.key
    assert asked == [False, True]  # the second time it says the first was wrong


def test_the_unlock_dialog_hides_what_is_typed_and_says_when_it_was_wrong(qtbot, tmp_path):
    dialog = UnlockDialog(tmp_path / "field.db", retry=True)
    qtbot.addWidget(dialog)
    assert dialog.secret.echoMode() == QLineEdit.EchoMode.Password
    assert not dialog.error.isHidden() and "不" in dialog.error.text()


def test_a_new_passphrase_is_typed_twice_and_long_enough(qtbot):
    dialog = NewPassphraseDialog()
    qtbot.addWidget(dialog)
    dialog.first.setText("short")
    dialog.second.setText("short")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "8" in dialog.error.text() and dialog.result() == 0
    dialog.first.setText("long enough 1")
    dialog.second.setText("long enough 2")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() and dialog.result() == 0
    dialog.second.setText("long enough 1")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == NewPassphraseDialog.DialogCode.Accepted


def test_the_recovery_key_is_shown_once_and_closes_only_once_kept(qtbot, encrypted_db, monkeypatch):
    dialog = RecoveryKeyDialog(encrypted_db.key, encrypted_db.path)
    qtbot.addWidget(dialog)
    shown = dialog.key_label.text().replace("\n", "  ").split("  ")
    assert "-".join(shown) == encrypted_db.key.recovery_key
    assert keys.parse_recovery_key(dialog.key_label.text()) == encrypted_db.key.key
    assert not dialog.close_button.isEnabled()
    dialog.reject()  # Esc before it is kept does nothing
    assert dialog.result() == 0
    dialog.kept.setChecked(True)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == RecoveryKeyDialog.DialogCode.Accepted
    printed = dialog.document().toPlainText()
    assert encrypted_db.key.recovery_key.split("-")[0] in printed and str(encrypted_db.path) in printed

    seen = []
    monkeypatch.setattr(RecoveryKeyDialog, "exec", lambda self: seen.append(self.recovery_key))
    key_dialogs.show_recovery_key_once(encrypted_db)
    key_dialogs.show_recovery_key_once(encrypted_db)  # the window built again (a new language): not shown again
    reopened = open_database(encrypted_db.path)
    try:
        key_dialogs.show_recovery_key_once(reopened)  # not created by this start: not shown again
    finally:
        reopened.close()
    assert seen == [encrypted_db.key.recovery_key]


def _window_with_secrets(qtbot) -> QMainWindow:
    window = QMainWindow()
    window.setWindowTitle(f"訪視：{SECRET_TEXT}")
    window.setCentralWidget(QLabel(SECRET_TEXT))
    qtbot.addWidget(window)
    window.resize(800, 600)
    window.show()
    qtbot.waitExposed(window)
    return window


def _visible_text(window: QWidget) -> str:
    """What a person can read: every visible label, line edit and title not under the cover."""
    texts = [window.windowTitle()]
    for w in window.findChildren(QWidget):
        if not w.isVisible():
            continue
        point = w.mapTo(window, QPoint(w.width() // 2, w.height() // 2))
        top = window.childAt(point)
        if top is not None and (top is w or w.isAncestorOf(top)) and isinstance(w, (QLabel, QLineEdit)):
            texts.append(w.text())
    return " ".join(texts)


def test_left_idle_everything_is_covered_until_the_passphrase_is_typed(qtbot, encrypted_db):
    window = _window_with_secrets(qtbot)
    dialog = QWidget(None, Qt.WindowType.Dialog)
    dialog.setWindowTitle("編輯聯絡人")
    QLabel(SECRET_TEXT, dialog)
    qtbot.addWidget(dialog)
    dialog.show()
    assert SECRET_TEXT in _visible_text(window)

    lock = IdleLock(encrypted_db.key, idle_ms=50, parent=window)  # goes with the window, whatever happens
    qtbot.waitUntil(lambda: lock.locked, timeout=3000)
    for w in (window, dialog):
        covers = w.findChildren(LockCover)
        assert len(covers) == 1 and covers[0].geometry() == w.rect()
        assert SECRET_TEXT not in _visible_text(w) and w.windowTitle() == "counsel_desk"
        assert w.childAt(w.rect().center()) is not None and covers[0].isAncestorOf(w.childAt(w.rect().center())) \
            or w.childAt(w.rect().center()) is covers[0]
    window.resize(1000, 700)
    assert window.findChild(LockCover).geometry() == window.rect()

    cover = window.findChild(LockCover)
    cover.secret.setText("not it")
    qtbot.mouseClick(cover.button, Qt.MouseButton.LeftButton)
    assert lock.locked and cover.error.text()
    cover.secret.setText(PASSPHRASE)
    qtbot.mouseClick(cover.button, Qt.MouseButton.LeftButton)
    assert not lock.locked
    qtbot.waitUntil(lambda: not window.findChildren(LockCover))
    assert SECRET_TEXT in _visible_text(window) and window.windowTitle() == f"訪視：{SECRET_TEXT}"
    lock.timer.stop()


@pytest.mark.parametrize("left_open", ["menu", "list", "tooltip"])
def test_a_menu_list_or_tooltip_left_open_is_not_readable_while_locked(qtbot, encrypted_db, left_open):
    """A context menu, a drop-down list or a tooltip left open when she walked away lies above every
    window: the lock closes it (a menu has no cover of its own), and one opened while locked is closed too."""
    from PySide6.QtWidgets import QApplication, QComboBox, QMenu, QToolTip

    window = _window_with_secrets(qtbot)
    combo = QComboBox()
    combo.addItems([SECRET_TEXT, "臺東縣鹿野鄉公所 0933-222-111"])
    window.setCentralWidget(combo)
    menu = QMenu(window)
    menu.addAction(SECRET_TEXT)
    if left_open == "menu":
        menu.popup(window.mapToGlobal(QPoint(20, 20)))
        qtbot.waitUntil(menu.isVisible)
    elif left_open == "list":
        combo.showPopup()
        qtbot.waitUntil(lambda: combo.view().isVisible())
    else:
        QToolTip.showText(window.mapToGlobal(QPoint(20, 20)), SECRET_TEXT, window, window.rect(), 60_000)
        qtbot.waitUntil(QToolTip.isVisible)

    lock = IdleLock(encrypted_db.key, idle_ms=50, parent=window)
    qtbot.waitUntil(lambda: lock.locked, timeout=3000)
    qtbot.wait(50)

    def readable() -> list[str]:
        """Visible windows with no cover of their own: a menu, a list or a tooltip above the covers."""
        return [type(w).__name__ for w in QApplication.topLevelWidgets()
                if w.isVisible() and not any(c.isVisible() for c in w.findChildren(LockCover))]

    assert readable() == [] and not menu.isVisible() and not combo.view().isVisible() and not QToolTip.isVisible()
    menu.popup(window.mapToGlobal(QPoint(20, 20)))  # a shortcut or the Alt key opens one while locked
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=2000)
    assert readable() == []
    cover = window.findChild(LockCover)
    cover.secret.setText(PASSPHRASE)
    qtbot.mouseClick(cover.button, Qt.MouseButton.LeftButton)
    assert not lock.locked and combo.currentText() == SECRET_TEXT  # nothing she chose was lost
    lock.timer.stop()


def test_while_locked_the_keyboard_reaches_only_the_passphrase(qtbot, encrypted_db):
    """A passer-by at the locked laptop: a window's shortcut (save, which would put the record's name back
    in the title) does nothing, and Tab does not lead into the hidden form — keys reach only the cover."""
    from PySide6.QtGui import QKeySequence, QShortcut

    window = _window_with_secrets(qtbot)
    form = QLineEdit("原本的內容")
    window.setCentralWidget(form)
    fired: list[str] = []
    QShortcut(QKeySequence("Ctrl+S"), window).activated.connect(lambda: fired.append("save"))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    form.setFocus()
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert fired == ["save"]  # the shortcut works while unlocked

    lock = IdleLock(encrypted_db.key, idle_ms=50, parent=window)
    qtbot.waitUntil(lambda: lock.locked, timeout=3000)
    cover = window.findChild(LockCover)
    qtbot.keyClick(cover.secret, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    for _ in range(3):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        assert cover.isAncestorOf(window.focusWidget())  # Tab stays in the cover
    qtbot.keyClick(form, Qt.Key.Key_A)  # even a key sent straight to the hidden field
    qtbot.keyClicks(cover.secret, "xyz")
    assert fired == ["save"] and form.text() == "原本的內容"
    assert lock.locked and cover.secret.text() == "xyz"
    cover.secret.setText(PASSPHRASE)
    qtbot.keyClick(cover.secret, Qt.Key.Key_Return)
    assert not lock.locked
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert fired == ["save", "save"]
    lock.timer.stop()


def test_only_a_typed_key_locks_and_zero_minutes_means_never(qtbot, encrypted_db, tmp_path):
    from PySide6.QtCore import QSettings

    window = _window_with_secrets(qtbot)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    lock = start_idle_lock(window, encrypted_db, settings)
    assert lock is not None and lock.timer.interval() == 10 * 60_000 and lock.parent() is window
    lock.timer.stop()
    options.LOCK_MINUTES.set(settings, 0)
    assert start_idle_lock(window, encrypted_db, settings) is None
    options.LOCK_MINUTES.set(settings, 5)
    from_keyring = keys.DatabaseKey(encrypted_db.key.key, encrypted_db.key.salt, keys.KEYRING)
    plain_or_keyring = [type("Db", (), {"key": None})(), type("Db", (), {"key": from_keyring})()]
    assert all(start_idle_lock(window, d, settings) is None for d in plain_or_keyring)
    assert driver.is_encrypted(encrypted_db.path)

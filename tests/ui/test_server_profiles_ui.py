"""The center's server chosen in the first-run dialog and in the preferences: tested against the real server
the tests start, the password into the keyring (never the settings file), and the app then opens it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QDialogButtonBox

from counsel_desk import paths
from counsel_desk.store import profiles
from counsel_desk.store.profiles import ServerProfile
from counsel_desk.ui import settings as options
from counsel_desk.ui.first_run import FirstRunDialog
from tests.ui.conftest import type_text


def save(dialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


def fill(form, host: str, database: str, login: str) -> None:
    form.host.setText(host)
    form.database.setText(database)
    form.login.setText(login)


@pytest.mark.usefixtures("memory_keyring")
def test_first_run_on_the_centers_server(qtbot, tmp_path, pg_server, pg_url):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    dialog = FirstRunDialog(settings)
    qtbot.addWidget(dialog)
    assert not dialog.server.isVisibleTo(dialog)
    dialog.on_server.setChecked(True)
    assert dialog.server.isVisibleTo(dialog) and not dialog.folder_host.isVisibleTo(dialog)
    type_text(dialog.name, "王小明")
    database = pg_url.split("?")[0].rsplit("/", 1)[1]

    fill(dialog.server, str(tmp_path / "nowhere"), database, "postgres")
    dialog.server.test_button.click()
    qtbot.waitUntil(lambda: dialog.server.last_check is not None, timeout=20_000)
    assert dialog.server.last_check.kind == profiles.UNREACHABLE
    assert "連不到伺服器" in dialog.server.result.text()

    fill(dialog.server, str(pg_server.socket_dir), database, "postgres")
    dialog.server.last_check = None
    dialog.server.test_button.click()
    qtbot.waitUntil(lambda: dialog.server.last_check is not None, timeout=20_000)
    assert dialog.server.last_check.kind == profiles.OK, dialog.server.result.text()
    assert "可以使用" in dialog.server.result.text()

    dialog.server.password.setText("s3cret-pw")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    url = dialog.database_path()
    assert isinstance(url, str) and url.startswith("postgresql://postgres@")
    settings.sync()
    assert options.DATABASE_SERVER.get(settings) == url
    assert [p.url for p in options.SERVER_PROFILES.get(settings)] == [url]
    assert "s3cret" not in (tmp_path / "s.ini").read_text(encoding="utf-8")
    assert profiles.password(options.SERVER_PROFILES.get(settings)[0]) == "s3cret-pw"  # the keyring has it


def test_first_run_refuses_a_server_without_an_address(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    dialog = FirstRunDialog(settings)
    qtbot.addWidget(dialog)
    dialog.on_server.setChecked(True)
    type_text(dialog.name, "王小明")
    dialog.server.login.setText("wang.xm")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() != FirstRunDialog.DialogCode.Accepted
    assert "伺服器位址" in dialog.error.text()
    assert options.DATABASE_SERVER.get(settings) == "" and options.SERVER_PROFILES.get(settings) == []


@pytest.mark.usefixtures("memory_keyring")
def test_preferences_add_choose_and_leave_a_server(qtbot, app_context, monkeypatch):
    from counsel_desk.ui.preferences import PreferencesDialog
    from counsel_desk.ui.server_profiles import ServerProfileDialog

    s = app_context.settings
    options.DATABASE_PATH.set(s, app_context.db.path)

    def fill_and_save(dialog: ServerProfileDialog) -> int:
        dialog.form.profile_name.setText("北區辦公室")
        fill(dialog.form, "db.center.tw", "counsel", "wang.xm")
        dialog.form.tls.setCurrentIndex(dialog.form.tls.findData("require"))
        dialog.form.password.setText("pw 密碼")
        save(dialog)
        return int(dialog.result())

    monkeypatch.setattr(ServerProfileDialog, "exec", fill_and_save)
    prefs = PreferencesDialog(app_context)
    qtbot.addWidget(prefs)
    assert prefs.database.currentText() in ("這台電腦的檔案", "This computer's file")
    assert not prefs.edit_profile.isEnabled()
    prefs.add_profile.click()
    assert prefs.database.currentData() == "postgresql://wang.xm@db.center.tw/counsel?sslmode=require"
    save(prefs)
    assert prefs.switch_to == "postgresql://wang.xm@db.center.tw/counsel?sslmode=require"  # opened right away
    assert [p.name for p in options.SERVER_PROFILES.get(s)] == ["北區辦公室"]
    assert profiles.password(ServerProfile("x", prefs.switch_to)) == "pw 密碼"
    assert "pw 密碼" not in paths.settings_file().read_text(encoding="utf-8")

    options.DATABASE_SERVER.set(s, prefs.switch_to)  # as switch_database does once it opened
    back = PreferencesDialog(app_context)
    qtbot.addWidget(back)
    assert back.database.currentData() == prefs.switch_to and back.edit_profile.isEnabled()
    back.database.setCurrentIndex(0)
    save(back)
    assert back.switch_to == app_context.db.path  # back to her own file


def test_the_chosen_server_opens_at_start(qtbot, qapp, _private_home, pg_url):
    from counsel_desk.ui.startup import prepare, start_main_window

    settings, _families, _loaded = prepare(qapp)
    options.SERVER_PROFILES.set(settings, [ServerProfile("中心", pg_url)])
    options.DATABASE_SERVER.set(settings, pg_url)
    window = start_main_window(settings)
    assert not isinstance(window, int)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.ctx is not None, timeout=20_000)
    assert window.ctx.db.is_server and window.ctx.db.url == pg_url
    assert window.auto_backup is None  # a server is backed up on the server (pg_dump)
    assert QThreadPool.globalInstance().waitForDone(20_000)
    qtbot.wait(50)
    window.close()
    window.ctx.db.close()

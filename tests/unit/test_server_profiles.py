"""Connection profiles (store/profiles.py): a name and an address without a password; the password in the
OS keyring only; 「測試連線」 says what is wrong in plain words, against the real server the tests start."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from counsel_desk.errors import UserError
from counsel_desk.store import profiles
from counsel_desk.store.profiles import ServerProfile
from counsel_desk.ui import settings as options


def test_the_address_is_made_from_the_form_and_read_back():
    url = profiles.build_url(" db.center.tw ", 5433, "counsel", "wang.xm", "require")
    assert url == "postgresql://wang.xm@db.center.tw:5433/counsel?sslmode=require"
    assert profiles.parts(url) == profiles.Parts("db.center.tw", 5433, "counsel", "wang.xm", "require")
    assert profiles.build_url("10.0.0.5", 5432, "counsel", "王小明") == "postgresql://%E7%8E%8B%E5%B0%8F%E6%98%8E@10.0.0.5/counsel"
    assert profiles.parts(profiles.build_url("10.0.0.5", 5432, "counsel", "王小明")).login == "王小明"
    with pytest.raises(UserError) as missing:
        profiles.build_url("", 5432, "", "wang")
    assert "伺服器位址" in missing.value.zh and "資料庫名稱" in missing.value.zh


@pytest.mark.usefixtures("memory_keyring")
def test_profiles_are_kept_in_the_settings_without_any_password(tmp_path):
    s = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert options.SERVER_PROFILES.get(s) == [] and options.DATABASE_SERVER.get(s) == ""
    pasted = ServerProfile("北區辦公室", "postgresql://wang.xm:s3cret@db.center.tw/counsel?sslmode=require")
    options.SERVER_PROFILES.set(s, [pasted, ServerProfile("總部", "postgresql://chen.hq@hq.example.tw/counsel")])
    assert profiles.remember_password(pasted, "s3cret 密碼")
    s.sync()
    again = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    kept = options.SERVER_PROFILES.get(again)
    assert [p.name for p in kept] == ["北區辦公室", "總部"]
    assert kept[0].url == "postgresql://wang.xm@db.center.tw/counsel?sslmode=require"
    assert "s3cret" not in (tmp_path / "settings.ini").read_text(encoding="utf-8")
    assert profiles.password(kept[0]) == "s3cret 密碼"  # the keyring's, under the address without password
    assert profiles.password(kept[1]) is None
    again.setValue(options.SERVER_PROFILES.key, "{not json")
    assert options.SERVER_PROFILES.get(again) == []


@pytest.mark.usefixtures("pg_server")
def test_testing_a_connection_says_what_is_found(pg_server, pg_url, tmp_path):
    assert profiles.check(pg_url).kind == profiles.OK
    assert "可以使用" in profiles.check(pg_url).zh

    empty = pg_server.new_database()
    foreign = pg_server.new_database()
    try:
        assert profiles.check(pg_server.url(empty)).kind == profiles.EMPTY
        pg_server.admin("CREATE TABLE invoices (id int)", dbname=foreign)
        checked = profiles.check(pg_server.url(foreign))
        assert checked.kind == profiles.NOT_OURS and "不是 counsel_desk 的資料庫" in checked.zh
    finally:
        pg_server.drop_database(empty)
        pg_server.drop_database(foreign)

    newer = pg_url.split("?")[0].rsplit("/", 1)[1]
    pg_server.admin("UPDATE alembic_version SET version_num = '9999_from_the_future'", dbname=newer)
    checked = profiles.check(pg_url)
    assert checked.kind == profiles.NEWER and "較新版本" in checked.zh

    missing = profiles.check(pg_server.url("no_such_database"))
    assert missing.kind == profiles.NO_DATABASE and "沒有這個資料庫" in missing.zh

    nowhere = profiles.check(f"postgresql://postgres@/counsel?host={tmp_path}")
    assert nowhere.kind == profiles.UNREACHABLE and "連不到伺服器" in nowhere.zh


def test_a_wrong_password_is_said_as_such(pg_server):
    """A login that must give its password (scram-sha-256), as on a center's server."""
    hba = pg_server.data_dir / "pg_hba.conf"
    before = hba.read_text()
    hba.write_text("local all cd_pw_test scram-sha-256\n" + before)
    pg_server.admin("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cd_pw_test') THEN "
                    "CREATE ROLE cd_pw_test LOGIN PASSWORD 'right'; END IF; END $$")
    pg_server.admin("SELECT pg_reload_conf()")
    try:
        url = pg_server.url("postgres", user="cd_pw_test")
        wrong = profiles.check(url, "wrong")
        assert wrong.kind == profiles.WRONG_PASSWORD and "密碼不正確" in wrong.zh
        assert profiles.check(url, "right").kind == profiles.EMPTY  # the postgres database has no tables
    finally:
        hba.write_text(before)
        pg_server.admin("SELECT pg_reload_conf()")

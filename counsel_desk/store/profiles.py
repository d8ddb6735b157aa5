"""Connection profiles (連線設定): the center's server databases this computer knows, by name.

A profile is a name and a server address **without a password** (``postgresql://wang.xm@server/counsel
?sslmode=require``). The list is kept in the settings file (``ui/settings.SERVER_PROFILES``) as the text
:func:`encode` gives; the login's password is kept in the OS keyring only (:func:`remember_password`,
the account :mod:`counsel_desk.store.server` reads when it connects), never in the settings file.

:func:`check` is the 「測試連線」 of the first-run dialog and the preferences: it connects once and says
in plain words what is wrong — the server cannot be reached, the password is wrong, the database is not
a counsel_desk one, or it was written by a newer version.

Nothing here imports SQLAlchemy or Qt at import time (the settings read it before the data layer loads).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from counsel_desk.errors import UserError


@dataclass(frozen=True)
class ServerProfile:
    """A named server database: ``url`` never carries a password."""

    name: str
    url: str


def build_url(host: str, port: int | None, database: str, login: str, tls: str = "prefer") -> str:
    """The address of a server database from the fields of the form (no password)."""
    host, database, login = host.strip(), database.strip(), login.strip()
    problems = []
    if not host:
        problems.append(("伺服器位址", "the server's address"))
    if not database:
        problems.append(("資料庫名稱", "the database name"))
    if not login:
        problems.append(("登入帳號", "the login"))
    if problems:
        raise UserError("請填寫" + "、".join(p[0] for p in problems) + "。",
                        "Please fill in " + ", ".join(p[1] for p in problems) + ".")
    if any(c in database for c in "/?#@ "):
        problems.append(("不含 / ? # @ 或空白的資料庫名稱", "a database name without / ? # @ or spaces"))
        raise UserError("請填寫" + "、".join(p[0] for p in problems) + "。",
                        "Please fill in " + ", ".join(p[1] for p in problems) + ".")
    if port is not None and not 0 < port < 65536:
        raise UserError(f"連接埠 {port} 不正確（1–65535，PostgreSQL 預設為 5432）。",
                        f"The port {port} is not valid (1–65535; PostgreSQL's default is 5432).")
    params = {}
    if host.startswith("/"):  # a Unix socket's folder (a server on this computer): libpq's host parameter
        where, params["host"] = "", host
        if port and port != 5432:
            params["port"] = str(port)
    else:
        where = f"[{host}]" if ":" in host and not host.startswith("[") else host
        if port and port != 5432:
            where += f":{port}"
    if tls and tls != "prefer":
        params["sslmode"] = tls
    query = urlencode(params)
    return f"postgresql://{quote(login, safe='')}@{where}/{database}" + (f"?{query}" if query else "")


@dataclass(frozen=True)
class Parts:
    host: str
    port: int
    database: str
    login: str
    tls: str


def parts(url: str) -> Parts:
    """The form's fields of an address (the reverse of :func:`build_url`)."""
    from sqlalchemy.engine import make_url

    u = make_url(url.replace("postgresql+psycopg://", "postgresql://", 1))
    host = u.host or str(u.query.get("host", ""))
    port = u.port or int(str(u.query.get("port", 5432)))
    return Parts(host, port, u.database or "", u.username or "", str(u.query.get("sslmode", "prefer")))


def without_password(url: str) -> str:
    """The address with any password taken out (a pasted ``user:secret@host`` never reaches the settings)."""
    from sqlalchemy.engine import make_url

    u = make_url(url.strip().replace("postgresql+psycopg://", "postgresql://", 1))
    return u._replace(password=None).render_as_string(hide_password=False)


def encode(profiles: list[ServerProfile]) -> str:
    """The settings file's text of the list (passwords are never in it)."""
    return json.dumps([{"name": p.name, "url": without_password(p.url)} for p in profiles], ensure_ascii=False)


def decode(text: str) -> list[ServerProfile]:
    """The list back from the settings file; anything unreadable is no profiles rather than a crash."""
    try:
        rows = json.loads(text or "[]")
    except ValueError:
        return []
    if not isinstance(rows, list):
        return []
    return [ServerProfile(str(r["name"]), str(r["url"])) for r in rows
            if isinstance(r, dict) and r.get("name") and str(r.get("url", "")).startswith("postgres")]


def named(profiles: list[ServerProfile], name: str) -> ServerProfile | None:
    return next((p for p in profiles if p.name == name), None)


# --- the password: the OS keyring only ---------------------------------------------------------------------------
def password(profile: ServerProfile) -> str | None:
    from counsel_desk.store.server import remembered_password

    return remembered_password(profile.url)


def remember_password(profile: ServerProfile, secret: str) -> bool:
    """Keep the login's password in the OS keyring; False when there is no keyring (or it is switched off)."""
    from counsel_desk.store.server import remember_password as keep

    return keep(profile.url, secret)


def keyring_available() -> bool:
    from counsel_desk.store import keys

    return keys.keyring_available()


# --- 測試連線 ------------------------------------------------------------------------------------------------------
OK, EMPTY, UNREACHABLE, WRONG_PASSWORD, NO_DATABASE, NOT_OURS, NEWER, NO_DRIVER = (
    "ok", "empty", "unreachable", "wrong_password", "no_database", "not_ours", "newer", "no_driver")


@dataclass(frozen=True)
class Checked:
    """What a test connection found: ``kind`` (one of the constants above) and what to tell her."""

    kind: str
    zh: str
    en: str

    @property
    def ok(self) -> bool:
        return self.kind in (OK, EMPTY)


def _said(kind: str, url: str, detail: str = "") -> Checked:
    where = without_password(url)
    extra_zh = f"（{detail}）" if detail else ""
    extra_en = f" ({detail})" if detail else ""
    texts = {
        OK: ("連線成功：這是 counsel_desk 的資料庫，可以使用。", "Connected: a counsel_desk database, ready to use."),
        EMPTY: ("連線成功，但這個資料庫還是空的：請中心的資訊人員先執行 counsel-desk server init --apply（見 docs/server.md）。",
                "Connected, but the database is empty: the center's IT person runs counsel-desk server init --apply "
                "first (see docs/server.md)."),
        UNREACHABLE: (f"連不到伺服器 {where}{extra_zh}：請確認網路、伺服器位址與連接埠，以及伺服器是否開機。",
                      f"Cannot reach the server {where}{extra_en}: check the network, the address and port, and "
                      f"that the server is running."),
        WRONG_PASSWORD: (f"帳號或密碼不正確：伺服器拒絕了 {where} 的登入。", f"Wrong login or password: the server refused {where}."),
        NO_DATABASE: (f"伺服器上沒有這個資料庫（{where}）：請確認資料庫名稱。",
                      f"The server has no such database ({where}): check the database name."),
        NOT_OURS: (f"{where} 不是 counsel_desk 的資料庫（裡面有其他資料表），不會使用它。",
                   f"{where} is not a counsel_desk database (it holds other tables); it will not be used."),
        NEWER: (f"{where} 由較新版本的 counsel_desk 建立{extra_zh}：請先更新本程式。",
                f"{where} was written by a newer counsel_desk{extra_en}: update this program first."),
        NO_DRIVER: ("這個版本的程式沒有連線到伺服器所需的元件（psycopg）。",
                    "This build has no PostgreSQL driver (psycopg)."),
    }
    zh, en = texts[kind]
    return Checked(kind, zh, en)


def _kind_of(exc: BaseException) -> tuple[str, str]:
    """Sort a connection failure by the server's SQLSTATE, else by libpq's message."""
    orig = getattr(exc, "orig", None) or exc
    state = getattr(orig, "sqlstate", None) or ""
    text = str(orig).strip().splitlines()[0] if str(orig).strip() else ""
    low = str(orig).lower()
    if state in ("28P01", "28000") or "password authentication failed" in low or "no password supplied" in low:
        return WRONG_PASSWORD, ""
    if state == "3D000" or ("database" in low and "does not exist" in low):
        return NO_DATABASE, ""
    return UNREACHABLE, text


def check(url: str, secret: str | None = None) -> Checked:
    """Connect once with ``secret`` (else the keyring's password) and say what was found; nothing is written."""
    from counsel_desk.errors import DatabaseError
    from counsel_desk.store import migrate
    from counsel_desk.store.server import inspect_revision, make_server_engine

    try:
        engine = make_server_engine(url, secret, pool_size=1)
    except DatabaseError:
        return _said(NO_DRIVER, url)
    try:
        try:
            with engine.connect():
                pass
        except Exception as exc:  # noqa: BLE001 — every way of not connecting is said to her, sorted
            kind, detail = _kind_of(exc)
            return _said(kind, url, detail)
        try:
            rev = inspect_revision(engine, url)
        except DatabaseError:
            return _said(NOT_OURS, url)
        if rev is None:
            return _said(EMPTY, url)
        if not migrate.is_known(rev):
            return _said(NEWER, url, rev)
        return _said(OK, url)
    finally:
        engine.dispose()

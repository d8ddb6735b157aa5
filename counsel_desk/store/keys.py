"""Database keys (資料加密金鑰): where the key of an encrypted database comes from.

A database is encrypted by SQLCipher with a 256-bit key and a 16-byte salt. The salt is the
file's first 16 bytes, kept in the clear, and every backup and converted copy of the database is
written with the same key and salt — so the salt names the key and a backup opens wherever its
database does. The key itself is never written next to the database. It comes, in this order, from:

1. keys already unlocked in this process;
2. the OS keyring through ``keyring`` (Windows Credential Manager/DPAPI, macOS Keychain, Secret
   Service), service ``counsel_desk``, user ``database-<salt hex>``;
3. ``COUNSEL_DESK_PASSPHRASE`` — a passphrase or the recovery key, for scripts (as BORG_PASSPHRASE);
4. a prompt registered by the GUI (unlock dialog) or the CLI (a terminal's hidden input).

A passphrase becomes the key through PBKDF2-HMAC-SHA256, 600,000 rounds (salt = the file's salt):
OpenSSL's when Python has it, else the same algorithm in Python (the installer bundle leaves
OpenSSL out), so a passphrase opens its database whichever way counsel_desk was installed. The **recovery key** is the
key itself written as 64 hexadecimal digits in eight groups, shown once at set-up (as BitLocker
does): with it the data opens on any computer, even when the Windows profile holding the keyring
is lost. ``COUNSEL_DESK_ENCRYPTION=off`` makes new databases plain (the default test run).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from counsel_desk import errors
from counsel_desk.errors import DatabaseError, UserError
from counsel_desk.i18n import pick
from counsel_desk.store import driver

SERVICE = "counsel_desk"
ENV_PASSPHRASE = "COUNSEL_DESK_PASSPHRASE"
ENV_ENCRYPTION = "COUNSEL_DESK_ENCRYPTION"  # "off": new databases are created plain
ENV_KEYRING = "COUNSEL_DESK_KEYRING"  # "off": never use the OS keyring (tests, shared machines)
KEY_BYTES = 32
PBKDF2_ROUNDS = 600_000  # OWASP's figure for PBKDF2-HMAC-SHA256

KEYRING = "keyring"
PASSPHRASE = "passphrase"
RECOVERY = "recovery"


@dataclass(frozen=True)
class DatabaseKey:
    key: bytes
    salt: bytes
    source: str  # KEYRING, PASSPHRASE or RECOVERY: how it was obtained this time

    def pragma(self) -> str:
        return f"PRAGMA key = \"x'{self.key.hex()}{self.salt.hex()}'\""

    @property
    def recovery_key(self) -> str:
        return format_recovery_key(self.key)

    def subkey(self, purpose: str) -> bytes:
        """A key for another use (attachments, drafts, the audit head) that never equals the database key."""
        return hmac.new(self.key, f"counsel_desk/{purpose}/v1".encode(), hashlib.sha256).digest()

    @property
    def typed(self) -> bool:
        """The key came from something a person typed: the app locks when left idle."""
        return self.source in (PASSPHRASE, RECOVERY)

    def __repr__(self) -> str:  # never print a key into a log or a traceback
        return f"DatabaseKey(salt={self.salt.hex()}, source={self.source})"


class KeyMissing(DatabaseError):
    """An encrypted database and no key for it on this computer."""


class WrongKey(DatabaseError):
    """The passphrase or key given does not open the database."""


Prompt = Callable[[Path, bool], "str | None"]  # (database, after a wrong try) → passphrase/recovery key, None = give up
_unlocked: dict[bytes, DatabaseKey] = {}
_prompt: Prompt | None = None
_new_prompt: Callable[[], "str | None"] | None = None  # a new passphrase, chosen (and typed twice) by a person
_keyring_override: object | None = None


# --- the recovery key and passphrases ----------------------------------------------------------------------
def format_recovery_key(key: bytes) -> str:
    text = key.hex().upper()
    return "-".join(text[i:i + 8] for i in range(0, len(text), 8))


def parse_recovery_key(text: str) -> bytes | None:
    digits = re.sub(r"[\s-]", "", text or "")
    if len(digits) != KEY_BYTES * 2 or not re.fullmatch(r"[0-9A-Fa-f]+", digits):
        return None
    return bytes.fromhex(digits)


def derive(passphrase: str, salt: bytes, rounds: int = PBKDF2_ROUNDS) -> bytes:
    """The key of a passphrase (NFC, so 臺 typed on two keyboards gives one key)."""
    data = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    if hasattr(hashlib, "pbkdf2_hmac"):
        return hashlib.pbkdf2_hmac("sha256", data, salt, rounds, KEY_BYTES)
    return pbkdf2_sha256(data, salt, rounds)


def pbkdf2_sha256(password: bytes, salt: bytes, rounds: int) -> bytes:
    """PBKDF2-HMAC-SHA256 (RFC 8018) for one 32-byte block, without OpenSSL (same result as hashlib's)."""
    if len(password) > 64:
        password = hashlib.sha256(password).digest()
    key = password.ljust(64, b"\0")
    inner, outer = hashlib.sha256(bytes(b ^ 0x36 for b in key)), hashlib.sha256(bytes(b ^ 0x5C for b in key))

    def prf(message: bytes) -> bytes:
        i, o = inner.copy(), outer.copy()
        i.update(message)
        o.update(i.digest())
        return o.digest()

    u = prf(salt + b"\0\0\0\1")
    acc = int.from_bytes(u, "big")
    for _ in range(rounds - 1):
        u = prf(u)
        acc ^= int.from_bytes(u, "big")
    return acc.to_bytes(KEY_BYTES, "big")


def from_secret(secret: str, salt: bytes) -> DatabaseKey:
    """A typed passphrase or recovery key as a key for the database with ``salt``."""
    raw = parse_recovery_key(secret)
    if raw is not None:
        return DatabaseKey(raw, salt, RECOVERY)
    return DatabaseKey(derive(secret, salt), salt, PASSPHRASE)


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase.strip()) < 8:
        raise UserError("密碼至少要 8 個字元（可用中文、英文、數字）。",
                        "The passphrase needs at least 8 characters.", field="passphrase")


# --- the OS keyring ----------------------------------------------------------------------------------------------
def use_keyring(backend: object | None) -> None:
    """Use ``backend`` instead of the system keyring (tests); None goes back to the system's."""
    global _keyring_override
    _keyring_override = backend


def _keyring() -> Any:
    if _keyring_override is not None:
        return _keyring_override
    if os.environ.get(ENV_KEYRING, "").lower() in ("off", "0", "no"):
        return None
    try:
        import keyring

        backend = keyring.get_keyring()
        priority = backend.priority
    except Exception:  # noqa: BLE001 — a broken keyring set-up is "no keyring", said clearly later
        return None
    return backend if priority and priority > 0 else None


def keyring_available() -> bool:
    return _keyring() is not None


def keyring_backend() -> Any:
    """The OS keyring in use (None: none, or switched off) — also where a server login's password is kept."""
    return _keyring()


def _account(salt: bytes) -> str:
    return f"database-{salt.hex()}"


def keyring_key(salt: bytes) -> DatabaseKey | None:
    backend = _keyring()
    if backend is None:
        return None
    try:
        stored = backend.get_password(SERVICE, _account(salt))
    except Exception:  # noqa: BLE001 — a locked or absent keyring: try the other sources
        return None
    raw = parse_recovery_key(stored or "")
    return DatabaseKey(raw, salt, KEYRING) if raw else None


def store_in_keyring(key: DatabaseKey) -> bool:
    """Keep the key in the OS keyring; True only when it was read back intact."""
    backend = _keyring()
    if backend is None:
        return False
    try:
        backend.set_password(SERVICE, _account(key.salt), key.key.hex())
        return bool(backend.get_password(SERVICE, _account(key.salt)) == key.key.hex())
    except Exception:  # noqa: BLE001
        return False


# --- the folders of an encrypted database ---------------------------------------------------------------------
_folders: dict[Path, DatabaseKey] = {}


def register_folders(db_path: Path, key: DatabaseKey | None) -> None:
    """Files written into this database's attachments and drafts folders are sealed with ``key``."""
    from counsel_desk import paths

    for folder in (paths.attachments_dir(Path(db_path)), paths.drafts_dir(Path(db_path))):
        if key is None:
            _folders.pop(folder.resolve(), None)
        else:
            _folders[folder.resolve()] = key


def key_for_folder(folder: Path | str) -> DatabaseKey | None:
    return _folders.get(Path(folder).resolve())


# --- finding the key of a file ----------------------------------------------------------------------------------
def set_prompt(prompt: Prompt | None, new_prompt: Callable[[], "str | None"] | None = None) -> None:
    """Register how to ask a person for a passphrase (the GUI's dialog, a terminal's getpass), and
    how to let them choose one for a new database when there is no keyring."""
    global _prompt, _new_prompt
    _prompt, _new_prompt = prompt, new_prompt


def remember(key: DatabaseKey) -> None:
    _unlocked[key.salt] = key


def forget_all() -> None:
    _unlocked.clear()
    _folders.clear()


def opens(path: Path, key: DatabaseKey) -> bool:
    """Whether ``key`` opens ``path``. A wrong key is SQLITE_NOTADB; a full disk, a lock or a damaged
    page behind the right key is said as what it is (errors.known), never as a wrong passphrase."""
    con = None
    try:
        con = driver.connect(path, key=key, read_only=True)
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except driver.Error as exc:
        if errors.sqlite_code(exc) in (None, errors.SQLITE_NOTADB):
            return False
        said = errors.known(exc, path)
        if said is None:
            return False
        raise said from exc
    finally:
        if con is not None:
            con.close()


def _known_right(path: Path, key: DatabaseKey) -> bool:
    """``key`` did not open ``path``, yet it is this database's key: it was kept in the keyring for this
    salt, or it opens a backup of the same database (backups keep the key and the salt). The file is damaged."""
    if key.source == KEYRING:
        return True
    from counsel_desk import paths

    try:
        copies = sorted((f for f in paths.backups_dir(path).iterdir() if f.is_file()),
                        key=lambda f: f.stat().st_mtime, reverse=True)
    except OSError:
        return False
    return any(driver.file_salt(f) == key.salt and opens(f, key) for f in copies[:10])


def _damaged(path: Path, key: DatabaseKey) -> DatabaseError:
    remember(key)  # the right key: the backups named as the next step open with it
    return errors.damaged(path, pick("加密頁面的驗證碼不符", "an encrypted page fails its check"))


def _missing(path: Path) -> KeyMissing:
    return KeyMissing(
        f"資料庫 {path} 已加密（或已損毀），這台電腦上找不到它的金鑰：請輸入密碼或復原金鑰"
        f"（指令列可設定環境變數 {ENV_PASSPHRASE}）。檔案未變更。",
        f"The database {path} is encrypted (or damaged) and this computer has no key for it: enter the "
        f"passphrase or recovery key (on the command line, set {ENV_PASSPHRASE}). The file was not changed.")


def wrong_key(path: Path) -> WrongKey:
    return WrongKey(
        f"無法解開加密的資料庫 {path}：密碼或復原金鑰不正確（也可能檔案已損毀）。檔案未變更。",
        f"Cannot open the encrypted database {path}: the passphrase or recovery key is wrong "
        f"(or the file is damaged). The file was not changed.")


def key_for(path: Path | str) -> DatabaseKey | None:
    """The key that opens ``path``; None for a plain (or missing) file. Never changes the file."""
    path = Path(path)
    salt = driver.file_salt(path)
    if salt is None:
        return None
    if salt in _unlocked:
        return _unlocked[salt]

    def fits(candidate: DatabaseKey) -> bool:
        """Whether ``candidate`` opens the file (then it is remembered); the right key that cannot: damaged."""
        if opens(path, candidate):
            remember(candidate)
            return True
        if _known_right(path, candidate):
            raise _damaged(path, candidate)
        return False

    tried = False
    candidates = [keyring_key(salt)]
    secret = os.environ.get(ENV_PASSPHRASE)
    if secret:
        candidates.append(from_secret(secret, salt))
    for candidate in candidates:
        if candidate is None:
            continue
        tried = True
        if fits(candidate):
            return candidate
    if _prompt is not None:
        for attempt in range(5):
            secret = _prompt(path, tried or attempt > 0)
            if not secret:
                break
            candidate = from_secret(secret, salt)
            tried = True
            if fits(candidate):
                return candidate
    raise wrong_key(path) if tried else _missing(path)


driver.key_resolver = key_for


def encryption_wanted() -> bool:
    return os.environ.get(ENV_ENCRYPTION, "on").lower() not in ("off", "0", "no", "plain")


def new_key(passphrase: str | None = None) -> DatabaseKey:
    """A key for a new database: from ``passphrase`` (or ``COUNSEL_DESK_PASSPHRASE``), else random and
    kept in the OS keyring. Without either, refuse rather than leave a key in a file beside the data."""
    salt = os.urandom(driver.SALT_BYTES)
    secret = passphrase or os.environ.get(ENV_PASSPHRASE)
    if not secret and not keyring_available() and _new_prompt is not None:
        secret = _new_prompt()  # no keyring here: the person chooses a passphrase (never a key file)
    if secret:
        key = from_secret(secret, salt)
    else:
        key = DatabaseKey(os.urandom(KEY_BYTES), salt, KEYRING)
        if not store_in_keyring(key):
            raise KeyMissing(
                f"無法建立加密的資料庫：這台電腦沒有可用的系統金鑰圈。請自選一個密碼"
                f"（指令列可設定環境變數 {ENV_PASSPHRASE}），或設定 {ENV_ENCRYPTION}=off 建立未加密的資料庫。",
                f"Cannot create an encrypted database: this computer has no usable keyring. Choose a passphrase "
                f"(on the command line, set {ENV_PASSPHRASE}), or set {ENV_ENCRYPTION}=off for a plain database.")
    remember(key)
    return key

"""Files sealed with the database's key: attachments and autosaved drafts of an encrypted database.

A sealed file is ``CDSEAL1\\n`` + a 16-byte random nonce + the content XORed with a SHAKE256 key
stream (SHAKE256 over a secret key and the nonce: a keyed XOF as in NIST SP 800-185's KMAC) + an
HMAC-SHA256 tag over everything before it (encrypt-then-MAC). Both keys are derived from the database
key (:meth:`DatabaseKey.subkey`), so a file taken out of the folder is unreadable and any change to
it is detected before anything is decrypted. Only the standard library's hashes are used: the
installer bundle has no room for a second cryptography library beside SQLCipher's. Files written before encryption was turned
on stay readable as they are until ``counsel-desk encrypt`` seals them.

An attachment is stored once per content. In a plain database its file is named by the content's
SHA-256; in an encrypted one by an HMAC of it (:func:`attachment_stem`), so that someone holding a
given photo cannot tell from the folder's listing that it is there. ``encrypt`` renames the files
to their keyed names, ``decrypt`` back.

Opening a database registers its attachments and drafts folders with its key
(:func:`counsel_desk.store.keys.register_folders`); the services that read and write those folders
ask :func:`key_for_folder`, so none of their callers has to carry the key around.
"""

from __future__ import annotations

import atexit
import hashlib
import hmac
import os
import shutil
import tempfile
from pathlib import Path

from counsel_desk import paths
from counsel_desk.errors import UserError
from counsel_desk.services.safety.atomic import atomic_write
from counsel_desk.store.keys import DatabaseKey, key_for_folder, register_folders

MAGIC = b"CDSEAL1\n"
NONCE = 16
TAG = 32
_view_dir: Path | None = None


def attachment_stem(sha256: str, key: DatabaseKey | None) -> str:
    """The stored name (without extension) of the attachment whose content has ``sha256``."""
    if key is None:
        return sha256
    return hmac.new(key.subkey("attachment-names"), sha256.encode("ascii"), hashlib.sha256).hexdigest()


def _renamed(path: Path, stem: str) -> Path:
    target = path.with_name(stem + path.suffix)
    if target != path:
        if target.exists():  # the same content under both names: one is enough
            path.unlink()
        else:
            os.replace(path, target)
    return target


def _is_digest(stem: str) -> bool:
    return len(stem) == 64 and all(c in "0123456789abcdef" for c in stem)


def _xor_stream(data: bytes, key: DatabaseKey, nonce: bytes) -> bytes:
    stream = hashlib.shake_256(b"counsel_desk/seal/v1\0" + key.subkey("files-cipher") + nonce).digest(len(data))
    return (int.from_bytes(data, "little") ^ int.from_bytes(stream, "little")).to_bytes(len(data), "little")


def _tag(key: DatabaseKey, purpose: str, head_and_body: bytes) -> bytes:
    return hmac.new(key.subkey("files-mac"), purpose.encode() + b"\0" + head_and_body, hashlib.sha256).digest()


def seal(data: bytes, key: DatabaseKey, purpose: str) -> bytes:
    nonce = os.urandom(NONCE)
    body = MAGIC + nonce + _xor_stream(data, key, nonce)
    return body + _tag(key, purpose, body)


def is_sealed(blob: bytes) -> bool:
    return blob.startswith(MAGIC)


def unseal(blob: bytes, key: DatabaseKey, purpose: str, name: str = "") -> bytes:
    body, tag = blob[:-TAG], blob[-TAG:]
    if len(blob) < len(MAGIC) + NONCE + TAG or not hmac.compare_digest(tag, _tag(key, purpose, body)):
        raise UserError(f"無法解開加密的檔案 {name}：金鑰不符或檔案已被更動。",
                        f"Cannot open the encrypted file {name}: wrong key or the file was altered.")
    nonce = body[len(MAGIC):len(MAGIC) + NONCE]
    return _xor_stream(body[len(MAGIC) + NONCE:], key, nonce)


# --- reading and writing -----------------------------------------------------------------------------------
def read_bytes(path: Path | str, purpose: str) -> bytes:
    """The plain content of a file in a registered folder (sealed or not)."""
    path = Path(path)
    blob = path.read_bytes()
    if not is_sealed(blob):
        return blob
    key = key_for_folder(path.parent)
    if key is None:
        raise UserError(f"檔案 {path.name} 已加密，請先開啟它所屬的資料庫。",
                        f"The file {path.name} is encrypted: open its database first.")
    return unseal(blob, key, purpose, path.name)


def write_bytes(path: Path | str, data: bytes, purpose: str) -> None:
    """Write ``data`` atomically (0600), sealed when the folder belongs to an encrypted database."""
    path = Path(path)
    key = key_for_folder(path.parent)
    with atomic_write(path, "wb") as f:
        f.write(seal(data, key, purpose) if key is not None else data)


def viewable_copy(path: Path, name: str, purpose: str = "attachment") -> Path:
    """A plain copy to hand to the system viewer, in a private temporary folder removed at exit."""
    global _view_dir
    if not is_sealed(path.read_bytes()[:len(MAGIC)]):
        return path
    if _view_dir is None:
        _view_dir = Path(tempfile.mkdtemp(prefix="counsel_desk-view-"))  # mkdtemp: 0700
        atexit.register(shutil.rmtree, _view_dir, True)
    folder = _view_dir / path.stem[:16]  # two different files called 照片.jpg must not meet
    folder.mkdir(mode=0o700, exist_ok=True)
    target = folder / (Path(name).name or path.name)
    fd = os.open(target, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(read_bytes(path, purpose))
    return target


# --- converting whole folders (encrypt / decrypt) ---------------------------------------------------------
def _files(db_path: Path) -> list[tuple[Path, str]]:
    found = []
    folder = paths.attachments_dir(db_path)
    if folder.is_dir():
        found += [(p, "attachment") for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")]
    folder = paths.drafts_dir(db_path)
    if folder.is_dir():
        found += [(p, "draft") for p in folder.glob("*.json") if p.is_file()]
    return found


def seal_folders(db_path: Path, key: DatabaseKey) -> int:
    """Seal every plain attachment and draft of the database; returns how many files were sealed."""
    n = 0
    for path, purpose in _files(db_path):
        blob = path.read_bytes()
        if not is_sealed(blob):
            with atomic_write(path, "wb") as f:
                f.write(seal(blob, key, purpose))
            n += 1
            if purpose == "attachment" and _is_digest(path.stem):  # named by its content: name it by the key
                _renamed(path, attachment_stem(path.stem, key))
    register_folders(db_path, key)
    return n


def open_folders(db_path: Path, key: DatabaseKey) -> int:
    """Write every sealed attachment and draft back in the clear (after ``decrypt``)."""
    n = 0
    for path, purpose in _files(db_path):
        blob = path.read_bytes()
        if is_sealed(blob):
            data = unseal(blob, key, purpose, path.name)
            with atomic_write(path, "wb") as f:
                f.write(data)
            n += 1
            sha = hashlib.sha256(data).hexdigest()
            if purpose == "attachment" and path.stem == attachment_stem(sha, key):
                _renamed(path, sha)  # its plain name again: the content's SHA-256
    register_folders(db_path, None)
    return n

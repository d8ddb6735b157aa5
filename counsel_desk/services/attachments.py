"""Attachments (附件): photos and documents copied into the data folder, named by their SHA-256.

The same file attached twice (to one visit or to many) is stored once. A file is copied in as soon
as it is picked (so the editor can show and open it), while its ``Attachment`` row is written with
the record that owns it — a discarded visit leaves at most an unreferenced file, never a dangling row.
A clear size limit keeps the data folder and the backups small enough to carry around. In an
encrypted database's folder the files are sealed with its key (:mod:`counsel_desk.services.safety.sealed`);
their names stay the SHA-256 of the plain content.
"""

from __future__ import annotations

import hashlib
import mimetypes
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import select

from counsel_desk.errors import UserError
from counsel_desk.models import Attachment
from counsel_desk.services import base
from counsel_desk.services.safety import sealed
from counsel_desk.store.keys import DatabaseKey, key_for_folder

MAX_BYTES = 25 * 1024 * 1024


@dataclass
class AttachmentItem:
    """An attachment as the editor lists it (``id`` None until its owner is saved)."""

    filename: str
    sha256: str
    size_bytes: int
    media_type: str = ""
    id: str | None = None

    @classmethod
    def from_model(cls, a: Attachment) -> "AttachmentItem":
        return cls(filename=a.filename, sha256=a.sha256, size_bytes=a.size_bytes, media_type=a.media_type, id=a.id)


def human_size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} B"


def stored_name(sha256: str, filename: str, key: DatabaseKey | None = None) -> str:
    """``<sha256><.ext>`` (``<keyed name><.ext>`` in an encrypted database's folder, see
    :func:`sealed.attachment_stem`): the extension stays so the system viewer knows what it opens."""
    suffix = Path(filename).suffix.lower()
    if not suffix.isascii() or len(suffix) > 10:
        suffix = ""
    return sealed.attachment_stem(sha256, key) + suffix


def stored_path(folder: Path | str, sha256: str, filename: str) -> Path:
    """Where the file of content ``sha256`` lives in ``folder``: under its keyed name when the folder
    belongs to an encrypted database (one stored under its plain name before is still found there)."""
    folder = Path(folder)
    key = key_for_folder(folder)
    path = folder / stored_name(sha256, filename, key)
    if key is not None and not path.exists():
        plain = folder / stored_name(sha256, filename)
        if plain.exists():
            return plain
    return path


class AttachmentService:
    def __init__(self, ctx: base.ServiceContext, folder: Path, max_bytes: int = MAX_BYTES):
        self.ctx = ctx
        self.folder = Path(folder)
        self.max_bytes = max_bytes

    def store_file(self, source: Path | str) -> AttachmentItem:
        """Copy a file into the attachments folder (once per content) and describe it."""
        src = Path(source)
        try:
            size = src.stat().st_size
        except OSError as exc:
            raise UserError(f"無法讀取檔案「{src.name}」：{exc.strerror or exc}",
                            f"Cannot read the file '{src.name}': {exc.strerror or exc}") from exc
        if not src.is_file():
            raise UserError(f"「{src.name}」不是檔案，無法附加。", f"'{src.name}' is not a file.")
        if size > self.max_bytes:
            raise UserError(
                f"檔案「{src.name}」有 {human_size(size)}，超過附件上限 {human_size(self.max_bytes)}。"
                f"請先縮小照片或壓縮文件後再附加。",
                f"The file '{src.name}' is {human_size(size)}, over the {human_size(self.max_bytes)} limit "
                f"for attachments. Shrink the photo or compress the document first.")
        self.folder.mkdir(parents=True, exist_ok=True)
        # One read of the source (it is at most max_bytes), hashed in memory and written atomically —
        # sealed when the database is encrypted, so the plain content never lands in the folder.
        try:
            data = src.read_bytes()
        except OSError as exc:
            raise UserError(f"無法讀取檔案「{src.name}」：{exc.strerror or exc}",
                            f"Cannot read the file '{src.name}': {exc.strerror or exc}") from exc
        sha = hashlib.sha256(data).hexdigest()
        target = stored_path(self.folder, sha, src.name)
        if not target.exists():
            sealed.write_bytes(target, data, "attachment")
        media = mimetypes.guess_type(src.name)[0] or "application/octet-stream"
        return AttachmentItem(filename=src.name, sha256=sha, size_bytes=size, media_type=media)

    def path_of(self, item: AttachmentItem | Attachment) -> Path:
        """Where the file lives; UserError when it is missing (e.g. a database copied without its folder)."""
        path = stored_path(self.folder, item.sha256, item.filename)
        if not path.exists():
            raise UserError(f"找不到附件「{item.filename}」的檔案（應在 {self.folder}）。",
                            f"The file of the attachment '{item.filename}' is missing (expected in {self.folder}).")
        return path

    def read(self, item: AttachmentItem | Attachment) -> bytes:
        """The attachment's plain content (opened with the database's key when it is sealed)."""
        return sealed.read_bytes(self.path_of(item), "attachment")

    def viewable_path(self, item: AttachmentItem | Attachment) -> Path:
        """A file the system viewer can open: the stored one, or a plain copy in a private temporary folder."""
        return sealed.viewable_copy(self.path_of(item), item.filename)

    def attach(self, owner_type: str, owner_id: str, source: Path | str) -> AttachmentItem:
        """Store a file and add it to a saved record now (for owners edited without a big form)."""
        item = self.store_file(source)
        with self.ctx.session_factory() as s:
            same = s.exec(select(Attachment).where(Attachment.owner_type == owner_type, Attachment.owner_id == owner_id,
                                                   Attachment.sha256 == item.sha256,
                                                   Attachment.deleted_at.is_(None))).first()
            if same is not None:  # attached already: one row per file and owner
                return AttachmentItem.from_model(same)
            att = Attachment(owner_type=owner_type, owner_id=owner_id, filename=item.filename, sha256=item.sha256,
                             size_bytes=item.size_bytes, media_type=item.media_type)
            base.create(s, att, self.ctx.actor, "attachment")
            s.commit()
            return AttachmentItem.from_model(att)

    def list(self, owner_type: str, owner_id: str) -> list[AttachmentItem]:
        with self.ctx.session_factory() as s:
            rows = s.exec(select(Attachment).where(Attachment.owner_type == owner_type, Attachment.owner_id == owner_id,
                                                   Attachment.deleted_at.is_(None))
                          .order_by(Attachment.created_at, Attachment.id)).all()
            return [AttachmentItem.from_model(a) for a in rows]

    def remove(self, attachment_id: str) -> None:
        """Soft delete the row; the file stays (other records or an undo may still need it)."""
        with self.ctx.session_factory() as s:
            att = s.get(Attachment, attachment_id)
            if att is not None:
                base.soft_delete(s, att, self.ctx.actor, "attachment")
                s.commit()

"""Attachment files beside an interchange workbook: ``<workbook>-附件.zip``, files named by SHA-256.

The workbook's attachments sheet carries names and hashes only. On export the files present in
this database's attachments folder can be packed into a zip beside the workbook; on import, a zip
found beside a workbook contributes the files whose content matches a hash the workbook names —
anything else in the zip is ignored, and nothing is extracted under a name taken from the zip.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import zipfile
from pathlib import Path

from counsel_desk.services.atomic import atomic_path
from counsel_desk.services.attachments import MAX_BYTES, stored_name

SUFFIX = "-附件.zip"
MAX_ZIP_MEMBERS = 50_000


def zip_path_for(workbook: Path) -> Path:
    return workbook.with_name(workbook.stem + SUFFIX)


def write_zip(db, workbook: Path, rows: list[tuple[str, str]]) -> tuple[Path | None, list[str]]:
    """Pack the files of ``rows`` (sha256, filename) found in the attachments folder; returns the zip
    (None when no file was found) and the names of the files that were missing."""
    folder = Path(db.attachments_dir)
    seen: set[str] = set()
    found: list[tuple[str, Path]] = []
    missing: list[str] = []
    for sha, filename in rows:
        if sha in seen:
            continue
        seen.add(sha)
        path = folder / stored_name(sha, filename)
        if path.is_file():
            found.append((sha, path))
        else:
            missing.append(filename)
    if not found:
        return None, missing
    target = zip_path_for(workbook)
    with atomic_path(target) as tmp:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for sha, path in found:
                zf.write(path, arcname=sha)
    return target, missing


def read_zip(db, workbook: Path, wanted: dict[str, str]) -> int:
    """Copy in the files of the zip beside ``workbook`` whose SHA-256 is in ``wanted`` (sha → filename).

    Each member is hashed while it is copied to a temporary file and kept only when its content
    matches; returns how many files were added. A missing zip is not an error.
    """
    source = zip_path_for(workbook)
    if not wanted or not source.is_file():
        return 0
    folder = Path(db.attachments_dir)
    folder.mkdir(parents=True, exist_ok=True)
    added = 0
    with zipfile.ZipFile(source) as zf:
        infos = zf.infolist()[:MAX_ZIP_MEMBERS]
        for info in infos:
            sha = info.filename
            if sha not in wanted or info.file_size > MAX_BYTES or info.flag_bits & 0x1:
                continue
            target = folder / stored_name(sha, wanted[sha])
            if target.exists():
                continue
            if _copy_checked(zf, info, folder, target, sha):
                added += 1
    return added


def _copy_checked(zf: zipfile.ZipFile, info: zipfile.ZipInfo, folder: Path, target: Path, sha: str) -> bool:
    digest = hashlib.sha256()
    fd, tmp = tempfile.mkstemp(prefix=".incoming-", dir=folder)
    try:
        size = 0
        with os.fdopen(fd, "wb") as out, zf.open(info) as member:
            while chunk := member.read(1 << 20):
                size += len(chunk)
                if size > MAX_BYTES:
                    raise ValueError("too big")
                digest.update(chunk)
                out.write(chunk)
        if digest.hexdigest() != sha:
            raise ValueError("hash mismatch")
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
        return True
    except (ValueError, OSError, zipfile.BadZipFile):
        Path(tmp).unlink(missing_ok=True)
        return False

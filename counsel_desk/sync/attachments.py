"""Attachment files beside an interchange workbook: ``<workbook>-附件.zip``, files named by SHA-256.

The workbook's attachments sheet carries names and hashes only. On export the files present in
this database's attachments folder can be packed into a zip beside the workbook; on import, a zip
found beside a workbook contributes the files whose content matches a hash the workbook names —
anything else in the zip is ignored, and nothing is extracted under a name taken from the zip.
The zip carries plain content (it travels to another database with another key); files taken in
are sealed with this database's key when it is encrypted.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

from counsel_desk.services.safety import sealed
from counsel_desk.services.safety.atomic import atomic_path
from counsel_desk.services.attachments import MAX_BYTES, stored_path

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
        path = stored_path(folder, sha, filename)
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
                zf.writestr(sha, sealed.read_bytes(path, "attachment"))
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
            target = stored_path(folder, sha, wanted[sha])
            if target.exists():
                continue
            if _copy_checked(zf, info, target, sha):
                added += 1
    return added


def _copy_checked(zf: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, sha: str) -> bool:
    """Read one member (never more than MAX_BYTES, whatever its header claims), keep it if its hash matches."""
    try:
        with zf.open(info) as member:
            data = member.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES or hashlib.sha256(data).hexdigest() != sha:
            return False
        sealed.write_bytes(target, data, "attachment")
        return True
    except (ValueError, OSError, zipfile.BadZipFile):
        return False

"""Bookkeeping of the interchange workbook (同步): what each record last agreed on, exports, imports, conflicts.

None of these tables travel: they describe this database's view of the merge. ``sync_base`` holds,
per synced record, the version vector ("clock") and content hash of the version this database
holds as merged, so an import can tell "changed here", "changed there" and "changed on both sides
since they last met" apart (see ``docs/interchange-format.md``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlmodel import Field, SQLModel

from counsel_desk.models.base import new_id, utcnow


class SyncBase(SQLModel, table=True):
    """The merge state of one synced record in this database."""

    __tablename__ = "sync_base"
    entity: str = Field(primary_key=True, max_length=32)  # table name, e.g. site_visit
    record_id: str = Field(primary_key=True, max_length=36)
    clock: str = ""  # version vector "device:counter;…" of the version held here
    content_hash: str = Field(default="", max_length=64)
    local_version: int = 0  # the record's ``version`` when this was written; another value = changed here since
    withheld: bool = False  # personal fields arrived masked: never pass them on as if known
    merged_at: datetime = Field(default_factory=utcnow, index=True)  # local time of the last merge (--since-last)
    # JSON list of other versions with the same content as this one (made independently elsewhere):
    # kept for the merge rule, so any order of files ends alike — nothing for a person to decide
    twins: str = Field(default="", sa_column_kwargs={"server_default": ""})


class ExportLog(SQLModel, table=True):
    """One interchange workbook written by this database (``--since-last`` starts from the latest)."""

    __tablename__ = "export_log"
    id: Optional[int] = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow)
    actor: str = Field(default="", max_length=120)
    destination: str = Field(default="", max_length=512, index=True)  # the workbook's absolute path
    cutoff: datetime  # changes made after this (local UTC) are in the next --since-last export
    since: Optional[datetime] = None  # the cutoff this export started from (None: everything)
    masked: bool = True
    sha256: str = Field(default="", max_length=64)
    counts: str = ""  # JSON {sheet key: rows}


class ImportLog(SQLModel, table=True):
    """One interchange workbook read by this database: previewed or applied."""

    __tablename__ = "import_log"
    id: Optional[int] = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    actor: str = Field(default="", max_length=120)
    file_name: str = Field(default="", max_length=255)
    sha256: str = Field(default="", max_length=64, index=True)
    format_version: int = 0
    source_device: str = Field(default="", max_length=64)
    source_center: str = Field(default="", max_length=16)
    exported_at: Optional[datetime] = None
    dry_run: bool = False
    counts: str = ""  # JSON {entity: {added, updated, unchanged, conflicts, rejected}}


class SyncConflict(SQLModel, table=True):
    """A record changed on both sides since they last met: every version kept until a person decides.

    ``local_values`` is the version this database shows (chosen by the documented tie-break);
    ``remote_values`` is a JSON list of the other versions. Status ``open`` needs a person;
    ``resolved`` and ``superseded`` (a newer version from elsewhere replaced them all) are closed.
    Versions with identical content are no conflict: they are kept in ``SyncBase.twins``.
    """

    __tablename__ = "sync_conflict"
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    entity: str = Field(max_length=32, index=True)
    record_id: str = Field(max_length=36, index=True)
    status: str = Field(default="open", max_length=16, index=True)
    detected_at: datetime = Field(default_factory=utcnow)
    changed_at: datetime = Field(default_factory=utcnow)
    source: str = Field(default="", max_length=255)  # the workbook (and device) that brought the last version
    local_values: str = ""  # JSON
    remote_values: str = ""  # JSON list
    fields: str = ""  # JSON list of the column keys that differ
    resolution: str = ""  # JSON {field: {"choice": "mine" | "theirs" | "edit", "value": …}}
    resolved_by: str = Field(default="", max_length=120)
    resolved_at: Optional[datetime] = None

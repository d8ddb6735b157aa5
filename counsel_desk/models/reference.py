"""Reference tables shipped with the app: centers, counties, townships, funding work items (表 1)."""

from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlmodel import Field, SQLModel


class Center(SQLModel, table=True):
    """分區輔導中心 — north, central, south, east."""

    __tablename__ = "center"
    code: str = Field(primary_key=True, max_length=16)
    name: str = Field(max_length=16)  # 北區…
    name_en: str = Field(max_length=32)
    sort_order: int = 0


class County(SQLModel, table=True):
    """縣市 — the 22 counties and cities."""

    __tablename__ = "county"
    code: str = Field(primary_key=True, max_length=8)  # MOI county code, e.g. 63000
    name: str = Field(max_length=16, unique=True)
    name_en: str = Field(max_length=64)
    default_center: str = Field(foreign_key="center.code", max_length=16)
    sort_order: int = 0


class Township(SQLModel, table=True):
    """鄉鎮市區 — the 368 townships."""

    __tablename__ = "township"
    code: str = Field(primary_key=True, max_length=12)  # MOI town code, e.g. 63000050
    county_code: str = Field(foreign_key="county.code", index=True, max_length=8)
    postal_code: str = Field(max_length=3)
    name: str = Field(max_length=16)
    name_en: str = Field(max_length=64)
    indigenous_area: Optional[str] = Field(default=None, max_length=4)  # 山地 / 平地 / None


class WorkItem(SQLModel, table=True):
    """A funding work item of 表 1 of the plan (agency and item)."""

    __tablename__ = "work_item"
    code: str = Field(primary_key=True, max_length=16)
    agency: str = Field(max_length=32)
    name: str = Field(max_length=128)
    sort_order: int = 0


class WorkItemAllocation(SQLModel, table=True):
    """Yearly allocation of a work item, in NT$ (表 1 gives 億元)."""

    __tablename__ = "work_item_allocation"
    work_item_code: str = Field(foreign_key="work_item.code", primary_key=True, max_length=16)
    roc_year: int = Field(primary_key=True)
    amount_ntd: int


class ProgrammeFile(SQLModel, table=True):
    """A programme definition (計畫定義檔) as loaded: the shipped file or a newer one from the project office.

    One row per programme code; ``body`` is the file's JSON text exactly as loaded, ``programme_version`` its
    version number (a lower one never replaces a higher one). See docs/programme.md.
    """

    __tablename__ = "programme_file"
    code: str = Field(primary_key=True, max_length=32)
    programme_version: int  # the file's own version (not a sync version: this table does not travel as rows)
    name: str = Field(max_length=128)
    first_year: int
    last_year: int
    body: str
    sha256: str = Field(max_length=64)
    origin: str = Field(default="", max_length=512)  # "shipped", a file path, or "workbook: <name>"
    loaded_at: datetime
    loaded_by: str = Field(default="", max_length=120)


class AppMeta(SQLModel, table=True):
    """Key/value facts about this database: device id, owner center, last export, …"""

    __tablename__ = "app_meta"
    key: str = Field(primary_key=True, max_length=64)
    value: str = ""

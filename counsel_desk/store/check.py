"""Health of a database file: integrity, foreign keys, schema version — read-only, never repairs."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from counsel_desk.errors import DatabaseError
from counsel_desk.store import driver, migrate
from counsel_desk.store.database import inspect_revision


@dataclass
class CheckResult:
    path: str
    schema_revision: str | None
    schema_head: str
    integrity: list[str] = field(default_factory=list)  # "ok" or SQLite's complaints
    foreign_key_violations: int = 0
    journal_mode: str = ""

    @property
    def ok(self) -> bool:
        return (self.integrity == ["ok"] and self.foreign_key_violations == 0
                and self.schema_revision == self.schema_head)

    @property
    def needs_upgrade(self) -> bool:
        return self.schema_revision != self.schema_head

    def as_dict(self) -> dict:
        return {**asdict(self), "ok": self.ok}


def check_database(path: Path | str, *, quick: bool = False) -> CheckResult:
    path = Path(path).expanduser()
    if not path.exists():
        raise DatabaseError(f"找不到資料庫檔案：{path}", f"Database file not found: {path}")
    rev = inspect_revision(path)  # raises DatabaseError for foreign or damaged files
    if rev is not None and not migrate.is_known(rev):
        raise DatabaseError(
            f"這個資料庫由較新版本的 counsel_desk 建立（結構版本 {rev}），本版無法檢查；檔案未變更。",
            f"This database was written by a newer counsel_desk (schema {rev}); not checked, file untouched.")
    con = driver.connect(path, read_only=True)
    try:
        pragma = "quick_check" if quick else "integrity_check"
        integrity = [r[0] for r in con.execute(f"PRAGMA {pragma}")]
        fk = len(con.execute("PRAGMA foreign_key_check").fetchall())
        journal = con.execute("PRAGMA journal_mode").fetchone()[0]
    except driver.DatabaseError as exc:
        raise DatabaseError(f"{path} 已損毀：{exc}", f"{path} is damaged: {exc}") from exc
    finally:
        con.close()
    return CheckResult(str(path), rev, migrate.head(), integrity, fk, journal)

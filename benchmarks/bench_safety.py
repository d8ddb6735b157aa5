"""Data safety on the 100,000-visit demo database: backup, start-up check, restore, audit log, erasure.

Each runs in a child process of its own (peak memory belongs to it). ``backup`` is the whole
online backup: copy, ``integrity_check`` of the copy, fsync, rename. ``start check`` is what every
start pays before opening (``check_at_start``: header, schema version, ``quick_check``).
``audit`` fills a copy with 100,000 audit entries first, then verifies the chain, opens the list
and exports it. ``erase`` is one contact's erasure including the scan of every text column for
mentions and the WAL truncation.
"""

from __future__ import annotations

import shutil

from benchmarks.common import BenchEnv, Figure, check, run_child

_BACKUP = r"""
import time
from datetime import datetime, timedelta
from pathlib import Path
from counsel_desk.services import backup
from counsel_desk.store import open_database
from counsel_desk.store.recovery import check_at_start
path = Path(DB)
t = time.perf_counter(); made = backup.make_backup(path, "manual"); backup_s = time.perf_counter() - t
t = time.perf_counter(); state = check_at_start(path).state; check_s = time.perf_counter() - t
db = open_database(path)
later = datetime.now() + timedelta(minutes=31)
t = time.perf_counter(); due = backup.backup_due(db, later); due_ms = (time.perf_counter() - t) * 1000
db.close()
RESULT = {"backup_s": backup_s, "size_mb": made.stat().st_size / 1048576, "check_s": check_s, "state": state,
          "due_ms": due_ms, "due": due, "file": str(made)}
"""

_RESTORE = r"""
import time
from pathlib import Path
from counsel_desk.services import backup
from counsel_desk.store import open_database
db = open_database(Path(DB))
t = time.perf_counter(); result = backup.restore(db, Path(BACKUP)); restore_s = time.perf_counter() - t
db.close()
RESULT = {"restore_s": restore_s}
"""

_AUDIT = r"""
import time
from pathlib import Path
from counsel_desk.services import audit_log
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.listing import ListQuery
from counsel_desk.store import audit, open_database
db = open_database(Path(DB))
with db.engine.begin() as conn:
    for start in range(0, 100_000, 10_000):
        audit.record_many(conn, "林怡君", "update", "site_visit",
                          [(f"visit-{n}", {"visit_date": ["2026-11-01", "2026-11-02"], "mode": ["onsite", "phone"]})
                           for n in range(start, start + 10_000)])
source = audit_log.AuditListSource(db.session_factory)
t = time.perf_counter(); chain = audit_log.verify_chain(db.session_factory); verify_s = time.perf_counter() - t
t = time.perf_counter(); ids = source.ids(ListQuery()); list_ms = (time.perf_counter() - t) * 1000
t = time.perf_counter(); source.rows(ids[:200]); page_ms = (time.perf_counter() - t) * 1000
t = time.perf_counter(); found = source.ids(ListQuery(search="visit-9999")); search_ms = (time.perf_counter() - t) * 1000
t = time.perf_counter()
n = audit_log.export_csv(ServiceContext(db.session_factory, "bench"), Path(OUT))
export_s = time.perf_counter() - t
db.close()
RESULT = {"entries": chain.entries, "ok": chain.ok, "verify_s": verify_s, "list_ms": list_ms, "page_ms": page_ms,
          "search_ms": search_ms, "found": len(found), "export_s": export_s, "exported": n}
"""

_ERASE = r"""
import time
from pathlib import Path
from counsel_desk.services import privacy
from counsel_desk.services.base import ServiceContext
from counsel_desk.store import open_database
db = open_database(Path(DB))
with db.engine.connect() as c:
    contact = c.exec_driver_sql("SELECT id FROM contact WHERE erased_at IS NULL LIMIT 1").scalar()
t = time.perf_counter()
result = privacy.erase_contact(ServiceContext(db.session_factory, "bench"), contact)
erase_s = time.perf_counter() - t
db.close()
RESULT = {"erase_s": erase_s, "scrubbed": len(result.scrubbed), "truncated": result.wal_truncated}
"""


def bench_backup_and_restore(env: BenchEnv) -> list[Figure]:
    db = env.copy_of_big_db("safety-backup.db")
    try:
        made = run_child(f"DB = {str(db)!r}\n" + _BACKUP)
        restored = run_child(f"DB = {str(db)!r}\nBACKUP = {made['file']!r}\n" + _RESTORE)
    finally:
        shutil.rmtree(db.parent / f"{db.stem}-backups", ignore_errors=True)
        db.unlink(missing_ok=True)
    return [
        Figure("backup (copy + integrity_check + fsync)", made["backup_s"], "s", "< 30 s", check(made["backup_s"], 30),
               f"{made['size_mb']:,.0f} MB, peak {made['peak_rss_mb']:.0f} MB"),
        Figure("start-up check (quick_check)", made["check_s"], "s", "< 5 s", check(made["check_s"], 5) and
               made["state"] == "ok", made["state"]),
        Figure("is a backup due (fingerprints)", made["due_ms"], "ms", "< 50 ms", check(made["due_ms"], 50),
               f"answer: {made['due']}"),
        Figure("restore (safety backup + copy in + check)", restored["restore_s"], "s", "< 60 s",
               check(restored["restore_s"], 60), f"peak {restored['peak_rss_mb']:.0f} MB"),
    ]


def bench_audit_log(env: BenchEnv) -> list[Figure]:
    db = env.copy_of_big_db("safety-audit.db")
    out = env.workdir / "safety-audit.csv"
    try:
        r = run_child(f"DB = {str(db)!r}\nOUT = {str(out)!r}\n" + _AUDIT)
    finally:
        db.unlink(missing_ok=True)
        out.unlink(missing_ok=True)
    return [
        Figure("audit verify chain", r["verify_s"], "s", "< 5 s", check(r["verify_s"], 5) and r["ok"],
               f"{r['entries']:,} entries"),
        Figure("audit list ids (newest first)", r["list_ms"], "ms", "< 500 ms", check(r["list_ms"], 500)),
        Figure("audit list page of 200 rows", r["page_ms"], "ms", "< 100 ms", check(r["page_ms"], 100)),
        Figure("audit search", r["search_ms"], "ms", "< 1000 ms", check(r["search_ms"], 1000), f"{r['found']} found"),
        Figure("audit export CSV", r["export_s"], "s", "< 10 s", check(r["export_s"], 10),
               f"{r['exported']:,} rows, peak {r['peak_rss_mb']:.0f} MB"),
    ]


def bench_erase(env: BenchEnv) -> list[Figure]:
    db = env.copy_of_big_db("safety-erase.db")
    try:
        r = run_child(f"DB = {str(db)!r}\n" + _ERASE)
    finally:
        db.unlink(missing_ok=True)
    return [Figure("erase a contact (scan + scrub + WAL truncate)", r["erase_s"], "s", "< 10 s",
                   check(r["erase_s"], 10) and r["truncated"], f"{r['scrubbed']} mentions scrubbed")]


BENCHMARKS = [bench_backup_and_restore, bench_audit_log, bench_erase]

"""A shared PostgreSQL server under load (issue 18), on a server this benchmark starts and stops itself.

``many_people``: 20 client processes, each its own connection, for 60 s (``BENCH_SERVER_SECONDS``)
open a visit, change it and save it — all of them on the same 200 visits, so saves collide — and
search the visit list for a Chinese word between saves. A save that meets a newer version is a
conflict (counted; the person would decide in the conflict dialog), never an overwrite: the count
of successful saves of each visit must equal its final version minus one (0 lost updates).
Targets: p95 save < 100 ms, p95 search < 150 ms.

``national_year_report``: headquarters' year report (all four centers) from a server holding four
centers' demo data (``BENCH_SERVER_VISITS`` per center, default 100,000: the issue's size), as the files a
person gets: figures, Excel and PDF made by ``snapshots.generate`` and written to disk. Target < 15 s for all
of it; the parts are reported beside it.
Seeding 400,000 visits takes minutes, so the seeded cluster is kept under ``BENCH_SERVER_CACHE`` (default
``/tmp/counsel_desk_bench_pg``), one per size and version of the demo generator, and reused (upgraded to
the current schema on opening) by later runs; ``BENCH_SERVER_RESEED=1`` seeds afresh.

Figures are wall times on whatever else the machine is doing (the same two cores run the server and
the clients).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

from benchmarks.common import ROOT, TODAY, BenchEnv, Figure, check

CLIENTS = int(os.environ.get("BENCH_SERVER_CLIENTS", "20"))
SECONDS = float(os.environ.get("BENCH_SERVER_SECONDS", "60"))
PER_CENTER = int(os.environ.get("BENCH_SERVER_VISITS", "100000"))
CACHE = Path(os.environ.get("BENCH_SERVER_CACHE", "/tmp/counsel_desk_bench_pg"))
NATIONAL = ["north", "central", "south", "east"]
SHARED_VISITS = 200
SAVE_P95_MS, SEARCH_P95_MS, REPORT_S = 100.0, 150.0, 15.0

_CLIENT = r"""
import json, random, sys, time
from counsel_desk.services.base import SaveConflict, ServiceContext
from counsel_desk.services.listing import ListQuery
from counsel_desk.services.visits.visit_list import VisitListSource
from counsel_desk.services.visits.visits import VisitService
from counsel_desk.store import open_database
url, ids, seconds, n = sys.argv[1], json.loads(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
db = open_database(url)
ctx = ServiceContext.for_database(db, f"壓力測試{n}", "north")
visits, source = VisitService(ctx), VisitListSource(ctx)
words = ["咖啡", "返鄉", "青年", "市集", "老屋改建", "農產"]
rnd = random.Random(n)
source.ids(ListQuery(search=words[0]), limit=50)  # the program open and connected, its list shown
print("ready", flush=True)
sys.stdin.readline()  # everyone at work: the clock starts for all at once
saves, searches, conflicts, ok, save_cpu = [], [], 0, {}, 0.0
cpu = time.process_time()
end = time.perf_counter() + seconds
while time.perf_counter() < end:
    vid = rnd.choice(ids)
    data = visits.get(vid)
    data.notes = f"第{n}位同仁 {time.time():.6f}"
    t, c = time.perf_counter(), time.process_time()
    try:
        visits.save(data)
        saves.append(time.perf_counter() - t)
        ok[vid] = ok.get(vid, 0) + 1
    except SaveConflict:
        conflicts += 1
    save_cpu += time.process_time() - c
    t = time.perf_counter()
    source.ids(ListQuery(search=rnd.choice(words)), limit=50)
    searches.append(time.perf_counter() - t)
cpu = time.process_time() - cpu
db.close()
print(json.dumps({"saves": saves, "searches": searches, "conflicts": conflicts, "ok": ok, "cpu": cpu,
                  "save_cpu": save_cpu}))
"""

def _server_cpu_s(server) -> float:
    """CPU seconds of the server so far: the postmaster and its ended backends (waited for, so counted in its
    children's time) and the live ones."""
    try:
        pid = int((server.data_dir / "postmaster.pid").read_text().split()[0])
        tick = os.sysconf("SC_CLK_TCK")
        stat = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
        total = sum(int(v) for v in stat[11:15])
        for child in (Path("/proc") / str(pid) / "task" / str(pid) / "children").read_text().split():
            cstat = (Path("/proc") / child / "stat").read_text().rsplit(")", 1)[1].split()
            total += int(cstat[11]) + int(cstat[12])
        return total / tick
    except (OSError, ValueError, IndexError):
        return float("nan")


def _machine() -> str:
    """What else the machine was doing: load average (1 min) and cores."""
    return f"load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1] * 1000 if len(samples) >= 20 else float("nan")


def _server(root: Path | None = None):
    """A throw-away server, or (``root``) one kept there between runs."""
    sys.path.insert(0, str(ROOT))
    from tests.pg_server import TempServer

    return (TempServer() if root is None else TempServer(root=root, keep=True)).start()


def _demo_version() -> str:
    """The demo generator's sources, hashed: a changed generator makes other rows, so a new cache."""
    import hashlib

    digest = hashlib.sha256()
    for f in sorted((ROOT / "counsel_desk" / "services" / "demo").glob("*.py")):
        digest.update(f.read_bytes())
    return digest.hexdigest()[:12]


def _seeded_national_server(per_center: int):
    """(server, url, seconds seeding took) of the cluster holding four centers' demo data, seeded now or kept
    from an earlier run; the database is upgraded to the current schema when opened."""
    import shutil

    root = CACHE / f"{per_center}-{_demo_version()}"
    done = root / "seeded"
    if os.environ.get("BENCH_SERVER_RESEED") or not done.exists():
        shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True, exist_ok=True)
    server = _server(root)
    url = server.url("national")
    if done.exists():
        return server, url, float(done.read_text())
    try:
        server.admin('CREATE DATABASE "national"')
        t = time.perf_counter()
        _seed(url, NATIONAL, per_center)
        seeded = time.perf_counter() - t
        done.write_text(f"{seeded:.1f}")
    except BaseException:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
        raise
    return server, url, seeded


def _seed(url: str, centers: list[str], per_center: int) -> None:
    import importlib

    from counsel_desk.services.demo import generate
    from counsel_desk.store import open_database

    # four centers' demo data side by side in one database (the demo refuses a non-empty one: it is made
    # for a person's first look, not for this); each center has its own seed, so its own ids
    demo_module = importlib.import_module("counsel_desk.services.demo.generate")
    demo_module._refuse_non_empty = lambda _conn: None  # noqa: SLF001 — see the comment above
    db = open_database(url)
    try:
        for n, center in enumerate(centers):
            generate(db, visits=per_center, seed=115 + n, center=center, today=TODAY)
    finally:
        db.close()


def many_people(_env: BenchEnv) -> list[Figure]:
    server = _server()
    try:
        name = server.new_database()
        url = server.url(name)
        _seed(url, ["north"], max(SHARED_VISITS * 5, 2000))
        return people_at_work(url, lambda: _server_cpu_s(server))
    finally:
        server.stop()


def people_at_work(url: str, server_cpu: Callable[[], float] = lambda: float("nan")) -> list[Figure]:
    """:func:`many_people`'s clients on the seeded database at ``url`` (also runnable against a server kept up
    for profiling: ``python -m benchmarks.bench_server <url>``)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect() as c:
        ids = list(c.execute(text("SELECT id FROM site_visit WHERE deleted_at IS NULL ORDER BY id LIMIT :n"),
                             {"n": SHARED_VISITS}).scalars())
        before = dict(c.execute(text("SELECT id, version FROM site_visit WHERE id = ANY(:i)"), {"i": ids}).all())
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-c", _CLIENT, url, json.dumps(ids), str(SECONDS), str(n)],
                              cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
             for n in range(CLIENTS)]
    for p in procs:  # each program started, connected and showing its list: starting the app is not saving
        assert p.stdout is not None and p.stdin is not None
        if p.stdout.readline().strip() != "ready":
            raise RuntimeError(f"client failed to start: {p.communicate(timeout=60)[1][-2000:]}")
    load_before, cpu_before, started = _machine(), server_cpu(), time.perf_counter()
    for p in procs:  # everyone at work: the clock starts for all at once
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    results = []
    for p in procs:
        out, err = p.communicate(timeout=SECONDS + 600)
        if p.returncode != 0:
            raise RuntimeError(f"client failed: {err[-2000:]}")
        results.append(json.loads(out.strip().splitlines()[-1]))
    wall, load_after, server_cpu_s = time.perf_counter() - started, _machine(), server_cpu() - cpu_before
    with engine.connect() as c:
        after = dict(c.execute(text("SELECT id, version FROM site_visit WHERE id = ANY(:i)"), {"i": ids}).all())
    engine.dispose()
    saves = [s for r in results for s in r["saves"]]
    searches = [s for r in results for s in r["searches"]]
    ok: dict[str, int] = {}
    for r in results:
        for vid, k in r["ok"].items():
            ok[vid] = ok.get(vid, 0) + k
    lost = sum(abs(after[v] - before[v] - ok.get(v, 0)) for v in ids)
    conflicts = sum(r["conflicts"] for r in results)
    clients_cpu_s = sum(r["cpu"] for r in results)
    save_cpu_ms = sum(r["save_cpu"] for r in results) / max(1, len(saves) + conflicts) * 1000
    save_p95, search_p95 = _p95(saves), _p95(searches)
    note = (f"{CLIENTS} clients × {SECONDS:.0f} s; {len(saves):,} saves, {conflicts:,} conflicts, "
            f"{len(searches):,} searches in {wall:.0f} s wall; CPU {clients_cpu_s:.0f} s clients "
            f"({save_cpu_ms:.1f} ms a save) + {server_cpu_s:.0f} s server; "
            f"{load_before} before, {load_after.split(' on')[0]} after")
    return [Figure("save_p95", save_p95, "ms", f"< {SAVE_P95_MS:.0f} ms", check(save_p95, SAVE_P95_MS), note),
            Figure("search_p95", search_p95, "ms", f"< {SEARCH_P95_MS:.0f} ms", check(search_p95, SEARCH_P95_MS),
                   "list search (first 50 ids) for a Chinese word, 2–4 characters"),
            Figure("lost_updates", float(lost), "", "= 0", lost == 0,
                   "successful saves per visit vs. its final version")]


def national_year_report(_env: BenchEnv) -> list[Figure]:
    """What headquarters gets on asking for the year's report of all four centers: the figures, the Excel and
    the PDF made by the app's own :func:`snapshots.generate` (as the report page and ``counsel-desk report
    --center all --year … --xlsx … --pdf …`` make them: the PDF with its appendices), then both files written
    to disk. Target: all of it < 15 s. Each part is timed around the very calls ``generate`` makes."""
    server, url, seeded = _seeded_national_server(PER_CENTER)
    try:
        import tempfile

        from counsel_desk.reports import snapshots
        from counsel_desk.services.base import ServiceContext
        from counsel_desk.services.period import Period
        from counsel_desk.services.safety import atomic
        from counsel_desk.store import dialects, open_database

        db = open_database(url)
        spans: dict[str, tuple[float, float]] = {}  # part → (wall, CPU of this process) seconds
        originals = {name: getattr(snapshots, name) for name in ("compute", "xlsx_packed_by", "pdf_bytes")}

        def timed(name: str, fn):
            def run(*args, **kwargs):
                t, c = time.perf_counter(), time.process_time()
                try:
                    return fn(*args, **kwargs)
                finally:
                    spans[name] = (time.perf_counter() - t, time.process_time() - c)
            return run

        def packed(packer, *args, **kwargs):  # the workbook built, then zipped beside the PDF: its wait is timed too
            done = timed("xlsx_packed_by", originals["xlsx_packed_by"])(packer, *args, **kwargs)
            waited = timed("xlsx_wait", done.result)
            done.result = waited  # type: ignore[method-assign]
            return done

        try:
            # as after headquarters' import: the planner's statistics current (opening may have upgraded the schema)
            dialects.refresh_statistics(db.engine)
            ctx = ServiceContext(db.session_factory, actor="總部彙整", center_code="north")
            year = Period(TODAY.replace(month=1, day=1), TODAY.replace(month=12, day=31))
            for name, fn in originals.items():
                setattr(snapshots, name, packed if name == "xlsx_packed_by" else timed(name, fn))
            load, server_cpu, cpu = _machine(), _server_cpu_s(server), time.process_time()
            t = time.perf_counter()
            with tempfile.TemporaryDirectory(prefix="national-report-") as out:
                report = snapshots.generate(ctx, None, year, prepared_by="總部彙整", today=TODAY)
                w, c = time.perf_counter(), time.process_time()
                atomic.write_bytes(Path(out) / "national.xlsx", report.xlsx)
                atomic.write_bytes(Path(out) / "national.pdf", report.pdf)
                spans["files"] = (time.perf_counter() - w, time.process_time() - c)
            seconds = time.perf_counter() - t
            cpu, server_cpu = time.process_time() - cpu, _server_cpu_s(server) - server_cpu
            load_after = _machine().split(" on")[0]
            c = time.process_time()
            t = time.perf_counter()
            summary = originals["pdf_bytes"](report.figures, prepared_by="總部彙整", today=TODAY, summary_only=True)
            summary_s, summary_cpu = time.perf_counter() - t, time.process_time() - c
        finally:
            for name, fn in originals.items():
                setattr(snapshots, name, fn)
            db.close()
        visits = report.figures.visits_total
        rest = seconds - sum(spans[k][0] for k in (*originals, "xlsx_wait"))

        def part(name: str, key: str, what: str) -> Figure:
            wall, part_cpu = spans[key]
            return Figure(name, wall, "s", "", None, f"{what}; CPU {part_cpu:.1f} s")

        return [Figure("national_year_report", seconds, "s", f"< {REPORT_S:.0f} s", check(seconds, REPORT_S),
                       f"figures + Excel + PDF (with appendices) + both files on disk, 4 centers × {PER_CENTER:,} "
                       f"demo visits on the server ({visits:,} in the year; seeded in {seeded:.0f} s); "
                       f"CPU {cpu:.1f} s app + {server_cpu:.1f} s server; {load} before, {load_after} after"),
                part("national_year_report.figures", "compute", "reports.figures.compute, queries on the server"),
                part("national_year_report.xlsx", "xlsx_packed_by",
                     f"the workbook built, {len(report.xlsx) / 1e6:.1f} MB zipped (appendix of every visit); zipping "
                     "runs on a thread beside the PDF"),
                part("national_year_report.pdf", "pdf_bytes", f"the PDF with appendices, {len(report.pdf) / 1e6:.1f} MB; "
                     "its CPU is the process's, the Excel's zipping on the other thread included"),
                part("national_year_report.xlsx_wait", "xlsx_wait", "the zipping left after the PDF was done"),
                Figure("national_year_report.rest", rest, "s", "", None,
                       f"the JSON of the figures and both files written (fsync) {spans['files'][0]:.1f} s"),
                Figure("national_year_report.pdf_summary", summary_s, "s", "", None,
                       f"the report page's default PDF (no appendices), {len(summary) / 1e6:.1f} MB; not in the total; "
                       f"CPU {summary_cpu:.1f} s")]
    finally:
        server.stop()


BENCHMARKS = [many_people, national_year_report]


if __name__ == "__main__":  # the clients alone, against a database seeded by many_people's _seed
    for figure in people_at_work(sys.argv[1]):
        print(figure)

"""Foundation: demo generation at 100,000 visits (time, peak memory) and ``stats`` on that database."""

from __future__ import annotations

from benchmarks.common import BIG_VISITS, BenchEnv, Figure, check, remove_database, run_child

DEMO_LIMIT_S = 20.0


def demo_generation(env: BenchEnv) -> list[Figure]:
    path = env.workdir / "foundation-demo.db"
    remove_database(path)
    r = run_child("from benchmarks.children import make_demo\nRESULT = make_demo(%r, %d)" % (str(path), BIG_VISITS))
    size_mb = path.stat().st_size / 2**20
    return [
        Figure(f"demo generation, {r['visits']:,} visits", r["seconds"], "s", f"< {DEMO_LIMIT_S:.0f} s",
               check(r["seconds"], DEMO_LIMIT_S), f"whole process {r['wall_s']:.1f} s; database {size_mb:,.0f} MB"),
        Figure("demo generation, peak memory", r["peak_rss_mb"], "MB"),
    ]


def stats(env: BenchEnv) -> list[Figure]:
    db = env.ensure_big_db()
    code = (
        "import time\n"
        "from pathlib import Path\n"
        "from counsel_desk.store import open_database\n"
        "from counsel_desk.services.figures.stats import record_counts\n"
        f"db = open_database(Path({str(db)!r}), create=False)\n"
        "t = time.perf_counter()\n"
        "counts = record_counts(db.engine)\n"
        "RESULT = {'ms': (time.perf_counter() - t) * 1000, 'visits': counts['visits']}\n"
    )
    r = run_child(code)
    cli = run_child(
        "import subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        f"subprocess.run([sys.executable, '-m', 'counsel_desk', 'stats', '--db', {str(db)!r}, '--json'], check=True,"
        " capture_output=True)\n"
        "RESULT = {'ms': (time.perf_counter() - t) * 1000}\n")
    return [
        Figure("stats: record counts (in process)", r["ms"], "ms", "", None, f"{r['visits']:,} visits"),
        Figure("counsel-desk stats --json (whole command)", cli["ms"], "ms"),
    ]


BENCHMARKS = [demo_generation, stats]

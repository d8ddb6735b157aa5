"""The harness: a shared 100,000-visit demo database, timing helpers and the figures table.

A benchmark module is ``benchmarks/bench_<area>.py`` with a ``BENCHMARKS`` list of functions
``fn(env: BenchEnv) -> list[Figure]``. Heavy measurements run in a child process
(:func:`run_child`) so that peak memory (ru_maxrss) belongs to that measurement alone.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
BIG_VISITS = int(os.environ.get("BENCH_VISITS", "100000"))
TODAY = date(2026, 11, 26)
# Measured as laptops run it: encrypted (SQLCipher) by default; BENCH_PLAIN=1 measures plain files.
os.environ.setdefault("COUNSEL_DESK_KEYRING", "off")
if os.environ.get("BENCH_PLAIN"):
    os.environ["COUNSEL_DESK_ENCRYPTION"] = "off"
else:
    os.environ.setdefault("COUNSEL_DESK_PASSPHRASE", "benchmark passphrase 基準測試")


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    target: str = ""  # e.g. "< 20 s"
    ok: bool | None = None
    note: str = ""


@dataclass
class BenchEnv:
    workdir: Path
    big_db: Path = field(init=False)

    def __post_init__(self) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.big_db = self.workdir / f"demo-{BIG_VISITS}.db"

    def ensure_big_db(self) -> Path:
        """The 100,000-visit demo database (built once, reused by every benchmark)."""
        if not self.big_db.exists():
            run_child("from benchmarks.children import make_demo\nRESULT = make_demo(%r, %d)" % (str(self.big_db), BIG_VISITS))
        return self.big_db

    def copy_of_big_db(self, name: str) -> Path:
        from counsel_desk.store import driver, keys

        src = driver.connect(self.ensure_big_db())
        dest = self.workdir / name
        remove_database(dest)
        dst = driver.connect(dest, key=keys.key_for(self.ensure_big_db()))
        src.backup(dst)
        src.close()
        dst.close()
        # A copy is first opened once, as the app does when it starts on it: that first open gives the
        # copy its own sync device id (store.identity.recognise_copy, ~4 s at 100,000 visits, once per
        # copy). The measured operations run on a database that has been opened before, as a user's has.
        from counsel_desk.store import open_database

        open_database(dest).close()
        return dest


def remove_database(path: Path) -> None:
    """A database file left by an earlier run, with its WAL and shared-memory files."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def run_child(code: str, env: dict | None = None, timeout: int = 1800) -> dict:
    """Run Python ``code`` in a fresh interpreter; it may print one JSON line of results last.

    Returns that JSON with ``peak_rss_mb`` and ``wall_s`` of the child added. ``code`` sets
    ``RESULT = {...}`` to report figures.
    """
    wrapper = (
        "import json, resource, time, sys\n"
        "_t = time.perf_counter()\n"
        "_out = None\n"
        f"exec(compile({code!r}, '<bench>', 'exec'))\n"
        "_res = globals().get('RESULT') or {}\n"
        "_res['wall_s'] = time.perf_counter() - _t\n"
        "_res['peak_rss_mb'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "print('BENCH-JSON ' + json.dumps(_res))\n"
    )
    full_env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"), **(env or {})}
    proc = subprocess.run([sys.executable, "-c", wrapper], cwd=ROOT, env=full_env, capture_output=True,
                          text=True, timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError(f"benchmark child failed:\n{proc.stderr[-3000:]}")
    for line in reversed(proc.stdout.splitlines()):
        if line.startswith("BENCH-JSON "):
            return json.loads(line[len("BENCH-JSON "):])
    raise RuntimeError(f"benchmark child printed no result:\n{proc.stdout[-2000:]}")


def timed(fn, repeat: int = 5) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def check(value: float, limit: float) -> bool:
    return value <= limit

"""Timing helpers for the code that benchmarks run in child processes (one copy, imported there)."""

from __future__ import annotations

import resource
import statistics
import time


def timed(fn, n: int = 5) -> float:
    """Median wall time of ``fn()`` over ``n`` runs, in ms."""
    out = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return statistics.median(out) * 1000


def timed_wall_cpu(fn, n: int = 5) -> tuple[float, float]:
    """Median wall and CPU time of ``fn()`` over ``n`` runs, in ms (CPU is steadier on a shared machine)."""
    wall, cpu_ = [], []
    for _ in range(n):
        t, c = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - t)
        cpu_.append(time.process_time() - c)
    return statistics.median(wall) * 1000, statistics.median(cpu_) * 1000


def cpu() -> float:
    """CPU seconds of every thread of this process so far."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime

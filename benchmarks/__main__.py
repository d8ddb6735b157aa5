"""Run every benchmark (or those named: ``python -m benchmarks foundation visits``, or one of an area:
``python -m benchmarks server.national_year_report``) and print a table.

Figures are also written to ``benchmarks/results/latest.json``.
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import sys
import time
from dataclasses import asdict
from pathlib import Path

from benchmarks.common import RESULTS, BenchEnv, Figure


def main(argv: list[str]) -> int:
    import benchmarks

    names = sorted(m.name for m in pkgutil.iter_modules(benchmarks.__path__) if m.name.startswith("bench_"))
    chosen = {a.split(".")[0]: a.partition(".")[2] for a in argv}  # area → one function of it ('' = all)
    if argv:
        names = [n for n in names if n.removeprefix("bench_") in chosen]
    env = BenchEnv(Path(os.environ.get("BENCH_WORKDIR") or RESULTS / "work"))
    figures: list[tuple[str, Figure]] = []
    for name in names:
        module = importlib.import_module(f"benchmarks.{name}")
        for fn in module.BENCHMARKS:
            if chosen.get(name.removeprefix("bench_")) not in (None, "", fn.__name__):
                continue
            t = time.perf_counter()
            print(f"… {name}.{fn.__name__}", file=sys.stderr, flush=True)
            try:
                for fig in fn(env):
                    figures.append((name.removeprefix("bench_"), fig))
            except Exception as exc:  # noqa: BLE001 — a failing benchmark is reported, the rest still run
                figures.append((name.removeprefix("bench_"), Figure(fn.__name__, float("nan"), "", "", False,
                                                                     f"FAILED: {exc}"[:200])))
            print(f"  done in {time.perf_counter() - t:.1f} s", file=sys.stderr, flush=True)
    _print_table(figures)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps([{"area": a, **asdict(f)} for a, f in figures],
                                                    ensure_ascii=False, indent=2), encoding="utf-8")
    return 0 if all(f.ok is not False for _, f in figures) else 1


def _print_table(figures: list[tuple[str, Figure]]) -> None:
    rows = [("area", "measurement", "value", "target", "ok", "note")]
    for area, f in figures:
        value = f"{f.value:,.1f} {f.unit}".strip() if f.value == f.value else "—"
        ok = "" if f.ok is None else ("yes" if f.ok else "NO")
        rows.append((area, f.name, value, f.target, ok, f.note))
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    for n, r in enumerate(rows):
        print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

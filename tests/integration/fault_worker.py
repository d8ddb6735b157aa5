"""Helper process for the kill -9 fault test (not a test module): fork workers and kill them.

Importing counsel_desk takes longer than a small demo generation, so this process imports once
and forks a child per trial; the child opens its own database copy, says "started" through a
pipe and does the work, while this process waits a random moment after that and sends SIGKILL —
the same signal ``kill -9`` sends. The first trial runs undisturbed to measure how long the work
takes; the kill moments are drawn from 0 to 1.15 times that, so most land inside the work and a
few after it. Two children run at once. Afterwards each database is restarted in a fresh child
(``open_database``, the way the next start opens it) and checked. Prints one JSON line.

Usage: python fault_worker.py '{"kind": "demo", "dir": "...", "trials": 100, "visits": 120, "seed": 1}'
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sys
import time
from datetime import date
from pathlib import Path

TODAY = date(2026, 11, 26)


def work(kind: str, db_path: Path, spec: dict, started: int) -> None:
    """What the child does (and is killed in the middle of)."""
    from counsel_desk.store import open_database

    db = open_database(db_path)
    os.write(started, b"s")
    if kind == "demo":
        from counsel_desk.services.demo import generate

        generate(db, visits=spec["visits"], seed=spec["seed"], center="north", today=TODAY)
    elif kind == "import":
        from counsel_desk.sync.importer import import_workbooks

        import_workbooks(db, [spec["workbook"]], actor="fault test")
    db.close()


def restart(db_path: Path, tables: list[str]) -> dict:
    """What the next start sees: SQLite's checks, then open_database, the audit chain, the counts."""
    from counsel_desk.store import driver

    from counsel_desk.store import audit, open_database

    con = driver.connect(db_path)
    seen = {"integrity": [r[0] for r in con.execute("PRAGMA integrity_check")],
            "foreign_keys": len(con.execute("PRAGMA foreign_key_check").fetchall())}
    con.close()
    db = open_database(db_path)
    try:
        with db.session() as s:
            seen["chain_ok"] = audit.verify(s).ok
        with db.engine.connect() as c:
            seen["counts"] = {t: c.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar() for t in tables}
    finally:
        db.close()
    return seen


def restart_all(paths: list[str], tables: list[str], parallel: int) -> list[dict]:
    """Restart every database in its own fresh child process, ``parallel`` at a time."""
    out: dict[str, dict] = {}
    pending = list(paths)
    running: dict[int, tuple[str, int]] = {}
    while pending or running:
        while pending and len(running) < parallel:
            path = pending.pop(0)
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(read_end)
                try:
                    data = json.dumps(restart(Path(path), tables)).encode()
                except BaseException as exc:  # noqa: BLE001 — a start that fails is the finding
                    data = json.dumps({"error": f"{type(exc).__name__}: {exc}"}).encode()
                with os.fdopen(write_end, "wb") as f:
                    f.write(data)
                os._exit(0)
            os.close(write_end)
            running[pid] = (path, read_end)
        pid, _status = os.wait()
        path, read_end = running.pop(pid)
        with os.fdopen(read_end, "rb") as f:
            out[path] = json.loads(f.read() or b'{"error": "no answer"}')
    return [out[p] for p in paths]


def start(kind: str, db_path: Path, spec: dict) -> tuple[int, int]:
    """Fork a child doing the work; returns its pid and the pipe it writes "started" to."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: work, then leave without running the parent's cleanup
        os.close(read_end)
        code = 0
        try:
            work(kind, db_path, spec, write_end)
        except BaseException:  # noqa: BLE001 — report through the exit code only
            import traceback

            traceback.print_exc()
            code = 1
        os._exit(code)
    os.close(write_end)
    return pid, read_end


def wait_started(pipe: int) -> float:
    os.read(pipe, 1)  # blocks until the child has opened its database and begins the work
    os.close(pipe)
    return time.perf_counter()


def main() -> None:
    spec = json.loads(sys.argv[1])
    kind, folder, trials = spec["kind"], Path(spec["dir"]), int(spec["trials"])
    rng = random.Random(spec["seed"])
    template = folder / "template.db"
    from counsel_desk.store import open_database

    open_database(template).close()  # migrated once; every trial starts from a copy

    def fresh(n: int) -> Path:
        target = folder / f"trial-{n:03d}.db"
        shutil.copyfile(template, target)
        return target

    pid, pipe = start(kind, fresh(0), spec)
    t0 = wait_started(pipe)
    _, status = os.waitpid(pid, 0)
    duration = time.perf_counter() - t0
    results = [{"db": str(folder / "trial-000.db"), "delay": None, "killed": False, "exit": os.waitstatus_to_exitcode(status)}]
    # The kills are spread over the work's length. The first run pays for cold caches (in one CI run it took 0.57 s
    # and 51 of 100 trials finished before their kill): timed once more, warm, the shorter of the two counts. That
    # run's file is not among the results.
    warm = folder / "warm.db"
    shutil.copyfile(template, warm)
    pid, pipe = start(kind, warm, spec)
    t0 = wait_started(pipe)
    os.waitpid(pid, 0)
    duration = min(duration, time.perf_counter() - t0)

    pending = list(range(1, trials + 1))
    running: dict[int, dict] = {}
    while pending or running:
        while pending and len(running) < spec.get("parallel", 2):
            n = pending.pop(0)
            db_path = fresh(n)
            delay = rng.uniform(0, duration * 1.15)
            pid, pipe = start(kind, db_path, spec)
            running[pid] = {"db": str(db_path), "delay": delay, "deadline": wait_started(pipe) + delay}
        now = time.perf_counter()
        for pid, info in list(running.items()):
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                info.update(killed=False, exit=os.waitstatus_to_exitcode(status))
            elif now >= info["deadline"]:
                os.kill(pid, signal.SIGKILL)
                _, status = os.waitpid(pid, 0)
                info.update(killed=os.WIFSIGNALED(status), exit=os.waitstatus_to_exitcode(status))
            else:
                continue
            del running[pid]
            info.pop("deadline")
            results.append(info)
        time.sleep(0.002)
    for info, seen in zip(results, restart_all([r["db"] for r in results], spec["tables"], spec.get("parallel", 2))):
        info["restart"] = seen
    print(json.dumps({"duration": duration, "results": results}))


if __name__ == "__main__":
    main()

"""Crash safety: kill -9 at 100 random moments; every restart is healthy and the work all-or-nothing.

``fault_worker.py`` forks a child per trial and kills it with SIGKILL at a random moment of the
work (demo generation, or importing an interchange workbook), then restarts every database in a
child process of its own the way the next start would: SQLite's ``integrity_check`` and foreign
key check pass, ``open_database`` opens it, the audit chain holds, and the work is either wholly
there — every table as in an undisturbed run — or wholly absent.

Set ``FAULT_SEED`` to replay a run; the seed is in every failure message.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

WORKER = Path(__file__).with_name("fault_worker.py")
ROOT = Path(__file__).resolve().parents[2]
TRIALS = 100
# Tables the work fills; after a trial each is either as in the undisturbed run or empty.
DEMO_TABLES = ["counselor", "organization", "contact", "workstation", "site_visit", "visit_counselor", "followup",
               "proposal", "support_record", "center_event", "yearly_target", "search_index_doc", "audit_log"]
IMPORT_TABLES = ["counselor", "organization", "contact", "workstation", "site_visit", "visit_counselor", "followup",
                 "proposal", "support_record", "center_event", "audit_log"]

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")]


def run_worker(spec: dict) -> dict:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.run([sys.executable, str(WORKER), json.dumps(spec)], capture_output=True, text=True,
                          timeout=600, env=env, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def assert_all_or_nothing(out: dict, seed: int, data_tables: list[str]) -> tuple[int, int, int]:
    first, *trials = out["results"]
    assert first["exit"] == 0 and not first["killed"], "the undisturbed run must succeed"
    complete = first["restart"]["counts"]
    assert all(complete[t] for t in data_tables), complete
    assert len(trials) == TRIALS
    there = absent = 0
    for trial in trials:
        seen = trial["restart"]
        context = f"seed {seed}, kill after {trial['delay']:.3f} s: {trial['db']}"
        assert "error" not in seen, f"{context}: the restart failed: {seen.get('error')}"
        assert seen["integrity"] == ["ok"] and seen["foreign_keys"] == 0, context
        assert seen["chain_ok"], f"{context}: audit chain broken"
        if not trial["killed"]:
            assert trial["exit"] == 0, context
        if seen["counts"] == complete:
            there += 1
        else:
            assert all(seen["counts"][t] == 0 for t in data_tables), f"{context}: half there: {seen['counts']}"
            absent += 1
    killed = sum(1 for t in trials if t["killed"])
    assert killed >= TRIALS // 2, f"only {killed} of {TRIALS} trials were killed mid-work (seed {seed})"
    assert absent >= 1, f"no kill landed inside the work (seed {seed})"
    return killed, there, absent


def _seed() -> int:
    return int(os.environ.get("FAULT_SEED", random.randrange(1 << 30)))


def test_kill_9_during_demo_generation(tmp_path):
    seed = _seed()
    out = run_worker({"kind": "demo", "dir": str(tmp_path), "trials": TRIALS, "visits": 120, "seed": seed,
                      "tables": DEMO_TABLES})
    killed, there, absent = assert_all_or_nothing(out, seed, [t for t in DEMO_TABLES if t != "audit_log"])
    print(f"demo, seed {seed}: {killed} killed, {there} complete, {absent} rolled back "
          f"(undisturbed {out['duration']:.2f} s)")


def test_kill_9_during_an_import(tmp_path):
    importer = pytest.importorskip("counsel_desk.sync.importer")
    export = pytest.importorskip("counsel_desk.sync.export")
    assert hasattr(importer, "import_workbooks") and hasattr(export, "export_workbook")
    from counsel_desk.services.demo import generate
    from counsel_desk.store import open_database

    source = open_database(tmp_path / "south.db")
    generate(source, visits=100, seed=11, center="south", today=date(2026, 11, 26))
    workbook = tmp_path / "south.xlsx"
    export.export_workbook(source, workbook, mask=False)
    source.close()
    seed = _seed()
    trials = tmp_path / "trials"
    trials.mkdir()
    out = run_worker({"kind": "import", "dir": str(trials), "trials": TRIALS, "seed": seed,
                      "workbook": str(workbook), "tables": IMPORT_TABLES})
    killed, there, absent = assert_all_or_nothing(out, seed, [t for t in IMPORT_TABLES if t != "audit_log"])
    print(f"import, seed {seed}: {killed} killed, {there} complete, {absent} rolled back "
          f"(undisturbed {out['duration']:.2f} s)")

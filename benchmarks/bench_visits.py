"""Site visits on the 100,000-visit demo database: the list opens, a keystroke searches, the app starts.

* ``list open``: from importing and building the visit list page to its first row's data fetched
  and painted (child process, offscreen), then until all 100,000 ids are in.
* ``search keystroke``: the search box typed one character at a time as an input method commits
  them (``返`` ``返鄉`` ``返鄉青`` …), each to the updated first rows painted; words are taken from
  findings texts in the database. Medians for 2-character and 3+-character states.
* ``app start``: process start to the main window shown and its events processed, against a bare
  PySide6 ``QMainWindow`` measured the same way in the same run (both as fresh processes).
* Peak RSS of the list child: the visit list open, fully loaded and searched.

CPU time (all threads) is given next to wall times: on a busy machine the wall time says more
about the neighbours than about the code.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time

from benchmarks.common import ROOT, BenchEnv, Figure, check, run_child

OPEN_LIMIT_MS = 300
KEY_LIMIT_MS = 100
START_RATIO = 3.0
START_BASELINE = 7.9  # × bare before the window showed ahead of the data layer (issue 13)
RSS_LIMIT_MB = 200

_LIST = r"""
import os, resource, statistics, time
from pathlib import Path
os.environ["COUNSEL_DESK_HOME"] = HOME
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from counsel_desk.ui.startup import create_qapp, make_settings, prepare
from counsel_desk.store import open_database
from counsel_desk.ui.context import AppContext

from benchmarks.child_helpers import cpu

app = create_qapp()
prepare(app)
settings = make_settings()
settings.setValue("user/center", "north")
db = open_database(Path(DB))
ctx = AppContext(db, settings)

def painted(page):
    # until the first row's data is fetched: the view asks for it while painting, so when
    # processEvents returns with it fetched, the rows are painted
    model = page.model
    deadline = time.perf_counter() + 30
    while time.perf_counter() < deadline:
        app.processEvents()
        rid = model.id_at(0)
        if rid is None or rid in model._cache:
            break

c0, t0 = cpu(), time.perf_counter()
from counsel_desk.ui.visits.list_page import VisitListPage
page = VisitListPage(ctx)
page.resize(1280, 800)
page.show()
painted(page)
open_ms = (time.perf_counter() - t0) * 1000
open_cpu_ms = (cpu() - c0) * 1000
first_rows = page.model.rowCount()
while page.model.loading and time.perf_counter() - t0 < 60:
    app.processEvents()
    time.sleep(0.002)
full_ms = (time.perf_counter() - t0) * 1000
total = page.model.rowCount()

# words from findings texts: a 2-character and a 4-character piece of real sentences
with db.session() as s:
    from sqlalchemy import text
    texts = [r[0] for r in s.connection().execute(text(
        "SELECT findings FROM site_visit WHERE deleted_at IS NULL ORDER BY rowid LIMIT 40 OFFSET 5000"))]
import re
pieces = [p for t in texts for p in re.findall(r"[\u4e00-\u9fff]{4,}", t)]
words = [pieces[3][:4], pieces[17][1:3], pieces[29][:5], pieces[8][2:4]]

def commit(widget, chars):
    ev = QInputMethodEvent()
    ev.setCommitString(chars)
    QApplication.sendEvent(widget, ev)

samples = {"short": [], "long": [], "cpu": []}
counts = {}
for w in words:
    page.search.clear()
    app.processEvents()
    for n in range(1, len(w) + 1):
        c1, t1 = cpu(), time.perf_counter()
        commit(page.search, w[n - 1])
        painted(page)
        ms = (time.perf_counter() - t1) * 1000
        samples["cpu"].append((cpu() - c1) * 1000)
        if n >= 2:
            samples["short" if n == 2 else "long"].append(ms)
        counts[w[:n]] = page.model.rowCount()
assert page.model.rowCount() > 0, counts
RESULT = {"open_ms": open_ms, "open_cpu_ms": open_cpu_ms, "full_ms": full_ms, "first_rows": first_rows,
          "total": total, "key_short_ms": statistics.median(samples["short"]),
          "key_long_ms": statistics.median(samples["long"]), "key_all_ms": statistics.median(
              samples["short"] + samples["long"]), "key_cpu_ms": statistics.median(samples["cpu"]),
          "key_max_ms": max(samples["short"] + samples["long"]), "words": words, "counts": counts,
          "rss_now_mb": int(open("/proc/self/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20,
          "load": os.getloadavg()[0]}
"""

_BARE = r"""
import time, json
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow()
w.resize(1280, 800)
w.show()
app.processEvents()
print("SHOWN " + json.dumps(time.time()))
"""

# The app's own start (ui/startup.show_main_window): the window shows, then the database opens and
# the page fills; SHOWN is the window on screen, FILLED its page built and painted.
_APP = r"""
import os, sys, time, json
os.environ["COUNSEL_DESK_HOME"] = HOME
from pathlib import Path
from counsel_desk.ui.startup import create_qapp, prepare, show_main_window
app = create_qapp()
settings, _families, _loaded = prepare(app)
settings.setValue("user/center", "north")
settings.setValue("window/page", PAGE)
window = show_main_window(Path(DB), settings)
app.processEvents()
print("SHOWN " + json.dumps(time.time()))
print("DATA-LAYER-AT-SHOWN " + json.dumps("sqlalchemy" in sys.modules))
while window.current_page() is None:
    app.processEvents()
    time.sleep(0.005)
app.processEvents()
print("FILLED " + json.dumps(time.time()))
"""


def _start_times(code: str) -> dict:
    """Process start → each mark the child prints (SHOWN, FILLED) in ms, as wall time seen from outside
    (interpreter start included), and whether the data layer was already imported when it showed."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    t0 = time.time()
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=600)
    if proc.returncode != 0:
        raise RuntimeError(f"start child failed:\n{proc.stderr[-3000:]}")
    out: dict = {}
    for line in proc.stdout.splitlines():
        mark, _, value = line.partition(" ")
        if mark in ("SHOWN", "FILLED"):
            out[mark] = (json.loads(value) - t0) * 1000
        elif mark == "DATA-LAYER-AT-SHOWN":
            out[mark] = json.loads(value)
    return out


def _start_ms(code: str) -> float:
    return _start_times(code)["SHOWN"]


def bench_list(env: BenchEnv) -> list[Figure]:
    db = env.copy_of_big_db("visits-list.db")
    home = env.workdir / "visits-home"
    home.mkdir(exist_ok=True)
    r = run_child(f"DB = {str(db)!r}\nHOME = {str(home)!r}\n" + _LIST)
    load = f"load average {r['load']:.1f} on {os.cpu_count()} cores"
    return [
        Figure("visit list open → first rows painted", r["open_ms"], "ms", f"< {OPEN_LIMIT_MS} ms",
               check(r["open_ms"], OPEN_LIMIT_MS), f"{r['first_rows']} rows shown first; CPU "
                                                   f"{r['open_cpu_ms']:.0f} ms; {load}"),
        Figure("visit list: all ids loaded (background)", r["full_ms"], "ms", "", None, f"{r['total']:,} visits"),
        Figure("search keystroke → rows painted, median", r["key_all_ms"], "ms", f"< {KEY_LIMIT_MS} ms",
               check(r["key_all_ms"], KEY_LIMIT_MS), f"CPU median {r['key_cpu_ms']:.0f} ms; max "
                                                     f"{r['key_max_ms']:.0f} ms; words {' '.join(r['words'])}"),
        Figure("search keystroke, 2-character word, median", r["key_short_ms"], "ms", f"< {KEY_LIMIT_MS} ms",
               check(r["key_short_ms"], KEY_LIMIT_MS)),
        Figure("search keystroke, 3+-character word, median", r["key_long_ms"], "ms", f"< {KEY_LIMIT_MS} ms",
               check(r["key_long_ms"], KEY_LIMIT_MS)),
        Figure("peak RSS, visit list open and searched", r["peak_rss_mb"], "MB", f"< {RSS_LIMIT_MB} MB",
               check(r["peak_rss_mb"], RSS_LIMIT_MB), f"RSS at the end {r['rss_now_mb']:.0f} MB"),
    ]


def bench_start(env: BenchEnv) -> list[Figure]:
    db = env.copy_of_big_db("visits-start.db")
    home = env.workdir / "visits-start-home"
    home.mkdir(exist_ok=True)
    app_code = f"DB = {str(db)!r}\nHOME = {str(home)!r}\nPAGE = 'visits'\n" + _APP
    bare, app = [], []
    for _ in range(3):  # alternate, so both see the same neighbours
        bare.append(_start_ms(_BARE))
        app.append(_start_times(app_code))
    dash = _start_times(app_code.replace("PAGE = 'visits'", "PAGE = 'dashboard'"))
    b = statistics.median(bare)
    a = statistics.median(t["SHOWN"] for t in app)
    filled = statistics.median(t["FILLED"] for t in app)
    early = "data layer not yet imported" if not any(t["DATA-LAYER-AT-SHOWN"] for t in app) else \
        "data layer imported before it showed"
    return [
        Figure("bare PySide6 QMainWindow start (median of 3)", b, "ms"),
        Figure("app start → main window shown (median of 3)", a, "ms", f"≤ {START_RATIO:.0f}× bare",
               check(a / b, START_RATIO), f"{a / b:.2f}× bare (baseline {START_BASELINE:.1f}×); {early}"),
        Figure("app start → visit list filled (median of 3)", filled, "ms", "", None,
               f"{filled / b:.2f}× bare; 100,000 visits"),
        Figure("app start → dashboard filled", dash["FILLED"], "ms", "", None, f"{dash['FILLED'] / b:.2f}× bare"),
    ]


BENCHMARKS = [bench_list, bench_start]

"""Dashboard on the 100,000-visit demo database: figures in SQL, and the page open until painted.

``open`` is measured from importing and constructing the page to the figures, the chart and the shaded map
painted (the page's ``refreshed`` signal, then a grab of the whole page) — what a manager waits for
when the app starts on the dashboard. Its CPU time (all threads) is given too: on a busy machine the
wall time says more about the neighbours than about the page. ``period`` is choosing another map
period.
"""

from __future__ import annotations

import os

from benchmarks.common import BenchEnv, Figure, check, run_child

OPEN_LIMIT_MS = 1000

_FIGURES = r"""
import statistics, time
from datetime import date
from pathlib import Path
from counsel_desk.store import open_database
from counsel_desk.services.base import ServiceContext
from counsel_desk.services import dashboard
db = open_database(Path(DB))
ctx = ServiceContext.for_database(db, center_code="north")
today = date(2026, 11, 26)
from benchmarks.child_helpers import timed_wall_cpu as timed
p = dashboard.period("last_12_months", today)
(ov, ov_cpu), (tw, tw_cpu) = timed(lambda: dashboard.overview(ctx, today)), \
    timed(lambda: dashboard.township_visits(ctx, p.start, p.end))
RESULT = {
    "overview_ms": ov, "overview_cpu_ms": ov_cpu, "townships_ms": tw, "townships_cpu_ms": tw_cpu,
    "visits": dashboard.overview(ctx, today).visits_per_month[-1].count,
}
db.close()
"""

_OPEN = r"""
import os, time
from datetime import date
from pathlib import Path
os.environ["COUNSEL_DESK_HOME"] = HOME
t0 = time.perf_counter()
from PySide6.QtCore import QEventLoop, QTimer
from counsel_desk.ui.startup import create_qapp, make_settings, prepare
from counsel_desk.store import open_database
from counsel_desk.ui.context import AppContext
app = create_qapp()
prepare(app)
settings = make_settings()
settings.setValue("user/center", "north")
ctx = AppContext(open_database(Path(DB)), settings)

def wait_refreshed(page):
    loop = QEventLoop()
    page.refreshed.connect(loop.quit)
    QTimer.singleShot(30000, loop.quit)
    loop.exec()

import resource
from benchmarks.child_helpers import cpu
c1 = cpu()
t1 = time.perf_counter()
from counsel_desk.ui.dashboard.page import DashboardPage
page = DashboardPage(ctx, None, today=lambda: date(2026, 11, 26))
page.resize(1080, 750)
page.show()
wait_refreshed(page)
image = page.grab()
t2 = time.perf_counter()
open_cpu_ms = (cpu() - c1) * 1000
assert page.overview is not None and page.map_data is not None and not image.isNull()
opened_ms = (t2 - t1) * 1000

t3 = time.perf_counter()
page.set_period("this_year")
wait_refreshed(page)
page.grab()
period_ms = (time.perf_counter() - t3) * 1000

t4 = time.perf_counter()
page.map.grab()
map_paint_ms = (time.perf_counter() - t4) * 1000
RESULT = {"open_ms": opened_ms, "open_cpu_ms": open_cpu_ms, "load": os.getloadavg()[0], "period_ms": period_ms, "map_paint_ms": map_paint_ms,
          "setup_ms": (t1 - t0) * 1000, "towns": len(page.map.town_codes)}
"""


def bench_figures(env: BenchEnv) -> list[Figure]:
    db = env.copy_of_big_db("dashboard-figures.db")
    r = run_child(f"DB = {str(db)!r}\n" + _FIGURES)
    return [
        Figure("overview figures (SQL, median)", r["overview_ms"], "ms", "", None,
               f"CPU {r['overview_cpu_ms']:.0f} ms; visits by county, follow-ups, 12 months, stages"),
        Figure("township counts, 12 months (SQL, median)", r["townships_ms"], "ms", "", None,
               f"CPU {r['townships_cpu_ms']:.0f} ms"),
    ]


def bench_open(env: BenchEnv) -> list[Figure]:
    db = env.copy_of_big_db("dashboard-open.db")
    home = env.workdir / "dashboard-home"
    home.mkdir(exist_ok=True)
    r = run_child(f"DB = {str(db)!r}\nHOME = {str(home)!r}\n" + _OPEN)
    return [
        Figure("dashboard open → figures + map painted", r["open_ms"], "ms", f"< {OPEN_LIMIT_MS} ms",
               check(r["open_ms"], OPEN_LIMIT_MS), f"{r['towns']} townships; QApplication+fonts before: "
                                                  f"{r['setup_ms']:.0f} ms"),
        Figure("dashboard open, CPU time of all threads", r["open_cpu_ms"], "ms", "", None,
               f"load average {r['load']:.1f} on {os.cpu_count()} cores while measuring"),
        Figure("map period change → repainted", r["period_ms"], "ms"),
        Figure("map repaint alone", r["map_paint_ms"], "ms"),
        Figure("dashboard peak RSS", r["peak_rss_mb"], "MB"),
    ]


BENCHMARKS = [bench_figures, bench_open]

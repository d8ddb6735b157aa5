"""Proposals on the 100,000-visit demo database: list, board and money queries in SQL, the page open,
a draft opened in the editor, and one proposal exported as PDF (time and peak memory).

The SQL figures run on the demo as it is and on a scaled copy (``SCALE`` copies of every proposal
with its funding lines, sections and search text) to show the board and the list stay quick when a
center's history grows.
"""

from __future__ import annotations

import os

from benchmarks.common import BenchEnv, Figure, check, run_child

SCALE = 8
QUERY_LIMIT_MS = 200
OPEN_LIMIT_MS = 1500
PDF_LIMIT_S = 3.0

_SCALE_UP = r"""
import uuid
from counsel_desk.store import driver
con = driver.connect(DB)
con.execute("PRAGMA foreign_keys=OFF")
props = con.execute("SELECT * FROM proposal").fetchall()
cols = [d[1] for d in con.execute("PRAGMA table_info(proposal)")]
lcols = [d[1] for d in con.execute("PRAGMA table_info(funding_line)")]
scols = [d[1] for d in con.execute("PRAGMA table_info(proposal_section)")]
lines, secs = {}, {}
for row in con.execute("SELECT * FROM funding_line"):
    lines.setdefault(row[lcols.index("proposal_id")], []).append(dict(zip(lcols, row)))
for row in con.execute("SELECT * FROM proposal_section"):
    secs.setdefault(row[scols.index("proposal_id")], []).append(dict(zip(scols, row)))
docs = con.execute("SELECT d.record_id, s.body FROM search_index_proposal s JOIN search_index_doc d ON d.rowid = s.rowid "
                   "WHERE d.entity = 'proposal'").fetchall()
body = dict(docs)
next_row = con.execute("SELECT COALESCE(MAX(rowid), 0) FROM search_index_doc").fetchone()[0] + 1
for n in range(SCALE - 1):
    for p in props:
        new = dict(zip(cols, p)); old = new["id"]; new["id"] = str(uuid.uuid4()); new["plan_id"] = None
        con.execute(f"INSERT INTO proposal ({','.join(cols)}) VALUES ({','.join('?' * len(cols))})", [new[c] for c in cols])
        for d in lines.get(old, []):
            d = {**d, "id": str(uuid.uuid4()), "proposal_id": new["id"]}
            con.execute(f"INSERT INTO funding_line ({','.join(lcols)}) VALUES ({','.join('?' * len(lcols))})", [d[c] for c in lcols])
        for d in secs.get(old, []):
            d = {**d, "id": str(uuid.uuid4()), "proposal_id": new["id"]}
            con.execute(f"INSERT INTO proposal_section ({','.join(scols)}) VALUES ({','.join('?' * len(scols))})", [d[c] for c in scols])
        con.execute("INSERT INTO search_index_doc (rowid, entity, record_id) VALUES (?, 'proposal', ?)", (next_row, new["id"]))
        con.execute("INSERT INTO search_index_proposal (rowid, body) VALUES (?, ?)", (next_row, body.get(old, "")))
        next_row += 1
con.commit()
RESULT = {"proposals": con.execute("SELECT COUNT(*) FROM proposal").fetchone()[0]}
con.close()
"""

_QUERIES = r"""
import statistics, time
from pathlib import Path
from counsel_desk.store import open_database
from counsel_desk.services.base import ServiceContext
from counsel_desk.services import proposals as ps
from counsel_desk.services.listing import ListQuery
db = open_database(Path(DB))
svc = ServiceContext.for_database(db, center_code="north")
src = ps.ProposalListSource(svc)
from benchmarks.child_helpers import timed
ids = src.ids(ListQuery())
RESULT = {
    "proposals": len(ids),
    "ids_ms": timed(lambda: src.ids(ListQuery())),
    "sorted_ms": timed(lambda: src.ids(ListQuery(sort_key="requested", descending=True))),
    "search_ms": timed(lambda: src.ids(ListQuery(search="老屋再生"))),
    "page_ms": timed(lambda: src.rows(ids[:200])),
    "board_ms": timed(lambda: ps.board(svc, ListQuery())),
    "demand_ms": timed(lambda: ps.requested_by_work_item(svc)),
    "plans_ms": timed(lambda: ps.list_plans(svc)),
}
db.close()
"""

_OPEN = r"""
import os, time, resource
from pathlib import Path
os.environ["COUNSEL_DESK_HOME"] = HOME
from counsel_desk.ui.startup import create_qapp, make_settings, prepare
from counsel_desk.store import open_database
from counsel_desk.ui.context import AppContext
app = create_qapp()
prepare(app)
settings = make_settings()
settings.setValue("user/center", "north")
ctx = AppContext(open_database(Path(DB)), settings)
from benchmarks.child_helpers import cpu
c1 = cpu(); t1 = time.perf_counter()
from counsel_desk.ui.proposals.page import ProposalsPage
page = ProposalsPage(ctx)
page.resize(1400, 900)
page.show()
app.processEvents()
page.grab()
open_ms = (time.perf_counter() - t1) * 1000
open_cpu_ms = (cpu() - c1) * 1000
pid = page.list_model.id_at(0)
t2 = time.perf_counter()
page.open_proposal(pid)
app.processEvents()
page.grab()
editor_ms = (time.perf_counter() - t2) * 1000
RESULT = {"open_ms": open_ms, "open_cpu_ms": open_cpu_ms, "editor_ms": editor_ms, "load": os.getloadavg()[0]}
"""

_PDF = r"""
import time
from datetime import date
from pathlib import Path
from counsel_desk.store import open_database
from counsel_desk.services.base import ServiceContext
from counsel_desk.services import proposals as ps
from counsel_desk.services.listing import ListQuery
from counsel_desk.reports.proposal_pdf import export_proposal_pdf
db = open_database(Path(DB))
svc = ServiceContext.for_database(db, center_code="north")
src = ps.ProposalListSource(svc)
pid = src.ids(ListQuery(sort_key="requested", descending=True))[0]
t = time.perf_counter()
out = export_proposal_pdf(svc, pid, Path(OUT), today=date(2026, 11, 26))
RESULT = {"pdf_s": time.perf_counter() - t, "bytes": out.stat().st_size}
db.close()
"""


def bench_queries(env: BenchEnv) -> list[Figure]:
    db = env.copy_of_big_db("proposals-queries.db")
    plain = run_child(f"DB = {str(db)!r}\n" + _QUERIES)
    run_child(f"DB = {str(db)!r}\nSCALE = {SCALE}\n" + _SCALE_UP)
    big = run_child(f"DB = {str(db)!r}\n" + _QUERIES)
    n = big["proposals"]
    figures = [Figure(f"list ids, demo ({plain['proposals']} proposals)", plain["ids_ms"], "ms")]
    for key, name in (("ids_ms", "list ids"), ("sorted_ms", "list sorted by money requested"),
                      ("search_ms", "list search 老屋再生"), ("page_ms", "a page of 200 rows"),
                      ("board_ms", "stage board"), ("demand_ms", "money per work item"), ("plans_ms", "plans")):
        figures.append(Figure(f"{name}, {n:,} proposals", big[key], "ms", f"< {QUERY_LIMIT_MS} ms",
                              check(big[key], QUERY_LIMIT_MS)))
    return figures


def bench_open(env: BenchEnv) -> list[Figure]:
    db = env.copy_of_big_db("proposals-open.db")
    home = env.workdir / "proposals-home"
    home.mkdir(exist_ok=True)
    r = run_child(f"DB = {str(db)!r}\nHOME = {str(home)!r}\n" + _OPEN)
    return [
        Figure("proposals page open → board painted", r["open_ms"], "ms", f"< {OPEN_LIMIT_MS} ms",
               check(r["open_ms"], OPEN_LIMIT_MS), f"CPU {r['open_cpu_ms']:.0f} ms; load {r['load']:.1f} on "
                                                   f"{os.cpu_count()} cores"),
        Figure("a draft opened in the editor", r["editor_ms"], "ms"),
        Figure("proposals page peak RSS", r["peak_rss_mb"], "MB"),
    ]


def bench_pdf(env: BenchEnv) -> list[Figure]:
    db = env.copy_of_big_db("proposals-pdf.db")
    out = env.workdir / "proposal.pdf"
    r = run_child(f"DB = {str(db)!r}\nOUT = {str(out)!r}\n" + _PDF)
    return [
        Figure("proposal PDF export", r["pdf_s"], "s", f"< {PDF_LIMIT_S} s", check(r["pdf_s"], PDF_LIMIT_S),
               f"{r['bytes'] / 1024:.0f} KB, fonts subset and embedded"),
        Figure("proposal PDF peak RSS", r["peak_rss_mb"], "MB"),
    ]


BENCHMARKS = [bench_queries, bench_open, bench_pdf]

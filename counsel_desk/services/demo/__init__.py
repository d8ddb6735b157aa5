"""Deterministic demo data (示範資料) for a regional counseling center.

``generate(db, visits=…, seed=…, center=…)`` fills an empty database with plausible Traditional
Chinese data spread over the 24 months before ``today``: counselors, organisations and contacts,
site visits with findings and advice, follow-ups (some overdue), youth workstations with budgets
and support records, public spaces, center events, township plans and proposals in every stage on
both routes, and the center's yearly targets. Same seed and ``today`` give the same content.
"""

from counsel_desk.services.demo.generate import DemoSummary, generate

__all__ = ["DemoSummary", "generate"]

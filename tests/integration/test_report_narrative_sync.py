"""The manager's report notes (本月工作重點, 下月工作重點, 待協助事項) travel in the interchange workbook.

She writes them on her laptop's reports page; the report is made on the center's computer after the laptops'
workbooks are imported there. They stayed on the laptop, and the center's report printed 「（未填寫）」.
"""

from __future__ import annotations

from datetime import date

from counsel_desk.reports import narrative
from counsel_desk.reports.figures import compute
from counsel_desk.reports.figures_types import Narrative
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.period import Period
from counsel_desk.sync import export_workbook, import_workbooks
from tests.integration.sync_helpers import fresh_db

NOV = Period.month(2026, 11)
AFTER = date(2026, 12, 10)


def _ctx(db, actor: str = "王主任") -> ServiceContext:
    return ServiceContext(db.session_factory, actor=actor, center_code="north")


def test_notes_written_on_a_laptop_are_in_the_report_made_at_the_center(tmp_path, tmp_path_factory):
    root = tmp_path_factory.getbasetemp()
    laptop = fresh_db(tmp_path / "a", "laptop.db", root, file=True)
    center = fresh_db(tmp_path / "b", "center.db", root)
    try:
        words = Narrative("完成五處工作站期中訪視", "辦理提案撰寫工作坊", "=請協調縣府配合款")
        assert narrative.save(_ctx(laptop), "north", NOV, words)
        out = tmp_path / "laptop.xlsx"
        export_workbook(laptop, out, mask=True, actor="王主任")
        report = import_workbooks(center, [out], actor="中心")
        assert not report.problems, [str(p) for p in report.problems.items]
        assert compute(center.session_factory, "north", NOV, today=AFTER).narrative == words
        assert narrative.read(_ctx(center), "north", Period.month(2026, 10)) == Narrative()  # that period only

        # edited again on the laptop: the center's next import brings the new words, not a second record
        edited = Narrative("完成六處工作站期中訪視", words.next_month, words.help_needed)
        _, version = narrative.loaded(_ctx(laptop), "north", NOV)
        assert narrative.save(_ctx(laptop), "north", NOV, edited, version)
        export_workbook(laptop, out, mask=True, actor="王主任")
        again = import_workbooks(center, [out], actor="中心")
        assert again.totals["updated"] == 1 and again.totals["conflicts"] == 0
        assert compute(center.session_factory, "north", NOV, today=AFTER).narrative == edited
    finally:
        laptop.close()
        center.close()


def test_the_same_periods_notes_written_on_two_computers_become_one_record(tmp_path, tmp_path_factory):
    """Each computer gives its notes its own id; the period's natural key brings them to one (sync/natural_keys.py):
    the same words merge, different words are a conflict the manager decides, never a refused workbook."""
    root = tmp_path_factory.getbasetemp()
    laptop = fresh_db(tmp_path / "a", "laptop.db", root, file=True)
    center = fresh_db(tmp_path / "b", "center.db", root)
    try:
        narrative.save(_ctx(laptop), "north", NOV, Narrative("筆電寫的", "", ""))
        narrative.save(_ctx(center, "中心"), "north", NOV, Narrative("中心寫的", "", ""))
        out = tmp_path / "laptop.xlsx"
        export_workbook(laptop, out, mask=True, actor="王主任")
        report = import_workbooks(center, [out], actor="中心")
        assert not report.problems, [str(p) for p in report.problems.items]
        assert report.totals["conflicts"] == 1
        with center.engine.connect() as c:
            assert c.exec_driver_sql("SELECT count(*) FROM report_narrative").scalar() == 1
    finally:
        laptop.close()
        center.close()

"""Follow-ups (追蹤事項): closing needs the date and the result, counts due this week and overdue, the list
across visits with its filters, red overdue rows and SQL sorting."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import text

from counsel_desk.errors import UserError, ValidationError
from counsel_desk.services.visits.followups import FollowUpDraft, FollowUpListSource, FollowUpService, week_bounds
from counsel_desk.services.listing import ListQuery
from counsel_desk.services.people.people import PeopleService
from counsel_desk.services.visits.visits import VisitData, VisitService

TODAY = date(2026, 11, 26)  # a Thursday: this week runs to Sunday 11/29


@pytest.fixture
def setup(services):
    counselor = PeopleService(services).create_counselor("王小明").id
    visits = VisitService(services, today=TODAY)
    county = "10004"
    town = visits.townships(county)[0].id

    def visit(*followups, **kw):
        vid = visits.create(VisitData(visit_date=kw.get("visit_date", TODAY - timedelta(days=10)), county_code=county,
                                      township_code=town, counselor_ids=[counselor], mode=kw.get("mode", "onsite"),
                                      visited_name=kw.get("visited", "關西鎮公所"), followups=list(followups)))
        return vid, [f.id for f in visits.get(vid).followups]

    return visits, visit


def test_closing_requires_the_followup_date_and_the_result(db, services, setup):
    _, visit = setup
    _, (fid,) = visit(FollowUpDraft("送出提案初稿", due_date=TODAY))
    service = FollowUpService(services, today=TODAY)
    with pytest.raises(ValidationError) as err:
        service.close(fid, None, "  ")
    assert [p.field for p in err.value.problems] == ["followup_date", "result"]
    assert "結案必須填寫追蹤日期" in str(err.value) and "結案必須填寫辦理結果" in str(err.value)
    with pytest.raises(ValidationError, match="不能晚於今天"):
        service.close(fid, TODAY + timedelta(days=1), "已送出")
    assert service.get(fid).status == "open"
    service.close(fid, TODAY, "已送出，公所回覆將於下週審查")
    got = service.get(fid)
    assert (got.status, got.followup_date, got.result) == ("closed", TODAY, "已送出，公所回覆將於下週審查")
    with db.session() as s:
        action, detail = s.connection().execute(text(
            "SELECT action, detail FROM audit_log WHERE entity='followup' ORDER BY seq DESC LIMIT 1")).one()
    assert action == "update" and '"closed"' in detail


def test_cancelling_needs_no_result_but_a_description_is_always_needed(services, setup):
    _, visit = setup
    _, (fid,) = visit(FollowUpDraft("甲"))
    service = FollowUpService(services, today=TODAY)
    service.update(fid, FollowUpDraft("甲", status="cancelled"))
    with pytest.raises(ValidationError) as err:
        service.update(fid, FollowUpDraft("", status="open"))
    assert err.value.field == "description"


def test_counts_due_this_week_and_overdue(services, setup):
    _, visit = setup
    monday, sunday = week_bounds(TODAY)
    assert (monday, sunday) == (date(2026, 11, 23), date(2026, 11, 29))
    visit(FollowUpDraft("逾期一", due_date=TODAY - timedelta(days=1)),
          FollowUpDraft("逾期二", due_date=date(2026, 10, 1), status="in_progress"),
          FollowUpDraft("今天到期", due_date=TODAY), FollowUpDraft("週日到期", due_date=sunday),
          FollowUpDraft("下週", due_date=sunday + timedelta(days=1)), FollowUpDraft("沒有期限"),
          FollowUpDraft("已結案", due_date=date(2026, 10, 1), status="closed", followup_date=TODAY, result="完成"),
          visit_date=date(2026, 9, 21))
    counts = FollowUpService(services, today=TODAY).counts()
    assert (counts.open, counts.due_this_week, counts.overdue) == (6, 2, 2)


def test_list_filters_search_and_red_overdue_rows(services, setup):
    _, visit = setup
    v1, (late, soon) = visit(FollowUpDraft("補件", owner="陳怡君", due_date=TODAY - timedelta(days=3)),
                             FollowUpDraft("安排課程", due_date=TODAY + timedelta(days=2)), mode="phone")
    _, (done,) = visit(FollowUpDraft("媒合通路", due_date=TODAY - timedelta(days=40), status="closed",
                                     followup_date=TODAY - timedelta(days=5), result="已媒合農會"),
                       visit_date=TODAY - timedelta(days=45))
    src = FollowUpListSource(services, today=TODAY)

    def ids(**filters):
        return src.ids(ListQuery(filters=filters))

    assert ids() == [late, soon, done]  # open ones first, by due date
    assert ids(status="open") == [late, soon]
    assert ids(status="overdue") == [late]
    assert ids(status="due_week") == [soon]
    assert ids(status="closed") == [done]
    assert ids(mode="phone") == [late, soon]
    assert ids(date_from=TODAY) == [soon]
    assert src.ids(ListQuery(search="陳怡君")) == [late]
    assert src.ids(ListQuery(search="農會")) == [done]
    rows = src.rows([late, soon, done])
    assert rows[late]["_highlight"] == "overdue" and "_highlight" not in rows[soon]
    assert rows[done]["status"] == "已結案" and rows[done]["followup_date"] == roc(TODAY - timedelta(days=5))
    assert rows[late]["township"].startswith("新竹縣") and rows[late]["_visit_id"] == v1


def roc(d: date) -> str:
    return f"{d.year - 1911}/{d.month:02d}/{d.day:02d}"


def test_every_column_sorts_both_ways(services, setup):
    _, visit = setup
    _, made = visit(*[FollowUpDraft(f"事項{n}", owner=f"人{n}", due_date=TODAY + timedelta(days=n) if n else None)
                      for n in range(4)])
    src = FollowUpListSource(services, today=TODAY)
    for col in src.columns:
        for desc in (False, True):
            assert sorted(src.ids(ListQuery(sort_key=col.key, descending=desc))) == sorted(made), col.key
    # empty due dates stay last whichever way the column is sorted
    assert src.ids(ListQuery(sort_key="due_date"))[-1] == made[0]
    assert src.ids(ListQuery(sort_key="due_date", descending=True))[-1] == made[0]


def test_followups_of_a_deleted_visit_leave_the_list(services, setup):
    visits, visit = setup
    vid, (fid,) = visit(FollowUpDraft("甲"))
    visits.delete(vid)
    assert FollowUpListSource(services, today=TODAY).ids(ListQuery()) == []
    with pytest.raises(UserError):
        FollowUpService(services, today=TODAY).get(fid)


def test_add_to_a_saved_visit(services, setup):
    _, visit = setup
    vid, _ = visit()
    service = FollowUpService(services, today=TODAY)
    fid = service.add(vid, FollowUpDraft("回訪", due_date=TODAY + timedelta(days=14)))
    assert service.visit_id_of(fid) == vid
    assert FollowUpListSource(services, today=TODAY).ids(ListQuery(search="回訪")) == [fid]


def test_a_followup_is_neither_due_nor_followed_up_before_its_visit(services, setup):
    """A follow-up arises from its visit: due or closed before the visit's date is refused, naming both dates
    (else November's report counts the closing of a follow-up of a December visit)."""
    visits, visit = setup
    visit_date = TODAY - timedelta(days=10)  # 2026-11-16
    with pytest.raises(ValidationError) as err:
        visit(FollowUpDraft("寄送簡章", due_date=date(2026, 11, 1)), visit_date=visit_date)
    assert err.value.problems[0].field == "followups.0.due_date"
    assert "期限 115/11/01 早於訪視日期 115/11/16" in str(err.value)
    vid, (fid,) = visit(FollowUpDraft("寄送簡章", due_date=visit_date), visit_date=visit_date)  # due that day: fine
    service = FollowUpService(services, today=TODAY)
    with pytest.raises(ValidationError, match="追蹤日期 115/11/15 早於訪視日期 115/11/16"):
        service.close(fid, date(2026, 11, 15), "已寄出")
    with pytest.raises(ValidationError, match="早於訪視日期"):
        service.add(vid, FollowUpDraft("再聯絡", due_date=date(2026, 11, 2)))
    with pytest.raises(ValidationError, match="早於訪視日期"):
        service.update(fid, FollowUpDraft("寄送簡章", due_date=date(2026, 11, 2)))
    assert service.get(fid).status == "open" and service.get(fid).due_date == visit_date
    service.close(fid, visit_date, "已寄出")
    assert service.get(fid).status == "closed"
    data = visits.get(vid)  # the visit moved after its follow-ups: refused by the visit's own save
    data.visit_date = TODAY
    with pytest.raises(ValidationError, match="早於訪視日期 115/11/26"):
        visits.save(data)

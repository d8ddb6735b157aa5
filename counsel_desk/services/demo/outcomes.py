"""Demo outcomes (成果紀錄), youth teams of the award programmes and training events (培力課程, 成果展, 媒合會, 工作坊).

Kept apart from the rest of the demo (issue 17): a few dated outcomes per running workstation over
the 24 months, three youth teams with members (one with a member outside the age range, so the
warning shows) linked to support records, and a handful of training and showcase events.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from counsel_desk.models.enums import OutcomeKind
from counsel_desk.services.demo.context import Ctx, Town
from counsel_desk.services.demo.visits import Station

AGENCIES = (("農業部", "農村再生計畫"), ("經濟部", "地方產業創新研發推動計畫"), ("文化部", "社區營造及村落文化發展計畫"),
            ("教育部", "大學社會責任實踐計畫"), ("客家委員會", "客庄創生環境營造計畫"))
COMPANIES = ("臺灣好行旅股份有限公司", "永續綠能股份有限公司", "山海物產股份有限公司", "在地金融合作社")
TEAM_WORDS = ("青年共創隊", "返鄉工作室", "地方設計所", "小農合作隊", "山海實驗室")
THEMES = ("山城慢旅廊道", "海岸永續廊道", "茶香文化廊道", "原鄉部落廊道", "客庄浪漫廊道")
AWARDS = (("獎勵青年投入地方創生行動計畫", 350_000), ("地方創生利他行動168", 680_000))
SURNAMES = "陳林黃張李王吳劉蔡楊"
GIVEN = ("宜蓁", "冠廷", "怡君", "承恩", "雅婷", "柏翰", "佳穎", "家豪")
EVENTS = (("training", "{town}地方創生青年培力課程"), ("training", "{town}在地品牌經營培力班"),
          ("training", "{town}社群行銷實作課程"), ("showcase", "{county}地方創生成果展"),
          ("matchmaking", "{county}地方創生資源媒合會"), ("workshop", "{town}地方 DNA 盤點工作坊"))


def build_outcomes(ctx: Ctx, stations: list[Station]) -> None:
    rng = ctx.rng("outcomes")
    running = [s for s in stations if s.status != "applying" and s.term_start is not None]

    def outcome(day: date, kind: OutcomeKind, *, people: int = 0, amount: int = 0, station: Station | None = None,
                team: str | None = None, town: Town | None = None, **extra: Any) -> None:
        if town is None:
            assert station is not None
            town = station.town
        row = ctx.add("outcome", {
            **ctx.synced(ctx.new_id(), ctx.stamp(day, rng)), "center_code": ctx.center, "outcome_date": day,
            "kind": kind.value, "people": people, "amount": amount,
            "registered": extra.get("registered"), "agency": extra.get("agency", ""),
            "programme": extra.get("programme", ""), "company": extra.get("company", ""),
            "workstation_id": station.id if station else None, "proposal_id": None, "youth_team_id": team,
            "county_code": town.county_code, "township_code": town.code, "note": extra.get("note", "")})
        ctx.index("outcome", row["id"], row["note"], row["agency"], row["programme"], row["company"],
                  f"{town.county} {town.name}", station.name if station else "")

    for s in running:
        assert s.term_start is not None
        lo = max(s.term_start, ctx.start)
        hi = min(s.term_end or ctx.today, ctx.today)
        if hi < lo:
            continue
        for _ in range(2 + int(rng.random() * 4)):
            day = ctx.day_between(rng, lo, hi)
            kind = rng.choice((OutcomeKind.YOUTH_STAYED, OutcomeKind.YOUTH_RETURNED))
            outcome(day, kind, people=1 + int(rng.random() * 3), station=s, registered=rng.random() < 0.6)
        outcome(ctx.day_between(rng, lo, hi), OutcomeKind.JOBS, people=1 + int(rng.random() * 4), station=s)
        outcome(ctx.day_between(rng, lo, hi), OutcomeKind.VISITORS, people=200 + int(rng.random() * 3000), station=s)
        outcome(ctx.day_between(rng, lo, hi), OutcomeKind.REVENUE, amount=50_000 + 1000 * int(rng.random() * 900),
                station=s)
        if rng.random() < 0.5:
            agency, programme = rng.choice(AGENCIES)
            outcome(ctx.day_between(rng, lo, hi), OutcomeKind.RESOURCE_MATCHING,
                    amount=100_000 * (1 + int(rng.random() * 20)), station=s, agency=agency, programme=programme)
        if rng.random() < 0.3:
            kind = rng.choice((OutcomeKind.CORPORATE_INVESTMENT, OutcomeKind.CORPORATE_CSR))
            outcome(ctx.day_between(rng, lo, hi), kind, amount=100_000 * (1 + int(rng.random() * 10)), station=s,
                    company=rng.choice(COMPANIES))

    supports = [r for r in ctx.rows.get("support_record", [])]
    counselors = sorted({r["counselor_id"] for r in ctx.rows.get("support_counselor", [])})
    for i in range(3):
        town = rng.choice(ctx.towns)
        programme, cap = AWARDS[i % 2]
        tid = ctx.new_id()
        year = ctx.roc_year - (1 if i == 0 else 0)
        created = ctx.stamp(ctx.today - timedelta(days=200 - 40 * i), rng)
        name = f"{town.short}{TEAM_WORDS[i % len(TEAM_WORDS)]}"
        ctx.add("youth_team", {
            **ctx.synced(tid, created), "center_code": ctx.center, "name": name, "programme": programme,
            "roc_year": year, "award": cap - 10_000 * int(rng.random() * 10), "themes": rng.choice(THEMES),
            "county_code": town.county_code, "township_code": town.code, "workstation_id": None,
            "notes": f"{town.name}在地青年團隊，本中心提供提案諮詢與資源媒合。"})
        team_row = ctx.rows["youth_team"][-1]
        ctx.index("youth_team", tid, name, programme, team_row["themes"], team_row["notes"], f"{town.county} {town.name}")
        for n in range(3 + int(rng.random() * 3)):
            birth = ctx.today.year - (24 + int(rng.random() * 18))
            if i == 1 and n == 0:  # a team of 利他行動168
                birth = ctx.today.year - 52  # outside 22–45: the eligibility warning shows
            ctx.add("youth_team_member", {
                **ctx.synced(ctx.new_id(), created), "team_id": tid,
                "name": rng.choice(SURNAMES) + rng.choice(GIVEN), "birth_year": birth,
                "role": "隊長" if n == 0 else "隊員"})
        for r in rng.sample(supports, min(len(supports), 2)):
            ctx.add("youth_team_support", {"team_id": tid, "support_id": r["id"]})
        if i == 2 and counselors:  # a team without a workstation that the center counsels itself
            for support_kind, topics in (("consultation", "獎勵計畫提案諮詢"), ("matching", "地方資源與通路媒合")):
                rid = ctx.new_id()
                day = ctx.day_between(rng, max(ctx.start, ctx.today - timedelta(days=120)), ctx.today)
                ctx.add("support_record", {
                    **ctx.synced(rid, ctx.stamp(day, rng)), "center_code": ctx.center, "workstation_id": None,
                    "support_date": day, "kind": support_kind, "hours": 2.0, "participants": 3 + int(rng.random() * 4),
                    "topics": f"{name}：{topics}", "outcome": "團隊確認下一步工作與分工", "visit_id": None,
                    "proposal_id": None})
                ctx.add("support_counselor", {"support_id": rid, "counselor_id": rng.choice(counselors)})
                ctx.add("youth_team_support", {"team_id": tid, "support_id": rid})
                ctx.index("support_record", rid, name, topics)
        day = ctx.day_between(rng, max(ctx.start, ctx.today - timedelta(days=150)), ctx.today)
        outcome(day, OutcomeKind.YOUTH_RETURNED, people=2, team=tid, town=town, registered=True)
        outcome(day, OutcomeKind.VISITORS, people=300 + int(rng.random() * 500), team=tid, town=town)

    # the first training course is held in an indigenous township where the center has one (部落培力)
    indigenous = [t for t in ctx.towns if t.indigenous]
    for n, (event_kind, pattern) in enumerate(EVENTS):
        town = rng.choice(indigenous) if n == 0 and indigenous else rng.choice(ctx.towns)
        day = ctx.recent_day(rng)
        trainees = 15 + int(rng.random() * 25) if event_kind == "training" else 0
        eid = ctx.new_id()
        title = pattern.format(town=town.name, county=town.county)
        ctx.add("center_event", {
            **ctx.synced(eid, ctx.stamp(day, rng)), "center_code": ctx.center, "event_date": day, "title": title,
            "place": f"{town.county}{town.name}", "county_code": town.county_code, "township_code": town.code,
            "kind": event_kind, "partners": "",
            "participants": trainees or 40 + int(rng.random() * 160), "record": "",
            "hours": float(6 + 3 * int(rng.random() * 5)) if event_kind in ("training", "workshop") else 0.0,
            "trainees": trainees, "completed": int(trainees * (0.7 + rng.random() * 0.3))})
        ctx.index("center_event", eid, title)

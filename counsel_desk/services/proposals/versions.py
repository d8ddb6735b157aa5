"""Versions of a draft: the snapshots kept at each stage move, and comparing any two of them.

A comparison lists every field (applicant, sections, funding, scores) with its old and new value;
section texts and comments also carry :class:`Segment` runs from :mod:`difflib` marking what was
inserted and deleted, so the UI can colour them side by side. The current draft can be compared too
(version id :data:`CURRENT`).
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import select

from counsel_desk.errors import UserError
from counsel_desk.i18n import pick
from counsel_desk.models import Proposal, StageChange, WorkItem
from counsel_desk.models.enums import Criterion, OrgKind, Route, SectionKey, Stage
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.formatting import ntd
from counsel_desk.services.proposals.display import when_text
from counsel_desk.services.proposals.drafts import live
from counsel_desk.services.proposals.workflow import snapshot_of

CURRENT = "current"


@dataclass(frozen=True)
class Version:
    id: str  # the StageChange id, or CURRENT
    number: int  # 1 = as created
    at: datetime | None  # UTC
    who: str
    from_stage: str
    to_stage: str
    comment: str

    @property
    def label(self) -> str:
        if self.id == CURRENT:
            return pick("目前草稿（尚未存成版本）", "Current draft (not a version yet)")
        move = Stage.label_of(self.to_stage) if not self.from_stage else \
            f"{Stage.label_of(self.from_stage)} → {Stage.label_of(self.to_stage)}"
        return f"v{self.number}　{when_text(self.at)}　{move}　{self.who}".rstrip()


@dataclass(frozen=True)
class Segment:
    op: str  # "equal", "delete" (only in the old text) or "insert" (only in the new text)
    text: str


@dataclass
class FieldDiff:
    key: str
    group: str  # "basic", "applicant", "section", "funding", "score"
    label_zh: str
    label_en: str
    old: str
    new: str
    segments: list[Segment] | None = None  # for long texts: the marked differences

    @property
    def changed(self) -> bool:
        return self.old != self.new

    @property
    def label(self) -> str:
        return pick(self.label_zh, self.label_en)


@dataclass
class Comparison:
    a: Version
    b: Version
    fields: list[FieldDiff] = field(default_factory=list)

    @property
    def changes(self) -> list[FieldDiff]:
        return [f for f in self.fields if f.changed]


def diff_segments(old: str, new: str) -> list[Segment]:
    """Character runs (Chinese has no spaces to split on) marked equal / delete / insert."""
    out: list[Segment] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(Segment("equal", old[i1:i2]))
            continue
        if op in ("delete", "replace"):
            out.append(Segment("delete", old[i1:i2]))
        if op in ("insert", "replace"):
            out.append(Segment("insert", new[j1:j2]))
    return out


def list_versions(ctx: ServiceContext, proposal_id: str, *, include_current: bool = True) -> list[Version]:
    """Snapshots oldest first (v1 = as created), then the current draft."""
    with ctx.session_factory() as s:
        rows = s.exec(select(StageChange).where(StageChange.proposal_id == proposal_id,
                                                StageChange.deleted_at.is_(None),  # type: ignore[union-attr]
                                                StageChange.snapshot_json != "")
                      .order_by(StageChange.changed_at, StageChange.created_at)).all()  # type: ignore[arg-type]
        versions = [Version(r.id, n, r.changed_at, r.updated_by, r.from_stage, r.to_stage, r.comment)
                    for n, r in enumerate(rows, start=1)]
    if include_current:
        versions.append(Version(CURRENT, len(versions) + 1, None, "", "", "", ""))
    return versions


def load_snapshot(ctx: ServiceContext, proposal_id: str, version_id: str) -> dict:
    with ctx.session_factory() as s:
        if version_id == CURRENT:
            return snapshot_of(s, live(s, Proposal, proposal_id, "提案", "proposal"))
        change = s.get(StageChange, version_id)
        if change is None or change.proposal_id != proposal_id or not change.snapshot_json:
            raise UserError("找不到這個版本。", "Version not found.")
        return json.loads(change.snapshot_json)


def _work_item_labels(ctx: ServiceContext) -> dict[str, str]:
    with ctx.session_factory() as s:
        return {w.code: f"{w.agency}｜{w.name}" for w in s.exec(select(WorkItem).order_by(WorkItem.sort_order))}


def _money(value) -> str:
    return ntd(value) if value not in (None, "") else ""


def _text_field(key: str, group: str, zh: str, en: str, old: str, new: str) -> FieldDiff:
    return FieldDiff(key, group, zh, en, old, new, diff_segments(old, new))


def compare_snapshots(a: dict, b: dict, work_items: dict[str, str]) -> list[FieldDiff]:
    """Every field of two snapshots, in the editor's order."""
    out = [_text_field("title", "basic", "提案名稱", "Title", a.get("title", ""), b.get("title", "")),
           FieldDiff("stage", "basic", "階段", "Stage", Stage.label_of(a.get("stage")), Stage.label_of(b.get("stage")))]
    aa, ba = a.get("applicant", {}), b.get("applicant", {})
    applicant_fields = [
        ("applicant_type", "申請單位類型", "Applicant type", lambda d: OrgKind.label_of(d.get("applicant_type"))),
        ("organization", "申請單位", "Organisation", lambda d: d.get("organization", "")),
        ("place", "縣市鄉鎮", "County and township", lambda d: f"{d.get('county', '')}{d.get('township', '')}"),
        ("route", "提案路徑", "Route", lambda d: Route.label_of(d.get("route"))),
        ("workstation", "協助工作站", "Assisting workstation", lambda d: d.get("workstation", "")),
        ("counselor", "輔導員", "Counselor", lambda d: d.get("counselor", "")),
        ("plan", "所屬計畫", "Plan", lambda d: d.get("plan", "")),
        ("contacts", "聯絡人", "Contacts", lambda d: "、".join(d.get("contacts", []))),
    ]
    out += [FieldDiff(f"applicant:{k}", "applicant", zh, en, get(aa), get(ba)) for k, zh, en, get in applicant_fields]
    asec, bsec = a.get("sections", {}), b.get("sections", {})
    out += [_text_field(f"section:{k.value}", "section", k.zh, k.en, asec.get(k.value, ""), bsec.get(k.value, ""))
            for k in SectionKey]
    af, bf = a.get("funding", {}), b.get("funding", {})
    amounts_a = {(l["work_item"], l["roc_year"]): l["amount"] for l in af.get("lines", [])}
    amounts_b = {(l["work_item"], l["roc_year"]): l["amount"] for l in bf.get("lines", [])}
    order = list(work_items)
    for code, year in sorted(set(amounts_a) | set(amounts_b),
                             key=lambda k: (k[1], order.index(k[0]) if k[0] in order else 99)):
        name = work_items.get(code, code)
        out.append(FieldDiff(f"funding:{code}:{year}", "funding", f"{name}（{year} 年）", f"{name} ({year})",
                             _money(amounts_a.get((code, year))), _money(amounts_b.get((code, year)))))
    req_a, req_b = sum(amounts_a.values()), sum(amounts_b.values())
    self_a, self_b = af.get("self_funding", 0), bf.get("self_funding", 0)
    match_a, match_b = af.get("matching_funds", 0), bf.get("matching_funds", 0)
    out += [FieldDiff("funding:requested", "funding", "申請補助合計", "Requested total", ntd(req_a), ntd(req_b)),
            FieldDiff("funding:self", "funding", "自籌款", "Self-funding", ntd(self_a), ntd(self_b)),
            FieldDiff("funding:matching", "funding", "配合款", "Matching funds", ntd(match_a), ntd(match_b)),
            FieldDiff("funding:project", "funding", "總經費", "Total cost", ntd(req_a + self_a + match_a),
                      ntd(req_b + self_b + match_b))]
    asc, bsc = a.get("scores", {}), b.get("scores", {})
    for c in Criterion:
        sa, sb = asc.get(c.value, {}), bsc.get(c.value, {})
        out.append(FieldDiff(f"score:{c.value}", "score", f"{c.zh}分數", f"{c.en} score",
                             f"{sa['score']} 分" if sa else "", f"{sb['score']} 分" if sb else ""))
        out.append(_text_field(f"score_comment:{c.value}", "score", f"{c.zh}評語", f"{c.en} comment",
                               sa.get("comment", ""), sb.get("comment", "")))
    return out


def compare_versions(ctx: ServiceContext, proposal_id: str, a_id: str, b_id: str) -> Comparison:
    """Compare two versions (older one usually ``a``) of a proposal field by field."""
    versions = {v.id: v for v in list_versions(ctx, proposal_id)}
    if a_id not in versions or b_id not in versions:
        raise UserError("找不到要比較的版本。", "Version not found.")
    a, b = load_snapshot(ctx, proposal_id, a_id), load_snapshot(ctx, proposal_id, b_id)
    return Comparison(versions[a_id], versions[b_id], compare_snapshots(a, b, _work_item_labels(ctx)))

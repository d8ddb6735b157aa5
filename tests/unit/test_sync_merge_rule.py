"""The merge rule on its own: any order of the same versions ends in the same kept set and shown version."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from counsel_desk.sync import clock as clocks
from counsel_desk.sync.merge import Variant, merge, pick_winner, resolved_clock

DEVICES = ["aaaaaaaaaaaa", "bbbbbbbbbbbb", "cccccccccccc"]


def variant(clock: dict, content: str, deleted: bool = False, at: str = "2026-11-26 00:00:00.000000") -> Variant:
    return Variant(clock=clock, hash=content, phash=content, deleted=deleted, updated_at=at, values={"c": content})


@st.composite
def histories(draw):
    """Versions of one record made by three devices that sometimes saw each other's work."""
    versions = [variant({DEVICES[0]: 1}, "start")]
    for _ in range(draw(st.integers(1, 7))):
        parent = versions[draw(st.integers(0, len(versions) - 1))]
        also = versions[draw(st.integers(0, len(versions) - 1))] if draw(st.booleans()) else parent
        device = draw(st.sampled_from(DEVICES))
        clock = clocks.bump(clocks.join(parent.clock, also.clock), device)
        if any(v.clock == clock for v in versions):
            continue
        versions.append(variant(clock, draw(st.sampled_from(["甲", "乙", "丙", "start"])), draw(st.booleans()),
                                f"2026-11-{draw(st.integers(1, 28)):02d} 00:00:00.000000"))
    return versions


def fold(versions: list[Variant]) -> tuple:
    kept = [versions[0]]
    for v in versions[1:]:
        outcome = merge(kept, v)
        if outcome.variants:
            kept = outcome.variants
    shown = kept[0]
    return (clocks.format(shown.clock), shown.hash), frozenset((clocks.format(v.clock), v.hash) for v in kept)


@settings(max_examples=300, deadline=None)
@given(history=histories(), seed=st.integers(0, 10 ** 6))
def test_any_order_gives_the_same_kept_versions_and_the_same_shown_one(history, seed):
    first = history[:1]
    rest = history[1:]
    shuffled = rest[:]
    random.Random(seed).shuffle(shuffled)
    assert fold(first + rest) == fold(first + shuffled)
    # and twice the same file changes nothing
    assert fold(first + rest + rest) == fold(first + rest)


@settings(max_examples=200, deadline=None)
@given(history=histories())
def test_kept_versions_are_exactly_the_newest_ones(history):
    _shown, kept = fold(history)
    newest = {(clocks.format(v.clock), v.hash) for v in history
              if not any(clocks.dominates(o.clock, v.clock) for o in history)}
    assert kept == newest


def test_a_stale_copy_never_revives_a_deleted_record():
    alive = variant({DEVICES[0]: 1}, "a")
    gone = variant({DEVICES[0]: 1, DEVICES[1]: 1}, "a-deleted", deleted=True)
    assert merge([gone], alive).kind == "unchanged"
    assert merge([alive], gone).winner is gone


def test_concurrent_edit_and_delete_keep_both_and_show_the_deletion():
    base = {DEVICES[0]: 1}
    edit = variant(clocks.bump(base, DEVICES[1]), "edited", at="2026-11-27 00:00:00.000000")
    gone = variant(clocks.bump(base, DEVICES[2]), "deleted", deleted=True, at="2026-11-01 00:00:00.000000")
    outcome = merge([edit], gone)
    assert outcome.kind == "conflict" and outcome.open
    assert outcome.winner is gone and outcome.variants[1] is edit


def test_same_change_on_two_sides_is_no_conflict():
    base = {DEVICES[0]: 1}
    a = variant(clocks.bump(base, DEVICES[1]), "same")
    b = variant(clocks.bump(base, DEVICES[2]), "same")
    outcome = merge([a], b)
    # both kept (so any order of files ends alike), as twins: nothing open for a person
    assert outcome.kind == "unchanged" and not outcome.open and len(outcome.variants) == 2


def test_a_resolution_replaces_every_version_it_decided_between():
    a = variant({DEVICES[0]: 2}, "a")
    b = variant({DEVICES[0]: 1, DEVICES[1]: 1}, "b")
    decided = variant(resolved_clock([a, b], DEVICES[2]), "c")
    outcome = merge([a, b], decided)
    assert outcome.kind == "updated" and outcome.variants == [decided]


def test_tie_break_prefers_deletion_then_later_change():
    early = variant({DEVICES[0]: 1}, "x", at="2026-01-01 00:00:00.000000")
    late = variant({DEVICES[1]: 1}, "y", at="2026-02-01 00:00:00.000000")
    gone = variant({DEVICES[2]: 1}, "z", deleted=True, at="2025-01-01 00:00:00.000000")
    assert pick_winner([early, late])[0] is late
    assert pick_winner([early, late, gone])[0] is gone


def test_withheld_personal_fields_are_filled_by_the_same_version_unmasked():
    masked = Variant({DEVICES[0]: 1}, "", "public", False, "t", withheld=True)
    full = Variant({DEVICES[0]: 1}, "full", "public", False, "t")
    assert merge([masked], full).kind == "updated"
    assert merge([full], masked).kind == "unchanged"

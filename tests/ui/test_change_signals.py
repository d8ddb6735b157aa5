"""Saves announce what they changed from one place: the service declares it, AppContext.run emits it.

A page never emits ``visits_changed`` & co. by hand (a caller could forget one); it runs the service's
write through ``ctx.run``, which emits the signals of the kinds the write declares (``services.changes``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import counsel_desk
from counsel_desk.services.changes import Kind, changed_by, changes

UI = Path(counsel_desk.__file__).parent / "ui"
HAND_EMIT = re.compile(r"\.(" + "|".join(k.value for k in Kind) + r")_changed\.emit\(")


# ctx.apply(kinds) is for changes made elsewhere (the server's, read by live_refresh), not for a save here
HAND_APPLY = re.compile(r"ctx\.apply\(")


def test_no_page_emits_a_change_signal_by_hand():
    found = [f"{path.relative_to(UI)}:{n}: {line.strip()}"
             for path in sorted(UI.rglob("*.py")) if path.name not in ("context.py", "live_refresh.py")
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if HAND_EMIT.search(line) or HAND_APPLY.search(line)]
    assert not found, "run the write through ctx.run(service_fn, …) instead:\n" + "\n".join(found)


def test_run_emits_what_the_write_declares_once_each(qtbot, app_context):
    @changes(Kind.VISITS, Kind.FOLLOWUPS)
    def save(x: int) -> int:
        return x + 1

    seen: list[str] = []
    for kind in Kind:
        getattr(app_context, f"{kind.value}_changed").connect(lambda k=kind.value: seen.append(k))
    assert app_context.run(save, 1) == 2
    assert seen == ["visits", "followups"] and changed_by(save) == {Kind.VISITS, Kind.FOLLOWUPS}

    seen.clear()
    app_context.announce_everything_changed()  # an import or a restore: every list, each once
    assert sorted(seen) == sorted(k.value for k in Kind)


def test_a_write_that_declares_nothing_is_refused_before_it_runs(app_context):
    ran: list[int] = []
    with pytest.raises(TypeError, match="declares no @changes"):
        app_context.run(lambda: ran.append(1))
    assert not ran


def test_the_services_the_pages_run_declare_what_they_change():
    """Each ``ctx.run(module.fn, …)`` in ui/ names a write that is marked (else it would raise when used)."""
    import importlib

    call = re.compile(r"ctx\.run\((\w+)\.(\w+),")
    aliases = re.compile(r"^from (counsel_desk\.[\w.]+) import (\w+) as (\w+)$|^from (counsel_desk\.[\w.]+) import (\w+)$", re.M)
    checked = 0
    for path in sorted(UI.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        names: dict[str, str] = {}
        for m in aliases.finditer(source):
            if m.group(1):
                names[m.group(3)] = f"{m.group(1)}.{m.group(2)}"
            else:
                names[m.group(5)] = f"{m.group(4)}.{m.group(5)}"
        for m in call.finditer(source):
            if m.group(1) not in names:
                continue  # self.service.save and the like: covered by the pages' own tests
            target = names[m.group(1)]
            try:
                holder = importlib.import_module(target)
            except ModuleNotFoundError:
                module, _, attr = target.rpartition(".")
                holder = getattr(importlib.import_module(module), attr)
            assert changed_by(getattr(holder, m.group(2))), f"{path.name}: {target}.{m.group(2)} is not marked"
            checked += 1
    assert checked > 20


def test_no_page_calls_a_marked_write_around_ctx_run():
    """A write that declares what it changes is called through ``ctx.run`` (which sends its signals), never
    straight: ``ps.move_proposal(svc, …)`` followed by a hand ``ctx.apply`` is how proposals once escaped."""
    import importlib

    aliases = re.compile(r"^from (counsel_desk\.[\w.]+) import (\w+) as (\w+)$|^from (counsel_desk\.[\w.]+) import (\w+)$", re.M)
    found, checked = [], 0
    for path in sorted(UI.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for m in aliases.finditer(source):
            module, attr, alias = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(5))
            try:
                holder = importlib.import_module(f"{module}.{attr}")
            except ModuleNotFoundError:
                continue  # a class or function imported by name: its methods are the pages' own tests' to hold
            for call in re.finditer(rf"\b{alias}\.(\w+)\b(\()?", source):
                if not changed_by(getattr(holder, call.group(1), None)):
                    continue
                checked += 1
                if call.group(2):  # called here, not handed to ctx.run
                    line = source.count("\n", 0, call.start()) + 1
                    found.append(f"{path.relative_to(UI)}:{line}: {alias}.{call.group(1)}(…)")
    assert not found, "call these through ctx.run(fn, …):\n" + "\n".join(found)
    assert checked > 20

"""Every action and kind of record the code writes to the audit log has a name in both languages: the
audit page showed the code (“interchange”, “center_split”) where the others read “Site visit”, “Created”."""

from __future__ import annotations

import ast
from pathlib import Path

from counsel_desk.services.safety.audit_log import ACTIONS, ENTITIES

ROOT = Path(__file__).resolve().parents[2] / "counsel_desk"


def written() -> tuple[set[str], set[str]]:
    """(actions, entities) given as literals to audit.record / record_many, and entities given as ``ENTITY``."""
    actions: set[str] = set()
    entities: set[str] = set()
    for path in ROOT.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") in ("record", "record_many"):
                words = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None
                         for a in node.args[2:4]]
                if len(words) == 2 and None not in words:
                    actions.add(str(words[0]))
                    entities.add(str(words[1]))
            elif (isinstance(node, ast.Assign) and [getattr(t, "id", "") for t in node.targets] == ["ENTITY"]
                  and isinstance(node.value, ast.Constant)):
                entities.add(str(node.value.value))
    return actions, entities


def test_every_action_and_record_written_to_the_audit_log_has_a_name():
    actions, entities = written()
    assert "interchange" in entities and "site_visit" in entities, "the scan finds what the code writes"
    assert sorted(actions - set(ACTIONS)) == []
    assert sorted(entities - set(ENTITIES)) == []
    for zh, en in [*ACTIONS.values(), *ENTITIES.values()]:
        assert zh and en and zh != en

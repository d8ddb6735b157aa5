"""Layers point down: every import in counsel_desk/ goes to a lower layer, no modules import each other
in a circle, and no module below ui/ imports QtWidgets or QtGui (checked with no QApplication).

The import rules are read from the source (ast), so they also see imports inside functions — an
import moved into a function to dodge a circle is still a circle. Imports under ``if TYPE_CHECKING:``
are for the type checker only and are not counted.
"""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import counsel_desk

PACKAGE = Path(counsel_desk.__file__).parent

# Lowest first. A module may import its own area and any area of a lower layer; areas on the same
# line are side by side and may not import each other. "counsel_desk" is the package's __init__.
LAYERS: list[tuple[str, ...]] = [
    ("counsel_desk", "paths"),  # the app's name and version; where files live
    ("i18n",),                  # pick(zh, en): the language of non-Qt text
    ("errors",),                # UserError and the error kinds every layer raises
    ("models",),                # tables and enums
    ("store",),                 # engine, migrations, search index, audit log, reference data
    ("services",),              # domain operations
    ("sync", "reports"),        # the interchange workbook; report figures and files
    ("ui",),                    # Qt widgets, only here
    ("app",),                   # QApplication start-up
    ("cli",),                   # the counsel-desk command (its `gui` subcommand starts the app)
    ("__main__",),
]
RANK = {area: n for n, names in enumerate(LAYERS) for area in names}

# Circles being taken apart elsewhere, each with who does it; delete the entry when it lands.
BEING_UNTANGLED: dict[frozenset[str], str] = {}

BELOW_UI = ("models", "store", "services", "reports", "sync", "i18n", "cli", "errors", "paths")


def module_files() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def area_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(n) for n in ast.walk(node))
    return skip


def imports_of(module: str, path: Path, known: dict[str, Path]) -> dict[str, int]:
    """The app's own modules that ``module`` imports, each with the line of its first import."""

    def resolve(name: str) -> str | None:
        while name and name not in known:
            name = name.rpartition(".")[0]
        return name or None

    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    skip = _type_checking_nodes(tree)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: dict[str, int] = {}

    def add(target: str | None, line: int) -> None:
        if target and target != module:
            found.setdefault(target, line)

    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "counsel_desk":
                    add(resolve(alias.name), node.lineno)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            if source.split(".")[0] != "counsel_desk":
                continue
            for alias in node.names:
                full = f"{source}.{alias.name}"
                add(full if full in known else resolve(source), node.lineno)
    return found


def import_graph() -> dict[str, dict[str, int]]:
    known = module_files()
    return {module: imports_of(module, path, known) for module, path in sorted(known.items())}


def upward_imports(graph: dict[str, dict[str, int]]) -> list[str]:
    bad = []
    for module, targets in graph.items():
        here = area_of(module)
        for target, line in sorted(targets.items()):
            there = area_of(target)
            if there != here and RANK[there] >= RANK[here]:
                bad.append(f"{module}:{line} imports {target} ({here} may not import {there})")
    return bad


def circles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """Strongly connected groups of modules (Tarjan), each a circle of imports."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, {}):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for v in graph:
        if v not in index:
            visit(v)
    return found


def test_every_area_has_a_layer():
    areas = {area_of(m) for m in module_files()}
    assert areas - set(RANK) == set(), "add the new area to LAYERS"
    assert {"models", "store", "services", "sync", "reports", "ui", "app", "cli"} <= areas


def test_no_upward_import():
    bad = upward_imports(import_graph())
    assert bad == [], "imports that point up:\n" + "\n".join(bad)


def test_no_circle_of_imports():
    found = [c for c in circles(import_graph()) if frozenset(c) not in BEING_UNTANGLED]
    assert found == [], "modules importing each other in a circle:\n" + "\n".join(" ↔ ".join(c) for c in found)


def test_the_rules_catch_what_they_are_for():
    graph: dict[str, dict[str, int]] = defaultdict(dict)
    graph["counsel_desk.services.a"] = {"counsel_desk.reports.b": 3, "counsel_desk.models.m": 4}
    graph["counsel_desk.reports.b"] = {"counsel_desk.services.a": 7}
    graph["counsel_desk.sync.c"] = {"counsel_desk.reports.b": 9}
    assert upward_imports(graph) == [
        "counsel_desk.services.a:3 imports counsel_desk.reports.b (services may not import reports)",
        "counsel_desk.sync.c:9 imports counsel_desk.reports.b (sync may not import reports)",
    ]
    assert circles(graph) == [["counsel_desk.reports.b", "counsel_desk.services.a"]]


def test_imports_inside_functions_count(tmp_path):
    src = tmp_path / "m.py"
    src.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from counsel_desk.ui import x\n"
                   "def f():\n    from counsel_desk.app import main\n    from . import sibling\n")
    known = {"counsel_desk.ui": src, "counsel_desk.app": src, "counsel_desk.services.sibling": src}
    assert imports_of("counsel_desk.services.m", src, known) == {
        "counsel_desk.app": 5, "counsel_desk.services.sibling": 6}


def non_ui_modules() -> list[str]:
    out = []
    for info in pkgutil.walk_packages(counsel_desk.__path__, "counsel_desk."):
        name = info.name
        parts = name.split(".")
        if len(parts) > 1 and parts[1] in BELOW_UI and "migrations" not in parts:
            out.append(name)
    return sorted(out)


def test_there_are_modules_to_check():
    mods = non_ui_modules()
    assert "counsel_desk.store.database" in mods and "counsel_desk.models.visits" in mods


def test_no_qt_gui_below_ui():
    code = (
        "import importlib, sys\n"
        f"mods = {non_ui_modules()!r}\n"
        "bad = []\n"
        "for m in mods:\n"
        "    importlib.import_module(m)\n"
        "leaked = [k for k in sys.modules if k.startswith(('PySide6.QtWidgets', 'PySide6.QtGui'))]\n"
        "print('LEAKED', leaked)\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "assert QCoreApplication.instance() is None\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "LEAKED []" in proc.stdout, proc.stdout


def services_area_graph(graph: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    """The imports between the parts of services/: each subpackage one node, each flat module one node."""

    def part(module: str) -> str | None:
        parts = module.split(".")
        return ".".join(parts[:3]) if len(parts) > 2 and parts[1] == "services" else None

    out: dict[str, dict[str, int]] = defaultdict(dict)
    for module, targets in graph.items():
        here = part(module)
        if here is None:
            continue
        out.setdefault(here, {})
        for target, line in targets.items():
            there = part(target)
            if there is not None and there != here:
                out[here].setdefault(there, line)
    return out


def test_no_circle_between_the_areas_of_services():
    made_up = {"counsel_desk.services.visits.visits": {"counsel_desk.services.places.places": 3},
               "counsel_desk.services.places.geo": {"counsel_desk.services.visits.followups": 5}}
    assert circles(services_area_graph(made_up)) == [["counsel_desk.services.places", "counsel_desk.services.visits"]]
    found = circles(services_area_graph(import_graph()))
    assert found == [], "parts of services/ importing each other in a circle:\n" + "\n".join(
        " ↔ ".join(c) for c in found)

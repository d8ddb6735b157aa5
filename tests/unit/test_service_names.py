"""One name for the service context in services/: a ``ServiceContext`` parameter is called ``ctx``."""

import ast
from pathlib import Path

import counsel_desk

SERVICES = Path(counsel_desk.__file__).parent / "services"


def context_parameters(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for arg in node.args.posonlyargs + node.args.args + node.args.kwonlyargs:
                if arg.annotation is not None and "ServiceContext" in ast.unparse(arg.annotation):
                    found.append((node.lineno, arg.arg))
    return found


def test_the_service_context_is_called_ctx():
    other = [f"{path.relative_to(SERVICES.parent)}:{line} calls it {name}"
             for path in sorted(SERVICES.rglob("*.py"))
             for line, name in context_parameters(ast.parse(path.read_text(encoding="utf-8")))
             if name != "ctx"]
    assert other == [], "a ServiceContext parameter not called ctx:\n" + "\n".join(other)


def test_the_rule_sees_a_differently_named_context():
    tree = ast.parse("def f(sc: ServiceContext, n: int) -> None: ...\ndef g(ctx: 'ServiceContext'): ...")
    assert context_parameters(tree) == [(1, "sc"), (2, "ctx")]

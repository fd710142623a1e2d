"""The house's shape holds: imports point down the floors, no module imports itself round a circle (not even through
an import inside a function or under TYPE_CHECKING), no module or function grows past what one reader takes in, and
no package's __init__.py holds code of its own."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "assistant"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def import_cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Groups of modules that import one another round a circle (Tarjan's strongly connected components)."""
    order: dict[str, int] = {}
    lowest: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(module: str) -> None:
        order[module] = lowest[module] = len(order)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in order:
                visit(imported)
                lowest[module] = min(lowest[module], lowest[imported])
            elif imported in on_stack:
                lowest[module] = min(lowest[module], order[imported])
        if lowest[module] == order[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in order:
            visit(module)
    return cycles


def test_the_layers_contract_is_kept():
    linter = Path(sys.executable).with_name("lint-imports")
    run = subprocess.run([str(linter)], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "0 broken" in run.stdout


def test_no_module_imports_itself_round_a_circle():
    graph = grimp.build_graph("assistant", exclude_type_checking_imports=True)
    assert import_cycles(graph) == []


def test_the_cycle_finder_sees_a_circle():
    graph = grimp.ImportGraph()
    for module in ("pkg.a", "pkg.b", "pkg.c"):
        graph.add_module(module)
    graph.add_import(importer="pkg.a", imported="pkg.b")
    graph.add_import(importer="pkg.b", imported="pkg.a")
    graph.add_import(importer="pkg.c", imported="pkg.a")
    assert import_cycles(graph) == [["pkg.a", "pkg.b"]]


def module_imports(root: Path = PACKAGE) -> dict[str, set[str]]:
    """Every module of the package and the package's modules it imports, read from the source: imports inside
    functions and under TYPE_CHECKING count too (a deferred import still ties the two modules together)."""
    names = {}
    for path in root.rglob("*.py"):
        parts = path.relative_to(root.parent).with_suffix("").parts
        names[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    graph = grimp.ImportGraph()
    for name in names:
        graph.add_module(name)

    def known(name: str) -> str | None:  # a module, or the module that defines the name imported
        while name and name not in names:
            name = name.rpartition(".")[0]
        return name or None

    for name, path in names.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported = [known(alias.name) for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")
                    base = ".".join(parts[: len(parts) - node.level + 1] + ([node.module] if node.module else []))
                imported = [known(f"{base}.{alias.name}") for alias in node.names]
            else:
                continue
            for module in imported:
                if module and module != name:
                    graph.add_import(importer=name, imported=module)
    return graph


def test_no_circle_even_through_deferred_or_type_checking_imports():
    assert import_cycles(module_imports()) == []


def test_the_source_reader_sees_deferred_and_type_checking_imports(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .b import B\n")
    (package / "b.py").write_text("def f():\n    from . import a\n    from .c import C\n")
    (package / "c.py").write_text("C = 1\n")
    assert import_cycles(module_imports(package)) == [["pkg.a", "pkg.b"]]


def _sources():
    return sorted(PACKAGE.rglob("*.py"))


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _is_data_table(function: ast.FunctionDef) -> bool:
    """A function that only returns (or registers) one literal: its length is the table's, not logic's."""
    body = [statement for statement in function.body if not (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant))]
    literals = (ast.Dict, ast.List, ast.Tuple, ast.Set)
    return len(body) == 1 and isinstance(body[0], ast.Return) and isinstance(body[0].value, literals)


@pytest.mark.parametrize("path", _sources(), ids=_name)
def test_no_module_is_over_four_hundred_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_MODULE_LINES


@pytest.mark.parametrize("path", _sources(), ids=_name)
def test_no_function_is_over_sixty_lines(path):
    functions = [node for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]
    long = {f"{function.name} ({function.end_lineno - function.lineno + 1} lines)" for function in functions
            if function.end_lineno - function.lineno + 1 > MAX_FUNCTION_LINES and not _is_data_table(function)}
    assert not long


def test_a_long_function_is_seen_and_a_long_table_is_not():
    long_code = "def f():\n" + "    x = 1\n" * 70
    table = "def g():\n    return {\n" + "        'a': 1,\n" * 70 + "    }\n"
    sizes = {function.name: _is_data_table(function) for function in ast.parse(long_code + table).body}
    assert sizes == {"f": False, "g": True}


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("__init__.py")), ids=_name)
def test_a_package_init_holds_no_code(path):
    """Only a docstring, imports (re-exports) and __all__: what a package does lives in its modules."""
    allowed = (ast.Import, ast.ImportFrom)
    for statement in ast.parse(path.read_text(encoding="utf-8")).body:
        docstring = isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)
        exported = isinstance(statement, ast.Assign) and [target.id for target in statement.targets if isinstance(target, ast.Name)] == ["__all__"]
        assert docstring or exported or isinstance(statement, allowed), f"line {statement.lineno}: {ast.dump(statement)[:80]}"

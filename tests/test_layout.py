"""The package reads as the pipeline: no import cycles, and docs/ARCHITECTURE.md names real code."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "veracity"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """Every veracity module `path` imports, at the top or inside a function."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, *([node.module] if node.module else [])])
            found |= {f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names}
    return {m for m in found if m in modules and m != name}


def _import_graph() -> dict[str, set[str]]:
    paths = list(PACKAGE.rglob("*.py"))
    modules = {_module_name(p) for p in paths}
    return {_module_name(p): _imports(p, modules) for p in paths}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_layout_no_module_imports_one_that_imports_it_back():
    assert _cycles(_import_graph()) == []


def test_layout_cycle_finder_sees_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_layout_pipeline_never_imports_the_test_data_generators():
    graph = _import_graph()
    users = {m for m, deps in graph.items() if any(d.startswith("veracity.synth") for d in deps)}
    assert {m for m in users if not m.startswith("veracity.synth")} == set()


def test_layout_every_package_opens_with_a_line_that_says_its_job():
    for init in PACKAGE.rglob("__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text()))
        assert doc and len(doc.splitlines()[0]) > 20, init


def test_layout_architecture_page_names_only_code_that_exists():
    page = (ROOT / "docs" / "ARCHITECTURE.md").read_text()
    for path in set(re.findall(r"`([a-z_/]+(?:\.py|\.toml|/))`", page)):
        assert (PACKAGE / path).exists() or (ROOT / path).exists(), path
    for dotted in set(re.findall(r"`((?:[a-z_]+\.)+[a-zA-Z_]+)(?:`|\()", page)):
        module, _, attr = dotted.rpartition(".")
        if attr in {"py", "toml", "md", "json"}:
            continue  # a file name, checked above
        candidates = [PACKAGE / Path(*dotted.split(".")), PACKAGE / Path(*module.split("."))]
        if (PACKAGE / (dotted.replace(".", "/") + ".py")).exists() or candidates[0].is_dir():
            continue
        source = PACKAGE / (module.replace(".", "/") + ".py")
        if not source.exists():
            source = PACKAGE / module.replace(".", "/") / "__init__.py"
        assert source.exists() and re.search(rf"\b(def|class) {attr}\b|\b{attr}\b", source.read_text()), dotted

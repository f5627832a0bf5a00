"""The import graph of checker/: no cycles, and no stage imports a later one.

The pipeline reads ingest → parse → analyze → kinds → formats; the engine and the library API
drive it; the front ends (cli, review, web) sit on top.  Every ``import`` counts, also those inside
functions (a lazy import that runs back up is still a dependency); only ``if TYPE_CHECKING:``
imports, which never run, are left out.  The package root's lazy ``__getattr__`` re-exports the
public API and counts as the bottom (it imports nothing when loaded).
"""

from __future__ import annotations

import ast
from pathlib import Path

CHECKER = Path(__file__).resolve().parent.parent / "checker"

# stage of each module: a module may import its own stage or an earlier one
STAGES = (
    ("base", ("checker", "checker.model", "checker.positions", "checker.errors", "checker.cache", "checker.wordtrie",
              "checker.regex_cache", "checker.code_cache", "checker.parts", "checker.atomic", "checker.resources")),
    ("ingest", ("checker.ingest",)),
    ("parse", ("checker.parse",)),
    ("analyze", ("checker.analyze", "checker.report")),
    ("kinds", ("checker.kinds", "checker.packs", "checker.config")),
    ("engine", ("checker.engine",)),
    ("library", ("checker.api", "checker.fixes", "checker.fixbytes", "checker.catalog")),
    ("formats", ("checker.formats",)),
    ("front ends", ("checker.links", "checker.cli", "checker.console", "checker.run", "checker.batch", "checker.fixmode",
                    "checker.review", "checker.web", "checker.__main__")),
)
# Known exceptions, each with its reason; the test fails when one no longer exists (remove it then).
KNOWN: set[tuple[str, str]] = set()


def _modules() -> dict[str, Path]:
    mods = {}
    for f in CHECKER.rglob("*.py"):
        parts = list(f.relative_to(CHECKER.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        mods[".".join(parts)] = f
    return mods


def _type_checking_only(tree: ast.AST) -> set[int]:
    skip = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(n) for child in node.body for n in ast.walk(child))
    return skip


def _imports(mod: str, path: Path, mods: dict[str, Path]) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    if mod == "checker":  # the root only re-exports lazily
        return set()
    skip = _type_checking_only(tree)
    package = mod.split(".") if path.name == "__init__.py" else mod.split(".")[:-1]
    out: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            name = ".".join([*base, node.module] if node.module else base) if node.level else node.module
            if name and name.split(".")[0] == "checker":
                for alias in node.names:
                    out.add(f"{name}.{alias.name}" if f"{name}.{alias.name}" in mods else name)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.split(".")[0] == "checker")
    return {m for m in out if m in mods and m != mod}


def _graph() -> dict[str, set[str]]:
    mods = _modules()
    return {mod: _imports(mod, path, mods) for mod, path in mods.items()}


def _stage(mod: str) -> int:
    best = None
    for i, (_, prefixes) in enumerate(STAGES):
        for p in prefixes:
            if (mod == p or mod.startswith(p + ".")) and (best is None or len(p) > best[1]):
                best = (i, len(p))
    assert best is not None, f"{mod} has no stage: add it to STAGES"
    return best[0]


def test_every_module_has_a_stage():
    for mod in _graph():
        _stage(mod)


def _back_imports(graph: dict[str, set[str]]) -> list[tuple[str, str]]:
    return sorted((mod, dep) for mod, deps in graph.items() for dep in deps if _stage(dep) > _stage(mod))


def test_no_stage_imports_a_later_one():
    graph = _graph()
    back = _back_imports(graph)
    unexplained = [f"{m} ({STAGES[_stage(m)][0]}) imports {d} ({STAGES[_stage(d)][0]})" for m, d in back if (m, d) not in KNOWN]
    assert not unexplained, "\n".join(unexplained)
    assert not (KNOWN - set(back)), f"fixed, remove from KNOWN: {KNOWN - set(back)}"


def test_no_import_cycles():
    graph = _graph()
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(mod: str, path: list[str]) -> None:
        state[mod] = 1
        for dep in sorted(graph[mod]):
            if state.get(dep) == 1:
                cycles.append(path[path.index(dep):] + [dep] if dep in path else [mod, dep])
            elif dep not in state:
                visit(dep, [*path, dep])
        state[mod] = 2

    for mod in sorted(graph):
        if mod not in state:
            visit(mod, [mod])
    assert not cycles, "\n".join(" → ".join(c) for c in cycles)


def test_the_check_catches_a_back_import():
    """The test itself: a formats module importing the review front end, or a kind importing the
    engine, is found; a kind importing the model is not."""
    graph = _graph()
    graph["checker.formats.text"] = graph["checker.formats.text"] | {"checker.review.runner"}
    graph["checker.kinds.title"] = graph["checker.kinds.title"] | {"checker.engine", "checker.model"}
    found = set(_back_imports(graph)) - KNOWN
    assert found == {("checker.formats.text", "checker.review.runner"), ("checker.kinds.title", "checker.engine")}

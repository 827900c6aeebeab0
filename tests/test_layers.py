"""The import graph of src/wirewatch has floors, read with ast (no import runs).

- No circle between top-level modules and packages (``wirewatch.X``), apart from the known
  exceptions below.
- Stage folders never import the wiring above them: the runner, the engines, the store, the
  exports, the eval suites, the interfaces or the pipeline wiring (the store and the runner
  call the stages, never the reverse).
- ``nlp``, the lowest stage, imports no other stage.

Imports inside functions count as much as those at the top: a deferred import is still an arrow.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "wirewatch"

STAGES = {"ingest", "nlp", "actors", "events", "claims", "places", "dates", "media", "clusters", "petrarch", "threads"}
WIRING = {"run", "scale", "store", "export", "eval", "training", "cli", "api", "stages", "thread_run", "cluster_run"}

# Known arrows that need a stage-internal refactor (issue 16, item 3), not wiring: listed by
# (from, to) with the module that draws them. Remove an entry when its arrow goes; the test
# fails on an entry that no longer matches, so the list cannot go stale.
KNOWN_EXCEPTIONS: dict[tuple[str, str], str] = {}


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _top(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _arrows() -> dict[tuple[str, str], set[str]]:
    """(from, to) top-level names -> the files that import across that arrow."""
    arrows: dict[tuple[str, str], set[str]] = defaultdict(set)
    for path in sorted(SRC.rglob("*.py")):
        module = _module_name(path)
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:  # relative: resolve against this module's package
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    targets = [".".join([*base, node.module] if node.module else base)]
                else:
                    targets = [node.module or ""]
            else:
                continue
            for target in targets:
                if target.startswith("wirewatch.") and _top(module) and _top(module) != _top(target):
                    arrows[(_top(module), _top(target))].add(str(path.relative_to(SRC.parent)))
    return arrows


def _graph(arrows: dict[tuple[str, str], set[str]], skip: set[tuple[str, str]]) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = defaultdict(set)
    for (a, b) in arrows:
        if (a, b) not in skip:
            graph[a].add(b)
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One circle in ``graph``, as the list of its nodes, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_circle_between_top_level_modules() -> None:
    circle = _cycle(_graph(_arrows(), set(KNOWN_EXCEPTIONS)))
    assert circle is None, f"import circle: {' -> '.join(circle or [])}"


def test_stages_never_import_the_wiring_above_them() -> None:
    wrong = {
        arrow: files for arrow, files in _arrows().items()
        if arrow[0] in STAGES and arrow[1] in WIRING and arrow not in KNOWN_EXCEPTIONS
    }
    assert not wrong, f"stage imports wiring: {wrong}"


def test_nlp_imports_no_other_stage() -> None:
    wrong = {
        arrow: files for arrow, files in _arrows().items()
        if arrow[0] == "nlp" and arrow[1] in STAGES and arrow not in KNOWN_EXCEPTIONS
    }
    assert not wrong, f"nlp imports another stage: {wrong}"


def test_known_exceptions_are_still_real() -> None:
    arrows = _arrows()
    for arrow, where in KNOWN_EXCEPTIONS.items():
        assert where in arrows.get(arrow, set()), f"{arrow} is gone from {where}: remove it from KNOWN_EXCEPTIONS"


def test_the_checker_sees_a_circle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None

"""The layers of the library, kept by a test: SQL only in audits/store, no import up a layer,
no import cycle between the domain packages. Imports under ``if TYPE_CHECKING:`` (type hints
only, never run) are not counted."""
from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "audits"
BASE = {"settings", "findings", "messages", "paths", "config_files", "safe", "item_keys", "files", "json_limits",
        "interned"}
DOMAIN = {"catalogue", "checks", "data", "interop", "inventory", "notify", "portal", "proposals", "quality", "reports",
          "templates", "validate"}
ALLOWED = {**{b: BASE for b in BASE}, "store": BASE | {"store"},
           **{d: BASE | DOMAIN for d in DOMAIN}, "campaign": BASE | DOMAIN | {"store", "campaign"},
           # the web app is a client like the CLI; `odaudit serve` (cli) starts it
           "cli": BASE | DOMAIN | {"campaign", "cli", "web"}, "web": BASE | DOMAIN | {"campaign", "web"}}


def modules():
    for path in sorted(ROOT.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        parts = path.relative_to(ROOT.parent).with_suffix("").parts
        yield path, parts[:-1] if parts[-1] == "__init__" else parts, path.name == "__init__.py"


def imports(path: Path, name: tuple[str, ...], is_package: bool):
    """Every module ``path`` imports at run time, as a dotted name."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    hidden = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If) and _type_checking(node.test)
              for child in node.body for n in ast.walk(child)}
    for node in ast.walk(tree):
        if id(node) in hidden:
            continue
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(name if is_package else name[:-1])[: len(name) - node.level + is_package]
                yield ".".join(base + ([node.module] if node.module else []))
            else:
                yield node.module


def _type_checking(test) -> bool:
    return isinstance(test, ast.Name) and test.id == "TYPE_CHECKING"


def layer(dotted: str) -> str:
    """audits.store.state → store; the package's own __init__ counts as the base."""
    return dotted.split(".")[1] if dotted.count(".") else "settings"


def edges() -> dict[str, set[str]]:
    found = defaultdict(set)
    for path, name, is_package in modules():
        for target in imports(path, name, is_package):
            source = layer(".".join(name))
            if target.startswith("audits.") and layer(target) != source:
                found[source].add(layer(target))
    return found


def test_only_the_store_speaks_sql():
    speaking = [str(path.relative_to(ROOT.parent)) for path, name, is_package in modules()
                if layer(".".join(name)) != "store"
                and any(t.split(".")[0] == "sqlalchemy" for t in imports(path, name, is_package))]
    assert speaking == []


def test_no_import_runs_up_a_layer():
    wrong = {(source, target) for source, targets in edges().items() for target in targets
             if target not in ALLOWED[source]}
    assert wrong == set()


def test_no_import_cycle_between_packages():
    graph = edges()

    def reaches(start: str, goal: str, seen: set) -> bool:
        return any(n == goal or (n not in seen and reaches(n, goal, seen | {n})) for n in graph.get(start, ()))

    assert sorted(p for p in graph if reaches(p, p, {p})) == []

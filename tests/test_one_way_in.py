"""One way in for every file (issue 14): a walk over the library's code fails when a file is
opened for reading anywhere but audits/files.py (``open(``, ``os.open(``, ``io.open(``,
``.read_bytes(``, ``.read_text(``), except the short allow-list below, each with its reason.
Opening for writing (a mode with w, a or x) is not a way in and is not counted."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIBRARY = ROOT / "audits"
THE_WAY_IN = "audits/files.py"
READERS = {"read_bytes", "read_text"}

# (module, call) → why it may read without the guard. Keep it short: a new entry needs a reason
# that the path is ours (bundled with the package, resolved through audits/paths.py), never a user's.
ALLOWED = {
    ("audits/campaign/validation.py", "read_text"): "CAMPAIGN_SCHEMA: the bundled JSON Schema (audits/paths.py)",
    ("audits/templates/spec.py", "read_bytes"): "SCHEMA_PATH: the bundled inventory schema, hashed for the template",
    ("audits/inventory/schema.py", "read_text"): "load_schema: bundled schemas only (SCHEMA_PATH, demand kinds)",
    ("audits/catalogue/catalogue.py", "open"): "CATALOGUE_CSV: the bundled national catalogue",
    ("audits/data/privacy/evaluate.py", "open"): "the labelled evaluation set of the detectors (bench, bundled)",
}


def reads(path: Path):
    """(call, line) of every read-opening call in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _called(node.func)
        if name in READERS or name == "open" and not _writes(node):
            yield name, node.lineno


def _called(func) -> str | None:
    if isinstance(func, ast.Name) and func.id == "open":
        return "open"
    if isinstance(func, ast.Attribute):
        if func.attr == "open" and isinstance(func.value, ast.Name) and func.value.id in ("os", "io"):
            return "open"
        if func.attr in READERS:
            return func.attr
    return None


def _writes(call: ast.Call) -> bool:
    modes = [call.args[1]] if len(call.args) > 1 else []
    modes += [k.value for k in call.keywords if k.arg in ("mode", "flags")]
    return any(isinstance(m, ast.Constant) and isinstance(m.value, str) and set(m.value) & set("wax")
               for m in modes)


def violations(root: Path = LIBRARY, allowed=ALLOWED) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        module = path.relative_to(root.parent).as_posix()
        if module == THE_WAY_IN or "migrations" in path.parts:
            continue
        found += [f"{module}:{line}: {call}(" for call, line in sorted(reads(path), key=lambda r: r[1])
                  if (module, call) not in allowed]
    return found


def test_every_user_file_is_opened_through_audits_files():
    assert violations() == []


def test_the_allow_list_names_only_reads_that_still_exist():
    present = {(path.relative_to(ROOT).as_posix(), call) for path in LIBRARY.rglob("*.py")
               for call, _ in reads(path)}
    assert set(ALLOWED) <= present


def test_a_planted_violation_is_caught(tmp_path):
    package = tmp_path / "audits"
    package.mkdir()
    (package / "files.py").write_text("open('x')\n", encoding="utf-8")            # the way in: fine
    (package / "reader.py").write_text(
        "import os\nfrom pathlib import Path\n"
        "def a(p):\n    return open(p, 'rb').read()\n"
        "def b(p):\n    return Path(p).read_bytes()\n"
        "def c(p):\n    return p.read_text(encoding='utf-8')\n"
        "def d(p):\n    return os.open(p, os.O_RDONLY)\n"
        "def e(p):\n    open(p, 'w').write('out')\n", encoding="utf-8")                # writing: fine
    assert violations(package, {}) == ["audits/reader.py:4: open(", "audits/reader.py:6: read_bytes(",
                                       "audits/reader.py:8: read_text(", "audits/reader.py:10: open("]

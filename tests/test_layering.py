"""The layers, read from every module's imports (ast, so no module is run).

    ui/               the desktop app        may import sync and the core; runs no SQL
    sync/             replication            may import the core; never ui, never Qt
    skiller_desktop/  the core               imports neither ui nor sync, never Qt,
                                             except its composition root, __main__.py,
                                             which imports ui and sync lazily (inside functions)

An import hidden in a string (`__import__("sync.x")`, `importlib.import_module`)
counts as an import. The checker checks itself on a planted tree first, so a
broken checker fails instead of passing everything.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE, SYNC, UI = "skiller_desktop", "sync", "ui"
COMPOSITION_ROOT = f"{CORE}/__main__.py"
QT = ("PySide6", "shiboken6")
SQL_MODULES = ("sqlite3", "sqlite_utils", f"{CORE}.db", f"{CORE}.store", f"{CORE}.schema", f"{CORE}.readmodel")
SQL_CALLS = ("execute", "executemany", "executescript")
STRING_IMPORTERS = ("__import__", "import_module")


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _absolute(module: str | None, level: int, importer: str, is_package: bool) -> str:
    """`from ..x import y` in `importer`, as an absolute module name."""
    if level == 0:
        return module or ""
    package = importer.split(".") if is_package else importer.split(".")[:-1]
    base = package[: len(package) - (level - 1)]
    return ".".join([*base, module] if module else base)


def imports(tree: ast.Module, importer: str, is_package: bool) -> Iterator[tuple[int, str, bool]]:
    """(line, absolute module, at module level) for every import, including `from m import name` as `m.name`."""
    top_level = {id(node) for node in tree.body}
    for node in ast.walk(tree):
        at_top = id(node) in top_level
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, at_top
        elif isinstance(node, ast.ImportFrom):
            module = _absolute(node.module, node.level, importer, is_package)
            yield node.lineno, module, at_top
            for alias in node.names:  # `from skiller_desktop import db` imports skiller_desktop.db
                yield node.lineno, f"{module}.{alias.name}" if module else alias.name, at_top
        elif isinstance(node, ast.Call) and _called_name(node) in STRING_IMPORTERS and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield node.lineno, first.value, False


def _called_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def sql_calls(tree: ast.Module) -> Iterator[int]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in SQL_CALLS:
            yield node.lineno


def _within(module: str, *packages: str) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


def violations(root: Path) -> list[str]:
    """Every broken layering rule under `root`, as `path:line: what`."""
    found = []
    for layer in (CORE, SYNC, UI):
        for path in sorted((root / layer).rglob("*.py")):
            relative = path.relative_to(root).as_posix()
            tree = ast.parse(path.read_text("utf-8"), relative)
            importer = _module_name(path, root)
            flagged = set()
            for line, module, at_top in imports(tree, importer, path.name == "__init__.py"):
                problem = _import_problem(layer, relative, module, at_top)
                if problem and line not in flagged:  # `from m import a, b` is one finding
                    flagged.add(line)
                    found.append(f"{relative}:{line}: {problem}")
            if layer == UI:
                found += [f"{relative}:{line}: ui/ runs SQL (.execute…)" for line in sql_calls(tree)]
    return found


def _import_problem(layer: str, relative: str, module: str, at_top: bool) -> str | None:
    if layer in (CORE, SYNC) and _within(module, *QT):
        return f"{layer}/ imports Qt ({module})"
    if layer == CORE and _within(module, UI, SYNC):
        if relative != COMPOSITION_ROOT:
            return f"the core imports {module} (only {COMPOSITION_ROOT} may)"
        if at_top:
            return f"{COMPOSITION_ROOT} imports {module} at module level (import it where it is used)"
    if layer == SYNC and _within(module, UI):
        return f"sync/ imports {module}"
    if layer == UI and _within(module, *SQL_MODULES):
        return f"ui/ reaches the database ({module}); go through the services"
    return None


PLANTED = {
    f"{CORE}/__init__.py": "",
    f"{CORE}/__main__.py": "import ui.app\n\ndef main():\n    from sync.cli_commands import register\n",
    f"{CORE}/bad.py": "from PySide6.QtCore import QObject\nfrom .. import sync\n",
    f"{CORE}/sneaky.py": "module = __import__('sync.cli_commands', fromlist=['register'])\n",
    f"{CORE}/deep/__init__.py": "from ...ui import app\n",
    f"{SYNC}/__init__.py": "",
    f"{SYNC}/bad.py": "def f():\n    import ui.models\n    import shiboken6\n",
    f"{UI}/__init__.py": "",
    f"{UI}/bad.py": "import sqlite3\nfrom skiller_desktop import store\n\ndef f(db):\n    db.execute('SELECT 1')\n",
}
EXPECTED = {  # path:line of each planted violation
    f"{CORE}/__main__.py:1", f"{CORE}/bad.py:1", f"{CORE}/bad.py:2", f"{CORE}/sneaky.py:1",
    f"{CORE}/deep/__init__.py:1", f"{SYNC}/bad.py:2", f"{SYNC}/bad.py:3", f"{UI}/bad.py:1", f"{UI}/bad.py:2",
    f"{UI}/bad.py:5",
}


def test_the_checker_flags_every_planted_violation_and_nothing_else(tmp_path):
    for relative, text in PLANTED.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(text)
    found = violations(tmp_path)
    assert [item.split(": ", 1)[0] for item in found] == sorted(EXPECTED, key=_in_walk_order), found


def _in_walk_order(place: str) -> tuple[int, str, int]:
    path, line = place.rsplit(":", 1)
    return [CORE, SYNC, UI].index(path.split("/")[0]), path, int(line)


def test_the_layers_hold():
    assert violations(ROOT) == []


def test_the_checker_reads_the_real_tree():
    """A rename that made the walk find nothing would pass the test above vacuously."""
    modules = [path for layer in (CORE, SYNC, UI) for path in (ROOT / layer).rglob("*.py")]
    assert len(modules) > 50
    tree = ast.parse((ROOT / COMPOSITION_ROOT).read_text("utf-8"))
    lazy = {module for _, module, at_top in imports(tree, f"{CORE}.__main__", False) if not at_top}
    assert any(_within(m, SYNC) for m in lazy) and any(_within(m, UI) for m in lazy)

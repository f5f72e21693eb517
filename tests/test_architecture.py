"""The shape of the code, checked: no import circles, the core's own imports at the top, no Qt in the core.

The import graph is read from the source (``ast``), not from a running program, so an
import inside a function counts as much as one at the top; imports under
``if TYPE_CHECKING:`` do not run and do not count. ``import a.b.c`` also runs the
``__init__`` of ``a.b`` (and ``a``): that counts as an import of those packages,
except of the importer's own packages, which are already being imported.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("app", "reports", "ui", "cli")  # the project's own
CORE = ("app", "reports")
# Heavy third-party modules that the command line and the program load only when a command needs them.
HEAVY = ("reportlab", "docx", "hwpx", "openpyxl", "vobject", "icalendar", "cryptography", "alembic")
# The one place where the core starts the Qt program: the CLI entry point (moving out of app/).
FRONT_ENDS = ("ui", "cli")
# What the front ends may import from the core: the use cases and the plain data they take and give.
WAY_IN = ("app.services", "app.dto", "app.enums", "app.errors", "app.progress")


@dataclass(frozen=True)
class Import:
    importer: str  # module name
    target: str  # the imported module (own modules resolved to the deepest module that exists)
    line: int
    in_function: bool
    dynamic: bool  # importlib.import_module / __import__


# -- reading the source ------------------------------------------------------------------------


def module_files(root: Path, packages: Iterable[str] = PACKAGES) -> dict[str, Path]:
    """Module name -> file, for every ``.py`` under the project's packages (migrations' scripts too)."""
    out: dict[str, Path] = {}
    for package in packages:
        folder = root / package
        if not (folder / "__init__.py").exists():
            continue
        for path in sorted(folder.rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            out[".".join(parts)] = path
    return out


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _is_dynamic_import(call: ast.Call) -> bool:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id in {"__import__", "import_module"}
    return isinstance(func, ast.Attribute) and func.attr == "import_module"


def _walk(
    node: ast.AST, in_function: bool = False, *, type_checking: bool = False
) -> Iterator[tuple[ast.AST, bool]]:
    """Every node with whether it runs inside a function; the body of ``if TYPE_CHECKING:`` skipped
    unless ``type_checking``."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child.test) and not type_checking:
            for other in child.orelse:
                yield other, in_function
                yield from _walk(other, in_function)
            continue
        inside = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
        yield child, in_function
        yield from _walk(child, inside, type_checking=type_checking)


def raw_imports(
    module: str, source: str, *, is_package: bool, type_checking: bool = False
) -> Iterator[tuple[str, list[str], int, bool, bool]]:
    """(base, names, line, in_function, dynamic) for every import that runs (and those for the type
    checker only, with ``type_checking``); relative ones resolved."""
    package = module if is_package else module.rpartition(".")[0]
    for node, in_function in _walk(ast.parse(source), type_checking=type_checking):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, [], node.lineno, in_function, False
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                anchor = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{anchor}.{base}" if base else anchor
            yield base, [a.name for a in node.names], node.lineno, in_function, False
        elif isinstance(node, ast.Call) and _is_dynamic_import(node) and node.args:
            arg = node.args[0]
            name = arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else "?"
            yield name, [], node.lineno, in_function, True


def own_imports(modules: Mapping[str, Path], sources: Mapping[str, str] | None = None) -> list[Import]:
    """The imports of the project's own modules, each resolved to a module that exists."""
    roots = {m.split(".")[0] for m in modules}
    out: list[Import] = []
    for module, path in modules.items():
        source = sources[module] if sources is not None else path.read_text(encoding="utf-8")
        is_package = path.name == "__init__.py"
        for base, names, line, in_function, dynamic in raw_imports(module, source, is_package=is_package):
            if base.split(".")[0] not in roots and base != "?":
                continue
            targets = [f"{base}.{n}" for n in names if f"{base}.{n}" in modules] or [base]
            for target in targets:
                out.append(Import(module, target, line, in_function, dynamic))
    return out


def import_graph(imports: Iterable[Import], modules: Iterable[str]) -> dict[str, set[str]]:
    """Module -> the own modules its import runs (the imported module and the packages above it)."""
    known = set(modules)
    graph: dict[str, set[str]] = {m: set() for m in known}
    for imp in imports:
        parts = imp.target.split(".")
        for n in range(1, len(parts) + 1):
            target = ".".join(parts[:n])
            own_package = imp.importer == target or imp.importer.startswith(target + ".")
            if target in known and not own_package:
                graph[imp.importer].add(target)
    return graph


def cycles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """One cycle path (``a -> b -> a``) per strongly connected group of modules (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(v: str) -> None:  # recursive: the graph has a few hundred modules
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
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
            if len(group) > 1 or v in graph.get(v, ()):
                groups.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return [_path_in(graph, group) for group in sorted(groups)]


def _path_in(graph: Mapping[str, set[str]], group: list[str]) -> list[str]:
    """The shortest cycle through the group's first module, staying inside the group."""
    start, members = group[0], set(group)
    previous: dict[str, str] = {}
    queue = [start]
    while queue:
        v = queue.pop(0)
        for w in sorted(graph[v] & members):
            if w == start:
                path = [v]
                while path[-1] != start:
                    path.append(previous[path[-1]])
                return [*reversed(path), start]
            if w not in previous:
                previous[w] = v
                queue.append(w)
    raise AssertionError(f"no cycle in {group}")


def _in_packages(module: str, packages: Iterable[str]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


def heavy_adapters(modules: Mapping[str, Path], sources: Mapping[str, str] | None = None) -> set[str]:
    """Own modules that import a heavy library at their top (the PDF and Word renderers, migrations).

    Importing one is importing that library, so it may be imported late, as the library would be.
    """
    out = set()
    for module, path in modules.items():
        source = sources[module] if sources is not None else path.read_text(encoding="utf-8")
        for base, _names, _line, in_function, _dyn in raw_imports(
            module, source, is_package=path.name == "__init__.py"
        ):
            if not in_function and base.split(".")[0] in HEAVY:
                out.add(module)
    return out


def function_level_imports(
    imports: Iterable[Import], packages: Iterable[str] = CORE, heavy: Iterable[str] = ()
) -> list[Import]:
    """Imports of own modules inside functions, or through importlib/__import__, in ``packages``
    (the late import of a heavy adapter aside)."""
    late = set(heavy)
    return [
        i
        for i in imports
        if _in_packages(i.importer, packages)
        and (i.in_function or i.dynamic)
        and not (i.in_function and not i.dynamic and i.target in late)
    ]


def _describe(imports: Iterable[Import]) -> str:
    return "\n".join(f"  {i.importer}:{i.line} imports {i.target}" for i in imports)


def _project() -> tuple[dict[str, Path], list[Import]]:
    modules = module_files(ROOT)
    return modules, own_imports(modules)


# -- the rules ---------------------------------------------------------------------------------


def test_no_import_circles() -> None:
    modules, imports = _project()
    found = cycles(import_graph(imports, modules))
    assert not found, "import circles:\n" + "\n".join("  " + " -> ".join(c) for c in found)


def test_the_core_imports_its_own_modules_at_the_top() -> None:
    modules, imports = _project()
    late = function_level_imports(imports, heavy=heavy_adapters(modules))
    assert not late, "own modules imported inside functions or through importlib in app/, reports/:\n" + (
        _describe(late)
    )


def qt_imports(modules: Mapping[str, Path], sources: Mapping[str, str] | None = None) -> list[str]:
    """Imports of PySide6 or ``ui`` at any level (importlib and type hints too), the GUI start aside."""
    found = []
    for module, path in modules.items():
        source = sources[module] if sources is not None else path.read_text(encoding="utf-8")
        package = path.name == "__init__.py"
        for base, _names, line, _fn, _dyn in raw_imports(
            module, source, is_package=package, type_checking=True
        ):
            if base.split(".")[0] in {"PySide6", "shiboken6", "ui"}:
                found.append(f"  {module}:{line} imports {base}")
    return found


def test_the_core_never_imports_qt_or_the_ui() -> None:
    found = qt_imports(module_files(ROOT, CORE))
    assert not found, "the core imports Qt or the UI:\n" + "\n".join(found)


def test_only_the_heavy_adapters_import_heavy_libraries_at_their_top() -> None:
    """Importing any other module of the core loads no heavy library (the renderers and migrations do)."""
    modules = module_files(ROOT, CORE)
    heavy = heavy_adapters(modules)
    assert heavy <= {"reports.pdf", "reports.docx", "reports.hwpx"} | {
        m for m in modules if m.startswith("app.migrations")
    }
    skip = ("app.migrations", "app.__main__")  # Alembic's scripts; the program's start
    light = sorted(m for m in modules if m not in heavy and not m.startswith(skip))
    assert _loaded_heavy("import " + ", ".join(light)) == []


def _loaded_heavy(code: str) -> list[str]:
    probe = code + f"\nimport sys\nprint(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    return [m for m in done.stdout.strip().split(",") if m]


def test_the_command_line_opens_a_database_without_heavy_modules(tmp_path: Path) -> None:
    """The command line's start and the opening of an up-to-date database load no heavy module.

    The desktop program's first paint (without SQLAlchemy too) is checked in tests/ui/test_startup.py.
    """
    open_it = (
        "from app.paths import app_paths\nfrom app.services.opening import open_database\n"
        f"open_database(paths=app_paths(__import__('pathlib').Path({str(tmp_path)!r}))).close()"
    )
    _loaded_heavy(open_it)  # creates and migrates the database: Alembic is loaded for that
    assert _loaded_heavy(f"import cli.commands\ncli.commands.build_parser()\n{open_it}") == []


def core_imports_of_front_ends(modules: Mapping[str, Path], imports: Iterable[Import]) -> list[Import]:
    """Imports of the core by ui/ and cli/ that do not go through the way in (``WAY_IN``)."""
    return [
        i
        for i in imports
        if _in_packages(i.importer, FRONT_ENDS)
        and i.target.split(".")[0] == "app"
        and i.target != "app"
        and not _in_packages(i.target, WAY_IN)
    ]


def test_the_front_ends_reach_the_core_only_through_its_way_in() -> None:
    """ui/ and cli/ import from app/ only app.services, app.dto, app.enums, app.errors, app.progress."""
    modules, imports = _project()
    found = core_imports_of_front_ends(modules, imports)
    assert not found, "ui/ or cli/ import the core past app.services:\n" + _describe(found)


# -- the checks themselves can fail ------------------------------------------------------------


def _fake(sources: dict[str, str]) -> tuple[dict[str, Path], list[Import]]:
    def path(m: str) -> Path:
        package = any(other.startswith(m + ".") for other in sources)
        return Path(m.replace(".", "/") + ("/__init__.py" if package else ".py"))

    modules = {m: path(m) for m in sources}
    return modules, own_imports(modules, {m: textwrap.dedent(s) for m, s in sources.items()})


def test_a_circle_through_a_function_level_import_is_found() -> None:
    modules, imports = _fake(
        {
            "app": "",
            "app.db": "from app import models\n",
            "app.models": "def f():\n    from app.migrate import upgrade\n",
            "app.migrate": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from app.db import X\n"
            "def g():\n    import app.db\n",
        }
    )
    assert cycles(import_graph(imports, modules)) == [["app.db", "app.models", "app.migrate", "app.db"]]
    assert [(i.importer, i.target) for i in function_level_imports(imports)] == [
        ("app.models", "app.migrate"),
        ("app.migrate", "app.db"),
    ]


def test_type_checking_imports_and_own_packages_make_no_circle() -> None:
    modules, imports = _fake(
        {
            "app": "",
            "app.db": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from app.search import index\n",
            "app.search": "from app.search.index import build\nfrom . import query\n",
            "app.search.index": "from app.db import Database\nfrom .query import q\n",
            "app.search.query": "",
        }
    )
    assert cycles(import_graph(imports, modules)) == []
    assert ("app.search", "app.search.query") in {(i.importer, i.target) for i in imports}


def test_importing_a_submodule_runs_its_package() -> None:
    modules, imports = _fake(
        {
            "app": "",
            "app.db": "from app.exchange import clock\n",
            "app.exchange": "from app.exchange.merge import merge\n",
            "app.exchange.clock": "",
            "app.exchange.merge": "from app.db import Database\n",
        }
    )
    assert cycles(import_graph(imports, modules)) == [
        ["app.db", "app.exchange", "app.exchange.merge", "app.db"]
    ]


def test_only_heavy_adapters_may_be_imported_late() -> None:
    sources = {
        "reports": "def render():\n    from reports.pdf import render_pdf\n    from reports.document import Doc\n",
        "reports.pdf": "from reportlab.platypus import Table\nfrom reports import document\n",
        "reports.document": "def f():\n    import reportlab\n",
    }
    modules, imports = _fake(sources)
    heavy = heavy_adapters(modules, {m: textwrap.dedent(s) for m, s in sources.items()})
    assert heavy == {"reports.pdf"}
    assert [(i.importer, i.target) for i in function_level_imports(imports, heavy=heavy)] == [
        ("reports", "reports.document")
    ]


def test_dynamic_imports_of_own_modules_are_found() -> None:
    _, imports = _fake(
        {
            "reports": "import importlib\ndef load(n):\n    return importlib.import_module(f'reports.{n}')\n",
            "reports.pdf": "__import__('reports')\n",
        }
    )
    assert [(i.importer, i.target, i.dynamic) for i in function_level_imports(imports)] == [
        ("reports", "?", True),
        ("reports.pdf", "reports", True),
    ]


def test_qt_in_the_core_is_found_at_any_level() -> None:
    sources = {
        "app": "",
        "app.services": "def show():\n    from PySide6.QtWidgets import QMessageBox\n",
        "reports": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ui.context import UiContext\n",
    }
    modules, _ = _fake(sources)
    assert qt_imports(modules, sources) == [
        "  app.services:2 imports PySide6.QtWidgets",
        "  reports:3 imports ui.context",
    ]


def test_a_front_end_reaching_past_the_services_is_found() -> None:
    sources = {
        "app": "",
        "app.db": "",
        "app.dto": "",
        "app.services": "",
        "app.services.opening": "from app.db import Database\n",
        "ui": "",
        "ui.view": "from app.dto import Row\nfrom app.services.opening import Database\n"
        "def later():\n    from app.db import Database\n",
        "cli": "import app.db\n",
    }
    modules, imports = _fake(sources)
    assert [(i.importer, i.target) for i in core_imports_of_front_ends(modules, imports)] == [
        ("ui.view", "app.db"),
        ("cli", "app.db"),
    ]


@pytest.mark.parametrize("heavy", ["openpyxl", "alembic"])
def test_the_start_up_probe_sees_a_heavy_import(heavy: str) -> None:
    assert heavy in _loaded_heavy(f"import {heavy}")

# SPDX-License-Identifier: EUPL-1.2
"""The import checker behind tests/architecture: reads the dependency rules from docs/architecture.md
(the one place they live, so the document and the test cannot drift) and scans source with `ast`.

Every `import x` and `from x import y` counts, at module level and inside functions, relative imports
resolved against the importing module; so do string imports through `import_module("wijkteam...")`
and `include("wijkteam...")`. An import is checked only when it crosses apps: inside one app the
app's own modules may use each other freely.
"""

from __future__ import annotations

import ast
import functools
import io
import re
import tokenize
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "wijkteam"
DOC = ROOT / "docs" / "architecture.md"
# The project package's own modules (settings, urls, wsgi, env): they wire the apps together.
PROJECT = "project"

_TOKEN = re.compile(r"`([^`]+)`")


@dataclass(frozen=True)
class Rules:
    """`allowed[component]` = the apps it may import (`*`: all); `forbidden` = pairs that must never exist.

    A component is an app (`huishoudens`), a part of one (`sociale_kaart.public`: a sub-package or
    module, more specific than its app), or `project` (the modules directly in wijkteam/).
    """

    allowed: dict[str, frozenset[str]]
    forbidden: frozenset[tuple[str, str]]

    def component_of(self, module: str, apps: frozenset[str]) -> str | None:
        app = app_of(module, apps)
        if app is None or app == PROJECT:
            return app
        parts = module.split(".")[1:]
        for depth in range(len(parts), 1, -1):
            candidate = ".".join(parts[:depth])
            if candidate in self.allowed:
                return candidate
        return app

    def permits(self, module: str, source: str, target_app: str) -> bool:
        """May `module` (of component `source`) import `target_app`?"""
        if source.split(".")[0] == target_app:
            return True
        if self.forbids(module, source, target_app):
            return False
        allowed = self.allowed.get(source, frozenset())
        return "*" in allowed or target_app in allowed

    def forbids(self, module: str, source: str, target_app: str) -> bool:
        """A forbidden row names a component or any part of one (`sociale_kaart.public`) as its source."""
        parts = module.split(".")[1:]
        prefixes = {".".join(parts[:n]) for n in range(1, len(parts) + 1)} | {source}
        if source.split(".")[0] == target_app:
            return False
        return any((src == "*" or src in prefixes) and dst == target_app for src, dst in self.forbidden)


def app_of(module: str, apps: frozenset[str]) -> str | None:
    """`wijkteam.<app>...` -> app; the project package's own modules -> `project`; others -> None."""
    parts = module.split(".")
    if parts[0] != PACKAGE:
        return None
    if len(parts) > 1 and parts[1] in apps:
        return parts[1]
    return PROJECT


def _cells(cell: str) -> list[str]:
    return _TOKEN.findall(cell)


def _table(text: str, name: str) -> list[list[str]]:
    match = re.search(rf"<!-- {name}:start -->(.*?)<!-- {name}:end -->", text, re.S)
    if not match:
        raise AssertionError(f"docs/architecture.md has no table between <!-- {name}:start/end --> markers")
    rows = []
    for line in match.group(1).strip().splitlines():
        line = line.strip()
        if not line.startswith("|") or set(line) <= set("|-: "):
            continue
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows[1:]  # without the header row


def parse_rules(text: str) -> Rules:
    allowed: dict[str, frozenset[str]] = {}
    for row in _table(text, "dependencies"):
        names = _cells(row[0])
        if not names:
            continue
        allowed[names[0]] = frozenset(_cells(row[2]))
    forbidden: set[tuple[str, str]] = set()
    for row in _table(text, "forbidden"):
        for src in _cells(row[0]):
            for dst in _cells(row[1]):
                forbidden.add((src, dst))
    return Rules(allowed=allowed, forbidden=frozenset(forbidden))


def load_rules(doc: Path = DOC) -> Rules:
    return parse_rules(doc.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Import:
    path: Path
    line: int
    source_module: str
    target: str
    in_function: bool
    explained: bool  # a comment on the line or directly above says why (function-level imports)

    def where(self, root: Path) -> str:
        return f"{self.path.relative_to(root)}:{self.line}"


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(module: str, is_package: bool, level: int, name: str | None) -> str:
    base = module.split(".") if is_package else module.split(".")[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join([*base, name] if name else base)


_DIRECTIVE = re.compile(r"^#\s*(noqa\b.*|type:\s*ignore\b.*|pragma\b.*)?$", re.I)


def _comment_lines(source: str) -> dict[int, str]:
    comments: dict[int, str] = {}
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type == tokenize.COMMENT and not _DIRECTIVE.match(tok.string.strip()):
                comments[tok.start[0]] = tok.string
    except (tokenize.TokenError, IndentationError):
        pass
    return comments


def _explained(lines: list[str], comments: dict[int, str], node: ast.stmt) -> bool:
    """A reason in a comment on the import itself, or above it (over a run of adjacent imports)."""
    end = getattr(node, "end_lineno", node.lineno) or node.lineno
    if any(n in comments for n in range(node.lineno, end + 1)):
        return True
    n = node.lineno - 1
    while n >= 1:
        text = lines[n - 1].strip()
        if n in comments and text.startswith("#"):
            return True
        if text.startswith(("from ", "import ")) or text.startswith(")") or text.endswith(","):
            n -= 1
            continue
        return False
    return False


class _Visitor(ast.NodeVisitor):
    def __init__(self, path: Path, module: str, is_package: bool, source: str) -> None:
        self.path, self.module, self.is_package = path, module, is_package
        self.lines = source.splitlines()
        self.comments = _comment_lines(source)
        self.depth = 0
        self.found: list[Import] = []

    def _add(self, node: ast.stmt | ast.expr, target: str, stmt: ast.stmt | None = None) -> None:
        explained = self._explained_node(stmt) if stmt is not None and self.depth else True
        self.found.append(Import(self.path, node.lineno, self.module, target, self.depth > 0, explained))

    def _explained_node(self, stmt: ast.stmt) -> bool:
        return _explained(self.lines, self.comments, stmt)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(node, alias.name, node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        base = _resolve(self.module, self.is_package, node.level, node.module) if node.level else node.module or ""
        self._add(node, base, node)
        for alias in node.names:
            # `from wijkteam import demo` / `from . import views`: the name may be a submodule.
            if alias.name != "*":
                self.found.append(Import(self.path, node.lineno, self.module, f"{base}.{alias.name}",
                                         self.depth > 0, self.found[-1].explained))

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name in {"import_module", "include", "__import__"} and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                self._add(node, first.value)
        self.generic_visit(node)


def imports_in(path: Path, root: Path) -> list[Import]:
    source = path.read_text(encoding="utf-8")
    visitor = _Visitor(path, module_name(path, root), path.name == "__init__.py", source)
    visitor.visit(ast.parse(source, filename=str(path)))
    return visitor.found


def python_files(package_dir: Path) -> Iterator[Path]:
    for path in sorted(package_dir.rglob("*.py")):
        if "__pycache__" not in path.parts:
            yield path


@dataclass(frozen=True)
class Scan:
    imports: tuple[Import, ...]
    apps: frozenset[str]  # the app directories found on disk


@functools.cache  # several tests read the same tree; parsing it takes seconds
def scan(root: Path = ROOT) -> Scan:
    package_dir = root / PACKAGE
    apps = frozenset(p.name for p in package_dir.iterdir() if p.is_dir() and (p / "__init__.py").exists())
    found: list[Import] = []
    for path in python_files(package_dir):
        found.extend(imports_in(path, root))
    return Scan(tuple(found), apps)


def violations(rules: Rules, scanned: Scan, root: Path = ROOT) -> list[str]:
    """One line per import that breaks the rules, naming file, line, and the two components."""
    problems: set[str] = set()
    reported: set[tuple[str, str]] = set()  # `from x import y` yields x and x.y: report the line once
    for imp in scanned.imports:
        target_app = app_of(imp.target, scanned.apps)
        source = rules.component_of(imp.source_module, scanned.apps)
        if target_app is None or source is None or imp.target == PACKAGE:
            continue  # `from wijkteam import x` names x, which comes as its own entry
        if source not in rules.allowed:
            problems.add(f"{imp.where(root)}: `{source}` has no row in the dependency table of docs/architecture.md")
        elif not rules.permits(imp.source_module, source, target_app) and (imp.where(root), target_app) not in reported:
            reported.add((imp.where(root), target_app))
            # Name the sub-package (`sociale_kaart.public`) when the file lies in one.
            parts = imp.path.relative_to(root).parts
            label = f"{parts[1]}.{parts[2]}" if source != PROJECT and len(parts) >= 4 else source
            problems.add(f"{imp.where(root)}: {label} -> {target_app} (import of {imp.target}) is not allowed")
    return sorted(problems)


def unexplained_function_imports(scanned: Scan, root: Path = ROOT) -> list[str]:
    return sorted({
        f"{imp.where(root)}: import inside a function without a comment saying why"
        for imp in scanned.imports if imp.in_function and not imp.explained
    }, key=lambda line: (line.split(":")[0], int(line.split(":")[1])))

"""The package's layering, read from the imports of every module in nmm_site/ (ast, nothing imported).

- The bottom layer (BOTTOM) imports nothing above it: only other bottom modules, the standard library
  and third-party packages. It is what every feature may use: configuration (`site_config`), errors,
  YAML, front matter, Markdown scanning, slugs and collation, the UI-string catalogs and the URL model
  of pages, and the one module that touches third-party internals (`compat`).
- The feature subpackages (`nmm_site.content`, `nmm_site.facts`, …) import each other without cycles.
  A subpackage is one node; bottom modules are not part of their subpackage's node.
  KNOWN_CYCLE_EDGES lists the module imports that still close a cycle: it may only shrink (an entry
  that no longer exists fails the test, so it is removed when its cycle is fixed).
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "nmm_site"

BOTTOM = frozenset(
    {
        "nmm_site",  # the package's __init__ (empty)
        "nmm_site.errors",  # Problem, ProblemsFound
        "nmm_site.fast_yaml",  # YAML with line numbers, no anchors/aliases
        "nmm_site.files",  # atomic writes, placing cached files
        "nmm_site.stamps",  # remembering that a check passed for exact inputs
        "nmm_site.site_config",  # the project model read from mkdocs.yml: languages, paths, URLs
        "nmm_site.compat",  # every touch of Material / static-i18n / MkDocs internals
        "nmm_site.trust",  # refusing hostile files
        "nmm_site.content.slugs",  # slugs and case/diacritic folding
        "nmm_site.content.collation",  # dictionary order per language
        "nmm_site.content.frontmatter",  # the front-matter parser
        "nmm_site.facts.markdown",  # where front matter, code and shortcodes are in a Markdown page
        "nmm_site.i18n",  # the package's __init__ (empty)
        "nmm_site.i18n.catalogs",  # gettext catalogs: compile, load
        "nmm_site.i18n.messages",  # ui_text(lang, "…")
        "nmm_site.i18n.pages",  # page paths and URLs per language
    }
)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts}


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The modules of the package that `name` imports (anywhere in the file, lazy imports included)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            # `from nmm_site import site_config` imports the module nmm_site.site_config.
            candidates = [module, *(f"{module}.{alias.name}" for alias in node.names)]
        else:
            continue
        for candidate in candidates:
            # `import nmm_site.facts.render` also runs the parents' __init__: the deepest known name counts.
            while candidate and candidate not in known:
                candidate = candidate.rpartition(".")[0]
            if candidate and candidate != name:
                found.add(candidate)
    return found


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    found = modules()
    return {name: imports_of(name, path, set(found)) for name, path in found.items()}


def node_of(module: str) -> str:
    """The subpackage a module belongs to ("nmm_site.facts.render" → "nmm_site.facts")."""
    return ".".join(module.split(".")[:2])


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph, as a list of nodes, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        state[node] = 2
        path.pop()
        return None

    for node in sorted(edges):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_the_bottom_layer_exists() -> None:
    assert set(modules()) >= BOTTOM, sorted(BOTTOM - set(modules()))


def test_the_bottom_layer_imports_nothing_above_it(graph: dict[str, set[str]]) -> None:
    upward = {f"{low} imports {high}" for low in BOTTOM for high in graph[low] if high not in BOTTOM}
    assert not upward, sorted(upward)


def test_no_import_cycles_between_subpackages(graph: dict[str, set[str]]) -> None:
    edges: dict[str, set[str]] = defaultdict(set)
    why: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for importer, imported in graph.items():
        if importer in BOTTOM:
            continue
        for target in imported:
            if target in BOTTOM:
                continue
            a, b = node_of(importer), node_of(target)
            if a != b:
                edges[a].add(b)
                why[(a, b)].add((importer, target))
    cycle = find_cycle(edges)
    assert cycle is None, (
        " → ".join(cycle)
        + "; through: "
        + "; ".join(
            f"{x} imports {y}" for a, b in zip(cycle, cycle[1:], strict=False) for x, y in sorted(why[(a, b)])
        )
    )

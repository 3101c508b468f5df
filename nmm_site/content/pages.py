"""Read the three content trees: every Markdown page with its parsed front matter."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from nmm_site import fast_yaml, trust
from nmm_site.content.config import ContentConfig
from nmm_site.content.fingerprint import tree_fingerprint
from nmm_site.content.frontmatter import FrontMatter, parse
from nmm_site.errors import Problem


@dataclass(frozen=True)
class Page:
    lang: str
    rel: PurePosixPath  # path inside the language tree, e.g. provinces/ha-giang.md
    path: Path  # the file on disk
    text: str  # the whole file as decoded (not normalised)
    front: FrontMatter | None

    @property
    def page_id(self) -> str | None:
        value = self.front.data.get("id") if self.front else None
        return value if isinstance(value, str) else None

    @property
    def page_type(self) -> str | None:
        value = self.front.data.get("type") if self.front else None
        return value if isinstance(value, str) else None


@dataclass(frozen=True)
class Trees:
    pages: dict[str, dict[PurePosixPath, Page]]  # lang → rel → page
    problems: tuple[Problem, ...]  # unreadable files and bad front matter

    def rels(self) -> list[PurePosixPath]:
        """Every relative path present in at least one tree, sorted."""
        return sorted({rel for pages in self.pages.values() for rel in pages})


def read_page(config: ContentConfig, lang: str, path: Path) -> tuple[Page | None, list[Problem]]:
    rel = PurePosixPath(path.relative_to(config.tree(lang)).as_posix())
    if trust.link_problem(path, config.root):
        return None, []  # never read through it (/dev/zero…); reported by trust.outside_links
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        return None, [
            Problem(
                path,
                line,
                "the file is not valid UTF-8 text",
                "open it in your editor and save it with the UTF-8 encoding",
            )
        ]
    if nul := trust.nul_problem(path, text):
        return None, [nul]
    parsed = parse(path, text)
    return Page(lang, rel, path, text, parsed.front_matter), list(parsed.problems)


def read_trees(config: ContentConfig) -> Trees:
    """Every `*.md` under docs/<lang>/ for each language (read once per content version).

    The content checks and the translation status both need every page, in every language build:
    parsing them once per change keeps the build fast.
    """
    key = (config, tree_fingerprint(config))
    if key not in _TREES:
        _TREES.clear()
        _TREES[key] = _read_trees(config)
    return _TREES[key]


_TREES: dict[tuple[ContentConfig, str], Trees] = {}


def _read_trees(config: ContentConfig) -> Trees:
    pages: dict[str, dict[PurePosixPath, Page]] = {}
    problems: list[Problem] = []
    for lang in config.languages:
        pages[lang] = {}
        tree = config.tree(lang)
        if not tree.is_dir():
            continue
        for path in sorted(tree.rglob("*.md")):
            page, found = read_page(config, lang, path)
            problems.extend(found)
            if page is not None:
                pages[lang][page.rel] = page
    return Trees(pages=pages, problems=tuple(problems))


def load_yaml_keys(path: Path) -> tuple[dict, list[Problem]]:
    """A YAML mapping file (data or sources) as a dict, or a problem naming its line."""
    try:
        data = fast_yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        return {}, [
            Problem(
                path,
                mark.line + 1 if mark else None,
                f"not valid YAML ({error.problem})",
                "correct the YAML on this line (quotes around values with `: ` or `#`)",
            )
        ]
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return {}, [Problem(path, 1, "the file must be a mapping `id: {…}`", "write one entry per id")]
    return data, []


def load_sources(config: ContentConfig) -> tuple[dict[str, Path], list[Problem]]:
    """Every source id in data/sources/*.yml, with the file that defines it."""
    known: dict[str, Path] = {}
    problems: list[Problem] = []
    for path in sorted((config.data_dir / "sources").glob("*.yml")):
        data, found = load_yaml_keys(path)
        problems.extend(found)
        for key in data:
            known.setdefault(str(key), path)
    return known, problems

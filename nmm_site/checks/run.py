"""Every check of `nmm check-content` and of the build's gate, over the whole project.

It sits above the feature packages it calls (content, editorial, facts, visits, calendar), so none of
them needs to import another's runner.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass

from nmm_site import trust
from nmm_site.content.checks import (
    check_entity,
    check_fields,
    check_hero,
    check_links,
    check_nfc,
    check_parity,
    check_slug,
    check_sources,
    check_unique_ids,
)
from nmm_site.content.config import ContentConfig
from nmm_site.content.fingerprint import add_files
from nmm_site.content.frontmatter import parse
from nmm_site.content.links import anchors
from nmm_site.content.pages import Page, load_sources, load_yaml_keys, read_trees
from nmm_site.content.terms import Exonyms, check_terms, load_exonyms
from nmm_site.editorial.check import check_editorial_data, check_page_editorial
from nmm_site.editorial.rules import Rules
from nmm_site.errors import Problem, problem_order
from nmm_site.facts import config as facts_config
from nmm_site.facts.check import check_numbers
from nmm_site.visits.validate import check_project as check_visits


@dataclass(frozen=True)
class Report:
    problems: tuple[Problem, ...]  # what the editor must fix
    fixed: tuple[Problem, ...]  # what was repaired in place (only without --check)
    pages: int  # how many pages were read


def _entity_keys(config: ContentConfig) -> tuple[dict[str, set[str] | None], list[Problem]]:
    keys: dict[str, set[str] | None] = {}
    problems: list[Problem] = []
    for page_type, name in config.entity_files:
        path = config.data_dir / name
        if not path.is_file():
            keys[page_type] = None
            continue
        # A dataset may be split into parts (heritage.yml + heritage-2.yml): the ids of every part count.
        parts = [path, *sorted(config.data_dir.glob(f"{path.stem}-[0-9]*.yml"))]
        keys[page_type] = set()
        for part in parts:
            data, found = load_yaml_keys(part)
            problems.extend(found)
            keys[page_type] |= {str(key) for key in data}
    return keys, problems


@dataclass(frozen=True)
class _Project:
    """What the page checks read besides the page (from data/ and mkdocs.yml), and its own problems."""

    known_sources: dict
    entity_keys: dict
    exonyms: Exonyms
    rules: Rules
    problems: tuple[Problem, ...]


def _project_checks(config: ContentConfig) -> _Project:
    """The checks of the data alone: source registry, datasets, calendar, exonyms, editorial, visits."""
    problems: list[Problem] = []
    known_sources, found = load_sources(config)
    problems.extend(found)
    entity_keys, found = _entity_keys(config)
    problems.extend(found)
    if any(config.data_dir.glob("events*.yml")):  # the festival calendar's data (nmm_site/calendar)
        from nmm_site.calendar.events import check_events

        problems.extend(check_events(facts_config.default(config.data_dir, config.languages)))
    exonyms, found = load_exonyms(config.data_dir)
    problems.extend(found)
    # Editorial rules (data/editorial/): research-state phrases, terminology, acceptable sources.
    rules, found = check_editorial_data(config)
    problems.extend(found)
    problems.extend(check_visits(config.root))  # data/visits-*.yml: nmm_site/visits/validate.py
    return _Project(known_sources, entity_keys, exonyms, rules, tuple(problems))


def _page_checks(page: Page, config: ContentConfig, project: _Project, numbers: bool) -> tuple[Problem, ...]:
    """Every check of one page that reads nothing but the page and the project's data."""
    problems = [
        *check_slug(page),
        *check_fields(page, config),
        *check_entity(page, config, project.entity_keys),
        *check_sources(page, project.known_sources),
        *check_hero(page, config),
        *check_terms(page, project.exonyms),
        *check_page_editorial(page, project.rules),
    ]
    if numbers:
        problems.extend(check_numbers(page.path, page.text, page.lang, data_dir=config.data_dir))
    return tuple(problems)


class Memo:
    """The results of the last checks, so that a preview re-checks only what an edit can change.

    One per process (the build's gate keeps one). A page's results are reused while its text and all
    the rest its checks read are unchanged: the data, schemas and images (names, sizes, times),
    mkdocs.yml and the list of pages; its links also while no page's anchors change. What depends on
    several pages (parity, unique ids) always runs. tests/content/test_check_memo.py compares a memoised
    check with a fresh one after each kind of edit.

    Results are kept for the current inputs only (a data edit drops them all), so the memo holds about
    two results per page plus the versions of the pages saved since; `limit` bounds even that.
    """

    def __init__(self, limit: int = 5_000) -> None:
        self.limit = limit
        self._project: tuple[str, _Project] | None = None
        self._pages: tuple[str, dict[tuple, tuple[Problem, ...]]] = ("", {})  # inputs → results
        self._links: tuple[tuple[str, str], dict[tuple, tuple[Problem, ...]]] = (("", ""), {})
        self._anchors: dict[str, frozenset[str]] = {}  # page body → its anchors

    def project(self, config: ContentConfig, inputs: str) -> _Project:
        if self._project is None or self._project[0] != inputs:
            self._project = (inputs, _project_checks(config))
        return self._project[1]

    def anchors(self, page: Page) -> frozenset[str]:
        body = page.front.body if page.front else None
        if body is None:
            return frozenset()
        if body not in self._anchors:
            if len(self._anchors) >= self.limit:
                self._anchors.clear()
            self._anchors[body] = frozenset(anchors(body))
        return self._anchors[body]

    def page_results(self, inputs: str) -> dict[tuple, tuple[Problem, ...]]:
        """Page results for these inputs (a new, empty table when they changed)."""
        if self._pages[0] != inputs or len(self._pages[1]) >= self.limit:
            self._pages = (inputs, {})
        return self._pages[1]

    def link_results(self, inputs: str, every_anchor: str) -> dict[tuple, tuple[Problem, ...]]:
        """Link results for these inputs and these anchors of every page."""
        if self._links[0] != (inputs, every_anchor) or len(self._links[1]) >= self.limit:
            self._links = ((inputs, every_anchor), {})
        return self._links[1]


def _remembered(table: dict[tuple, tuple[Problem, ...]], key: tuple, compute) -> tuple[Problem, ...]:
    if key not in table:
        table[key] = tuple(compute())
    return table[key]


def _inputs_key(config: ContentConfig) -> str:
    """Everything but the pages' text that the checks read: a change re-runs every check."""
    digest = hashlib.sha256(repr(config).encode("utf-8"))
    settings = config.root / "mkdocs.yml"
    if settings.is_file():
        digest.update(settings.read_bytes())
    add_files(digest, (config.data_dir, config.schemas_dir, config.images_dir))
    # Which pages exist (not their text): links, parity and the visits' `page:` read it.
    add_files(digest, (config.docs_dir,), names_only=True)
    return digest.hexdigest()


def check_content(
    config: ContentConfig, fix: bool = False, numbers: bool = True, memo: Memo | None = None
) -> Report:
    """Run every check on the three trees; with `fix`, repair what is safe (Unicode NFC) first.

    With a `memo` kept from an earlier call (a preview), unchanged pages are not checked again."""
    memo = memo or Memo()
    trees = read_trees(config)
    problems: list[Problem] = list(trees.problems)
    problems.extend(trust.outside_links(config.root))  # symlinks out of docs/, assets/ (nmm_site/trust.py)
    fixed: list[Problem] = []
    # NFC first: once repaired, the other checks read the repaired text.
    for lang, pages in trees.pages.items():
        for rel, page in list(pages.items()):
            found, repaired = check_nfc(page, fix)
            problems.extend(found)
            fixed.extend(repaired)
            if repaired:
                text = unicodedata.normalize("NFC", page.text)
                pages[rel] = Page(lang, rel, page.path, text, parse(page.path, text).front_matter)
    inputs = _inputs_key(config)
    project = memo.project(config, inputs)
    problems.extend(project.problems)
    every_anchor = hashlib.sha256()
    for lang, pages in sorted(trees.pages.items()):
        for rel, page in sorted(pages.items()):
            every_anchor.update(f"{lang}/{rel}\0{' '.join(sorted(memo.anchors(page)))}\n".encode())
    page_results = memo.page_results(inputs)
    link_results = memo.link_results(inputs, every_anchor.hexdigest())
    anchor_cache = {
        (page.lang, page.rel): set(memo.anchors(page))
        for pages in trees.pages.values()
        for page in pages.values()
    }
    for pages in trees.pages.values():
        for page in pages.values():
            key = (numbers, page.lang, page.rel, page.path, page.text)
            problems.extend(
                _remembered(page_results, key, lambda page=page: _page_checks(page, config, project, numbers))
            )
            problems.extend(
                _remembered(
                    link_results, key, lambda page=page: check_links(page, trees, config, anchor_cache)
                )
            )
    problems.extend(check_parity(trees, config))
    problems.extend(check_unique_ids(trees))
    count = sum(len(pages) for pages in trees.pages.values())
    return Report(
        problems=tuple(sorted(set(problems), key=problem_order)),
        fixed=tuple(sorted(fixed, key=problem_order)),
        pages=count,
    )

"""Every check of `nmm check-content` and of the build's gate, over the whole project.

It sits above the feature packages it calls (content, editorial, facts, visits, calendar), so none of
them needs to import another's runner.
"""

from __future__ import annotations

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
from nmm_site.content.frontmatter import parse
from nmm_site.content.pages import Page, load_sources, load_yaml_keys, read_trees
from nmm_site.content.terms import check_terms, load_exonyms
from nmm_site.editorial.check import check_editorial
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


def check_content(config: ContentConfig, fix: bool = False, numbers: bool = True) -> Report:
    """Run every check on the three trees; with `fix`, repair what is safe (Unicode NFC) first."""
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
    known_sources, found = load_sources(config)
    problems.extend(found)
    entity_keys, found = _entity_keys(config)
    problems.extend(found)
    if any(config.data_dir.glob("events*.yml")):  # the festival calendar's data (nmm_site/calendar)
        from nmm_site.calendar.events import check_events

        problems.extend(check_events(facts_config.default(config.data_dir, config.languages)))
    exonyms, found = load_exonyms(config.data_dir)
    problems.extend(found)
    anchor_cache: dict = {}
    for pages in trees.pages.values():
        for page in pages.values():
            problems.extend(check_slug(page))
            problems.extend(check_fields(page, config))
            problems.extend(check_entity(page, config, entity_keys))
            problems.extend(check_sources(page, known_sources))
            problems.extend(check_hero(page, config))
            problems.extend(check_links(page, trees, config, anchor_cache))
            problems.extend(check_terms(page, exonyms))
            if numbers:
                problems.extend(check_numbers(page.path, page.text, page.lang, data_dir=config.data_dir))
    problems.extend(check_parity(trees, config))
    problems.extend(check_unique_ids(trees))
    # Editorial rules (data/editorial/): research-state phrases, terminology, acceptable sources.
    problems.extend(check_editorial(config, trees))
    problems.extend(check_visits(config.root))  # data/visits-*.yml: nmm_site/visits/validate.py
    count = sum(len(pages) for pages in trees.pages.values())
    return Report(
        problems=tuple(sorted(set(problems), key=problem_order)),
        fixed=tuple(sorted(fixed, key=problem_order)),
        pages=count,
    )

"""The checks of one page or of the page trees: each returns the problems it finds, naming file and line.

`nmm_site.checks.run.check_content` runs them with the checks of the data, the editorial rules, the
visitor essentials and the calendar.
"""

from __future__ import annotations

import difflib
import posixpath
import unicodedata
from collections import defaultdict
from pathlib import Path, PurePosixPath

from nmm_site.content.config import ContentConfig
from nmm_site.content.links import anchors, is_page_link, links
from nmm_site.content.pages import Page, Trees
from nmm_site.content.schema import validate
from nmm_site.content.slugs import slugify
from nmm_site.errors import Problem
from nmm_site.files import atomic_write

# Unicode NFC ---------------------------------------------------------------------------------------


def first_non_nfc_line(text: str) -> int | None:
    """1-based line of the first character not in NFC (e.g. NFD text saved by some macOS editors)."""
    if unicodedata.is_normalized("NFC", text):
        return None
    for number, line in enumerate(text.splitlines(), start=1):
        if not unicodedata.is_normalized("NFC", line):
            return number
    return 1


def check_nfc(page: Page, fix: bool) -> tuple[list[Problem], list[Problem]]:
    """(problems, repairs): with `fix`, rewrite the file in NFC and report the repair."""
    line = first_non_nfc_line(page.text)
    if line is None:
        return [], []
    if fix:
        atomic_write(page.path, unicodedata.normalize("NFC", page.text).encode("utf-8"))  # never half-written
        return [], [
            Problem(
                page.path,
                line,
                "converted to Unicode NFC (decomposed accents recomposed)",
                "nothing to do: review and commit the change",
            )
        ]
    return [
        Problem(
            page.path,
            line,
            "the text is not in Unicode NFC: accents are stored as separate characters from this "
            "line on (as some macOS editors save Vietnamese), which breaks search and sorting",
            "run `nmm check-content` (without --check) to fix it in place, then commit",
        )
    ], []


# Names and front matter ----------------------------------------------------------------------------


def check_slug(page: Page) -> list[Problem]:
    """Every folder and file name is its own slug: stable lower-case ASCII with hyphens."""
    problems = []
    for part in (*page.rel.parent.parts, page.rel.stem):
        expected = slugify(part)
        if part != expected:
            problems.append(
                Problem(
                    page.path,
                    None,
                    f"the name `{part}` is not a slug (the page's URL is made from it)",
                    f"rename it to `{expected or 'an ASCII name'}`: lower-case ASCII letters, "
                    "digits and hyphens, without accents (e.g. `dien-bien-phu`)",
                )
            )
    return problems


def check_fields(page: Page, config: ContentConfig) -> list[Problem]:
    """Schema of the page's type, then the rules a schema cannot express."""
    front = page.front
    if front is None:
        return []
    problems = validate(page.path, front, config.schemas_dir)
    data = front.data
    if page.lang == config.source_language and "translation" in data:
        problems.append(
            Problem(
                page.path,
                front.line("translation"),
                "a Vietnamese page is the source: it has no `translation` field",
                "delete the `translation:` line and the line below it",
            )
        )
    for key in ("title", "description"):
        # Material prints these into HTML attributes unescaped: a straight double quote ends the attribute.
        if isinstance(data.get(key), str) and '"' in data[key]:
            problems.append(
                Problem(
                    page.path,
                    front.line(key),
                    f"the {key} contains a straight double quote (\"), which breaks the page's HTML head",
                    "use typographic quotes: “…” in Vietnamese and English, « … » in French",
                )
            )
        if isinstance(data.get(key), str) and "TODO" in data[key]:
            problems.append(
                Problem(
                    page.path,
                    front.line(key),
                    f"the {key} still holds the TODO placeholder from `nmm new-page`",
                    f"write the real {key} in place of the TODO text",
                )
            )
    page_id, page_type = page.page_id, page.page_type
    folder = dict(config.type_folders).get(page_type or "")
    if page_id and folder and page.rel != PurePosixPath(folder, f"{page_id}.md"):
        problems.append(
            Problem(
                page.path,
                front.line("id"),
                f"a {page_type} page with id `{page_id}` must be saved as {folder}/{page_id}.md",
                "rename the file or correct the id (the id is the file name without .md)",
            )
        )
    return problems


def check_entity(page: Page, config: ContentConfig, entity_keys: dict[str, set[str] | None]) -> list[Problem]:
    """A province/heritage/people page's id is a key of its data file (when that file exists)."""
    data_file = dict(config.entity_files).get(page.page_type or "")
    keys = entity_keys.get(page.page_type or "")
    if not data_file or keys is None or not page.page_id or page.page_id in keys:
        return []
    close = difflib.get_close_matches(page.page_id, sorted(keys), n=1)
    hint = f"did you mean `{close[0]}`? " if close else ""
    return [
        Problem(
            page.path,
            page.front.line("id") if page.front else None,
            f"id `{page.page_id}` is not an entry of data/{data_file}",
            f"{hint}Use the id of an entry in data/{data_file}, or add the entry there first",
        )
    ]


def check_sources(page: Page, known: dict[str, Path]) -> list[Problem]:
    """Every source id exists in data/sources/*.yml."""
    front = page.front
    sources = front.data.get("sources") if front else None
    if not isinstance(sources, list):
        return []
    problems = []
    for index, source in enumerate(sources):
        if isinstance(source, str) and source not in known:
            close = difflib.get_close_matches(source, sorted(known), n=1)
            hint = f"did you mean `{close[0]}`? " if close else ""
            problems.append(
                Problem(
                    page.path,
                    front.line("sources", index),
                    f"source `{source}` is not in data/sources/*.yml",
                    f"{hint}Correct the id, or add the source (title, publisher, url, accessed) "
                    "to a file in data/sources/",
                )
            )
    return problems


def check_hero(page: Page, config: ContentConfig) -> list[Problem]:
    """The hero image exists in assets/images/."""
    hero = page.front.data.get("hero") if page.front else None
    if not isinstance(hero, str) or "/" in hero or (config.images_dir / hero).is_file():
        return []
    return [
        Problem(
            page.path,
            page.front.line("hero"),
            f"hero image `{hero}` is not in assets/images/",
            "correct the file name, or add the image and its .yml sidecar to assets/images/",
        )
    ]


# Across the trees ----------------------------------------------------------------------------------


def check_parity(trees: Trees, config: ContentConfig) -> list[Problem]:
    """Translations follow a Vietnamese page at the same path, with the same id and type."""
    problems = []
    sources = trees.pages.get(config.source_language, {})
    for lang in config.translations:
        for rel, page in trees.pages.get(lang, {}).items():
            source = sources.get(rel)
            if source is None:
                problems.append(
                    Problem(
                        page.path,
                        None,
                        f"orphaned translation: there is no Vietnamese page "
                        f"docs/{config.source_language}/{rel}",
                        f"move this file to the path of its Vietnamese page, create "
                        f"docs/{config.source_language}/{rel}, or delete this file",
                    )
                )
                continue
            for key, value in (("id", page.page_id), ("type", page.page_type)):
                expected = source.front.data.get(key) if source.front else None
                if value is not None and expected is not None and value != expected:
                    problems.append(
                        Problem(
                            page.path,
                            page.front.line(key) if page.front else None,
                            f"{key} `{value}` differs from the Vietnamese page's {key} `{expected}`",
                            f"write `{key}: {expected}`: the {key} is the same in all three trees",
                        )
                    )
    return problems


def check_unique_ids(trees: Trees) -> list[Problem]:
    """No two pages of one language share an id."""
    problems = []
    for pages in trees.pages.values():
        by_id: dict[str, list[Page]] = defaultdict(list)
        for rel in sorted(pages):
            if pages[rel].page_id:
                by_id[pages[rel].page_id].append(pages[rel])
        for page_id, same in by_id.items():
            for page in same[1:]:
                problems.append(
                    Problem(
                        page.path,
                        page.front.line("id") if page.front else None,
                        f"id `{page_id}` is already used by {same[0].rel}",
                        "give each page its own id (usually its file name without .md)",
                    )
                )
    return problems


def _resolve(page: Page, link_path: str) -> PurePosixPath | None:
    """The linked page's path inside the tree, or None if the link leaves the tree."""
    if not link_path:
        return page.rel
    joined = posixpath.normpath(posixpath.join(page.rel.parent.as_posix(), link_path))
    return None if joined.startswith("../") or joined == ".." else PurePosixPath(joined)


def check_links(page: Page, trees: Trees, config: ContentConfig, anchor_cache: dict) -> list[Problem]:
    """Links to other pages resolve (a missing translation falls back to Vietnamese), and so do #anchors."""
    if page.front is None:
        return []
    problems = []
    for link in links(page.front.body, page.front.body_line):
        if not is_page_link(link):
            continue
        rel = _resolve(page, link.path)
        target = None
        if rel is not None:
            target = trees.pages[page.lang].get(rel) or trees.pages[config.source_language].get(rel)
        if target is None:
            known = [posixpath.relpath(str(r), page.rel.parent.as_posix() or ".") for r in trees.rels()]
            close = difflib.get_close_matches(link.path, known, n=1)
            hint = f"did you mean `{close[0]}`? " if close else ""
            problems.append(
                Problem(
                    page.path,
                    link.line,
                    f"the link `{link.target}` points to a page that does not exist",
                    f"{hint}Write the path from this file to the .md file, e.g. "
                    "`../heritage/dong-van-karst-plateau.md`",
                )
            )
            continue
        if link.anchor:
            key = (target.lang, target.rel)
            if key not in anchor_cache:
                anchor_cache[key] = anchors(target.front.body) if target.front else set()
            if link.anchor not in anchor_cache[key]:
                shown = ", ".join(f"#{a}" for a in sorted(anchor_cache[key])[:8]) or "none"
                problems.append(
                    Problem(
                        page.path,
                        link.line,
                        f"the link `{link.target}` names the anchor `#{link.anchor}`, which is "
                        f"not a heading of {target.rel}",
                        f"use a heading's anchor (its text in lower-case ASCII with hyphens); "
                        f"the page has: {shown}",
                    )
                )
    return problems

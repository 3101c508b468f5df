"""MkDocs adapter for nmm_site.page_cache: a page whose inputs have not changed is not rendered again.

Public events, last in every page event (priority -1000), so every other hook has run on the page
(its shortcodes, translation status, images, collected redirects and keywords) before the key is taken.
One step runs first: in `on_page_context`, before Material's search (priority 0), a reused page is kept
out of the search plugin's HTML parse, and its stored entries are put back after it (compat.py).
`NMM_PAGE_CACHE=0` renders every page (the tests that compare both builds set it).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.plugins import CombinedEvent, event_priority

from nmm_site import compat, page_cache

# An empty template: a reused page's output is the stored one (overrides/nmm-reused.html).
TEMPLATE = "nmm-reused.html"
log = logging.getLogger("mkdocs.hooks.page_cache")


class _Build:
    """One `build()`: static-i18n runs the other languages' builds inside the first one's post_build."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.signature = ""
        self.reused: dict[str, page_cache.Entry] = {}  # page source → stored entry
        # Pages rendered in this build: source → key, then (key, content, anchors, links) once converted.
        self.keys: dict[str, str] = {}
        self.converted: dict[str, tuple[str, str, tuple[str, ...], tuple[str, ...]]] = {}
        # Material's search: where a rendered page's entries start, and what a reused page's front
        # matter said about search before it was kept out of the parse (source → value).
        self.search_start: dict[str, int] = {}
        self.search_meta: dict[str, object] = {}
        self.searched: dict[str, tuple[dict, ...]] = {}  # rendered page → its entries
        self.done: dict[str, page_cache.Entry] = {}  # key → entry, written if the build did not warn
        self.warnings = page_cache.WarningCounter()


_cache: page_cache.PageCache | None = None
_builds: list[_Build] = []
_project: list[str] = []  # the project's signature, taken once per build (static-i18n's nested ones share it)


def _reused(page) -> tuple[_Build | None, page_cache.Entry | None]:
    """The current build and, when the page is reused, its stored entry."""
    if not _builds:
        return None, None
    build = _builds[-1]
    return build, build.reused.get(page.file.src_uri)


def _enabled() -> bool:
    return os.environ.get("NMM_PAGE_CACHE", "1") != "0"


# MkDocs' build() runs on_config again for each language static-i18n builds inside the first build.
def on_config(config):
    global _cache
    if _builds:
        return config
    root = Path(config.config_file_path).parent
    _project.clear()
    _cache = page_cache.cache_for(root / ".cache" / "pages") if _enabled() else None
    if _cache is not None:
        _cache.prune()
    return config


def on_pre_build(config):
    logger = logging.getLogger("mkdocs")
    if not _builds:  # the first build: drop the counters of a build that stopped on an error (serve)
        for handler in list(logger.handlers):
            if isinstance(handler, page_cache.WarningCounter):
                logger.removeHandler(handler)
    build = _Build(str(config.theme["language"]))
    logger.addHandler(build.warnings)
    _builds.append(build)


def on_nav(nav, config, files):
    if _cache is None or not _builds:
        return nav
    root = Path(config.config_file_path).parent
    # At the first language's nav, after every hook's pre_build wrote what it generates.
    if not _project:
        _project.append(page_cache.project_signature(root))
    _builds[-1].signature = page_cache.site_signature(
        _project[0],
        root,
        files=[(f.src_uri, f.dest_uri) for f in files],
        pages=[Path(f.abs_src_path) for f in files.documentation_pages() if f.abs_src_path],
        settings={
            "language": config.theme["language"],
            "site_url": config.site_url,
            "site_name": config.site_name,
            "directory_urls": config.use_directory_urls,
            "extra": dict(config.extra),
        },
    )
    return nav


def _page_links(page) -> tuple[str, ...]:
    found = page.links_to_anchors or {}
    return tuple(sorted({link for links in found.values() for link in links.values()}))


@event_priority(-1000)
def on_page_markdown(markdown, page, config, files):
    if _cache is None or not _builds or not _builds[-1].signature:
        return markdown
    build = _builds[-1]
    key = page_cache.page_key(
        build.signature,
        source=page.file.src_uri,
        url=page.url,
        language=str(config.theme["language"]),
        markdown=markdown,
        meta=page.meta,
    )
    if key is None:
        return markdown
    entry = _cache.get(key)
    if entry is None:
        build.keys[page.file.src_uri] = key
        return markdown
    build.reused[page.file.src_uri] = entry
    page.meta["template"] = TEMPLATE
    return page_cache.stub_markdown(entry)


@event_priority(-1000)
def on_page_content(html, page, config, files):
    build, entry = _reused(page)
    if entry is not None:
        return entry.content
    key = build.keys.get(page.file.src_uri) if build else None
    if build and key:
        anchors = tuple(sorted(a for a in page.present_anchor_ids or () if a))
        build.converted[page.file.src_uri] = (key, html, anchors, _page_links(page))
    return html


_NO_VALUE = object()


def _copies(entries) -> list[dict]:
    """Copies of search entries: dicts of strings, with a list of tags (a third of deepcopy's time)."""
    return [{k: list(v) if isinstance(v, list) else v for k, v in e.items()} for e in entries]


def _search_step(page, config):
    """(this build, the page's stored entry or None, Material's entries), or None without either."""
    build, entry = _reused(page)
    entries = compat.search_entries(config)
    return None if build is None or entries is None else (build, entry, entries)


@event_priority(100)  # before Material's search plugin (0)
def _before_search(context, page, config, nav):
    if (step := _search_step(page, config)) is None:
        return context
    build, entry, entries = step
    source = page.file.src_uri
    if entry is not None and entry.search is not None:
        build.search_meta[source] = page.meta.get("search", _NO_VALUE)
        page.meta["search"] = {"exclude": True}  # documented: the plugin adds nothing for this page
    elif entry is None and source in build.keys:
        build.search_start[source] = len(entries)
    return context


@event_priority(-1000)
def _after_search(context, page, config, nav):
    if (step := _search_step(page, config)) is None:
        return context
    build, entry, entries = step
    source = page.file.src_uri
    if source in build.search_meta:
        before = build.search_meta.pop(source)
        if before is _NO_VALUE:
            del page.meta["search"]
        else:
            page.meta["search"] = before
        entries.extend(_copies(entry.search))  # copies: later steps may change the index's dicts
    elif source in build.search_start:
        build.searched[source] = tuple(_copies(entries[build.search_start.pop(source) :]))
    return context


on_page_context = CombinedEvent(_before_search, _after_search)


@event_priority(-1000)
def on_post_page(output, page, config):
    build, entry = _reused(page)
    if entry is not None:
        return entry.output
    converted = build.converted.pop(page.file.src_uri, None) if build else None
    if build and converted:
        key, content, anchors, links = converted
        search = build.searched.pop(page.file.src_uri, None)
        build.done[key] = page_cache.Entry(content, output, anchors, links, search)
    return output


@event_priority(-1000)
def on_post_build(config):
    if not _builds:
        return
    build = _builds.pop()
    logging.getLogger("mkdocs").removeHandler(build.warnings)
    if _cache is None:
        return
    if build.warnings.count:
        log.info("Page cache: nothing kept from a build that warned")
        return
    for key, entry in build.done.items():
        _cache.put(key, entry)
    log.info(
        "Page cache (%s): %d pages reused, %d rendered",
        build.language,
        len(build.reused),
        len(build.done),
    )


def on_build_error(error):
    # A build that stopped keeps nothing, and the next build (mkdocs serve) starts clean.
    logger = logging.getLogger("mkdocs")
    while _builds:
        logger.removeHandler(_builds.pop().warnings)

"""Every touch of Material, static-i18n and MkDocs internals, each with the version it was written for.

tests/test_compat.py checks each one against the installed versions: an upgrade fails there first,
naming what to review here, instead of breaking the site quietly.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from nmm_site.errors import Problem, ProblemsFound
from nmm_site.files import atomic_write

# The versions (pinned in pyproject.toml) the code below was written for and checked against.
MKDOCS = "1.6.1"
MATERIAL = "9.8.1"
STATIC_I18N = "1.3.1"
WRITTEN_FOR = {"mkdocs": MKDOCS, "mkdocs-material": MATERIAL, "mkdocs-static-i18n": STATIC_I18N}


# static-i18n (1.3.1): it builds the default language, then each other one from inside the first
# build's on_post_build, setting two attributes of its plugin object that it does not document.


def nested_language_build(config: Any) -> bool:
    """True inside static-i18n's build of a non-first language (its plugin's `building` flag)."""
    return bool(getattr(config.plugins.get("i18n"), "building", False))


def language_being_built(config: Any) -> str | None:
    """The language static-i18n is building (its plugin's `current_language`), None outside a build."""
    return getattr(config.plugins.get("i18n"), "current_language", None)


# Material (9.8.1): the search worker's file name carries a hash that changes with every release;
# our `config` block (overrides/main.html) names it, so it is read from the installed theme.
SEARCH_WORKER_GLOB = "assets/javascripts/workers/search.*.min.js"


def search_worker(theme_dirs: Iterable[str | Path]) -> str:
    """The search worker's path in the site, from the first theme folder that has one (config.theme.dirs)."""
    for folder in map(Path, theme_dirs):
        found = sorted(folder.glob(SEARCH_WORKER_GLOB))
        if len(found) == 1:
            return found[0].relative_to(folder).as_posix()
        if found:
            raise ProblemsFound([_worker_problem(folder, f"{len(found)} search workers")])
    raise ProblemsFound([_worker_problem(Path("mkdocs.yml"), "no search worker in any theme folder")])


def _worker_problem(path: Path, what: str) -> Problem:
    return Problem(
        path,
        None,
        f"Material's search worker not found as expected ({SEARCH_WORKER_GLOB}): {what}",
        f"review nmm_site/compat.py (written for mkdocs-material {MATERIAL}) against the installed Material",
    )


# Material (9.8.1): its search plugin indexes a page in `on_page_context` by parsing the page's HTML
# with a pure-Python parser (`search_index.add_entry_from_context`): 0.3 s of a warm build of ours,
# whose pages are richer than plain Material's. A page our page cache reuses has the HTML it had when
# its entries were made, so the cache keeps those entries with the page and puts them back
# (hooks/page_cache.py). We rely on two things:
# - the plugin's `search_index.entries`: a list of one dict per section, appended in page order (the
#   list static-i18n also reads and refills when it merges the languages' indexes);
# - the documented `search: exclude` front matter: the plugin then adds nothing for that page.
# tests/site compares a build that reuses every page with one that renders every page, search
# indexes included, byte for byte.


def search_entries(config: Any) -> list[dict[str, Any]] | None:
    """The search index entries of this build so far (appended in page order), None without search."""
    plugin = config.plugins.get("material/search")
    if plugin is None or not getattr(plugin.config, "enabled", True):
        return None
    entries = getattr(getattr(plugin, "search_index", None), "entries", None)
    return entries if isinstance(entries, list) else None


# Material (9.8.1): two narrow patches to its JavaScript bundle, applied to the built copy after
# each build (hooks/languages.py through nmm_site/i18n/languages.py). No template block or option
# reaches either behaviour:
#
# 1. Material's "stay on page" language switch fetches `<alternate href>/sitemap.xml` for each
#    `<link rel=alternate>`. Our switcher links are computed per page at build time, and our hreflang
#    links point at pages, so those fetches would only produce 404s and wasted requests on a phone. We
#    narrow the bundle's selector to links that opt in with `data-md-sitemap` (none do).
# 2. Material downloads the language's whole search index (≈300 KB raw, ≈75 KB gzipped for `vi`) as
#    soon as any page loads, competing with the page's own text and hero image on a slow phone
#    network. We make that download wait until the visitor shows they want to search: focus or a tap
#    in the search form, opening the search (the header button or the `/` shortcut), or a `?q=` in the
#    address. Queries typed meanwhile are answered once the index arrives ("Initializing search").
#
# The anchors are minifier names: if an upgrade changes them, the build stops and says so. The
# replacements use only names the anchors themselves contain (`ks` fetches the index, `F` is RxJS's
# Observable, `Z` is shareReplay), checked in `patch_text`; tests/test_compat.py runs them on the
# installed bundle.

SITEMAP_ANCHOR = 'M("link[rel=alternate]")'
SITEMAP_REPLACEMENT = 'M("link[rel=alternate][data-md-sitemap]")'

SEARCH_ANCHOR = 'zi=document.forms.namedItem("search")?ks():tt'
# `F` (Observable) and `Z` (shareReplay) must be what the bundle says they are: see REQUIRED_CONTEXT.
SEARCH_REPLACEMENT = (
    'zi=document.forms.namedItem("search")?new F(o=>{'
    "let s,go=()=>{s||(s=ks().subscribe(o))},"
    'f=document.forms.namedItem("search"),t=document.getElementById("__search");'
    'if(/[?&]q=/.test(location.search))go();else{f.addEventListener("focusin",go,{once:!0});'
    'f.addEventListener("pointerdown",go,{once:!0});t&&t.addEventListener("change",go,{once:!0})}'
    "return()=>{s&&s.unsubscribe()}}).pipe(Z(1)):tt"
)
# What the replacement relies on, as the bundle itself spells it.
REQUIRED_CONTEXT = (
    "function ks(){",  # fetches search/search_index.json
    "return new F(r=>{let o=new XMLHttpRequest",  # F is the Observable constructor
    ".pipe(m(()=>__index),Z(1))",  # Z is shareReplay
)

PATCHES = (
    (SITEMAP_ANCHOR, SITEMAP_REPLACEMENT, "the language-switch sitemap fetch"),
    (SEARCH_ANCHOR, SEARCH_REPLACEMENT, "the search index download at page load"),
)


def patch_text(text: str, bundle: Path) -> str:
    """Return the bundle's text with every patch applied; already-patched text comes back unchanged."""
    problems = []
    for anchor, replacement, what in PATCHES:
        if replacement in text:
            continue
        if text.count(anchor) != 1:
            problems.append(_changed(bundle, what))
            continue
        text = text.replace(anchor, replacement)
    for needed in REQUIRED_CONTEXT:
        if needed not in text:
            problems.append(_changed(bundle, f"the code the search patch relies on ({needed!r})"))
    if problems:
        raise ProblemsFound(problems)
    return text


def patch_bundle(site_dir: Path) -> Path:
    """Patch the built bundle in place (idempotent); return its path."""
    bundles = sorted((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    if len(bundles) != 1:
        raise ProblemsFound(
            [
                Problem(
                    site_dir / "assets/javascripts",
                    None,
                    f"expected one Material bundle, found {len(bundles)}",
                    "check the mkdocs-material version pinned in requirements.lock",
                )
            ]
        )
    bundle = bundles[0]
    text = bundle.read_text(encoding="utf-8")
    patched = patch_text(text, bundle)
    if patched != text:
        atomic_write(bundle, patched.encode("utf-8"))
    return bundle


def _changed(bundle: Path, what: str) -> Problem:
    return Problem(
        bundle,
        None,
        f"Material's bundle changed: {what} was not found",
        f"review nmm_site/compat.py (written for mkdocs-material {MATERIAL})",
    )

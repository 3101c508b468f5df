"""Two narrow patches to Material's JavaScript bundle, applied to the built copy after each build.

1. Material's "stay on page" language switch fetches `<alternate href>/sitemap.xml` for each
   `<link rel=alternate>`. Our switcher links are computed per page at build time, and our hreflang
   links point at pages, so those fetches would only produce 404s and wasted requests on a phone. We
   narrow the bundle's selector to links that opt in with `data-md-sitemap` (none do).
2. Material downloads the language's whole search index (≈300 KB raw, ≈75 KB gzipped for `vi`) as
   soon as any page loads, competing with the page's own text and hero image on a slow phone network.
   We make that download wait until the visitor shows they want to search: focus or a tap in the
   search form, opening the search (the header button or the `/` shortcut), or a `?q=` in the address.
   Queries typed meanwhile are answered once the index arrives (Material shows "Initializing search").

mkdocs-material is pinned exactly, so the anchors are stable; if an upgrade changes them, the build
stops and says so. The replacements use only names the anchors themselves contain (`ks` fetches the
index, `F` is RxJS's Observable, `Z` is shareReplay), checked in `patch_bundle`.
"""

from __future__ import annotations

from pathlib import Path

from scripts.errors import Problem, ProblemsFound

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
        tmp = bundle.with_suffix(".tmp")
        tmp.write_text(patched, encoding="utf-8")
        tmp.replace(bundle)
    return bundle


def _changed(bundle: Path, what: str) -> Problem:
    return Problem(
        bundle,
        None,
        f"Material's bundle changed: {what} was not found",
        "review scripts/i18n/material_patch.py against the new mkdocs-material",
    )

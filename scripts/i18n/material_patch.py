"""Stop Material's bundle from fetching `sitemap.xml` next to every hreflang link.

Material's "stay on page" language switch fetches `<alternate href>/sitemap.xml` for each
`<link rel=alternate>`. Our switcher links are computed per page at build time, and our hreflang links
point at pages, so those fetches would only produce 404s and wasted requests on a phone. We narrow the
bundle's selector to links that opt in with `data-md-sitemap` (none do). mkdocs-material is pinned
exactly, so the anchor is stable; if an upgrade changes it, the build stops and says so.
"""

from __future__ import annotations

from pathlib import Path

from scripts.errors import Problem, ProblemsFound

ANCHOR = 'M("link[rel=alternate]")'
REPLACEMENT = 'M("link[rel=alternate][data-md-sitemap]")'


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
    if REPLACEMENT in text:
        return bundle
    if text.count(ANCHOR) != 1:
        raise ProblemsFound(
            [
                Problem(
                    bundle,
                    None,
                    "Material's bundle changed: the language-switch sitemap fetch was not found",
                    "review scripts/i18n/material_patch.py against the new mkdocs-material",
                )
            ]
        )
    tmp = bundle.with_suffix(".tmp")
    tmp.write_text(text.replace(ANCHOR, REPLACEMENT), encoding="utf-8")
    tmp.replace(bundle)
    return bundle

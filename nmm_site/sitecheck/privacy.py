"""Nothing on the built site loads from another host: no CDN fonts, scripts, styles or images.

Links (`<a href>`) to other sites are fine, they load nothing; what is checked is every reference a
browser fetches on its own: `src`/`srcset`/`poster`/`data` attributes, `<link>` elements that load
(stylesheet, icon, preload, preconnect, manifest…), CSS `url()` and `@import` in files, `<style>`
and `style` attributes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from lxml import html

# <link rel> values that make the browser fetch (or connect to) the href on its own.
LOADING_RELS = {
    "stylesheet",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "preload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "modulepreload",
    "manifest",
    "mask-icon",
}
FETCHED_ATTRIBUTES = ("src", "srcset", "poster", "data")
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class ExternalReference:
    file: str  # path relative to the site
    line: int
    url: str


def _is_external(url: str, own_host: str) -> bool:
    url = url.strip()
    if url.startswith("//"):
        url = "https:" + url
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and parts.hostname not in (None, own_host)


def _srcset_urls(value: str) -> list[str]:
    return [candidate.strip().split()[0] for candidate in value.split(",") if candidate.strip()]


def _css_urls(text: str) -> list[tuple[int, str]]:
    return [(text.count("\n", 0, m.start()) + 1, m.group(1) or m.group(2)) for m in _CSS_URL.finditer(text)]


def external_references(site_dir: Path, own_host: str) -> list[ExternalReference]:
    """Every reference in the built HTML and CSS that a browser would fetch from another host."""
    found: list[ExternalReference] = []
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        doc = html.fromstring(path.read_bytes())
        for element in doc.iter():
            if not isinstance(element.tag, str):
                continue
            line = element.sourceline or 0
            urls = [element.get(a) for a in FETCHED_ATTRIBUTES if element.get(a) and a != "srcset"]
            if element.get("srcset"):
                urls += _srcset_urls(element.get("srcset"))
            if element.tag == "link" and LOADING_RELS & set((element.get("rel") or "").lower().split()):
                urls.append(element.get("href") or "")
            if element.get("style"):
                urls += [u for _, u in _css_urls(element.get("style"))]
            if element.tag == "style" and element.text:
                urls += [u for _, u in _css_urls(element.text)]
            found += [ExternalReference(rel, line, u) for u in urls if _is_external(u, own_host)]
    for path in sorted(site_dir.rglob("*.css")):
        rel = path.relative_to(site_dir).as_posix()
        text = path.read_text(encoding="utf-8", errors="replace")
        found += [ExternalReference(rel, n, u) for n, u in _css_urls(text) if _is_external(u, own_host)]
    return sorted(found)

"""sitemap.xml with hreflang alternates and x-default; fallback copies are never listed."""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from nmm_site.i18n.pages import PageIndex, url_path

_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


def sitemap_xml(index: PageIndex, languages: tuple[str, ...], exclude: frozenset[str] = frozenset()) -> str:
    """One <url> per real page in `languages`, each carrying every alternate and x-default."""
    site = index.site
    parts = [_HEAD]
    for code in languages:
        for rel in index.pages(code):
            if rel in exclude:
                continue
            loc = site.absolute_url(code, url_path(rel))
            parts.append(f"  <url>\n    <loc>{_escape(loc)}</loc>\n")
            for hreflang, href in index.alternates(rel):
                parts.append(
                    f'    <xhtml:link rel="alternate" hreflang="{hreflang}" href={quoteattr(href)}/>\n'
                )
            parts.append("  </url>\n")
    parts.append("</urlset>\n")
    return "".join(parts)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

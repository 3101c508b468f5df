"""Where a page of a language tree and its side-by-side review page live in the site."""

from __future__ import annotations

from nmm_site.i18n.pages import url_path

REVIEW_PREFIX = "_review/"  # site folder of the side-by-side pages (noindex, outside nav and sitemaps)
SCREENSHOTS_PREFIX = REVIEW_PREFIX + "screenshots/"  # `make screenshots` of a theme change, in the preview
_HOME = "_home/"  # the home page's review page: `_` never occurs in a page slug, so it cannot collide


def review_path(rel_md: str) -> str:
    """Site path of the side-by-side page of `rel_md`: provinces/ha-giang.md → _review/provinces/ha-giang/."""
    return REVIEW_PREFIX + (url_path(rel_md) or _HOME)


def page_path(prefix: str, rel_md: str) -> str:
    """Site path of a page in one language: ("en/", "provinces/ha-giang.md") → en/provinces/ha-giang/."""
    return prefix + url_path(rel_md)

"""Where the map goes in a page: the page's language, the link prefix, and the Markdown placeholder."""

from __future__ import annotations

import re
from collections.abc import Callable

# Only this exact line is ours; every other {{ … }} shortcode belongs to the facts hook.
PLACEHOLDER = re.compile(r"^[ \t]*\{\{ region_map\(\) \}\}[ \t]*$", re.MULTILINE)


def page_language(url: str, codes: tuple[str, ...], default: str) -> str:
    """The build language of a page from its URL: 'en/region/' → 'en', 'region/' → the default."""
    first = url.lstrip("/").split("/", 1)[0]
    return first if first in codes and first != default else default


def language_root_prefix(url: str, lang: str, default: str) -> str:
    """Relative prefix from a page to its language root: 'en/provinces/ha-giang/' → '../../'."""
    path = url.lstrip("/")
    if lang != default and (path == lang or path.startswith(f"{lang}/")):
        path = path[len(lang) :].lstrip("/")
    # A directory URL ('region/') is its own folder; a file URL ('region.html') lives in its parent.
    folder = path if path.endswith("/") else path.rpartition("/")[0]
    depth = len([part for part in folder.split("/") if part])
    return "../" * depth


def replace_placeholder(markdown: str, figure: Callable[[], str]) -> str:
    """Replace each `{{ region_map() }}` line with the figure HTML (rendered once, only if present)."""
    if not PLACEHOLDER.search(markdown):
        return markdown
    html = figure()
    # Blank lines around the raw HTML block so Python-Markdown passes it through untouched.
    return PLACEHOLDER.sub(lambda _match: f"\n{html}\n", markdown)

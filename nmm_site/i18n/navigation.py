"""The navigation in each language: sections named by their index page, pages in A–Z order of title.

MkDocs orders pages by file name and names sections after folders ("heritage"), which is wrong in
every language but English and even there sorts "atk-dinh-hoa" first. Each section takes the title of
its index page and lists the index first, then the other pages by name in the language's alphabetical
order (Vietnamese: a ă â b c d đ …, tones after letters).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from nmm_site import site_config
from nmm_site.content.collation import sort_key


def title_key(title: str, lang: str) -> tuple:
    """The A–Z key of a displayed title in `lang`, without its leading article (the language's
    `sort_articles` in mkdocs.yml: "The Dao" files under D, « Les Tày » under T)."""
    lowered = title.lower()
    for article in site_config.load().language(lang).sort_articles:
        if lowered.startswith(article):
            title = title[len(article) :]
            break
    return sort_key(title, lang)


def reorder(
    items: Sequence[Any], lang: str, name_of: Callable[[Any], str | None], top: Sequence[str] = ()
) -> list[Any]:
    """Sort the children of every section (recursively) and return the top level in order.

    `name_of(page)` gives a page's display name; `top` lists top-level files or folders (by their
    name inside the language tree) that come first, in that order; the rest follow A–Z.
    """
    for item in items:
        children = getattr(item, "children", None)
        if children:
            index = [c for c in children if _is_index(c)]
            others = [c for c in children if not _is_index(c)]
            for child in others:
                if getattr(child, "children", None):
                    reorder([child], lang, name_of)
            others.sort(key=lambda c: title_key(_title(c, name_of), lang))
            item.children[:] = index + others
            if index:
                title = name_of(index[0])
                if title:
                    item.title = title
    rank = {name: i for i, name in enumerate(top)}
    return sorted(
        items,
        key=lambda item: (rank.get(_top_name(item), len(rank)), title_key(_title(item, name_of), lang)),
    )


def _top_name(item: Any) -> str:
    """A top-level item's file name ("region.md") or folder name ("provinces") in its tree."""
    file = getattr(item, "file", None)
    if file is None:
        for child in getattr(item, "children", None) or []:
            child_file = getattr(child, "file", None)
            if child_file:
                parts = child_file.src_uri.split("/")
                return parts[1] if len(parts) > 2 else ""
        return ""
    parts = file.src_uri.split("/", 1)
    return parts[1] if len(parts) > 1 else parts[0]


def _is_index(item: Any) -> bool:
    file = getattr(item, "file", None)
    return bool(file) and file.src_uri.rsplit("/", 1)[-1] == "index.md"


def _title(item: Any, name_of: Callable[[Any], str | None]) -> str:
    if getattr(item, "children", None):
        return str(item.title or "")
    return name_of(item) or str(getattr(item, "title", "") or "")

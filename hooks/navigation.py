"""MkDocs adapter for nmm_site.i18n.navigation: localised section names and A–Z order per language."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from mkdocs.plugins import event_priority

from nmm_site.content.config import ContentConfig
from nmm_site.content.pages import read_trees
from nmm_site.i18n.navigation import reorder

# The order of the top level: home, the overview, then the three sections; other pages follow A–Z.
TOP_ORDER = ("index.md", "region.md", "provinces", "heritage", "peoples")


# After static-i18n (priority -100) has reduced the nav to the language being built.
@event_priority(-150)
def on_nav(nav, config, files):
    root = Path(config.config_file_path).parent
    lang = config.theme["language"]
    trees = read_trees(ContentConfig.from_root(root))

    def name_of(page) -> str | None:
        content_lang, _, rel = page.file.src_uri.partition("/")
        source = trees.pages.get(content_lang, {}).get(PurePosixPath(rel))
        title = source.front.data.get("title") if source and source.front else None
        return str(title) if title else None

    nav.items[:] = reorder(nav.items, lang, name_of, top=TOP_ORDER)
    return nav

"""MkDocs adapter for scripts.buildtools.render_cache: a page whose inputs did not change is not
converted from Markdown again (`.cache/pages/`; NMM_RENDER_CACHE=0 turns it off)."""

from __future__ import annotations

import functools
from pathlib import Path

from scripts.buildtools.render_cache import RenderCache, enabled

_cache: RenderCache | None = None
_pruned = False


def on_config(config):
    global _cache
    folder = Path(config.config_file_path).parent / ".cache" / "pages"
    _cache = RenderCache(folder) if enabled() else None
    return config


def on_page_markdown(markdown, page, config, files):
    # MkDocs calls page.render(config, files) right after this event, with the final Markdown.
    if _cache is not None:
        page.render = functools.partial(_cache.render, page)
    return markdown


def on_post_build(config):
    global _pruned
    if _cache is not None and not _pruned:
        _cache.prune()
        _pruned = True

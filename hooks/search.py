"""MkDocs adapter for nmm_site.search: one diacritic-insensitive search index per language."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import event_priority

from nmm_site import compat
from nmm_site.facts import config as facts_config
from nmm_site.facts.loader import load as load_facts
from nmm_site.facts.render import Renderer
from nmm_site.search.index import write_from_combined
from nmm_site.search.keywords import keywords_for
from nmm_site.site_config import load

_keywords: dict[tuple[str, str], list[str]] = {}


def on_page_context(context, page, config, nav):
    only = config.plugins["i18n"].config.build_only_locale
    site = load(Path(config.config_file_path).parent).with_root_language(only)
    lang = config.theme["language"]
    prefix = site.lang_prefix(lang)
    page_path = page.url[len(prefix) :] if page.url.startswith(prefix) else page.url
    page_type = str(page.meta.get("type", ""))
    # The facts hook's settings: one parsed copy of the data per process (the loader keeps one).
    settings = facts_config.for_project(Path(config.config_file_path).parent)
    render = Renderer(load_facts(settings), settings) if page_type == "province" else None
    words = keywords_for(page_type, str(page.meta.get("id", "")), site.data_dir, render)
    if words:
        _keywords[(lang, page_path)] = words
    return context


# After static-i18n (priority -100) has built every language and merged their search entries.
@event_priority(-200)
def on_post_build(config):
    if compat.nested_language_build(config):
        return  # a nested per-language build: the merged index is not written yet
    only = config.plugins["i18n"].config.build_only_locale
    site = load(Path(config.config_file_path).parent).with_root_language(only)
    combined_path = Path(config.site_dir) / "search" / "search_index.json"
    if not combined_path.exists():
        return
    combined = json.loads(combined_path.read_text(encoding="utf-8"))
    memo = Path(config.config_file_path).parent / ".cache" / "search" / "folded.json"
    write_from_combined(Path(config.site_dir), combined, site.codes, site.default_language, _keywords, memo)

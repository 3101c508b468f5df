"""MkDocs adapter for scripts.search: one diacritic-insensitive search index per language."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import event_priority

from scripts.search.index import split_index, write_indexes
from scripts.search.keywords import keywords_for
from scripts.site_config import load

_keywords: dict[tuple[str, str], list[str]] = {}


def on_page_context(context, page, config, nav):
    only = config.plugins["i18n"].config.build_only_locale
    site = load(Path(config.config_file_path).parent).with_root_language(only)
    lang = config.theme["language"]
    prefix = site.lang_prefix(lang)
    page_path = page.url[len(prefix) :] if page.url.startswith(prefix) else page.url
    words = keywords_for(str(page.meta.get("type", "")), str(page.meta.get("id", "")), site.data_dir)
    if words:
        _keywords[(lang, page_path)] = words
    return context


# After static-i18n (priority -100) has built every language and merged their search entries.
@event_priority(-200)
def on_post_build(config):
    if getattr(config.plugins.get("i18n"), "building", False):
        return  # a nested per-language build: the merged index is not written yet
    only = config.plugins["i18n"].config.build_only_locale
    site = load(Path(config.config_file_path).parent).with_root_language(only)
    combined_path = Path(config.site_dir) / "search" / "search_index.json"
    if not combined_path.exists():
        return
    combined = json.loads(combined_path.read_text(encoding="utf-8"))
    built = tuple(code for code in site.codes if code in combined["config"].get("lang", site.codes))
    indexes = split_index(combined, built or site.codes, site.default_language, _keywords)
    write_indexes(Path(config.site_dir), indexes, site.default_language)

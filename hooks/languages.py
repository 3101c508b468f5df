"""MkDocs adapter for nmm_site.i18n: per-page language data, sitemaps, 404 pages per language."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from nmm_site import compat
from nmm_site.errors import ProblemsFound
from nmm_site.i18n import languages
from nmm_site.site_config import load

_state = languages.BuildState()


def on_config(config):
    # A one-language preview (BUILD_ONLY_LOCALE) builds that language at the root.
    only = config.plugins["i18n"].config.build_only_locale
    site = load(Path(config.config_file_path).parent).with_root_language(only)
    _state.start(site, str(config.site_url or ""))
    return config


def on_page_markdown(markdown, page, config, files):
    # Each page type has its template (overrides/<type>.html); front matter may not pick another.
    page.meta["template"] = languages.template_for(page.meta)
    return markdown


def on_page_context(context, page, config, nav):
    lang = config.theme["language"]
    context["nmm"] = _state.page_context(
        page_src_uri=page.file.src_uri,
        page_url=page.url,
        lang=lang,
        meta=page.meta,
        relative=get_relative_url,
        site_name=config.site_name,  # static-i18n sets it per language
    )
    return context


def on_env(env, config, files):
    # Our `config` block (overrides/main.html) names Material's search worker, whose name has a hash.
    try:
        env.globals["nmm_search_worker"] = compat.search_worker(config.theme.dirs)
    except ProblemsFound as problems:
        raise PluginError(problems.report()) from None
    return env


def on_post_template(output_content, template_name, config):
    if template_name == "404.html":
        _state.remember_404(config.theme["language"], output_content)
    return output_content


# After static-i18n (priority -100) has built the other languages into the same site directory.
@event_priority(-200)
def on_post_build(config):
    if compat.nested_language_build(config):
        return  # a nested per-language build; the outermost one writes the site-wide files
    _state.finish(Path(config.site_dir), config.theme["language"])

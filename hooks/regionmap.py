"""MkDocs hook: the schematic region map as Jinja globals and as the `{{ region_map() }}` Markdown line."""

from __future__ import annotations

from markupsafe import Markup
from mkdocs.exceptions import PluginError

from nmm_site import site_config
from nmm_site.errors import ProblemsFound
from nmm_site.regionmap.config import RegionMapConfig
from nmm_site.regionmap.pages import language_root_prefix, page_language, replace_placeholder
from nmm_site.regionmap.render import region_map_figure, region_map_list_html, region_map_svg

MARKDOWN_MAP = RegionMapConfig(id_prefix="nmm-map-md")


def _safe(function):  # type: ignore[no-untyped-def]
    """Wrap a renderer for templates: Markup output, and editor mistakes stop the build with the report."""

    def render(lang: str, root_prefix: str = "") -> Markup:
        try:
            return Markup(function(lang, root_prefix))
        except ProblemsFound as problems:
            raise PluginError(problems.report()) from None

    return render


def on_env(env, config, files):  # type: ignore[no-untyped-def]
    env.globals["region_map_svg"] = _safe(region_map_svg)
    env.globals["region_map_list_html"] = _safe(region_map_list_html)
    return env


def on_page_markdown(markdown, page, config, files):  # type: ignore[no-untyped-def]
    site = site_config.load()
    # static-i18n sets theme.language to the language being built (also for fallback pages and for
    # BUILD_ONLY_LOCALE previews, whose tree sits at the site root); the URL is the fallback.
    theme_language = (config.theme.get("language") if config is not None else None) or ""
    lang = (
        theme_language
        if theme_language in site.codes
        else page_language(page.url, site.codes, site.default_language)
    )
    prefix = language_root_prefix(page.url, lang, site.default_language)
    # Templates that place the map themselves read these (e.g. the home and region templates).
    page.meta["nmm_map_lang"] = lang
    page.meta["nmm_map_root_prefix"] = prefix
    try:
        # Its own ids: the page template may also show the map (with the default ids) on the same page.
        return replace_placeholder(markdown, lambda: region_map_figure(lang, prefix, config=MARKDOWN_MAP))
    except ProblemsFound as problems:
        raise PluginError(f"{page.file.src_uri}: {problems.report()}") from None

"""MkDocs adapter for nmm_site.i18n.catalogs: compile once, install each build language's catalog."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from nmm_site.errors import ProblemsFound
from nmm_site.i18n import catalogs, messages
from nmm_site.site_config import load

_compiled = False


def on_config(config):
    global _compiled
    if not _compiled:
        try:
            catalogs.compile_all(load(Path(config.config_file_path).parent))
        except ProblemsFound as problems:
            raise PluginError(problems.report()) from None
        _compiled = True
    return config


def on_env(env, config, files):
    # static-i18n sets Material's theme language per build but leaves MkDocs' theme locale at "en".
    site = load(Path(config.config_file_path).parent)
    env.install_gettext_translations(catalogs.translations(site, config.theme["language"]), newstyle=False)
    return env


def on_page_markdown(markdown, page, config, files):
    # The toc extension's "Permanent link" title on heading anchors is one string for all languages:
    # set it for the page's content language (MkDocs makes a new Markdown converter for every page).
    # A fallback copy keeps its source's language, as its body's lang attribute says.
    lang = load(Path(config.config_file_path).parent).content_language(page.file.src_uri)
    toc = config.mdx_configs.setdefault("toc", {})
    toc["permalink_title"] = messages.permalink_title(lang)
    return markdown

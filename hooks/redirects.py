"""MkDocs adapter: write redirect pages for former province names and `redirect_from:` in on_post_build."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from nmm_site import compat, site_config
from nmm_site.errors import ProblemsFound
from nmm_site.facts import config as facts_config
from nmm_site.facts.loader import load
from nmm_site.facts.redirects import Redirect, data_redirects, page_redirects, write_redirects
from nmm_site.facts.render import Renderer

# One list per language build (static-i18n runs one build per language in this process).
_PAGES: dict[str, list[Redirect]] = {}
_TITLES: dict[str, dict[str, str]] = {}


def _language(config: Any) -> str:
    current = compat.language_being_built(config)
    return current or config.theme.get("language") or site_config.load().default_language


def _strip_prefix(url: str, lang: str) -> str:
    prefix = site_config.load().lang_prefix(lang)
    return url[len(prefix) :] if prefix and url.startswith(prefix) else url


def _settings(config: Any) -> facts_config.FactsConfig:
    return facts_config.for_project(Path(config.config_file_path).parent)


def on_pre_build(config: Any) -> None:
    lang = _language(config)
    _PAGES[lang] = []
    _TITLES[lang] = {}


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    lang = _language(config)
    target = _strip_prefix(page.url, lang)
    redirects, problems = page_redirects(page.meta, target, Path(page.file.abs_src_path))
    if problems:
        raise PluginError(ProblemsFound(problems).report())
    _PAGES.setdefault(lang, []).extend(redirects)
    _TITLES.setdefault(lang, {})[target] = page.title or target
    return markdown


def on_post_build(config: Any) -> None:
    lang = _language(config)
    settings = _settings(config)
    try:
        data = load(settings)
        render = Renderer(data, settings)
        redirects = data_redirects(data, settings.languages) + _PAGES.get(lang, [])
        titles = dict(_TITLES.get(lang, {}))
        for stem in data.stems("provinces"):
            for pid in data.datasets[stem]:
                titles.setdefault(f"provinces/{pid}/", render.render(f"provinces.{pid}", lang).text)
        for cid in data.ids("provinces-2025"):
            titles[f"provinces/#now-{cid}"] = render.render(f"provinces-2025.{cid}", lang).text
        site = site_config.load()
        site_url = config.site_url or site.site_url
        site_url = site_url if site_url.endswith("/") else site_url + "/"
        write_redirects(Path(config.site_dir), lang, site.lang_prefix(lang), site_url, redirects, titles)
    except ProblemsFound as problems:
        raise PluginError(problems.report()) from None

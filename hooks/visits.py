"""MkDocs adapter for nmm_site.visits: check the visits data, then add "Plan your visit" (section, summary
box, TOC entry) to province and heritage pages, and the key figures and corrections contact to the
offices page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url

from nmm_site import site_config
from nmm_site.errors import ProblemsFound
from nmm_site.facts.render import Renderer
from nmm_site.i18n.pages import url_path
from nmm_site.visits import model, offices, render, validate
from nmm_site.visits import page as placement


def _root(config: Any) -> Path:
    return Path(config.config_file_path).parent


# The data of the build, loaded in on_config (MkDocs runs it before each build, each language included):
# config file → (data, visits entities by id, facts settings), so a page does not look at the files again.
_loaded: tuple[str, Any, dict, Any] | None = None


def _load(config: Any) -> tuple[str, Any, dict, Any]:
    global _loaded
    if _loaded is None or _loaded[0] != config.config_file_path:
        try:
            data = model.load_data(_root(config))
        except ProblemsFound as problems:
            raise PluginError(problems.report()) from None
        _loaded = (config.config_file_path, data, model.entities(data), model.facts_settings(_root(config)))
    return _loaded


def on_config(config: Any) -> None:
    global _loaded
    _loaded = None  # a new build (or a data edit in `mkdocs serve`): look at the data files again
    root = _root(config)
    _, data, _, settings = _load(config)
    problems = validate.check(data, settings.languages, root / "docs", root / "assets" / "images")
    if problems:
        raise PluginError(ProblemsFound(problems).report())


def _add_sources(page_obj: Any, ids: list[str]) -> None:
    known = list(page_obj.meta.get("nmm_fact_sources") or [])
    page_obj.meta["nmm_fact_sources"] = known + [sid for sid in ids if sid not in known]


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    site = site_config.load(_root(config))
    lang = site.content_language(page.file.src_uri)
    _, data, entities, settings = _load(config)
    if offices.KEY_FIGURES_MARK in html or offices.CORRECTIONS_MARK in html:
        filled = offices.fill(html, Renderer(data, settings), config.extra.get("corrections_contact"), lang)
        _add_sources(page, filled.sources)
        html = filled.html
    if page.meta.get("type") not in model.OWNER_TYPES:
        return html
    entity = entities.get(str(page.meta.get("id", "")))
    if entity is None:
        return html
    # Links between pages of one language tree: relative to this page's own path in the tree.
    head, _, rest = page.file.src_uri.partition("/")
    here = url_path(rest if head in site.codes and rest else page.file.src_uri)
    plan = render.plan(entity, lang, lambda target: get_relative_url(url_path(f"{target}.md"), here))
    if plan is None:
        return html
    _add_sources(page, plan.sources)
    placement.add_to_toc(page.toc, plan, AnchorLink)
    return placement.insert(html, plan)

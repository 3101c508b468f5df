"""MkDocs adapter: render {{ fact("…") }} shortcodes; give templates fact(), sources(), factbox()…"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.exceptions import PluginError

from nmm_site import site_config
from nmm_site.errors import ProblemsFound
from nmm_site.facts import config as facts_config
from nmm_site.facts.factbox import FactBox
from nmm_site.facts.loader import load
from nmm_site.facts.markdown import split_front_matter
from nmm_site.facts.render import FactPathError, Renderer
from nmm_site.facts.reorg import Reorganisation
from nmm_site.facts.shortcodes import replace_shortcodes

# The data of the build, loaded in on_config (MkDocs runs it before each build, each language included):
# every page of a build renders with the same data, and a page does not look at the data files again.
_loaded: tuple[str, Renderer, Reorganisation] | None = None


def _renderer(config: Any) -> Renderer:
    return _load(config)[1]


def _load(config: Any) -> tuple[str, Renderer, Reorganisation]:
    global _loaded
    if _loaded is None or _loaded[0] != config.config_file_path:
        # load() caches per process and reloads when a data file changes.
        settings = facts_config.for_project(Path(config.config_file_path).parent)
        try:
            renderer = Renderer(load(settings), settings)
        except ProblemsFound as problems:
            raise PluginError(problems.report()) from None
        _loaded = (config.config_file_path, renderer, Reorganisation(renderer))
    return _loaded


def _body_offset(source_path: Path, body: str) -> int:
    """How many lines of the source file come before the Markdown body MkDocs read from it."""
    if not source_path.is_file():
        return 0
    source = source_path.read_text(encoding="utf-8")
    if body and source.endswith(body):  # MkDocs keeps the body as the end of the file
        return source[: len(source) - len(body)].count("\n")
    return split_front_matter(source)[1]


def _page_language(page: Any, config: Any) -> str:
    # The folder a page comes from is its content language (a fallback copy keeps its vi facts).
    return site_config.load().content_language(page.file.src_uri)


def on_config(config: Any) -> None:
    global _loaded
    _loaded = None  # a new build (or a data edit in `mkdocs serve`): look at the data files again
    _renderer(config)  # fail early, before any page, when the data is invalid


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    source_path = Path(page.file.abs_src_path)
    offset = _body_offset(source_path, page.markdown or "")
    _, renderer, reorganisation = _load(config)
    result = replace_shortcodes(markdown, _page_language(page, config), renderer, source_path, offset)
    if result.problems:
        raise PluginError(ProblemsFound(result.problems).report())
    page.meta["nmm_fact_sources"] = result.sources
    # Where the page's subject lies today, named in the page's language (JSON-LD containedInPlace).
    lang = _page_language(page, config)
    page.meta["nmm_contained_in"] = _safe(reorganisation.contained_in)(
        str(page.meta.get("type", "")), str(page.meta.get("id", "")), lang
    )
    return result.markdown


def _safe(call: Any) -> Any:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return call(*args, **kwargs)
        except FactPathError as error:
            raise PluginError(f"{error.message}\n    fix: {error.fix}") from None

    return wrapper


def on_env(env: Any, config: Any, files: Any) -> Any:
    render = _renderer(config)
    box = FactBox(render)
    reorg = Reorganisation(render)
    env.globals.update(
        fact=_safe(lambda path, lang: render.render(path, lang).text),
        sources=_safe(lambda ids: [dict(render.data.sources[i], id=i) for i in dict.fromkeys(ids or [])]),
        all_source_ids=lambda: sorted(render.data.sources),
        entity=_safe(lambda dataset, entity_id: render.data.entity(dataset, entity_id)),
        factbox=_safe(
            lambda page_type, entity_id, lang: [
                (label, Markup(value), source)
                for label, value, source in box.rows(page_type, entity_id, lang)
            ]
        ),
        sources_html=_safe(lambda ids, lang: Markup(box.sources_html(list(ids or []), lang))),
        reorg_sentence=_safe(
            lambda former_id, lang, with_date=False: reorg.sentence(former_id, lang, with_date)
        ),
    )
    return env

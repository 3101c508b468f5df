"""MkDocs adapter for nmm_site.publications: per-page links and card metadata; every file after the build."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from nmm_site import compat
from nmm_site.errors import ProblemsFound
from nmm_site.publications import feeds, offices, pagemeta
from nmm_site.publications.build import build_all
from nmm_site.publications.catalog import Catalog, scan
from nmm_site.publications.config import PublicationsConfig

log = logging.getLogger("mkdocs.hooks.publications")


class _State:
    cfg: PublicationsConfig | None = None
    catalog: Catalog | None = None
    preview: bool = False  # `mkdocs serve`: a local preview, whose links are never printed


_state = _State()


def on_startup(command, dirty):
    _state.preview = command == "serve"


def _language(config) -> str:
    return compat.language_being_built(config) or config.theme["language"]


def on_config(config):
    if compat.nested_language_build(config) and _state.catalog is not None:
        return config  # the same pages for every language: read once per build
    root = Path(config.config_file_path).resolve().parent
    try:
        # A loopback site_url stops the build (dead printed links) unless this is `mkdocs serve` or
        # NMM_ALLOW_LOCAL_LINKS=1 opts in.
        allow = True if _state.preview else None
        _state.cfg = PublicationsConfig.for_root(root, str(config.site_url or ""), allow_local=allow)
        _state.catalog = scan(_state.cfg.site)
    except ProblemsFound as problems:
        raise PluginError(problems.report()) from None
    return config


# Before the facts hook (priority 0): its shortcode check would reject {{ office_resources() }}.
@event_priority(50)
def on_page_markdown(markdown, page, config, files):
    cfg, catalog = _state.cfg, _state.catalog
    assert cfg is not None and catalog is not None
    lang = _language(config)
    markdown, problems = offices.replace_placeholders(
        markdown, cfg, catalog, lang, page.url, Path(page.file.abs_src_path)
    )
    if problems:
        raise PluginError(ProblemsFound(problems).report())
    page.meta["nmm_feed"] = feeds.head_link(cfg, lang)
    entry = pagemeta.page_for(catalog, page.meta)
    if entry is not None:
        page.meta["nmm_publications"] = pagemeta.publications(cfg, entry, lang, page.url)
        page.meta["nmm_share_card"] = pagemeta.share_card(cfg, entry, lang)
    return markdown


def _hero_file(site_dir: Path):
    import nmm_site.images as images

    def find(name: str) -> Path | None:
        library = images.current_library()
        if name not in library:
            return None
        url = library.meta(name, "vi")["og_image"]["url"]
        built = site_dir / url
        if built.is_file():
            return built
        cached = library.cache_dir / Path(url).name if library.cache_dir else None
        return cached if cached and cached.is_file() else None

    return find


# After static-i18n (-100) built every language and the languages hook (-200) wrote the site-wide files.
@event_priority(-300)
def on_post_build(config):
    if compat.nested_language_build(config) or _state.cfg is None:
        return
    site_dir = Path(config.site_dir)
    try:
        report = build_all(_state.cfg, site_dir, catalog=_state.catalog, hero_file=_hero_file(site_dir))
    except ProblemsFound as problems:
        raise PluginError(problems.report()) from None
    log.info(report.summary())
    if not _state.cfg.pdf_enabled:
        log.info("publications: PDFs skipped (NMM_PUBLICATIONS=0)")

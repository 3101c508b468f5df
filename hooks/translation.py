"""MkDocs hook: page.meta["nmm_translation"] for every page, and the editors' translation-status page."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from nmm_site import compat
from nmm_site.content.config import ContentConfig
from nmm_site.translation.pages import EDITORS_PAGE, build_meta, editors_page_html
from nmm_site.translation.status import PageStatus, cached_translation_status


def _statuses(root: Path) -> tuple[ContentConfig, list[PageStatus]]:
    content = ContentConfig.from_root(root)
    return content, cached_translation_status(content)


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def _build_language(config: MkDocsConfig, default: str) -> str:
    return compat.language_being_built(config) or default


_current: list[tuple[ContentConfig, list[PageStatus]]] = []


def on_pre_build(config: MkDocsConfig) -> None:
    # Once per (language) build, not once per page: fingerprinting the trees reads every file's stat.
    _current[:] = [_statuses(_root(config))]


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    content, statuses = _current[0] if _current else _statuses(_root(config))
    src = PurePosixPath(page.file.src_uri)
    if not src.parts or src.parts[0] not in content.languages:
        return markdown  # a page outside the language trees (none today)
    file_lang, rel = src.parts[0], PurePosixPath(*src.parts[1:])
    build_lang = getattr(page.file, "locale_alternate_of", None) or _build_language(config, file_lang)
    by_rel = {entry.rel: entry for entry in statuses}
    page.meta["nmm_translation"] = build_meta(
        content, by_rel, build_lang, file_lang, rel, config.use_directory_urls
    )
    return markdown


def on_post_build(config: MkDocsConfig) -> None:
    content, statuses = _statuses(_root(config))
    if _build_language(config, content.source_language) != content.source_language:
        return  # written once, with the Vietnamese build
    site_dir = Path(config.site_dir)
    sheets = sorted(
        p.relative_to(site_dir).as_posix() for p in (site_dir / "assets" / "stylesheets").glob("*.css")
    )
    target = site_dir / EDITORS_PAGE / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(editors_page_html(statuses, content, sheets, config.site_name), encoding="utf-8")

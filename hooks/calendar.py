"""MkDocs adapter for nmm_site.calendar: the `{{ calendar() }}` page, the "next dates" of province and
heritage pages, and the .ics files beside each language's calendar page."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from nmm_site import site_config
from nmm_site.calendar.ics import cached_ics_files
from nmm_site.calendar.model import Calendar, build
from nmm_site.calendar.render import PLACEHOLDER, calendar_html, insert_section, next_dates_html
from nmm_site.errors import ProblemsFound
from nmm_site.facts import config as facts_config
from nmm_site.regionmap.pages import language_root_prefix

_built: dict[tuple, Calendar] = {}  # data files' times → calendar, across the builds of a process
_current: tuple[str, Calendar] | None = None  # this build's calendar (set in on_config)


def _calendar(config) -> Calendar:  # type: ignore[no-untyped-def]
    global _current
    if _current is None or _current[0] != config.config_file_path:
        _current = (config.config_file_path, _load(config))
    return _current[1]


def _load(config) -> Calendar:  # type: ignore[no-untyped-def]
    settings = facts_config.for_project(Path(config.config_file_path).parent)
    data_files = sorted(settings.data_dir.glob("*.yml")) + sorted(
        (settings.data_dir / "sources").glob("*.yml")
    )
    key = (settings, tuple((str(p), p.stat().st_mtime_ns) for p in data_files))
    if key not in _built:
        try:
            calendar = build(settings)
        except ProblemsFound as problems:
            raise PluginError(problems.report()) from None
        _built.clear()
        _built[key] = calendar
    return _built[key]


def _lang(page, config) -> str:  # type: ignore[no-untyped-def]
    site = site_config.load()
    theme_language = config.theme.get("language") or ""
    return theme_language if theme_language in site.codes else site.content_language(page.file.src_uri)


def _root(page, config) -> str:  # type: ignore[no-untyped-def]
    return language_root_prefix(page.url, _lang(page, config), site_config.load().default_language)


def on_config(config):  # type: ignore[no-untyped-def]
    global _current
    _current = None  # a new build (or a data edit in `mkdocs serve`): look at the data files again
    _calendar(config)  # a bad event stops the build before any page, with file, line and fix
    return config


def on_page_markdown(markdown, page, config, files):  # type: ignore[no-untyped-def]
    if PLACEHOLDER not in markdown:
        return markdown
    site_root = "../" * len([part for part in page.url.split("/")[:-1] if part]) if page.url else ""
    # Names link to the province and people pages that exist (in Vietnamese: a translation falls back).
    source = Path(config.docs_dir) / site_config.load().default_language
    pages = frozenset(
        f"{folder}/{path.stem}"
        for folder in ("provinces", "peoples")
        for path in (source / folder).glob("*.md")
    )
    body = calendar_html(
        _calendar(config),
        _lang(page, config),
        _root(page, config),
        f"{site_root}assets/javascripts/calendar.js",
        pages,
    )
    page.meta["nmm_calendar_page"] = True
    # Blank lines around the raw HTML block so Python-Markdown passes it through untouched.
    return markdown.replace(PLACEHOLDER, f"\n{body}\n")


def on_page_content(html, page, config, files):  # type: ignore[no-untyped-def]
    page_type, page_id = str(page.meta.get("type", "")), str(page.meta.get("id", ""))
    if page_type not in ("province", "heritage") or not page_id:
        return html
    calendar = _calendar(config)
    if page_type == "province":
        events, province = calendar.of_province(page_id), page_id
    else:
        events, province = calendar.of_heritage(page_id), None
    section = next_dates_html(calendar, events, _lang(page, config), _root(page, config), province)
    return insert_section(html, section)


def on_post_page(output, page, config):  # type: ignore[no-untyped-def]
    if page.meta.get("nmm_calendar_page"):
        folder = Path(page.file.abs_dest_path).parent
        folder.mkdir(parents=True, exist_ok=True)
        page_url = config.site_url.rstrip("/") + "/" + page.url
        cache = Path(config.config_file_path).parent / ".cache" / "calendar"
        for name, content in cached_ics_files(
            _calendar(config), _lang(page, config), page_url, cache
        ).items():
            (folder / name).write_bytes(content)
    return output

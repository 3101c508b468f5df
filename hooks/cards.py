"""MkDocs adapter for scripts.cards: the home's cards and the section pages' card grids."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup
from mkdocs.exceptions import PluginError

import scripts.images as images
from scripts.cards import data, html
from scripts.errors import ProblemsFound
from scripts.images.library import credits_html


class _State:
    root: Path = Path(".")
    project: data.Project | None = None
    calendar: bool = False


_state = _State()


def _lang(config) -> str:
    return config.theme["language"]


def on_config(config):
    _state.root = Path(config.config_file_path).parent
    return config


def on_pre_build(config):
    try:
        _state.project = data.Project.at(_state.root)  # a fresh read of the pages' front matter per build
    except ProblemsFound as problems:
        raise PluginError(problems.report(_state.root)) from None


def on_files(files, config):
    # The calendar card appears once the calendar page exists in this build (Markdown or generated).
    _state.calendar = any(f.is_documentation_page() and f.url.rstrip("/").endswith("calendar") for f in files)
    return files


def _section(page) -> str | None:
    """The section whose index this page is ("provinces"), or None."""
    meta = page.meta
    if meta.get("type", "page") != "page" or meta.get("id") not in data.SECTIONS:
        return None
    if not page.file.src_uri.endswith(f"{meta['id']}/index.md"):
        return None
    return str(meta["id"])


def _add_credits(page, lang: str, names: list[str]) -> None:
    metas = list(page.meta.get("nmm_images") or [])
    have = {m["name"] for m in metas}
    library = images.current_library()
    metas += [library.meta(n, lang) for n in dict.fromkeys(names) if n not in have and n in library]
    page.meta["nmm_images"] = metas
    page.meta["nmm_image_credits_html"] = credits_html(metas, lang)


def _root_prefix(page) -> str:
    # Pages of this hook sit at the language root (home) or one folder down (section indexes).
    return "" if page.meta.get("type") == "home" else "../"


def on_page_markdown(markdown, page, config, files):
    project = _state.project
    if project is None:
        return markdown
    lang = _lang(config)
    if page.meta.get("type") == "home":
        # The landing page has no docs sidebar and no table of contents; the editor may set `hide:`.
        page.meta.setdefault("hide", ["navigation", "toc"])
        cards = data.discover(project, lang, calendar=_state.calendar) + data.highlights(project, lang)
        _add_credits(page, lang, [c.image for c in cards if c.image])
    section = _section(page)
    if section:
        page.meta["template"] = "section.html"
        cards = data.section_cards(project, lang, section)
        page.meta["nmm_section_cards"] = cards
        _add_credits(page, lang, [c.image for c in cards if c.image])
    return markdown


def on_page_content(content, page, config, files):
    cards = page.meta.get("nmm_section_cards")
    section = _section(page)
    if not cards or not section:
        return content
    grid = html.section_grid(
        cards,
        section=section,
        lang=_lang(config),
        page_url=page.url,
        root_prefix=_root_prefix(page),
        image_meta=images.image_meta,
    )
    # After the introduction, before the first section heading: the page's own anchors stay as they are.
    at = content.find("<h2")
    return content + grid if at < 0 else content[:at] + grid + "\n" + content[at:]


def on_env(env, config, files):
    def home_cards(kind: str, lang: str, page_url: str, root_prefix: str) -> Markup:
        project = _state.project
        if project is None:
            return Markup("")
        common = {
            "lang": lang,
            "page_url": page_url,
            "root_prefix": root_prefix,
            "image_meta": images.image_meta,
        }
        if kind == "discover":
            return Markup(
                html.discover_cards(data.discover(project, lang, calendar=_state.calendar), **common)
            )
        found = data.highlights(project, lang)
        return Markup(html.highlight_cards(found, **common) if found else "")

    def picture(name: str, lang: str, page_url: str, sizes: str, eager: bool = False) -> Markup:
        library = images.current_library()
        if not name or name not in library:
            return Markup("")
        meta = library.meta(name, lang)
        return Markup(html.picture(meta, page_url, sizes, eager=eager, alt=meta["alt"]))

    env.globals["nmm_home_cards"] = home_cards
    env.globals["nmm_picture"] = picture
    return env

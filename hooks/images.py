"""MkDocs adapter for nmm_site.images: encode once per build, write `<picture>` markup, emit files once."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

import nmm_site.images as images
from nmm_site import compat
from nmm_site.errors import Problem, ProblemsFound
from nmm_site.files import place
from nmm_site.images.config import ImageConfig
from nmm_site.images.library import ImageLibrary, credits_html
from nmm_site.images.markdown import body_line_offset, rewrite_markdown
from nmm_site.images.pipeline import run
from nmm_site.site_config import load

log = logging.getLogger("mkdocs.hooks.images")


class _State:
    root: Path = Path(".")
    cfg: ImageConfig = ImageConfig()
    library: ImageLibrary | None = None
    problems: list[Problem] = []


_state = _State()


def _language(config) -> str:
    return compat.language_being_built(config) or config.theme["language"]


def _report(problems: list[Problem]) -> PluginError:
    return PluginError(ProblemsFound(problems).report(_state.root))


def on_config(config):
    _state.root = Path(config.config_file_path).parent
    _state.cfg = ImageConfig.for_root(_state.root, load(_state.root).codes)
    return config


def on_pre_build(config):
    _state.problems = []
    if compat.nested_language_build(config) and _state.library is not None:
        return  # identical for every language: encoded once per build
    try:
        result = run(_state.cfg)
    except ProblemsFound as problems:
        raise _report(problems.problems) from None
    log.info(result.summary())
    _state.library = ImageLibrary.from_run(result, _state.cfg)
    images.use_library(_state.library)


def _hero_line(source: str, offset: int) -> int | None:
    for number, line in enumerate(source.split("\n")[:offset], start=1):
        if line.startswith("hero:"):
            return number
    return None


def on_page_markdown(markdown, page, config, files):
    library = _state.library
    assert library is not None
    lang = _language(config)
    path = Path(page.file.abs_src_path)
    source = page.file.content_string
    offset = body_line_offset(source)
    used: list[str] = []
    hero = page.meta.get("hero")
    if hero:
        name = Path(str(hero)).name
        if name in library:
            used.append(name)
            page.meta["nmm_hero_html"] = library.picture(
                name, lang, page.url, eager=True, css_class="nmm-figure nmm-hero"
            )
        else:
            _state.problems.append(
                Problem(
                    path,
                    _hero_line(source, offset),
                    f"hero image {hero!r} does not exist in assets/images/",
                    "write the file name of an image in assets/images/ (e.g. `hero: ha-giang-karst.jpg`) "
                    "or remove the line",
                )
            )
    result = rewrite_markdown(
        markdown,
        page_path=path,
        root=_state.root,
        library=library,
        lang=lang,
        page_url=page.url,
        line_offset=offset,
        eager_first=not hero,
    )
    _state.problems += result.problems
    used += [n for n in result.used if n not in used]
    page.meta["nmm_images"] = [library.meta(n, lang) for n in used]
    page.meta["nmm_image_credits_html"] = credits_html(page.meta["nmm_images"], lang)
    return result.markdown


def on_env(env, config, files):
    # Pages are all read before any is rendered: stop here with every broken image reference at once.
    if _state.problems:
        raise _report(_state.problems)
    env.globals["nmm_render_picture"] = images.render_picture
    env.globals["nmm_image_meta"] = images.image_meta
    return env


def on_post_build(config):
    # Derived files go to the site root once (first language build); later builds find them in place.
    if _state.library is None:
        return
    site = Path(config.site_dir)
    copied = 0
    for src, rel in _state.library.files():
        dest = site / rel
        if dest.is_file() and dest.stat().st_size == src.stat().st_size:
            continue
        copied += place(src, dest)
    if copied:
        log.debug("images: %d derived files written to %s", copied, site)


def on_serve(server, config, builder):
    server.watch(str(_state.cfg.source_dir))
    return server

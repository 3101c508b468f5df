"""Image pipeline: originals in assets/images/ → responsive AVIF/WebP/JPEG in .cache/images/ → `<picture>`."""

from __future__ import annotations

from typing import Any

from nmm_site.images.config import ImageConfig
from nmm_site.images.library import ImageLibrary, credits_html

__all__ = ["ImageConfig", "ImageLibrary", "credits_html", "current_library", "image_meta", "render_picture"]

_active: ImageLibrary | None = None


def use_library(library: ImageLibrary | None) -> None:
    """Make `library` the one render_picture/image_meta use (the MkDocs hook sets it before pages)."""
    global _active
    _active = library


def current_library() -> ImageLibrary:
    """The library of the running build, else the one the last `nmm optimize-images` left in .cache/."""
    global _active
    if _active is None:
        from nmm_site import site_config

        site = site_config.load()
        _active = ImageLibrary.load(ImageConfig.for_root(site.root, site.codes))
    return _active


def render_picture(name: str, lang: str, page_url: str, eager: bool = True) -> str:
    """Hero `<figure>` for image `name` ("ha-giang-karst.jpg") on the page at site-relative `page_url`."""
    return current_library().picture(name, lang, page_url, eager=eager, css_class="nmm-figure nmm-hero")


def image_meta(name: str, lang: str) -> dict[str, Any]:
    """Alt, caption, credit, licence URL, og:image and variants of `name`; URLs relative to the site root."""
    return current_library().meta(name, lang)

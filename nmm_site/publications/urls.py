"""Where each publication lives in the site: site-root-relative paths (no leading slash) and absolute URLs."""

from __future__ import annotations

from nmm_site.images.library import relative_url
from nmm_site.publications.catalog import Page
from nmm_site.publications.config import PublicationsConfig

__all__ = ["relative_url"]


def page_path(cfg: PublicationsConfig, page: Page, lang: str) -> str:
    return cfg.site.lang_prefix(lang) + page.path


def pdf_path(cfg: PublicationsConfig, page_id: str, lang: str, paper: str | None = None) -> str:
    """pdf/<id>.pdf for the main paper size (A4), pdf/<id>-<size>.pdf for the others (…-letter.pdf)."""
    suffix = "" if paper in (None, cfg.paper_sizes[0]) else f"-{str(paper).lower()}"
    return f"{cfg.site.lang_prefix(lang)}{cfg.pdf_dir}/{page_id}{suffix}.pdf"


def card_path(cfg: PublicationsConfig, page_id: str, lang: str) -> str:
    return f"{cfg.site.lang_prefix(lang)}{cfg.cards_dir}/{page_id}.jpg"


def go_path(cfg: PublicationsConfig, page_id: str) -> str:
    return f"{cfg.go_dir}/{page_id}/"


def qr_path(cfg: PublicationsConfig, page_id: str, kind: str) -> str:
    return f"{go_path(cfg, page_id)}qr.{kind}"


def feed_path(cfg: PublicationsConfig, lang: str) -> str:
    return f"{cfg.site.lang_prefix(lang)}{cfg.feed_name}"


def absolute(cfg: PublicationsConfig, path: str) -> str:
    return cfg.site.site_url + path

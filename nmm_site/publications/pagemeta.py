"""What a built page learns about its publications: page.meta["nmm_publications"], ["nmm_share_card"]."""

from __future__ import annotations

from typing import Any

from nmm_site.publications import text
from nmm_site.publications.catalog import Catalog, Page
from nmm_site.publications.config import PublicationsConfig
from nmm_site.publications.urls import absolute, card_path, go_path, pdf_path, qr_path, relative_url


def has_pdf(cfg: PublicationsConfig, page: Page) -> bool:
    """Whether the page type gets a PDF (the region page's PDF is the booklet)."""
    return page.type in cfg.pdf_types or page.type == cfg.booklet_type


def pdf_language(cfg: PublicationsConfig, page: Page, lang: str) -> str | None:
    """The language of the PDF offered on the page in `lang`: its own, else the default language's."""
    if not has_pdf(cfg, page):
        return None
    if page.type == cfg.booklet_type or page.has(lang):
        return lang  # the booklet exists in every language (missing parts fall back, as on the site)
    return cfg.site.default_language if page.has(cfg.site.default_language) else None


def share_card(cfg: PublicationsConfig, page: Page, lang: str) -> dict[str, Any]:
    """page.meta["nmm_share_card"]: the og:image of the page in `lang` (url is site-root-relative)."""
    title = page.version(lang, cfg.site.default_language).title
    return {
        "url": card_path(cfg, page.id, lang),
        "width": cfg.card_width,
        "height": cfg.card_height,
        "type": "image/jpeg",
        "alt": text.t(lang, "card_alt", title=title, site=cfg.site_name(lang)),
    }


def publications(cfg: PublicationsConfig, page: Page, lang: str, page_url: str) -> dict[str, Any]:
    """page.meta["nmm_publications"]: hrefs relative to the page at `page_url`, labels in `lang`."""
    title = page.version(lang, cfg.site.default_language).title
    pdf = None
    pdf_lang = pdf_language(cfg, page, lang) if cfg.pdf_enabled else None
    if pdf_lang:
        label_key = "download_booklet" if page.type == cfg.booklet_type else "download_pdf"
        pdf = {
            "href": relative_url(pdf_path(cfg, page.id, pdf_lang), page_url),
            "lang": pdf_lang,
            "label": text.t(lang, label_key),
            "paper": cfg.paper_sizes[0],
            # The other paper sizes (US Letter): [{"href", "label"}].
            "editions": [
                {
                    "href": relative_url(pdf_path(cfg, page.id, pdf_lang, paper), page_url),
                    "label": text.t(lang, "letter"),
                }
                for paper in cfg.paper_sizes[1:]
            ],
        }
    return {
        "id": page.id,
        "pdf": pdf,
        "short_url": absolute(cfg, go_path(cfg, page.id)),
        "short_href": relative_url(go_path(cfg, page.id), page_url),
        "qr_svg": relative_url(qr_path(cfg, page.id, "svg"), page_url),
        "qr_png": relative_url(qr_path(cfg, page.id, "png"), page_url),
        "qr_alt": text.t(lang, "qr_alt", title=title),
        "labels": {"short_link": text.t(lang, "short_link"), "qr_code": text.t(lang, "qr_code")},
    }


def page_for(catalog: Catalog, meta: dict[str, Any]) -> Page | None:
    page_id = str(meta.get("id") or "")
    return catalog.pages.get(page_id)

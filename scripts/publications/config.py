"""The publications' settings: one frozen dataclass, read from mkdocs.yml and the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from scripts import site_config
from scripts.site_config import SiteConfig

# `NMM_PUBLICATIONS=0 mkdocs serve` skips the PDFs for quick previews (links, cards and feeds stay).
ENV_SWITCH = "NMM_PUBLICATIONS"


@dataclass(frozen=True)
class PublicationsConfig:
    root: Path
    site: SiteConfig
    site_names: dict[str, str] = field(default_factory=dict)  # lang → the site's name in that language

    # What gets a PDF
    pdf_types: tuple[str, ...] = ("province", "heritage")  # one PDF per page of these types
    booklet_type: str = "region"  # the region page's PDF is the booklet: the overview + every province
    booklet_part_type: str = "province"
    pdf_enabled: bool = True  # False with NMM_PUBLICATIONS=0 (documented in the offices page and README)

    # Output (folders relative to each language's root, except go/ which is language-neutral)
    pdf_dir: str = "pdf"
    cards_dir: str = "cards"
    go_dir: str = "go"
    feed_name: str = "feed.xml"

    # Rendering
    fonts_dir_name: str = "assets/fonts"  # committed fonts with full Vietnamese coverage (OFL)
    card_width: int = 1200  # the Open Graph size every network accepts
    card_height: int = 630
    card_quality: int = 85  # JPEG: a photo card is ~5× smaller than PNG at no visible loss
    qr_png_scale: int = 10  # pixels per module: a short link fits in ~330 px
    workers: int = max(1, os.cpu_count() or 1)  # WeasyPrint is CPU-bound, one process per core

    # Short links and feeds
    go_delay_ms: int = 1500  # time to see (and change) the language choice before the redirect
    feed_entries: int = 50  # newest pages per feed
    tag_date: str = "2026"  # the date part of the feeds' tag: URIs (the year the site started)

    # Caching
    cache_version: str = "1"  # bump when the code changes the output for the same inputs

    @property
    def fonts_dir(self) -> Path:
        return self.root / self.fonts_dir_name

    @property
    def cache_dir(self) -> Path:
        return self.root / ".cache" / "publications"

    def site_name(self, lang: str) -> str:
        return self.site_names.get(lang) or self.site.site_name

    @classmethod
    def for_root(cls, root: Path, site_url: str | None = None, **overrides: object) -> PublicationsConfig:
        """The settings of the project at `root`; `site_url` (e.g. from SITE_URL) wins over mkdocs.yml."""
        site = site_config.load(root)
        if site_url and site_url.rstrip("/") + "/" != site.site_url:
            site = SiteConfig(site.root, site_url.rstrip("/") + "/", site.site_name, site.languages)
        enabled = os.environ.get(ENV_SWITCH, "1").strip().lower() not in ("0", "false", "no", "off")
        settings = cls(root=root, site=site, site_names=language_site_names(root), pdf_enabled=enabled)
        return replace(settings, **overrides) if overrides else settings


def language_site_names(root: Path) -> dict[str, str]:
    """lang → site_name from the i18n block of mkdocs.yml (the default language uses the top-level one)."""
    # The same tolerant loader as site_config, so !ENV and python tags parse the same way.
    raw = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=site_config._Loader)
    i18n = next(p["i18n"] for p in raw["plugins"] if isinstance(p, dict) and "i18n" in p)
    names = {}
    for lang in i18n["languages"]:
        names[lang["locale"]] = lang.get("site_name") or raw["site_name"]
    return names

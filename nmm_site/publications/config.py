"""The publications' settings: one frozen dataclass, read from mkdocs.yml and the environment."""

from __future__ import annotations

import ipaddress
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from nmm_site import site_config
from nmm_site.errors import Problem, ProblemsFound
from nmm_site.site_config import SiteConfig

# `NMM_PUBLICATIONS=0 mkdocs serve` skips the PDFs for quick previews (links, cards and feeds stay).
ENV_SWITCH = "NMM_PUBLICATIONS"
# Printed links (QR codes, PDFs, /go/ pages, feeds) carry site_url. A loopback site_url makes dead
# printed links, so it stops the build unless a preview or a test opts in: NMM_ALLOW_LOCAL_LINKS=1
# (`make serve` and `mkdocs serve` do).
ALLOW_LOCAL_ENV = "NMM_ALLOW_LOCAL_LINKS"
PUBLIC_URL_EXAMPLE = "https://nmm-vietnam.github.io/nmm-site/"
_FAVICON_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon"}


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
    # Every PDF in each paper size (CSS @page size): the first is the main edition (pdf/<id>.pdf), the
    # others are pdf/<id>-<size>.pdf. Offices abroad print on US Letter.
    paper_sizes: tuple[str, ...] = ("A4", "letter")

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
    favicon: str = "assets/images/favicon.png"  # theme.favicon of mkdocs.yml (Material's default)
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

    @property
    def favicon_type(self) -> str:
        return _FAVICON_TYPES.get(Path(self.favicon).suffix.lower(), "image/png")

    @classmethod
    def for_root(
        cls,
        root: Path,
        site_url: str | None = None,
        *,
        allow_local: bool | None = None,
        **overrides: object,
    ) -> PublicationsConfig:
        """The settings of the project at `root`; `site_url` (e.g. from SITE_URL) wins over mkdocs.yml.

        A loopback site_url raises ProblemsFound unless `allow_local` (default: NMM_ALLOW_LOCAL_LINKS=1)."""
        site = site_config.load(root)
        if site_url and site_url.rstrip("/") + "/" != site.site_url:
            site = SiteConfig(site.root, site_url.rstrip("/") + "/", site.site_name, site.languages)
        if not (local_links_allowed() if allow_local is None else allow_local):
            check_public_url(root, site.site_url)
        enabled = os.environ.get(ENV_SWITCH, "1").strip().lower() not in ("0", "false", "no", "off")
        settings = cls(
            root=root,
            site=site,
            site_names=language_site_names(root),
            pdf_enabled=enabled,
            favicon=theme_favicon(root),
        )
        return replace(settings, **overrides) if overrides else settings


def local_links_allowed() -> bool:
    return os.environ.get(ALLOW_LOCAL_ENV, "").strip().lower() in ("1", "true", "yes", "on")


def is_local_address(url: str) -> bool:
    """Whether `url` only works on this machine: localhost, a loopback or unspecified IP, no host."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    if not host or host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified or address.is_link_local


def check_public_url(root: Path, site_url: str) -> None:
    """Stop with a Problem when the printed links would carry a local address."""
    if not is_local_address(site_url):
        return
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8") if config.is_file() else ""
    match = re.search(r"^site_url:", text, re.MULTILINE)
    line = text.count("\n", 0, match.start()) + 1 if match else None
    raise ProblemsFound(
        [
            Problem(
                config,
                line,
                f"site_url is a local address ({site_url}): the QR codes, PDFs and /go/ short links "
                "would print an address that works on no one else's machine",
                f"build with the public address: `SITE_URL={PUBLIC_URL_EXAMPLE} make build`, or set "
                "`site_url` in mkdocs.yml to it; for a local preview only, opt in with "
                f"`{ALLOW_LOCAL_ENV}=1` (`make serve` does)",
            )
        ]
    )


def theme_favicon(root: Path) -> str:
    """theme.favicon of mkdocs.yml (site-root-relative), or Material's default."""
    raw = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=site_config._Loader)
    theme = raw.get("theme") if isinstance(raw.get("theme"), dict) else {}
    return str(theme.get("favicon") or PublicationsConfig.favicon).lstrip("/")


def language_site_names(root: Path) -> dict[str, str]:
    """lang → site_name from the i18n block of mkdocs.yml (the default language uses the top-level one)."""
    # The same tolerant loader as site_config, so !ENV and python tags parse the same way.
    raw = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=site_config._Loader)
    i18n = next(p["i18n"] for p in raw["plugins"] if isinstance(p, dict) and "i18n" in p)
    names = {}
    for lang in i18n["languages"]:
        names[lang["locale"]] = lang.get("site_name") or raw["site_name"]
    return names

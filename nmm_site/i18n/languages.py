"""Per-page language facts for the templates, and the site-wide files written after the builds."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from nmm_site import compat
from nmm_site.content.schema import page_types
from nmm_site.files import atomic_write
from nmm_site.i18n.pages import PageIndex, url_path
from nmm_site.i18n.seo import PageHead, json_ld, page_head
from nmm_site.i18n.sitemap import sitemap_xml
from nmm_site.site_config import SiteConfig

# Pages for editors, built but kept out of sitemaps (they carry noindex too).
EDITOR_PREFIX = "_editors/"


def template_for(meta: dict) -> str:
    """The page type's template; a plain page may name another one (e.g. `template: sources.html`)."""
    page_type = meta.get("type", "page")
    # The page types are the schemas in schemas/ (one per type), defined once there.
    if page_type in page_types() and page_type != "page":
        return f"{page_type}.html"
    return str(meta.get("template") or "main.html")


def split_src_uri(src_uri: str) -> tuple[str, str]:
    """'fr/provinces/ha-giang.md' → ('fr', 'provinces/ha-giang.md')."""
    content_lang, _, rel = src_uri.partition("/")
    return content_lang, rel


@dataclass
class BuildState:
    """What the hooks learn while static-i18n builds each language in turn."""

    site: SiteConfig | None = None
    index: PageIndex | None = None
    not_found: dict[str, str] = field(default_factory=dict)  # lang → rendered 404 page

    def start(self, site: SiteConfig, site_url: str) -> None:
        if site_url and site_url.rstrip("/") + "/" != site.site_url:
            # SITE_URL set in the environment wins over the default in mkdocs.yml.
            site = SiteConfig(site.root, site_url.rstrip("/") + "/", site.site_name, site.languages)
        self.site = site
        self.index = PageIndex.scan(site)

    def page_context(
        self,
        *,
        page_src_uri: str,
        page_url: str,
        lang: str,
        meta: dict,
        relative: Callable[[str, str], str],
        site_name: str = "",
    ) -> dict:
        assert self.site and self.index
        content_lang, rel = split_src_uri(page_src_uri)
        head = page_head(self.index, rel, lang, content_lang)
        path = url_path(rel)
        real = self.index.languages_of(rel)
        switcher = [
            {
                "code": language.code,
                "name": language.name,
                "href": relative(self.site.lang_prefix(language.code) + path or ".", page_url),
                "current": language.code == lang,
                "translated": language.code in real,
            }
            for language in self.site.languages
        ]
        home = relative(self.site.lang_prefix(lang) or ".", page_url)
        default = self.site.default_language
        translation_of = (
            self.site.absolute_url(default, path) if lang != default and not head.is_fallback else None
        )
        return {
            "head": head,
            "lang": lang,
            "page_type": meta.get("type", "page"),
            "switcher": switcher,
            "home_href": home if home.endswith("/") else home + "/",
            "root_prefix": "" if home in (".", "./") else (home if home.endswith("/") else home + "/"),
            # The Vietnamese original, for the fallback notice and the outdated-translation banner.
            "source_href": relative(
                self.site.lang_prefix(self.site.default_language) + path or ".", page_url
            ),
            "home_url": self.site.absolute_url(lang, ""),
            "translation_of": translation_of,
            "noindex": rel.startswith(EDITOR_PREFIX),
            "share": self._share(head, meta, lang, translation_of, site_name or self.site.site_name),
        }

    def _share(
        self, head: PageHead, meta: dict, lang: str, translation_of: str | None, site_name: str
    ) -> dict:
        """The share image (hero first) and the JSON-LD of a page."""
        assert self.site
        images = meta.get("nmm_images") or []
        absolute = [
            {
                "url": self.site.site_url + img["content_url"],
                "caption": img["caption"],
                "license": img["licence_url"],
                "credit": img["credit"],
                "creator": img["creator"],
            }
            for img in images
        ]
        image = None
        card = meta.get("nmm_share_card")  # the page's own 1200×630 card (publications hook)
        if card:
            image = {**card, "url": self.site.site_url + card["url"]}
        elif images:
            first = images[0]
            og = first["og_image"]
            image = {**og, "url": self.site.site_url + og["url"], "alt": first["alt"]}
        # Set by the facts hook for places: the current (2025) province, named in this language.
        contained_in = meta.get("nmm_contained_in") or []
        data = json_ld(
            head,
            page_type=meta.get("type", "page"),
            title=str(meta.get("title", site_name)),
            description=str(meta.get("description", "")),
            site_name=site_name,
            site_url=self.site.site_url,
            home_url=self.site.absolute_url(lang, ""),
            images=absolute,
            contained_in=contained_in,
            translation_of=translation_of,
        )
        return {"image": image, "json_ld": data}

    def remember_404(self, lang: str, html: str) -> None:
        self.not_found[lang] = html

    def finish(self, site_dir: Path, lang: str) -> None:
        """Write sitemaps and 404 pages. The default language's build ends last, after the others."""
        assert self.site and self.index
        site = self.site
        exclude = frozenset(rel for rel in self.index.present if rel.startswith(EDITOR_PREFIX))
        for code, html in self.not_found.items():
            target = site_dir / site.lang_prefix(code) / "404.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(html, encoding="utf-8")
        built = tuple(
            code for code in site.codes if (site_dir / site.lang_prefix(code) / "index.html").exists()
        )
        root_xml = sitemap_xml(self.index, built, exclude)
        _write(site_dir / "sitemap.xml", root_xml)
        (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(root_xml.encode("utf-8"), mtime=0))
        for code in built:
            if code != site.default_language:
                _write(site_dir / code / "sitemap.xml", sitemap_xml(self.index, (code,), exclude))
        if (site_dir / "assets" / "javascripts").is_dir():
            compat.patch_bundle(site_dir)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, text.encode("utf-8"))

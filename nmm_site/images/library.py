"""The published images: metadata per language and the `<picture>` / credits HTML, for pages and templates."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from nmm_site.i18n.messages import ui_text
from nmm_site.images.config import ImageConfig
from nmm_site.images.pipeline import RunResult, load_manifest
from nmm_site.images.sidecar import Sidecar, load_sidecar

# Images at least this wide fill the content column: the first of them on a page loads eagerly.
LARGE_WIDTH = 640
_MIME = {
    "avif": "image/avif",
    "webp": "image/webp",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "svg": "image/svg+xml",
}


def relative_url(target: str, page_url: str) -> str:
    """URL of site-root-relative `target` as seen from the page at site-root-relative `page_url`."""
    page_url = page_url.lstrip("/")
    base = page_url.rsplit("/", 1)[0] if "/" in page_url else ""
    depth = len([part for part in base.split("/") if part])
    return "../" * depth + target


def _ui(lang: str, word: str) -> str:
    """The few words of captions and the credits list, from the gettext catalogs."""
    words = {
        "photo": ui_text(lang, "Image"),
        "credits": ui_text(lang, "Image credits"),
        "source": ui_text(lang, "source"),
    }
    return words[word]


def _is_url(text: str) -> bool:
    return text.startswith(("https://", "http://"))


@dataclass
class ImageLibrary:
    entries: dict[str, dict[str, Any]]  # manifest entry per original name
    sidecars: dict[str, Sidecar]
    url_prefix: str = "assets/img"
    sizes: str = ImageConfig.sizes
    cache_dir: Path | None = None

    @classmethod
    def from_run(cls, result: RunResult, cfg: ImageConfig) -> ImageLibrary:
        return cls(result.entries, result.sidecars, cfg.url_prefix, cfg.sizes, cfg.cache_dir)

    @classmethod
    def load(cls, cfg: ImageConfig) -> ImageLibrary:
        """The library as the last `nmm optimize-images` left it (valid sidecars only)."""
        entries = load_manifest(cfg)
        sidecars = {}
        for name in entries:
            sidecar, _ = load_sidecar(cfg.source_dir / name, cfg.languages)
            if sidecar:
                sidecars[name] = sidecar
        return cls(entries, sidecars, cfg.url_prefix, cfg.sizes, cfg.cache_dir)

    def __contains__(self, name: str) -> bool:
        return name in self.entries and name in self.sidecars

    def names(self) -> list[str]:
        return sorted(n for n in self.entries if n in self.sidecars)

    def files(self) -> list[tuple[Path, str]]:
        """(file in the cache, its path in the site) for every derived file."""
        assert self.cache_dir is not None
        return [
            (self.cache_dir / v["file"], f"{self.url_prefix}/{v['file']}")
            for name in self.names()
            for v in self.entries[name]["variants"]
        ]

    # Metadata -----------------------------------------------------------------------------------

    def meta(self, name: str, lang: str) -> dict[str, Any]:
        """Alt, caption, credit, licence and derived URLs (site-root-relative) of image `name` in `lang`."""
        entry, side = self.entries[name], self.sidecars[name]
        variants = [
            {
                "format": v["format"],
                "width": v["width"],
                "height": v["height"],
                "url": f"{self.url_prefix}/{v['file']}",
                "type": _MIME[v["format"]],
                "bytes": v["bytes"],
            }
            for v in entry["variants"]
        ]
        fallback = [v for v in variants if v["format"] in ("jpeg", "png", "svg")]
        largest = max(fallback, key=lambda v: v["width"])
        # Share cards want ≈1200 px: the smallest fallback at least that wide, else the largest.
        og = min((v for v in fallback if v["width"] >= 1200), key=lambda v: v["width"], default=largest)
        credit = f"{_ui(lang, 'photo')}: {side.creator} ({side.licence_label})"
        return {
            "name": name,
            "alt": side.alt[lang],
            "caption": side.caption[lang],
            "creator": side.creator,
            "credit": credit,
            "licence": side.licence,
            "licence_label": side.licence_label,
            "licence_url": side.licence_url,
            "source": side.source,
            "date": side.date,
            "place": side.place_in(lang),
            "people": side.people,
            "width": largest["width"],
            "height": largest["height"],
            "content_url": largest["url"],
            "og_image": {k: og[k] for k in ("url", "width", "height", "type")},
            "variants": variants,
        }

    # HTML ---------------------------------------------------------------------------------------

    def is_large(self, name: str) -> bool:
        return self.entries[name]["width"] >= LARGE_WIDTH

    def picture(
        self,
        name: str,
        lang: str,
        page_url: str,
        *,
        eager: bool = False,
        figure: bool = True,
        css_class: str = "nmm-figure",
    ) -> str:
        """`<figure><picture>…</picture><figcaption>` (or the bare `<picture>`), URLs relative to the page."""
        meta = self.meta(name, lang)
        by_format: dict[str, list[dict[str, Any]]] = {}
        for v in meta["variants"]:
            by_format.setdefault(v["format"], []).append(v)

        def srcset(items: list[dict[str, Any]]) -> str:
            return ", ".join(f"{relative_url(v['url'], page_url)} {v['width']}w" for v in items)

        fallback_fmt = next(f for f in ("jpeg", "png", "svg") if f in by_format)
        fallback = by_format[fallback_fmt]
        # The img src is the variant nearest the content column (960), for browsers without srcset.
        src = min(fallback, key=lambda v: abs(v["width"] - 960))
        loading = 'loading="eager" fetchpriority="high"' if eager else 'loading="lazy" decoding="async"'
        sizes = escape(self.sizes)
        lines = ["<picture>"]
        for fmt in ("avif", "webp"):
            if fmt in by_format:
                srcs = srcset(by_format[fmt])
                lines.append(f'<source type="{_MIME[fmt]}" srcset="{srcs}" sizes="{sizes}">')
        img_srcset = "" if fallback_fmt == "svg" else f' srcset="{srcset(fallback)}" sizes="{sizes}"'
        lines.append(
            f'<img src="{relative_url(src["url"], page_url)}"{img_srcset} width="{meta["width"]}" '
            f'height="{meta["height"]}" alt="{escape(meta["alt"])}" {loading}>'
        )
        lines.append("</picture>")
        if not figure:
            return "".join(lines)
        caption = (
            f"<figcaption>{escape(meta['caption'])} "
            f'<small class="nmm-credit">{escape(_ui(lang, "photo"))}: {escape(meta["creator"])} · '
            f'<a href="{escape(meta["licence_url"])}" rel="license">{escape(meta["licence_label"])}</a>'
            "</small></figcaption>"
        )
        return "\n".join([f'<figure class="{escape(css_class)}">', *lines, caption, "</figure>"])


def credits_html(images: list[dict[str, Any]], lang: str) -> str:
    """The per-page credits list for the metadata of the images used on it ("" when there are none)."""
    seen: set[str] = set()
    items = []
    for meta in images:
        if meta["name"] in seen:
            continue
        seen.add(meta["name"])
        source = (
            f'<a href="{escape(meta["source"])}">{escape(_ui(lang, "source"))}</a>'
            if _is_url(meta["source"])
            else escape(meta["source"])
        )
        items.append(
            f'<li><span class="nmm-credits__caption">{escape(meta["caption"])}</span> — '
            f"{escape(meta['creator'])}, "
            f'<a href="{escape(meta["licence_url"])}" rel="license">{escape(meta["licence_label"])}</a>, '
            f"{source}</li>"
        )
    if not items:
        return ""
    return "\n".join(
        [
            '<section class="nmm-credits" aria-labelledby="nmm-credits-title">',
            f'<h2 id="nmm-credits-title">{escape(_ui(lang, "credits"))}</h2>',
            "<ul>",
            *items,
            "</ul>",
            "</section>",
        ]
    )
